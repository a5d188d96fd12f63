import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { Props, asArray, asNumber, asString, get } from "../lib/values";

const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
const DEFAULT_SECURITY_GROUP = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
const RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

const INGRESS: keyof aws.ec2.SecurityGroupArgs & keyof aws.ec2.DefaultSecurityGroupArgs = "ingress";
const RULE_TYPE: keyof aws.ec2.SecurityGroupRuleArgs = "type";
const IP_PROTOCOL: keyof aws.vpc.SecurityGroupIngressRuleArgs = "ipProtocol";
const SINGLE_CIDRS: readonly (keyof aws.vpc.SecurityGroupIngressRuleArgs)[] = ["cidrIpv4", "cidrIpv6"];
const ICMP = new Set(["icmp", "icmpv6", "1", "58"]);
const PORTED = new Set(["tcp", "udp", "6", "17"]);
const MAX_PORT = 65535;

interface Config {
    allowedPorts: number[];
}

/** One ingress permission, normalised across the four ways of writing it. */
interface Rule {
    protocol: unknown;
    from: unknown;
    to: unknown;
    sources: { property: string; cidr: unknown }[];
}

/** Entries of cidrBlocks / ipv6CidrBlocks, each with its display path. */
function cidrs(rule: unknown, prefix: string): Rule["sources"] {
    return (["cidrBlocks", "ipv6CidrBlocks"] satisfies (keyof aws.ec2.SecurityGroupRuleArgs)[]).flatMap((list) =>
        asArray(get(rule, list)).map((cidr, i) => ({ property: `${prefix}${list}[${i}]`, cidr })),
    );
}

function rulesOf(type: string, props: Props): Rule[] {
    const ported = (r: unknown, protocol: string) => ({ protocol: get(r, protocol), from: get(r, "fromPort"), to: get(r, "toPort") });
    switch (type) {
        case SECURITY_GROUP:
        case DEFAULT_SECURITY_GROUP:
            return asArray(get(props, INGRESS)).map((r, i) => ({ ...ported(r, "protocol"), sources: cidrs(r, `${INGRESS}[${i}].`) }));
        case RULE:
            return asString(get(props, RULE_TYPE)) === "ingress" ? [{ ...ported(props, "protocol"), sources: cidrs(props, "") }] : [];
        case INGRESS_RULE:
            return [{ ...ported(props, IP_PROTOCOL), sources: SINGLE_CIDRS.map((p) => ({ property: p, cidr: get(props, p) })) }];
        default:
            return [];
    }
}

/** 0.0.0.0/0, ::/0, or any other prefix of length 0: the whole address family. */
function isWorld(cidr: unknown): boolean {
    const s = asString(cidr);
    return s !== undefined && /\/0+$/.test(s.trim());
}

/** The port range the rule opens, or undefined when it cannot be known (unknown or malformed) or does not apply (ICMP). */
function portsOf(rule: Rule): { protocol: string; from: number; to: number } | undefined {
    // An unknown protocol reads as neither string nor number, so it is "" here.
    const protocol = String(asString(rule.protocol) ?? asNumber(rule.protocol) ?? "").trim().toLowerCase();
    if (protocol === "" || ICMP.has(protocol)) return undefined;
    // "-1"/"all" is every protocol and port; other IP protocols (GRE, ESP, ...) have no ports, so the rule opens them entirely.
    if (!PORTED.has(protocol)) return { protocol, from: 0, to: MAX_PORT };
    const from = asNumber(rule.from);
    const to = asNumber(rule.to);
    if (from === undefined || to === undefined || from < 0 || to > MAX_PORT || from > to) return undefined;
    return { protocol, from, to };
}

function allowed(ports: { from: number; to: number }, allowedPorts: readonly number[]): boolean {
    const set = new Set(allowedPorts);
    if (ports.to - ports.from + 1 > set.size) return false;
    for (let p = ports.from; p <= ports.to; p++) if (!set.has(p)) return false;
    return true;
}

export default definePolicy<Config>({
    kind: "resource",
    name: "security-group-no-public-ingress",
    family: "public-access",
    description: "Security groups do not accept traffic from the whole internet (0.0.0.0/0 or ::/0) except on allowed ports (by default 80 and 443).",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative([SECURITY_GROUP, DEFAULT_SECURITY_GROUP, RULE, INGRESS_RULE]),
    config: {
        allowedPorts: {
            type: "array",
            items: { type: "integer", minimum: 0, maximum: MAX_PORT },
            default: [80, 443],
            description: "TCP/UDP ports that may be open to the internet; a rule passes only if its whole port range is in this list.",
        },
    },
    messages: {
        publicIngress:
            "{{property}} is {{value}}, opening {{protocol}} traffic on port(s) {{ports}} to the whole internet; restrict the source to known CIDRs, a prefix list " +
            "or another security group (allowed from anywhere: {{allowed}}). Open admin, database and all-port rules are found by internet-wide scanners within minutes.",
    },
    framework: fsbp("EC2.18", "Security groups should only allow unrestricted incoming traffic for authorized ports"),
    remediationSteps:
        "Replace 0.0.0.0/0 and ::/0 sources with your office/VPN CIDRs, a managed prefix list, or the security group of the load balancer or " +
        "bastion that needs access; use SSM Session Manager instead of open SSH/RDP. Ports in `allowedPorts` (default 80 and 443, e.g. a public " +
        "load balancer) may stay open; ICMP rules are not checked.",
    // No fix: the right source range is not knowable from the rule, and removing it could cut off legitimate traffic.
    check({ resource, props, config, report }) {
        const allowedPorts = config.allowedPorts ?? [80, 443];
        for (const rule of rulesOf(resource.type, props)) {
            const world = rule.sources.find((s) => isWorld(s.cidr));
            if (!world) continue;
            const ports = portsOf(rule);
            if (!ports || allowed(ports, allowedPorts)) continue;
            const all = ports.from === 0 && ports.to === MAX_PORT;
            report("publicIngress", {
                property: world.property,
                value: world.cidr,
                protocol: ports.protocol === "-1" ? "all" : ports.protocol,
                ports: all ? "all" : ports.from === ports.to ? String(ports.from) : `${ports.from}-${ports.to}`,
                allowed: allowedPorts.length > 0 ? allowedPorts : "none",
            });
        }
    },
});
