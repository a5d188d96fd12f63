import { CORRUPT_DATA, NO_DATA, SYNTHETIC_DATA } from "../fixtures/versions";
import { Cases, UNKNOWN, secret } from "../tester";

const CLUSTER = "aws:elasticache/cluster:Cluster";
const GLOBAL = "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup";

export const cases: Cases = {
    valid: [
        { why: "redis 7.1 (engine defaults to redis)", props: { engineVersion: "7.1" } },
        { why: "major-only 7 resolves to the newest 7.x", props: { engineVersion: "7" } },
        { why: "6.x lets AWS pick the newest 6 minor", props: { engine: "redis", engineVersion: "6.x" } },
        { why: "full version AWS lists", props: { engine: "redis", engineVersion: "5.0.6" } },
        { why: "valkey 8.1", props: { engine: "valkey", engineVersion: "8.1" } },
        { why: "memcached 1.6.22", type: CLUSTER, props: { engine: "memcached", engineVersion: "1.6.22" } },
        {
            why: "ordinary Redis replication group",
            props: {
                description: "app cache",
                engine: "redis",
                engineVersion: "7.1",
                nodeType: "cache.t4g.micro",
                numCacheClusters: 2,
                automaticFailoverEnabled: true,
                atRestEncryptionEnabled: true,
                transitEncryptionEnabled: true,
                authToken: secret("an-auth-token-0123456789"),
            },
        },
        { why: "no engineVersion: AWS picks its default", props: { engine: "valkey" } },
        { why: "cluster member of a replication group has no engine", type: CLUSTER, props: { replicationGroupId: "rg", engineVersion: "3.2.10" } },
        { why: "global replication group given a version AWS lists", type: GLOBAL, props: { primaryReplicationGroupId: "rg", engineVersion: "7.1" } },
        { why: "engineVersion unknown during preview", props: { engineVersion: UNKNOWN } },
        { why: "engine unknown during preview", props: { engine: UNKNOWN, engineVersion: "3.2.10" } },
        { why: "secret engineVersion AWS lists", props: { engineVersion: secret("6.2") } },
        { why: "allow a version released after the snapshot", props: { engine: "valkey", engineVersion: "7.1" }, config: { allow: ["valkey:7.1"] } },
        { why: "require satisfied by a major-only form", props: { engine: "valkey", engineVersion: "8" }, config: { require: { valkey: ">=8.1" } } },
        { why: "malformed: number", props: { engineVersion: 7.1 } },
        { why: "malformed: null", props: { engineVersion: null } },
        { why: "malformed: object", props: { engine: ["redis"], engineVersion: { v: 7 } } },
        { why: "aws-native: version unknown", type: "aws-native:elasticache:ReplicationGroup", props: { engine: "redis", engineVersion: UNKNOWN, replicationGroupDescription: "x" } },
    ],
    invalid: [
        { why: "not a version number", props: { engine: "redis", engineVersion: "latest" }, messageId: "notAVersion" },
        { why: "valkey newer than every known 9.x: a note, not a violation", props: { engine: "valkey", engineVersion: "9.2" }, messageId: "unlisted", level: "advisory" },
        {
            why: "memcached 1.5.17, newer than every known 1.5 patch: a note (a memcached minor is a line of its own)",
            type: CLUSTER,
            props: { engine: "memcached", engineVersion: "1.5.17" },
            messageId: "unlisted",
            level: "advisory",
        },
        { why: "redis 5.0.5 is not offered (5.0.6 is)", props: { engineVersion: "5.0.5" }, messageId: "unknownVersion", includes: ["5.0.6", "ElastiCache redis", "2026-07-06"] },
        { why: "redis 3.2 predates every listed line", props: { engine: "redis", engineVersion: "3.2.10" }, messageId: "unknownVersion", includes: ["4.0.10"] },
        { why: "valkey has no 7.1 (7.2 is the first)", props: { engine: "valkey", engineVersion: "7.1" }, messageId: "unknownVersion", includes: ["7.2"] },
        { why: "memcached 1.5.11 was never offered", type: CLUSTER, props: { engine: "memcached", engineVersion: "1.5.11" }, messageId: "unknownVersion" },
        { why: "global replication group", type: GLOBAL, props: { engineVersion: "5.0.5" }, messageId: "unknownVersion" },
        { why: "engine null (as export files write an unset input) is redis", props: { engine: null, engineVersion: "5.0.5" }, messageId: "unknownVersion", includes: ["ElastiCache redis"] },
        { why: "secret version is evaluated, not printed", props: { engineVersion: secret("4.0.9") }, messageId: "unknownVersion", includes: ["[secret]"] },
        { why: "deny", props: { engine: "redis", engineVersion: "6.2" }, config: { deny: ["redis:6.2"] }, messageId: "denied" },
        { why: "require >=7 rejects 6.x", props: { engine: "redis", engineVersion: "6.x" }, config: { require: { redis: ">=7" } }, messageId: "notRequired", includes: ["7.0"] },
        { why: "require that is not a range", props: { engineVersion: "7.1" }, config: { require: { redis: "7..1" } }, messageId: "invalidRequire" },
        { why: "synthetic data: a deprecated version", props: { engineVersion: "6.0" }, env: SYNTHETIC_DATA, messageId: "deprecated" },
        { why: "synthetic data: past end of support", props: { engineVersion: "5.0.6" }, env: SYNTHETIC_DATA, messageId: "endOfSupport", includes: ["2027-01-31"] },
        { why: "synthetic data: 5.x line retired", props: { engineVersion: "5.x" }, env: SYNTHETIC_DATA, messageId: "retiredLine", includes: ["7.0"] },
        { why: "data file missing", props: { engineVersion: "7.1" }, env: NO_DATA, messageId: "dataUnavailable" },
        { why: "data file corrupt", props: { engineVersion: "7.1" }, env: CORRUPT_DATA, messageId: "dataUnavailable" },
        { why: "aws-native: not a version number", type: "aws-native:elasticache:ReplicationGroup", props: { engine: "redis", engineVersion: "latest", replicationGroupDescription: "x" }, messageId: "notAVersion" },
    ],
};
