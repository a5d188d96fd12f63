import { Cases, UNKNOWN, secret } from "../tester";

const INSTANCE = "aws:ec2/instance:Instance";
const SUBNET = "aws:ec2/subnet:Subnet";
const TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";

export const cases: Cases = {
    valid: [
        { why: "instance without a public address (the twin)", type: INSTANCE, props: { ami: "ami-1", associatePublicIpAddress: false } },
        { why: "instance default (the subnet decides)", type: INSTANCE, props: { ami: "ami-1" } },
        { why: "private subnet", type: SUBNET, props: { cidrBlock: "10.0.1.0/24", mapPublicIpOnLaunch: false } },
        { why: "launch template interface without a public address", type: TEMPLATE, props: { networkInterfaces: [{ associatePublicIpAddress: "false" }] } },
        { why: "flag unknown during preview", type: INSTANCE, props: { associatePublicIpAddress: UNKNOWN } },
        { why: "interfaces unknown", type: TEMPLATE, props: { networkInterfaces: UNKNOWN } },
        { why: "secret user data", type: INSTANCE, props: { userData: secret("#!/bin/sh\necho hi") } },
        { why: "malformed interfaces do not throw", type: TEMPLATE, props: { networkInterfaces: ["x", null, { associatePublicIpAddress: { v: 1 } }] } },
    ],
    invalid: [
        { why: "instance with a public address", type: INSTANCE, props: { associatePublicIpAddress: true }, messageId: "instance", includes: ["associatePublicIpAddress is true"] },
        { why: "public subnet (e.g. the vpc program's)", type: SUBNET, props: { mapPublicIpOnLaunch: true }, messageId: "subnet" },
        { why: "launch template hands out public addresses", type: TEMPLATE, props: { networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "true" }] }, messageId: "launchTemplate", includes: ["networkInterfaces[0].associatePublicIpAddress"] },
        { why: "secret user data not printed", type: INSTANCE, props: { associatePublicIpAddress: true, userData: secret("#!/bin/sh\nsecret-boot-script") }, messageId: "instance" },
    ],
};
