// The table tester: every policy table of the pack runs through it, and so do a team's own policies
// (`testPolicy` in aws-guardrails/testing). It feeds cases to the policy the way @pulumi/policy 1.21 does:
// properties go over the wire format (unknown sentinels, secret signatures), through the SDK's own deserializer and
// unknown-checking proxy, into the SDK-facing policy object; a read of an unknown value or a throw shows up exactly
// as it would in a real preview.
import * as sdk from "@pulumi/policy";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { Graph } from "../lib/graph";
import { Policy, evaluateResource, evaluateStack } from "../lib/policy";
import { policies as catalog } from "../policies";
import { policyProblems } from "../library/guardrails";
import { Resource } from "../lib/resource";
import { installDeserializeHook, policyOf, resourceOf, toSdkPolicy } from "../lib/sdk";
import { StackInfo } from "../lib/stack";
import { UNKNOWN_STRING, isSecretEnvelope, secret as wireSecret } from "../engine/client";
import { UNKNOWN, isRecord } from "../lib/values";

installDeserializeHook();
const deserialize = require("@pulumi/policy/deserialize") as { deserializeProperties(s: Struct, proxySecrets: boolean): unknown };

export { UNKNOWN };
const SECRET = Symbol("secret");

/** A value the program marked secret: it travels in the secret wire envelope. */
export function secret<T>(value: T): { [SECRET]: T } {
    return { [SECRET]: value };
}

/** The wire form of a case's properties: UNKNOWN becomes the sentinel, secret(x) the signed envelope. */
export function toWire(value: unknown): unknown {
    if (value === UNKNOWN) return UNKNOWN_STRING;
    if (Array.isArray(value)) return value.map(toWire);
    if (isRecord(value)) {
        const rec = value as Record<string | symbol, unknown>;
        if (SECRET in rec) {
            return wireSecret(toWire(rec[SECRET]));
        }
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWire(v);
        return out;
    }
    return value;
}

/** Case properties from their wire form: the sentinel becomes UNKNOWN, the signed envelope secret(x). */
export function fromWireCase(value: unknown): unknown {
    if (value === UNKNOWN_STRING) return UNKNOWN;
    if (Array.isArray(value)) return value.map(fromWireCase);
    if (isRecord(value)) {
        if (isSecretEnvelope(value)) return secret(fromWireCase(value.value));
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromWireCase(v)]));
    }
    return value;
}

/** Every plain value inside secret(...) markers, to prove none of them reaches a message. */
export function secretsIn(value: unknown, inSecret = false, out: string[] = []): string[] {
    if (Array.isArray(value)) value.forEach((v) => secretsIn(v, inSecret, out));
    else if (isRecord(value)) {
        const rec = value as Record<string | symbol, unknown>;
        if (SECRET in rec) secretsIn(rec[SECRET], true, out);
        else Object.values(value).forEach((v) => secretsIn(v, inSecret, out));
    } else if (inSecret && value !== undefined && value !== null && value !== UNKNOWN) out.push(String(value));
    return out;
}

export interface CaseResource {
    type: string;
    name: string;
    props?: Record<string, unknown>;
    /** Input property -> names of the resources its value came from. */
    propertyDependencies?: Record<string, string[]>;
    dependencies?: string[];
    parent?: string;
    protect?: boolean;
    provider?: { type?: string; name?: string; props?: Record<string, unknown> };
}

export interface Case {
    /** What the case shows; the test title. */
    why?: string;
    /** Resource policies: the resource (type defaults to the policy's first type). */
    type?: string;
    name?: string;
    props?: Record<string, unknown>;
    protect?: boolean;
    provider?: CaseResource["provider"];
    /** Stack policies: the whole stack. */
    resources?: CaseResource[];
    config?: Record<string, unknown>;
    stack?: string;
    stackTags?: Record<string, string>;
    env?: Record<string, string | undefined>;
}

export interface InvalidCase extends Case {
    messageId: string;
    /** Exact number of findings (default: at least one). */
    count?: number;
    /** The logical name of the resource the finding must name (stack policies). */
    on?: string;
    /** Substrings the message must contain. */
    includes?: string[];
    /** The diagnostic's own level when an exemption lowers it (default: the policy's level). */
    level?: "advisory";
    /**
     * For a policy with a fix: false when the fix must leave this resource alone (nothing safe to set). Otherwise the
     * fix must set something, and the re-checked resource must draw no finding of the policy.
     */
    fixes?: false;
}

export interface Cases {
    valid: Case[];
    invalid: InvalidCase[];
    /** Cases where the policy reports itself not applicable (e.g. production stacks). */
    notApplicable?: Case[];
}

export interface Diagnostic {
    message: string;
    urn?: string;
    enforcementLevel?: string;
}

export interface Outcome {
    diagnostics: Diagnostic[];
    messageIds: string[];
    notApplicable?: string;
    configErrors: string[];
}

const PROJECT = "test";
export function urnOf(type: string, name: string, stack = "dev"): string {
    return `urn:pulumi:${stack}::${PROJECT}::${type}::${name}`;
}

function withEnv<T>(env: Record<string, string | undefined>, fn: () => T): T {
    const saved: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(env)) {
        saved[k] = process.env[k];
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
    try {
        return fn();
    } finally {
        for (const [k, v] of Object.entries(saved)) {
            if (v === undefined) delete process.env[k];
            else process.env[k] = v;
        }
    }
}

/** Properties as the SDK gives them to a policy: deserialized from the wire, behind the unknown proxy. */
function sdkProps(props: Record<string, unknown> | undefined): Record<string, unknown> {
    const struct = Struct.fromJavaScript(toWire(props ?? {}) as Record<string, never>);
    return sdk.unknownCheckingProxy(deserialize.deserializeProperties(struct, false)) as Record<string, unknown>;
}

function rawOf(props: Record<string, unknown>): Record<string, unknown> {
    return (props as Record<string, unknown>)["__getSpecialProxyTarget"] as Record<string, unknown>;
}

class NotApplicable extends Error {}

/** Runs one case through the SDK path (diagnostics) and the core (message ids), and returns both. */
export function runCase(policy: Policy, c: Case): Outcome {
    const stackName = c.stack ?? "dev";
    const env: Record<string, string | undefined> = { PULUMI_NODEJS_STACK: stackName, PULUMI_NODEJS_PROJECT: PROJECT, ENVIRONMENT_SUFFIX: undefined, ...c.env };
    return withEnv(env, () => {
        const diagnostics: Diagnostic[] = [];
        let notApplicable: string | undefined;
        const report = (message: string | Diagnostic, urn?: string): void => {
            diagnostics.push(typeof message === "string" ? { message, urn } : message);
        };
        const stackTags = new Map(Object.entries(c.stackTags ?? {}));
        const stack: StackInfo = {
            name: stackName,
            project: PROJECT,
            organization: "",
            tags: c.stackTags ?? {},
            environmentSuffix: env.ENVIRONMENT_SUFFIX?.trim() || undefined,
        };
        const common = {
            stackTags,
            getConfig: <T>() => (c.config ?? {}) as T,
            notApplicable: (reason?: string): never => {
                throw new NotApplicable(reason);
            },
        };
        const sdkPolicy = toSdkPolicy(policy);
        const run = (fn: () => void | Promise<void>): void => {
            try {
                const r = fn();
                if (r instanceof Promise) throw new Error("policies must be synchronous");
            } catch (e) {
                if (e instanceof NotApplicable) notApplicable = e.message;
                else if (e instanceof sdk.UnknownValueError) {
                    // What the SDK turns an unknown read into: an advisory "can't run" that hides the check.
                    diagnostics.push({ message: `can't run policy during preview: ${(e as Error).message}`, enforcementLevel: "advisory" });
                } else throw e;
            }
        };
        let evaluation;
        if (policy.kind === "resource") {
            const type = c.type ?? policy.types[0];
            const name = c.name ?? "res";
            const props = sdkProps(c.props);
            const provider = c.provider
                ? { type: c.provider.type ?? "pulumi:providers:aws", name: c.provider.name ?? "default", urn: "urn:provider", props: sdkProps(c.provider.props) }
                : undefined;
            const args: sdk.ResourceValidationArgs = {
                ...common,
                type,
                name,
                urn: urnOf(type, name, stackName),
                props,
                opts: { protect: c.protect ?? false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
                provider,
                isType: () => false,
                asType: () => undefined,
            };
            run(() => (sdkPolicy as { validateResource: sdk.ResourceValidation }).validateResource(args, report as sdk.ReportViolation) as void);
            const resource: Resource = {
                type,
                name,
                urn: args.urn,
                props: rawOf(props),
                opts: { protect: c.protect },
                provider: provider ? { ...provider, props: rawOf(provider.props) } : undefined,
                dependencies: [],
                propertyDependencies: {},
            };
            evaluation = evaluateResource(policy, resource, stack, c.config);
        } else {
            const resources = stackResources(c.resources ?? [], stackName);
            run(() => (sdkPolicy as sdk.StackValidationPolicy).validateStack({ ...common, resources }, report as sdk.ReportViolation) as void);
            const graph = new Graph(resources.map(resourceOf));
            evaluation = evaluateStack(policy, graph, stack, c.config);
        }
        return {
            diagnostics,
            messageIds: evaluation.findings.map((f) => f.messageId),
            notApplicable: notApplicable ?? evaluation.notApplicable,
            configErrors: evaluation.configErrors,
        };
    });
}

/**
 * Runs the policy's remediation the way the SDK's Remediate RPC does (secret-preserving proxies) and returns
 * the properties it would send back to the engine, in wire form; undefined when it changes nothing.
 */
export async function runRemediate(policy: Policy, c: Case): Promise<Record<string, unknown> | undefined> {
    if (policy.kind !== "resource") return undefined;
    const sdkPolicy = toSdkPolicy(policy) as sdk.ResourceValidationPolicy;
    if (!sdkPolicy.remediateResource) return undefined;
    const stackName = c.stack ?? "dev";
    const struct = Struct.fromJavaScript(toWire(c.props ?? {}) as Record<string, never>);
    const props = sdk.unknownCheckingProxy(deserialize.deserializeProperties(struct, true)) as Record<string, unknown>;
    const type = c.type ?? policy.types[0];
    const args = {
        type,
        name: c.name ?? "res",
        urn: urnOf(type, c.name ?? "res", stackName),
        props,
        opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
        stackTags: new Map(Object.entries(c.stackTags ?? {})),
        getConfig: <T>() => (c.config ?? {}) as T,
        notApplicable: (): never => {
            throw new NotApplicable();
        },
        isType: () => false,
        asType: () => undefined,
    };
    const result = await withEnv({ PULUMI_NODEJS_STACK: stackName, ...c.env }, () => sdkPolicy.remediateResource?.(args));
    if (!result) return undefined;
    const serializer = require("@pulumi/policy/deserialize") as { serializeProperties(v: unknown): Promise<Record<string, unknown>> };
    return serializer.serializeProperties(result);
}

/** Stack resources as the SDK builds them: dependencies resolved to resource objects. */
export function stackResources(list: CaseResource[], stackName = "dev"): sdk.PolicyResource[] {
    const byName = new Map<string, sdk.PolicyResource>();
    const out = list.map((r) => {
        const props = sdkProps(r.props);
        const resource: sdk.PolicyResource = {
            type: r.type,
            name: r.name,
            urn: urnOf(r.type, r.name, stackName),
            props,
            opts: { protect: r.protect ?? false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
            dependencies: [],
            propertyDependencies: {},
            provider: r.provider
                ? { type: r.provider.type ?? "pulumi:providers:aws", name: r.provider.name ?? "p", urn: `urn:provider:${r.provider.name ?? "p"}`, props: sdkProps(r.provider.props) }
                : undefined,
            isType: () => false,
            asType: () => undefined,
        };
        byName.set(r.name, resource);
        return resource;
    });
    list.forEach((r, i) => {
        const res = out[i];
        const find = (n: string) => byName.get(n);
        res.dependencies = (r.dependencies ?? []).map(find).filter((d): d is sdk.PolicyResource => !!d);
        for (const [k, names] of Object.entries(r.propertyDependencies ?? {})) {
            res.propertyDependencies[k] = names.map(find).filter((d): d is sdk.PolicyResource => !!d);
            for (const d of res.propertyDependencies[k]) if (!res.dependencies.includes(d)) res.dependencies.push(d);
        }
        if (r.parent) res.parent = find(r.parent);
    });
    return out;
}

function title(c: Case, fallback: string): string {
    return c.why ?? fallback;
}

function assertNoSecrets(c: Case, outcome: Outcome, publicText = ""): void {
    // Short secrets ("true", "80") are only redacted where shown whole; ordinary words may contain them.
    const secrets = [...secretsIn(c.props), ...secretsIn(c.resources), ...secretsIn(c.provider)].filter((s) => s.length >= 6 && !publicText.includes(s));
    for (const d of outcome.diagnostics) {
        for (const s of secrets) expect(d.message).not.toContain(s);
    }
}

/** Runs a policy's valid/invalid tables as jest tests (the pack's own tables; they carry their own unknown, secret and junk cases). */
export function run(policy: Policy, cases: Cases): void {
    describe(policy.name, () => {
        describe("valid", () => {
            cases.valid.forEach((c, i) => {
                test(title(c, `valid #${i + 1}`), () => {
                    const outcome = runCase(policy, c);
                    expect(outcome.diagnostics).toEqual([]);
                    expect(outcome.messageIds).toEqual([]);
                    expect(outcome.notApplicable).toBeUndefined();
                });
            });
        });
        describe("invalid", () => {
            cases.invalid.forEach((c, i) => {
                test(title(c, `invalid #${i + 1}: ${c.messageId}`), () => {
                    const outcome = runCase(policy, c);
                    expect(outcome.messageIds.length).toBeGreaterThan(0);
                    for (const id of outcome.messageIds) expect(id).toBe(c.messageId);
                    if (c.count !== undefined) expect(outcome.messageIds).toHaveLength(c.count);
                    // The SDK path reports exactly what the core found, and never a "can't run".
                    expect(outcome.diagnostics).toHaveLength(outcome.messageIds.length);
                    const resourceName = c.on ?? c.name ?? "res";
                    for (const d of outcome.diagnostics) {
                        expect(d.enforcementLevel).toBe(c.level);
                        expect(d.message).toContain(resourceName);
                        for (const s of c.includes ?? []) expect(d.message).toContain(s);
                    }
                    if (c.resources) {
                        const urns = outcome.diagnostics.map((d) => d.urn);
                        expect(urns.every((u) => u !== undefined && u.endsWith(`::${resourceName}`))).toBe(true);
                    }
                    assertNoSecrets(c, outcome);
                });
            });
        });
        if (policy.kind === "resource" && policy.fix) describeFixes(policy, cases);
        (cases.notApplicable ?? []).forEach((c, i) => {
            test(title(c, `not applicable #${i + 1}`), () => {
                const outcome = runCase(policy, c);
                expect(outcome.notApplicable).toBeTruthy();
                expect(outcome.diagnostics).toEqual([]);
            });
        });
    });
}

/** The `remediate` level: a fix only where the policy finds something, and what it sets really clears the finding. */
function describeFixes(policy: Policy, cases: Cases): void {
    describe("fix", () => {
        cases.valid.forEach((c, i) => {
            test(title(c, `valid #${i + 1}: nothing to fix`), async () => {
                expect(await runRemediate(policy, c)).toBeUndefined();
            });
        });
        cases.invalid.forEach((c, i) => {
            test(title(c, `invalid #${i + 1}: ${c.fixes === false ? "left alone" : "the fix clears the finding"}`), async () => {
                const fixed = await runRemediate(policy, c);
                if (c.fixes === false) return expect(fixed).toBeUndefined();
                expect(fixed).toBeDefined();
                const after = runCase(policy, { ...c, props: fromWireCase(fixed ?? {}) as Record<string, unknown> });
                expect(after.messageIds).toEqual([]);
            });
        });
    });
}

export interface TestPolicyOptions {
    /**
     * Also check, from the table's own cases, what every policy of the pack guarantees (default true): all the
     * properties the cases set made unknown draw no finding; every value made secret keeps the verdict and never shows
     * in a message; odd values (null, numbers, huge strings, empty or nested arrays and objects) never throw.
     */
    robustness?: boolean;
}

/** A policy made with definePolicy, or one guardrails() returned. */
function ownPolicy(given: unknown): Policy {
    const ours = isRecord(given) ? policyOf(given as unknown as sdk.Policy) : undefined;
    if (ours) return ours;
    const problems = policyProblems(given, [...new Set(catalog.map((p) => p.family))]);
    if (problems.length > 0) throw new Error(`testPolicy: the policy ${problems.join("; ")}`);
    return given as Policy;
}

/** Each resource's props in a case, rewritten by `f` (the resource's own for resource policies, every resource's for stack ones). */
function mapProps(c: Case, f: (props: Record<string, unknown>) => Record<string, unknown>): Case {
    return c.resources ? { ...c, resources: c.resources.map((r) => ({ ...r, props: f(r.props ?? {}) })) } : { ...c, props: f(c.props ?? {}) };
}

const JUNK: readonly unknown[] = [null, 0, -1, 1.5, true, "", "x".repeat(5000), [], [null], [[UNKNOWN]], {}, { nested: { deeper: [UNKNOWN, 7] } }];

function assertRuns(outcome: Outcome): void {
    expect(outcome.messageIds).not.toContain("internalError");
    expect(outcome.diagnostics.filter((d) => d.message.startsWith("can't run"))).toEqual([]);
}

function describeRobustness(policy: Policy, cases: Cases): void {
    const all = [...cases.valid, ...cases.invalid];
    const keysOf = (c: Case): string[] => (c.resources ? c.resources.flatMap((r) => Object.keys(r.props ?? {})) : Object.keys(c.props ?? {}));
    const keys = [...new Set(all.flatMap(keysOf))];
    describe("robustness", () => {
        test("every property the cases set, unknown, draws no finding", () => {
            for (const c of all.filter((x) => keysOf(x).length > 0)) {
                const outcome = runCase(policy, mapProps(c, (props) => Object.fromEntries(Object.keys(props).map((k) => [k, UNKNOWN]))));
                expect({ why: c.why, ids: outcome.messageIds, diagnostics: outcome.diagnostics }).toEqual({ why: c.why, ids: [], diagnostics: [] });
            }
        });
        test("every value made secret keeps the verdict and never shows in a message", () => {
            for (const c of cases.invalid) {
                const hidden = mapProps(c, (props) => Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v === UNKNOWN ? v : secret(v)])));
                const outcome = runCase(policy, hidden);
                expect({ why: c.why, ids: outcome.messageIds }).toEqual({ why: c.why, ids: runCase(policy, c).messageIds });
                // A secret equal to a resource name or to words of the policy's own text proves nothing.
                assertNoSecrets(hidden, outcome, [policy.description, ...Object.values(policy.messages), c.name ?? "res", ...(c.resources ?? []).map((r) => r.name)].join("\n"));
            }
        });
        test("odd values in any property never throw", () => {
            for (const c of all.slice(0, 4)) {
                for (const key of keys) for (const junk of JUNK) assertRuns(runCase(policy, mapProps(c, (props) => ({ ...props, [key]: junk }))));
            }
        });
    });
}

/**
 * Runs a policy's table as jest tests, through the same SDK semantics as the pack's own tables: each valid case
 * must draw nothing, each invalid case exactly its messageId (level, count, resource and text as given), a fix must
 * clear what it fixes, and (unless `robustness: false`) unknowns, secrets and odd values are handled as the pack's are.
 */
export function testPolicy(policy: Policy | sdk.Policy, cases: Cases, options: TestPolicyOptions = {}): void {
    const ours = ownPolicy(policy);
    run(ours, cases);
    if (options.robustness !== false) describe(ours.name, () => describeRobustness(ours, cases));
}
