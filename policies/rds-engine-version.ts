import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { VERSION_CONFIG, VERSION_NOTES, VersionConfig, checkVersion, takesSourceClusterVersion, textOf, versionMessages } from "../lib/versions";

const ENGINE: keyof aws.rds.ClusterArgs & keyof aws.rds.InstanceArgs & keyof aws.rds.GlobalClusterArgs = "engine";
const VERSION: keyof aws.rds.ClusterArgs & keyof aws.rds.InstanceArgs & keyof aws.rds.ClusterInstanceArgs = "engineVersion";

const CLUSTER = "aws:rds/cluster:Cluster";
const GLOBAL_CLUSTER = "aws:rds/globalCluster:GlobalCluster";

// The engine AWS assumes when `engine` is absent (GlobalCluster's "aurora" is the retired Aurora MySQL 1, not in the data).
const DEFAULT_ENGINE: Record<string, string> = { [CLUSTER]: "aurora-mysql", [GLOBAL_CLUSTER]: "aurora" };

// Numbers that make a line whose versions only go up; Aurora MySQL minors ("…3.04") get patches alongside newer ones.
const LINE_PARTS: Record<string, number> = {
    "aurora-mysql": 4,
    "aurora-postgresql": 1,
    postgres: 1,
    mysql: 2,
    mariadb: 2,
    "sqlserver-ee": 2,
    "sqlserver-se": 2,
    "sqlserver-ex": 2,
    "sqlserver-web": 2,
    "db2-ae": 2,
    "db2-se": 2,
};

export default definePolicy<VersionConfig>({
    kind: "resource",
    name: "rds-engine-version",
    family: "versions",
    description: "RDS and Aurora engine versions are ones AWS still offers for new databases (not deprecated or unknown to AWS).",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative([CLUSTER, "aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance", GLOBAL_CLUSTER]),
    config: VERSION_CONFIG,
    messages: versionMessages("{{engine}}"),
    advisoryMessages: VERSION_NOTES,
    remediationSteps:
        "Set engineVersion to an available version of the same engine (the message lists the nearest ones), or to a major alias such as \"16\" " +
        "to let AWS pick its default minor. If AWS released the version after the pack's data snapshot, add it to `allow`.",
    check({ resource, get, config, report }) {
        const value = textOf(get(VERSION));
        if (value === undefined) return;
        if (resource.type === GLOBAL_CLUSTER && takesSourceClusterVersion(get)) return;
        const engineValue = get(ENGINE);
        const engine = engineValue === undefined || engineValue === null ? DEFAULT_ENGINE[resource.type] : textOf(engineValue);
        // No engine: an instance restored from a snapshot or replicating another database inherits it; an unknown one is undefined too.
        if (engine === undefined) return;
        // AWS takes engine names in any case; messages show the name as written, so a secret one stays redacted.
        const key = engine.toLowerCase();
        const lineParts = LINE_PARTS[key];
        checkVersion({ config, report }, { engine, dataKey: lineParts === undefined ? undefined : key, property: VERSION, value, lineParts: lineParts ?? 1 });
    },
});
