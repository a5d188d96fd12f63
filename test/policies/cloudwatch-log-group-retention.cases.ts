import { Cases, UNKNOWN, secret } from "../tester";

export const cases: Cases = {
    valid: [
        { why: "seed 002: 30-day retention", props: { name: "/aws/rds/cluster/financial-db-pr123/postgresql", retentionInDays: 30 } },
        { why: "Lambda log group, one week", props: { name: "/aws/lambda/cdr-processor-pr123", retentionInDays: 7 } },
        { why: "numeric string", props: { retentionInDays: "14" } },
        { why: "longest AWS value", props: { retentionInDays: 3653 } },
        { why: "unknown during preview", props: { retentionInDays: UNKNOWN } },
        { why: "DELIVERY class: CloudWatch keeps its events for one day", props: { logGroupClass: "DELIVERY" } },
        { why: "DELIVERY class ignores a retention below the team's minimum", props: { logGroupClass: "DELIVERY", retentionInDays: 1 }, config: { minDays: 7 } },
        { why: "DELIVERY class ignores a retention above the team's maximum", props: { logGroupClass: "delivery", retentionInDays: 365 }, config: { maxDays: 30 } },
        { why: "no retention, class unknown (may be DELIVERY)", props: { logGroupClass: UNKNOWN } },
        { why: "secret retention still checked", props: { retentionInDays: secret(2557) } },
        { why: "within a configured range", config: { minDays: 7, maxDays: 30 }, props: { retentionInDays: 30 } },
        { why: "at the configured minimum", config: { minDays: 7 }, props: { retentionInDays: 7 } },
        { why: "a value AWS added after the data's date, allowed in config", config: { extraAllowedValues: [240] }, props: { retentionInDays: 240 } },
        { why: "aws-native: 30 days", type: "aws-native:logs:LogGroup", props: { retentionInDays: 30, logGroupName: UNKNOWN } },
    ],
    invalid: [
        { why: "not set: logs never expire", props: { name: "/aws/lambda/fn" }, messageId: "neverExpires", includes: ["retentionInDays", "not set"] },
        { why: "0 means never expire", props: { retentionInDays: 0 }, messageId: "neverExpires", includes: ["0"] },
        { why: "null", props: { retentionInDays: null }, messageId: "neverExpires" },
        { why: "STANDARD class without retention", props: { logGroupClass: "STANDARD" }, messageId: "neverExpires" },
        { why: "45 is not a CloudWatch value", props: { retentionInDays: 45 }, messageId: "notAllowed", includes: ["45", "3653"] },
        { why: "malformed string", props: { retentionInDays: "thirty" }, messageId: "notAllowed" },
        { why: "malformed boolean", props: { retentionInDays: true }, messageId: "notAllowed" },
        { why: "malformed object", props: { retentionInDays: { days: 30 } }, messageId: "notAllowed" },
        { why: "below the configured minimum", config: { minDays: 30 }, props: { retentionInDays: 7 }, messageId: "tooShort", includes: ["30"] },
        { why: "above the configured maximum", config: { maxDays: 30 }, props: { retentionInDays: 365 }, messageId: "tooLong", includes: ["365", "30"] },
        { why: "secret above the maximum is not printed", config: { maxDays: 30 }, props: { retentionInDays: secret(2922) }, messageId: "tooLong", includes: ["[secret]"] },
        { why: "aws-native: retention unset", type: "aws-native:logs:LogGroup", props: { logGroupName: "/app/orders", tags: [{ key: "Owner", value: secret("team-native") }] }, messageId: "neverExpires", includes: ["retentionInDays"] },
    ],
};
