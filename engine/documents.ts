// Reads what Pulumi writes about a stack into the resources the engine would send a policy pack.
//  - `pulumi preview --json`: a PreviewDigest (pulumi/pulumi sdk/go/common/display/json.go, filled in by
//    pkg/backend/display/json.go ShowPreviewDigest): steps[] of {op, urn, provider, oldState, newState, ...} where
//    each state is an apitype.ResourceV3 (sdk/go/common/apitype/core.go) serialized by pkg/resource/stack/deployment.go
//    SerializeResource: unknowns are the string sentinel, and secrets are blinded to the string "[secret]".
//  - `pulumi stack export`: an UntypedDeployment {version: 3, deployment: DeploymentV3 {manifest, resources[]}} whose
//    secrets are {sig, ciphertext} or, with --show-secrets, {sig, plaintext: <JSON text>}.
import { readFileSync } from "fs";
import { EngineResource, ProviderResource, ResourceOptions, SIG_KEY, SECRET_SIG, UNKNOWN_STRING, secret } from "./client";
import { isRecord } from "../lib/values";

const RESOURCE_REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
/** How `pulumi preview --json` blinds a secret (pkg/backend/display/json.go massagePropertyValue). */
const BLINDED_SECRET = "[secret]";
const PROVIDER_TYPE_PREFIX = "pulumi:providers:";

/** Steps whose resource is gone at the end of the operation (pkg/resource/deploy/step.go op names). */
const DELETE_OPS = new Set(["delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace"]);
/** Reads (`.get()` of an existing resource) are in the stack but never registered, so never Analyzed. */
const READ_OPS = new Set(["read", "read-replacement"]);

export interface StackDocument {
    format: "preview" | "export";
    stack?: string;
    project?: string;
    /** Stack config as a preview shows it; blinded secrets are left out. */
    config: Record<string, string>;
    resources: EngineResource[];
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
    // The engine sends analyzers resource references as their ID (custom resources) or URN (KeepResources: false).
    if (sig === RESOURCE_REF_SIG) {
        if (typeof value.id === "string" && value.id !== "") return value.id;
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
    stackOnly: boolean;
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
        const deps = isRecord(r.state.propertyDependencies) ? r.state.propertyDependencies : {};
        const outputs = props(r.state.outputs, secrets);
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

function readPreview(doc: Record<string, unknown>): StackDocument {
    if (!Array.isArray(doc.steps)) throw new DocumentError("steps must be an array");
    const warnings: string[] = [];
    const raws: Raw[] = [];
    const seen = new Set<string>();
    doc.steps.forEach((step: unknown, i) => {
        if (!isRecord(step)) throw new DocumentError(`steps[${i}] is not an object`);
        const op = typeof step.op === "string" ? step.op : "";
        const state = step.newState;
        if (DELETE_OPS.has(op) || !isRecord(state) || state.delete === true) return;
        const urn = typeof state.urn === "string" ? state.urn : typeof step.urn === "string" ? step.urn : undefined;
        if (!urn) throw new DocumentError(`steps[${i}] has no urn`);
        // A replacement can show as several steps for one URN; the engine registered it once.
        if (seen.has(urn)) return;
        seen.add(urn);
        const type = typeof state.type === "string" ? state.type : parseUrn(urn)?.type;
        if (!type) throw new DocumentError(`steps[${i}] (${urn}) has no type`);
        const providerRef = typeof state.provider === "string" && state.provider ? state.provider : typeof step.provider === "string" && step.provider ? step.provider : undefined;
        raws.push({ state, urn, type, providerRef, stackOnly: READ_OPS.has(op) });
    });
    const summary = isRecord(doc.changeSummary) ? doc.changeSummary : {};
    const sames = typeof summary.same === "number" ? summary.same : 0;
    const shownSames = doc.steps.filter((s: unknown) => isRecord(s) && s.op === "same").length;
    if (sames > shownSames) {
        warnings.push(`${sames - shownSames} unchanged resource(s) are not in this preview; stack policies see only what is listed (use \`pulumi preview --json --show-sames\`)`);
    }
    const config: Record<string, string> = {};
    if (isRecord(doc.config)) for (const [k, v] of Object.entries(doc.config)) if (typeof v === "string" && v !== BLINDED_SECRET) config[k] = v;
    return { format: "preview", ...stackAndProject(raws.map((r) => r.urn)), config, resources: toResources(raws, "preview", warnings), warnings };
}

function readExport(doc: Record<string, unknown>): StackDocument {
    const deployment = isRecord(doc.deployment) ? doc.deployment : doc;
    const version = typeof doc.version === "number" ? doc.version : 3;
    if (version > 3) throw new DocumentError(`deployment version ${version} is newer than this reader knows (3)`);
    const list = deployment.resources ?? [];
    if (!Array.isArray(list)) throw new DocumentError("deployment.resources must be an array");
    const raws: Raw[] = [];
    list.forEach((state: unknown, i) => {
        if (!isRecord(state)) throw new DocumentError(`deployment.resources[${i}] is not an object`);
        if (state.delete === true) return;
        const urn = typeof state.urn === "string" ? state.urn : undefined;
        if (!urn) throw new DocumentError(`deployment.resources[${i}] has no urn`);
        const type = typeof state.type === "string" ? state.type : parseUrn(urn)?.type;
        if (!type) throw new DocumentError(`deployment.resources[${i}] (${urn}) has no type`);
        // Like the engine's snapshot analysis, every resource in the state (external ones too) is analyzed.
        raws.push({ state, urn, type, providerRef: typeof state.provider === "string" && state.provider ? state.provider : undefined, stackOnly: false });
    });
    const warnings: string[] = [];
    return { format: "export", ...stackAndProject(raws.map((r) => r.urn)), config: {}, resources: toResources(raws, "export", warnings), warnings };
}

/** A parsed `pulumi preview --json` or `pulumi stack export` document. */
export function readDocument(doc: unknown): StackDocument {
    if (!isRecord(doc)) throw new DocumentError("not a JSON object");
    if ("steps" in doc || "changeSummary" in doc) return readPreview(doc);
    if (isRecord(doc.deployment) || ("manifest" in doc && "resources" in doc)) return readExport(doc);
    throw new DocumentError("neither a `pulumi preview --json` document (steps[]) nor a `pulumi stack export` document (deployment.resources[])");
}

export function readDocumentFile(file: string): StackDocument {
    let text: string;
    try {
        text = readFileSync(file, "utf8");
    } catch (e) {
        throw new DocumentError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    let json: unknown;
    try {
        json = JSON.parse(text) as unknown;
    } catch (e) {
        throw new DocumentError(`${file}: not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
        return readDocument(json);
    } catch (e) {
        throw e instanceof DocumentError ? new DocumentError(`${file}: ${e.message}`) : e;
    }
}
