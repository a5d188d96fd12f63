import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { PRODUCTION_CONFIG, ProductionConfig, productionReason } from "../lib/stack";
import { asBool, isSet, isUnknown } from "../lib/values";

type SnapshotArgs = Pick<aws.rds.ClusterArgs, "skipFinalSnapshot" | "finalSnapshotIdentifier">;
const SKIP: keyof SnapshotArgs = "skipFinalSnapshot";
const FINAL: keyof SnapshotArgs = "finalSnapshotIdentifier";

export default definePolicy<ProductionConfig>({
    kind: "resource",
    name: "skip-final-snapshot",
    family: "destroyability",
    description: "Databases in ephemeral stacks skip the final snapshot, so `pulumi destroy` completes and leaves nothing behind.",
    enforcementLevel: "mandatory",
    severity: "high",
    // aws-native Redshift: Cloud Control's delete skips the final snapshot unless one is named (see lib/native).
    types: withNative(
        ["aws:rds/cluster:Cluster", "aws:rds/instance:Instance", "aws:docdb/cluster:Cluster", "aws:neptune/cluster:Cluster", "aws:redshift/cluster:Cluster"],
        ["aws-native:redshift:Cluster"],
    ),
    config: PRODUCTION_CONFIG,
    notApplicable: (stack, config) => productionReason(stack, config),
    messages: {
        noFinalIdentifier:
            "skipFinalSnapshot is {{value}} and no finalSnapshotIdentifier is set; set `skipFinalSnapshot: true`. " +
            "Without either, AWS refuses the delete and `pulumi destroy` fails, leaving the stack stuck.",
        keepsSnapshot:
            "skipFinalSnapshot is {{value}}, so destroy leaves a final snapshot named by finalSnapshotIdentifier; set `skipFinalSnapshot: true`. " +
            "In an ephemeral stack the orphaned snapshot costs money and collides with the next deployment's snapshot name.",
    },
    remediationSteps: "Set `skipFinalSnapshot: true` (the `remediate` level does this for you). Production stacks are exempt; see productionStacks.",
    check({ get, report }) {
        const skip = get(SKIP);
        if (isUnknown(skip) || asBool(skip) === true) return;
        const final = get(FINAL);
        if (isUnknown(final)) return;
        report(isSet(final) ? "keepsSnapshot" : "noFinalIdentifier", { property: SKIP, value: skip });
    },
    fix: () => ({ [SKIP]: true }),
});
