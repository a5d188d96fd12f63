import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { asBool, asString, isSet, isUnknown } from "../lib/values";

const RDS_CLUSTER = "aws:rds/cluster:Cluster";
const RDS_INSTANCE = "aws:rds/instance:Instance";
const GLOBAL_CLUSTER = "aws:rds/globalCluster:GlobalCluster";
const DOCDB_CLUSTER = "aws:docdb/cluster:Cluster";
const NEPTUNE_CLUSTER = "aws:neptune/cluster:Cluster";

const ENCRYPTED: keyof aws.rds.ClusterArgs & keyof aws.rds.InstanceArgs & keyof aws.rds.GlobalClusterArgs = "storageEncrypted";
// Restore APIs (RestoreDBClusterFromSnapshot, ...ToPointInTime, RestoreDBInstanceFromDBSnapshot) take no StorageEncrypted:
// the new database is encrypted exactly when its source is (or when kmsKeyId is given).
const RESTORES: readonly (keyof aws.rds.ClusterArgs & keyof aws.rds.InstanceArgs)[] = ["snapshotIdentifier", "restoreToPointInTime"];
// CreateDBInstanceReadReplica takes no StorageEncrypted either: an instance replica always matches its source.
const INSTANCE_REPLICA: keyof aws.rds.InstanceArgs = "replicateSourceDb";
// Cluster replicas and global-database members inherit an encrypted source; only an explicit false asks for plaintext.
const INHERITS: readonly (keyof aws.rds.ClusterArgs)[] = ["replicationSourceIdentifier", "globalClusterIdentifier"];
const GLOBAL_SOURCE: keyof aws.rds.GlobalClusterArgs = "sourceDbClusterIdentifier";
const ENGINE_MODE: keyof aws.rds.ClusterArgs = "engineMode";
const ENGINE: keyof aws.rds.ClusterArgs & keyof aws.rds.GlobalClusterArgs = "engine";

/** Aurora User Guide, "Encrypting Amazon Aurora resources" (checked 2026-12-07): every new Aurora DB cluster is encrypted at rest from this date. */
const AURORA_ALWAYS_ENCRYPTED_FROM = "2026-02-18";

// What an unset storageEncrypted means, per resource (provider docs; CreateDBCluster/CreateDBInstance/CreateGlobalCluster defaults).
const KIND: Record<string, { kind: string; default: string }> = {
    [RDS_CLUSTER]: { kind: "Multi-AZ DB cluster", default: "unset means unencrypted for Multi-AZ DB clusters (engine mysql or postgres)" },
    [RDS_INSTANCE]: { kind: "DB instance", default: "unset means unencrypted: CreateDBInstance, \"By default, it isn't encrypted\"" },
    [GLOBAL_CLUSTER]: { kind: "global database", default: "unset means unencrypted unless sourceDbClusterIdentifier names an encrypted cluster" },
    [DOCDB_CLUSTER]: { kind: "DocumentDB cluster", default: "unset means unencrypted (@pulumi/aws docdb.Cluster: \"The default is `false`\")" },
    [NEPTUNE_CLUSTER]: { kind: "Neptune cluster", default: "unset means unencrypted (@pulumi/aws neptune.Cluster: \"The default is `false`\")" },
};

/** Whether an RDS cluster or global cluster runs an Aurora engine; undefined while the engine is unknown. */
function isAurora(engine: unknown): boolean | undefined {
    if (isUnknown(engine)) return undefined;
    // Unset: @pulumi/aws 7 requires engine on a cluster, and older providers defaulted it to "aurora".
    if (!isSet(engine)) return true;
    const name = asString(engine)?.toLowerCase();
    return name === undefined ? undefined : name.startsWith("aurora");
}

export default definePolicy({
    kind: "resource",
    name: "rds-storage-encrypted",
    family: "encryption",
    description: "RDS DB instances, Multi-AZ DB clusters, DocumentDB and Neptune clusters are created with storage encryption on (Aurora encrypts new clusters itself).",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative([RDS_CLUSTER, RDS_INSTANCE, GLOBAL_CLUSTER, DOCDB_CLUSTER, NEPTUNE_CLUSTER]),
    messages: {
        notEncrypted:
            "storageEncrypted is {{value}} ({{default}}); set `storageEncrypted: true`, with `kmsKeyId` for a customer-managed key. " +
            "Otherwise the {{kind}}, its backups, snapshots and replicas are stored in plaintext, and encryption can only be added later by restoring a snapshot copy into a new {{kind}}.",
        auroraEncryptedByAws:
            "storageEncrypted is {{value}} on an Aurora {{kind}}: Aurora encrypts every cluster created on or after {{since}} anyway, with an AWS-owned key " +
            "(Aurora User Guide, \"Encrypting Amazon Aurora resources\"), so a new cluster is not stored in plaintext. Set `storageEncrypted: true` with `kmsKeyId` " +
            "if you need a key you control (to audit decryption or share snapshots with other accounts). A cluster created before {{since}} with this setting is unencrypted.",
    },
    framework: fsbp("RDS.3", "RDS DB instances should have encryption at-rest enabled"),
    advisoryMessages: ["auroraEncryptedByAws"],
    remediationSteps:
        "Set `storageEncrypted: true` (optionally `kmsKeyId: key.arn`) when creating the database. An existing unencrypted database cannot be " +
        "encrypted in place: snapshot it, copy the snapshot with a KMS key, and restore into a new database. Aurora clusters (engine aurora-mysql " +
        `or aurora-postgresql) and Aurora global databases created on or after ${AURORA_ALWAYS_ENCRYPTED_FROM} are always encrypted (AWS-owned key by default; ` +
        "Aurora User Guide, \"Encrypting Amazon Aurora resources\"), so for them an unset or false storageEncrypted is only an advisory note. Not reported: Aurora Serverless v1 " +
        "(`engineMode: \"serverless\"`, always encrypted), restores from a snapshot or point in time (they take the source's encryption), " +
        "instance read replicas (`replicateSourceDb`), cluster replicas and global-database members unless they set `storageEncrypted: false`, " +
        "and global databases created from `sourceDbClusterIdentifier`.",
    // No fix: turning storageEncrypted on for an existing database forces a replacement, i.e. a new empty database.
    check({ resource, get, report }) {
        const encrypted = get(ENCRYPTED);
        if (isUnknown(encrypted) || asBool(encrypted) === true) return;
        if (RESTORES.some((k) => isSet(get(k)))) return;
        if (resource.type === RDS_INSTANCE && isSet(get(INSTANCE_REPLICA))) return;
        if (resource.type === GLOBAL_CLUSTER) {
            // Its own globalClusterIdentifier is its name, not a source to inherit from.
            if (isSet(get(GLOBAL_SOURCE))) return;
        } else if (INHERITS.some((k) => isSet(get(k))) && asBool(encrypted) !== false) return;
        if (resource.type === RDS_CLUSTER) {
            const mode = get(ENGINE_MODE);
            if (isUnknown(mode) || asString(mode)?.toLowerCase() === "serverless") return;
        }
        if (resource.type === RDS_CLUSTER || resource.type === GLOBAL_CLUSTER) {
            const aurora = isAurora(get(ENGINE));
            // An unknown or unreadable engine may be Aurora, which is encrypted whatever this says.
            if (aurora === undefined) return;
            if (aurora) {
                const kind = resource.type === GLOBAL_CLUSTER ? "global database" : "DB cluster";
                report("auroraEncryptedByAws", { property: ENCRYPTED, value: encrypted, kind, since: AURORA_ALWAYS_ENCRYPTED_FROM });
                return;
            }
        }
        const { kind, default: dflt } = KIND[resource.type] ?? { kind: "database", default: "unset means unencrypted" };
        report("notEncrypted", { property: ENCRYPTED, value: encrypted, kind, default: dflt });
    },
});
