import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { asBool, asString, isSet, isUnknown } from "../lib/values";

type GroupArgs = aws.elasticache.ReplicationGroupArgs;
const AT_REST: keyof GroupArgs = "atRestEncryptionEnabled";
const ENGINE: keyof GroupArgs = "engine";
const GLOBAL: keyof GroupArgs = "globalReplicationGroupId";
const DURABILITY: keyof GroupArgs = "durability";
const DATA_TIERING: keyof GroupArgs = "dataTieringEnabled";

// Provider and CreateReplicationGroup defaults: redis (the default engine) is unencrypted, valkey encrypted.
const ENCRYPTED_BY_DEFAULT: Record<string, boolean> = { redis: false, valkey: true };
// ElastiCache User Guide, "Configuring durability": sync and async turn durability on, and with it encryption at rest;
// "default" resolves to disabled (Valkey 9.0), "disabled" is off.
const DURABLE_MODES: readonly string[] = ["sync", "async"];

export default definePolicy({
    kind: "resource",
    name: "elasticache-encrypted-at-rest",
    family: "encryption",
    description: "ElastiCache (Redis OSS / Valkey) replication groups encrypt their data at rest.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative(["aws:elasticache/replicationGroup:ReplicationGroup"]),
    messages: {
        notEncrypted:
            "atRestEncryptionEnabled is {{value}} ({{note}}); set `atRestEncryptionEnabled: true`. " +
            "Otherwise data on disk (swap, sync and backup files, and snapshots exported to S3) is stored in plaintext{{tiering}}.",
    },
    framework: fsbp("ElastiCache.4", "ElastiCache replication groups should be encrypted at rest"),
    remediationSteps:
        "Set `atRestEncryptionEnabled: true` (optionally `kmsKeyId`) on the replication group; valkey groups are encrypted unless you set it " +
        "to false. Not checked, because AWS encrypts them at rest whatever the flag says (ElastiCache User Guide, \"At-Rest Encryption in ElastiCache\" " +
        "and \"Configuring durability\"): groups with durability on (`durability: \"sync\"` or `\"async\"`, Valkey 9.0+) and serverless caches " +
        "(aws.elasticache.ServerlessCache). Data-tiering groups (`dataTieringEnabled`) are still checked: their SSD tier is always encrypted, but " +
        "swap, sync and backup files are not. Secondary groups of a global datastore (`globalReplicationGroupId`) take the primary's setting and are not checked. " +
        "Single-node aws.elasticache.Cluster resources (memcached or redis without a replication group) cannot encrypt at rest and are not checked.",
    // No fix: enabling at-rest encryption on an existing group replaces it, losing the cached data.
    check({ get, report }) {
        const enabled = get(AT_REST);
        if (isUnknown(enabled) || asBool(enabled) === true) return;
        if (isSet(get(GLOBAL))) return;
        const durability = get(DURABILITY);
        // An unknown durability may turn encryption on.
        if (isUnknown(durability) || DURABLE_MODES.includes(asString(durability)?.toLowerCase() ?? "")) return;
        const tiering = asBool(get(DATA_TIERING)) === true ? " (the SSD tier of this data-tiering group is always encrypted, the rest is not)" : "";
        if (asBool(enabled) === false) {
            report("notEncrypted", { property: AT_REST, value: enabled, note: "encryption at rest is switched off", tiering });
            return;
        }
        // Unset (or malformed) takes the engine's default; an unknown or unrecognised engine has none to rely on.
        const engine = get(ENGINE);
        const name = isSet(engine) ? asString(engine)?.toLowerCase() : "redis";
        if (name !== undefined && ENCRYPTED_BY_DEFAULT[name] === false) {
            report("notEncrypted", { property: AT_REST, value: enabled, note: "unset means unencrypted for the redis engine, the default engine", tiering });
        }
    },
});
