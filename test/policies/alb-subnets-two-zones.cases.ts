import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const LB = "aws:lb/loadBalancer:LoadBalancer";
const ALB = "aws:alb/loadBalancer:LoadBalancer";
const SUBNET = "aws:ec2/subnet:Subnet";

function subnet(name: string, az: unknown, extra: Record<string, unknown> = {}): CaseResource {
    return { type: SUBNET, name, props: { vpcId: UNKNOWN, cidrBlock: "10.0.0.0/24", availabilityZone: az, id: UNKNOWN, ...extra } };
}

/** An ALB whose subnet list is computed from the named subnets (`subnets: [a.id, b.id]`). */
function lb(props: Record<string, unknown>, deps: string[] = [], type = LB, property = "subnets"): CaseResource {
    return { type, name: "web", props: { internal: false, securityGroups: UNKNOWN, ...props }, propertyDependencies: deps.length > 0 ? { [property]: deps } : {} };
}

export const cases: Cases = {
    valid: [
        { why: "two subnets in two zones (ids unknown at preview)", resources: [subnet("public-a", "us-east-1a"), subnet("public-b", "us-east-1b"), lb({ subnets: [UNKNOWN, UNKNOWN] }, ["public-a", "public-b"])] },
        { why: "whole subnet list unknown (awsx vpc.publicSubnetIds)", resources: [lb({ subnets: UNKNOWN })] },
        { why: "network load balancer in one subnet", resources: [subnet("a", "us-east-1a"), lb({ loadBalancerType: "network", subnets: [UNKNOWN] }, ["a"])] },
        { why: "gateway load balancer in one subnet", resources: [lb({ loadBalancerType: "gateway", subnets: ["subnet-0a1b2c3d"] })] },
        { why: "load balancer type unknown", resources: [lb({ loadBalancerType: UNKNOWN, subnets: ["subnet-0a1b2c3d"] })] },
        { why: "ALB on an Outpost (customer-owned IP pool) uses one subnet", resources: [lb({ subnets: ["subnet-0a1b2c3d"], customerOwnedIpv4Pool: "ipv4pool-coip-0123" })] },
        { why: "subnet zones chosen by AWS (unknown)", resources: [subnet("a", UNKNOWN), subnet("b", UNKNOWN), lb({ subnets: [UNKNOWN, UNKNOWN] }, ["a", "b"])] },
        { why: "literal subnet ids not created by the stack", resources: [lb({ subnets: ["subnet-0a1b2c3d", "subnet-0e1f2a3b"] })] },
        {
            why: "state: known ids in two zones, no dependencies",
            resources: [subnet("a", "eu-west-1a", { id: "subnet-aaa" }), subnet("b", "eu-west-1b", { id: "subnet-bbb" }), lb({ subnets: ["subnet-aaa", "subnet-bbb"] }, [], ALB)],
        },
        {
            why: "zone names and zone IDs cannot be compared",
            resources: [subnet("a", undefined, { availabilityZoneId: "use1-az1" }), subnet("b", "us-east-1a"), lb({ subnets: [UNKNOWN, UNKNOWN] }, ["a", "b"])],
        },
        { why: "subnet mappings in two zones", resources: [subnet("a", "us-east-1a"), subnet("b", "us-east-1c"), lb({ subnetMappings: [{ subnetId: UNKNOWN }, { subnetId: UNKNOWN }] }, ["a", "b"], LB, "subnetMappings")] },
        { why: "secret tag value on the load balancer", resources: [subnet("a", "us-east-1a"), subnet("b", "us-east-1b"), lb({ subnets: [UNKNOWN, UNKNOWN], tags: { token: secret("tag-secret-value") } }, ["a", "b"])] },
        { why: "malformed subnet entries", resources: [lb({ subnets: [5, null] }), lb({ subnetMappings: "subnet-1" })] },
    ],
    invalid: [
        {
            why: "one subnet listed: fails whatever its id",
            resources: [subnet("public-a", "us-east-1a"), lb({ subnets: [UNKNOWN] }, ["public-a"])],
            messageId: "oneSubnet",
            on: "web",
            count: 1,
            includes: ["subnets lists one subnet (public-a)", "At least two subnets in two different Availability Zones must be specified"],
        },
        {
            why: "two subnets of the same zone",
            resources: [subnet("public-a", "us-east-1a"), subnet("public-a2", "us-east-1a", { cidrBlock: "10.0.1.0/24" }), lb({ subnets: [UNKNOWN, UNKNOWN] }, ["public-a", "public-a2"])],
            messageId: "oneZone",
            on: "web",
            includes: ["public-a, public-a2", "us-east-1a"],
        },
        {
            why: "state: known ids resolved by value, same zone ID",
            resources: [
                subnet("a", undefined, { id: "subnet-aaa", availabilityZoneId: "euw1-az1" }),
                subnet("b", undefined, { id: "subnet-bbb", availabilityZoneId: "euw1-az1" }),
                lb({ subnets: ["subnet-aaa", "subnet-bbb"], loadBalancerType: "application" }, [], ALB),
            ],
            messageId: "oneZone",
            on: "web",
            includes: ["euw1-az1"],
        },
        {
            why: "ids known, subnets matched through the dependencies",
            resources: [subnet("a", "us-east-1a", { id: undefined }), subnet("b", "us-east-1a", { id: undefined }), lb({ subnets: ["subnet-aaa", "subnet-bbb"] }, ["a", "b"])],
            messageId: "oneZone",
            on: "web",
        },
        { why: "a single literal subnet id", resources: [lb({ subnets: ["subnet-0a1b2c3d"] })], messageId: "oneSubnet", on: "web", includes: ["subnet-0a1b2c3d"] },
        {
            why: "one subnet mapping",
            resources: [subnet("a", "us-east-1a"), lb({ subnetMappings: [{ subnetId: UNKNOWN, allocationId: UNKNOWN }] }, ["a"], LB, "subnetMappings")],
            messageId: "oneSubnet",
            on: "web",
            includes: ["subnetMappings lists one subnet (a)"],
        },
        { why: "secret tag value never printed", resources: [lb({ subnets: ["subnet-0a1b2c3d"], tags: { token: secret("tag-secret-value") } })], messageId: "oneSubnet", on: "web" },
    ],
};
