import { Cases, UNKNOWN, secret } from "../tester";

export const cases: Cases = {
    valid: [
        { why: "forceDestroy on", props: { name: "dr-vault-pr42", forceDestroy: true, kmsKeyArn: "arn:aws:kms:us-west-2:123456789012:key/abc" } },
        { why: "string form of true", props: { forceDestroy: "true" } },
        { why: "unknown during preview", props: { forceDestroy: UNKNOWN } },
        { why: "secret true", props: { forceDestroy: secret(true) } },
        { why: "another resource type is not checked", type: "aws:backup/plan:Plan", props: { name: "daily" } },
    ],
    invalid: [
        {
            why: "seed 004: a DR vault with a daily plan and no forceDestroy",
            props: { name: "dr-backup-vault-pr42", kmsKeyArn: UNKNOWN },
            messageId: "keepsRecoveryPoints",
            count: 1,
            includes: ["forceDestroy is not set", "recovery points"],
        },
        { why: "explicitly false", props: { forceDestroy: false }, messageId: "keepsRecoveryPoints", includes: ["false"] },
        { why: "malformed string", props: { forceDestroy: "yes" }, messageId: "keepsRecoveryPoints" },
        { why: "malformed object", props: { forceDestroy: { value: true } }, messageId: "keepsRecoveryPoints" },
        { why: "secret malformed value is not printed", props: { forceDestroy: secret("nope-nope") }, messageId: "keepsRecoveryPoints", includes: ["[secret]"] },
    ],
    notApplicable: [
        { why: "production stack by name", stack: "prod", props: {} },
        { why: "production stack by tag", stack: "live-eu", stackTags: { environment: "production" }, props: {} },
    ],
};
