import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const HC = "aws:route53/healthCheck:HealthCheck";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const ALB = "aws:alb/loadBalancer:LoadBalancer";
const LISTENER = "aws:lb/listener:Listener";
const RECORD = "aws:route53/record:Record";
const DNS = "primary-alb-dev-1234567890.us-east-1.elb.amazonaws.com";

function lb(name = "primary-alb", props: Record<string, unknown> = {}, type = LB): CaseResource {
    return { type, name, props: { arn: UNKNOWN, dnsName: UNKNOWN, loadBalancerType: "application", ...props } };
}

function listener(protocol: unknown, port: unknown, of = "primary-alb", name = `listener-${String(port)}`): CaseResource {
    return { type: LISTENER, name, props: { loadBalancerArn: UNKNOWN, protocol, port, defaultActions: [] }, propertyDependencies: { loadBalancerArn: [of] } };
}

function hc(props: Record<string, unknown>, deps: string[] = ["primary-alb"]): CaseResource {
    return { type: HC, name: "primary-health", props: { fqdn: UNKNOWN, resourcePath: "/health", failureThreshold: 3, requestInterval: 30, ...props }, propertyDependencies: { fqdn: deps } };
}

export const cases: Cases = {
    valid: [
        { why: "seed fix: HTTP:80 check on an HTTP:80 listener", resources: [lb(), listener("HTTP", 80), hc({ type: "HTTP", port: 80 })] },
        { why: "HTTPS:443 check, listeners on 80 (redirect) and 443", resources: [lb(), listener("HTTP", 80), listener("HTTPS", 443), hc({ type: "HTTPS", port: 443 })] },
        { why: "TCP check on an HTTPS listener port", resources: [lb(), listener("HTTPS", 443), hc({ type: "TCP", port: 443 })] },
        { why: "HTTPS check through an NLB TLS listener", resources: [lb("primary-alb", { loadBalancerType: "network" }), listener("TLS", 443), hc({ type: "HTTPS_STR_MATCH", port: 443, searchString: "ok" })] },
        { why: "listener protocol left out on an ALB (HTTP)", resources: [lb(), listener(undefined, 80), hc({ type: "HTTP", port: 80 })] },
        { why: "listener port unknown during preview", resources: [lb(), listener("HTTP", UNKNOWN), hc({ type: "HTTPS", port: 443 })] },
        { why: "health check port unknown", resources: [lb(), listener("HTTP", 80), hc({ type: "HTTPS", port: UNKNOWN })] },
        { why: "no listeners in this stack to compare with", resources: [lb(), hc({ type: "HTTPS", port: 443 })] },
        { why: "fqdn not from a load balancer", resources: [lb(), listener("HTTP", 80), hc({ type: "HTTPS", port: 443, fqdn: "api.example.com" }, [])] },
        {
            why: "known fqdn that differs from the dependency's DNS name",
            resources: [lb("primary-alb", { dnsName: DNS }), listener("HTTP", 80), hc({ type: "HTTPS", port: 443, fqdn: "status.example.com" })],
        },
        { why: "check by IP address", resources: [lb(), listener("HTTP", 80), hc({ type: "HTTPS", port: 443, ipAddress: "203.0.113.10" })] },
        { why: "disabled check", resources: [lb(), listener("HTTP", 80), hc({ type: "HTTPS", port: 443, disabled: true })] },
        { why: "inverted check does not fail over", resources: [lb(), listener("HTTP", 80), hc({ type: "HTTPS", port: 443, invertHealthcheck: true })] },
        { why: "HTTP check without a port against an HTTP listener", resources: [lb(), listener("HTTP", 80), hc({ type: "HTTP" })] },
        { why: "CALCULATED check is not an endpoint check", resources: [lb(), listener("HTTP", 80), hc({ type: "CALCULATED", childHealthThreshold: 1 })] },
        { why: "secret search string still evaluated", resources: [lb(), listener("HTTP", 80), hc({ type: "HTTP_STR_MATCH", port: 80, searchString: secret("secret-health-token") })] },
        { why: "malformed listener values", resources: [lb(), listener(["HTTP"], "eighty"), hc({ type: "HTTPS", port: 443 })] },
        {
            why: "fqdn from a CloudFront distribution: an ALB whose DNS name is unknown is not assumed",
            resources: [lb(), listener("HTTP", 80), { type: "aws:cloudfront/distribution:Distribution", name: "cdn", props: { domainName: UNKNOWN } }, hc({ type: "HTTPS", port: 443 }, ["cdn"])],
        },
        { why: "listener protocol unknown during preview", resources: [lb(), listener(UNKNOWN, 80), hc({ type: "HTTPS", port: 443 })] },
        // Listener protocols a check of each type can pass against (a TCP pass-through carries HTTP or HTTPS to the targets).
        ...(
            [
                ["HTTP", "TCP"],
                ["HTTP", "TCP_UDP"],
                ["HTTP_STR_MATCH", "TCP"],
                ["HTTP_STR_MATCH", "TCP_UDP"],
                ["HTTPS", "TLS"],
                ["HTTPS", "TCP"],
                ["HTTPS", "TCP_UDP"],
                ["HTTPS_STR_MATCH", "HTTPS"],
                ["HTTPS_STR_MATCH", "TCP"],
                ["HTTPS_STR_MATCH", "TCP_UDP"],
                ["TCP", "HTTP"],
                ["TCP", "TCP"],
                ["TCP", "TLS"],
                ["TCP", "TCP_UDP"],
            ] as const
        ).map(([type, protocol]) => ({
            why: `${type} check passes against a ${protocol} listener on its port`,
            resources: [lb("primary-alb", { loadBalancerType: ["HTTP", "HTTPS"].includes(protocol) ? "application" : "network" }), listener(protocol, 8443), hc({ type, port: 8443 })],
        })),
        { why: "NLB listener on 443 with the protocol left out (TCP) passes an HTTPS check", resources: [lb("primary-alb", { loadBalancerType: "network" }), listener(undefined, 443), hc({ type: "HTTPS", port: 443 })] },
        { why: "listener protocol left out and load balancer type unknown during preview", resources: [lb("primary-alb", { loadBalancerType: UNKNOWN }), listener(undefined, 443), hc({ type: "HTTPS", port: 443 })] },
    ],
    invalid: [
        {
            why: "seed 004 #6: HTTPS:443 health check, ALB listens on HTTP:80",
            resources: [lb(), listener("HTTP", 80), hc({ type: "HTTPS", port: 443 })],
            messageId: "noListener",
            on: "primary-health",
            count: 1,
            includes: ["HTTPS", "443", "HTTP:80", "primary-alb"],
        },
        { why: "right protocol, wrong port", resources: [lb(), listener("HTTP", 8080), hc({ type: "HTTP", port: 80 })], messageId: "noListener", on: "primary-health", includes: ["HTTP:8080"] },
        { why: "invertHealthcheck false is an ordinary check", resources: [lb(), listener("HTTP", 80), hc({ type: "HTTPS", port: 443, invertHealthcheck: false })], messageId: "noListener", on: "primary-health" },
        {
            why: "literal fqdn equal to the ALB's DNS name (alb token)",
            resources: [lb("primary-alb", { dnsName: DNS }, ALB), { ...listener("HTTP", 80), type: "aws:alb/listener:Listener" }, hc({ type: "HTTPS", port: 443, fqdn: `${DNS.toUpperCase()}.` }, [])],
            messageId: "noListener",
            on: "primary-health",
        },
        {
            why: "fqdn from an alias record that points at the ALB",
            resources: [
                lb(),
                listener("HTTP", 80),
                { type: RECORD, name: "primary-record", props: { name: "app", fqdn: UNKNOWN, aliases: [{ name: UNKNOWN, zoneId: UNKNOWN }] }, propertyDependencies: { aliases: ["primary-alb"] } },
                hc({ type: "HTTPS", port: 443 }, ["primary-record"]),
            ],
            messageId: "noListener",
            on: "primary-health",
        },
        {
            why: "HTTP check with no port against HTTPS-only listeners",
            resources: [lb(), listener("HTTPS", 443), hc({ type: "HTTP" })],
            messageId: "noListener",
            on: "primary-health",
            includes: ["(not set)"],
        },
        { why: "secret search string never printed", resources: [lb(), listener("HTTP", 80), hc({ type: "HTTPS_STR_MATCH", port: 443, searchString: secret("secret-health-token") })], messageId: "noListener", on: "primary-health" },
        {
            why: "literal fqdn with the dualstack. prefix of the ALB's alias target",
            resources: [lb("primary-alb", { dnsName: DNS }), listener("HTTP", 80), hc({ type: "HTTPS", port: 443, fqdn: `dualstack.${DNS}` }, [])],
            messageId: "noListener",
            on: "primary-health",
        },
        {
            why: "fqdn from a CNAME record whose value is the ALB's DNS name",
            resources: [
                lb(),
                listener("HTTP", 80),
                { type: RECORD, name: "primary-cname", props: { name: "app", type: "CNAME", ttl: 60, fqdn: UNKNOWN, records: [UNKNOWN] }, propertyDependencies: { records: ["primary-alb"] } },
                hc({ type: "HTTPS", port: 443 }, ["primary-cname"]),
            ],
            messageId: "noListener",
            on: "primary-health",
        },
        { why: "update preview: fqdn unknown, from the ALB whose DNS name is known", resources: [lb("primary-alb", { dnsName: DNS }), listener("HTTP", 80), hc({ type: "HTTPS", port: 443 })], messageId: "noListener", on: "primary-health" },
        {
            why: "update preview: listener given the load balancer's literal ARN",
            resources: [
                lb("primary-alb", { arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/primary-alb-dev/50dc6c495c0c9188" }),
                { type: LISTENER, name: "http", props: { loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/primary-alb-dev/50dc6c495c0c9188", protocol: "HTTP", port: 80, defaultActions: [] } },
                hc({ type: "HTTPS", port: 443 }),
            ],
            messageId: "noListener",
            on: "primary-health",
        },
        { why: "load balancer type unknown, listener protocol given", resources: [lb("primary-alb", { loadBalancerType: UNKNOWN }), listener("HTTP", 80), hc({ type: "HTTPS", port: 443 })], messageId: "noListener", on: "primary-health" },
        {
            why: "TCP check on a Gateway Load Balancer, whose listener (no protocol: GENEVE) no health check can reach",
            resources: [lb("primary-alb", { loadBalancerType: "gateway" }), listener(undefined, 6081), hc({ type: "TCP", port: 6081 })],
            messageId: "noListener",
            on: "primary-health",
            includes: ["GENEVE:6081"],
        },
        { why: "ALB without loadBalancerType (application by default), listener protocol left out (HTTP)", resources: [lb("primary-alb", { loadBalancerType: undefined }), listener(undefined, 80), hc({ type: "HTTPS", port: 443 })], messageId: "noListener", on: "primary-health", includes: ["HTTP:80"] },
    ],
};
