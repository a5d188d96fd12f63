import type * as aws from "@pulumi/aws";
import { Graph } from "../lib/graph";
import { definePolicy } from "../lib/policy";
import { Resource } from "../lib/resource";
import { UNKNOWN, asArray, asBool, asNumber, asString, get, isUnknown } from "../lib/values";

const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const RULE_TYPES = [RULE, INGRESS_RULE, EGRESS_RULE];
const GROUP_ID: keyof aws.ec2.SecurityGroupRuleArgs & keyof aws.vpc.SecurityGroupIngressRuleArgs = "securityGroupId";
const DIRECTIONS = ["ingress", "egress"] as const satisfies readonly (keyof aws.ec2.SecurityGroupArgs)[];

/** One permission: protocol, port range and one source (CIDR, prefix list, group or self); UNKNOWN matches anything. */
interface Atom {
    protocol: unknown;
    from: unknown;
    to: unknown;
    source: unknown;
}

const PROTOCOLS: Record<string, string> = { all: "-1", tcp: "6", udp: "17", icmp: "1", icmpv6: "58" };

function protocolOf(v: unknown): unknown {
    if (isUnknown(v)) return UNKNOWN;
    const text = String(v).toLowerCase();
    return PROTOCOLS[text] ?? text;
}

function portOf(v: unknown, protocol: unknown): unknown {
    if (protocol === "-1") return "*";
    return isUnknown(v) ? UNKNOWN : asNumber(v);
}

/** Sources of a rule as "kind:value" strings; a group's own id, or `self`, is "self". */
function sourcesOf(values: [kind: string, value: unknown][], selfId: string | undefined): unknown[] {
    const out: unknown[] = [];
    for (const [kind, value] of values) {
        for (const v of asArray(value)) {
            if (isUnknown(v)) out.push(UNKNOWN);
            else if (kind === "self") {
                if (asBool(v) === true) out.push("self");
            } else if (typeof v === "string") out.push(kind === "sg" && v === selfId ? "self" : `${kind}:${v}`);
        }
    }
    return out;
}

function atoms(rule: unknown, protocolKey: string, sources: unknown[]): Atom[] {
    const protocol = protocolOf(get(rule, protocolKey));
    const base = { protocol, from: portOf(get(rule, "fromPort"), protocol), to: portOf(get(rule, "toPort"), protocol) };
    return sources.map((source) => ({ ...base, source }));
}

function directionOf(r: Resource): string | undefined {
    return r.type === RULE ? asString(get(r.props, "type")) : r.type === INGRESS_RULE ? "ingress" : "egress";
}

/** The permissions of a separate rule resource. */
function ruleAtoms(r: Resource, selfId: string | undefined): Atom[] {
    const p = r.props;
    if (r.type === RULE) {
        const s: [string, unknown][] = [["cidr", get(p, "cidrBlocks")], ["cidr", get(p, "ipv6CidrBlocks")], ["pl", get(p, "prefixListIds")], ["sg", get(p, "sourceSecurityGroupId")], ["self", get(p, "self")]];
        return atoms(p, "protocol", sourcesOf(s, selfId));
    }
    const s: [string, unknown][] = [["cidr", get(p, "cidrIpv4")], ["cidr", get(p, "cidrIpv6")], ["pl", get(p, "prefixListId")], ["sg", get(p, "referencedSecurityGroupId")]];
    return atoms(p, "ipProtocol", sourcesOf(s, selfId));
}

function inlineAtoms(rule: unknown, selfId: string | undefined): Atom[] {
    const s: [string, unknown][] = [["cidr", get(rule, "cidrBlocks")], ["cidr", get(rule, "ipv6CidrBlocks")], ["pl", get(rule, "prefixListIds")], ["sg", get(rule, "securityGroups")], ["self", get(rule, "self")]];
    return atoms(rule, "protocol", sourcesOf(s, selfId));
}

const FIELDS = ["protocol", "from", "to", "source"] as const;

function matches(a: Atom, b: Atom): boolean {
    return FIELDS.every((f) => isUnknown(a[f]) || isUnknown(b[f]) || a[f] === b[f]);
}

/** Separate rule resources attached to `group`, by dependency or by its known id. */
function separateRules(graph: Graph, group: Resource): Resource[] {
    return graph.referrers(group, RULE_TYPES, GROUP_ID, ["id"]);
}

export default definePolicy({
    kind: "stack",
    name: "security-group-inline-and-separate-rules",
    family: "wiring",
    description: "A security group's rules are managed in one place: inline `ingress`/`egress`, or separate rule resources, not both.",
    enforcementLevel: "advisory",
    severity: "medium",
    types: [SECURITY_GROUP, ...RULE_TYPES],
    messages: {
        mixedRules:
            "sets inline {{property}} rules and also gets {{property}} rules from {{rules}}; the inline list is the complete set, so every update " +
            "removes the rules of {{rules}} and the next one adds them back: a permanent diff, and traffic that stops between deploys. Move the " +
            "inline {{property}} rules into aws.vpc.SecurityGroup{{kind}}Rule resources (or all rules inline).",
    },
    counterparts: "Pulumi AWSGuard security-group-no-rule-management-conflicts (flags on dependencies alone); none in FSBP, checkov or cfn-lint",
    remediationSteps:
        "Manage each security group's rules one way: separate aws.vpc.SecurityGroupIngressRule / SecurityGroupEgressRule resources (the provider's " +
        "recommendation), or only inline `ingress`/`egress`. An empty inline list is left alone here: whether it clears the separate rules depends on the provider version.",
    check({ graph, report }) {
        for (const group of graph.ofType(SECURITY_GROUP)) {
            const rules = separateRules(graph, group);
            if (rules.length === 0) continue;
            const selfId = asString(get(group.props, "id"));
            for (const direction of DIRECTIONS) {
                const inline = get(group.props, direction);
                if (isUnknown(inline)) continue;
                const theirs = rules.filter((r) => directionOf(r) === direction);
                if (theirs.length === 0) continue;
                const theirAtoms = theirs.flatMap((r) => ruleAtoms(r, selfId));
                // Outputs read back from AWS list the separate rules too: only inline permissions none of them accounts for are the group's own.
                const own = asArray(inline).flatMap((rule) => inlineAtoms(rule, selfId)).filter((a) => !theirAtoms.some((t) => matches(a, t)));
                if (own.length === 0) continue;
                report("mixedRules", { property: direction, rules: theirs.map((r) => r.name), kind: direction === "ingress" ? "Ingress" : "Egress" }, group);
            }
        }
    },
});
