import type * as aws from "@pulumi/aws";
import { Graph } from "../lib/graph";
import { definePolicy } from "../lib/policy";
import { Resource } from "../lib/resource";
import { get, isUnknown } from "../lib/values";
import { SUBNET, subnetZones } from "../lib/wiring";

interface NatConfig {
    minZones: number;
}

const NAT = "aws:ec2/natGateway:NatGateway";
const ROUTE = "aws:ec2/route:Route";
const ROUTE_TABLES = ["aws:ec2/routeTable:RouteTable", "aws:ec2/defaultRouteTable:DefaultRouteTable"];
const ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";

const NAT_ID: keyof aws.ec2.RouteArgs = "natGatewayId";
const TABLE_ID: keyof aws.ec2.RouteArgs & keyof aws.ec2.RouteTableAssociationArgs = "routeTableId";
const SUBNET_ID: keyof aws.ec2.RouteTableAssociationArgs = "subnetId";
const INLINE_ROUTES: keyof aws.ec2.RouteTableArgs = "routes";

/** Route tables with a route through `nat`: separate Route resources, or inline routes computed from it. */
function tablesRoutingVia(graph: Graph, nat: Resource): Resource[] {
    const tables = new Set<Resource>();
    for (const route of graph.referrers(nat, [ROUTE], NAT_ID, ["id"])) {
        for (const t of graph.sourcesOf(route, TABLE_ID)) if (ROUTE_TABLES.includes(t.type)) tables.add(t);
    }
    for (const t of graph.usersOf(nat, ROUTE_TABLES, INLINE_ROUTES)) tables.add(t);
    return [...tables];
}

/** Subnets explicitly associated with one of `tables`. */
function subnetsOf(graph: Graph, tables: Resource[]): Resource[] {
    const subnets = new Set<Resource>();
    for (const table of tables) {
        for (const assoc of graph.referrers(table, [ASSOCIATION], TABLE_ID, ["id"])) {
            for (const s of graph.sourcesOf(assoc, SUBNET_ID)) if (s.type === SUBNET) subnets.add(s);
        }
    }
    return [...subnets];
}

/**
 * The Availability Zones of `subnets` known at preview. Zone names and zone IDs are counted apart (the same zone may
 * appear as both), so the count is never more than the true number of zones.
 */
function zonesOf(subnets: Resource[]): string[] {
    const { names, ids } = subnetZones(subnets);
    return names.size >= ids.size ? [...names].sort() : [...ids].sort();
}

export default definePolicy<NatConfig>({
    kind: "stack",
    name: "nat-gateway-per-az",
    family: "resilience",
    description: "A zonal NAT gateway only serves private subnets of its own Availability Zone, so losing one zone does not cut every zone's outbound traffic.",
    enforcementLevel: "advisory",
    severity: "medium",
    types: [NAT, ROUTE, ...ROUTE_TABLES, ASSOCIATION, SUBNET],
    config: {
        minZones: {
            type: "integer",
            minimum: 2,
            default: 2,
            description: "Report a NAT gateway when the private subnets routed through it span at least this many Availability Zones.",
        },
    },
    messages: {
        sharedNat:
            "this NAT gateway is the outbound route of private subnets in {{count}} Availability Zones ({{zones}}); a NAT gateway lives in one zone, so " +
            "if that zone fails the private subnets of every zone lose internet and AWS API access (and pay cross-zone data charges meanwhile). " +
            "Create one NAT gateway per zone and route each zone's private subnets to the one in the same zone, or use `availabilityMode: \"regional\"`.",
    },
    remediationSteps:
        "Create a NAT gateway in a public subnet of each Availability Zone and give each zone's private subnets a route table whose 0.0.0.0/0 route " +
        "points to that zone's NAT gateway (awsx.ec2.Vpc: `natGateways: { strategy: \"OnePerAz\" }`), or use a regional NAT gateway.",
    check({ graph, config, report }) {
        const min = config.minZones ?? 2;
        for (const nat of graph.ofType(NAT)) {
            const mode = get(nat.props, "availabilityMode");
            // A regional NAT gateway spans zones by itself; an unknown mode may be regional.
            if (isUnknown(mode) || mode === "regional") continue;
            const zones = zonesOf(subnetsOf(graph, tablesRoutingVia(graph, nat)));
            if (zones.length >= min) report("sharedNat", { count: zones.length, zones }, nat);
        }
    },
});
