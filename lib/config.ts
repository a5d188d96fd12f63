// Policy config: JSON-schema subset, defaults, and validation with messages that name policy and field.
// The engine validates config too, but harnesses that skip Configure, or skip validation, must not crash us.
import { didYouMean } from "./suggest";
import { isRecord } from "./values";

export interface Schema {
    type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
    description?: string;
    default?: unknown;
    enum?: readonly (string | number)[];
    minimum?: number;
    maximum?: number;
    minLength?: number;
    pattern?: string;
    format?: "date";
    items?: Schema;
    properties?: Record<string, Schema>;
    required?: readonly string[];
    additionalProperties?: boolean | Schema;
    minItems?: number;
}

export type ConfigSchema = Record<string, Schema>;

function typeOk(schema: Schema, value: unknown): boolean {
    switch (schema.type) {
        case undefined:
            return true;
        case "integer":
            return Number.isInteger(value);
        case "number":
            return typeof value === "number" && Number.isFinite(value);
        case "array":
            return Array.isArray(value);
        case "object":
            return isRecord(value);
        default:
            return typeof value === schema.type;
    }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real day written YYYY-MM-DD: "2027-02-30" is not one (Date.parse would roll it over to March 2). */
function isCalendarDate(value: string): boolean {
    if (!DATE.test(value)) return false;
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** Returns human-readable problems ("minDays must be >= 0, got -1"); empty when valid. */
export function validate(schema: Schema, value: unknown, path: string): string[] {
    if (!typeOk(schema, value)) return [`${path} must be ${article(schema.type)}, got ${describe(value)}`];
    const errors: string[] = [];
    if (schema.enum && !schema.enum.includes(value as string | number)) {
        errors.push(`${path} must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}, got ${describe(value)}`);
    }
    if (typeof value === "number") {
        if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${path} must be >= ${schema.minimum}, got ${value}`);
        if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${path} must be <= ${schema.maximum}, got ${value}`);
    }
    if (typeof value === "string") {
        if (schema.minLength !== undefined && value.length < schema.minLength) {
            errors.push(`${path} must have at least ${schema.minLength} character(s)`);
        }
        const patternOk = schema.pattern === undefined || new RegExp(schema.pattern).test(value);
        if (!patternOk) errors.push(`${path} must match ${schema.pattern}, got ${describe(value)}`);
        // Said once: a string that fails the pattern is not a date either.
        if (patternOk && schema.format === "date" && !isCalendarDate(value)) {
            errors.push(`${path} must be a date written YYYY-MM-DD, got ${describe(value)}`);
        }
    }
    if (Array.isArray(value)) {
        if (schema.minItems !== undefined && value.length < schema.minItems) {
            errors.push(`${path} must have at least ${schema.minItems} item(s)`);
        }
        if (schema.items) value.forEach((v, i) => errors.push(...validate(schema.items as Schema, v, `${path}[${i}]`)));
    }
    if (isRecord(value)) {
        for (const key of schema.required ?? []) {
            if (value[key] === undefined) errors.push(`${path}.${key} is required`);
        }
        for (const [key, v] of Object.entries(value)) {
            const sub = schema.properties?.[key];
            if (sub) errors.push(...validate(sub, v, `${path}.${key}`));
            else if (schema.additionalProperties === false) errors.push(`${path}.${key} is not a known setting${didYouMean(key, Object.keys(schema.properties ?? {}))}`);
            else if (isRecord(schema.additionalProperties)) errors.push(...validate(schema.additionalProperties, v, `${path}.${key}`));
        }
    }
    return errors;
}

function article(type: string | undefined): string {
    return type === "integer" || type === "array" || type === "object" ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
    if (Array.isArray(value)) return "an array";
    if (value === null) return "null";
    if (typeof value === "object") return "an object";
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

export interface ResolvedConfig<C> {
    config: C;
    errors: string[];
}

/**
 * Merges schema defaults under what the engine passed, validating each field. An invalid field falls back
 * to its default so the policy still runs, and the error is reported to the user.
 */
export function resolveConfig<C>(policyName: string, schema: ConfigSchema, given: unknown): ResolvedConfig<C> {
    const out: Record<string, unknown> = {};
    const errors: string[] = [];
    const raw = isRecord(given) ? given : {};
    for (const [key, sub] of Object.entries(schema)) {
        const value = raw[key];
        if (value === undefined || value === null) {
            out[key] = sub.default;
            continue;
        }
        const problems = validate(sub, value, key);
        if (problems.length === 0) out[key] = value;
        else {
            out[key] = sub.default;
            errors.push(...problems.map((p) => `${policyName}: ${p}`));
        }
    }
    for (const key of Object.keys(raw)) {
        if (!(key in schema) && key !== "enforcementLevel") errors.push(`${policyName}: ${key} is not a setting of this policy${didYouMean(key, Object.keys(schema))}`);
    }
    return { config: out as C, errors };
}
