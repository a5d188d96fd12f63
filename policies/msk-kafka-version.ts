import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { VERSION_CONFIG, VERSION_NOTES, VersionConfig, checkVersion, textOf, versionMessages } from "../lib/versions";

const VERSION: keyof aws.msk.ClusterArgs = "kafkaVersion";

export default definePolicy<VersionConfig>({
    kind: "resource",
    name: "msk-kafka-version",
    family: "versions",
    description: "MSK clusters use a Kafka version MSK still offers for new clusters (not deprecated or past its end of support).",
    enforcementLevel: "mandatory",
    severity: "high",
    // MSK Serverless clusters have no Kafka version to choose.
    types: withNative(["aws:msk/cluster:Cluster"]),
    config: VERSION_CONFIG,
    messages: versionMessages("MSK Kafka"),
    advisoryMessages: VERSION_NOTES,
    remediationSteps:
        "Set kafkaVersion to a version MSK lists without a past end-of-support date (the message names them, e.g. \"3.9.x\"). " +
        "If MSK released the version after the pack's data snapshot, add it to `allow`.",
    check({ get, config, report }) {
        const value = textOf(get(VERSION));
        if (value === undefined) return;
        // Lines are Kafka minors ("3.7", covering "3.7.x" and "3.7.x.kraft").
        checkVersion({ config, report }, { engine: "kafka", dataKey: "kafka", property: VERSION, value, lineParts: 2, endLabel: "end of support" });
    },
});
