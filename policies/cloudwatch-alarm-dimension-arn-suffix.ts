import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { isSecretText } from "../lib/redact";
import { asArray, asString, get, isRecord } from "../lib/values";
import { parseArn } from "../lib/wiring";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const NAMESPACE: keyof aws.cloudwatch.MetricAlarmArgs = "namespace";
const DIMENSIONS: keyof aws.cloudwatch.MetricAlarmArgs = "dimensions";
const QUERIES: keyof aws.cloudwatch.MetricAlarmArgs = "metricQueries";

interface Form {
    pattern: RegExp;
    text: string;
}

const TARGET_GROUP: Form = { pattern: /^targetgroup\/[^/]+\/[^/]+$/, text: "targetgroup/<name>/<id>" };

/**
 * The form each load-balancer dimension takes in CloudWatch (the `arnSuffix` output), per namespace. Source: "CloudWatch metrics for your
 * Application Load Balancer" / "... Network Load Balancer" / "... Gateway Load Balancer", Metric dimensions (docs.aws.amazon.com/elasticloadbalancing).
 */
const FORMS: Record<string, Record<string, Form>> = {
    "AWS/ApplicationELB": { LoadBalancer: { pattern: /^app\/[^/]+\/[^/]+$/, text: "app/<name>/<id>" }, TargetGroup: TARGET_GROUP },
    "AWS/NetworkELB": { LoadBalancer: { pattern: /^net\/[^/]+\/[^/]+$/, text: "net/<name>/<id>" }, TargetGroup: TARGET_GROUP },
    "AWS/GatewayELB": { LoadBalancer: { pattern: /^gwy\/[^/]+\/[^/]+$/, text: "gwy/<name>/<id>" }, TargetGroup: TARGET_GROUP },
};

/** The part of an ELB ARN CloudWatch uses: after "loadbalancer/"; target group ARNs keep "targetgroup/". */
function suffixOf(value: string): string | undefined {
    const arn = parseArn(value);
    const rest = arn ? arn.resource : value;
    if (rest.startsWith("loadbalancer/")) return rest.slice("loadbalancer/".length);
    return rest.startsWith("targetgroup/") ? rest : undefined;
}

export default definePolicy({
    kind: "resource",
    name: "cloudwatch-alarm-dimension-arn-suffix",
    family: "wiring",
    description:
        "CloudWatch alarms on ELB metrics identify the load balancer and target group by their ARN suffix (`arnSuffix`), not the full ARN or name, so the alarm watches a metric that exists.",
    enforcementLevel: "advisory",
    severity: "high",
    types: [ALARM],
    messages: {
        fullArn:
            "{{property}} is the full ARN {{value}}; {{namespace}} metrics are published under the ARN suffix ({{suffix}}), so this alarm watches a metric " +
            "that never receives data and never fires (it stays INSUFFICIENT_DATA). Use `lb.arnSuffix` / `targetGroup.arnSuffix` instead of `.arn`.",
        notSuffix:
            "{{property}} is {{value}}, which is not the form {{namespace}} uses ({{suffix}}); the alarm watches a metric that never receives data " +
            "and never fires. Use `lb.arnSuffix` / `targetGroup.arnSuffix`.",
    },
    remediationSteps:
        "Set `dimensions: { LoadBalancer: lb.arnSuffix, TargetGroup: targetGroup.arnSuffix }` (also inside metricQueries[].metric.dimensions); " +
        "`arnSuffix` is \"app/<name>/<id>\" (\"net/...\" for NLB) and \"targetgroup/<name>/<id>\".",
    check({ get: read, report }) {
        const metrics: { namespace: unknown; dimensions: unknown; path: string }[] = [{ namespace: read(NAMESPACE), dimensions: read(DIMENSIONS), path: DIMENSIONS }];
        // Unknown queries read as one unknown query, with no namespace to check.
        asArray(read(QUERIES)).forEach((q, i) =>
            metrics.push({ namespace: get(q, "metric.namespace"), dimensions: get(q, "metric.dimensions"), path: `${QUERIES}[${i}].metric.dimensions` }),
        );
        for (const m of metrics) {
            const namespace = asString(m.namespace);
            const forms = namespace ? FORMS[namespace] : undefined;
            if (!forms || !isRecord(m.dimensions)) continue;
            for (const [dimension, form] of Object.entries(forms)) {
                const value = asString(m.dimensions[dimension]);
                if (value === undefined || form.pattern.test(value)) continue;
                // Part of a secret value is still secret: show only the generic form then.
                const suffix = (!isSecretText(value) && suffixOf(value)) || form.text;
                report(value.startsWith("arn:") ? "fullArn" : "notSuffix", { property: `${m.path}.${dimension}`, value, namespace, suffix });
            }
        }
    },
});
