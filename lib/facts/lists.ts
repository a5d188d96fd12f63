// Where the version policies' facts come from: the data directory, each region's refreshed lists, the bundled default
// lists, lazy loading (nothing is read before the first versioned resource), and a record of what a check relied on.
import * as path from "path";
import { Loaded, PACKAGED_DATA_DIR, parseDataFile } from "../data";
import { Resource, regionOf } from "../resource";
import { ENGINE_FILE, EngineData, EngineFile, REGION, RUNTIME_FILE, RuntimeFile, engineFileProblem, regionFile, runtimeFileProblem } from "./format";
import { refreshCommandOf } from "./kinds";

/** Points the pack at another copy of data/ (e.g. one a refresh wrote with `--out`). */
export const DATA_DIR_ENV = "AWS_GUARDRAILS_DATA_DIR";

export function dataDir(): string {
    return process.env[DATA_DIR_ENV] || PACKAGED_DATA_DIR;
}

// One load per file, on first use: policies that never see a versioned resource never read data.
const files = new Map<string, Loaded<unknown> | undefined>();

function loadFile<T>(file: string, problemOf: (json: unknown) => string | undefined, optional = false): Loaded<T> | undefined {
    if (!files.has(file)) {
        const loaded = parseDataFile<T>(file, problemOf);
        // A region nobody refreshed has no file: the bundled lists apply.
        files.set(file, optional && !loaded.ok && loaded.problem.endsWith("(ENOENT)") ? undefined : loaded);
    }
    return files.get(file) as Loaded<T> | undefined;
}

/**
 * The region whose lists judge a resource: its own or its provider's `region` input (see regionOf), else the process's
 * AWS_REGION or AWS_DEFAULT_REGION. Undefined when none is known, or when the region is unknown at preview.
 */
export function factsRegion(resource: Resource | undefined): string | undefined {
    const own = resource ? regionOf(resource) : undefined;
    const region = own || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION;
    return region && REGION.test(region) ? region : undefined;
}

/** One engine's list as a check uses it; `region` is set when it came from that region's refresh. */
export interface EngineList {
    key: string;
    data: EngineData;
    region?: string;
}

// One lookup per data directory, region and engine: files never change while the pack runs.
const lookups = new Map<string, Loaded<EngineList | undefined>>();

/** The list of `key` for `region`: that region's refreshed list when there is one, else the bundled default list. */
export function engineList(key: string, region: string | undefined): Loaded<EngineList | undefined> {
    const dir = dataDir();
    const id = `${dir}\0${region ?? ""}\0${key}`;
    let found = lookups.get(id);
    if (!found) lookups.set(id, (found = lookUp(dir, key, region)));
    // Only the stale-facts replay listens; a plain check pays nothing for it.
    if (observer && found.ok && found.data) {
        const list = found.data;
        noteUse({ what: list.key, region: list.region, asOf: list.data.asOf, source: originOf(list).source, refresh: refreshCommandOf(list.key) });
    }
    return found;
}

function lookUp(dir: string, key: string, region: string | undefined): Loaded<EngineList | undefined> {
    const own = (file: EngineFile) => (Object.prototype.hasOwnProperty.call(file.engines, key) ? file.engines[key] : undefined);
    if (region !== undefined) {
        const regional = loadFile<EngineFile>(regionFile(dir, region), engineFileProblem, true);
        if (regional && !regional.ok) return regional;
        const data = regional ? own(regional.data) : undefined;
        if (data) return { ok: true, data: { key, data, region } };
    }
    const bundled = loadFile<EngineFile>(path.resolve(dir, ENGINE_FILE), engineFileProblem) as Loaded<EngineFile>;
    if (!bundled.ok) return bundled;
    const data = own(bundled.data);
    return { ok: true, data: data ? { key, data } : undefined };
}

/** The Lambda runtime lifecycle file (no listing API: dated data only). */
export function runtimeFile(): Loaded<RuntimeFile> {
    const loaded = loadFile<RuntimeFile>(path.resolve(dataDir(), RUNTIME_FILE), runtimeFileProblem) as Loaded<RuntimeFile>;
    if (observer && loaded.ok) noteUse({ what: "Lambda runtimes", asOf: loaded.data.asOf, source: loaded.data.source, refresh: "edit data/lambda-runtimes.json from AWS's Lambda runtimes page (Lambda has no listing API)" });
    return loaded;
}

// ---------------------------------------------------------------------------------------------------------------
// What a check relied on (for the stale-facts advisory)

export interface FactsUsed {
    /** The list: an engine key ("aurora-postgresql") or "Lambda runtimes". */
    what: string;
    region?: string;
    asOf: string;
    source: string;
    /** How to renew it. */
    refresh: string;
}

let observer: ((used: FactsUsed) => void) | undefined;

function noteUse(facts: FactsUsed): void {
    observer?.(facts);
}

/** How messages name a list's origin: the refresh command and region, or the bundled source (with its region, if any). */
export function originOf(list: EngineList): { source: string; inRegion: string } {
    if (list.region) return { source: `${list.data.source} in ${list.region}`, inRegion: ` in ${list.region}` };
    return { source: list.data.region ? `${list.data.source} (${list.data.region} list)` : list.data.source, inRegion: "" };
}

/** Runs `run`, telling `record` about every list it reads. Never nests: the outer observer is restored after. */
export function observeFacts<T>(record: (used: FactsUsed) => void, run: () => T): T {
    const outer = observer;
    observer = record;
    try {
        return run();
    } finally {
        observer = outer;
    }
}
