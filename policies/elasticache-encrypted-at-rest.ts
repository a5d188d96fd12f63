import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { asBool, asString, isSet, isUnknown } from "../lib/values";

type GroupArgs = aws.elasticache.ReplicationGroupArgs;
const AT_REST: keyof GroupArgs = "atRestEncryptionEnabled";
const ENGINE: keyof GroupArgs = "engine";
const GLOBAL: keyof GroupArgs = "globalReplicationGroupId";

// Provider and CreateReplicationGroup defaults: redis (the default engine) is unencrypted, valkey encrypted.
const ENCRYPTED_BY_DEFAULT: Record<string, boolean> = { redis: false, valkey: true };

export default definePolicy({
    kind: "resource",
    name: "elasticache-encrypted-at-rest",
    family: "encryption",
    description: "ElastiCache (Redis OSS / Valkey) replication groups encrypt their data at rest.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    messages: {
        notEncrypted:
            "atRestEncryptionEnabled is {{value}} ({{note}}); set `atRestEncryptionEnabled: true`. " +
            "Otherwise data on disk (swap, sync and backup files, and snapshots exported to S3) is stored in plaintext.",
    },
    framework: fsbp("ElastiCache.4", "ElastiCache replication groups should be encrypted at rest"),
    remediationSteps:
        "Set `atRestEncryptionEnabled: true` (optionally `kmsKeyId`) on the replication group; valkey groups are encrypted unless you set it " +
        "to false. Secondary groups of a global datastore (`globalReplicationGroupId`) take the primary's setting and are not checked. " +
        "Single-node aws.elasticache.Cluster resources (memcached or redis without a replication group) cannot encrypt at rest and are not checked.",
    // No fix: enabling at-rest encryption on an existing group replaces it, losing the cached data.
    check({ get, report }) {
        const enabled = get(AT_REST);
        if (isUnknown(enabled) || asBool(enabled) === true) return;
        if (isSet(get(GLOBAL))) return;
        if (asBool(enabled) === false) {
            report("notEncrypted", { property: AT_REST, value: enabled, note: "encryption at rest is switched off" });
            return;
        }
        // Unset (or malformed) takes the engine's default; an unknown or unrecognised engine has none to rely on.
        const engine = get(ENGINE);
        const name = isSet(engine) ? asString(engine)?.toLowerCase() : "redis";
        if (name !== undefined && ENCRYPTED_BY_DEFAULT[name] === false) {
            report("notEncrypted", { property: AT_REST, value: enabled, note: "unset means unencrypted for the redis engine, the default engine" });
        }
    },
});
