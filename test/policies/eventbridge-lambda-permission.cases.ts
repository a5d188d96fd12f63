import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const RULE = "aws:cloudwatch/eventRule:EventRule";
const TARGET = "aws:cloudwatch/eventTarget:EventTarget";
const FN = "aws:lambda/function:Function";
const ALIAS = "aws:lambda/alias:Alias";
const PERMISSION = "aws:lambda/permission:Permission";
const FN_ARN = "arn:aws:lambda:us-east-1:123456789012:function:failover-dev";

function fn(name = "failover", props: Record<string, unknown> = {}): CaseResource {
    return { type: FN, name, props: { name: UNKNOWN, arn: UNKNOWN, runtime: "nodejs20.x", ...props } };
}

function rule(name = "rule", props: Record<string, unknown> = {}): CaseResource {
    return { type: RULE, name, props: { name: UNKNOWN, arn: UNKNOWN, ...props } };
}

/** A target wired by dependency to `ruleName` and `fnName`. */
function target(fnName = "failover", ruleName = "rule", props: Record<string, unknown> = {}, name = "target"): CaseResource {
    return { type: TARGET, name, props: { rule: UNKNOWN, arn: UNKNOWN, ...props }, propertyDependencies: { rule: [ruleName], arn: [fnName] } };
}

/** A permission for `fnName` (by dependency), optionally restricted to `sourceRule`. */
function permission(fnName = "failover", sourceRule?: string, props: Record<string, unknown> = {}, name = "allow-events"): CaseResource {
    return {
        type: PERMISSION,
        name,
        props: { function: UNKNOWN, action: "lambda:InvokeFunction", principal: "events.amazonaws.com", ...(sourceRule ? { sourceArn: UNKNOWN } : {}), ...props },
        propertyDependencies: { function: [fnName], ...(sourceRule ? { sourceArn: [sourceRule] } : {}) },
    };
}

export const cases: Cases = {
    valid: [
        { why: "ordinary program: target, and permission restricted to the rule", resources: [fn(), rule(), target(), permission("failover", "rule")] },
        { why: "permission without sourceArn covers every rule", resources: [fn(), rule(), target(), permission()] },
        {
            why: "literal function name and literal rule ARN",
            resources: [
                fn("f", { name: "failover-dev", arn: FN_ARN }),
                rule("r", { name: "alarms-dev", arn: "arn:aws:events:us-east-1:123456789012:rule/alarms-dev" }),
                { type: TARGET, name: "t", props: { rule: "alarms-dev", arn: FN_ARN } },
                { type: PERMISSION, name: "p", props: { function: "failover-dev", principal: "events.amazonaws.com", action: "lambda:InvokeFunction", sourceArn: "arn:aws:events:us-east-1:123456789012:rule/alarms-dev" } },
            ],
        },
        {
            why: "wildcard sourceArn covering the rule",
            resources: [fn("f", { name: "failover-dev" }), rule("r", { name: "alarms-dev" }), target("f", "r"), permission("f", undefined, { sourceArn: "arn:aws:events:us-east-1:123456789012:rule/alarms-*" })],
        },
        {
            why: "function outside the stack, permission by its ARN",
            resources: [{ type: TARGET, name: "t", props: { rule: "r1", arn: FN_ARN } }, { type: PERMISSION, name: "p", props: { function: FN_ARN, principal: "events.amazonaws.com", action: "lambda:InvokeFunction" } }],
        },
        {
            why: "target invokes an alias; permission on the function",
            resources: [
                fn(),
                { type: ALIAS, name: "live", props: { functionName: UNKNOWN, arn: UNKNOWN }, propertyDependencies: { functionName: ["failover"] } },
                rule(),
                target("live"),
                permission("failover"),
            ],
        },
        { why: "permission principal and function unknown during preview", resources: [fn(), rule(), target(), { type: PERMISSION, name: "p", props: { function: UNKNOWN, principal: UNKNOWN } }] },
        {
            why: "non-Lambda target (SQS queue)",
            resources: [rule(), { type: TARGET, name: "t", props: { rule: UNKNOWN, arn: "arn:aws:sqs:us-east-1:123456789012:events" }, propertyDependencies: { rule: ["rule"] } }],
        },
        { why: "target ARN unknown and not from a function", resources: [rule(), { type: TARGET, name: "t", props: { rule: UNKNOWN, arn: UNKNOWN } }] },
        { why: "secret environment on the function", resources: [fn("failover", { environment: { variables: { TOKEN: secret("super-secret-token") } } }), rule(), target(), permission()] },
        { why: "malformed permission fields", resources: [fn(), rule(), target(), permission("failover", undefined, { principal: UNKNOWN, action: ["x"], sourceArn: null })] },
        {
            why: "SQS queue target wired by dependency",
            resources: [rule(), { type: "aws:sqs/queue:Queue", name: "q", props: { arn: UNKNOWN } }, { type: TARGET, name: "t", props: { rule: UNKNOWN, arn: UNKNOWN }, propertyDependencies: { rule: ["rule"], arn: ["q"] } }],
        },
        {
            why: "a known SQS ARN is no Lambda target, even computed together with a function",
            resources: [fn(), rule(), { type: TARGET, name: "t", props: { rule: UNKNOWN, arn: "arn:aws:sqs:us-east-1:123456789012:events" }, propertyDependencies: { rule: ["rule"], arn: ["failover"] } }],
        },
        {
            why: "literal function ARN target, permission wired to that function by dependency",
            resources: [fn("f", { name: "failover-dev" }), rule(), { type: TARGET, name: "t", props: { rule: UNKNOWN, arn: FN_ARN }, propertyDependencies: { rule: ["rule"] } }, permission("f")],
        },
        { why: "target wired to the function, permission by its literal name", resources: [fn("failover", { name: "failover-dev" }), rule(), target(), { type: PERMISSION, name: "p", props: { function: "failover-dev", principal: "events.amazonaws.com", action: "lambda:InvokeFunction" } }] },
        {
            why: "alias of a function outside the stack, permission by the function's name",
            resources: [
                { type: ALIAS, name: "live", props: { name: "live", functionName: "failover-dev", arn: UNKNOWN } },
                rule(),
                target("live"),
                { type: PERMISSION, name: "p", props: { function: "failover-dev", principal: "events.amazonaws.com", action: "lambda:InvokeFunction" } },
            ],
        },
        {
            why: "permission's function comes from a stack reference (unknown, not a function of this stack)",
            resources: [
                fn(),
                rule(),
                target(),
                { type: "pulumi:pulumi:StackReference", name: "shared", props: { outputs: UNKNOWN } },
                { type: PERMISSION, name: "p", props: { function: UNKNOWN, principal: "events.amazonaws.com", action: "lambda:InvokeFunction" }, propertyDependencies: { function: ["shared"] } },
            ],
        },
        {
            why: "target's rule comes from a stack reference: a permission limited to a rule of this stack may be for it",
            resources: [
                fn(),
                rule(),
                { type: "pulumi:pulumi:StackReference", name: "shared", props: { outputs: UNKNOWN } },
                { type: TARGET, name: "target", props: { rule: UNKNOWN, arn: UNKNOWN }, propertyDependencies: { rule: ["shared"], arn: ["failover"] } },
                permission("failover", "rule"),
            ],
        },
        {
            why: "permission's sourceArn comes from a stack reference (unknown)",
            resources: [
                fn(),
                rule(),
                target(),
                { type: "pulumi:pulumi:StackReference", name: "shared", props: { outputs: UNKNOWN } },
                permission("failover", undefined, { sourceArn: UNKNOWN }, "allow-events"),
            ].map((r) => (r.type === PERMISSION ? { ...r, propertyDependencies: { ...r.propertyDependencies, sourceArn: ["shared"] } } : r)),
        },
        { why: "sourceArn unknown and not traced to a rule", resources: [fn(), rule(), target(), permission("failover", undefined, { sourceArn: UNKNOWN })] },
        { why: "permission with action lambda:*", resources: [fn(), rule(), target(), permission("failover", undefined, { action: "lambda:*" })] },
        { why: "permission with action *", resources: [fn(), rule(), target(), permission("failover", undefined, { action: "*" })] },
        {
            why: "literal rule name on the target; permission limited by dependency to that rule",
            resources: [fn(), rule("r", { name: "alarms-dev" }), { type: TARGET, name: "t", props: { rule: "alarms-dev", arn: UNKNOWN }, propertyDependencies: { arn: ["failover"] } }, permission("failover", "r")],
        },
        {
            why: "literal rule name on the target; the permission's rule has no name yet",
            resources: [fn(), rule("r"), { type: TARGET, name: "t", props: { rule: "alarms-dev", arn: UNKNOWN }, propertyDependencies: { arn: ["failover"] } }, permission("failover", "r")],
        },
        {
            why: "target's rule unknown and untraced: a literal sourceArn cannot be compared",
            resources: [fn(), { type: TARGET, name: "t", props: { rule: UNKNOWN, arn: UNKNOWN }, propertyDependencies: { arn: ["failover"] } }, permission("failover", undefined, { sourceArn: "arn:aws:events:us-east-1:123456789012:rule/alarms-dev" })],
        },
        {
            why: "rule on a custom event bus: the rule name is the last part of its ARN",
            resources: [
                fn(),
                rule("r", { name: "order-created", eventBusName: "orders" }),
                target("failover", "r"),
                permission("failover", undefined, { sourceArn: "arn:aws:events:us-east-1:123456789012:rule/orders/order-created" }),
            ],
        },
        {
            why: "sourceArn computed from two rules (pulumi.all), one of them the target's",
            resources: [fn(), rule(), rule("nightly"), target(), { ...permission("failover", "rule"), propertyDependencies: { function: ["failover"], sourceArn: ["rule", "nightly"] } }],
        },
        {
            why: "literal rule name on the target; sourceArn computed from two rules, one of that name",
            resources: [
                fn(),
                rule("r", { name: "alarms-dev" }),
                rule("n", { name: "nightly-dev" }),
                { type: TARGET, name: "t", props: { rule: "alarms-dev", arn: UNKNOWN }, propertyDependencies: { arn: ["failover"] } },
                { ...permission("failover", "r"), propertyDependencies: { function: ["failover"], sourceArn: ["r", "n"] } },
            ],
        },
        {
            why: "target's rule computed from two rules; a literal sourceArn names one of them",
            resources: [
                fn(),
                rule("r", { name: "alarms-dev" }),
                rule("n", { name: "nightly-dev" }),
                { ...target(), propertyDependencies: { rule: ["r", "n"], arn: ["failover"] } },
                permission("failover", undefined, { sourceArn: "arn:aws:events:us-east-1:123456789012:rule/alarms-dev" }),
            ],
        },
    ],
    invalid: [
        {
            why: "seed 004 #10: target added, permission forgotten",
            resources: [fn(), rule(), target()],
            messageId: "noPermission",
            on: "target",
            count: 1,
            includes: ["failover", "events.amazonaws.com"],
        },
        {
            why: "permission for another principal (SNS)",
            resources: [fn(), rule(), target(), permission("failover", undefined, { principal: "sns.amazonaws.com" })],
            messageId: "noPermission",
            on: "target",
        },
        {
            why: "permission on another function",
            resources: [fn(), fn("other"), rule(), target(), permission("other")],
            messageId: "noPermission",
            on: "target",
        },
        {
            why: "permission restricted by dependency to a different rule",
            resources: [fn(), rule(), rule("nightly"), target(), permission("failover", "nightly")],
            messageId: "otherRule",
            on: "target",
            includes: ["allow-events"],
        },
        {
            why: "literal sourceArn for another rule name",
            resources: [fn("f", { name: "failover-dev" }), rule("r", { name: "alarms-dev" }), target("f", "r"), permission("f", undefined, { sourceArn: "arn:aws:events:us-east-1:123456789012:rule/nightly-dev" })],
            messageId: "otherRule",
            on: "target",
        },
        {
            why: "literal Lambda ARN target with no permission anywhere",
            resources: [{ type: TARGET, name: "t", props: { rule: "r1", arn: FN_ARN } }],
            messageId: "noPermission",
            on: "t",
            includes: ["failover-dev"],
        },
        {
            why: "target invokes an alias and no permission exists; the message names the function",
            resources: [fn(), { type: ALIAS, name: "live", props: { functionName: UNKNOWN, arn: UNKNOWN }, propertyDependencies: { functionName: ["failover"] } }, rule(), target("live")],
            messageId: "noPermission",
            on: "target",
            includes: ["invokes Lambda function failover, but"],
        },
        {
            why: "alias of a function from another stack, no permission: the function cannot be named",
            resources: [{ type: ALIAS, name: "live", props: { functionName: UNKNOWN, arn: UNKNOWN } }, rule(), target("live")],
            messageId: "noPermission",
            on: "target",
            includes: ["invokes Lambda function (unknown), but"],
        },
        {
            why: "literal ARN target for one function; the permission is wired to another",
            resources: [fn("f", { name: "failover-dev" }), fn("other", { name: "other-dev" }), rule(), { type: TARGET, name: "t", props: { rule: UNKNOWN, arn: FN_ARN }, propertyDependencies: { rule: ["rule"] } }, permission("other")],
            messageId: "noPermission",
            on: "t",
        },
        {
            why: "permission with the literal name of another function",
            resources: [fn("failover", { name: "failover-dev" }), rule(), target(), { type: PERMISSION, name: "p", props: { function: "other-dev", principal: "events.amazonaws.com", action: "lambda:InvokeFunction" } }],
            messageId: "noPermission",
            on: "target",
        },
        {
            why: "permission on an alias, while the target invokes the unqualified function",
            resources: [
                fn(),
                { type: ALIAS, name: "live", props: { functionName: UNKNOWN, arn: UNKNOWN }, propertyDependencies: { functionName: ["failover"] } },
                rule(),
                target(),
                permission("live"),
            ],
            messageId: "noPermission",
            on: "target",
        },
        { why: "malformed permission function (a number)", resources: [fn(), rule(), target(), { type: PERMISSION, name: "p", props: { function: 42, principal: "events.amazonaws.com", action: "lambda:InvokeFunction" } }], messageId: "noPermission", on: "target" },
        { why: "permission grants another action", resources: [fn(), rule(), target(), permission("failover", undefined, { action: "lambda:GetFunction" })], messageId: "noPermission", on: "target" },
        {
            why: "sourceArn names a rule of the same name in another region",
            resources: [
                fn(),
                rule("r", { name: "alarms-dev", arn: "arn:aws:events:us-east-1:123456789012:rule/alarms-dev" }),
                target("failover", "r"),
                permission("failover", undefined, { sourceArn: "arn:aws:events:us-west-2:123456789012:rule/alarms-dev" }),
            ],
            messageId: "otherRule",
            on: "target",
        },
        {
            why: "literal rule name on the target; the permission is limited to another rule",
            resources: [fn(), rule("r", { name: "alarms-dev" }), rule("n", { name: "nightly-dev" }), { type: TARGET, name: "t", props: { rule: "alarms-dev", arn: UNKNOWN }, propertyDependencies: { arn: ["failover"] } }, permission("failover", "n")],
            messageId: "otherRule",
            on: "t",
        },
        {
            why: "alias and permission both from a shared stack's outputs, the permission for another function",
            resources: [
                { type: "pulumi:pulumi:StackReference", name: "shared", props: { outputs: { failoverName: "failover-dev", reportName: "report-dev" } } },
                { type: ALIAS, name: "live", props: { name: "live", functionName: "failover-dev", arn: UNKNOWN }, propertyDependencies: { functionName: ["shared"] } },
                rule(),
                target("live"),
                { type: PERMISSION, name: "p", props: { function: "report-dev", principal: "events.amazonaws.com", action: "lambda:InvokeFunction" }, propertyDependencies: { function: ["shared"] } },
            ],
            messageId: "noPermission",
            on: "target",
            includes: ["invokes Lambda function failover-dev, but"],
        },
        { why: "malformed sourceArn (a number) allows no rule", resources: [fn(), rule(), target(), permission("failover", undefined, { sourceArn: 42 })], messageId: "otherRule", on: "target" },
        {
            why: "secret tags are never printed",
            resources: [fn("failover", { tags: { Owner: secret("owner-secret-tag") } }), rule(), target()],
            messageId: "noPermission",
            on: "target",
        },
    ],
};
