// data/retention-limits.json, read once when the pack loads: the retention and destroyability policies build their defaults from it.
import { readPackagedData } from "./data";
import { asNumber } from "./values";

export type RetentionLimits = typeof import("../data/retention-limits.json");

export const RETENTION_LIMITS = readPackagedData<RetentionLimits>("retention-limits.json", [
    "asOf",
    "source",
    "cloudwatchLogsRetentionDays",
    "backupRetentionDays",
    "sqsMessageRetentionSeconds",
    "kinesisRetentionHours",
    "kmsDeletionWindowDays",
    "secretsManagerRecoveryWindowDays",
]);

/** Said after every message that relies on these limits: where they come from and how old they are. */
export const RETENTION_FACTS = `(AWS limits as of ${RETENTION_LIMITS.asOf}, data/retention-limits.json.)`;

export interface AwsRange {
    min: number;
    max: number;
    default: number;
}

export type RangeVerdict = "outsideAws" | "defaultOutOfRange" | "tooShort" | "tooLong";

/**
 * Where a whole-number setting stands: outside what AWS accepts, or below or above a team's range. An unset
 * value takes AWS's default, so a default outside the team's range is its own verdict. Unknown values are the caller's.
 */
export function rangeVerdict(value: unknown, aws: AwsRange, wanted: { min: number; max: number }): RangeVerdict | undefined {
    const unset = value === undefined || value === null;
    const n = unset ? aws.default : asNumber(value);
    if (n === undefined || !Number.isInteger(n) || n < aws.min || n > aws.max) return "outsideAws";
    if (n < wanted.min) return unset ? "defaultOutOfRange" : "tooShort";
    if (n > wanted.max) return unset ? "defaultOutOfRange" : "tooLong";
    return undefined;
}
