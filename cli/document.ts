// Reads one input file for the scanner: the engine resources (engine/documents.ts readDocumentFile), and what the
// scanner adds from the states they were read from: each resource's source position and how secrets were written.
import { SECRET_SIG, SIG_KEY } from "../engine/client";
import { BLINDED_SECRET, StackDocument, readDocumentFile } from "../engine/documents";
import { isRecord } from "../lib/values";
import { SourceLocation, parseSourcePosition } from "./location";

/** Input the scanner cannot use: exit code 2 with this one-line message. */
export class InputError extends Error {}

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
    doc: StackDocument;
    /** Source positions by URN, for resources that have one. */
    locations: Map<string, SourceLocation>;
    secrets: SecretCounts;
    /** Plaintext secret strings of the document, kept only to scrub them from every output. */
    secretTexts: Set<string>;
}

function countSecrets(value: unknown, counts: SecretCounts, texts: Set<string>, depth = 0): void {
    if (depth > 512) return;
    if (typeof value === "string") {
        if (value === BLINDED_SECRET) counts.blinded++;
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
    const { bytes, ...doc } = readDocumentFile(file);
    const locations = new Map<string, SourceLocation>();
    const secrets: SecretCounts = { blinded: 0, encrypted: 0, plaintext: 0 };
    const secretTexts = new Set<string>();
    doc.states.forEach((state, i) => {
        const location = parseSourcePosition(state.sourcePosition, sourceRoot);
        if (location) locations.set(doc.resources[i].urn, location);
        countSecrets(state.inputs, secrets, secretTexts);
        countSecrets(state.outputs, secrets, secretTexts);
    });
    secrets.blinded += doc.blindedConfig.length;
    return { file, bytes, doc, locations, secrets, secretTexts };
}
