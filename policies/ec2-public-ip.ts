import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { asArray, asBool, get, isUnknown } from "../lib/values";

const INSTANCE = "aws:ec2/instance:Instance";
const SUBNET = "aws:ec2/subnet:Subnet";
const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const ASSOCIATE: keyof aws.ec2.InstanceArgs = "associatePublicIpAddress";
const MAP_ON_LAUNCH: keyof aws.ec2.SubnetArgs = "mapPublicIpOnLaunch";
const INTERFACES: keyof aws.ec2.LaunchTemplateArgs = "networkInterfaces";

export default definePolicy({
    kind: "resource",
    name: "ec2-public-ip",
    family: "public-access",
    description: "EC2 instances, launch templates and subnets do not hand out public IPv4 addresses unless the workload needs one.",
    // Advisory: public subnets are ordinary, and whether an address is reachable depends on security groups and routes.
    enforcementLevel: "advisory",
    severity: "medium",
    types: [INSTANCE, SUBNET, LAUNCH_TEMPLATE],
    messages: {
        instance:
            "{{property}} is {{value}}: the instance gets a public IPv4 address, reachable from the internet wherever its security groups allow (and billed " +
            "per hour in every region since 2024-02-01, per AWS's VPC pricing page). Put it in a private subnet behind a load balancer or NAT gateway and set `associatePublicIpAddress: false`; use " +
            "Session Manager instead of SSH for access.",
        subnet:
            "{{property}} is {{value}}: every instance launched in this subnet gets a public IPv4 address unless it opts out. Load balancers and NAT gateways " +
            "do not need it; set `mapPublicIpOnLaunch: false` and give public addresses only to the instances that need them.",
        launchTemplate:
            "{{property}} is {{value}}: every instance launched from this template gets a public IPv4 address. Set it to \"false\" (or leave it unset in a " +
            "private subnet) and reach the instances through a load balancer or Session Manager.",
    },
    remediationSteps:
        "Set `associatePublicIpAddress: false` on instances and launch-template network interfaces and `mapPublicIpOnLaunch: false` on subnets; put " +
        "instances in private subnets behind a load balancer or NAT gateway. Advisory by default: a bastion or a public subnet can be deliberate. " +
        "Counterparts: Security Hub FSBP EC2.9 (instances without public IPv4), EC2.15 (subnets do not auto-assign), EC2.25 (launch templates); " +
        "checkov CKV_AWS_88 (instance) and CKV_AWS_130 (subnet).",
    check({ resource, get: read, report }) {
        if (resource.type === INSTANCE) {
            const v = read(ASSOCIATE);
            if (asBool(v) === true) report("instance", { property: ASSOCIATE, value: v });
        } else if (resource.type === SUBNET) {
            const v = read(MAP_ON_LAUNCH);
            if (asBool(v) === true) report("subnet", { property: MAP_ON_LAUNCH, value: v });
        } else {
            const interfaces = read(INTERFACES);
            if (isUnknown(interfaces)) return;
            asArray(interfaces).forEach((ni, i) => {
                const v = get(ni, ASSOCIATE);
                if (asBool(v) === true) report("launchTemplate", { property: `${INTERFACES}[${i}].${ASSOCIATE}`, value: v });
            });
        }
    },
});
