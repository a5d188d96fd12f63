// The one "today" every date-based verdict uses (lifecycle dates, fact age, exemption expiry), so one setting moves them all.
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Evaluates dates as of this day (YYYY-MM-DD) instead of today, e.g. to plan ahead or to replay a past run. */
export const TODAY_ENV = "AWS_GUARDRAILS_TODAY";

/** Today as YYYY-MM-DD (UTC), or the day set in AWS_GUARDRAILS_TODAY when that is a real date. */
export function today(): string {
    const set = process.env[TODAY_ENV];
    if (set && DATE.test(set) && !Number.isNaN(Date.parse(set))) return set;
    return new Date().toISOString().slice(0, 10);
}
