import type * as aws from "@pulumi/aws";
import { definePolicy, flagIsTrue } from "../lib/policy";
import { withNative } from "../lib/native";
import { PRODUCTION_CONFIG, ProductionConfig, productionReason } from "../lib/stack";

const FORCE: keyof aws.ecr.RepositoryArgs = "forceDelete";

export default definePolicy<ProductionConfig>({
    kind: "resource",
    name: "ecr-force-delete",
    family: "destroyability",
    description: "ECR repositories in ephemeral stacks set forceDelete, so `pulumi destroy` can delete them even when they still hold images.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative(["aws:ecr/repository:Repository"]),
    config: PRODUCTION_CONFIG,
    notApplicable: (stack, config) => productionReason(stack, config),
    messages: {
        keepsImages:
            "forceDelete is {{value}} (unset means false); set `forceDelete: true` in this ephemeral stack. " +
            "AWS refuses to delete a repository that holds images (RepositoryNotEmptyException), so after the first push `pulumi destroy` fails.",
    },
    remediationSteps: "Set `forceDelete: true` (the `remediate` level does this for you). Production stacks are exempt; see productionStacks.",
    ...flagIsTrue<ProductionConfig>(FORCE, "keepsImages"),
});
