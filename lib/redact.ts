// Every value that reaches a message goes through show(): secret values never leave the pack.
import { isRecord, isUnknown } from "./values";

const secretValues = new Set<string>();
// Short secrets would redact ordinary words and digits if matched inside longer text.
const MIN_SUBSTRING_SECRET = 6;

/**
 * Records the strings (and long numbers) inside a value the engine marked secret. Booleans and short numbers
 * are not recorded: the set is process-wide, and redacting every "true" or "5" would garble other messages.
 */
export function noteSecret(value: unknown, depth = 0): void {
    if (depth > 64 || value === null || value === undefined) return;
    if (Array.isArray(value)) {
        for (const v of value) noteSecret(v, depth + 1);
    } else if (isRecord(value)) {
        for (const v of Object.values(value)) noteSecret(v, depth + 1);
    } else if (typeof value === "string" && !isUnknown(value) && value !== "true" && value !== "false") {
        secretValues.add(value);
    } else if (typeof value === "number" && Math.abs(value) >= 1000) {
        secretValues.add(String(value));
    }
}

// Per resource: every primitive inside a value the engine marked secret, however short, as text. A message about that
// resource never shows one; the process-wide set above cannot hold short values without garbling every message.
const leavesByRoot = new WeakMap<object, Set<string>>();

function collectLeaves(value: unknown, out: Set<string>, depth = 0): void {
    if (depth > 64 || value === null || value === undefined || isUnknown(value)) return;
    if (Array.isArray(value)) value.forEach((v) => collectLeaves(v, out, depth + 1));
    else if (isRecord(value)) Object.values(value).forEach((v) => collectLeaves(v, out, depth + 1));
    else {
        out.add(String(value));
        // A secret JSON document (an IAM policy, a task definition) hides its parts too.
        if (typeof value === "string" && /^\s*[[{]/.test(value)) {
            try {
                collectLeaves(JSON.parse(value) as unknown, out, depth + 1);
            } catch {
                // Not JSON: the whole string is the secret.
            }
        }
    }
}

/** Remembers the secret values found while building `root` (a resource's properties). */
export function rememberSecrets(root: object, secrets: readonly unknown[]): void {
    if (secrets.length === 0) return;
    const leaves = leavesByRoot.get(root) ?? new Set<string>();
    for (const s of secrets) collectLeaves(s, leaves);
    leavesByRoot.set(root, leaves);
}

/** The secret values under `root`, as text; empty when it held none. */
export function secretLeavesOf(root: unknown): ReadonlySet<string> {
    return (isRecord(root) && leavesByRoot.get(root)) || new Set<string>();
}

/** A copy of a resource's properties (e.g. after a remediation) keeps what its original knew to be secret. */
export function carrySecrets(from: unknown, to: object): void {
    const leaves = isRecord(from) ? leavesByRoot.get(from) : undefined;
    if (leaves) leavesByRoot.set(to, leaves);
}

// Where a policy joins values into one string ("HTTP:80", "s3:GetObject, s3:*"), each part counts on its own.
const PARTS = /[\s,;=()"'[\]{}]+|:(?=\d)/;

/** True when the value, any primitive inside it, or any part of a string in it, is one of `leaves`. */
export function mentionsSecret(value: unknown, leaves: ReadonlySet<string>, depth = 0): boolean {
    if (leaves.size === 0 || depth > 64 || value === null || value === undefined) return false;
    if (Array.isArray(value)) return value.some((v) => mentionsSecret(v, leaves, depth + 1));
    if (isRecord(value)) return Object.values(value).some((v) => mentionsSecret(v, leaves, depth + 1));
    const text = String(value);
    return leaves.has(text) || (typeof value === "string" && text.split(PARTS).some((part) => leaves.has(part)));
}

// Property names whose values are credentials whether or not the program marked them secret.
const SECRET_NAME = /(password|passwd|secret|token|credential|private.?key|api.?key|access.?key|auth)/i;

export function isSecretName(property: string): boolean {
    return SECRET_NAME.test(property);
}

/** True when the text is, or contains, a value the engine marked secret. */
export function isSecretText(text: string): boolean {
    if (secretValues.has(text)) return true;
    for (const s of secretValues) {
        if (s.length >= MIN_SUBSTRING_SECRET && text.includes(s)) return true;
    }
    return false;
}

const MAX_SHOWN = 120;

/** Renders a value for a message: quoted, truncated, and "[secret]" for anything secret. */
export function show(value: unknown, property = ""): string {
    if (isUnknown(value)) return "(unknown until deploy)";
    if (value === undefined) return "not set";
    let text: string;
    try {
        text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
    } catch {
        text = String(value);
    }
    if (isSecretName(property) || isSecretText(typeof value === "string" ? value : text)) return "[secret]";
    return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** Last line of defence over a finished message. */
export function scrub(message: string): string {
    let out = message;
    for (const s of secretValues) {
        if (s.length >= MIN_SUBSTRING_SECRET && out.includes(s)) out = out.split(s).join("[secret]");
    }
    return out;
}
