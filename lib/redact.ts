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
