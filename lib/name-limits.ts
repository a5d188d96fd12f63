// The physical-name rules of data/name-limits.json, indexed by type token, for the `names` family policies.
import { readPackagedData } from "./data";
import { isRecord } from "./values";

export type Uniqueness = "partition" | "account" | "region";

export interface NameRule {
    test: RegExp;
    /** true: the name must match `test`; false: it must not. */
    mustMatch: boolean;
    says: string;
}

export interface NameSpec {
    min: number;
    max: number;
    /** Names containing this are other accepted forms (e.g. an ARN) and are not checked. */
    skip?: string;
    /** A smaller maximum when `property` has one of `values`, described by `says`. */
    maxWhen?: { property: string; values: readonly string[]; max: number; says: string };
    rules: readonly NameRule[];
}

export interface NameType {
    what: string;
    /** Types sharing a namespace (Bucket and BucketV2, lb and alb) collide with each other. */
    namespace: string;
    /** Where a second create with the same name fails; undefined when it does not. */
    unique?: Uniqueness;
    caseInsensitive: boolean;
    /** A property that narrows the uniqueness scope (a security group's VPC), and how to say so. */
    within?: { property: string; says: string };
    names: Readonly<Record<string, NameSpec>>;
    /** Prefix property to its longest value: the provider appends a unique part. */
    prefixes: Readonly<Record<string, number>>;
}

const data = readPackagedData<typeof import("../data/name-limits.json")>("name-limits.json", ["asOf", "sources", "generatedSuffixLength", "types"]);

/** The unique part the provider appends to a name prefix (terraform-plugin-sdk helper/id). */
export const GENERATED_SUFFIX_LENGTH: number = data.generatedSuffixLength;
export const NAME_LIMITS_AS_OF: string = data.asOf;

function str(v: unknown, fallback = ""): string {
    return typeof v === "string" ? v : fallback;
}

function num(v: unknown, fallback: number): number {
    return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

function specOf(raw: unknown): NameSpec {
    const r = isRecord(raw) ? raw : {};
    const rules = Array.isArray(r.rules) ? r.rules.filter(isRecord) : [];
    const when = isRecord(r.maxWhen) ? r.maxWhen : undefined;
    return {
        min: num(r.min, 1),
        max: num(r.max, Number.MAX_SAFE_INTEGER),
        skip: typeof r.skip === "string" ? r.skip : undefined,
        maxWhen: when
            ? { property: str(when.property), values: Array.isArray(when.values) ? when.values.map((v) => str(v)) : [], max: num(when.max, Number.MAX_SAFE_INTEGER), says: str(when.says) }
            : undefined,
        rules: rules.map((x) => ({ test: new RegExp(str(x.match ?? x.reject)), mustMatch: typeof x.match === "string", says: str(x.says) })),
    };
}

function typeOf(token: string, raw: Record<string, unknown>): NameType {
    const unique = raw.unique === "partition" || raw.unique === "account" || raw.unique === "region" ? raw.unique : undefined;
    const within = isRecord(raw.within) ? { property: str(raw.within.property), says: str(raw.within.says) } : undefined;
    const names = isRecord(raw.names) ? raw.names : {};
    const prefixes = isRecord(raw.prefixes) ? raw.prefixes : {};
    return {
        what: str(raw.what, "the name"),
        namespace: str(raw.namespace, token),
        unique,
        caseInsensitive: raw.caseInsensitive === true,
        within,
        names: Object.fromEntries(Object.entries(names).map(([k, v]) => [k, specOf(v)])),
        prefixes: Object.fromEntries(Object.entries(prefixes).map(([k, v]) => [k, num(v, Number.MAX_SAFE_INTEGER)])),
    };
}

function index(): ReadonlyMap<string, NameType> {
    const types: Record<string, unknown> = data.types;
    const out = new Map<string, NameType>();
    for (const [token, raw] of Object.entries(types)) {
        if (!isRecord(raw)) continue;
        const base = typeof raw.sameAs === "string" ? types[raw.sameAs] : raw;
        if (isRecord(base)) out.set(token, typeOf(typeof raw.sameAs === "string" ? raw.sameAs : token, base));
    }
    return out;
}

export const NAME_TYPES: ReadonlyMap<string, NameType> = index();
