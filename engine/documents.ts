// Reads what Pulumi writes about a stack into the resources the engine would send a policy pack.
//  - `pulumi preview --json`: a PreviewDigest (pulumi/pulumi sdk/go/common/display/json.go, filled in by
//    pkg/backend/display/json.go ShowPreviewDigest): config, steps[] of {op, urn, provider, oldState, newState, ...},
//    diagnostics, changeSummary. Each state is an apitype.ResourceV3 (sdk/go/common/apitype/core.go) serialized by
//    pkg/resource/stack/deployment.go SerializeResource: unknowns are the string sentinel, secrets the string "[secret]".
//  - `pulumi stack export`: an UntypedDeployment {version: 1-4, features?, deployment: {manifest, resources[]}} whose
//    secrets are {sig, ciphertext} or, with --show-secrets, {sig, plaintext: <JSON text>}.
import { readFileSync, statSync } from "fs";
import { EngineResource, ProviderResource, ResourceOptions, SIG_KEY, SECRET_SIG, UNKNOWN_STRING, secret } from "./client";
import { REDACTED_SECRET, isRecord } from "../lib/values";

const RESOURCE_REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
/** How `pulumi preview --json` blinds a secret (pkg/backend/display/json.go massagePropertyValue). */
export const BLINDED_SECRET = REDACTED_SECRET;
const PROVIDER_TYPE_PREFIX = "pulumi:providers:";

/** What `pulumi stack export` writes and the CLI reads (sdk/pkg/resource/stack/deployment.go: oldest 1, latest 4). */
export const DEPLOYMENT_VERSIONS: readonly number[] = [1, 2, 3, 4];
/** Features a version-4 deployment may declare (deployment.go supportedFeatures); the CLI refuses any other. */
export const DEPLOYMENT_FEATURES: readonly string[] = ["refreshBeforeUpdate", "views", "hooks", "taint"];

/** Steps after which the resource is gone for good (pkg/resource/deploy/step.go op names). */
const GONE_OPS = new Set(["delete", "discard"]);
/** Reads (`.get()` of an existing resource) are in the stack but never registered, so never Analyzed. */
const READ_OPS = new Set(["read", "read-replacement"]);
/** A refresh step shows the stored state ahead of the resource's own step (step_generator.go); it registers nothing. */
const REFRESH_OP = "refresh";
/** The engine gives these steps the old outputs as it applies them (SameStep.Apply), which the JSON may miss (pulumi#9571). */
const OLD_OUTPUTS_OPS = new Set(["same", "read", REFRESH_OP]);

const ENGINE_EVENTS =
    "a stream of Pulumi engine events (`pulumi up --json`, an --event-log file, or `pulumi preview --json` with " +
    "PULUMI_ENABLE_STREAMING_JSON_PREVIEW set), not a preview document; scan `pulumi preview --json` without that variable";

export interface StackDocument {
    format: "preview" | "export";
    stack?: string;
    project?: string;
    /** The export's deployment schema version; undefined for a preview. */
    deploymentVersion?: number;
    /** Stack config as a preview shows it; blinded secrets are left out. */
    config: Record<string, string>;
    /** Config keys whose secret values a preview blinded: the pack runs without them. */
    blindedConfig: string[];
    resources: EngineResource[];
    /** The state each resource was read from, as the document wrote it (index-aligned with resources). */
    states: Record<string, unknown>[];
    warnings: string[];
}

export class DocumentError extends Error {}

type Secrets = "preview" | "export";

/** Stored value to wire value: secrets as envelopes (value unknown when we cannot see it), resource refs as id/URN. */
function wireValue(value: unknown, secrets: Secrets, depth = 0): unknown {
    if (depth > 512) return null;
    if (typeof value === "string") return secrets === "preview" && value === BLINDED_SECRET ? secret(UNKNOWN_STRING) : value;
    if (Array.isArray(value)) return value.map((v) => wireValue(v, secrets, depth + 1));
    if (!isRecord(value)) return value;
    const sig = value[SIG_KEY];
    if (sig === SECRET_SIG) {
        if ("value" in value) return secret(wireValue(value.value, secrets, depth + 1));
        if (typeof value.plaintext === "string") {
            try {
                return secret(wireValue(JSON.parse(value.plaintext) as unknown, secrets, depth + 1));
            } catch {
                return secret(UNKNOWN_STRING);
            }
        }
        return secret(UNKNOWN_STRING);
    }
    // The engine sends analyzers a resource reference as its ID, or a component's (id-less) as its URN (plugin/rpc.go).
    if (sig === RESOURCE_REF_SIG) {
        // An ID not known yet is serialized as "" (resource.ResourceReference.IDString).
        if (typeof value.id === "string") return value.id === "" ? UNKNOWN_STRING : value.id;
        return typeof value.urn === "string" ? value.urn : UNKNOWN_STRING;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = wireValue(v, secrets, depth + 1);
    return out;
}

function props(value: unknown, secrets: Secrets): Record<string, unknown> | undefined {
    if (!isRecord(value)) return undefined;
    return wireValue(value, secrets) as Record<string, unknown>;
}

function strings(value: unknown): string[] | undefined {
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : undefined;
}

function nonEmpty(value: unknown): boolean {
    return isRecord(value) && Object.keys(value).length > 0;
}

/** `urn:pulumi:<stack>::<project>::<type chain>::<name>`. */
export function parseUrn(urn: string): { stack: string; project: string; type: string; name: string } | undefined {
    if (!urn.startsWith("urn:pulumi:")) return undefined;
    const parts = urn.slice("urn:pulumi:".length).split("::");
    if (parts.length < 4) return undefined;
    const chain = parts[2].split("$");
    return { stack: parts[0], project: parts[1], type: chain[chain.length - 1], name: parts.slice(3).join("::") };
}

/** A provider reference is `<provider urn>::<provider id>`. */
function providerUrn(reference: string): string {
    const at = reference.lastIndexOf("::");
    return at > 0 ? reference.slice(0, at) : reference;
}

function optionsOf(state: Record<string, unknown>): ResourceOptions {
    const t = isRecord(state.customTimeouts) ? state.customTimeouts : {};
    const n = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
    return {
        protect: state.protect === true,
        ignoreChanges: strings(state.ignoreChanges),
        additionalSecretOutputs: strings(state.additionalSecretOutputs),
        aliases: strings(state.aliases),
        customTimeouts: { create: n(t.create), update: n(t.update), delete: n(t.delete) },
    };
}

interface Raw {
    state: Record<string, unknown>;
    urn: string;
    type: string;
    providerRef?: string;
    /** Usually state.outputs; a preview step may take them from its old state. */
    outputs: unknown;
    /** Usually state.propertyDependencies; derived for deployments older than version 3. */
    propertyDependencies: unknown;
    stackOnly: boolean;
}

function typeOf(state: Record<string, unknown>, urn: string, where: string): string {
    const type = typeof state.type === "string" && state.type ? state.type : parseUrn(urn)?.type;
    if (!type) throw new DocumentError(`${where} (${urn}) has no type`);
    return type;
}

/** The first non-empty string: a step names its URN and provider in more than one place. */
function firstString(...candidates: unknown[]): string | undefined {
    return candidates.find((c): c is string => typeof c === "string" && c !== "");
}

function toResources(raws: Raw[], secrets: Secrets, warnings: string[]): EngineResource[] {
    const providers = new Map<string, ProviderResource>();
    for (const r of raws) {
        if (!r.type.startsWith(PROVIDER_TYPE_PREFIX)) continue;
        providers.set(r.urn, { type: r.type, name: parseUrn(r.urn)?.name ?? r.urn, urn: r.urn, props: props(r.state.inputs, secrets) ?? {} });
    }
    const missing = new Set<string>();
    const out = raws.map((r): EngineResource => {
        const provider = r.providerRef ? providers.get(providerUrn(r.providerRef)) : undefined;
        if (r.providerRef && !provider) missing.add(providerUrn(r.providerRef));
        const deps = isRecord(r.propertyDependencies) ? r.propertyDependencies : {};
        const outputs = props(r.outputs, secrets);
        return {
            type: r.type,
            name: parseUrn(r.urn)?.name ?? r.urn,
            urn: r.urn,
            props: props(r.state.inputs, secrets) ?? {},
            // In a preview a create has no outputs yet; the provider's preview echoes the inputs, which stand in.
            outputs: outputs && Object.keys(outputs).length > 0 ? outputs : undefined,
            options: optionsOf(r.state),
            provider,
            parent: typeof r.state.parent === "string" && r.state.parent ? r.state.parent : undefined,
            dependencies: strings(r.state.dependencies) ?? [],
            propertyDependencies: Object.fromEntries(Object.entries(deps).map(([k, v]) => [k, strings(v) ?? []])),
            stackOnly: r.stackOnly || undefined,
        };
    });
    for (const m of missing) warnings.push(`provider ${m} is not in the document; its resources are analyzed without provider inputs`);
    return out;
}

function stackAndProject(urns: string[]): { stack?: string; project?: string } {
    const first = urns.map(parseUrn).find((u) => u !== undefined);
    return { stack: first?.stack, project: first?.project };
}

/** The first error diagnostic, up to its stack trace: a preview that reported one failed, and its steps stop there. */
function previewError(diagnostics: unknown): string | undefined {
    const errors = Array.isArray(diagnostics) ? diagnostics.filter((d) => isRecord(d) && d.severity === "error") : [];
    if (errors.length === 0) return undefined;
    const message = (errors[0] as Record<string, unknown>).message;
    const lines = (typeof message === "string" ? message : "").split("\n").map((l) => l.trim());
    const end = lines.findIndex((l) => l.startsWith("at "));
    const text = (end < 0 ? lines : lines.slice(0, end)).filter((l) => l !== "").join(" ").replace(/^error: /, "");
    return `\`pulumi preview\` failed, so its steps are incomplete: ${errors.length} error(s), the first: ${text.slice(0, 300)}`;
}

interface Entry extends Raw {
    op: string;
}

function readPreview(doc: Record<string, unknown>): StackDocument {
    const failed = previewError(doc.diagnostics);
    if (failed) throw new DocumentError(failed);
    // Steps are omitted (omitempty) only when nothing registered at all.
    const steps = doc.steps ?? [];
    if (!Array.isArray(steps)) throw new DocumentError("steps must be an array");
    const warnings: string[] = [];
    // In document order; null marks a refreshed resource the preview then deletes.
    const byUrn = new Map<string, Entry | null>();
    steps.forEach((step: unknown, i) => {
        if (!isRecord(step)) throw new DocumentError(`steps[${i}] is not an object`);
        const op = typeof step.op === "string" ? step.op : "";
        const state = isRecord(step.newState) ? step.newState : undefined;
        const old = isRecord(step.oldState) ? step.oldState : {};
        const urn = firstString(state?.urn, step.urn, old.urn);
        if (!urn) throw new DocumentError(`steps[${i}] has no urn`);
        const known = byUrn.get(urn);
        if (GONE_OPS.has(op)) {
            if (known?.op === REFRESH_OP) byUrn.set(urn, null);
            return;
        }
        if (!state || state.delete === true) return;
        // A replacement shows as several steps for one URN; the engine registered it once. A refresh only stands in.
        if (known && (known.op !== REFRESH_OP || op === REFRESH_OP)) return;
        const outputs = nonEmpty(state.outputs) || !OLD_OUTPUTS_OPS.has(op) ? state.outputs : old.outputs;
        byUrn.set(urn, {
            op,
            state,
            urn,
            type: typeOf(state, urn, `steps[${i}]`),
            providerRef: firstString(state.provider, step.provider),
            outputs,
            propertyDependencies: state.propertyDependencies,
            // Unchanged resources a refresh shows are registered (their `same` step is hidden); external ones are reads.
            stackOnly: READ_OPS.has(op) || (op === REFRESH_OP && state.external === true),
        });
    });
    const raws = [...byUrn.values()].filter((e): e is Entry => e !== null);
    const summary = isRecord(doc.changeSummary) ? doc.changeSummary : {};
    const sames = typeof summary.same === "number" ? summary.same : 0;
    const shown = raws.filter((r) => r.op === "same" || r.op === REFRESH_OP).length;
    if (sames > shown) {
        warnings.push(`${sames - shown} unchanged resource(s) are not in this preview; stack policies see only what is listed (use \`pulumi preview --json --show-sames\`)`);
    }
    const config: Record<string, string> = {};
    const blindedConfig: string[] = [];
    for (const [k, v] of Object.entries(isRecord(doc.config) ? doc.config : {})) {
        if (v === BLINDED_SECRET) blindedConfig.push(k);
        else if (typeof v === "string") config[k] = v;
    }
    const resources = toResources(raws, "preview", warnings);
    return { format: "preview", ...stackAndProject(raws.map((r) => r.urn)), config, blindedConfig, resources, states: raws.map((r) => r.state), warnings };
}

function checkVersion(doc: Record<string, unknown>, version: unknown): number {
    const features = strings(doc.features) ?? [];
    const uses = features.length > 0 ? ` (the document uses features ${features.join(", ")})` : "";
    if (typeof version !== "number" || !DEPLOYMENT_VERSIONS.includes(version)) {
        const shown = version === undefined ? "(none)" : JSON.stringify(version);
        throw new DocumentError(`unsupported stack export deployment version ${shown}; this scanner reads versions ${DEPLOYMENT_VERSIONS.join(", ")}${uses}`);
    }
    // Like the CLI, only version 4 and later declare features that a reader must know.
    const unknown = version >= 4 ? features.filter((f) => !DEPLOYMENT_FEATURES.includes(f)) : [];
    if (unknown.length > 0) {
        throw new DocumentError(`the stack export needs deployment features this scanner does not know: ${unknown.join(", ")} (it knows ${DEPLOYMENT_FEATURES.join(", ")})`);
    }
    return version;
}

function readExport(doc: Record<string, unknown>): StackDocument {
    const wrapped = isRecord(doc.deployment);
    const deployment = wrapped ? (doc.deployment as Record<string, unknown>) : doc;
    // A bare deployment (e.g. `jq .deployment`) has lost its version; it is read as the current one.
    const version = checkVersion(doc, wrapped ? doc.version : 3);
    const list = deployment.resources ?? [];
    if (!Array.isArray(list)) throw new DocumentError("deployment.resources must be an array");
    const raws: Raw[] = [];
    list.forEach((state: unknown, i) => {
        if (!isRecord(state)) throw new DocumentError(`deployment.resources[${i}] is not an object`);
        if (state.delete === true) return;
        const urn = typeof state.urn === "string" && state.urn ? state.urn : undefined;
        if (!urn) throw new DocumentError(`deployment.resources[${i}] has no urn`);
        // Before version 3 the CLI assumes every input depends on all the resource's dependencies (migrate.UpToResourceV3).
        const dependencies = strings(state.dependencies) ?? [];
        const inputs = Object.keys(isRecord(state.inputs) ? state.inputs : {});
        const propertyDependencies = version < 3 ? Object.fromEntries(inputs.map((k) => [k, dependencies])) : state.propertyDependencies;
        const type = typeOf(state, urn, `deployment.resources[${i}]`);
        // Like the engine's snapshot analysis, every resource in the state (external ones too) is analyzed.
        raws.push({ state, urn, type, providerRef: firstString(state.provider), outputs: state.outputs, propertyDependencies, stackOnly: false });
    });
    const warnings: string[] = [];
    const resources = toResources(raws, "export", warnings);
    const states = raws.map((r) => r.state);
    return { format: "export", ...stackAndProject(raws.map((r) => r.urn)), deploymentVersion: version, config: {}, blindedConfig: [], resources, states, warnings };
}

/** One line of an engine event stream (apitype.EngineEvent). */
function isEngineEvent(value: unknown): boolean {
    return isRecord(value) && typeof value.sequence === "number" && typeof value.timestamp === "number";
}

/** A parsed `pulumi preview --json` or `pulumi stack export` document. */
export function readDocument(doc: unknown): StackDocument {
    if (!isRecord(doc)) throw new DocumentError(`a JSON ${Array.isArray(doc) ? "array" : doc === null ? "null" : typeof doc}, not a \`pulumi preview --json\` or \`pulumi stack export\` document`);
    if ("steps" in doc || "changeSummary" in doc || "diagnostics" in doc) return readPreview(doc);
    if (isRecord(doc.checkpoint)) {
        throw new DocumentError("a Pulumi checkpoint file, not a `pulumi stack export` document; run `pulumi stack export --file <file>` and scan that");
    }
    if (isRecord(doc.deployment) || ("manifest" in doc && "resources" in doc)) return readExport(doc);
    if (isEngineEvent(doc)) throw new DocumentError(ENGINE_EVENTS);
    throw new DocumentError("neither a `pulumi preview --json` document (steps[]) nor a `pulumi stack export` document (deployment.resources[])");
}

/** Text of a document file: UTF-8 with or without a BOM, or UTF-16LE with a BOM (what Windows PowerShell 5 redirects to). */
function decode(buffer: Buffer): string {
    if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.toString("utf16le", 2);
    const text = buffer.toString("utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A document file's JSON and size; every failure is a DocumentError that names the file. */
export function readJsonFile(file: string): { json: unknown; bytes: number } {
    let buffer: Buffer;
    try {
        // "-" is standard input (`pulumi preview --json | aws-guardrails scan -`).
        if (file !== "-" && statSync(file).isDirectory()) throw new DocumentError(`${file}: is a directory, not a JSON document`);
        buffer = readFileSync(file === "-" ? 0 : file);
    } catch (e) {
        if (e instanceof DocumentError) throw e;
        const code = (e as NodeJS.ErrnoException).code;
        throw new DocumentError(`${file}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : `cannot read (${code ?? String(e)})`}`);
    }
    const text = decode(buffer);
    if (text.trim() === "") throw new DocumentError(`${file}: empty file, not a \`pulumi preview --json\` or \`pulumi stack export\` document`);
    try {
        return { json: JSON.parse(text) as unknown, bytes: buffer.length };
    } catch (e) {
        let first: unknown;
        try {
            const end = text.indexOf("\n");
            first = JSON.parse(end < 0 ? text : text.slice(0, end)) as unknown;
        } catch {
            // Not one JSON value per line either.
        }
        if (isEngineEvent(first)) throw new DocumentError(`${file}: ${ENGINE_EVENTS}`);
        throw new DocumentError(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
}

/** Reads and parses a document file; `bytes` is its size on disk. */
export function readDocumentFile(file: string): StackDocument & { bytes: number } {
    const { json, bytes } = readJsonFile(file);
    try {
        return { ...readDocument(json), bytes };
    } catch (e) {
        throw e instanceof DocumentError ? new DocumentError(`${file}: ${e.message}`) : e;
    }
}
