// Reads one input file for the scanner: the JSON, its kind and version, the engine resources (engine/documents.ts
// readDocument), and what that reader leaves aside: each resource's source position and how secrets were written.
import { readFileSync, statSync } from "fs";
import { SECRET_SIG, SIG_KEY } from "../engine/client";
import { DocumentError, StackDocument, readDocument } from "../engine/documents";
import { isRecord } from "../lib/values";
import { SourceLocation, parseSourcePosition } from "./location";

/** Input the scanner cannot use: exit code 2 with this one-line message. */
export class InputError extends Error {}

/** Deployment schema versions `pulumi stack export` has written that this reader understands (apitype DeploymentV1..V3). */
const VERSIONS = [1, 2, 3];
/** How `pulumi preview --json` blinds a secret (pkg/backend/display/json.go massagePropertyValue). */
const BLINDED = "[secret]";
/** Shorter plaintext secrets ("true", "5432") are not scrubbed from output: they would garble ordinary words. */
const MIN_SCRUB = 8;

export interface SecretCounts {
    /** "[secret]" strings of a preview: unknown to the policies. */
    blinded: number;
    /** {ciphertext} envelopes of a plain export: unknown to the policies. */
    encrypted: number;
    /** {plaintext} envelopes of an export made with --show-secrets: evaluated, never printed. */
    plaintext: number;
}

export interface LoadedDocument {
    file: string;
    bytes: number;
    /** The stack export's deployment version; undefined for a preview. */
    deploymentVersion?: number;
    doc: StackDocument;
    /** Source positions by URN, for resources that have one. */
    locations: Map<string, SourceLocation>;
    secrets: SecretCounts;
    /** Plaintext secret strings of the document, kept only to scrub them from every output. */
    secretTexts: Set<string>;
}

function readJson(file: string): { json: unknown; bytes: number } {
    let text: string;
    let bytes: number;
    try {
        if (statSync(file).isDirectory()) throw new InputError(`${file}: is a directory, not a JSON document`);
        text = readFileSync(file, "utf8");
        bytes = Buffer.byteLength(text);
    } catch (e) {
        if (e instanceof InputError) throw e;
        const code = (e as NodeJS.ErrnoException).code;
        throw new InputError(`${file}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : `cannot read (${code ?? String(e)})`}`);
    }
    if (text.trim() === "") throw new InputError(`${file}: empty file, not a \`pulumi preview --json\` or \`pulumi stack export\` document`);
    try {
        return { json: JSON.parse(text) as unknown, bytes };
    } catch (e) {
        throw new InputError(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
}

/** Rejects what readDocument would misread: checkpoints, and export versions other than 1-3 (pkg/resource/stack/deployment.go). */
function checkShape(file: string, json: unknown): { version?: number } {
    if (!isRecord(json)) throw new InputError(`${file}: a JSON ${Array.isArray(json) ? "array" : typeof json}, not a \`pulumi preview --json\` or \`pulumi stack export\` document`);
    if ("steps" in json || "changeSummary" in json) return {};
    if (isRecord(json.checkpoint)) {
        throw new InputError(`${file}: a Pulumi checkpoint file, not a \`pulumi stack export\` document; run \`pulumi stack export --file <file>\` and scan that`);
    }
    if (!isRecord(json.deployment)) return {};
    const v = json.version;
    if (typeof v !== "number" || !VERSIONS.includes(v)) {
        const features = Array.isArray(json.features) ? json.features.filter((f): f is string => typeof f === "string") : [];
        throw new InputError(
            `${file}: unsupported stack export deployment version ${v === undefined ? "(none)" : JSON.stringify(v)}; this scanner reads versions ${VERSIONS.join(", ")}` +
                (features.length > 0 ? ` (the document uses features ${features.join(", ")})` : ""),
        );
    }
    return { version: v };
}

/** The resource states of the document as written (a preview's new states). */
function statesOf(json: Record<string, unknown>, kind: "preview" | "export"): Record<string, unknown>[] {
    if (kind === "preview") {
        const steps = Array.isArray(json.steps) ? json.steps : [];
        return steps.map((s: unknown) => (isRecord(s) && isRecord(s.newState) ? s.newState : undefined)).filter((s): s is Record<string, unknown> => s !== undefined);
    }
    const deployment = isRecord(json.deployment) ? json.deployment : json;
    return (Array.isArray(deployment.resources) ? deployment.resources : []).filter(isRecord);
}

function countSecrets(value: unknown, counts: SecretCounts, texts: Set<string>, depth = 0): void {
    if (depth > 512) return;
    if (typeof value === "string") {
        if (value === BLINDED) counts.blinded++;
        return;
    }
    if (Array.isArray(value)) {
        for (const v of value) countSecrets(v, counts, texts, depth + 1);
        return;
    }
    if (!isRecord(value)) return;
    if (value[SIG_KEY] === SECRET_SIG) {
        if (typeof value.plaintext === "string") {
            counts.plaintext++;
            try {
                collectStrings(JSON.parse(value.plaintext) as unknown, texts, 0);
            } catch {
                // An unparseable plaintext is unknown to the policies (engine/documents.ts); there is nothing to print.
            }
        } else if ("ciphertext" in value) counts.encrypted++;
        else if ("value" in value) collectStrings(value.value, texts, 0);
        return;
    }
    for (const v of Object.values(value)) countSecrets(v, counts, texts, depth + 1);
}

function collectStrings(value: unknown, texts: Set<string>, depth: number): void {
    if (depth > 512) return;
    if (typeof value === "string") {
        if (value.length >= MIN_SCRUB) texts.add(value);
    } else if (Array.isArray(value)) for (const v of value) collectStrings(v, texts, depth + 1);
    else if (isRecord(value)) for (const v of Object.values(value)) collectStrings(v, texts, depth + 1);
}

export function loadDocument(file: string, sourceRoot?: string): LoadedDocument {
    const { json, bytes } = readJson(file);
    const { version } = checkShape(file, json);
    let doc: StackDocument;
    try {
        doc = readDocument(json);
    } catch (e) {
        if (e instanceof DocumentError) throw new InputError(`${file}: ${e.message}`);
        throw e;
    }
    const record = json as Record<string, unknown>;
    const locations = new Map<string, SourceLocation>();
    const secrets: SecretCounts = { blinded: 0, encrypted: 0, plaintext: 0 };
    const secretTexts = new Set<string>();
    for (const state of statesOf(record, doc.format)) {
        const urn = typeof state.urn === "string" ? state.urn : undefined;
        const location = parseSourcePosition(state.sourcePosition, sourceRoot);
        // A replacement lists the URN in several steps; they carry the same registration.
        if (urn && location && !locations.has(urn)) locations.set(urn, location);
        countSecrets(state.inputs, secrets, secretTexts);
        countSecrets(state.outputs, secrets, secretTexts);
    }
    if (doc.format === "preview" && isRecord(record.config)) countSecrets(record.config, secrets, secretTexts);
    return { file, bytes, deploymentVersion: version, doc, locations, secrets, secretTexts };
}
