// The Analyzer protocol as the engine speaks it: wire values (unknown sentinels, secret envelopes), the typed
// shapes of its messages, and their conversion to and from protobuf (pkg/resource/plugin/analyzer_plugin.go).
import * as path from "path";
import type { Empty as EmptyMessage } from "google-protobuf/google/protobuf/empty_pb";
import type { JavaScriptValue, Struct as StructMessage } from "google-protobuf/google/protobuf/struct_pb";
import * as apb from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { SECRET_SIG, SIG_KEY, isRecord } from "../lib/values";

/** The string unknown sentinel: what the engine sends for a value it cannot know during preview. */
export const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export { SECRET_SIG, SIG_KEY };

/** The wire form of a secret value. */
export function secret(value: unknown): Record<string, unknown> {
    return { [SIG_KEY]: SECRET_SIG, value };
}

export function isSecretEnvelope(value: unknown): value is { value: unknown } {
    return isRecord(value) && value[SIG_KEY] === SECRET_SIG;
}

export type EnforcementLevel = "advisory" | "mandatory" | "disabled" | "remediate";
export type Severity = "" | "low" | "medium" | "high" | "critical";

export interface ResourceOptions {
    protect?: boolean;
    ignoreChanges?: string[];
    deleteBeforeReplace?: boolean;
    additionalSecretOutputs?: string[];
    aliases?: string[];
    customTimeouts?: { create?: number; update?: number; delete?: number; read?: number };
}

export interface ProviderResource {
    type: string;
    name: string;
    urn: string;
    /** The provider's inputs (wire form). */
    props: Record<string, unknown>;
}

/** One resource as the engine knows it; property values are wire-form JSON (unknown sentinels, secret envelopes). */
export interface EngineResource {
    type: string;
    name: string;
    urn: string;
    /** Inputs: what Remediate and Analyze receive. */
    props: Record<string, unknown>;
    /** Outputs: what AnalyzeStack receives; the inputs stand in when absent (a create during preview). */
    outputs?: Record<string, unknown>;
    options?: ResourceOptions;
    provider?: ProviderResource;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    /** Read (external) resources: part of AnalyzeStack, never registered, so never Remediated or Analyzed. */
    stackOnly?: boolean;
}

export interface Diagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    message: string;
    enforcementLevel: EnforcementLevel;
    severity: Severity;
    urn: string;
}

export interface NotApplicable {
    policyName: string;
    reason: string;
}

export interface AnalyzeResult {
    diagnostics: Diagnostic[];
    notApplicable: NotApplicable[];
}

export interface Remediation {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    /** The resource's complete properties after the remediation (wire form), if it changed them. */
    properties?: Record<string, unknown>;
    /** Set when the remediation could not run (e.g. an unknown value); the engine shows it as advisory. */
    diagnostic: string;
}

export interface RemediateResult {
    remediations: Remediation[];
    notApplicable: NotApplicable[];
}

export interface PolicyConfigSchema {
    properties: Record<string, unknown>;
    required: string[];
}

export interface PolicyInfo {
    name: string;
    displayName: string;
    description: string;
    message: string;
    enforcementLevel: EnforcementLevel;
    severity: Severity;
    policyType: "resource" | "stack" | "unknown";
    remediationSteps: string;
    url: string;
    tags: string[];
    configSchema?: PolicyConfigSchema;
}

export interface PolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

export type PolicyPackConfig = Record<string, PolicyConfig>;

export interface AnalyzerInfo {
    name: string;
    displayName: string;
    version: string;
    supportsConfig: boolean;
    description: string;
    policies: PolicyInfo[];
    initialConfig: PolicyPackConfig;
}

export const LEVEL_NAMES: Record<number, EnforcementLevel> = { 0: "advisory", 1: "mandatory", 2: "disabled", 3: "remediate" };
export const LEVEL_VALUES: Record<EnforcementLevel, apb.EnforcementLevel> = {
    advisory: apb.EnforcementLevel.ADVISORY,
    mandatory: apb.EnforcementLevel.MANDATORY,
    disabled: apb.EnforcementLevel.DISABLED,
    remediate: apb.EnforcementLevel.REMEDIATE,
};
const SEVERITY_NAMES: Record<number, Severity> = { 0: "", 1: "low", 2: "medium", 3: "high", 4: "critical" };
export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"];

// The generated serializers check `instanceof` against the google-protobuf copy that @pulumi/pulumi/proto loads.
const protoDir = path.dirname(require.resolve("@pulumi/pulumi/proto/analyzer_pb"));
const Struct = (require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [protoDir] })) as {
    Struct: typeof StructMessage;
}).Struct;
export const Empty = (AnalyzerService.getAnalyzerInfo as unknown as { requestType: new () => EmptyMessage }).requestType;

/** A property bag as plain JSON: undefined dropped, and (like the engine's SkipInternalKeys) "__" keys if asked. */
function plain(value: unknown, skipInternal: boolean, depth = 0): JavaScriptValue | undefined {
    if (value === null) return null;
    if (depth > 512) return null;
    switch (typeof value) {
        case "string":
        case "boolean":
            return value;
        case "number":
            return Number.isFinite(value) ? value : null;
        case "object":
            break;
        default:
            return undefined;
    }
    if (Array.isArray(value)) return value.map((v) => plain(v, skipInternal, depth + 1) ?? null);
    const out: Record<string, JavaScriptValue> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (skipInternal && k.startsWith("__")) continue;
        const p = plain(v, skipInternal, depth + 1);
        if (p !== undefined) out[k] = p;
    }
    return out;
}

export function structOf(props: Record<string, unknown> | undefined, skipInternal: boolean): StructMessage {
    const p = plain(props ?? {}, skipInternal);
    return Struct.fromJavaScript(isRecord(p) ? (p as Record<string, JavaScriptValue>) : {});
}

export function fromStruct(s: StructMessage | undefined): Record<string, unknown> {
    return s ? (s.toJavaScript() as Record<string, unknown>) : {};
}

function optionsOf(r: EngineResource): apb.AnalyzerResourceOptions {
    const o = r.options ?? {};
    const opts = new apb.AnalyzerResourceOptions();
    opts.setProtect(o.protect === true);
    opts.setIgnorechangesList(o.ignoreChanges ?? []);
    opts.setDeletebeforereplace(o.deleteBeforeReplace === true);
    opts.setDeletebeforereplacedefined(o.deleteBeforeReplace !== undefined);
    opts.setAdditionalsecretoutputsList(o.additionalSecretOutputs ?? []);
    opts.setAliasesList(o.aliases ?? []);
    // The engine always sends customTimeouts (zero = not set).
    const t = new apb.AnalyzerResourceOptions.CustomTimeouts();
    t.setCreate(o.customTimeouts?.create ?? 0);
    t.setUpdate(o.customTimeouts?.update ?? 0);
    t.setDelete(o.customTimeouts?.delete ?? 0);
    t.setRead(o.customTimeouts?.read ?? 0);
    opts.setCustomtimeouts(t);
    opts.setParent(r.parent ?? "");
    return opts;
}

function providerOf(p: ProviderResource): apb.AnalyzerProviderResource {
    const out = new apb.AnalyzerProviderResource();
    out.setType(p.type);
    out.setName(p.name);
    out.setUrn(p.urn);
    out.setProperties(structOf(p.props, true));
    return out;
}

/** Analyze skips internal ("__") keys; Remediate keeps them (pulumi/pulumi analyzer_plugin.go). */
export function analyzeRequest(r: EngineResource, skipInternal: boolean): apb.AnalyzeRequest {
    const req = new apb.AnalyzeRequest();
    req.setType(r.type);
    req.setName(r.name);
    req.setUrn(r.urn);
    req.setProperties(structOf(r.props, skipInternal));
    req.setOptions(optionsOf(r));
    if (r.provider) req.setProvider(providerOf(r.provider));
    return req;
}

export function stackResource(r: EngineResource): apb.AnalyzerResource {
    const out = new apb.AnalyzerResource();
    out.setType(r.type);
    out.setName(r.name);
    out.setUrn(r.urn);
    out.setProperties(structOf(r.outputs ?? r.props, true));
    out.setOptions(optionsOf(r));
    if (r.provider) out.setProvider(providerOf(r.provider));
    out.setParent(r.parent ?? "");
    out.setDependenciesList(r.dependencies ?? []);
    const deps = out.getPropertydependenciesMap();
    for (const [key, urns] of Object.entries(r.propertyDependencies ?? {})) {
        // The engine omits properties that depend on nothing.
        if (urns.length === 0) continue;
        const d = new apb.AnalyzerPropertyDependencies();
        d.setUrnsList(urns);
        deps.set(key, d);
    }
    return out;
}

export function diagnosticOf(d: apb.AnalyzeDiagnostic): Diagnostic {
    return {
        policyName: d.getPolicyname(),
        policyPackName: d.getPolicypackname(),
        policyPackVersion: d.getPolicypackversion(),
        description: d.getDescription(),
        message: d.getMessage(),
        enforcementLevel: LEVEL_NAMES[d.getEnforcementlevel()] ?? "advisory",
        severity: SEVERITY_NAMES[d.getSeverity()] ?? "",
        urn: d.getUrn(),
    };
}

export function notApplicableOf(list: apb.PolicyNotApplicable[]): NotApplicable[] {
    return list.map((n) => ({ policyName: n.getPolicyName(), reason: n.getReason() }));
}

export function policyInfoOf(p: apb.PolicyInfo): PolicyInfo {
    const schema = p.getConfigschema();
    const type = p.getPolicyType();
    return {
        name: p.getName(),
        displayName: p.getDisplayname(),
        description: p.getDescription(),
        message: p.getMessage(),
        enforcementLevel: LEVEL_NAMES[p.getEnforcementlevel()] ?? "advisory",
        severity: SEVERITY_NAMES[p.getSeverity()] ?? "",
        policyType: type === apb.PolicyType.POLICY_TYPE_RESOURCE ? "resource" : type === apb.PolicyType.POLICY_TYPE_STACK ? "stack" : "unknown",
        remediationSteps: p.getRemediationSteps(),
        url: p.getUrl(),
        tags: p.getTagsList(),
        configSchema: schema ? { properties: fromStruct(schema.getProperties()), required: schema.getRequiredList() } : undefined,
    };
}
