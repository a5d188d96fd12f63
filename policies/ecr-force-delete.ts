import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { PRODUCTION_CONFIG, ProductionConfig, productionReason } from "../lib/stack";
import { asBool, isUnknown } from "../lib/values";

const FORCE: keyof aws.ecr.RepositoryArgs = "forceDelete";

export default definePolicy<ProductionConfig>({
    kind: "resource",
    name: "ecr-force-delete",
    family: "destroyability",
    description: "ECR repositories in ephemeral stacks set forceDelete, so `pulumi destroy` can delete them even when they still hold images.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: ["aws:ecr/repository:Repository"],
    config: PRODUCTION_CONFIG,
    notApplicable: (stack, config) => productionReason(stack, config),
    messages: {
        keepsImages:
            "forceDelete is {{value}} (unset means false); set `forceDelete: true` in this ephemeral stack. " +
            "AWS refuses to delete a repository that holds images (RepositoryNotEmptyException), so after the first push `pulumi destroy` fails.",
    },
    remediationSteps: "Set `forceDelete: true` (the `remediate` level does this for you). Production stacks are exempt; see productionStacks.",
    check({ get, report }) {
        const force = get(FORCE);
        if (isUnknown(force) || asBool(force) === true) return;
        report("keepsImages", { property: FORCE, value: force });
    },
    fix: () => ({ [FORCE]: true }),
});
