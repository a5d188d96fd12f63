import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { VERSION_CONFIG, VERSION_NOTES, VersionConfig, checkVersion, takesSourceClusterVersion, textOf, versionMessages } from "../lib/versions";

const VERSION: keyof aws.neptune.ClusterArgs & keyof aws.neptune.GlobalClusterArgs = "engineVersion";
const GLOBAL_CLUSTER = "aws:neptune/globalCluster:GlobalCluster";

export default definePolicy<VersionConfig>({
    kind: "resource",
    name: "neptune-engine-version",
    family: "versions",
    description: "Neptune engine versions are ones AWS still offers for new clusters (not past their end of life).",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative(["aws:neptune/cluster:Cluster", GLOBAL_CLUSTER]),
    config: VERSION_CONFIG,
    messages: versionMessages("Neptune"),
    advisoryMessages: VERSION_NOTES,
    remediationSteps:
        "Set engineVersion to a Neptune version before its end of life (the message lists the nearest ones), or leave it unset for AWS's default. " +
        "If AWS released the version after the pack's data snapshot, add it to `allow`.",
    check({ resource, get, config, report }) {
        const value = textOf(get(VERSION));
        if (value === undefined) return;
        if (resource.type === GLOBAL_CLUSTER && takesSourceClusterVersion(get)) return;
        // Neptune patches older release lines ("1.2.1.x") after newer ones ship, so a line is three numbers ("1.4.6").
        checkVersion({ config, report }, { engine: "neptune", dataKey: "neptune", property: VERSION, value, lineParts: 3, endLabel: "end of life" });
    },
});
