import { Cases, UNKNOWN, secret } from "../tester";

const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
const US_EAST_1 = { AWS_REGION: "us-east-1" };

export const cases: Cases = {
    valid: [
        { why: "PostgreSQL on a burstable Graviton class", props: { engine: "postgres", instanceClass: "db.t4g.micro" }, env: US_EAST_1 },
        { why: "Aurora Serverless v2 instance", type: CLUSTER_INSTANCE, props: { engine: "aurora-postgresql", instanceClass: "db.serverless", clusterIdentifier: UNKNOWN }, env: US_EAST_1 },
        { why: "Aurora MySQL on the smallest Aurora class", type: CLUSTER_INSTANCE, props: { engine: "aurora-mysql", instanceClass: "db.t3.medium" } },
        { why: "names in upper case (AWS ignores case)", props: { engine: "POSTGRES", instanceClass: "DB.T3.MICRO" }, env: US_EAST_1 },
        { why: "class unknown during preview", props: { engine: "mysql", instanceClass: UNKNOWN } },
        { why: "engine unknown during preview", props: { engine: UNKNOWN, instanceClass: "db.serverless" } },
        { why: "read replica without engine takes its source's", props: { replicateSourceDb: UNKNOWN, instanceClass: "db.r6g.large" } },
        { why: "engine the data does not list (custom engine)", props: { engine: "custom-oracle-ee", instanceClass: "db.m5.xlarge" } },
        { why: "SQL Server Express, license included", props: { engine: "sqlserver-ex", licenseModel: "license-included", instanceClass: "db.t3.micro" }, env: US_EAST_1 },
        { why: "region unknown during preview: checked against every region", props: { engine: "postgres", instanceClass: "db.m9g.large", region: UNKNOWN } },
        { why: "a region the data does not know: checked against every region", props: { engine: "postgres", instanceClass: "db.m9g.large" }, env: { AWS_REGION: "xx-newregion-1" } },
        { why: "secret master password beside a valid class", props: { engine: "postgres", instanceClass: "db.t4g.micro", password: secret("correct-horse-battery") } },
        { why: "malformed class and engine (numbers, objects)", props: { engine: { name: "postgres" }, instanceClass: 5 } },
    ],
    invalid: [
        {
            why: "db.serverless is Aurora-only",
            props: { engine: "postgres", instanceClass: "db.serverless" },
            env: US_EAST_1,
            messageId: "notOffered",
            count: 1,
            includes: ["instanceClass is \"db.serverless\"", "engine postgres", "db.m9g.large", "as of 2026-07-20", "cfn-lint", "not per engine version"],
        },
        {
            why: "Aurora MySQL has no micro classes",
            type: CLUSTER_INSTANCE,
            props: { engine: "aurora-mysql", instanceClass: "db.t3.micro", clusterIdentifier: UNKNOWN },
            messageId: "notOffered",
            includes: ["db.t4g.medium"],
        },
        {
            why: "the provider's region decides",
            props: { engine: "postgres", instanceClass: "db.m9g.large" },
            provider: { props: { region: "eu-west-1" } },
            messageId: "notInRegion",
            level: "advisory",
            includes: ["eu-west-1", "db.m8g.large"],
        },
        { why: "SQL Server Enterprise does not run on small burstable classes", props: { engine: "sqlserver-ee", licenseModel: "license-included", instanceClass: "db.t3.small" }, messageId: "notOffered" },
        { why: "a typo in the class name", props: { engine: "mysql", instanceClass: "db.t3.mciro" }, messageId: "unlisted", level: "advisory", includes: ["db.t3.mciro"] },
        { why: "secret master password never printed", props: { engine: "postgres", instanceClass: "db.serverless", password: secret("correct-horse-battery") }, messageId: "notOffered" },
        {
            why: "data file missing (AWS_GUARDRAILS_DATA_DIR elsewhere)",
            props: { engine: "postgres", instanceClass: "db.t4g.micro" },
            env: { AWS_GUARDRAILS_DATA_DIR: "/nonexistent-guardrails-data" },
            messageId: "dataUnavailable",
            level: "advisory",
            includes: ["rds-instance-classes.json"],
        },
    ],
};
