import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const HTTPS = { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] };
const ALL_OUT = { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] };

function group(props: Record<string, unknown> = {}): CaseResource {
    return { type: SG, name: "app", props: { vpcId: UNKNOWN, id: UNKNOWN, ...props } };
}

/** `new aws.vpc.SecurityGroupIngressRule(..., { securityGroupId: app.id, ... })`. */
function ingressRule(name: string, props: Record<string, unknown> = {}, deps = ["app"]): CaseResource {
    return { type: INGRESS_RULE, name, props: { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 5432, toPort: 5432, referencedSecurityGroupId: UNKNOWN, ...props }, propertyDependencies: { securityGroupId: deps } };
}

export const cases: Cases = {
    valid: [
        { why: "only separate rules", resources: [group(), ingressRule("db-from-app")] },
        { why: "only inline rules", resources: [group({ ingress: [HTTPS], egress: [ALL_OUT] })] },
        { why: "inline egress and separate ingress rules (different directions)", resources: [group({ egress: [ALL_OUT] }), ingressRule("db-from-app")] },
        { why: "empty inline list (provider-version dependent, left alone)", resources: [group({ ingress: [] }), ingressRule("db-from-app")] },
        { why: "inline rules unknown during preview", resources: [group({ ingress: UNKNOWN }), ingressRule("db-from-app")] },
        {
            why: "state: inline rules read back from AWS are the separate rules' own",
            resources: [
                group({ id: "sg-0123", ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: ["sg-0999"], cidrBlocks: [] }, { protocol: "tcp", fromPort: 443, toPort: 443, self: true }] }),
                ingressRule("db-from-app", { securityGroupId: "sg-0123", referencedSecurityGroupId: "sg-0999" }, []),
                { type: RULE, name: "https-self", props: { type: "ingress", securityGroupId: "sg-0123", protocol: "6", fromPort: 443, toPort: 443, sourceSecurityGroupId: "sg-0123" } },
            ],
        },
        { why: "rules of another group", resources: [group({ ingress: [HTTPS] }), ingressRule("db-from-app", {}, ["other"]), group({ id: UNKNOWN }), { type: SG, name: "other", props: {} }] },
        { why: "secret description on a rule", resources: [group(), ingressRule("db-from-app", { description: secret("internal-only-ticket-42") })] },
        { why: "malformed inline rules", resources: [group({ ingress: [null, 5, { protocol: { x: 1 } }] }), ingressRule("db-from-app", { fromPort: "x" })] },
    ],
    invalid: [
        {
            why: "inline ingress plus a separate ingress rule on the same group",
            resources: [group({ ingress: [HTTPS] }), ingressRule("db-from-app")],
            messageId: "mixedRules",
            on: "app",
            count: 1,
            includes: ["inline ingress", "db-from-app", "SecurityGroupIngressRule"],
        },
        {
            why: "inline egress plus an ec2.SecurityGroupRule of type egress",
            resources: [group({ egress: [ALL_OUT] }), { type: RULE, name: "to-db", props: { type: "egress", securityGroupId: UNKNOWN, protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.0.2.0/24"] }, propertyDependencies: { securityGroupId: ["app"] } }],
            messageId: "mixedRules",
            on: "app",
            includes: ["to-db", "SecurityGroupEgressRule"],
        },
        {
            why: "state: an inline rule no separate rule accounts for",
            resources: [group({ id: "sg-0123", ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.1.0.0/16"] }] }), { type: EGRESS_RULE, name: "out" , props: { securityGroupId: "sg-0123", ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" } }, ingressRule("db-from-app", { securityGroupId: "sg-0123", referencedSecurityGroupId: "sg-0999" }, [])],
            messageId: "mixedRules",
            on: "app",
            count: 1,
        },
        { why: "secret description never printed", resources: [group({ ingress: [HTTPS] }), ingressRule("db-from-app", { description: secret("internal-only-ticket-42") })], messageId: "mixedRules", on: "app" },
    ],
};
