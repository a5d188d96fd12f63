import { Cases, UNKNOWN, secret } from "../tester";

const INSTANCE = "aws:rds/instance:Instance";

export const cases: Cases = {
    valid: [
        { why: "seed fix: Aurora PostgreSQL exports postgresql", props: { engine: "aurora-postgresql", enabledCloudwatchLogsExports: ["postgresql"] } },
        {
            why: "ordinary program: Aurora MySQL with the usual logs",
            props: { engine: "aurora-mysql", engineVersion: "8.0.mysql_aurora.3.08.0", enabledCloudwatchLogsExports: ["audit", "error", "general", "slowquery"], masterPassword: secret("S3cr3t-pass-word") },
        },
        { why: "Multi-AZ DB cluster (postgres) with upgrade logs", props: { engine: "postgres", enabledCloudwatchLogsExports: ["postgresql", "upgrade"] } },
        { why: "RDS MySQL instance with audit (valid for instances)", type: INSTANCE, props: { engine: "mysql", enabledCloudwatchLogsExports: ["audit", "error"] } },
        { why: "SQL Server instance", type: INSTANCE, props: { engine: "sqlserver-ex", enabledCloudwatchLogsExports: ["error"] } },
        { why: "Oracle instance", type: INSTANCE, props: { engine: "oracle-ee", enabledCloudwatchLogsExports: ["alert", "listener"] } },
        { why: "exports unknown during preview", props: { engine: "aurora-postgresql", enabledCloudwatchLogsExports: UNKNOWN } },
        { why: "one export unknown", props: { engine: "aurora-postgresql", enabledCloudwatchLogsExports: [UNKNOWN] } },
        { why: "engine unknown", props: { engine: UNKNOWN, enabledCloudwatchLogsExports: [] } },
        { why: "Aurora Serverless v1 does not export this way", props: { engine: "aurora-mysql", engineMode: "serverless" } },
        { why: "RDS Custom", type: INSTANCE, props: { engine: "custom-oracle-ee" } },
        { why: "unlisted engine: any log type is taken", type: INSTANCE, props: { engine: "some-new-engine", enabledCloudwatchLogsExports: ["whatever"] } },
        { why: "required types present", props: { engine: "aurora-mysql", enabledCloudwatchLogsExports: ["error", "slowquery"] }, config: { required: { "aurora-mysql": ["error"] } } },
        { why: "secret-wrapped list still evaluated", props: { engine: "aurora-mysql", enabledCloudwatchLogsExports: secret(["general"]) } },
        { why: "instance restored from a snapshot (engine not set): listed log types are not checked", type: INSTANCE, props: { snapshotIdentifier: "snap-1", enabledCloudwatchLogsExports: ["error"] } },
    ],
    invalid: [
        {
            why: "seed: Aurora PostgreSQL cluster without log exports",
            props: { engine: "aurora-postgresql", engineVersion: "15.10", skipFinalSnapshot: true },
            messageId: "notExported",
            includes: ["not set", '"postgresql"', "aurora-postgresql"],
        },
        { why: "empty list", props: { engine: "aurora-mysql", enabledCloudwatchLogsExports: [] }, messageId: "notExported", includes: ['"error" and "slowquery"'] },
        { why: "instance without exports", type: INSTANCE, props: { engine: "mysql" }, messageId: "notExported" },
        { why: "no engine set: a restore takes its snapshot's", type: INSTANCE, props: { snapshotIdentifier: "snap-1" }, messageId: "notExportedInherited", includes: ["the engine this database takes from its source"] },
        { why: "a read replica takes its source's engine", type: INSTANCE, props: { replicateSourceDb: "orders-db", instanceClass: "db.t4g.micro" }, messageId: "notExportedInherited" },
        { why: "malformed list", props: { engine: "aurora-postgresql", enabledCloudwatchLogsExports: [null, 5] }, messageId: "notExported" },
        {
            why: "a log type the engine does not have",
            props: { engine: "aurora-postgresql", enabledCloudwatchLogsExports: ["postgresql", "slowquery"] },
            messageId: "unsupportedType",
            includes: ["slowquery", "instance, postgresql, iam-db-auth-error"],
        },
        { why: "audit is for instances, not Multi-AZ MySQL clusters", props: { engine: "mysql", enabledCloudwatchLogsExports: ["audit"] }, messageId: "unsupportedType", includes: ["DB clusters"] },
        {
            why: "required log type missing",
            props: { engine: "aurora-mysql", enabledCloudwatchLogsExports: ["general"] },
            config: { required: { "aurora-mysql": ["error", "slowquery"] } },
            messageId: "missingRequired",
            includes: ["error, slowquery"],
        },
        { why: "secret master password never printed", props: { engine: "aurora-mysql", masterPassword: secret("hunter2-secret-pw") }, messageId: "notExported" },
        { why: "MariaDB instance: suggests the MySQL logs", type: INSTANCE, props: { engine: "mariadb" }, messageId: "notExported", includes: ['Export at least "error" and "slowquery" for engine mariadb'] },
        { why: "SQL Server instance: suggests the error log", type: INSTANCE, props: { engine: "sqlserver-se" }, messageId: "notExported", includes: ['Export at least "error" for engine sqlserver-se'] },
        { why: "Oracle instance: suggests the alert log", type: INSTANCE, props: { engine: "oracle-se2" }, messageId: "notExported", includes: ['Export at least "alert" for engine oracle-se2'] },
        { why: "Db2 instance: suggests the diagnostic log", type: INSTANCE, props: { engine: "db2-se" }, messageId: "notExported", includes: ['Export at least "diag.log" for engine db2-se'] },
        { why: "unlisted engine: suggests its error log in words", type: INSTANCE, props: { engine: "some-new-engine" }, messageId: "notExported", includes: ["Export at least the engine's error log for engine some-new-engine"] },
        { why: "a cluster-only log type on an instance", type: INSTANCE, props: { engine: "postgres", enabledCloudwatchLogsExports: ["instance"] }, messageId: "unsupportedType", includes: ["instance", "DB instances", "postgresql, upgrade, iam-db-auth-error"] },
    ],
};
