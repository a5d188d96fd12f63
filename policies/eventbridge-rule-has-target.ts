import type * as aws from "@pulumi/aws";
import { Graph } from "../lib/graph";
import { definePolicy } from "../lib/policy";
import { Resource, regionOf, sameRegion } from "../lib/resource";
import { asBool, asString, get, isUnknown } from "../lib/values";
import { EVENT_RULE, EVENT_TARGET, parseArn } from "../lib/wiring";

const RULE: keyof aws.cloudwatch.EventTargetArgs = "rule";
const BUS: keyof aws.cloudwatch.EventTargetArgs & keyof aws.cloudwatch.EventRuleArgs = "eventBusName";
const STATE: keyof aws.cloudwatch.EventRuleArgs = "state";
const IS_ENABLED = "isEnabled";

/** The event bus name a rule or target is on ("default" when unset); undefined when unknown. ARNs name the bus after "event-bus/". */
function busOf(r: Resource): string | undefined {
    const v = get(r.props, BUS);
    if (isUnknown(v)) return undefined;
    const s = asString(v);
    if (!s) return "default";
    const arn = parseArn(s);
    return arn && arn.resource.startsWith("event-bus/") ? arn.resource.slice("event-bus/".length) : s;
}

/** Targets that attach to `rule`: by dependency on it, or by its literal name (AWS takes no ARN there) on the same bus and region. */
function targetsOf(graph: Graph, rule: Resource): Resource[] {
    const found = new Set(graph.usersOf(rule, [EVENT_TARGET], RULE));
    const name = asString(get(rule.props, "name"));
    const bus = busOf(rule);
    for (const t of graph.ofType(EVENT_TARGET)) {
        const ref = asString(get(t.props, RULE));
        if (!ref || ref !== name) continue;
        const tBus = busOf(t);
        if (bus && tBus && bus !== tBus) continue;
        if (sameRegion(regionOf(rule), regionOf(t))) found.add(t);
    }
    return [...found];
}

/** A target whose rule cannot be told at preview (unknown, and not computed from a rule here) may attach to any rule. */
function unresolved(graph: Graph, target: Resource): boolean {
    return isUnknown(get(target.props, RULE)) && !graph.sourcesOf(target, RULE).some((s) => s.type === EVENT_RULE);
}

function disabled(rule: Resource): boolean {
    return asString(get(rule.props, STATE)) === "DISABLED" || asBool(get(rule.props, IS_ENABLED)) === false;
}

export default definePolicy({
    kind: "stack",
    name: "eventbridge-rule-has-target",
    family: "wiring",
    description: "Every enabled EventBridge rule has at least one aws.cloudwatch.EventTarget, so the events it matches are delivered somewhere.",
    enforcementLevel: "advisory",
    severity: "medium",
    types: [EVENT_RULE, EVENT_TARGET],
    messages: {
        noTarget:
            "no aws.cloudwatch.EventTarget in this stack attaches to this rule (by `rule: <rule>.name`, or its literal name {{rule}} on event bus {{bus}}); " +
            "the deploy succeeds but every matching event is dropped, so whatever the rule should trigger never runs. " +
            "Add `new aws.cloudwatch.EventTarget(name, { rule: rule.name, eventBusName: rule.eventBusName, arn: <target>.arn })`.",
    },
    remediationSteps:
        "Create an aws.cloudwatch.EventTarget with `rule: rule.name` (and the rule's `eventBusName` for a custom bus) pointing at the function, " +
        "queue or topic that should receive the events; for a Lambda target also add an aws.lambda.Permission for events.amazonaws.com. " +
        "If the targets are managed in another stack, exempt the rule. Disabled rules (`state: \"DISABLED\"`) are not checked.",
    check({ graph, report }) {
        const targets = graph.ofType(EVENT_TARGET);
        if (targets.some((t) => unresolved(graph, t))) return;
        for (const rule of graph.ofType(EVENT_RULE)) {
            if (disabled(rule)) continue;
            if (targetsOf(graph, rule).length > 0) continue;
            report("noTarget", { rule: asString(get(rule.props, "name")) ?? "(autonamed)", bus: busOf(rule) ?? "(unknown)" }, rule);
        }
    },
});
