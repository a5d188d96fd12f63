import { Cases, UNKNOWN, secret } from "../tester";

const GT = "GreaterThanThreshold";
const GLOBAL_LAG = { namespace: "AWS/RDS", metricName: "AuroraGlobalDBReplicationLag", statistic: "Average", period: 60, evaluationPeriods: 2, comparisonOperator: GT };

export const cases: Cases = {
    valid: [
        { why: "seed 003 #3 original: 5000 ms for 5 seconds (correct)", props: { ...GLOBAL_LAG, threshold: 5000, dimensions: { DBClusterIdentifier: UNKNOWN } } },
        { why: "RDS ReplicaLag 30 seconds", props: { namespace: "AWS/RDS", metricName: "ReplicaLag", statistic: "Maximum", comparisonOperator: GT, threshold: 30 } },
        { why: "Lambda Duration p99 over 3000 ms", props: { namespace: "AWS/Lambda", metricName: "Duration", extendedStatistic: "p99", comparisonOperator: GT, threshold: 3000 } },
        { why: "ALB TargetResponseTime 2 seconds", props: { namespace: "AWS/ApplicationELB", metricName: "TargetResponseTime", statistic: "Average", comparisonOperator: GT, threshold: 2 } },
        { why: "CPU 80 percent", props: { namespace: "AWS/EC2", metricName: "CPUUtilization", statistic: "Average", comparisonOperator: GT, threshold: 80 } },
        { why: "SQS age one hour", props: { namespace: "AWS/SQS", metricName: "ApproximateAgeOfOldestMessage", statistic: "Maximum", comparisonOperator: GT, threshold: 3600 } },
        { why: "Sum of Duration is not in milliseconds per invocation", props: { namespace: "AWS/Lambda", metricName: "Duration", statistic: "SampleCount", comparisonOperator: GT, threshold: 5 } },
        { why: "small threshold with LessThan is not the seconds mistake", props: { ...GLOBAL_LAG, comparisonOperator: "LessThanThreshold", threshold: 5 } },
        { why: "CPU below 150 percent always holds, it is not unreachable", props: { namespace: "AWS/EC2", metricName: "CPUUtilization", statistic: "Average", comparisonOperator: "LessThanThreshold", threshold: 150 } },
        { why: "threshold unknown during preview", props: { ...GLOBAL_LAG, threshold: UNKNOWN } },
        { why: "statistic unknown during preview", props: { ...GLOBAL_LAG, statistic: UNKNOWN, threshold: 5 } },
        { why: "comparison unknown during preview", props: { ...GLOBAL_LAG, comparisonOperator: UNKNOWN, threshold: 5 } },
        { why: "anomaly detection band", props: { ...GLOBAL_LAG, comparisonOperator: "GreaterThanUpperThreshold", thresholdMetricId: "ad1", metricName: undefined, metricQueries: [{ id: "m1" }, { id: "ad1", expression: "ANOMALY_DETECTION_BAND(m1)" }] } },
        { why: "metric not in the table", props: { namespace: "AWS/DynamoDB", metricName: "ThrottledRequests", statistic: "Sum", comparisonOperator: GT, threshold: 1 } },
        { why: "matching unit set explicitly", props: { ...GLOBAL_LAG, unit: "Milliseconds", threshold: 1000 } },
        { why: "secret description", props: { ...GLOBAL_LAG, threshold: 5000, alarmDescription: secret("internal-secret-desc") } },
        { why: "malformed values", props: { namespace: ["AWS/RDS"], metricName: 5, threshold: "five", metricQueries: "x" } },
        {
            why: "metric math over one query (lag converted to seconds): the threshold applies to the expression",
            props: {
                comparisonOperator: GT,
                threshold: 5,
                evaluationPeriods: 1,
                metricQueries: [
                    { id: "m1", metric: { namespace: "AWS/RDS", metricName: "AuroraGlobalDBReplicationLag", stat: "Average", period: 60 } },
                    { id: "e1", expression: "m1 / 1000", label: "lag (s)", returnData: true },
                ],
            },
        },
        { why: "comparison unknown: not even a large seconds threshold is judged", props: { namespace: "AWS/RDS", metricName: "ReplicaLag", statistic: "Average", comparisonOperator: UNKNOWN, threshold: 5000 } },
        { why: "CPU at or above 100 percent can fire", props: { namespace: "AWS/EC2", metricName: "CPUUtilization", statistic: "Maximum", comparisonOperator: "GreaterThanOrEqualToThreshold", threshold: 100 } },
        { why: "RDS ReplicaLag of exactly one hour is plausible seconds", props: { namespace: "AWS/RDS", metricName: "ReplicaLag", statistic: "Maximum", comparisonOperator: GT, threshold: 3600 } },
        { why: "threshold 0 alarms on any lag at all; not a unit slip", props: { ...GLOBAL_LAG, threshold: 0 } },
        { why: "global lag over 100 ms is a plausible millisecond threshold", props: { ...GLOBAL_LAG, threshold: 100 } },
    ],
    invalid: [
        {
            why: "seed 003 #3 'fix': threshold 5 on a metric in milliseconds",
            props: { ...GLOBAL_LAG, threshold: 5 },
            messageId: "msTooLow",
            count: 1,
            includes: ["AuroraGlobalDBReplicationLag", "milliseconds", "5000", "Aurora.AuroraMonitoring.Metrics.html"],
        },
        { why: "AuroraReplicaLag of 1 meant one second", props: { namespace: "AWS/RDS", metricName: "AuroraReplicaLag", statistic: "Maximum", comparisonOperator: "GreaterThanOrEqualToThreshold", threshold: 1 }, messageId: "msTooLow" },
        { why: "Lambda Duration 30 meant seconds", props: { namespace: "AWS/Lambda", metricName: "Duration", statistic: "Average", comparisonOperator: GT, threshold: 30 }, messageId: "msTooLow", includes: ["30000"] },
        {
            why: "RDS ReplicaLag 5000 meant milliseconds",
            props: { namespace: "AWS/RDS", metricName: "ReplicaLag", statistic: "Average", comparisonOperator: GT, threshold: 5000 },
            messageId: "secondsTooHigh",
            includes: ["seconds", "set threshold to 5"],
        },
        { why: "TargetResponseTime 500 meant milliseconds", props: { namespace: "AWS/ApplicationELB", metricName: "TargetResponseTime", extendedStatistic: "p95", comparisonOperator: GT, threshold: 500 }, messageId: "secondsTooHigh", includes: ["0.5"] },
        { why: "CPU 0.8 meant 80%", props: { namespace: "AWS/EC2", metricName: "CPUUtilization", statistic: "Average", comparisonOperator: GT, threshold: 0.8 }, messageId: "fraction", includes: ["80%"] },
        { why: "CPU over 100 percent", props: { namespace: "AWS/RDS", metricName: "CPUUtilization", statistic: "Maximum", comparisonOperator: GT, threshold: 150 }, messageId: "unreachable", includes: ["percent"] },
        { why: "SQS age beyond the retention maximum", props: { namespace: "AWS/SQS", metricName: "ApproximateAgeOfOldestMessage", statistic: "Maximum", comparisonOperator: GT, threshold: 2_000_000 }, messageId: "unreachable" },
        { why: "alarm asks for seconds of a millisecond metric", props: { ...GLOBAL_LAG, unit: "Seconds", threshold: 5 }, messageId: "unitMismatch", includes: ["Milliseconds", "INSUFFICIENT_DATA"] },
        {
            why: "single metric query with threshold 5",
            props: { comparisonOperator: GT, threshold: 5, evaluationPeriods: 1, metricQueries: [{ id: "m1", returnData: true, metric: { namespace: "AWS/RDS", metricName: "AuroraGlobalDBReplicationLag", stat: "Average", period: 60 } }] },
            messageId: "msTooLow",
        },
        { why: "secret description never printed", props: { ...GLOBAL_LAG, threshold: 5, alarmDescription: secret("internal-secret-desc") }, messageId: "msTooLow" },
        {
            why: "a single metric query asks for another unit",
            props: { comparisonOperator: GT, threshold: 5, evaluationPeriods: 1, metricQueries: [{ id: "m1", returnData: true, metric: { namespace: "AWS/RDS", metricName: "AuroraGlobalDBReplicationLag", stat: "Average", period: 60, unit: "Seconds" } }] },
            messageId: "unitMismatch",
            includes: ['metricQueries[0].metric.unit is "Seconds"', "in Milliseconds"],
        },
        { why: "the unreachable message names the unit in words", props: { namespace: "AWS/SQS", metricName: "ApproximateAgeOfOldestMessage", statistic: "Maximum", comparisonOperator: GT, threshold: 1_300_000 }, messageId: "unreachable", includes: ["reported in seconds"] },
    ],
};
