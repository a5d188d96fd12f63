import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { asArray, asNumber, asString, get, isSet, isUnknown } from "../lib/values";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
type AlarmProperty = keyof aws.cloudwatch.MetricAlarmArgs;
const THRESHOLD: AlarmProperty = "threshold";
const COMPARISON: AlarmProperty = "comparisonOperator";
const QUERIES: AlarmProperty = "metricQueries";
const [NAMESPACE, METRIC, STATISTIC, EXTENDED, UNIT]: AlarmProperty[] = ["namespace", "metricName", "statistic", "extendedStatistic", "unit"];

type Unit = "Milliseconds" | "Seconds" | "Percent";

interface Bound {
    limit: number;
    /** Why a threshold past the limit is implausible, for the message. */
    why: string;
}

interface MetricUnit {
    unit: Unit;
    /** The AWS documentation page that states the unit. */
    source: string;
    /** A threshold below this (with a GreaterThan comparison) reads like the next larger unit. */
    below?: Bound;
    /** A threshold above this reads like the next smaller unit. */
    above?: Bound;
    /** The metric can never exceed this. */
    max?: Bound;
}

// Units as stated by the AWS documentation, checked 2026-11-24 (the Aurora rows also in awsdocs/amazon-aurora-user-guide@08e6185,
// doc_source/Aurora.AuroraMonitoring.Metrics.md). Aurora's global-database lag is in MILLISECONDS, whatever some write-ups say.
const AURORA = "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.AuroraMonitoring.Metrics.html";
const RDS = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-metrics.html";
const SQS = "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html";
const LAMBDA = "https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html";
const ALB = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html";
const EC2 = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/viewing_metrics_with_cloudwatch.html";

const GLOBAL_LAG: MetricUnit = {
    unit: "Milliseconds",
    source: AURORA,
    below: { limit: 100, why: "Aurora global database lag is typically hundreds of milliseconds, so this alarms almost all the time" },
};
const REPLICA_LAG_MS: MetricUnit = {
    unit: "Milliseconds",
    source: AURORA,
    below: { limit: 10, why: "Aurora Replicas typically lag by tens of milliseconds, so this alarms almost all the time" },
};
const LAG_SECONDS: MetricUnit = { unit: "Seconds", source: RDS, above: { limit: 3600, why: "over an hour of replica lag" } };
const PERCENT = (source: string): MetricUnit => ({
    unit: "Percent",
    source,
    below: { limit: 1, why: "a fraction (0.8 for 80%) is read as 0.8 percent, so this alarms almost all the time" },
    max: { limit: 100, why: "a percentage never exceeds 100" },
});

const METRICS: Record<string, Record<string, MetricUnit>> = {
    "AWS/RDS": {
        AuroraGlobalDBReplicationLag: GLOBAL_LAG,
        AuroraGlobalDBRPOLag: GLOBAL_LAG,
        AuroraGlobalDBProgressLag: GLOBAL_LAG,
        AuroraReplicaLag: REPLICA_LAG_MS,
        AuroraReplicaLagMaximum: REPLICA_LAG_MS,
        ReplicaLag: LAG_SECONDS,
        AuroraBinlogReplicaLag: { ...LAG_SECONDS, source: AURORA },
        CPUUtilization: PERCENT(RDS),
    },
    "AWS/SQS": {
        ApproximateAgeOfOldestMessage: {
            unit: "Seconds",
            source: SQS,
            max: { limit: 1_209_600, why: "no message outlives the 14-day (1,209,600 s) maximum retention" },
        },
    },
    "AWS/Lambda": {
        Duration: {
            unit: "Milliseconds",
            source: LAMBDA,
            below: { limit: 100, why: "most invocations take longer than that, so this alarms almost all the time" },
            max: { limit: 900_000, why: "no invocation runs longer than the 900-second (900,000 ms) maximum timeout" },
        },
    },
    "AWS/ApplicationELB": {
        TargetResponseTime: { unit: "Seconds", source: ALB, above: { limit: 100, why: "a response time over 100 seconds (the default idle timeout is 60 s)" } },
    },
    "AWS/EC2": { CPUUtilization: PERCENT(EC2) },
};

const GREATER = ["GreaterThanThreshold", "GreaterThanOrEqualToThreshold"];
// Statistics that keep the metric's unit; Sum and SampleCount do not.
const UNIT_STATISTICS = ["Average", "Minimum", "Maximum"];

interface Watched {
    namespace: unknown;
    metric: unknown;
    statistic: unknown;
    unit: unknown;
    where: string;
}

/**
 * The one metric the threshold applies to: the alarm's own, or a lone metric query without math (an unknown list, or an
 * anomaly-detection alarm's metric and band, is not one).
 */
function watched(read: (path: string) => unknown): Watched | undefined {
    if (isSet(read(METRIC))) {
        const extended = read(EXTENDED);
        return { namespace: read(NAMESPACE), metric: read(METRIC), statistic: isSet(extended) ? extended : read(STATISTIC), unit: read(UNIT), where: UNIT };
    }
    const list = asArray(read(QUERIES));
    if (list.length !== 1 || isSet(get(list[0], "expression"))) return undefined;
    const q = list[0];
    return {
        namespace: get(q, "metric.namespace"),
        metric: get(q, "metric.metricName"),
        statistic: get(q, "metric.stat"),
        unit: get(q, "metric.unit"),
        where: `${QUERIES}[0].metric.unit`,
    };
}

/** Drops binary floating-point noise (0.8 * 100 = 80.00000000000001). */
function tidy(n: number): number {
    return Number(n.toPrecision(12));
}

function keepsUnit(statistic: unknown): boolean {
    const s = asString(statistic);
    // Extended statistics (p99, tm90, wm99, IQM...) are in the metric's unit; counts, sums and ranks (SampleCount, Sum, tc, ts, pr) are not.
    return !!s && (UNIT_STATISTICS.includes(s) || /^(p|tm|wm)[\d(.]|^IQM$/i.test(s));
}

export default definePolicy({
    kind: "resource",
    name: "cloudwatch-alarm-threshold-unit",
    family: "wiring",
    description:
        "A CloudWatch alarm threshold is plausible for the unit AWS reports the metric in (milliseconds, seconds, percent), and the alarm does not ask for another unit.",
    enforcementLevel: "advisory",
    severity: "medium",
    types: [ALARM],
    messages: {
        msTooLow:
            "threshold is {{value}} but {{metric}} is reported in milliseconds ({{source}}), so the alarm fires above {{value}} ms: {{why}}. " +
            "If you meant {{value}} seconds, set threshold to {{suggested}}.",
        secondsTooHigh:
            "threshold is {{value}} but {{metric}} is reported in seconds ({{source}}), so the alarm waits for {{value}} seconds, {{why}}. " +
            "If you meant {{value}} milliseconds, set threshold to {{suggested}}.",
        fraction:
            "threshold is {{value}} but {{metric}} is reported in percent ({{source}}): {{why}}. If you meant {{percent}}%, set threshold to {{percent}}.",
        unreachable: "threshold is {{value}} but {{metric}} is reported in {{unit}} ({{source}}) and {{why}}, so this alarm can never fire. Lower the threshold.",
        unitMismatch:
            "{{property}} is {{value}} but AWS publishes {{metric}} in {{unit}} ({{source}}); CloudWatch does not convert units, so the alarm finds no " +
            "data and stays INSUFFICIENT_DATA. Remove `unit` (or set it to \"{{unit}}\").",
    },
    remediationSteps:
        "Express the threshold in the unit AWS reports the metric in (e.g. 5000 for 5 seconds of AuroraGlobalDBReplicationLag, which is in " +
        "milliseconds; 5 for 5 seconds of RDS ReplicaLag, which is in seconds) and leave `unit` unset.",
    check({ get: read, report }) {
        const w = watched(read);
        if (!w) return;
        const namespace = asString(w.namespace);
        const metric = asString(w.metric);
        const spec = namespace && metric ? METRICS[namespace]?.[metric] : undefined;
        if (!spec || !metric) return;
        const unit = asString(w.unit);
        if (unit && unit !== spec.unit) {
            report("unitMismatch", { property: w.where, value: unit, metric, unit: spec.unit, source: spec.source });
            return;
        }
        const threshold = asNumber(read(THRESHOLD));
        if (threshold === undefined || !keepsUnit(w.statistic)) return;
        const comparison = read(COMPARISON);
        if (isUnknown(comparison)) return;
        const base = { property: THRESHOLD, value: threshold, metric, source: spec.source };
        const greater = GREATER.includes(asString(comparison) ?? "");
        if (spec.max && threshold > spec.max.limit && greater) {
            report("unreachable", { ...base, unit: spec.unit.toLowerCase(), why: spec.max.why });
        } else if (spec.above && threshold > spec.above.limit) {
            report("secondsTooHigh", { ...base, why: spec.above.why, suggested: tidy(threshold / 1000) });
        } else if (spec.below && threshold > 0 && threshold < spec.below.limit && greater) {
            if (spec.unit === "Percent") report("fraction", { ...base, why: spec.below.why, percent: tidy(threshold * 100) });
            else report("msTooLow", { ...base, why: spec.below.why, suggested: tidy(threshold * 1000) });
        }
    },
});
