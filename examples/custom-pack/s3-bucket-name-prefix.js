// A team's own policy, written the way aws-guardrails writes its own: S3 bucket names start with the team's prefix.
const { asString, definePolicy, isUnknown } = require("aws-guardrails/library");

module.exports = definePolicy({
    kind: "resource",
    name: "s3-bucket-name-prefix",
    family: "naming",
    description: "S3 bucket names start with the organization's prefix, so every bucket can be traced to its owner and no name is taken by another account first.",
    enforcementLevel: "mandatory",
    severity: "low",
    types: ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
    config: {
        prefix: { type: "string", minLength: 1, pattern: "^[a-z0-9][a-z0-9.-]*$", default: "acme-", description: "What every bucket name starts with." },
    },
    messages: {
        wrongPrefix:
            "{{property}} is {{value}}, which does not start with {{prefix}}; name the bucket {{prefix}}<name> (or set bucketPrefix to {{prefix}}), " +
            "because bucket names are global and our cost and ownership reports find buckets by that prefix.",
    },
    remediationSteps: "Set `bucket` to a name that starts with the prefix, or `bucketPrefix` to the prefix and let AWS add the rest.",
    check({ resource, get, config, report }) {
        for (const property of ["bucket", "bucketPrefix"]) {
            const value = get(property);
            // Unknown during preview (computed from another resource): say nothing rather than guess.
            if (isUnknown(value)) return;
            const name = asString(value);
            if (name === undefined) continue;
            if (!name.startsWith(config.prefix)) report("wrongPrefix", { property, value, prefix: config.prefix });
            return;
        }
        // Neither set: Pulumi names the bucket after its logical name.
        if (!resource.name.startsWith(config.prefix)) report("wrongPrefix", { property: "the logical name", value: resource.name, prefix: config.prefix });
    },
});
