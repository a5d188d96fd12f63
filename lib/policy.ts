// definePolicy: one plain object per policy (metadata, config schema, messages, one check function).
// evaluate*: runs a policy on raw resources and returns findings; no SDK involved, never throws.
import { ConfigSchema, resolveConfig } from "./config";
import { ExemptionConfig, ExemptionRecord, exemptionFor, exemptionNote, exemptionSchema, inCodeExemptionsByDefault } from "./exemptions";
import { Graph } from "./graph";
import { Framework } from "./metadata";
import { classicView, graphSeenBy, hintFor, nativeFix, noFixNote, originOf, shownAs } from "./native";
import { isSecretText, mentionsSecret, scrub, secretLeavesOf, show } from "./redact";
import { Resource, label } from "./resource";
import { ProductionConfig, StackInfo, unknownTagsNote } from "./stack";
import { Props, asBool, get, isRecord, isUnknown } from "./values";

export type Level = "advisory" | "mandatory";
export type Severity = "low" | "medium" | "high" | "critical";
export type Family =
    | "naming"
    | "versions"
    | "encryption"
    | "public-access"
    | "retention"
    | "destroyability"
    | "secrets"
    | "transport"
    | "iam"
    | "tags"
    | "wiring"
    | "names"
    | "resilience";

export type MessageData = Record<string, unknown>;

export interface Report {
    (messageId: string, data?: MessageData, resource?: Resource): void;
}

interface BaseContext<C> {
    config: C;
    stack: StackInfo;
    report: Report;
}

export interface ResourceContext<C> extends BaseContext<C> {
    resource: Resource;
    props: Props;
    /** Unknown-safe path read on the resource's properties; see lib/values get(). */
    get(path: string): unknown;
}

export interface StackContext<C> extends BaseContext<C> {
    graph: Graph;
}

interface PolicyMeta<C> {
    name: string;
    description: string;
    family: Family;
    enforcementLevel: Level;
    severity: Severity;
    /** The published control the policy checks, where one matches it (shown in Pulumi Cloud and the catalog). */
    framework?: Framework;
    /** What to do about a violation; shown by the engine and in the catalog. */
    remediationSteps: string;
    /** Message templates keyed by id; {{value}} is shown redacted, {{resource}} is the resource label. */
    messages: Record<string, string>;
    /**
     * Per message id, what a finding adds when it is about a resource that already exists (state analyzed by
     * `pulumi policy analyze` or an audit policy group), where the message speaks of creating it.
     */
    existingResources?: Record<string, string>;
    /** Message ids that are notes rather than violations: reported as advisory whatever the policy's level. */
    advisoryMessages?: readonly string[];
    config?: ConfigSchema;
    /** Why the policy does not apply in this stack (e.g. production), or undefined. */
    notApplicable?(stack: StackInfo, config: C): string | undefined;
}

export interface ResourcePolicy<C = unknown> extends PolicyMeta<C> {
    kind: "resource";
    /** Type tokens the policy checks ("*" for every resource); the pack indexes policies by these. */
    types: readonly string[];
    check(ctx: ResourceContext<C>): void;
    /** Top-level properties that make the resource pass; enables the `remediate` level. */
    fix?(ctx: ResourceContext<C>): Props | undefined;
}

export interface StackPolicy<C = unknown> extends PolicyMeta<C> {
    kind: "stack";
    /** Type tokens the policy looks at; a stack with none of them is skipped. */
    types: readonly string[];
    check(ctx: StackContext<C>): void;
}

export type Policy<C = unknown> = ResourcePolicy<C> | StackPolicy<C>;

export function definePolicy<C>(policy: ResourcePolicy<C>): ResourcePolicy<C>;
export function definePolicy<C>(policy: StackPolicy<C>): StackPolicy<C>;
export function definePolicy<C>(policy: Policy<C>): Policy<C> {
    return policy;
}

/** The check and the fix of a policy whose whole rule is "this boolean is true" (unset counts as false, unknown passes). */
export function flagIsTrue<C>(property: string, messageId: string): Pick<ResourcePolicy<C>, "check" | "fix"> {
    return {
        check({ get, report }) {
            const value = get(property);
            if (isUnknown(value) || asBool(value) === true) return;
            report(messageId, { property, value });
        },
        fix: () => ({ [property]: true }),
    };
}

export const ANY_TYPE = "*";

export function appliesToType(policy: Policy, type: string): boolean {
    return policy.types.includes(type) || policy.types.includes(ANY_TYPE);
}

export interface Finding {
    policy: string;
    messageId: string;
    data: MessageData;
    message: string;
    urn?: string;
    /** Set when the finding is below the policy's level: an exempted finding, a note, or a bug of the pack's own. */
    level?: "advisory";
    /** The exemption that made it advisory. */
    exemption?: ExemptionRecord;
}

export interface Evaluation {
    findings: Finding[];
    notApplicable?: string;
    configErrors: string[];
}

function renderPart(key: string, data: MessageData, hidden: ReadonlySet<string>): string {
    const v = data[key];
    if (mentionsSecret(v, hidden)) return "[secret]";
    if (key === "value") return show(v, String(data.property ?? ""));
    if (typeof v === "string") return isSecretText(v) ? "[secret]" : v;
    if (Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number")) {
        return v.map((x) => (isSecretText(String(x)) ? "[secret]" : String(x))).join(", ");
    }
    return show(v);
}

/** The template with its data filled in; `hidden` holds the secret values of the resource the message is about. */
export function render(template: string, data: MessageData, hidden: ReadonlySet<string> = new Set()): string {
    return scrub(template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => renderPart(key, data, hidden)));
}

function makeReporter(policy: Policy, findings: Finding[], config: ExemptionConfig, fallback?: Resource): Report {
    return (messageId, data = {}, resource = fallback) => {
        // An aws-native resource is checked through its classic view, but named and worded as the program wrote it.
        const noFix = resource ? noFixNote(resource, policy.name) : undefined;
        const template = noFix ?? policy.messages[messageId] ?? messageId;
        const full: MessageData = { ...data, resource: resource ? label(originOf(resource)) : "stack" };
        if (resource && typeof full.property === "string") full.property = shownAs(resource, full.property);
        const hidden = resource ? secretLeavesOf(resource.props) : undefined;
        const hint = resource ? hintFor(resource, policy.name) : undefined;
        const rendered = render(template, full, hidden);
        const text = resource ? `${shownAs(resource, rendered)}${hint ? ` ${hint}` : ""}` : rendered;
        const found = resource ? exemptionFor(policy.name, resource, config) : undefined;
        // A reason read from a secret tag value is not shown.
        const verdict = found && hidden && mentionsSecret(found.reason, hidden) ? { ...found, reason: "[secret]" } : found;
        const note = verdict ? scrub(exemptionNote(policy.name, verdict)) : "";
        findings.push({
            policy: policy.name,
            messageId,
            data: full,
            message: resource && !template.includes("{{resource}}") ? `${label(originOf(resource))}: ${note}${text}` : `${note}${text}`,
            urn: resource?.urn,
            level: verdict?.kind === "exempt" || noFix !== undefined || policy.advisoryMessages?.includes(messageId) ? "advisory" : undefined,
            ...(verdict?.kind === "exempt" ? { exemption: { source: verdict.source, reason: scrub(verdict.reason), ...(verdict.expires ? { expires: verdict.expires } : {}) } } : {}),
        });
    };
}

/** A policy's own settings plus the exemption settings every policy accepts. */
export function configSchemaOf(policy: Policy): ConfigSchema {
    return { ...policy.config, ...exemptionSchema() };
}

const resolved = new WeakMap<Policy, Map<string, { config: unknown; errors: string[] }>>();

/** Config is resolved once per distinct value: it changes only on Configure, and checks run per resource. */
function configOf<C>(policy: Policy<C>, given: unknown): { config: C & ExemptionConfig; errors: string[] } {
    const key = JSON.stringify(given ?? {});
    let byValue = resolved.get(policy as Policy);
    if (!byValue) resolved.set(policy as Policy, (byValue = new Map()));
    let hit = byValue.get(key);
    if (!hit) {
        hit = resolveConfig<C & ExemptionConfig>(policy.name, configSchemaOf(policy as Policy), given);
        // The effective level travels with the settings as `enforcementLevel` (as in the SDK's config), else the policy's own.
        const level = isRecord(given) && typeof given.enforcementLevel === "string" ? given.enforcementLevel : policy.enforcementLevel;
        (hit.config as ExemptionConfig).allowInCodeExemptions ??= inCodeExemptionsByDefault(level);
        byValue.set(key, hit);
    }
    return hit as { config: C & ExemptionConfig; errors: string[] };
}

/** A bug of the pack's own is shown, but as advisory: it must neither fail the preview nor block a deploy. */
function internalError(policy: Policy, e: unknown, findings: Finding[], urn?: string): void {
    const why = e instanceof Error ? e.message : String(e);
    findings.push({
        policy: policy.name,
        messageId: "internalError",
        data: {},
        message: scrub(`policy ${policy.name} could not evaluate this resource (${why}); please report this`),
        urn,
        level: "advisory",
    });
}

/**
 * Findings on state the engine analyzes without naming the stack (existing resources): a production-aware policy says
 * that it could not consider the stack's tags, and a message about creating the resource says what it means for one that exists.
 */
function noteExisting(policy: Policy, stack: StackInfo, config: unknown, findings: Finding[]): void {
    if (!stack.fromUrn) return;
    for (const f of findings) {
        const existing = policy.existingResources?.[f.messageId];
        if (existing) f.message += ` ${existing}`;
    }
    if (!policy.config?.productionStackTags) return;
    const note = unknownTagsNote(stack, config as Partial<ProductionConfig>);
    if (!note) return;
    for (const f of findings) if (f.messageId !== "internalError") f.message += note;
}

export function evaluateResource<C>(policy: ResourcePolicy<C>, original: Resource, stack: StackInfo, given: unknown): Evaluation {
    const findings: Finding[] = [];
    if (!appliesToType(policy, original.type)) return { findings, configErrors: [] };
    const resource = classicView(original);
    // An aws-native type whose counterpart depends on its inputs (a cluster member DB instance) may fall outside the policy.
    if (resource !== original && !appliesToType(policy, resource.type)) return { findings, configErrors: [] };
    const { config, errors } = configOf(policy, given);
    const reason = policy.notApplicable?.(stack, config);
    if (reason) return { findings, notApplicable: reason, configErrors: errors };
    try {
        policy.check({
            config,
            stack,
            resource,
            props: resource.props,
            get: (path) => get(resource.props, path),
            report: makeReporter(policy as Policy, findings, config, resource),
        });
    } catch (e) {
        internalError(policy, e, findings, resource.urn);
    }
    noteExisting(policy as Policy, stack, config, findings);
    return { findings, configErrors: errors };
}

export function evaluateStack<C>(policy: StackPolicy<C>, graph: Graph, stack: StackInfo, given: unknown): Evaluation {
    const findings: Finding[] = [];
    if (!graph.resources.some((r) => appliesToType(policy, r.type))) return { findings, configErrors: [] };
    graph = graphSeenBy(graph, policy.types);
    const { config, errors } = configOf(policy, given);
    const reason = policy.notApplicable?.(stack, config);
    if (reason) return { findings, notApplicable: reason, configErrors: errors };
    try {
        policy.check({ config, stack, graph, report: makeReporter(policy as Policy, findings, config) });
    } catch (e) {
        internalError(policy, e, findings);
    }
    noteExisting(policy as Policy, stack, config, findings);
    // Only `pulumi policy analyze` (no stack named) sends redacted secrets as "[secret]"; a preview never does.
    if (stack.fromUrn && graph.hasRedacted(policy.types)) noteRedacted(findings);
    return { findings, configErrors: errors };
}

/**
 * A stack policy correlates resources by their values; where an offline export redacted some of them, a finding
 * may rest on a value it could not read, so it is reported as advisory and says why.
 */
function noteRedacted(findings: Finding[]): void {
    for (const f of findings) {
        if (f.level) continue;
        f.level = "advisory";
        f.message +=
            ' (Reported as advisory: some values of these resources are redacted as "[secret]" because their secrets could not be decrypted ' +
            "(e.g. `pulumi policy analyze --file` offline), so this could not be confirmed. Run it where the stack's secrets provider is available.)";
    }
}

/**
 * A stack policy over one request that may span several stacks (an export under `policy analyze --file`): each
 * stack's resources are checked as a stack of their own. Not applicable only where it is so for every stack.
 */
export function evaluateStacks<C>(policy: StackPolicy<C>, parts: readonly { graph: Graph; stack: StackInfo }[], given: unknown): Evaluation {
    if (parts.length === 1) return evaluateStack(policy, parts[0].graph, parts[0].stack, given);
    const all = parts.map((p) => evaluateStack(policy, p.graph, p.stack, given));
    const reasons = all.map((e) => e.notApplicable);
    const applies = all.some((_, i) => !reasons[i] && parts[i].graph.resources.some((r) => appliesToType(policy as Policy, r.type)));
    return {
        findings: all.flatMap((e) => e.findings),
        notApplicable: applies || !reasons.some(Boolean) ? undefined : [...new Set(reasons.filter(Boolean))].join("; "),
        configErrors: [...new Set(all.flatMap((e) => e.configErrors))],
    };
}

/** The property assignments that remediate a resource, if the policy finds something to fix. */
export function remediation<C>(policy: ResourcePolicy<C>, original: Resource, stack: StackInfo, given: unknown): Props | undefined {
    if (!policy.fix) return undefined;
    const resource = classicView(original);
    const { config } = configOf(policy, given);
    if (policy.notApplicable?.(stack, config)) return undefined;
    const ctx: ResourceContext<C> = {
        config,
        stack,
        resource,
        props: resource.props,
        get: (path) => get(resource.props, path),
        report: () => undefined,
    };
    try {
        const found = evaluateResource(policy, original, stack, given).findings;
        return found.length > 0 && !noFixNote(resource, policy.name) ? nativeFix(resource, policy.fix(ctx)) : undefined;
    } catch {
        return undefined;
    }
}
