import type * as aws from "@pulumi/aws";
import { RETENTION_FACTS, RETENTION_LIMITS as limits } from "../lib/retention-limits";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { asNumber, asString, isUnknown } from "../lib/values";

interface RetentionConfig {
    minDays: number;
    maxDays: number;
    extraAllowedValues: number[];
}

type LogGroupArgs = Pick<aws.cloudwatch.LogGroupArgs, "retentionInDays" | "logGroupClass">;
const RETENTION: keyof LogGroupArgs = "retentionInDays";
const CLASS: keyof LogGroupArgs = "logGroupClass";

const LOGS = limits.cloudwatchLogsRetentionDays;
const ALLOWED: readonly number[] = LOGS.allowedValues;
const MAX_ALLOWED = ALLOWED[ALLOWED.length - 1];

export default definePolicy<RetentionConfig>({
    kind: "resource",
    name: "cloudwatch-log-group-retention",
    family: "retention",
    description: "CloudWatch log groups set a retention that CloudWatch accepts and that lies within the configured range, so logs expire instead of piling up forever.",
    enforcementLevel: "advisory",
    severity: "medium",
    types: withNative(["aws:cloudwatch/logGroup:LogGroup"]),
    config: {
        minDays: {
            type: "integer",
            minimum: 1,
            maximum: MAX_ALLOWED,
            default: 1,
            description: "Shortest retention allowed, in days.",
        },
        maxDays: {
            type: "integer",
            minimum: 1,
            maximum: MAX_ALLOWED,
            default: MAX_ALLOWED,
            description: "Longest retention allowed, in days (e.g. 30 for ephemeral stacks).",
        },
        extraAllowedValues: {
            type: "array",
            items: { type: "integer", minimum: 1 },
            default: [],
            description: `Retention values CloudWatch Logs accepts that the pack's data (as of ${limits.asOf}) does not list yet.`,
        },
    },
    messages: {
        neverExpires:
            "retentionInDays is {{value}}, so the log group keeps its events forever; set it to one of CloudWatch's retention values " +
            "between {{minDays}} and {{maxDays}} days. Logs that never expire are billed for storage indefinitely and outlive any retention rule.",
        notAllowed:
            "retentionInDays is {{value}}, which CloudWatch Logs does not accept; use one of {{allowed}}. " +
            "The provider rejects any other value, so the preview or the create fails. " + RETENTION_FACTS,
        tooShort:
            "retentionInDays is {{value}}, shorter than the configured minimum of {{minDays}} days; raise it, or logs are deleted before anyone can investigate.",
        tooLong:
            "retentionInDays is {{value}}, longer than the configured maximum of {{maxDays}} days; lower it, or logs are stored (and billed) longer than policy allows.",
    },
    remediationSteps:
        "Set `retentionInDays` to one of CloudWatch's values (1, 3, 5, 7, 14, 30, 60, 90, ... 3653) within minDays..maxDays. " +
        `Log groups of class DELIVERY are exempt: CloudWatch Logs keeps their events for ${LOGS.deliveryClassRetentionDays} day whatever retentionInDays says ` +
        "(CloudWatch Logs API Reference, CreateLogGroup `logGroupClass`).",
    check({ config, get, report }) {
        const value = get(RETENTION);
        if (isUnknown(value)) return;
        // DELIVERY log groups ignore the argument (events are kept for one day); an unknown class may be DELIVERY.
        const logClass = get(CLASS);
        if (isUnknown(logClass) || asString(logClass)?.toUpperCase() === "DELIVERY") return;
        const data = { property: RETENTION, value, minDays: config.minDays, maxDays: config.maxDays };
        const days = asNumber(value);
        const neverExpires = value === undefined || value === null || days === LOGS.neverExpire;
        const allowed = [...ALLOWED, ...config.extraAllowedValues];
        // Never-expire 0 is in no allowed list (config items are >= 1), so an allowed value always expires.
        if (days !== undefined && allowed.includes(days)) {
            if (days < config.minDays) report("tooShort", data);
            else if (days > config.maxDays) report("tooLong", data);
            return;
        }
        if (neverExpires) report("neverExpires", data);
        else report("notAllowed", { ...data, allowed });
    },
});
