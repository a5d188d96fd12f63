import type * as aws from "@pulumi/aws";
import { Graph } from "../lib/graph";
import { definePolicy } from "../lib/policy";
import { Resource } from "../lib/resource";
import { asBool, asNumber, asString, get, isSet, isUnknown } from "../lib/values";
import { LB_TYPES, LISTENER_TYPES } from "../lib/wiring";

const HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
const RECORD = "aws:route53/record:Record";
const FQDN: keyof aws.route53.HealthCheckArgs = "fqdn";
const LB_ARN: keyof aws.lb.ListenerArgs = "loadBalancerArn";

/** Listener protocols a health check of each type can succeed against (TCP pass-through listeners carry either). */
const COMPATIBLE: Record<string, readonly string[]> = {
    HTTP: ["HTTP", "TCP", "TCP_UDP"],
    HTTP_STR_MATCH: ["HTTP", "TCP", "TCP_UDP"],
    HTTPS: ["HTTPS", "TLS", "TCP", "TCP_UDP"],
    HTTPS_STR_MATCH: ["HTTPS", "TLS", "TCP", "TCP_UDP"],
    TCP: ["HTTP", "HTTPS", "TCP", "TLS", "TCP_UDP"],
};

/** The listener protocol AWS uses when none is set: HTTP on an application LB, TCP on a network LB. */
const DEFAULT_PROTOCOL: Record<string, string> = { application: "HTTP", network: "TCP", gateway: "GENEVE" };

function host(value: unknown): string | undefined {
    const s = asString(value);
    return s ? s.toLowerCase().replace(/\.$/, "").replace(/^dualstack\./, "") : undefined;
}

/** Load balancers whose DNS name the health check probes: directly, or through an alias/CNAME record, by dependency or literal name. */
function loadBalancersOf(graph: Graph, hc: Resource): Resource[] {
    const fqdn = host(get(hc.props, FQDN));
    const lbs = new Set<Resource>();
    for (const s of graph.sourcesOf(hc, FQDN)) {
        if (LB_TYPES.includes(s.type)) lbs.add(s);
        if (s.type === RECORD) for (const t of [...graph.sourcesOf(s, "aliases"), ...graph.sourcesOf(s, "records")]) if (LB_TYPES.includes(t.type)) lbs.add(t);
    }
    // A dependency alone does not say the DNS name was used: with both names known, only a load balancer of that name (added below) counts.
    const result = [...lbs].filter((lb) => !fqdn || !host(get(lb.props, "dnsName")));
    if (fqdn) for (const lb of graph.ofType(...LB_TYPES)) if (host(get(lb.props, "dnsName")) === fqdn && !result.includes(lb)) result.push(lb);
    return result;
}

interface Listening {
    protocol: string;
    port: number;
}

/** What the load balancer's listeners accept; undefined when any protocol or port is unknown (one of them may match). */
function listenersOf(graph: Graph, lb: Resource): Listening[] | undefined {
    const out: Listening[] = [];
    for (const l of graph.referrers(lb, LISTENER_TYPES, LB_ARN, ["arn"])) {
        const rawProtocol = get(l.props, "protocol");
        const rawPort = get(l.props, "port");
        if (isUnknown(rawProtocol) || isUnknown(rawPort)) return undefined;
        const lbType = get(lb.props, "loadBalancerType");
        if (!isSet(rawProtocol) && isUnknown(lbType)) return undefined;
        const protocol = asString(rawProtocol)?.toUpperCase() ?? DEFAULT_PROTOCOL[asString(lbType) ?? "application"];
        const port = asNumber(rawPort);
        if (!protocol || port === undefined) return undefined;
        out.push({ protocol, port });
    }
    return out;
}

export default definePolicy({
    kind: "stack",
    name: "route53-health-check-matches-listener",
    family: "wiring",
    description:
        "A Route 53 health check on a load balancer's DNS name uses a protocol and port that one of that load balancer's listeners serves, so it can pass.",
    enforcementLevel: "advisory",
    severity: "high",
    types: [HEALTH_CHECK, RECORD, ...LB_TYPES, ...LISTENER_TYPES],
    messages: {
        noListener:
            "this health check probes {{lb}} with {{type}} on port {{port}}, but that load balancer only listens on {{listeners}}; the check can never " +
            "pass, so Route 53 marks the endpoint unhealthy for good and failover routing moves all traffic away from it. Set `type` and `port` to a " +
            "listener's protocol and port (e.g. type \"HTTP\" with port 80 for an HTTP:80 listener).",
    },
    remediationSteps:
        "Match the health check to a listener of the load balancer: `type: \"HTTP\", port: 80` for an HTTP:80 listener, `type: \"HTTPS\", port: 443` for " +
        "an HTTPS:443 listener (TCP checks need only the port), or add the listener the health check expects. If listeners are managed in another stack, exempt the check.",
    check({ graph, report }) {
        for (const hc of graph.ofType(HEALTH_CHECK)) {
            const type = asString(get(hc.props, "type"));
            const rawPort = get(hc.props, "port");
            if (!type || !COMPATIBLE[type] || isUnknown(rawPort)) continue;
            // A fixed IP address is probed instead of the DNS name; a disabled or inverted check does not fail over.
            const ip = get(hc.props, "ipAddress");
            if (isUnknown(ip) || isSet(ip)) continue;
            if (asBool(get(hc.props, "disabled")) === true || asBool(get(hc.props, "invertHealthcheck")) === true) continue;
            const port = asNumber(rawPort);
            for (const lb of loadBalancersOf(graph, hc)) {
                const listening = listenersOf(graph, lb);
                if (!listening || listening.length === 0) continue;
                const served = listening.some((l) => COMPATIBLE[type].includes(l.protocol) && (port === undefined || l.port === port));
                if (served) continue;
                report(
                    "noListener",
                    { lb: lb.name, type, port: port ?? "(not set)", listeners: listening.map((l) => `${l.protocol}:${l.port}`) },
                    hc,
                );
            }
        }
    },
});
