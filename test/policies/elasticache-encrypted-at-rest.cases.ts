import { Cases, UNKNOWN, secret } from "../tester";

const base = { description: "session cache", nodeType: "cache.t4g.micro", numCacheClusters: 2, subnetGroupName: UNKNOWN };

export const cases: Cases = {
    valid: [
        { why: "typical encrypted Redis group", props: { ...base, engine: "redis", atRestEncryptionEnabled: true, transitEncryptionEnabled: true } },
        { why: "valkey is encrypted by default", props: { ...base, engine: "valkey", transitEncryptionEnabled: true } },
        { why: "valkey in upper case", props: { ...base, engine: "VALKEY" } },
        { why: "unknown during preview", props: { ...base, atRestEncryptionEnabled: UNKNOWN } },
        { why: "engine unknown and flag unset", props: { ...base, engine: UNKNOWN } },
        { why: "secondary of a global datastore takes the primary's setting", props: { ...base, globalReplicationGroupId: UNKNOWN } },
        { why: "string true", props: { ...base, atRestEncryptionEnabled: "true" } },
        { why: "secret auth token and KMS key", props: { ...base, atRestEncryptionEnabled: true, authToken: secret("redis-auth-token-123456"), kmsKeyId: secret("arn:aws:kms:us-east-1:111122223333:key/cache-secret-key") } },
        { why: "an engine with no known default is left alone", props: { ...base, engine: "futurecache" } },
        { why: "durability sync encrypts at rest whatever the flag says", props: { ...base, engine: "valkey", engineVersion: "9.0", durability: "sync", atRestEncryptionEnabled: false } },
        { why: "durability async, flag unset on redis default engine", props: { ...base, durability: "ASYNC" } },
        { why: "durability unknown during preview may be on", props: { ...base, engine: "valkey", durability: UNKNOWN, atRestEncryptionEnabled: false } },
        { why: "aws-native: at-rest encryption on", type: "aws-native:elasticache:ReplicationGroup", props: { replicationGroupDescription: "x", engine: "redis", atRestEncryptionEnabled: true } },
    ],
    invalid: [
        { why: "redis default engine, flag unset", props: base, messageId: "notEncrypted", includes: ["atRestEncryptionEnabled", "not set", "redis"] },
        { why: "explicit redis, flag unset", props: { ...base, engine: "redis" }, messageId: "notEncrypted" },
        { why: "valkey explicitly switched off", props: { ...base, engine: "valkey", atRestEncryptionEnabled: false }, messageId: "notEncrypted", includes: ["false", "switched off"] },
        { why: "switched off while the engine is unknown", props: { ...base, engine: UNKNOWN, atRestEncryptionEnabled: "false" }, messageId: "notEncrypted" },
        { why: "malformed flag on redis", props: { ...base, engine: "redis", atRestEncryptionEnabled: [1] }, messageId: "notEncrypted" },
        { why: "secret auth token is not printed", props: { ...base, authToken: secret("redis-auth-token-123456") }, messageId: "notEncrypted" },
        { why: "durability disabled does not encrypt", props: { ...base, engine: "valkey", durability: "disabled", atRestEncryptionEnabled: false }, messageId: "notEncrypted" },
        { why: "durability default resolves to disabled", props: { ...base, engine: "redis", durability: "default" }, messageId: "notEncrypted" },
        { why: "malformed durability is not durable", props: { ...base, durability: ["sync"] }, messageId: "notEncrypted" },
        {
            why: "data tiering: the SSD tier is encrypted, swap, sync and backup files are not",
            props: { ...base, nodeType: "cache.r6gd.xlarge", dataTieringEnabled: true, atRestEncryptionEnabled: false },
            messageId: "notEncrypted",
            includes: ["SSD tier", "always encrypted"],
        },
        { why: "aws-native: at-rest encryption off", type: "aws-native:elasticache:ReplicationGroup", props: { replicationGroupDescription: "x", engine: "redis", atRestEncryptionEnabled: false }, messageId: "notEncrypted", includes: ["atRestEncryptionEnabled"] },
    ],
};
