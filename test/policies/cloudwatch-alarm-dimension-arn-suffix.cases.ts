import { Cases, UNKNOWN, secret } from "../tester";

const LB_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/primary-alb-dev/50dc6c495c0c9188";
const TG_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/primary-tg-dev/73e2d6bc24d8a067";
const BASE = { comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 2, period: 60, statistic: "Sum", threshold: 1 };

export const cases: Cases = {
    valid: [
        {
            why: "ordinary program: `lb.arnSuffix` and `tg.arnSuffix` (known on update)",
            props: { ...BASE, namespace: "AWS/ApplicationELB", metricName: "UnHealthyHostCount", dimensions: { LoadBalancer: "app/primary-alb-dev/50dc6c495c0c9188", TargetGroup: "targetgroup/primary-tg-dev/73e2d6bc24d8a067" } },
        },
        { why: "dimension unknown during preview (arn or arnSuffix cannot be told)", props: { ...BASE, namespace: "AWS/ApplicationELB", metricName: "HTTPCode_Target_5XX_Count", dimensions: { LoadBalancer: UNKNOWN } } },
        { why: "NLB suffix", props: { ...BASE, namespace: "AWS/NetworkELB", metricName: "UnHealthyHostCount", dimensions: { LoadBalancer: "net/primary-nlb/50dc6c495c0c9188" } } },
        {
            why: "Gateway Load Balancer and target group suffixes",
            props: { ...BASE, namespace: "AWS/GatewayELB", metricName: "UnHealthyHostCount", dimensions: { LoadBalancer: "gwy/inspection/50dc6c495c0c9188", TargetGroup: "targetgroup/appliances/73e2d6bc24d8a067" } },
        },
        { why: "metric queries unknown during preview", props: { ...BASE, metricQueries: UNKNOWN } },
        { why: "namespace unknown", props: { ...BASE, namespace: UNKNOWN, metricName: "UnHealthyHostCount", dimensions: { LoadBalancer: LB_ARN } } },
        { why: "other namespace uses other dimensions", props: { ...BASE, namespace: "AWS/RDS", metricName: "CPUUtilization", dimensions: { DBClusterIdentifier: "arn:aws:rds:us-east-1:123456789012:cluster:x" } } },
        {
            why: "metric query with suffix",
            props: { ...BASE, metricQueries: [{ id: "m1", returnData: true, metric: { namespace: "AWS/ApplicationELB", metricName: "RequestCount", stat: "Sum", period: 60, dimensions: { LoadBalancer: "app/a/b" } } }] },
        },
        { why: "secret alarm description", props: { ...BASE, namespace: "AWS/ApplicationELB", metricName: "RequestCount", alarmDescription: secret("internal-secret-desc"), dimensions: { LoadBalancer: "app/a/b" } } },
        { why: "malformed dimensions and queries", props: { ...BASE, namespace: "AWS/ApplicationELB", dimensions: "LoadBalancer=x", metricQueries: [null, { metric: 5 }, { metric: { namespace: "AWS/NetworkELB", dimensions: [1] } }] } },
    ],
    invalid: [
        {
            why: "seed 004 #9: full ALB ARN in the LoadBalancer dimension",
            props: { ...BASE, namespace: "AWS/ApplicationELB", metricName: "UnHealthyHostCount", dimensions: { LoadBalancer: LB_ARN, TargetGroup: "targetgroup/primary-tg-dev/73e2d6bc24d8a067" } },
            messageId: "fullArn",
            count: 1,
            includes: ["dimensions.LoadBalancer", "app/primary-alb-dev/50dc6c495c0c9188", "arnSuffix"],
        },
        {
            why: "full target group ARN",
            props: { ...BASE, namespace: "AWS/ApplicationELB", metricName: "HealthyHostCount", dimensions: { LoadBalancer: "app/a/b", TargetGroup: TG_ARN } },
            messageId: "fullArn",
            includes: ["targetgroup/primary-tg-dev/73e2d6bc24d8a067"],
        },
        {
            why: "seed 004 #9 fix, split(':').pop(): keeps the loadbalancer/ prefix",
            props: { ...BASE, namespace: "AWS/ApplicationELB", metricName: "UnHealthyHostCount", dimensions: { LoadBalancer: "loadbalancer/app/primary-alb-dev/50dc6c495c0c9188" } },
            messageId: "notSuffix",
            includes: ["app/primary-alb-dev/50dc6c495c0c9188"],
        },
        { why: "bare load balancer name", props: { ...BASE, namespace: "AWS/NetworkELB", metricName: "UnHealthyHostCount", dimensions: { LoadBalancer: "primary-nlb" } }, messageId: "notSuffix", includes: ["net/<name>/<id>"] },
        {
            why: "inside a metric query",
            props: { ...BASE, metricQueries: [{ id: "m1", returnData: true, metric: { namespace: "AWS/ApplicationELB", metricName: "RequestCount", stat: "Sum", period: 60, dimensions: { LoadBalancer: LB_ARN } } }] },
            messageId: "fullArn",
            includes: ["metricQueries[0].metric.dimensions.LoadBalancer"],
        },
        {
            why: "the message names the load balancer's own ARN suffix as the fix",
            props: { ...BASE, namespace: "AWS/ApplicationELB", metricName: "TargetResponseTime", statistic: "Average", dimensions: { LoadBalancer: LB_ARN } },
            messageId: "fullArn",
            includes: ["published under the ARN suffix (app/primary-alb-dev/50dc6c495c0c9188)"],
        },
        {
            why: "the message names the target group's ARN suffix, which keeps its targetgroup/ prefix",
            props: { ...BASE, namespace: "AWS/ApplicationELB", metricName: "HealthyHostCount", dimensions: { LoadBalancer: "app/a/b", TargetGroup: TG_ARN } },
            messageId: "fullArn",
            includes: ["published under the ARN suffix (targetgroup/primary-tg-dev/73e2d6bc24d8a067)"],
        },
        {
            why: "bare target group name: the message shows the form to use",
            props: { ...BASE, namespace: "AWS/ApplicationELB", metricName: "HealthyHostCount", dimensions: { LoadBalancer: "app/a/b", TargetGroup: "primary-tg-dev" } },
            messageId: "notSuffix",
            includes: ["(targetgroup/<name>/<id>)"],
        },
        {
            why: "a stray slash after the target group id (string built by hand)",
            props: { ...BASE, namespace: "AWS/ApplicationELB", metricName: "HealthyHostCount", dimensions: { LoadBalancer: "app/a/b", TargetGroup: "targetgroup/primary-tg-dev/73e2d6bc24d8a067/" } },
            messageId: "notSuffix",
        },
        {
            why: "NLB: split(':').pop() keeps the loadbalancer/ prefix",
            props: { ...BASE, namespace: "AWS/NetworkELB", metricName: "UnHealthyHostCount", dimensions: { LoadBalancer: "loadbalancer/net/primary-nlb/50dc6c495c0c9188" } },
            messageId: "notSuffix",
        },
        { why: "NLB: a stray slash after the id", props: { ...BASE, namespace: "AWS/NetworkELB", metricName: "UnHealthyHostCount", dimensions: { LoadBalancer: "net/primary-nlb/50dc6c495c0c9188/" } }, messageId: "notSuffix" },
        { why: "ALB: a stray slash after the id", props: { ...BASE, namespace: "AWS/ApplicationELB", metricName: "RequestCount", dimensions: { LoadBalancer: "app/primary-alb-dev/50dc6c495c0c9188/" } }, messageId: "notSuffix" },
        {
            why: "GWLB: split(':').pop() keeps the loadbalancer/ prefix",
            props: { ...BASE, namespace: "AWS/GatewayELB", metricName: "UnHealthyHostCount", dimensions: { LoadBalancer: "loadbalancer/gwy/inspection/50dc6c495c0c9188" } },
            messageId: "notSuffix",
        },
        { why: "GWLB: a stray slash after the id", props: { ...BASE, namespace: "AWS/GatewayELB", metricName: "UnHealthyHostCount", dimensions: { LoadBalancer: "gwy/inspection/50dc6c495c0c9188/" } }, messageId: "notSuffix" },
        { why: "GWLB: bare name, the message shows the form", props: { ...BASE, namespace: "AWS/GatewayELB", metricName: "UnHealthyHostCount", dimensions: { LoadBalancer: "inspection" } }, messageId: "notSuffix", includes: ["(gwy/<name>/<id>)"] },
        {
            why: "GWLB: full target group ARN",
            props: { ...BASE, namespace: "AWS/GatewayELB", metricName: "UnHealthyHostCount", dimensions: { LoadBalancer: "gwy/inspection/50dc6c495c0c9188", TargetGroup: TG_ARN } },
            messageId: "fullArn",
        },
        {
            why: "secret dimension value never printed, nor its suffix",
            props: { ...BASE, namespace: "AWS/ApplicationELB", metricName: "RequestCount", dimensions: { LoadBalancer: secret(LB_ARN) } },
            messageId: "fullArn",
            includes: ["app/<name>/<id>"],
        },
    ],
};
