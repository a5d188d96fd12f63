import { Cases, UNKNOWN, secret } from "../tester";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const DEFAULT_SG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
const RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const egressAll = [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }];

export const cases: Cases = {
    valid: [
        {
            why: "ALB security group: 80 and 443 from anywhere, IPv4 and IPv6",
            type: SG,
            props: {
                vpcId: UNKNOWN,
                description: "ALB",
                ingress: [
                    { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] },
                    { protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] },
                ],
                egress: egressAll,
            },
        },
        {
            why: "app security group only reachable from the ALB security group",
            type: SG,
            props: { ingress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, securityGroups: [UNKNOWN] }], egress: egressAll },
        },
        { why: "database port from the VPC CIDR", type: SG, props: { ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.0.0.0/16"] }] } },
        { why: "ingress unknown at preview", type: SG, props: { ingress: UNKNOWN } },
        { why: "CIDR unknown", type: SG, props: { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [UNKNOWN] }] } },
        { why: "port unknown", type: SG, props: { ingress: [{ protocol: "tcp", fromPort: UNKNOWN, toPort: UNKNOWN, cidrBlocks: ["0.0.0.0/0"] }] } },
        { why: "ICMP from anywhere is not checked", type: SG, props: { ingress: [{ protocol: "icmp", fromPort: -1, toPort: -1, cidrBlocks: ["0.0.0.0/0"] }] } },
        { why: "egress rule to anywhere", type: RULE, props: { type: "egress", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], securityGroupId: UNKNOWN } },
        { why: "HTTPS ingress rule", type: RULE, props: { type: "ingress", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], securityGroupId: UNKNOWN } },
        { why: "rule type unknown", type: RULE, props: { type: UNKNOWN, protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] } },
        { why: "SSH from a managed prefix list is not the internet", type: INGRESS_RULE, props: { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 22, toPort: 22, prefixListId: "pl-0a1b2c3d" } },
        { why: "PostgreSQL from another security group", type: INGRESS_RULE, props: { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 5432, toPort: 5432, referencedSecurityGroupId: UNKNOWN } },
        { why: "legacy rule from prefix lists", type: RULE, props: { type: "ingress", protocol: "tcp", fromPort: 5432, toPort: 5432, prefixListIds: ["pl-0a1b2c3d"], securityGroupId: UNKNOWN } },
        { why: "vpc ingress rule for HTTP over IPv6", type: INGRESS_RULE, props: { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv6: "::/0" } },
        { why: "vpc ingress rule protocol unknown", type: INGRESS_RULE, props: { ipProtocol: UNKNOWN, cidrIpv4: "0.0.0.0/0" } },
        { why: "custom allowed ports cover the range", type: INGRESS_RULE, config: { allowedPorts: [8443, 8444] }, props: { ipProtocol: "tcp", fromPort: 8443, toPort: 8444, cidrIpv4: "0.0.0.0/0" } },
        { why: "QUIC (UDP 443) from anywhere", type: INGRESS_RULE, props: { ipProtocol: "udp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" } },
        { why: "secret description, private source", type: SG, props: { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["203.0.113.0/24"], description: secret("ops-vpn-secret-note") }] } },
        { why: "default security group with the usual self rule", type: DEFAULT_SG, props: { vpcId: UNKNOWN, ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }] } },
        { why: "protocol in upper case (TCP) on 443", type: SG, props: { ingress: [{ protocol: "TCP", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] } },
        { why: "ICMPv6 from anywhere is not checked", type: SG, props: { ingress: [{ protocol: "icmpv6", fromPort: -1, toPort: -1, ipv6CidrBlocks: ["::/0"] }] } },
        { why: "ICMP by protocol number 1", type: INGRESS_RULE, props: { ipProtocol: "1", fromPort: -1, toPort: -1, cidrIpv4: "0.0.0.0/0" } },
        { why: "ICMPv6 by protocol number 58", type: INGRESS_RULE, props: { ipProtocol: "58", fromPort: -1, toPort: -1, cidrIpv6: "::/0" } },
        { why: "TCP by protocol number 6 on 443", type: INGRESS_RULE, props: { ipProtocol: "6", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" } },
        { why: "UDP by protocol number 17 on 443", type: INGRESS_RULE, props: { ipProtocol: "17", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" } },
        { why: "a /08 prefix is a /8, not the whole internet", type: SG, props: { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/08"] }] } },
        {
            why: "port ranges AWS rejects (negative, above 65535, reversed) are left to its validation",
            type: SG,
            props: {
                ingress: [
                    { protocol: "tcp", fromPort: -1, toPort: 22, cidrBlocks: ["0.0.0.0/0"] },
                    { protocol: "tcp", fromPort: 22, toPort: 70000, cidrBlocks: ["0.0.0.0/0"] },
                    { protocol: "tcp", fromPort: 443, toPort: 80, cidrBlocks: ["0.0.0.0/0"] },
                ],
            },
        },
        { why: "aws-native: HTTPS open to the world", type: "aws-native:ec2:SecurityGroup", props: { groupDescription: "web", securityGroupIngress: [{ ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIp: "0.0.0.0/0" }] } },
        { why: "aws-native: SSH from the VPC", type: "aws-native:ec2:SecurityGroup", props: { groupDescription: "x", securityGroupIngress: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIp: "10.0.0.0/16" }] } },
        { why: "aws-native: rules unknown during preview", type: "aws-native:ec2:SecurityGroup", props: { groupDescription: "x", securityGroupIngress: UNKNOWN } },
        { why: "aws-native: standalone rule from a security group", type: "aws-native:ec2:SecurityGroupIngress", props: { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, sourceSecurityGroupId: UNKNOWN, groupId: UNKNOWN } },
    ],
    invalid: [
        {
            why: "SSH from anywhere",
            type: SG,
            props: { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] },
            messageId: "publicIngress",
            includes: ["ingress[0].cidrBlocks[0]", "\"0.0.0.0/0\"", "tcp", "port(s) 22", "80, 443"],
        },
        {
            why: "ALB group with an extra admin port",
            type: SG,
            props: {
                ingress: [
                    { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
                    { protocol: "tcp", fromPort: 8080, toPort: 8080, ipv6CidrBlocks: ["::/0"] },
                ],
            },
            messageId: "publicIngress",
            count: 1,
            includes: ["ingress[1].ipv6CidrBlocks[0]", "8080"],
        },
        { why: "all traffic from anywhere", type: SG, props: { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }, messageId: "publicIngress", includes: ["all"] },
        { why: "range that includes 443 but more", type: SG, props: { ingress: [{ protocol: "tcp", fromPort: 0, toPort: 1024, cidrBlocks: ["0.0.0.0/0"] }] }, messageId: "publicIngress", includes: ["0-1024"] },
        { why: "database port via SecurityGroupRule", type: RULE, props: { type: "ingress", protocol: "tcp", fromPort: 3306, toPort: 3306, cidrBlocks: ["10.0.0.0/8", "0.0.0.0/0"] }, messageId: "publicIngress", includes: ["cidrBlocks[1]"] },
        { why: "protocol number 6 with string ports", type: RULE, props: { type: "ingress", protocol: 6, fromPort: "5432", toPort: "5432", ipv6CidrBlocks: ["::/0"] }, messageId: "publicIngress" },
        { why: "vpc ingress rule, all protocols", type: INGRESS_RULE, props: { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0", securityGroupId: UNKNOWN }, messageId: "publicIngress", includes: ["cidrIpv4"] },
        { why: "vpc ingress rule, RDP", type: INGRESS_RULE, props: { ipProtocol: "tcp", fromPort: 3389, toPort: 3389, cidrIpv4: "0.0.0.0/0" }, messageId: "publicIngress" },
        { why: "GRE (no ports) from anywhere", type: INGRESS_RULE, props: { ipProtocol: "47", cidrIpv4: "0.0.0.0/0" }, messageId: "publicIngress" },
        { why: "HTTPS not allowed by config", type: INGRESS_RULE, config: { allowedPorts: [] }, props: { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv6: "::/0" }, messageId: "publicIngress", includes: ["none"] },
        { why: "default security group opened to the world", type: DEFAULT_SG, props: { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] }, messageId: "publicIngress" },
        {
            why: "malformed entries do not throw",
            type: SG,
            props: { ingress: [null, "x", { protocol: ["tcp"], cidrBlocks: "0.0.0.0/0" }, { protocol: "tcp", fromPort: 25, toPort: 25, cidrBlocks: [5, "0.0.0.0/0"] }] },
            messageId: "publicIngress",
            count: 1,
        },
        { why: "secret description is not printed", type: SG, props: { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: secret("ops-vpn-secret-note") }] }, messageId: "publicIngress" },
        { why: "the message names the single port", type: SG, props: { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] }, messageId: "publicIngress", includes: ["port(s) 22 to the whole internet"] },
        { why: "every TCP port from anywhere", type: SG, props: { ingress: [{ protocol: "tcp", fromPort: 0, toPort: 65535, cidrBlocks: ["0.0.0.0/0"] }] }, messageId: "publicIngress", includes: ["opening tcp traffic on port(s) all"] },
        { why: "ephemeral ports from anywhere", type: SG, props: { ingress: [{ protocol: "tcp", fromPort: 1024, toPort: 65535, cidrBlocks: ["0.0.0.0/0"] }] }, messageId: "publicIngress", includes: ["port(s) 1024-65535"] },
        { why: "all protocols: the message says all traffic", type: SG, props: { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }, messageId: "publicIngress", includes: ["opening all traffic on port(s) all"] },
        {
            why: "standalone rule: the message names its own cidrBlocks entry",
            type: RULE,
            props: { type: "ingress", protocol: "tcp", fromPort: 3306, toPort: 3306, cidrBlocks: ["0.0.0.0/0"], securityGroupId: UNKNOWN },
            messageId: "publicIngress",
            includes: ["): cidrBlocks[0] is"],
        },
        { why: "a prefix length written /00 is still length 0", type: SG, props: { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/00"] }] }, messageId: "publicIngress", includes: ["0.0.0.0/00"] },
        { why: "a protocol with stray whitespace is still TCP with its ports", type: SG, props: { ingress: [{ protocol: " tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] }, messageId: "publicIngress", includes: ["opening tcp traffic on port(s) 22 "] },
        { why: "a CIDR with stray whitespace is still the whole internet", type: SG, props: { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [" 0.0.0.0/0 "] }] }, messageId: "publicIngress" },
        { why: "aws-native: SSH open to 0.0.0.0/0 (issue 14)", type: "aws-native:ec2:SecurityGroup", props: { groupDescription: "bastion", securityGroupIngress: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIp: "0.0.0.0/0" }] }, messageId: "publicIngress", includes: ["securityGroupIngress[0].cidrIp", "0.0.0.0/0", "22"] },
        { why: "aws-native: IPv6 all traffic, secret description", type: "aws-native:ec2:SecurityGroup", props: { groupDescription: secret("internal-note-1"), securityGroupIngress: [{ ipProtocol: "-1", cidrIpv6: "::/0" }] }, messageId: "publicIngress", includes: ["securityGroupIngress[0].cidrIpv6"] },
        { why: "aws-native: standalone ingress rule open to the world on 5432", type: "aws-native:ec2:SecurityGroupIngress", props: { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIp: "0.0.0.0/0", groupId: UNKNOWN }, messageId: "publicIngress", includes: ["cidrIp", "5432"] },
    ],
};
