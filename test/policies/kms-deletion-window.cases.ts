import { Cases, UNKNOWN, secret } from "../tester";

export const cases: Cases = {
    valid: [
        { why: "shortest window", props: { description: "db key", deletionWindowInDays: 7, enableKeyRotation: true } },
        { why: "numeric string", props: { deletionWindowInDays: "7" } },
        { why: "unknown during preview", props: { deletionWindowInDays: UNKNOWN } },
        { why: "replica key", type: "aws:kms/replicaKey:ReplicaKey", props: { deletionWindowInDays: 7 } },
        { why: "within a configured maximum", config: { maxDays: 10 }, props: { deletionWindowInDays: 10 } },
        { why: "secret value still evaluated", config: { maxDays: 9 }, props: { deletionWindowInDays: secret(9) } },
        { why: "aws-native: 7-day window", type: "aws-native:kms:Key", props: { pendingWindowInDays: 7 } },
    ],
    invalid: [
        { why: "not set: AWS waits 30 days", props: { enableKeyRotation: true }, messageId: "longWindow", count: 1, includes: ["deletionWindowInDays", "not set", "30"] },
        { why: "explicit 30", props: { deletionWindowInDays: 30 }, messageId: "longWindow" },
        { why: "seed 004: 10 days", props: { deletionWindowInDays: 10 }, messageId: "longWindow", includes: ["10"] },
        { why: "external key", type: "aws:kms/externalKey:ExternalKey", props: {}, messageId: "longWindow" },
        { why: "below AWS's 7 days", props: { deletionWindowInDays: 5 }, messageId: "outsideAws", includes: ["5"] },
        { why: "above AWS's 30 days", props: { deletionWindowInDays: 31 }, messageId: "outsideAws" },
        { why: "malformed string", props: { deletionWindowInDays: "a week" }, messageId: "outsideAws" },
        { why: "malformed array", props: { deletionWindowInDays: [7] }, messageId: "outsideAws" },
        { why: "secret malformed window is not printed", props: { deletionWindowInDays: secret("twenty-eight") }, messageId: "outsideAws", includes: ["[secret]"] },
        { why: "aws-native: 30-day window", type: "aws-native:kms:Key", props: { pendingWindowInDays: 30 }, messageId: "longWindow", includes: ["pendingWindowInDays"] },
    ],
    notApplicable: [{ why: "production stack by name", stack: "prod", props: {} }],
};
