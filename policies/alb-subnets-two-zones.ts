import type * as aws from "@pulumi/aws";
import { Graph } from "../lib/graph";
import { definePolicy } from "../lib/policy";
import { Resource } from "../lib/resource";
import { asArray, asString, get, isSet, isUnknown } from "../lib/values";
import { LB_TYPES, SUBNET, subnetZones } from "../lib/wiring";

const TYPE: keyof aws.lb.LoadBalancerArgs = "loadBalancerType";
const SUBNETS: keyof aws.lb.LoadBalancerArgs = "subnets";
const MAPPINGS: keyof aws.lb.LoadBalancerArgs = "subnetMappings";
const OUTPOST_POOL: keyof aws.lb.LoadBalancerArgs = "customerOwnedIpv4Pool";

interface SubnetList {
    property: string;
    /** Distinct known subnet ids. */
    ids: string[];
    /** Entries whose id is unknown during preview. */
    unknown: number;
}

/** The subnets an ALB is placed in, or undefined when the list itself is unknown or empty (no count to judge). */
function subnetListOf(lb: Resource): SubnetList | undefined {
    const subnets = get(lb.props, SUBNETS);
    const mappings = get(lb.props, MAPPINGS);
    if (isUnknown(subnets) || isUnknown(mappings)) return undefined;
    const fromMappings = asArray(mappings).length > 0;
    const entries = fromMappings ? asArray(mappings).map((m) => get(m, "subnetId")) : asArray(subnets);
    const ids = new Set<string>();
    let unknown = 0;
    for (const e of entries) {
        const id = asString(e);
        if (id) ids.add(id);
        else if (isUnknown(e)) unknown++;
        else return undefined;
    }
    return ids.size + unknown === 0 ? undefined : { property: fromMappings ? MAPPINGS : SUBNETS, ids: [...ids], unknown };
}

/**
 * The stack's subnets behind every entry of the list: known ids by value, the others through the property's
 * dependencies (only when those account for exactly the remaining entries); undefined when any entry stays open.
 */
function subnetsBehind(graph: Graph, lb: Resource, list: SubnetList): Resource[] | undefined {
    const all = graph.ofType(SUBNET);
    const known = list.ids.flatMap((id) => all.filter((s) => asString(get(s.props, "id")) === id).slice(0, 1));
    const open = list.ids.length - known.length + list.unknown;
    const rest = [...new Set(graph.sourcesOf(lb, list.property).filter((s) => s.type === SUBNET && !known.includes(s)))];
    return rest.length === open ? [...known, ...rest] : undefined;
}

export default definePolicy({
    kind: "stack",
    name: "alb-subnets-two-zones",
    family: "wiring",
    description: "An application load balancer is placed in subnets of at least two Availability Zones, as CreateLoadBalancer requires.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: [...LB_TYPES, SUBNET],
    messages: {
        oneSubnet:
            "{{property}} lists one subnet ({{subnets}}); an application load balancer needs subnets in at least two Availability Zones, so " +
            "CreateLoadBalancer fails with ValidationError (\"At least two subnets in two different Availability Zones must be specified\"). " +
            "Add a subnet of a second zone (e.g. `subnets: vpc.publicSubnetIds`), or use `loadBalancerType: \"network\"` if one zone is intended.",
        oneZone:
            "{{property}} lists subnets {{subnets}}, all in Availability Zone {{zone}}; an application load balancer needs subnets in at least two " +
            "zones, so CreateLoadBalancer fails (\"At least two subnets in two different Availability Zones must be specified\", or \"A load balancer " +
            "cannot be attached to multiple subnets in the same Availability Zone\"). Place one of the subnets in another zone.",
    },
    counterparts: "FSBP ELB.13 (load balancers should span multiple Availability Zones; a Security Hub control on deployed load balancers, not a preview check); none in checkov or cfn-lint",
    remediationSteps:
        "Give the load balancer one subnet in each of at least two Availability Zones (for example the VPC's public subnets of two zones). " +
        "Network and Gateway load balancers may use a single zone; an ALB on an Outpost uses the Outpost's subnet.",
    check({ graph, report }) {
        for (const lb of graph.ofType(...LB_TYPES)) {
            const type = get(lb.props, TYPE);
            // Unset means application; NLB and GWLB may use one zone; an ALB on an Outpost uses the Outpost's one subnet.
            if (isUnknown(type) || (isSet(type) && type !== "application") || isSet(get(lb.props, OUTPOST_POOL))) continue;
            const list = subnetListOf(lb);
            if (!list) continue;
            const subnets = subnetsBehind(graph, lb, list);
            const names = subnets ? subnets.map((s) => s.name) : list.ids;
            if (list.ids.length + list.unknown === 1) {
                report("oneSubnet", { property: list.property, subnets: names.length > 0 ? names : ["computed during deploy"] }, lb);
                continue;
            }
            if (!subnets) continue;
            const zones = subnetZones(subnets);
            if (zones.unknown > 0 || (zones.names.size > 0 && zones.ids.size > 0)) continue;
            const zone = [...zones.names, ...zones.ids];
            if (zone.length === 1) report("oneZone", { property: list.property, subnets: names, zone: zone[0] }, lb);
        }
    },
});
