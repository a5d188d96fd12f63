// `aws-guardrails facts refresh`: turns the team's own AWS CLI output into one region's version lists, replacing that
// region's lists of the engines the output covers and keeping everything else. All files are checked before any is
// written, and the writes are all-or-nothing.
import * as fs from "fs";
import * as path from "path";
import { PACKAGED_DATA_DIR, parseDataFile } from "../data";
import { isRecord } from "../values";
import { compareVersions } from "../versions";
import { ENGINE_FILE, EngineData, EngineFile, RUNTIME_FILE, engineFileProblem, regionFile, writeFilesAtomically } from "./format";
import { KINDS, Kind, ListedVersion } from "./kinds";

/** A refresh that cannot go ahead; the message is one line naming the file. */
export class RefreshError extends Error {}

/** The lists one AWS CLI output holds, by engine key. */
export interface ReadOutput {
    file: string;
    kind: Kind;
    command: string;
    pages: number;
    lists: Map<string, ListedVersion[]>;
}

/** The top-level JSON values of a text: one document, or pages written one after another. */
export function jsonValues(text: string): unknown[] | string {
    const values: unknown[] = [];
    let i = 0;
    while (i < text.length) {
        while (i < text.length && /\s/.test(text[i])) i++;
        if (i >= text.length) break;
        if (text[i] !== "{" && text[i] !== "[") return `it is not JSON output (unexpected ${JSON.stringify(text[i])} at offset ${i})`;
        const start = i;
        let depth = 0;
        let inString = false;
        for (; i < text.length; i++) {
            const c = text[i];
            if (inString) {
                if (c === "\\") i++;
                else if (c === '"') inString = false;
            } else if (c === '"') inString = true;
            else if (c === "{" || c === "[") depth++;
            else if ((c === "}" || c === "]") && --depth === 0) break;
        }
        if (depth !== 0 || i >= text.length) return "it is truncated (the JSON ends before it is complete)";
        i++;
        try {
            values.push(JSON.parse(text.slice(start, i)));
        } catch (e) {
            return `it is not valid JSON (${e instanceof Error ? e.message : String(e)})`;
        }
    }
    return values.length > 0 ? values : "it is empty";
}

const TOKENS = ["NextToken", "nextToken", "Marker"];

function kindOf(page: Record<string, unknown>): Kind | undefined {
    return KINDS.find((k) => Array.isArray(page[k.member]));
}

/** Reads one AWS CLI output: a response, pages one after another, or a JSON list of pages. Never throws. */
export function readOutput(file: string, text: string): ReadOutput | string {
    const values = jsonValues(text);
    if (typeof values === "string") return values;
    const pages = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
    if (!pages.every(isRecord)) return "it is not the output of a supported AWS CLI call (a page is not a JSON object)";
    const kinds = new Set(pages.map(kindOf));
    const [kind] = kinds;
    if (kind === undefined || kinds.size !== 1) {
        const members = KINDS.map((k) => k.member).join(", ");
        return kinds.size > 1 ? "it mixes the outputs of different AWS CLI calls" : `it is not the output of a supported AWS CLI call (no ${members} list)`;
    }
    // The CLI merges pages itself; a token on the last page means the output stops part-way (--max-items, --no-paginate).
    const last = pages[pages.length - 1];
    if (TOKENS.some((t) => typeof last[t] === "string" && last[t] !== "")) {
        return "it holds only part of the list (its last page has a pagination token): rerun the command without --max-items/--no-paginate";
    }
    const lists = new Map<string, ListedVersion[]>();
    for (const page of pages) {
        for (const item of page[kind.member] as unknown[]) {
            const read = kind.read(item);
            if (typeof read === "string") return `${read} in ${kind.member}`;
            const list = lists.get(read.key) ?? [];
            list.push(read.listed);
            lists.set(read.key, list);
        }
    }
    const keys = [...lists.keys()];
    // docdb and neptune answer with the RDS shape; name the call that made this output.
    const command = kind.id === "rds" && keys.length > 0 && keys.every((k) => k === "docdb" || k === "neptune") && new Set(keys).size === 1 ? `aws ${keys[0]} describe-db-engine-versions` : kind.command;
    return { file, kind, command, pages: pages.length, lists };
}

/** One list: a version is deprecated only if every page that lists it says so; the earliest end date counts. */
function engineData(listed: ListedVersion[], command: string, region: string, asOf: string): EngineData {
    const byVersion = new Map<string, ListedVersion>();
    for (const l of listed) {
        const seen = byVersion.get(l.version);
        const end = [seen?.end, l.end].filter((d): d is string => d !== undefined).sort()[0];
        byVersion.set(l.version, { version: l.version, deprecated: (seen?.deprecated ?? true) && l.deprecated, ...(end ? { end } : {}) });
    }
    const all = [...byVersion.values()].sort((a, b) => compareVersions(a.version, b.version));
    return {
        asOf,
        source: command,
        sources: [{ command: `${command} --region ${region}`, date: asOf }],
        region,
        deprecationKnown: true,
        available: all.filter((v) => !v.deprecated && v.end === undefined).map((v) => v.version),
        deprecated: all.filter((v) => v.deprecated).map((v) => v.version),
        endOfSupport: Object.fromEntries(all.filter((v) => !v.deprecated && v.end !== undefined).map((v) => [v.version, v.end as string])),
    };
}

export interface ListChange {
    key: string;
    /** What the new list replaced: "eu-west-1 refresh of 2026-11-02" or "the bundled us-east-1 list of 2026-08-13". */
    was: string;
    available: number;
    deprecated: number;
    newlyDeprecated: string[];
    newlyAvailable: string[];
    gone: string[];
}

export interface RefreshResult {
    region: string;
    asOf: string;
    written: string[];
    inputs: { file: string; command: string; pages: number; versions: number; engines: string[] }[];
    changes: ListChange[];
    /** Inputs whose list was empty: nothing was recorded from them. */
    empty: string[];
}

export interface RefreshOptions {
    files: readonly string[];
    region: string;
    /** The data directory to write (regions/<region>.json inside it). */
    out: string;
    asOf: string;
}

function usableNow(d: EngineData, asOf: string): Set<string> {
    return new Set([...d.available, ...Object.entries(d.endOfSupport).filter(([, end]) => end > asOf).map(([v]) => v)]);
}

function listed(d: EngineData): Set<string> {
    return new Set([...d.available, ...d.deprecated, ...Object.keys(d.endOfSupport)]);
}

function compare(key: string, was: string, before: EngineData | undefined, after: EngineData, asOf: string): ListChange {
    const sorted = (s: Iterable<string>) => [...s].sort(compareVersions);
    const nowUsable = usableNow(after, asOf);
    const nowListed = listed(after);
    const beforeUsable = before ? usableNow(before, asOf) : new Set<string>();
    return {
        key,
        was,
        available: nowUsable.size,
        deprecated: nowListed.size - nowUsable.size,
        newlyDeprecated: before ? sorted([...beforeUsable].filter((v) => nowListed.has(v) && !nowUsable.has(v))) : [],
        newlyAvailable: sorted([...nowUsable].filter((v) => !beforeUsable.has(v))),
        gone: before ? sorted([...listed(before)].filter((v) => !nowListed.has(v))) : [],
    };
}

function readEngineFile(file: string): EngineFile | undefined {
    if (!fs.existsSync(file)) return undefined;
    const loaded = parseDataFile<EngineFile>(file, engineFileProblem);
    if (!loaded.ok) throw new RefreshError(`${loaded.problem}; fix or delete it, then refresh again`);
    return loaded.data;
}

/** Reads every input, then writes the region's lists; throws RefreshError (nothing written) on any bad input. */
export function refresh(opts: RefreshOptions): RefreshResult {
    const outputs: ReadOutput[] = [];
    for (const file of opts.files) {
        let text: string;
        try {
            text = fs.readFileSync(file, "utf8");
        } catch (e) {
            throw new RefreshError(`${file}: cannot be read (${isRecord(e) && typeof e.code === "string" ? e.code : String(e)})`);
        }
        const read = readOutput(file, text);
        if (typeof read === "string") throw new RefreshError(`${file}: ${read}`);
        outputs.push(read);
    }
    const merged = new Map<string, { command: string; listed: ListedVersion[] }>();
    for (const o of outputs) {
        for (const [key, list] of o.lists) {
            const m = merged.get(key) ?? { command: o.command, listed: [] };
            m.listed.push(...list);
            merged.set(key, m);
        }
    }
    const target = regionFile(opts.out, opts.region);
    const previous = readEngineFile(target);
    const bundledFile = fs.existsSync(path.join(opts.out, ENGINE_FILE)) ? path.join(opts.out, ENGINE_FILE) : path.join(PACKAGED_DATA_DIR, ENGINE_FILE);
    const bundled = readEngineFile(bundledFile);
    const engines: Record<string, EngineData> = { ...(previous?.engines ?? {}) };
    const changes: ListChange[] = [];
    for (const [key, { command, listed: versions }] of [...merged].sort(([a], [b]) => a.localeCompare(b))) {
        const data = engineData(versions, command, opts.region, opts.asOf);
        const own = previous?.engines[key];
        const fallback = bundled?.engines[key];
        const was = own
            ? `${opts.region} refresh of ${own.asOf}`
            : fallback
              ? `the bundled ${fallback.region ? `${fallback.region} ` : ""}list of ${fallback.asOf}`
              : "no list before";
        changes.push(compare(key, was, own ?? fallback, data, opts.asOf));
        engines[key] = data;
    }
    const written: { file: string; value: unknown }[] = [];
    if (merged.size > 0) {
        const sortedEngines = Object.fromEntries(Object.entries(engines).sort(([a], [b]) => a.localeCompare(b)));
        written.push({ file: target, value: { factsCompiled: opts.asOf, region: opts.region, engines: sortedEngines } satisfies EngineFile });
        // A folder outside the package gets the bundled lists too, so AWS_GUARDRAILS_DATA_DIR can point at it alone.
        for (const name of [ENGINE_FILE, RUNTIME_FILE]) {
            const file = path.join(opts.out, name);
            if (!fs.existsSync(file)) written.push({ file, value: JSON.parse(fs.readFileSync(path.join(PACKAGED_DATA_DIR, name), "utf8")) as unknown });
        }
        try {
            writeFilesAtomically(written);
        } catch (e) {
            throw new RefreshError(`${opts.out}: cannot write the facts (${isRecord(e) && typeof e.code === "string" ? e.code : String(e)}); nothing was changed`);
        }
    }
    return {
        region: opts.region,
        asOf: opts.asOf,
        written: written.map((w) => w.file),
        inputs: outputs.map((o) => ({ file: o.file, command: o.command, pages: o.pages, versions: [...o.lists.values()].reduce((n, l) => n + l.length, 0), engines: [...o.lists.keys()].sort() })),
        changes,
        empty: outputs.filter((o) => o.lists.size === 0).map((o) => o.file),
    };
}
