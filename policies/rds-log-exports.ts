import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { asArray, asString, isUnknown } from "../lib/values";

interface LogExportsConfig {
    required: Record<string, string[]>;
}

const EXPORTS: keyof aws.rds.ClusterArgs & keyof aws.rds.InstanceArgs = "enabledCloudwatchLogsExports";
const CLUSTER = "aws:rds/cluster:Cluster";

// Log types per engine, from the RDS API reference (CreateDBCluster / CreateDBInstance, EnableCloudwatchLogsExports).
const MYSQL_CLUSTER = ["error", "general", "slowquery", "iam-db-auth-error"];
const POSTGRES = ["postgresql", "upgrade", "iam-db-auth-error"];
const MYSQL_INSTANCE = ["audit", "error", "general", "slowquery", "iam-db-auth-error"];
const SQLSERVER = ["agent", "error"];
const ORACLE = ["alert", "audit", "listener", "trace", "oemagent"];
const DB2 = ["diag.log", "notify.log", "iam-db-auth-error"];

const CLUSTER_LOGS: Readonly<Record<string, readonly string[]>> = {
    "aurora-mysql": ["audit", "error", "general", "instance", "slowquery", "iam-db-auth-error"],
    "aurora-postgresql": ["instance", "postgresql", "iam-db-auth-error"],
    mysql: MYSQL_CLUSTER,
    postgres: POSTGRES,
};

const INSTANCE_LOGS: Readonly<Record<string, readonly string[]>> = {
    mysql: MYSQL_INSTANCE,
    mariadb: MYSQL_INSTANCE,
    postgres: POSTGRES,
    "sqlserver-ee": SQLSERVER,
    "sqlserver-se": SQLSERVER,
    "sqlserver-ex": SQLSERVER,
    "sqlserver-web": SQLSERVER,
    "oracle-ee": ORACLE,
    "oracle-ee-cdb": ORACLE,
    "oracle-se2": ORACLE,
    "oracle-se2-cdb": ORACLE,
    "db2-ae": DB2,
    "db2-se": DB2,
};

/** What to export at least: the engine's error (or main) log. */
function suggestion(engine: string): string {
    if (engine.includes("postgres")) return '"postgresql"';
    if (engine.includes("mysql") || engine === "mariadb") return '"error" and "slowquery"';
    if (engine.startsWith("sqlserver")) return '"error"';
    if (engine.startsWith("oracle")) return '"alert"';
    if (engine.startsWith("db2")) return '"diag.log"';
    return "the engine's error log";
}

const NOT_EXPORTED =
    "enabledCloudwatchLogsExports is {{value}}, so no database log reaches CloudWatch Logs (AWS exports none unless asked): errors and slow queries " +
    "cannot be searched or alarmed on, and they are gone with the database.";

export default definePolicy<LogExportsConfig>({
    kind: "resource",
    name: "rds-log-exports",
    family: "resilience",
    description: "RDS and Aurora databases export their logs to CloudWatch Logs (enabledCloudwatchLogsExports), with log types the engine supports.",
    enforcementLevel: "advisory",
    severity: "medium",
    types: [CLUSTER, "aws:rds/instance:Instance"],
    config: {
        required: {
            type: "object",
            additionalProperties: { type: "array", items: { type: "string", minLength: 1 } },
            default: {},
            description: 'Log types that must be exported, per engine (e.g. {"aurora-postgresql": ["postgresql"], "mysql": ["error", "slowquery"]}); by default any log type passes.',
        },
    },
    messages: {
        notExported: `${NOT_EXPORTED} Export at least {{suggested}} for engine {{engine}}.`,
        // A replica or a snapshot restore leaves `engine` unset and takes its source's.
        notExportedInherited: `${NOT_EXPORTED} Export at least the error log of the engine this database takes from its source.`,
        unsupportedType:
            "enabledCloudwatchLogsExports includes {{logType}}, which {{engine}} {{kind}} do not export (valid: {{valid}}), so AWS rejects the create call. Remove it or use a valid log type.",
        missingRequired:
            "enabledCloudwatchLogsExports is {{value}} and lacks {{missing}}, which the policy's `required` setting asks for engine {{engine}}; add them.",
    },
    framework: fsbp("RDS.9", "RDS DB instances should publish logs to CloudWatch Logs"),
    remediationSteps:
        'Set `enabledCloudwatchLogsExports` to the engine\'s logs, e.g. ["postgresql"] for (Aurora) PostgreSQL or ["error", "slowquery"] for (Aurora) MySQL and MariaDB, ' +
        "and give the created /aws/rds/... log groups a retention period.",
    check({ resource, config, get, report }) {
        const value = get(EXPORTS);
        const engine = asString(get("engine"));
        const mode = get("engineMode");
        // Aurora Serverless v1 and RDS Custom do not export logs this way; an unknown mode may be either.
        if (isUnknown(get("engine")) || isUnknown(mode) || mode === "serverless" || engine?.startsWith("custom-")) return;
        const listed = asArray(value);
        // The list, or one of its entries, unknown during preview.
        if (listed.some(isUnknown)) return;
        const types = listed.map((v) => asString(v)).filter((v): v is string => v !== undefined && v !== "");
        if (types.length === 0) {
            if (engine) report("notExported", { property: EXPORTS, value, engine, suggested: suggestion(engine) });
            else report("notExportedInherited", { property: EXPORTS, value });
            return;
        }
        const cluster = resource.type === CLUSTER;
        const valid = engine ? (cluster ? CLUSTER_LOGS : INSTANCE_LOGS)[engine] : undefined;
        const bad = valid ? types.find((t) => !valid.includes(t)) : undefined;
        if (valid && bad !== undefined) {
            report("unsupportedType", { logType: bad, engine, kind: cluster ? "DB clusters" : "DB instances", valid: [...valid] });
            return;
        }
        const wanted = engine && Object.prototype.hasOwnProperty.call(config.required, engine) ? config.required[engine] : [];
        const missing = wanted.filter((t) => !types.includes(t));
        if (missing.length > 0) report("missingRequired", { property: EXPORTS, value, missing, engine });
    },
});
