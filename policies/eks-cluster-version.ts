import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { VERSION_CONFIG, VERSION_NOTES, VersionConfig, checkVersion, textOf, versionMessages } from "../lib/versions";

const VERSION: keyof aws.eks.ClusterArgs = "version";

export default definePolicy<VersionConfig>({
    kind: "resource",
    name: "eks-cluster-version",
    family: "versions",
    description: "EKS clusters use a Kubernetes version EKS still supports (not past its end of extended support).",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative(["aws:eks/cluster:Cluster"]),
    config: VERSION_CONFIG,
    messages: versionMessages("EKS Kubernetes"),
    advisoryMessages: VERSION_NOTES,
    framework: fsbp("EKS.2", "EKS clusters should run on a supported Kubernetes version"),
    remediationSteps:
        "Set version to a Kubernetes version EKS supports (the message names the nearest ones), or leave it unset for the newest one. " +
        "If EKS released the version after the pack's data snapshot, add it to `allow`.",
    check({ get, config, report }) {
        const value = textOf(get(VERSION));
        if (value === undefined) return;
        // Every Kubernetes minor ("1.31") is its own line with its own support dates.
        checkVersion({ config, report }, { engine: "eks", dataKey: "eks", property: VERSION, value, lineParts: 2, endLabel: "end of support" });
    },
});
