import { Cases, UNKNOWN, secret } from "../tester";

const base = { description: "session cache", nodeType: "cache.t4g.micro", numCacheClusters: 2, subnetGroupName: UNKNOWN, atRestEncryptionEnabled: true };

export const cases: Cases = {
    valid: [
        { why: "typical Redis group with TLS", props: { ...base, engine: "redis", transitEncryptionEnabled: true } },
        { why: "Valkey group with TLS and an auth token", props: { ...base, engine: "valkey", transitEncryptionEnabled: true, authToken: secret("valkey-auth-token-123456") } },
        { why: "TLS required explicitly", props: { ...base, transitEncryptionEnabled: true, transitEncryptionMode: "required" } },
        { why: "string true", props: { ...base, transitEncryptionEnabled: "true" } },
        { why: "unknown during preview", props: { ...base, transitEncryptionEnabled: UNKNOWN } },
        { why: "mode unknown", props: { ...base, transitEncryptionEnabled: true, transitEncryptionMode: UNKNOWN } },
        { why: "secondary of a global datastore takes the primary's setting", props: { ...base, globalReplicationGroupId: UNKNOWN } },
        { why: "aws-native: transit encryption on", type: "aws-native:elasticache:ReplicationGroup", props: { replicationGroupDescription: "x", engine: "redis", transitEncryptionEnabled: true, authToken: secret("native-token-1") } },
    ],
    invalid: [
        { why: "Redis, not set (API default false)", props: { ...base, engine: "redis" }, messageId: "notEncrypted", includes: ["transitEncryptionEnabled", "not set"] },
        { why: "Valkey, not set: unlike at-rest, transit is off by default", props: { ...base, engine: "valkey" }, messageId: "notEncrypted" },
        { why: "explicitly false", props: { ...base, transitEncryptionEnabled: false }, messageId: "notEncrypted", includes: ["false"] },
        { why: "malformed flag", props: { ...base, transitEncryptionEnabled: [true] }, messageId: "notEncrypted" },
        { why: "unset: the message says what AWS assumes", props: { ...base, engine: "valkey" }, messageId: "notEncrypted", includes: ["is not set (not set: the API default is false for redis and valkey), so"] },
        { why: "explicitly false: no note about the default", props: { ...base, transitEncryptionEnabled: false }, messageId: "notEncrypted", includes: ["transitEncryptionEnabled is false, so"] },
        { why: "preferred mode accepts clear-text clients", props: { ...base, transitEncryptionEnabled: true, transitEncryptionMode: "preferred" }, messageId: "preferredMode", includes: ['"preferred"'] },
        { why: "secret auth token is not printed", props: { ...base, transitEncryptionEnabled: false, authToken: secret("redis-auth-token-654321") }, messageId: "notEncrypted" },
        { why: "aws-native: transit encryption unset", type: "aws-native:elasticache:ReplicationGroup", props: { replicationGroupDescription: "x", engine: "redis" }, messageId: "notEncrypted", includes: ["transitEncryptionEnabled"] },
    ],
};
