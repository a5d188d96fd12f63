// RDS DB instance classes AWS offers per region and engine (data/rds-instance-classes.json, read on first use).
import * as path from "path";
import { Loaded, PACKAGED_DATA_DIR, parseDataFile } from "./data";
import { isRecord } from "./values";
import { DATA_DIR_ENV } from "./versions";

export const INSTANCE_CLASS_FILE = "rds-instance-classes.json";

export interface InstanceClassFile {
    /** Short source name for messages; `sources` has the full reference. */
    source: string;
    sources: { repo: string; path: string; commit: string; date: string }[];
    asOf: string;
    /** Every class name the data knows, sorted; lists hold indexes into it. */
    classes: string[];
    lists: number[][];
    /** region -> engine key ("postgres", "oracle-ee|bring-your-own-license") -> index into `lists`. */
    regions: Record<string, Record<string, number>>;
}

function fileProblem(json: unknown): string | undefined {
    if (!isRecord(json) || typeof json.asOf !== "string" || typeof json.source !== "string") return "it lacks asOf/source";
    if (!Array.isArray(json.classes) || !json.classes.every((c) => typeof c === "string")) return "it has no `classes` list";
    const count = json.classes.length;
    if (!Array.isArray(json.lists) || !json.lists.every((l) => Array.isArray(l) && l.every((i) => Number.isInteger(i) && i >= 0 && i < count))) {
        return "`lists` is not a list of class indexes";
    }
    const lists = json.lists.length;
    if (!isRecord(json.regions)) return "it has no `regions` object";
    for (const [region, engines] of Object.entries(json.regions)) {
        if (!isRecord(engines) || !Object.values(engines).every((i) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < lists)) {
            return `regions.${region} does not map engines to list indexes`;
        }
    }
    return undefined;
}

interface Index {
    file: InstanceClassFile;
    known: Set<string>;
    /** "region\0engineKey" -> classes. */
    offered: Map<string, Set<string>>;
    /** "region\0engine|license" or "*\0engine|license" -> classes offered there (undefined: no list for the engine). */
    unions: Map<string, Set<string> | undefined>;
}

const indexes = new Map<string, Loaded<Index>>();

function load(): Loaded<Index> {
    const file = path.resolve(process.env[DATA_DIR_ENV] || PACKAGED_DATA_DIR, INSTANCE_CLASS_FILE);
    let loaded = indexes.get(file);
    if (!loaded) {
        const parsed = parseDataFile<InstanceClassFile>(file, fileProblem);
        loaded = parsed.ok ? { ok: true, data: { file: parsed.data, known: new Set(parsed.data.classes), offered: new Map(), unions: new Map() } } : parsed;
        indexes.set(file, loaded);
    }
    return loaded;
}

function offeredIn(index: Index, region: string, key: string): Set<string> {
    const cacheKey = `${region}\0${key}`;
    let set = index.offered.get(cacheKey);
    if (!set) {
        const list = index.file.lists[index.file.regions[region][key]] ?? [];
        set = new Set(list.map((i) => index.file.classes[i]));
        index.offered.set(cacheKey, set);
    }
    return set;
}

/** The data's keys for an engine in a region: the licence model's own key when given, else every licence model's. */
function keysFor(engines: Record<string, number>, engine: string, licenseModel: string | undefined): string[] {
    if (licenseModel && engines[`${engine}|${licenseModel}`] !== undefined) return [`${engine}|${licenseModel}`];
    return Object.keys(engines).filter((k) => k === engine || k.startsWith(`${engine}|`));
}

export type ClassVerdict =
    | { kind: "offered" }
    /** The data does not list the engine (custom engines, Neptune, DocumentDB...), or not in that region. */
    | { kind: "noData" }
    /** A class name the data does not know for any engine: a typo, or a class newer than the data. */
    | { kind: "unlisted"; asOf: string; source: string }
    /** A class the data knows, offered for the engine in no region; `suggestions` are the nearest classes that are. */
    | { kind: "notOffered"; suggestions: string[]; asOf: string; source: string }
    /** Offered for the engine in other regions but not (as of the data) in `region`: a class may reach a region later. */
    | { kind: "notInRegion"; region: string; suggestions: string[]; asOf: string; source: string };

/**
 * Whether AWS offers `instanceClass` for `engine` in `region` ("" or undefined: in no region of the data, so the
 * verdict holds wherever the stack deploys; a region the data lacks is treated the same). Lists are not per engine version.
 */
export function assessInstanceClass(instanceClass: string, engine: string, licenseModel: string | undefined, region: string | undefined): Loaded<ClassVerdict> {
    const loaded = load();
    if (!loaded.ok) return loaded;
    const index = loaded.data;
    const { asOf, source } = index.file;
    const cls = instanceClass.toLowerCase();
    const eng = engine.toLowerCase();
    const lic = licenseModel?.toLowerCase();
    const regional = region !== undefined && region !== "" && index.file.regions[region] !== undefined;
    const offered = regional ? offeredInRegion(index, region, eng, lic) : offeredAnywhere(index, eng, lic);
    if (!offered) return { ok: true, data: { kind: "noData" } };
    if (offered.has(cls)) return { ok: true, data: { kind: "offered" } };
    if (!index.known.has(cls)) return { ok: true, data: { kind: "unlisted", asOf, source } };
    const suggestions = nearest(cls, [...offered]);
    if (regional && offeredAnywhere(index, eng, lic)?.has(cls)) return { ok: true, data: { kind: "notInRegion", region, suggestions, asOf, source } };
    return { ok: true, data: { kind: "notOffered", suggestions, asOf, source } };
}

/** The classes offered for the engine in one region (the union of its licence models' lists), undefined when the region has none. */
function offeredInRegion(index: Index, region: string, engine: string, license: string | undefined): Set<string> | undefined {
    return union(index, `${region}\0${engine}|${license ?? ""}`, () => keysFor(index.file.regions[region], engine, license).map((k) => offeredIn(index, region, k)));
}

/** The classes offered for the engine in any region of the data. */
function offeredAnywhere(index: Index, engine: string, license: string | undefined): Set<string> | undefined {
    return union(index, `*\0${engine}|${license ?? ""}`, () => Object.keys(index.file.regions).flatMap((r) => offeredInRegion(index, r, engine, license) ?? []));
}

function union(index: Index, key: string, parts: () => Set<string>[]): Set<string> | undefined {
    if (index.unions.has(key)) return index.unions.get(key);
    const sets = parts();
    const set = sets.length === 0 ? undefined : sets.length === 1 ? sets[0] : new Set(sets.flatMap((s) => [...s]));
    index.unions.set(key, set);
    return set;
}

interface ClassName {
    name: string;
    /** "t", "m", "r", "x", "serverless"... */
    kind: string;
    generation: number;
    size: string;
}

function parseClass(name: string): ClassName {
    const [, family = "", size = ""] = name.split(".");
    const m = /^([a-z]+)(\d*)/.exec(family);
    return { name, kind: m?.[1] ?? family, generation: Number(m?.[2] || 0), size };
}

/** Up to three offered classes closest to `wanted`: same kind and size first, then same kind, then same size; newest generation first. */
function nearest(wanted: string, offered: string[]): string[] {
    const w = parseClass(wanted);
    const rank = (c: ClassName): number => (c.kind === w.kind ? 0 : 2) + (c.size === w.size ? 0 : 1);
    const found = offered
        .map(parseClass)
        .filter((c) => rank(c) < 3)
        .sort((a, b) => rank(a) - rank(b) || b.generation - a.generation || (a.name < b.name ? -1 : 1))
        .slice(0, 3)
        .map((c) => c.name);
    // A kind the engine has none of (db.serverless outside Aurora): general-purpose classes instead.
    return found.length > 0 || w.kind === "m" ? found : nearest("db.m.large", offered);
}
