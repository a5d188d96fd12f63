// Unknown-safe, throw-free reads over the raw (unproxied) property values a policy sees.
// During preview the engine sends values it cannot know yet as one of these sentinel strings.
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/**
 * What `pulumi policy analyze --file` sends for a secret it cannot decrypt offline, whatever the value's type
 * (and how `pulumi preview --json` blinds one): a value the pack cannot know.
 */
export const REDACTED_SECRET = "[secret]";
/** Strings that stand for a value the pack cannot know: the sentinels and the redacted secret. */
const UNKNOWN_STRINGS: ReadonlySet<string> = new Set([...UNKNOWN_SENTINELS, REDACTED_SECRET]);

/** The signature key and value that mark a secret's envelope on the wire: `{ [SIG_KEY]: SECRET_SIG, value }`. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** The one value every reader returns for "cannot be known during preview". */
export const UNKNOWN: unique symbol = Symbol("unknown");
export type Unknown = typeof UNKNOWN;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Props = Record<string, unknown>;

export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN || (typeof value === "string" && UNKNOWN_STRINGS.has(value));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads a dotted path ("serverSideEncryption.kmsKeyArn", "ingress.0.cidrBlocks"); returns UNKNOWN when any
 * step is unknown, undefined when any step is missing or of the wrong shape. Never throws.
 */
export function get(root: unknown, path: string): unknown {
    let cur: unknown = root;
    for (const key of path.split(".")) {
        if (isUnknown(cur)) return UNKNOWN;
        if (Array.isArray(cur)) {
            const i = Number(key);
            cur = Number.isInteger(i) ? cur[i] : undefined;
        } else if (isRecord(cur)) {
            cur = Object.prototype.hasOwnProperty.call(cur, key) ? cur[key] : undefined;
        } else {
            return undefined;
        }
    }
    return isUnknown(cur) ? UNKNOWN : cur;
}

/** True when the value, or anything nested in it, is unknown. */
export function hasUnknown(value: unknown, depth = 0): boolean {
    if (isUnknown(value)) return true;
    if (depth > 64) return false;
    if (Array.isArray(value)) return value.some((v) => hasUnknown(v, depth + 1));
    if (isRecord(value)) return Object.values(value).some((v) => hasUnknown(v, depth + 1));
    return false;
}

/** Booleans as the provider accepts them: true/false or their string forms. */
export function asBool(value: unknown): boolean | undefined {
    if (value === true || value === "true") return true;
    if (value === false || value === "false") return false;
    return undefined;
}

/** Finite numbers, also from numeric strings (some inputs are typed as strings). */
export function asNumber(value: unknown): number | undefined {
    if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
    if (typeof value === "string" && value.trim() !== "" && !isUnknown(value)) {
        const n = Number(value);
        return Number.isFinite(n) ? n : undefined;
    }
    return undefined;
}

export function asString(value: unknown): string | undefined {
    return typeof value === "string" && !isUnknown(value) ? value : undefined;
}

/** Arrays as arrays; a lone value as a one-element array; absent as empty. */
export function asArray(value: unknown): unknown[] {
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? value : [value];
}

/** JSON documents arrive either as objects or as JSON strings (IAM policies, bucket policies, ...). */
export function parseJsonish(value: unknown): unknown {
    if (typeof value !== "string") return value;
    if (isUnknown(value)) return UNKNOWN;
    try {
        return JSON.parse(value) as unknown;
    } catch {
        return undefined;
    }
}

/** A value set in the program: present and not null. Unknown counts as set. */
export function isSet(value: unknown): boolean {
    return value !== undefined && value !== null && value !== "";
}
