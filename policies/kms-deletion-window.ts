import type * as aws from "@pulumi/aws";
import { RETENTION_FACTS, RETENTION_LIMITS as limits, rangeVerdict } from "../lib/retention-limits";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { PRODUCTION_CONFIG, ProductionConfig, productionReason } from "../lib/stack";
import { isUnknown } from "../lib/values";

interface WindowConfig extends ProductionConfig {
    maxDays: number;
}

const WINDOW: keyof aws.kms.KeyArgs &
    keyof aws.kms.ReplicaKeyArgs &
    keyof aws.kms.ExternalKeyArgs &
    keyof aws.kms.ReplicaExternalKeyArgs = "deletionWindowInDays";
const KMS = limits.kmsDeletionWindowDays;

export default definePolicy<WindowConfig>({
    kind: "resource",
    name: "kms-deletion-window",
    family: "destroyability",
    description: "KMS keys in ephemeral stacks use the shortest deletion window (7 days), so a destroyed stack's keys are gone within a week instead of AWS's default 30 days.",
    enforcementLevel: "advisory",
    severity: "low",
    types: withNative(["aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey", "aws:kms/externalKey:ExternalKey", "aws:kms/replicaExternalKey:ReplicaExternalKey"]),
    config: {
        ...PRODUCTION_CONFIG,
        maxDays: {
            type: "integer",
            minimum: KMS.min,
            maximum: KMS.max,
            default: KMS.min,
            description: "Longest deletion window allowed in ephemeral stacks, in days (AWS accepts 7 to 30).",
        },
    },
    notApplicable: (stack, config) => productionReason(stack, config),
    messages: {
        longWindow:
            "deletionWindowInDays is {{value}} (unset means AWS's default of 30 days); set `deletionWindowInDays: 7` in this ephemeral stack. " +
            "After `pulumi destroy` the key lingers in PendingDeletion for the whole window, so every test run leaves keys behind for weeks. " + RETENTION_FACTS,
        outsideAws:
            "deletionWindowInDays is {{value}}, outside what AWS accepts (a whole number of days from 7 to 30); set `deletionWindowInDays: 7`. " +
            "AWS rejects any other window, at the latest when `pulumi destroy` schedules the key's deletion. " + RETENTION_FACTS,
    },
    remediationSteps: "Set `deletionWindowInDays: 7` (the `remediate` level does this for you). Production stacks are exempt; see productionStacks.",
    check({ config, get, report }) {
        const value = get(WINDOW);
        if (isUnknown(value)) return;
        const verdict = rangeVerdict(value, KMS, { min: KMS.min, max: config.maxDays });
        if (verdict) report(verdict === "outsideAws" ? "outsideAws" : "longWindow", { property: WINDOW, value });
    },
    fix: () => ({ [WINDOW]: KMS.min }),
});
