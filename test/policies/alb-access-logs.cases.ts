import { Cases, UNKNOWN, secret } from "../tester";

const ALB = "aws:alb/loadBalancer:LoadBalancer";

export const cases: Cases = {
    valid: [
        { why: "seed fix: access logs on", props: { loadBalancerType: "application", accessLogs: { bucket: "alb-logs-pr12", enabled: true } } },
        { why: "alb token", type: ALB, props: { accessLogs: { bucket: "alb-logs", prefix: "api", enabled: true } } },
        { why: "network load balancer is not checked by default", props: { loadBalancerType: "network", internal: true } },
        { why: "gateway load balancer", props: { loadBalancerType: "gateway" } },
        { why: "type unknown during preview", props: { loadBalancerType: UNKNOWN } },
        { why: "enabled unknown", props: { accessLogs: { bucket: UNKNOWN, enabled: UNKNOWN } } },
        { why: "access logs unknown", props: { accessLogs: UNKNOWN } },
        { why: "secret-wrapped true", props: { accessLogs: { bucket: "b", enabled: secret(true) } } },
    ],
    invalid: [
        { why: "seed: ALB without access logs", props: { name: "primary-alb-pr12", loadBalancerType: "application", subnets: ["subnet-1", "subnet-2"] }, messageId: "disabled", includes: ["not set", "application"] },
        { why: "type left out: application by default", type: ALB, props: { internal: false }, messageId: "disabled" },
        { why: "bucket given but not enabled (false by default)", props: { accessLogs: { bucket: "alb-logs" } }, messageId: "disabled" },
        { why: "explicitly disabled", props: { accessLogs: { bucket: "alb-logs", enabled: false } }, messageId: "disabled", includes: ["false"] },
        { why: "NLB when configured", props: { loadBalancerType: "network" }, config: { loadBalancerTypes: ["application", "network"] }, messageId: "disabled", includes: ["network"] },
        { why: "malformed accessLogs", props: { accessLogs: [1, 2] }, messageId: "disabled" },
        { why: "secret bucket name never printed", props: { accessLogs: { bucket: secret("secret-log-bucket"), enabled: false } }, messageId: "disabled" },
    ],
};
