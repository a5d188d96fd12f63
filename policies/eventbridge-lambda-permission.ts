import type * as aws from "@pulumi/aws";
import { globToRegExp } from "../lib/glob";
import { Graph } from "../lib/graph";
import { definePolicy } from "../lib/policy";
import { Resource } from "../lib/resource";
import { asString, get, isSet, isUnknown } from "../lib/values";
import { EVENT_RULE, EVENT_TARGET, LAMBDA_ALIAS, LAMBDA_FUNCTION, LAMBDA_PERMISSION, grantsInvoke, invokedFunction, invokedName, knownValues, onFunction, parseArn } from "../lib/wiring";

const TARGET_ARN: keyof aws.cloudwatch.EventTargetArgs = "arn";
const TARGET_RULE: keyof aws.cloudwatch.EventTargetArgs = "rule";
const SOURCE_ARN: keyof aws.lambda.PermissionArgs = "sourceArn";

const EVENTS = "events.amazonaws.com";

/** Whether a known sourceArn (which may hold wildcards) names the rule, by its ARN or else by the name after the last "/". */
function arnNamesRule(sourceArn: string, rule: Resource | undefined, ruleName: string | undefined): boolean {
    const ruleArn = rule ? asString(get(rule.props, "arn")) : undefined;
    if (ruleArn) return globToRegExp(sourceArn).test(ruleArn);
    const parsed = parseArn(sourceArn);
    if (!ruleName || !parsed) return true;
    return globToRegExp(parsed.resource.split("/").slice(-1)[0] ?? "").test(ruleName);
}

/** Whether the permission's sourceArn (if any) lets the target's rule invoke; unknown counts. */
function allowsRule(graph: Graph, permission: Resource, target: Resource): boolean {
    const source = get(permission.props, SOURCE_ARN);
    if (!isSet(source)) return true;
    const rules = graph.sourcesOf(target, TARGET_RULE).filter((r) => r.type === EVENT_RULE);
    const ruleName = asString(get(target.props, TARGET_RULE));
    const sourceRules = graph.sourcesOf(permission, SOURCE_ARN).filter((r) => r.type === EVENT_RULE);
    if (sourceRules.length > 0) {
        if (rules.length > 0) return sourceRules.some((r) => rules.includes(r));
        return !ruleName || sourceRules.some((r) => knownValues(r, ["name"]).length === 0 || knownValues(r, ["name"]).includes(ruleName));
    }
    if (isUnknown(source)) return true;
    const arn = asString(source);
    if (!arn) return false;
    if (rules.length > 0) return rules.some((r) => arnNamesRule(arn, r, asString(get(r.props, "name"))));
    return arnNamesRule(arn, undefined, ruleName);
}

export default definePolicy({
    kind: "stack",
    name: "eventbridge-lambda-permission",
    family: "wiring",
    description:
        "An EventBridge target that invokes a Lambda function has an aws.lambda.Permission letting events.amazonaws.com invoke that function from its rule.",
    enforcementLevel: "advisory",
    severity: "high",
    types: [EVENT_TARGET, EVENT_RULE, LAMBDA_FUNCTION, LAMBDA_ALIAS, LAMBDA_PERMISSION],
    messages: {
        noPermission:
            "this target invokes Lambda function {{function}}, but no aws.lambda.Permission in this stack grants `principal: \"events.amazonaws.com\"` " +
            "`lambda:InvokeFunction` on it; EventBridge is denied on every event (FailedInvocations) and the function never runs. " +
            "Add `new aws.lambda.Permission(name, { function: fn.name, action: \"lambda:InvokeFunction\", principal: \"events.amazonaws.com\", sourceArn: rule.arn })`.",
        otherRule:
            "this target invokes Lambda function {{function}}, but the permissions for events.amazonaws.com on it ({{permissions}}) are limited by " +
            "sourceArn to another rule; EventBridge is denied for this target's rule and the function never runs from it. " +
            "Add a permission with `sourceArn: rule.arn` for this target's rule (or widen the existing sourceArn).",
    },
    remediationSteps:
        "For each EventTarget whose `arn` is a Lambda function, add an aws.lambda.Permission with `function` set to that function, " +
        "`action: \"lambda:InvokeFunction\"`, `principal: \"events.amazonaws.com\"` and `sourceArn: rule.arn`. If the permission is managed in another stack, exempt the target.",
    check({ graph, report }) {
        const permissions = graph.ofType(LAMBDA_PERMISSION);
        for (const target of graph.ofType(EVENT_TARGET)) {
            const invoked = invokedFunction(graph, target, TARGET_ARN, get(target.props, TARGET_ARN));
            if (!invoked) continue;
            const forFunction = permissions.filter((p) => onFunction(graph, p, invoked) && grantsInvoke(p, EVENTS));
            if (forFunction.some((p) => allowsRule(graph, p, target))) continue;
            const fnName = invokedName(invoked);
            if (forFunction.length > 0) report("otherRule", { function: fnName, permissions: forFunction.map((p) => p.name) }, target);
            else report("noPermission", { function: fnName }, target);
        }
    },
});
