import type * as aws from "@pulumi/aws";
import { RETENTION_FACTS, RETENTION_LIMITS as limits, rangeVerdict } from "../lib/retention-limits";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { isUnknown } from "../lib/values";

interface KinesisRetentionConfig {
    minHours: number;
    maxHours: number;
}

const RETENTION: keyof aws.kinesis.StreamArgs = "retentionPeriod";
const KINESIS = limits.kinesisRetentionHours;

export default definePolicy<KinesisRetentionConfig>({
    kind: "resource",
    name: "kinesis-stream-retention",
    family: "retention",
    description: "Kinesis data streams keep records for a period Kinesis accepts (24 to 8760 hours) and within the configured range.",
    enforcementLevel: "mandatory",
    severity: "medium",
    types: withNative(["aws:kinesis/stream:Stream"]),
    config: {
        minHours: { type: "integer", minimum: KINESIS.min, maximum: KINESIS.max, default: KINESIS.min, description: "Shortest record retention allowed, in hours." },
        maxHours: { type: "integer", minimum: KINESIS.min, maximum: KINESIS.max, default: KINESIS.max, description: "Longest record retention allowed, in hours." },
    },
    messages: {
        outsideAws:
            "retentionPeriod is {{value}}, outside what Kinesis accepts (a whole number of hours from 24 to 8760, 1 day to 365 days); " +
            "set a value in that range, or the stream's create or update fails. " + RETENTION_FACTS,
        defaultOutOfRange:
            "retentionPeriod is not set, so Kinesis keeps records for its default of 24 hours, outside the configured " +
            "{{minHours}} to {{maxHours}} hours; set it explicitly within that range. " + RETENTION_FACTS,
        tooShort:
            "retentionPeriod is {{value}} hours, below the configured minimum of {{minHours}}; raise it, " +
            "or records are gone before a lagging or failed consumer can reprocess them.",
        tooLong:
            "retentionPeriod is {{value}} hours, above the configured maximum of {{maxHours}}; lower it, " +
            "or the stream bills extended retention for data nobody reads any more.",
    },
    existingResources: {
        outsideAws: "On this existing stream, the next update that sends the value fails; set it in range before changing anything else on the stream.",
    },
    remediationSteps: "Set `retentionPeriod` to a whole number of hours from minHours to maxHours (Kinesis itself accepts 24 to 8760; the default is 24).",
    check({ config, get, report }) {
        const value = get(RETENTION);
        if (isUnknown(value)) return;
        const verdict = rangeVerdict(value, KINESIS, { min: config.minHours, max: config.maxHours });
        if (verdict) report(verdict, { property: RETENTION, value, minHours: config.minHours, maxHours: config.maxHours });
    },
});
