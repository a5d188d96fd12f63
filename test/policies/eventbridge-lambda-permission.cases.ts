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
            why: "secret tags are never printed",
            resources: [fn("failover", { tags: { Owner: secret("owner-secret-tag") } }), rule(), target()],
            messageId: "noPermission",
            on: "target",
        },
    ],
};
