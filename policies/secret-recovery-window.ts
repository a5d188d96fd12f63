import type * as aws from "@pulumi/aws";
import { RETENTION_FACTS, RETENTION_LIMITS as limits } from "../lib/retention-limits";
import { isAutoName } from "../lib/autoname";
import { definePolicy } from "../lib/policy";
import { PRODUCTION_CONFIG, ProductionConfig, productionReason } from "../lib/stack";
import { asNumber, asString, isUnknown } from "../lib/values";

type SecretArgs = Pick<aws.secretsmanager.SecretArgs, "name" | "recoveryWindowInDays">;
const NAME: keyof SecretArgs = "name";
const WINDOW: keyof SecretArgs = "recoveryWindowInDays";
const FORCE_DELETE = limits.secretsManagerRecoveryWindowDays.forceDelete;

export default definePolicy<ProductionConfig>({
    kind: "resource",
    name: "secret-recovery-window",
    family: "destroyability",
    description:
        "Secrets Manager secrets with a fixed name in ephemeral stacks set recoveryWindowInDays to 0, so the name is free again right after `pulumi destroy`; " +
        "autonamed and prefixed secrets pass because their names never repeat.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: ["aws:secretsmanager/secret:Secret"],
    config: PRODUCTION_CONFIG,
    notApplicable: (stack, config) => productionReason(stack, config),
    messages: {
        nameReserved:
            "recoveryWindowInDays is {{value}} (unset means 30 days) on a secret with the fixed name \"{{secretName}}\"; set `recoveryWindowInDays: 0` in this ephemeral stack. " +
            "Destroy only schedules the deletion, the name stays taken for the whole window, and the next deployment's create fails because " +
            "a secret with this name is already scheduled for deletion. " + RETENTION_FACTS,
    },
    remediationSteps:
        "Set `recoveryWindowInDays: 0` to delete the secret without a recovery window (the `remediate` level does this for you), " +
        "or leave `name` unset so Pulumi autonames the secret. Production stacks are exempt; see productionStacks.",
    check({ resource, get, report }) {
        const name = get(NAME);
        const secretName = asString(name);
        // Unknown, absent (autonamed or namePrefix) or Pulumi's own random name: the next deployment uses another name.
        if (!secretName || isAutoName(resource.name, secretName)) return;
        const window = get(WINDOW);
        if (isUnknown(window) || asNumber(window) === FORCE_DELETE) return;
        report("nameReserved", { property: WINDOW, value: window, secretName });
    },
    fix: () => ({ [WINDOW]: FORCE_DELETE }),
});
