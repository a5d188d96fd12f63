import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { asBool, asString, isUnknown } from "../lib/values";

interface AccessLogsConfig {
    loadBalancerTypes: string[];
}

const TYPE: keyof aws.lb.LoadBalancerArgs & keyof aws.alb.LoadBalancerArgs = "loadBalancerType";
const ENABLED = "accessLogs.enabled";

export default definePolicy<AccessLogsConfig>({
    kind: "resource",
    name: "alb-access-logs",
    family: "resilience",
    description: "Application load balancers write access logs to S3 (accessLogs.enabled), so every request can be traced when troubleshooting or investigating.",
    enforcementLevel: "advisory",
    severity: "low",
    types: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
    config: {
        loadBalancerTypes: {
            type: "array",
            items: { type: "string", enum: ["application", "network"] },
            default: ["application"],
            description: 'Load balancer types checked; add "network" to require access logs on NLBs (AWS writes them for TLS listeners only).',
        },
    },
    messages: {
        disabled:
            "accessLogs.enabled is {{value}}: access logs are off unless enabled, even when a bucket is given, so requests through this {{lbType}} load balancer " +
            "leave no record to troubleshoot errors or investigate an incident. Set `accessLogs: { bucket: logsBucket.id, enabled: true }`.",
    },
    framework: fsbp("ELB.5", "Application and Classic Load Balancers logging should be enabled"),
    remediationSteps:
        "Create a log bucket whose policy lets Elastic Load Balancing write to it, then set `accessLogs: { bucket: logsBucket.id, prefix: \"<lb>\", enabled: true }`.",
    check({ config, get, report }) {
        const raw = get(TYPE);
        if (isUnknown(raw)) return;
        // AWS (and the provider) default to an application load balancer.
        const lbType = asString(raw) ?? "application";
        if (!(config.loadBalancerTypes ?? ["application"]).includes(lbType)) return;
        const value = get(ENABLED);
        if (isUnknown(value) || asBool(value) === true) return;
        report("disabled", { property: ENABLED, value, lbType });
    },
});
