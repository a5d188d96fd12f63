// The AWS fact files in data/: one synchronous read each, and an error that names the file instead of a stack trace.
import * as fs from "fs";
import * as path from "path";
import { isRecord } from "./values";

/** The data/ folder shipped with the pack (next to bin/). */
export const PACKAGED_DATA_DIR = path.join(__dirname, "..", "..", "data");

export type Loaded<T> = { ok: true; data: T } | { ok: false; problem: string };

/** Thrown at start-up when a fact file the pack cannot run without is missing or corrupt. */
export class DataFileError extends Error {}

/** Reads and checks one JSON file; never throws. */
export function parseDataFile<T>(file: string, problemOf: (json: unknown) => string | undefined): Loaded<T> {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        const code = isRecord(e) && typeof e.code === "string" ? e.code : "unreadable";
        return { ok: false, problem: `the data file ${file} cannot be read (${code})` };
    }
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch {
        return { ok: false, problem: `the data file ${file} is corrupt (not valid JSON)` };
    }
    const problem = problemOf(json);
    return problem ? { ok: false, problem: `the data file ${file} is corrupt (${problem})` } : { ok: true, data: json as T };
}

/**
 * A fact file the policies' metadata is built from (config defaults, type lists), read when the pack loads: a missing
 * or corrupt one throws a DataFileError naming the file and the keys it lacks.
 */
export function readPackagedData<T>(name: string, keys: readonly string[]): T {
    const loaded = parseDataFile<T>(path.join(PACKAGED_DATA_DIR, name), (json) => {
        if (!isRecord(json)) return "not a JSON object";
        const missing = keys.filter((k) => json[k] === undefined || json[k] === null);
        return missing.length > 0 ? `it lacks ${missing.join(", ")}` : undefined;
    });
    if (!loaded.ok) throw new DataFileError(`aws-guardrails cannot start: ${loaded.problem}; reinstall the package or restore the file from its repository.`);
    return loaded.data;
}
