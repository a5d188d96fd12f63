// data/retention-limits.json, read once when the pack loads: the retention and destroyability policies build their defaults from it.
import { readPackagedData } from "./data";

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
