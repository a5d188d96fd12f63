import type * as aws from "@pulumi/aws";
import { globToRegExp } from "../lib/glob";
import { Graph } from "../lib/graph";
import { definePolicy } from "../lib/policy";
import { Resource } from "../lib/resource";
import { asString, get, isSet, isUnknown } from "../lib/values";
import { EVENT_RULE, EVENT_TARGET, LAMBDA_ALIAS, LAMBDA_FUNCTION, LAMBDA_PERMISSION, knownValues, lambdaName, parseArn } from "../lib/wiring";

const TARGET_ARN: keyof aws.cloudwatch.EventTargetArgs = "arn";
const TARGET_RULE: keyof aws.cloudwatch.EventTargetArgs = "rule";
const FUNCTION: keyof aws.lambda.PermissionArgs = "function";
const PRINCIPAL: keyof aws.lambda.PermissionArgs = "principal";
const ACTION: keyof aws.lambda.PermissionArgs = "action";
const SOURCE_ARN: keyof aws.lambda.PermissionArgs = "sourceArn";
const ALIAS_FUNCTION: keyof aws.lambda.AliasArgs = "functionName";

const EVENTS = "events.amazonaws.com";
const INVOKE_ACTIONS = ["lambda:invokefunction", "lambda:*", "*"];

/** The Lambda function a target invokes: the resources it came from, and the function names it may carry. */
interface Invoked {
    resources: Resource[];
    names: Set<string>;
}

function invokedBy(graph: Graph, target: Resource): Invoked | undefined {
    const fromDeps = graph.sourcesOf(target, TARGET_ARN).filter((s) => s.type === LAMBDA_FUNCTION || s.type === LAMBDA_ALIAS);
    const arn = asString(get(target.props, TARGET_ARN));
    const parsed = arn ? parseArn(arn) : undefined;
    const literalLambda = parsed?.service === "lambda" && parsed.resource.startsWith("function:");
    // A known ARN of another service is not a Lambda target, whatever it was computed from.
    if (arn && !literalLambda) return undefined;
    const resources = new Set<Resource>(fromDeps);
    for (const alias of fromDeps.filter((s) => s.type === LAMBDA_ALIAS)) {
        for (const fn of graph.sourcesOf(alias, ALIAS_FUNCTION)) if (fn.type === LAMBDA_FUNCTION) resources.add(fn);
    }
    const names = new Set<string>();
    if (literalLambda && arn) {
        names.add(lambdaName(arn));
        for (const fn of graph.ofType(LAMBDA_FUNCTION)) if (knownValues(fn, ["name"]).includes(lambdaName(arn))) resources.add(fn);
    }
    if (resources.size === 0 && names.size === 0) return undefined;
    // A function's ARN names nothing its name does not.
    for (const r of resources) for (const v of knownValues(r, r.type === LAMBDA_ALIAS ? [ALIAS_FUNCTION] : ["name"])) names.add(lambdaName(v));
    return { resources: [...resources], names };
}

/** Whether the permission names the invoked function, by dependency or by a literal name/ARN; unknown counts. */
function onFunction(graph: Graph, permission: Resource, invoked: Invoked): boolean {
    const deps = graph.sourcesOf(permission, FUNCTION);
    if (deps.some((d) => invoked.resources.includes(d))) return true;
    const fn = get(permission.props, FUNCTION);
    // An unknown function computed from some other Lambda function is that other function.
    if (isUnknown(fn)) return !deps.some((d) => d.type === LAMBDA_FUNCTION || d.type === LAMBDA_ALIAS);
    const ref = asString(fn);
    return ref !== undefined && invoked.names.has(lambdaName(ref));
}

function grantsEvents(permission: Resource): boolean {
    const principal = get(permission.props, PRINCIPAL);
    const action = get(permission.props, ACTION);
    const principalOk = isUnknown(principal) || asString(principal) === EVENTS;
    const actionName = asString(action);
    const actionOk = actionName === undefined || INVOKE_ACTIONS.includes(actionName.toLowerCase());
    return principalOk && actionOk;
}

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
            const invoked = invokedBy(graph, target);
            if (!invoked) continue;
            const forFunction = permissions.filter((p) => onFunction(graph, p, invoked) && grantsEvents(p));
            if (forFunction.some((p) => allowsRule(graph, p, target))) continue;
            const fnName = invoked.resources.find((r) => r.type === LAMBDA_FUNCTION)?.name ?? [...invoked.names][0] ?? "(unknown)";
            if (forFunction.length > 0) report("otherRule", { function: fnName, permissions: forFunction.map((p) => p.name) }, target);
            else report("noPermission", { function: fnName }, target);
        }
    },
});
