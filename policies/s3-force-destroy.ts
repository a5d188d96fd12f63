import type * as aws from "@pulumi/aws";
import { definePolicy, flagIsTrue } from "../lib/policy";
import { withNative } from "../lib/native";
import { BUCKET_TYPES } from "../lib/s3";
import { PRODUCTION_CONFIG, ProductionConfig, productionReason } from "../lib/stack";

const FORCE: keyof aws.s3.BucketArgs & keyof aws.s3.BucketV2Args = "forceDestroy";

export default definePolicy<ProductionConfig>({
    kind: "resource",
    name: "s3-force-destroy",
    family: "destroyability",
    description: "S3 buckets in ephemeral stacks set forceDestroy, so `pulumi destroy` can delete them even when they still hold objects.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative(BUCKET_TYPES),
    config: PRODUCTION_CONFIG,
    notApplicable: (stack, config) => productionReason(stack, config),
    messages: {
        keepsObjects:
            "forceDestroy is {{value}} (unset means false); set `forceDestroy: true` in this ephemeral stack. " +
            "AWS only deletes empty buckets, so once anything writes an object, `pulumi destroy` fails with BucketNotEmpty and the bucket name stays taken.",
    },
    remediationSteps:
        "Set `forceDestroy: true` (the `remediate` level does this for you) and run `pulumi up` once before destroying, so the flag is in the state. " +
        "Production stacks are exempt; see productionStacks.",
    ...flagIsTrue<ProductionConfig>(FORCE, "keepsObjects"),
});
