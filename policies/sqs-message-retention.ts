import type * as aws from "@pulumi/aws";
import { RETENTION_FACTS, RETENTION_LIMITS as limits, rangeVerdict } from "../lib/retention-limits";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { isUnknown } from "../lib/values";

interface SqsRetentionConfig {
    minSeconds: number;
    maxSeconds: number;
}

const RETENTION: keyof aws.sqs.QueueArgs = "messageRetentionSeconds";
const SQS = limits.sqsMessageRetentionSeconds;

export default definePolicy<SqsRetentionConfig>({
    kind: "resource",
    name: "sqs-message-retention",
    family: "retention",
    description: "SQS queues keep messages for a period SQS accepts (60 s to 14 days) and within the configured range.",
    enforcementLevel: "mandatory",
    severity: "medium",
    types: withNative(["aws:sqs/queue:Queue"]),
    config: {
        minSeconds: { type: "integer", minimum: SQS.min, maximum: SQS.max, default: SQS.min, description: "Shortest message retention allowed, in seconds." },
        maxSeconds: { type: "integer", minimum: SQS.min, maximum: SQS.max, default: SQS.max, description: "Longest message retention allowed, in seconds." },
    },
    messages: {
        outsideAws:
            "messageRetentionSeconds is {{value}}, outside what SQS accepts (a whole number from 60 to 1209600 seconds, 1 minute to 14 days); " +
            "set a value in that range, or the queue cannot be created. " + RETENTION_FACTS,
        defaultOutOfRange:
            "messageRetentionSeconds is not set, so SQS keeps messages for its default of 345600 seconds (4 days), outside the configured " +
            "{{minSeconds}} to {{maxSeconds}} seconds; set it explicitly within that range. " + RETENTION_FACTS,
        tooShort:
            "messageRetentionSeconds is {{value}}, below the configured minimum of {{minSeconds}} seconds; raise it, " +
            "or messages expire before consumers (or whoever drains a dead-letter queue) get to them.",
        tooLong:
            "messageRetentionSeconds is {{value}}, above the configured maximum of {{maxSeconds}} seconds; lower it, " +
            "or stale messages linger and get processed long after they matter.",
    },
    existingResources: {
        outsideAws: "On this existing queue, the next update that sends the value fails; set it in range before changing anything else on the queue.",
    },
    remediationSteps: "Set `messageRetentionSeconds` to a whole number of seconds from minSeconds to maxSeconds (SQS itself accepts 60 to 1209600; the default is 345600).",
    check({ config, get, report }) {
        const value = get(RETENTION);
        if (isUnknown(value)) return;
        const verdict = rangeVerdict(value, SQS, { min: config.minSeconds, max: config.maxSeconds });
        if (verdict) report(verdict, { property: RETENTION, value, minSeconds: config.minSeconds, maxSeconds: config.maxSeconds });
    },
});
