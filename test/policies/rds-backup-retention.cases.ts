import { Cases, UNKNOWN, secret } from "../tester";

const CLUSTER = "aws:rds/cluster:Cluster";

export const cases: Cases = {
    valid: [
        { why: "one week", props: { engine: "postgres", backupRetentionPeriod: 7 } },
        { why: "AWS maximum", props: { backupRetentionPeriod: 35 } },
        { why: "Aurora cluster, two weeks", type: CLUSTER, props: { engine: "aurora-postgresql", backupRetentionPeriod: 14 } },
        { why: "DocumentDB cluster", type: "aws:docdb/cluster:Cluster", props: { backupRetentionPeriod: 7 } },
        { why: "Neptune cluster", type: "aws:neptune/cluster:Cluster", props: { backupRetentionPeriod: 10 } },
        { why: "numeric string", props: { backupRetentionPeriod: "14" } },
        { why: "unknown during preview", props: { backupRetentionPeriod: UNKNOWN } },
        { why: "read replica: backups follow the source", props: { replicateSourceDb: "orders-db", backupRetentionPeriod: 0 } },
        { why: "replica source unknown", props: { replicateSourceDb: UNKNOWN } },
        { why: "seed 002: exactly 30 days required and set", type: CLUSTER, config: { exactDays: 30 }, props: { engine: "aurora-postgresql", backupRetentionPeriod: 30 } },
        { why: "minDays 1 accepts AWS's default", config: { minDays: 1 }, props: {} },
        { why: "secret value still evaluated", props: { backupRetentionPeriod: secret(33) } },
        { why: "aws-native: 7 days on a DbCluster", type: "aws-native:rds:DbCluster", props: { engine: "aurora-postgresql", backupRetentionPeriod: 7 } },
    ],
    invalid: [
        { why: "not set: AWS keeps 1 day", props: { engine: "mysql" }, messageId: "notSet", includes: ["backupRetentionPeriod", "1 day", "7"] },
        { why: "cluster not set", type: CLUSTER, props: { engine: "aurora-mysql" }, messageId: "notSet" },
        { why: "null (as export files write an unset input) is not set", props: { engine: "mysql", backupRetentionPeriod: null }, messageId: "notSet" },
        { why: "instance backups turned off", props: { backupRetentionPeriod: 0 }, messageId: "disabled", includes: ["0"] },
        { why: "cluster 0 is below AWS's minimum of 1", type: CLUSTER, props: { backupRetentionPeriod: 0 }, messageId: "tooShort" },
        { why: "three days", props: { backupRetentionPeriod: 3 }, messageId: "tooShort", includes: ["3", "7"] },
        { why: "above AWS's 35 days", props: { backupRetentionPeriod: 40 }, messageId: "tooLong", includes: ["40", "35"] },
        { why: "above a configured maximum", config: { maxDays: 14 }, props: { backupRetentionPeriod: 30 }, messageId: "tooLong", includes: ["14"] },
        {
            why: "seed 002: exactly 30 required, 7 set",
            type: CLUSTER,
            config: { exactDays: 30 },
            props: { engine: "aurora-postgresql", engineVersion: "15.10", backupRetentionPeriod: 7 },
            messageId: "notExact",
            includes: ["30", "7"],
        },
        { why: "exactly 30 required, not set", type: CLUSTER, config: { exactDays: 30 }, props: {}, messageId: "notExact", includes: ["not set"] },
        { why: "malformed string", props: { backupRetentionPeriod: "a week" }, messageId: "invalid" },
        { why: "fractional days", props: { backupRetentionPeriod: 7.5 }, messageId: "invalid" },
        { why: "malformed nested value", type: "aws:docdb/cluster:Cluster", props: { backupRetentionPeriod: [7] }, messageId: "invalid" },
        { why: "secret malformed value is not printed", props: { backupRetentionPeriod: secret("four-days") }, messageId: "invalid", includes: ["[secret]"] },
        { why: "aws-native: backups unset on a DbCluster", type: "aws-native:rds:DbCluster", props: { engine: "aurora-postgresql" }, messageId: "notSet", includes: ["backupRetentionPeriod"] },
    ],
};
