// acme's policy pack: two families of aws-guardrails, minus one policy, plus a policy of our own.
const { PolicyPack } = require("@pulumi/policy");
const { guardrails } = require("aws-guardrails/library");
const s3BucketNamePrefix = require("./s3-bucket-name-prefix");

new PolicyPack("acme-guardrails", {
    policies: guardrails({
        families: ["encryption", "destroyability"],
        exclude: ["no-protect-option"],
        custom: [s3BucketNamePrefix],
    }),
});
