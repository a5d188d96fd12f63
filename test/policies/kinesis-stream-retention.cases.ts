import { Cases, UNKNOWN, secret } from "../tester";

export const cases: Cases = {
    valid: [
        { why: "not set: Kinesis default of 24 hours", props: { name: "cdr-stream-pr123", shardCount: 1 } },
        { why: "seven days", props: { retentionPeriod: 168 } },
        { why: "AWS maximum", props: { retentionPeriod: 8760 } },
        { why: "numeric string", props: { retentionPeriod: "48" } },
        { why: "unknown during preview", props: { retentionPeriod: UNKNOWN } },
        { why: "secret value still evaluated", props: { retentionPeriod: secret(49) } },
        { why: "inside a configured range", config: { minHours: 48, maxHours: 168 }, props: { retentionPeriod: 72 } },
        { why: "on-demand stream with default retention", props: { streamModeDetails: { streamMode: "ON_DEMAND" } } },
        { why: "aws-native: 48 hours", type: "aws-native:kinesis:Stream", props: { retentionPeriodHours: 48, streamEncryption: { encryptionType: "KMS", keyId: "alias/aws/kinesis" } } },
    ],
    invalid: [
        { why: "below Kinesis's 24 hours", props: { retentionPeriod: 12 }, messageId: "outsideAws", includes: ["12", "8760"] },
        { why: "above Kinesis's 365 days", props: { retentionPeriod: 9000 }, messageId: "outsideAws" },
        { why: "malformed string", props: { retentionPeriod: "one day" }, messageId: "outsideAws" },
        { why: "malformed boolean", props: { retentionPeriod: false }, messageId: "outsideAws" },
        { why: "secret out-of-range value is not printed", props: { retentionPeriod: secret(9001) }, messageId: "outsideAws", includes: ["[secret]"] },
        { why: "below a configured minimum", config: { minHours: 168 }, props: { retentionPeriod: 48 }, messageId: "tooShort", includes: ["168"] },
        { why: "default below a configured minimum", config: { minHours: 168 }, props: {}, messageId: "defaultOutOfRange", includes: ["not set"] },
        { why: "above a configured maximum", config: { maxHours: 168 }, props: { retentionPeriod: 720 }, messageId: "tooLong", includes: ["720"] },
        { why: "aws-native: retention below 24 hours", type: "aws-native:kinesis:Stream", props: { retentionPeriodHours: 12 }, messageId: "outsideAws", includes: ["retentionPeriodHours"] },
    ],
};
