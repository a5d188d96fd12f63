// The version-facts file format: shapes, the one reader check and the one writer, shared by the pack (lib/facts/lists),
// the refresh (lib/facts/refresh) and the generator (tools/gen-data).
import * as fs from "fs";
import * as path from "path";
import { isRecord } from "../values";

export const ENGINE_FILE = "engine-versions.json";
export const RUNTIME_FILE = "lambda-runtimes.json";
/** Folder (inside a data directory) of the per-region lists a refresh writes: regions/<region>.json. */
export const REGIONS_DIR = "regions";

export interface SourceRef {
    repo?: string;
    path?: string;
    commit?: string;
    package?: string;
    /** The AWS CLI call a refreshed list came from. */
    command?: string;
    date?: string;
}

export interface EngineData {
    /** Newest date among the list's sources (for a refreshed list: the day of the refresh). */
    asOf: string;
    /** Short source names for messages; the full references are in `sources`. */
    source: string;
    sources: SourceRef[];
    /** The region the list was taken in; absent when the source is not regional. */
    region?: string;
    /** False when AWS's list mixes deprecated versions in with available ones (no status in the source). */
    deprecationKnown: boolean;
    available: string[];
    /** Versions AWS reports as deprecated (or no longer lists): creation fails. */
    deprecated: string[];
    /** Version -> day from which AWS no longer creates resources on it. */
    endOfSupport: Record<string, string>;
}

export interface EngineFile {
    factsCompiled: string;
    /** Set in a regional file (regions/<region>.json): every list in it is of that region. */
    region?: string;
    engines: Record<string, EngineData>;
}

export interface RuntimeData {
    deprecated?: string;
    blockCreate?: string;
    blockUpdate?: string;
    successor?: string;
}

export interface RuntimeFile {
    factsCompiled: string;
    asOf: string;
    source: string;
    sources: string[];
    runtimes: Record<string, RuntimeData>;
}

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An AWS region name as the CLI takes it (us-east-1, eu-central-2, us-gov-west-1, cn-north-1). */
export const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function isStringArray(v: unknown): v is string[] {
    return Array.isArray(v) && v.every((x) => typeof x === "string");
}

function isDateMap(v: unknown): v is Record<string, string> {
    return isRecord(v) && Object.values(v).every((d) => typeof d === "string" && DATE.test(d));
}

/** Why a parsed engine-versions file (bundled or regional) is unusable, or undefined. */
export function engineFileProblem(json: unknown): string | undefined {
    if (!isRecord(json) || !isRecord(json.engines)) return "it has no `engines` object";
    if (json.region !== undefined && !(typeof json.region === "string" && REGION.test(json.region))) return "its `region` is not an AWS region name";
    for (const [key, e] of Object.entries(json.engines)) {
        if (!isRecord(e)) return `engines.${key} is not an object`;
        if (!isStringArray(e.available) || !isStringArray(e.deprecated)) return `engines.${key} lacks its available/deprecated lists`;
        if (!isDateMap(e.endOfSupport)) return `engines.${key}.endOfSupport is not a map of YYYY-MM-DD dates`;
        if (typeof e.asOf !== "string" || !DATE.test(e.asOf) || typeof e.source !== "string") return `engines.${key} lacks asOf/source`;
    }
    return undefined;
}

export function runtimeFileProblem(json: unknown): string | undefined {
    if (!isRecord(json) || !isRecord(json.runtimes)) return "it has no `runtimes` object";
    if (typeof json.asOf !== "string" || typeof json.source !== "string") return "it lacks asOf/source";
    for (const [id, r] of Object.entries(json.runtimes)) {
        if (!isRecord(r)) return `runtimes.${id} is not an object`;
        for (const k of ["deprecated", "blockCreate", "blockUpdate"]) {
            if (r[k] !== undefined && !(typeof r[k] === "string" && DATE.test(r[k] as string))) return `runtimes.${id}.${k} is not a YYYY-MM-DD date`;
        }
    }
    return undefined;
}

/** The file of one region's refreshed lists inside a data directory. */
export function regionFile(dir: string, region: string): string {
    return path.join(dir, REGIONS_DIR, `${region}.json`);
}

/** JSON with lists and flat objects on one line, so the files stay short and diff well. */
export function format(value: unknown, indent = ""): string {
    const flat = (v: unknown) => v === null || typeof v !== "object";
    if (Array.isArray(value)) {
        if (value.every(flat)) return JSON.stringify(value).replace(/","/g, '", "');
        return `[\n${value.map((v) => `${indent}  ${format(v, `${indent}  `)}`).join(",\n")}\n${indent}]`;
    }
    if (value !== null && typeof value === "object") {
        const entries = Object.entries(value);
        if (entries.length === 0) return "{}";
        if (entries.every(([, v]) => flat(v))) return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(", ")} }`;
        return `{\n${entries.map(([k, v]) => `${indent}  ${JSON.stringify(k)}: ${format(v, `${indent}  `)}`).join(",\n")}\n${indent}}`;
    }
    return JSON.stringify(value);
}

/**
 * Writes every file or none: each goes to a temporary name next to it first, and only when all are written are they
 * renamed into place (a rename within a folder is atomic, so a reader sees the old file or the new one, never half).
 */
export function writeFilesAtomically(files: ReadonlyArray<{ file: string; value: unknown }>): void {
    const staged: { tmp: string; file: string }[] = [];
    try {
        for (const { file, value } of files) {
            fs.mkdirSync(path.dirname(file), { recursive: true });
            const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
            staged.push({ tmp, file });
            fs.writeFileSync(tmp, `${format(value)}\n`);
        }
    } catch (e) {
        for (const s of staged) fs.rmSync(s.tmp, { force: true });
        throw e;
    }
    for (const s of staged) fs.renameSync(s.tmp, s.file);
}
