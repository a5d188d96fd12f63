import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const RULE = "aws:cloudwatch/eventRule:EventRule";
const TARGET = "aws:cloudwatch/eventTarget:EventTarget";
const FN = "aws:lambda/function:Function";

function rule(name: string, props: Record<string, unknown> = {}): CaseResource {
    return { type: RULE, name, props: { name: UNKNOWN, arn: UNKNOWN, eventPattern: '{"source":["aws.cloudwatch"]}', ...props } };
}

function targetFor(ruleName: string, props: Record<string, unknown> = {}, name = `${ruleName}-target`): CaseResource {
    return { type: TARGET, name, props: { rule: UNKNOWN, arn: UNKNOWN, ...props }, propertyDependencies: { rule: [ruleName], arn: ["failover-fn"] } };
}

const FUNCTION: CaseResource = { type: FN, name: "failover-fn", props: { name: UNKNOWN, arn: UNKNOWN, runtime: "nodejs20.x" } };

export const cases: Cases = {
    valid: [
        { why: "ordinary program: rule and target wired by `rule: rule.name`", resources: [FUNCTION, rule("failover-rule"), targetFor("failover-rule")] },
        {
            why: "target given the rule's literal name",
            resources: [rule("r", { name: "alarm-changes-dev" }), { type: TARGET, name: "t", props: { rule: "alarm-changes-dev", arn: "arn:aws:sns:us-east-1:123456789012:ops" } }],
        },
        {
            why: "custom bus: literal name on the same bus (by ARN on the target)",
            resources: [
                rule("r", { name: "orders", eventBusName: "orders-bus" }),
                { type: TARGET, name: "t", props: { rule: "orders", eventBusName: "arn:aws:events:us-east-1:123456789012:event-bus/orders-bus", arn: "arn:aws:sqs:us-east-1:123456789012:q" } },
            ],
        },
        { why: "disabled rule is not checked", resources: [rule("r", { state: "DISABLED" })] },
        { why: "deprecated isEnabled false is not checked", resources: [rule("r", { isEnabled: false })] },
        {
            why: "a target whose rule is unknown and not from a rule may attach to it",
            resources: [rule("r"), { type: TARGET, name: "t", props: { rule: UNKNOWN, arn: UNKNOWN } }],
        },
        { why: "secret description on the rule", resources: [rule("r", { description: secret("internal-secret-desc") }), targetFor("r")] },
        { why: "no rules in the stack", resources: [FUNCTION] },
        {
            why: "rule's bus unknown during preview: a literal-name target on a custom bus may be on it",
            resources: [
                rule("r", { name: "orders", eventBusName: UNKNOWN }),
                { type: TARGET, name: "t", props: { rule: "orders", eventBusName: "orders-bus", arn: "arn:aws:sqs:us-east-1:123456789012:q" } },
            ],
        },
        {
            why: "a target whose rule comes from a stack reference may attach to this rule",
            resources: [
                rule("r"),
                { type: "pulumi:pulumi:StackReference", name: "shared", props: { outputs: UNKNOWN } },
                { type: TARGET, name: "t", props: { rule: UNKNOWN, arn: UNKNOWN }, propertyDependencies: { rule: ["shared"] } },
            ],
        },
        { why: "malformed target props", resources: [rule("r", { name: "x" }), { type: TARGET, name: "t", props: { rule: ["x"], eventBusName: { a: 1 } }, propertyDependencies: { rule: ["r"] } }] },
    ],
    invalid: [
        {
            why: "seed 004 #10: rule for alarm state changes with no target",
            resources: [FUNCTION, rule("failover-rule", { name: "failover-rule-dev" })],
            messageId: "noTarget",
            on: "failover-rule",
            count: 1,
            includes: ["failover-rule-dev", "default"],
        },
        {
            why: "literal name on another event bus does not attach",
            resources: [rule("r", { name: "orders", eventBusName: "orders-bus" }), { type: TARGET, name: "t", props: { rule: "orders", arn: "arn:aws:sqs:us-east-1:123456789012:q" } }],
            messageId: "noTarget",
            on: "r",
            includes: ["orders-bus"],
        },
        {
            why: "literal name in another region does not attach",
            resources: [
                rule("r", { name: "ops", region: "us-east-1" }),
                { type: TARGET, name: "t", props: { rule: "ops", region: "us-west-2", arn: "arn:aws:sqs:us-west-2:123456789012:q" } },
            ],
            messageId: "noTarget",
            on: "r",
        },
        {
            why: "target attached to the other rule only",
            resources: [rule("a"), rule("b"), targetFor("a")],
            messageId: "noTarget",
            on: "b",
            count: 1,
        },
        {
            why: "secret tags are never printed",
            resources: [rule("r", { tags: { Owner: secret("owner-secret-tag") }, name: "plain-name" })],
            messageId: "noTarget",
            on: "r",
        },
        { why: "garbage state still counts as enabled", resources: [rule("r", { state: 42, isEnabled: "maybe" })], messageId: "noTarget", on: "r" },
        {
            why: "a literal-name target for another rule on the same bus",
            resources: [rule("r", { name: "ops" }), { type: TARGET, name: "t", props: { rule: "billing", arn: "arn:aws:sqs:us-east-1:123456789012:q" } }],
            messageId: "noTarget",
            on: "r",
        },
        { why: "autonamed rule: the message says so", resources: [rule("r")], messageId: "noTarget", on: "r", includes: ["literal name (autonamed) on event bus default"] },
        { why: "rule on a bus unknown during preview, no target at all", resources: [rule("r", { name: "orders", eventBusName: UNKNOWN })], messageId: "noTarget", on: "r", includes: ["on event bus (unknown)"] },
    ],
};
