import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const NAT = "aws:ec2/natGateway:NatGateway";
const SUBNET = "aws:ec2/subnet:Subnet";
const TABLE = "aws:ec2/routeTable:RouteTable";
const ROUTE = "aws:ec2/route:Route";
const ASSOC = "aws:ec2/routeTableAssociation:RouteTableAssociation";

function subnet(name: string, az: unknown, extra: Record<string, unknown> = {}): CaseResource {
    return { type: SUBNET, name, props: { vpcId: UNKNOWN, cidrBlock: "10.0.0.0/24", availabilityZone: az, ...extra } };
}

function nat(name: string, inSubnet: string, props: Record<string, unknown> = {}): CaseResource {
    return { type: NAT, name, props: { subnetId: UNKNOWN, allocationId: UNKNOWN, ...props }, propertyDependencies: { subnetId: [inSubnet] } };
}

/** A private route table whose default route goes through `natName`, associated with `subnets`. */
function privateTable(name: string, natName: string, subnets: string[]): CaseResource[] {
    return [
        { type: TABLE, name, props: { vpcId: UNKNOWN } },
        { type: ROUTE, name: `${name}-default`, props: { routeTableId: UNKNOWN, destinationCidrBlock: "0.0.0.0/0", natGatewayId: UNKNOWN }, propertyDependencies: { routeTableId: [name], natGatewayId: [natName] } },
        ...subnets.map((s) => ({ type: ASSOC, name: `${s}-assoc`, props: { routeTableId: UNKNOWN, subnetId: UNKNOWN }, propertyDependencies: { routeTableId: [name], subnetId: [s] } })),
    ];
}

const PUBLIC = [subnet("public-a", "us-east-1a"), subnet("public-b", "us-east-1b"), subnet("public-c", "us-east-1c")];
const PRIVATE = [subnet("private-a", "us-east-1a"), subnet("private-b", "us-east-1b"), subnet("private-c", "us-east-1c")];

export const cases: Cases = {
    valid: [
        {
            why: "ordinary program: one NAT per AZ, each zone routed to its own",
            resources: [
                ...PUBLIC,
                ...PRIVATE,
                nat("nat-a", "public-a"),
                nat("nat-b", "public-b"),
                nat("nat-c", "public-c"),
                ...privateTable("rt-a", "nat-a", ["private-a"]),
                ...privateTable("rt-b", "nat-b", ["private-b"]),
                ...privateTable("rt-c", "nat-c", ["private-c"]),
            ],
        },
        { why: "regional NAT gateway spans zones", resources: [...PRIVATE, nat("nat", "public-a", { availabilityMode: "regional" }), ...privateTable("rt", "nat", ["private-a", "private-b", "private-c"])] },
        { why: "availability mode unknown", resources: [...PRIVATE, nat("nat", "public-a", { availabilityMode: UNKNOWN }), ...privateTable("rt", "nat", ["private-a", "private-b"])] },
        {
            why: "subnet zones unknown during preview",
            resources: [subnet("p1", UNKNOWN), subnet("p2", UNKNOWN), nat("nat", "public-a"), ...privateTable("rt", "nat", ["p1", "p2"])],
        },
        {
            why: "zone names and zone IDs are not compared (may be the same zone)",
            resources: [subnet("p1", undefined, { availabilityZoneId: "use1-az1" }), subnet("p2", "us-east-1a"), nat("nat", "public-a"), ...privateTable("rt", "nat", ["p1", "p2"])],
        },
        { why: "a NAT serving one zone", resources: [...PRIVATE, nat("nat", "public-a"), ...privateTable("rt", "nat", ["private-a"])] },
        {
            why: "malformed zones and routes (numbers, nested objects) are not judged",
            resources: [
                subnet("odd-a", 42),
                subnet("odd-b", { zone: "us-east-1b" }),
                nat("nat", "public-a", { availabilityMode: ["zonal"] }),
                { type: TABLE, name: "rt", props: { vpcId: UNKNOWN, routes: "0.0.0.0/0" } },
                { type: ROUTE, name: "rt-default", props: { routeTableId: 7, destinationCidrBlock: null, natGatewayId: { id: "nat" } }, propertyDependencies: { routeTableId: ["rt"], natGatewayId: ["nat"] } },
                ...["odd-a", "odd-b"].map((s) => ({ type: ASSOC, name: `${s}-assoc`, props: { routeTableId: UNKNOWN, subnetId: UNKNOWN }, propertyDependencies: { routeTableId: ["rt"], subnetId: [s] } })),
            ],
        },
        { why: "secret tags on the NAT", resources: [...PRIVATE, nat("nat", "public-a", { tags: { Owner: secret("secret-owner-tag") } }), ...privateTable("rt", "nat", ["private-a"])] },
        { why: "three zones, threshold raised to four", resources: [...PRIVATE, nat("nat", "public-a"), ...privateTable("rt", "nat", ["private-a", "private-b", "private-c"])], config: { minZones: 4 } },
        {
            why: "two zone IDs and a zone unknown during preview fall short of a threshold of three",
            resources: [
                subnet("p1", undefined, { availabilityZoneId: "use1-az1" }),
                subnet("p2", undefined, { availabilityZoneId: "use1-az2" }),
                subnet("p3", UNKNOWN),
                nat("nat", "public-a"),
                ...privateTable("rt", "nat", ["p1", "p2", "p3"]),
            ],
            config: { minZones: 3 },
        },
        {
            why: "route and associations on route tables from a stack reference: they need not be one table",
            resources: [
                ...PRIVATE,
                nat("nat", "public-a"),
                { type: "pulumi:pulumi:StackReference", name: "network", props: { outputs: UNKNOWN } },
                { type: ROUTE, name: "rt-default", props: { routeTableId: UNKNOWN, destinationCidrBlock: "0.0.0.0/0", natGatewayId: UNKNOWN }, propertyDependencies: { routeTableId: ["network"], natGatewayId: ["nat"] } },
                ...["private-a", "private-b"].map((s) => ({ type: ASSOC, name: `${s}-assoc`, props: { routeTableId: UNKNOWN, subnetId: UNKNOWN }, propertyDependencies: { routeTableId: ["network"], subnetId: [s] } })),
            ],
        },
    ],
    invalid: [
        {
            why: "seed: single NAT gateway for three private subnets in three AZs",
            resources: [...PUBLIC, ...PRIVATE, nat("nat", "public-a"), ...privateTable("private-rt", "nat", ["private-a", "private-b", "private-c"])],
            messageId: "sharedNat",
            on: "nat",
            count: 1,
            includes: ["3 Availability Zones", "us-east-1a, us-east-1b, us-east-1c"],
        },
        {
            why: "one NAT behind two route tables in two zones",
            resources: [...PRIVATE, nat("nat", "public-a"), ...privateTable("rt-a", "nat", ["private-a"]), ...privateTable("rt-b", "nat", ["private-b"])],
            messageId: "sharedNat",
            on: "nat",
        },
        {
            why: "inline route in the route table",
            resources: [
                ...PRIVATE,
                nat("nat", "public-a"),
                { type: TABLE, name: "rt", props: { vpcId: UNKNOWN, routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: UNKNOWN }] }, propertyDependencies: { routes: ["nat"] } },
                { type: ASSOC, name: "a1", props: { routeTableId: UNKNOWN, subnetId: UNKNOWN }, propertyDependencies: { routeTableId: ["rt"], subnetId: ["private-a"] } },
                { type: ASSOC, name: "a2", props: { routeTableId: UNKNOWN, subnetId: UNKNOWN }, propertyDependencies: { routeTableId: ["rt"], subnetId: ["private-b"] } },
            ],
            messageId: "sharedNat",
            on: "nat",
        },
        {
            why: "zone IDs only",
            resources: [subnet("p1", undefined, { availabilityZoneId: "use1-az1" }), subnet("p2", undefined, { availabilityZoneId: "use1-az2" }), nat("nat", "public-a"), ...privateTable("rt", "nat", ["p1", "p2"])],
            messageId: "sharedNat",
            on: "nat",
            includes: ["use1-az1, use1-az2"],
        },
        {
            why: "update preview: route and associations given the NAT's and the table's literal ids",
            resources: [
                ...PRIVATE,
                { type: NAT, name: "nat", props: { id: "nat-0a1b2c3d4e5f60001", subnetId: "subnet-0a1b2c3d4e5f60001", allocationId: "eipalloc-0a1b2c3d4e5f60001" } },
                { type: TABLE, name: "rt", props: { id: "rtb-0a1b2c3d4e5f60001", vpcId: "vpc-0a1b2c3d4e5f60001" } },
                { type: ROUTE, name: "rt-default", props: { routeTableId: UNKNOWN, destinationCidrBlock: "0.0.0.0/0", natGatewayId: "nat-0a1b2c3d4e5f60001" }, propertyDependencies: { routeTableId: ["rt"] } },
                { type: ASSOC, name: "a1", props: { routeTableId: "rtb-0a1b2c3d4e5f60001", subnetId: UNKNOWN }, propertyDependencies: { subnetId: ["private-a"] } },
                { type: ASSOC, name: "a2", props: { routeTableId: "rtb-0a1b2c3d4e5f60001", subnetId: UNKNOWN }, propertyDependencies: { subnetId: ["private-b"] } },
            ],
            messageId: "sharedNat",
            on: "nat",
        },
        {
            why: "zones are listed in order, whatever the order of the subnets",
            resources: [...PRIVATE, nat("nat", "public-a"), ...privateTable("rt", "nat", ["private-c", "private-a"])],
            messageId: "sharedNat",
            on: "nat",
            includes: ["(us-east-1a, us-east-1c)"],
        },
        {
            why: "zone IDs are listed in order too",
            resources: [subnet("p1", undefined, { availabilityZoneId: "use1-az4" }), subnet("p2", undefined, { availabilityZoneId: "use1-az2" }), nat("nat", "public-a"), ...privateTable("rt", "nat", ["p1", "p2"])],
            messageId: "sharedNat",
            on: "nat",
            includes: ["(use1-az2, use1-az4)"],
        },
        {
            why: "as many zone names as zone IDs: the names are shown",
            resources: [
                subnet("p1", "us-east-1a"),
                subnet("p2", "us-east-1b"),
                subnet("p3", undefined, { availabilityZoneId: "use1-az4" }),
                subnet("p4", undefined, { availabilityZoneId: "use1-az6" }),
                nat("nat", "public-a"),
                ...privateTable("rt", "nat", ["p1", "p2", "p3", "p4"]),
            ],
            messageId: "sharedNat",
            on: "nat",
            includes: ["2 Availability Zones (us-east-1a, us-east-1b)"],
        },
        {
            why: "secret tags are never printed",
            resources: [...PRIVATE, nat("nat", "public-a", { tags: { Owner: secret("secret-owner-tag") } }), ...privateTable("rt", "nat", ["private-a", "private-b"])],
            messageId: "sharedNat",
            on: "nat",
        },
    ],
};
