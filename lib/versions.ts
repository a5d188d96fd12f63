// Engine and runtime version allow-lists: version parsing and comparison, the verdict on one version against the
// list that applies to the resource's region (lib/facts), and the allow/deny/require config every version policy shares.
import type * as aws from "@pulumi/aws";
import * as semver from "semver";
import { today } from "./clock";
import { ConfigSchema } from "./config";
import { Loaded } from "./data";
import { EngineList, engineList, factsRegion, originOf, runtimeFile } from "./facts/lists";
import { RuntimeData, RuntimeFile } from "./facts/format";
import { MessageData, Report } from "./policy";
import { Resource } from "./resource";
import { isRecord, isSet, isUnknown } from "./values";

export { DATA_DIR_ENV } from "./facts/lists";
export { ENGINE_FILE, RUNTIME_FILE } from "./facts/format";
export type { EngineData, EngineFile, RuntimeData, RuntimeFile, SourceRef } from "./facts/format";
export { TODAY_ENV } from "./clock";

// ---------------------------------------------------------------------------------------------------------------
// Versions

export interface ParsedVersion {
    raw: string;
    /** Text before the first digit: "OpenSearch_", "nodejs", "" for plain numbers. Only versions of one family compare. */
    family: string;
    /** Every number in order: "8.0.mysql_aurora.3.05.2" -> [8, 0, 3, 5, 2]. */
    nums: number[];
    /** The version with each number replaced by #: "16.4-limitless" -> "#.#-limitless". */
    shape: string;
}

export function parseVersion(raw: string): ParsedVersion {
    const family = /^[^0-9]*/.exec(raw)?.[0] ?? "";
    const nums = (raw.slice(family.length).match(/\d+/g) ?? []).map(Number);
    return { raw, family, nums, shape: raw.replace(/\d+/g, "#") };
}

function compareNums(a: readonly number[], b: readonly number[]): number {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return a.length - b.length;
}

function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders versions by family, then by their numbers ("15.10" > "15.9", "3.7.x" > "3.6.0"), then by text. */
export function compareVersions(a: string | ParsedVersion, b: string | ParsedVersion): number {
    const pa = typeof a === "string" ? parseVersion(a) : a;
    const pb = typeof b === "string" ? parseVersion(b) : b;
    return compareText(pa.family, pb.family) || compareNums(pa.nums, pb.nums) || compareText(pa.raw, pb.raw);
}

/**
 * The semver of a version for `require` ranges: the first run of up to three dotted numbers after the family,
 * padded with zeros ("15.4" -> 15.4.0, "8.0.mysql_aurora.3.05.2" -> 8.0.0, "OpenSearch_2.11" -> 2.11.0, "nodejs18.x" -> 18.0.0).
 */
export function coerceSemver(raw: string): semver.SemVer | null {
    const { family } = parseVersion(raw);
    const run = /^\d+(?:\.\d+){0,2}/.exec(raw.slice(family.length))?.[0];
    if (!run) return null;
    const parts = run.split(".").map((n) => String(Number(n)));
    while (parts.length < 3) parts.push("0");
    return semver.parse(parts.join("."));
}

// ---------------------------------------------------------------------------------------------------------------
// Indexed data: one entry per known version, with what decides its status

type Status = "available" | "deprecated" | "ended";

interface Entry {
    v: ParsedVersion;
    deprecatedFlag: boolean;
    /** Day from which AWS no longer creates resources on it. */
    end?: string;
    /** Day it became deprecated (Lambda: creation still works until `end`). */
    deprecatedOn?: string;
}

interface Index {
    asOf: string;
    source: string;
    list: Entry[];
    byRaw: Map<string, Entry>;
}

function statusOf(e: Entry, now: string): Status {
    if (e.deprecatedFlag) return "deprecated";
    if (e.end !== undefined && e.end <= now) return "ended";
    if (e.deprecatedOn !== undefined && e.deprecatedOn <= now) return "deprecated";
    return "available";
}

function makeIndex(asOf: string, source: string, list: Entry[]): Index {
    return { asOf, source, list, byRaw: new Map(list.map((e) => [e.v.raw, e])) };
}

// Indexes are built once per list object (a list is loaded once per file and data directory).
const engineIndexes = new WeakMap<object, Index>();

/** The index of the list of `key` that applies in `region`, and where the list came from. */
function engineIndex(key: string, region: string | undefined): Loaded<{ index: Index; list: EngineList } | undefined> {
    const loaded = engineList(key, region);
    if (!loaded.ok || !loaded.data) return loaded.ok ? { ok: true, data: undefined } : loaded;
    const { data } = loaded.data;
    let index = engineIndexes.get(data);
    if (!index) {
        const list: Entry[] = [
            ...data.available.map((raw) => ({ v: parseVersion(raw), deprecatedFlag: false })),
            ...data.deprecated.map((raw) => ({ v: parseVersion(raw), deprecatedFlag: true })),
            ...Object.entries(data.endOfSupport).map(([raw, end]) => ({ v: parseVersion(raw), deprecatedFlag: false, end })),
        ];
        index = makeIndex(data.asOf, data.source, list);
        engineIndexes.set(data, index);
    }
    return { ok: true, data: { index, list: loaded.data } };
}

// ---------------------------------------------------------------------------------------------------------------
// The verdict on one version

type Assessment =
    /** Usable; `matches` are the available versions it may resolve to (itself, or the minors of a partial version). */
    | { kind: "ok"; matches: string[] }
    | { kind: "deprecated" }
    | { kind: "ended"; end: string }
    /** Not in AWS's list and older than `newerKnown`, which is. */
    | { kind: "unknown"; newerKnown: string }
    /** Not in AWS's list but newer than its line (or of a form the data does not know): maybe released since the snapshot. */
    | { kind: "unlisted" }
    /** No version number at all. */
    | { kind: "notAVersion" }
    /** A partial or unknown version of a line in which nothing is available any more. */
    | { kind: "retired" };

interface AssessOptions {
    /** How many leading numbers make a line ("major") within which versions only go up: 1 for "15.x", 2 for "8.0.x". */
    lineParts: number;
    /** Accept partial versions ("15", "8.0", "6.x") that AWS resolves to the newest minor of that line. */
    partials: boolean;
}

function newest(entries: readonly Entry[]): Entry {
    return entries.reduce((a, b) => (compareVersions(a.v, b.v) >= 0 ? a : b));
}

function oldest(entries: readonly Entry[]): Entry {
    return entries.reduce((a, b) => (compareVersions(a.v, b.v) <= 0 ? a : b));
}

function lineOf(v: ParsedVersion, parts: number): string {
    return v.nums.slice(0, parts).join(".");
}

function assessIn(index: Index, raw: string, opts: AssessOptions, now: string): Assessment {
    const available = (e: Entry) => statusOf(e, now) === "available";
    const exact = index.byRaw.get(raw);
    if (exact) {
        const status = statusOf(exact, now);
        if (status === "ended") return { kind: "ended", end: exact.end ?? "" };
        return status === "deprecated" ? { kind: "deprecated" } : { kind: "ok", matches: [raw] };
    }
    if (opts.partials) {
        const stem = raw.replace(/(\.[xX*])+$/, "");
        const under = index.list.filter((e) => e.v.raw.startsWith(`${stem}.`));
        if (stem !== "" && under.length > 0) {
            const usable = under.filter(available);
            return usable.length > 0 ? { kind: "ok", matches: usable.map((e) => e.v.raw) } : { kind: "retired" };
        }
    }
    // Unknown: perhaps released after the snapshot (newer than its line: a note), or never offered (older: a violation).
    const v = parseVersion(raw);
    const family = index.list.filter((e) => e.v.family === v.family);
    if (v.nums.length === 0) return { kind: "notAVersion" };
    if (family.length === 0) return { kind: "unlisted" };
    const line = family.filter((e) => e.v.nums.length >= opts.lineParts && lineOf(e.v, opts.lineParts) === lineOf(v, opts.lineParts));
    if (line.length > 0 && !line.some(available)) return { kind: "retired" };
    const sameShapeLine = line.filter((e) => e.v.shape === v.shape);
    const sameShape = family.filter((e) => e.v.shape === v.shape);
    // Compare within the line, same shape first ("16.5-limitless" against limitless builds, not plain minors).
    const ref = sameShapeLine.length > 0 ? sameShapeLine : sameShape.length === 0 ? line : [];
    if (ref.length > 0) {
        const top = newest(ref);
        return compareVersions(v, top.v) < 0 ? { kind: "unknown", newerKnown: top.v.raw } : { kind: "unlisted" };
    }
    // A line AWS never listed: older than the oldest listed line means it predates what AWS offers.
    const pool = sameShape.length > 0 ? sameShape : family;
    const first = oldest(pool);
    const parts = opts.lineParts > 0 ? opts.lineParts : v.nums.length;
    return compareNums(v.nums.slice(0, parts), first.v.nums.slice(0, parts)) < 0 ? { kind: "unknown", newerKnown: first.v.raw } : { kind: "unlisted" };
}

/** Up to three available versions nearest above `raw` (or the newest ones), and the newest, of the same family. */
function nearestIn(index: Index, raw: string, now: string, accept: (version: string) => boolean = () => true): { nearest: string[]; newest?: string } {
    const v = parseVersion(raw);
    const usable = index.list.filter((e) => e.v.family === v.family && statusOf(e, now) === "available" && accept(e.v.raw));
    if (usable.length === 0) return { nearest: [] };
    // Suggest the same kind of build ("-limitless", "-rds.*", ".kraft") where there is one.
    const sameShape = usable.filter((e) => e.v.shape === v.shape);
    const pool = (sameShape.length > 0 ? sameShape : usable).slice().sort((a, b) => compareVersions(a.v, b.v));
    const above = pool.filter((e) => compareVersions(e.v, v) > 0).slice(0, 3);
    const chosen = above.length > 0 ? above : pool.slice(-3).reverse();
    return { nearest: chosen.map((e) => e.v.raw), newest: newest(usable).v.raw };
}

// ---------------------------------------------------------------------------------------------------------------
// Shared config

export interface VersionConfig {
    allow: string[];
    deny: string[];
    require: Record<string, string>;
}

export interface RuntimeConfig {
    allow: string[];
    deny: string[];
}

const ENTRY = "^([a-z0-9-]+:)?[A-Za-z0-9][A-Za-z0-9._-]*$";
const RANGE = "^[0-9xX*<>=~^|. -]+$";

/** The config every engine-version policy takes. */
export const VERSION_CONFIG: ConfigSchema = {
    allow: {
        type: "array",
        items: { type: "string", pattern: ENTRY },
        default: [],
        description:
            'Versions AWS released after the pack\'s data snapshot, treated as available: "version" or "engine:version" (e.g. "aurora-postgresql:16.15"). `deny` and `require` still apply.',
    },
    deny: {
        type: "array",
        items: { type: "string", pattern: ENTRY },
        default: [],
        description: 'Versions forbidden even though AWS offers them: "version" or "engine:version" (e.g. "mysql:8.0.42").',
    },
    require: {
        type: "object",
        additionalProperties: { type: "string", minLength: 1, pattern: RANGE },
        default: {},
        description:
            'Engine -> semver range the version must satisfy, e.g. {"aurora-postgresql": ">=16"}. Versions compare by their first three numbers ' +
            '("15.4" -> 15.4.0, "8.0.mysql_aurora.3.05.2" -> 8.0.0, "OpenSearch_2.11" -> 2.11.0); a partial version ("15") passes if any available version it may resolve to does.',
    },
};

/** The config of lambda-runtime: runtime identifiers only. */
export const RUNTIME_CONFIG: ConfigSchema = {
    allow: {
        type: "array",
        items: { type: "string", pattern: "^[a-z][a-z0-9._-]*$" },
        default: [],
        description: 'Runtime identifiers AWS added after the pack\'s data snapshot, treated as supported (e.g. "nodejs26.x").',
    },
    deny: {
        type: "array",
        items: { type: "string", pattern: "^[a-z][a-z0-9._-]*$" },
        default: [],
        description: 'Runtime identifiers forbidden even though Lambda still accepts them (e.g. "python3.11").',
    },
};

function strings(value: unknown): string[] {
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === "string") : [];
}

/** The config entry ("version" or "engine:version") that names this version, if any; case-insensitive. */
export function matchingEntry(entries: unknown, engine: string, names: readonly string[]): string | undefined {
    return strings(entries).find((entry) => {
        const at = entry.indexOf(":");
        if (at >= 0 && entry.slice(0, at).toLowerCase() !== engine.toLowerCase()) return false;
        const version = entry.slice(at + 1).toLowerCase();
        return names.some((n) => n.toLowerCase() === version);
    });
}

function requiredRange(require: unknown, engine: string): string | undefined {
    if (!isRecord(require)) return undefined;
    const key = Object.keys(require).find((k) => k.toLowerCase() === engine.toLowerCase());
    const range = key === undefined ? undefined : require[key];
    return typeof range === "string" ? range : undefined;
}

function satisfies(version: string, range: string): boolean {
    const v = coerceSemver(version);
    return v !== null && semver.satisfies(v, range);
}

// ---------------------------------------------------------------------------------------------------------------
// The shared check of engine-version policies

const DATA_HINT = "reinstall the policy pack or regenerate the data (see data/README.md)";

/**
 * Message templates of the engine-version policies. `subject` names the engine in the text, e.g. "{{engine}}"
 * or "EKS Kubernetes"; every message names the property and value, what to use instead, and why.
 */
export function versionMessages(subject: string): Record<string, string> {
    const data = "(AWS version data as of {{asOf}} from {{source}}.)";
    const instead = "Use an available version such as {{nearest}} (newest {{newest}})";
    // Worded for new and existing resources alike: a preview creates them, `pulumi policy analyze` judges running ones.
    const upgrade = "so creating one fails, and an existing one must be upgraded to a version AWS still offers";
    return {
        deprecated: `{{property}} is {{value}}, which AWS lists as deprecated for ${subject}{{inRegion}}: AWS no longer creates resources on it, ${upgrade}. ${instead}. ${data}`,
        endOfSupport:
            `{{property}} is {{value}}, which reached its ${subject} {{endLabel}} on {{end}}: AWS no longer creates resources on it, ${upgrade}. ${instead}. ${data}`,
        unknownVersion:
            `{{property}} is {{value}}, which AWS does not list for ${subject}{{inRegion}} and which is older than {{newerKnown}}, a version AWS does list: AWS does not create resources on it, ${upgrade}. ` +
            `${instead}; if AWS released it after {{asOf}}, add it to the policy's \`allow\` setting. ${data}`,
        notAVersion: `{{property}} is {{value}}, which is not a version number of ${subject}, so AWS rejects it. ${instead}. ${data}`,
        unlisted:
            `{{property}} is {{value}}, which the pack's data does not list for ${subject}{{inRegion}}: newer than every version it knows, so perhaps released since {{asOf}}. ` +
            `AWS rejects versions it does not offer: check that AWS lists it, then add it to the policy's \`allow\` setting to confirm. ${data}`,
        retiredLine:
            `{{property}} is {{value}}, but AWS no longer offers any ${subject} version in that line{{inRegion}} (all deprecated or past end of support): ${upgrade}. ${instead}. ${data}`,
        denied: `{{property}} is {{value}}, which this policy's \`deny\` setting forbids ({{entry}}) even though AWS may offer it; choose another ${subject} version.`,
        notRequired:
            `{{property}} is {{value}}, outside the range {{range}} that this policy's \`require\` setting demands for ${subject}; use a version in that range, such as {{nearest}}.`,
        invalidRequire:
            `cannot check {{property}} {{value}}: the policy's \`require\` setting for ${subject} is {{range}}, which is not a semver range; fix the policy config (e.g. ">=16").`,
        dataUnavailable: `cannot check {{property}} {{value}} because {{problem}}; ${DATA_HINT}.`,
    };
}

export interface VersionCheck {
    /** The engine as config keys and messages name it: "aurora-postgresql", "redis", "kafka", "eks"... */
    engine: string;
    /** Its list in the data (regional or bundled); omitted for engines the data does not cover (config still applies). */
    dataKey?: string;
    property: string;
    /** The version as the program wrote it. */
    value: string;
    /** The form the data uses, when it differs from value ("7.10" -> "Elasticsearch_7.10"). */
    version?: string;
    /** Other spellings config entries may use for this version. */
    aliases?: readonly string[];
    lineParts: number;
    /** Words for the end-of-support date in messages ("end of extended support"). */
    endLabel?: string;
}

interface CheckContext {
    config: VersionConfig;
    report: Report;
    /** The resource, whose region picks the list (see factsRegion). */
    resource?: Resource;
}

/** Message ids of the version policies that are notes, not violations: advisory whatever the policy's level. */
export const VERSION_NOTES: readonly string[] = ["unlisted"];

/** Runs deny, the data verdict and require on one version, reporting at most one violation (and perhaps a note). Never throws. */
export function checkVersion({ config, report, resource }: CheckContext, c: VersionCheck): void {
    const version = c.version ?? c.value;
    const names = [c.value, version, ...(c.aliases ?? [])];
    const base: MessageData = { property: c.property, value: c.value, engine: c.engine };
    const denied = matchingEntry(config?.deny, c.engine, names);
    if (denied !== undefined) {
        report("denied", { ...base, entry: denied });
        return;
    }
    const range = requiredRange(config?.require, c.engine);
    if (range !== undefined && semver.validRange(range) === null) {
        report("invalidRequire", { ...base, range });
        return;
    }
    const allowed = matchingEntry(config?.allow, c.engine, names) !== undefined;
    const loaded = c.dataKey === undefined ? ({ ok: true, data: undefined } as const) : engineIndex(c.dataKey, factsRegion(resource));
    // An allowed version needs no data; only the verdict below does.
    if (!loaded.ok && !allowed) {
        report("dataUnavailable", { ...base, problem: loaded.problem });
        return;
    }
    const index = loaded.ok ? loaded.data?.index : undefined;
    const now = today();
    let matches = [version];
    if (index && !allowed) {
        const verdict = assessIn(index, version, { lineParts: c.lineParts, partials: true }, now);
        if (verdict.kind === "ok") matches = verdict.matches;
        else {
            const near = nearestIn(index, version, now);
            const origin = loaded.ok && loaded.data ? originOf(loaded.data.list) : { source: index.source, inRegion: "" };
            const facts = { ...base, asOf: index.asOf, ...origin, nearest: orNone(near.nearest), newest: near.newest ?? "none" };
            // An unlisted version is only a note (the policy declares it advisory); `require` still applies to it.
            if (verdict.kind === "unlisted") report("unlisted", facts);
            else {
                if (verdict.kind === "deprecated") report("deprecated", facts);
                else if (verdict.kind === "ended") report("endOfSupport", { ...facts, end: verdict.end, endLabel: c.endLabel ?? "end of support" });
                else if (verdict.kind === "unknown") report("unknownVersion", { ...facts, newerKnown: verdict.newerKnown });
                else if (verdict.kind === "notAVersion") report("notAVersion", facts);
                else report("retiredLine", facts);
                return;
            }
        }
    }
    if (range !== undefined && !matches.some((m) => satisfies(m, range)) && matches.some((m) => coerceSemver(m) !== null)) {
        const near = index ? nearestIn(index, version, now, (m) => satisfies(m, range)).nearest : [];
        report("notRequired", { ...base, range, nearest: orNone(near) });
    }
}

function orNone(list: string[]): string[] | string {
    return list.length > 0 ? list : "none in the pack's data";
}

// ---------------------------------------------------------------------------------------------------------------
// Lambda runtimes

export type RuntimeVerdict =
    | { kind: "ok" }
    | { kind: "createBlocked"; blockCreate: string; blockUpdate?: string; successor?: string }
    | { kind: "deprecated"; deprecated: string; blockCreate?: string; blockUpdate?: string; successor?: string }
    | { kind: "unknown"; successor?: string };

export interface RuntimeFacts {
    asOf: string;
    source: string;
}

/** Creation is blocked by the time updates are, so a runtime with only an update-block date is blocked from then. */
function blockCreateOf(r: RuntimeData): string | undefined {
    return r.blockCreate ?? r.blockUpdate;
}

let runtimeCache: { index: Index; data: RuntimeFile } | undefined;

function runtimeIndex(): Loaded<{ index: Index; data: RuntimeFile }> {
    const file = runtimeFile();
    if (!file.ok) return file;
    if (!runtimeCache || runtimeCache.data !== file.data) {
        const list = Object.entries(file.data.runtimes).map(([id, r]) => ({
            v: parseVersion(id),
            deprecatedFlag: false,
            end: blockCreateOf(r),
            deprecatedOn: r.deprecated,
        }));
        runtimeCache = { index: makeIndex(file.data.asOf, file.data.source, list), data: file.data };
    }
    return { ok: true, data: runtimeCache };
}

/** The runtime to move to: the data's successor while it is still usable, else the newest usable one of the family. */
function successorOf(index: Index, data: RuntimeFile, id: string, now: string): string | undefined {
    const seen = new Set<string>();
    let next = Object.prototype.hasOwnProperty.call(data.runtimes, id) ? data.runtimes[id].successor : undefined;
    while (next !== undefined && !seen.has(next)) {
        seen.add(next);
        const entry = index.byRaw.get(next);
        if (entry && statusOf(entry, now) === "available") return next;
        next = Object.prototype.hasOwnProperty.call(data.runtimes, next) ? data.runtimes[next].successor : undefined;
    }
    return newestReleased(index, data, id, now);
}

/** The newest usable runtime of the id's family that has lifecycle dates (an undated one may not be generally available yet). */
function newestReleased(index: Index, data: RuntimeFile, id: string, now: string): string | undefined {
    const dated = (r: string) => Object.prototype.hasOwnProperty.call(data.runtimes, r) && data.runtimes[r].deprecated !== undefined;
    return nearestIn(index, id, now, dated).newest;
}

/** The verdict on a Lambda runtime identifier, or the data problem. Never throws. */
export function assessRuntime(id: string): { ok: true; verdict: RuntimeVerdict; facts: RuntimeFacts } | { ok: false; problem: string } {
    const loaded = runtimeIndex();
    if (!loaded.ok) return loaded;
    const { index, data } = loaded.data;
    const now = today();
    const facts = { asOf: data.asOf, source: data.source };
    const known = Object.prototype.hasOwnProperty.call(data.runtimes, id) ? data.runtimes[id] : undefined;
    if (known) {
        const successor = successorOf(index, data, id, now);
        const blockCreate = blockCreateOf(known);
        if (blockCreate !== undefined && blockCreate <= now) {
            return { ok: true, facts, verdict: { kind: "createBlocked", blockCreate, blockUpdate: known.blockUpdate, successor } };
        }
        if (known.deprecated !== undefined && known.deprecated <= now) {
            return { ok: true, facts, verdict: { kind: "deprecated", deprecated: known.deprecated, blockCreate, blockUpdate: known.blockUpdate, successor } };
        }
        return { ok: true, facts, verdict: { kind: "ok" } };
    }
    // Runtime ids are exact: no partial forms. A family's whole history is one line (nodejs24.x follows nodejs22.x).
    const verdict = assessIn(index, id, { lineParts: 0, partials: false }, now);
    // A runtime newer than its family's known ones came out after the snapshot: Lambda offers it.
    if (verdict.kind === "ok" || verdict.kind === "unlisted") return { ok: true, facts, verdict: { kind: "ok" } };
    return { ok: true, facts, verdict: { kind: "unknown", successor: newestReleased(index, data, id, now) } };
}

/** The runtime a Lambda function declares; undefined for container images (they bring their own) or when unknown. */
export function lambdaRuntimeOf(get: (path: string) => unknown): string | undefined {
    const packageType = get("packageType");
    // An unknown package type may be an image.
    if (isUnknown(packageType) || (typeof packageType === "string" && packageType.toLowerCase() === "image")) return undefined;
    return textOf(get("runtime"));
}

/** The string a program set (a version, an engine name), or undefined when absent, unknown at preview, empty or not a string. */
export function textOf(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" && !isUnknown(value) ? value : undefined;
}

const SOURCE_CLUSTER: keyof aws.rds.GlobalClusterArgs & keyof aws.docdb.GlobalClusterArgs & keyof aws.neptune.GlobalClusterArgs = "sourceDbClusterIdentifier";

/** A global cluster built from an existing cluster takes that cluster's engine and version, so its own are not judged. */
export function takesSourceClusterVersion(get: (path: string) => unknown): boolean {
    const source = get(SOURCE_CLUSTER);
    return isUnknown(source) || isSet(source);
}
