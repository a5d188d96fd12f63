import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { VERSION_CONFIG, VERSION_NOTES, VersionConfig, checkVersion, takesSourceClusterVersion, textOf, versionMessages } from "../lib/versions";

const VERSION: keyof aws.docdb.ClusterArgs & keyof aws.docdb.GlobalClusterArgs = "engineVersion";
const GLOBAL_CLUSTER = "aws:docdb/globalCluster:GlobalCluster";

export default definePolicy<VersionConfig>({
    kind: "resource",
    name: "docdb-engine-version",
    family: "versions",
    description: "DocumentDB engine versions are ones AWS offers for new clusters.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: ["aws:docdb/cluster:Cluster", GLOBAL_CLUSTER],
    config: VERSION_CONFIG,
    messages: versionMessages("DocumentDB"),
    advisoryMessages: VERSION_NOTES,
    remediationSteps:
        "Set engineVersion to a DocumentDB version AWS offers (the message lists them, e.g. \"5.0.0\"), or leave it unset for AWS's default. " +
        "If AWS released the version after the pack's data snapshot, add it to `allow`.",
    check({ resource, get, config, report }) {
        const value = textOf(get(VERSION));
        if (value === undefined) return;
        if (resource.type === GLOBAL_CLUSTER && takesSourceClusterVersion(get)) return;
        // DocumentDB has one engine, "docdb"; major versions (3.6, 4.0, 5.0, 8.0) are the lines.
        checkVersion({ config, report, resource }, { engine: "docdb", dataKey: "docdb", property: VERSION, value, lineParts: 1 });
    },
});
