// The bridge to @pulumi/policy: turns our policy objects into SDK policies and reads what the SDK hands
// over as raw values, so that unknowns never throw and secrets are known by value (lib/redact).
import type * as sdk from "@pulumi/policy";
import * as policySecret from "@pulumi/policy/policy";
import { Graph, graphsByStack } from "./graph";
import { Evaluation, Policy, ResourcePolicy, StackPolicy, appliesToType, configSchemaOf, evaluateResource, evaluateStacks, remediation } from "./policy";
import { POLICY_DOCS_URL, displayNameOf } from "./metadata";
import { noteSecret, rememberSecrets } from "./redact";
import { ProviderInfo, Resource, ResourceOptions } from "./resource";
import { StackInfo, resourceStack, stackFromEnvironment } from "./stack";
import { Props, SECRET_SIG, SIG_KEY, isRecord } from "./values";

const SPECIAL_TARGET = "__getSpecialProxyTarget";

function unwire(value: unknown, depth: number, secrets: unknown[]): unknown {
    if (value === null || typeof value !== "object" || depth > 256) return value;
    if (Array.isArray(value)) return value.map((v) => unwire(v, depth + 1, secrets));
    const rec = value as Record<string, unknown>;
    if (rec[SIG_KEY] === SECRET_SIG) {
        const inner = unwire(rec.value, depth + 1, secrets);
        noteSecret(inner);
        secrets.push(inner);
        return inner;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) if (v !== undefined) out[k] = unwire(v, depth + 1, secrets);
    return out;
}

/** Plain JSON from the wire: secrets unwrapped (and remembered, for the whole process and for this value), assets kept as their signed objects. */
export function fromWire(value: unknown): unknown {
    const secrets: unknown[] = [];
    const out = unwire(value, 0, secrets);
    if (isRecord(out)) rememberSecrets(out, secrets);
    return out;
}

interface WireStruct {
    toJavaScript(): Record<string, unknown>;
}

/**
 * The SDK deserializes every resource once per policy. Replacing its deserializer (same module, looked up at
 * each call) lets one request deserialize once, and lets us learn which values were secret.
 */
export function installDeserializeHook(): boolean {
    let mod: { deserializeProperties?: (s: WireStruct, proxySecrets: boolean) => unknown };
    try {
        mod = require("@pulumi/policy/deserialize") as typeof mod;
    } catch {
        return false;
    }
    const original = mod.deserializeProperties;
    if (typeof original !== "function" || (original as { hooked?: boolean }).hooked) return false;
    const memo = new WeakMap<object, unknown>();
    const hooked = (struct: WireStruct, proxySecrets: boolean): unknown => {
        if (proxySecrets || !struct) return original(struct, proxySecrets);
        let props = memo.get(struct);
        if (props === undefined) {
            props = fromWire(struct.toJavaScript());
            memo.set(struct, props);
        }
        return props;
    };
    (hooked as { hooked?: boolean }).hooked = true;
    mod.deserializeProperties = hooked;
    return true;
}

/** The raw object behind the SDK's unknown-checking (and secret-preserving) proxies. */
function unproxy(value: unknown): unknown {
    let cur = value;
    for (let i = 0; i < 3 && isRecord(cur) && (cur as Record<string, unknown>)["__isSpecialProxy"] === true; i++) {
        cur = (cur as Record<string, unknown>)[SPECIAL_TARGET];
    }
    return cur;
}

function unwrap(value: unknown, depth: number, secrets: unknown[]): unknown {
    const v = unproxy(value);
    if (v instanceof policySecret.Secret) {
        const inner = unwrap(v.value, depth + 1, secrets);
        noteSecret(inner);
        secrets.push(inner);
        return inner;
    }
    if (v === null || typeof v !== "object" || depth > 256) return v;
    if (Array.isArray(v)) return v.map((x) => unwrap(x, depth + 1, secrets));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = unwrap(x, depth + 1, secrets);
    return out;
}

/** Remediation props hold Secret wrappers; checks read plain values. */
function unwrapSecrets(value: unknown): unknown {
    const secrets: unknown[] = [];
    const out = unwrap(value, 0, secrets);
    if (isRecord(out)) rememberSecrets(out, secrets);
    return out;
}

function rawProps(props: unknown): Props {
    const raw = unproxy(props);
    return isRecord(raw) ? raw : {};
}

function optionsOf(opts: sdk.PolicyResourceOptions | undefined): ResourceOptions {
    if (!opts) return {};
    return { protect: opts.protect, parent: opts.parent, ignoreChanges: opts.ignoreChanges, deleteBeforeReplace: opts.deleteBeforeReplace };
}

function providerOf(p: sdk.PolicyProviderResource | undefined): ProviderInfo | undefined {
    return p ? { type: p.type, name: p.name, urn: p.urn, props: rawProps(p.props) } : undefined;
}

let stackTagsSeen: ReadonlyMap<string, string> | undefined;
let stackInfo: StackInfo | undefined;

export function stackOf(tags: ReadonlyMap<string, string> | undefined): StackInfo {
    if (!stackInfo || tags !== stackTagsSeen) {
        stackTagsSeen = tags;
        stackInfo = stackFromEnvironment(tags ? Object.fromEntries(tags.entries()) : {});
    }
    return stackInfo;
}

function resourceFromArgs(args: sdk.ResourceValidationArgs, props: Props): Resource {
    return {
        type: args.type,
        name: args.name,
        urn: args.urn,
        props,
        opts: optionsOf(args.opts),
        provider: providerOf(args.provider),
        parent: args.opts?.parent,
        dependencies: [],
        propertyDependencies: {},
    };
}

/** A stack resource as the checks read it: raw props, dependencies as URNs. */
export function resourceOf(r: sdk.PolicyResource): Resource {
    return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: rawProps(r.props),
        opts: optionsOf(r.opts),
        provider: providerOf(r.provider),
        parent: r.parent?.urn,
        dependencies: r.dependencies.map((d) => d.urn),
        propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, v]) => [k, v.map((d) => d.urn)])),
    };
}

/** Levels from the last Configure (lib/dispatch observes it): the SDK's getConfig() leaves the level out. */
const configuredLevels = new Map<string, string>();

export function noteConfiguredLevels(levels: Iterable<[string, string]>): void {
    configuredLevels.clear();
    for (const [policy, level] of levels) configuredLevels.set(policy, level);
}

/** A policy's settings with its effective level, which decides whether in-code exemption tags count. */
function settingsOf(p: Policy, args: { getConfig(): unknown }): unknown {
    const level = configuredLevels.get(p.name);
    const given = args.getConfig();
    return level && isRecord(given) ? { ...given, enforcementLevel: level } : given;
}

type Parts = { graph: Graph; stack: StackInfo }[];
const graphs = new WeakMap<object, { engine: StackInfo; length: number; parts: Parts }>();

/** One graph per stack and AnalyzeStack request: every stack policy sees the same memoized props of resource 0. */
function graphsOf(resources: sdk.PolicyResource[], engine: StackInfo): Parts {
    const key = resources.length > 0 ? rawProps(resources[0].props) : undefined;
    const cached = key ? graphs.get(key) : undefined;
    if (cached && cached.engine === engine && cached.length === resources.length) return cached.parts;
    const parts = graphsByStack(engine, resources.map(resourceOf));
    if (key) graphs.set(key, { engine, length: resources.length, parts });
    return parts;
}

const configErrorsShown = new Set<string>();

export interface Diagnostic {
    message: string;
    urn?: string;
    /** Set when the diagnostic's level is below the policy's (an exempted finding, a config mistake, or a bug of the pack's own). */
    level?: "advisory";
}

/** What a policy reports for an evaluation: findings, plus config errors once per process. */
export function diagnosticsOf(evaluation: Evaluation): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const error of evaluation.configErrors) {
        // Once per process: the engine's validation passes settings the schema does not name, and harnesses may skip it.
        if (!configErrorsShown.has(error)) {
            configErrorsShown.add(error);
            // Advisory: a config mistake is the admin's to fix, not a reason to fail every preview on an unrelated resource.
            out.push({ message: `invalid policy config: ${error}; the policy runs with the default instead`, level: "advisory" });
        }
    }
    for (const f of evaluation.findings) out.push({ message: f.message, urn: f.urn, level: f.level });
    return out;
}

function emit(p: Policy, evaluation: Evaluation, report: sdk.ReportViolation, notApplicable: (reason?: string) => never): void {
    for (const d of diagnosticsOf(evaluation)) {
        if (!d.level) report(d.message, d.urn);
        // The SDK's object form carries a per-diagnostic level (not in its 1.21 typings); it skips the description prefix.
        else (report as unknown as (o: object) => void)({ message: `${p.description}\n${d.message}`, urn: d.urn, enforcementLevel: d.level });
    }
    if (evaluation.notApplicable) notApplicable(evaluation.notApplicable);
}

function metadata(p: Policy): sdk.Policy {
    return {
        name: p.name,
        displayName: displayNameOf(p.name),
        description: p.description,
        enforcementLevel: p.enforcementLevel,
        severity: p.severity,
        tags: [p.family],
        url: `${POLICY_DOCS_URL}${p.name}.md`,
        ...(p.framework ? { framework: p.framework } : {}),
        remediationSteps: p.remediationSteps,
        configSchema: { properties: configSchemaOf(p) } as sdk.PolicyConfigSchema,
    };
}

function resourcePolicy(p: ResourcePolicy): sdk.ResourceValidationPolicy {
    const policy: sdk.ResourceValidationPolicy = {
        ...metadata(p),
        validateResource: (args, report) => {
            if (!appliesToType(p, args.type)) return;
            const resource = resourceFromArgs(args, rawProps(args.props));
            emit(p, evaluateResource(p, resource, resourceStack(stackOf(args.stackTags), args.urn), settingsOf(p, args)), report, args.notApplicable);
        },
    };
    if (p.fix) {
        policy.remediateResource = (args) => {
            if (!appliesToType(p, args.type)) return undefined;
            const resource = resourceFromArgs(args, unwrapSecrets(args.props) as Props);
            const fix = remediation(p, resource, resourceStack(stackOf(args.stackTags), args.urn), settingsOf(p, args));
            if (!fix) return undefined;
            // Assign in place: the SDK's proxy keeps a replaced secret secret; a copied object would not.
            for (const [key, value] of Object.entries(fix)) (args.props as Record<string, unknown>)[key] = value;
            return args.props;
        };
    }
    return policy;
}

function stackPolicy(p: StackPolicy): sdk.StackValidationPolicy {
    return {
        ...metadata(p),
        validateStack: (args, report) => {
            if (!args.resources.some((r) => appliesToType(p, r.type))) return;
            emit(p, evaluateStacks(p, graphsOf(args.resources, stackOf(args.stackTags)), settingsOf(p, args)), report, args.notApplicable);
        },
    };
}

const sources = new WeakMap<sdk.Policy, Policy>();

export function toSdkPolicy(p: Policy): sdk.ResourceValidationPolicy | sdk.StackValidationPolicy {
    const converted = p.kind === "resource" ? resourcePolicy(p) : stackPolicy(p);
    sources.set(converted, p);
    return converted;
}

/** The policy an SDK policy was made from by toSdkPolicy (undefined for any other policy). */
export function policyOf(p: sdk.Policy): Policy | undefined {
    return sources.get(p);
}
