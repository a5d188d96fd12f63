import { Cases, UNKNOWN, secret } from "../tester";

const DAYS_14 = 1209600;

export const cases: Cases = {
    valid: [
        { why: "not set: SQS default of 4 days", props: { name: "orders-pr123" } },
        { why: "seed 003: dead-letter queue keeps 14 days", props: { name: "payment-dlq-pr123", messageRetentionSeconds: DAYS_14 } },
        { why: "one day", props: { messageRetentionSeconds: 86400 } },
        { why: "AWS minimum", props: { messageRetentionSeconds: 60 } },
        { why: "numeric string", props: { messageRetentionSeconds: "86400" } },
        { why: "unknown during preview", props: { messageRetentionSeconds: UNKNOWN } },
        { why: "secret value still evaluated", props: { messageRetentionSeconds: secret(86401) } },
        { why: "inside a configured range", config: { minSeconds: 3600, maxSeconds: 86400 }, props: { messageRetentionSeconds: 7200 } },
        { why: "default inside a configured range", config: { minSeconds: 3600 }, props: {} },
        { why: "aws-native: retention unknown", type: "aws-native:sqs:Queue", props: { messageRetentionPeriod: UNKNOWN } },
    ],
    invalid: [
        { why: "below SQS's 60 seconds", props: { messageRetentionSeconds: 30 }, messageId: "outsideAws", includes: ["30", "1209600"] },
        { why: "above SQS's 14 days", props: { messageRetentionSeconds: DAYS_14 + 1 }, messageId: "outsideAws" },
        { why: "malformed string", props: { messageRetentionSeconds: "4 days" }, messageId: "outsideAws" },
        { why: "fractional seconds", props: { messageRetentionSeconds: 100.5 }, messageId: "outsideAws" },
        { why: "malformed object", props: { messageRetentionSeconds: { seconds: 60 } }, messageId: "outsideAws" },
        { why: "secret out-of-range value is not printed", props: { messageRetentionSeconds: secret(1209601) }, messageId: "outsideAws", includes: ["[secret]"] },
        { why: "below a configured minimum", config: { minSeconds: DAYS_14 }, props: { messageRetentionSeconds: 345600 }, messageId: "tooShort", includes: ["1209600"] },
        { why: "default below a configured minimum", config: { minSeconds: DAYS_14 }, props: {}, messageId: "defaultOutOfRange", includes: ["not set", "345600"] },
        { why: "default above a configured maximum", config: { maxSeconds: 3600 }, props: {}, messageId: "defaultOutOfRange" },
        { why: "above a configured maximum", config: { maxSeconds: 3600 }, props: { messageRetentionSeconds: 7200 }, messageId: "tooLong", includes: ["7200", "3600"] },
        { why: "aws-native: retention beyond 14 days", type: "aws-native:sqs:Queue", props: { messageRetentionPeriod: 2000000 }, messageId: "outsideAws", includes: ["messageRetentionPeriod"] },
    ],
};
