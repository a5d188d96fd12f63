import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
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

// What an unset storageEncrypted means, per resource (provider docs; CreateDBCluster/CreateDBInstance/CreateGlobalCluster defaults).
const KIND: Record<string, { kind: string; default: string }> = {
    [RDS_CLUSTER]: { kind: "DB cluster", default: "unset means unencrypted for provisioned Aurora and Multi-AZ DB clusters" },
    [RDS_INSTANCE]: { kind: "DB instance", default: "unset means unencrypted" },
    [GLOBAL_CLUSTER]: { kind: "global database", default: "unset means unencrypted unless sourceDbClusterIdentifier names an encrypted cluster" },
    [DOCDB_CLUSTER]: { kind: "DocumentDB cluster", default: "unset means unencrypted" },
    [NEPTUNE_CLUSTER]: { kind: "Neptune cluster", default: "unset means unencrypted" },
};

export default definePolicy({
    kind: "resource",
    name: "rds-storage-encrypted",
    family: "encryption",
    description: "RDS, Aurora, DocumentDB and Neptune databases (and Aurora global databases) are created with storage encryption on.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: [RDS_CLUSTER, RDS_INSTANCE, GLOBAL_CLUSTER, DOCDB_CLUSTER, NEPTUNE_CLUSTER],
    messages: {
        notEncrypted:
            "storageEncrypted is {{value}} ({{default}}); set `storageEncrypted: true`, with `kmsKeyId` for a customer-managed key. " +
            "Otherwise the {{kind}}, its backups, snapshots and replicas are stored in plaintext, and encryption can only be added later by restoring a snapshot copy into a new {{kind}}.",
    },
    framework: fsbp("RDS.3", "RDS DB instances should have encryption at-rest enabled"),
    remediationSteps:
        "Set `storageEncrypted: true` (optionally `kmsKeyId: key.arn`) when creating the database. An existing unencrypted database cannot be " +
        "encrypted in place: snapshot it, copy the snapshot with a KMS key, and restore into a new database. Not reported: Aurora Serverless v1 " +
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
        const { kind, default: dflt } = KIND[resource.type] ?? { kind: "database", default: "unset means unencrypted" };
        report("notEncrypted", { property: ENCRYPTED, value: encrypted, kind, default: dflt });
    },
});
