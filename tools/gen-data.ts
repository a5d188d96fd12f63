// Generates data/engine-versions.json and data/lambda-runtimes.json from an aws-facts folder:
//   node bin/tools/gen-data.js <aws-facts-dir> [out-dir]   (out-dir defaults to the project's data/)
// Only what the version policies need is kept: version lists with raw dates (status is computed at run time)
// and each list's sources and as-of date. Derived "statusAsOf" fields of the input are ignored on purpose.
import * as fs from "fs";
import * as path from "path";
import { ENGINE_FILE, EngineData, EngineFile, RUNTIME_FILE, RuntimeData, RuntimeFile, SourceRef, format, writeFilesAtomically } from "../lib/facts/format";
import { compareVersions, parseVersion } from "../lib/versions";

export { format };

type Rec = Record<string, unknown>;

function fail(message: string): never {
    throw new Error(message);
}

function rec(v: unknown, what: string): Rec {
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : fail(`${what} is not an object`);
}

function list(v: unknown, what: string): unknown[] {
    return Array.isArray(v) ? v : fail(`${what} is not a list`);
}

function strs(v: unknown, what: string): string[] {
    return list(v, what).map((x, i) => (typeof x === "string" ? x : fail(`${what}[${i}] is not a string`)));
}

const ISO = /\d{4}-\d{2}-\d{2}/;

/** A YYYY-MM-DD date, or undefined for null/false/true (the inputs use those for "no date"). */
function date(v: unknown, what: string): string | undefined {
    if (v === null || v === undefined || typeof v === "boolean") return undefined;
    return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : fail(`${what} is not a YYYY-MM-DD date`);
}

function firstDate(text: unknown): string | undefined {
    return typeof text === "string" ? ISO.exec(text)?.[0] : undefined;
}

// cfn-lint generates its RDS and ElastiCache lists from the AWS API in this region only.
const CFN_LINT_REGION = "us-east-1";

// RDS engines whose lists are AWS API output; custom-* take user-named custom engine versions and Oracle is CDK-only.
const RDS_ENGINES = ["aurora-mysql", "aurora-postgresql", "mysql", "postgres", "mariadb", "sqlserver-ee", "sqlserver-se", "sqlserver-ex", "sqlserver-web", "db2-ae", "db2-se"];
const ELASTICACHE_ENGINES = ["redis", "valkey", "memcached"];

interface Sources {
    refs: SourceRef[];
    source: string;
    asOf: string;
}

function sourcesOf(index: Rec, keys: string[], lifecycleFile?: unknown): Sources {
    const refs: SourceRef[] = keys.map((key) => {
        const s = rec(index[key], `sourceIndex.${key}`);
        const ref: SourceRef = {};
        if (typeof s.repo === "string") ref.repo = s.repo;
        if (typeof s.package === "string") ref.package = s.package.replace(/\s*\(npm\)$/, "");
        const file = typeof s.path === "string" ? s.path : key === "endoflife" && typeof lifecycleFile === "string" ? lifecycleFile : undefined;
        if (file) ref.path = file;
        if (typeof s.commit === "string") ref.commit = s.commit.split(" ")[0];
        const d = firstDate(s.commitDate) ?? firstDate(s.published);
        if (d) ref.date = d;
        return ref;
    });
    const names = [...new Set(refs.map((r) => r.repo ?? r.package ?? "unknown"))];
    const dates = refs.map((r) => r.date).filter((d): d is string => d !== undefined).sort();
    return { refs, source: names.join(" + "), asOf: dates[dates.length - 1] ?? fail(`no dated source among ${keys.join(", ")}`) };
}

function engine(src: Sources, lists: { available: string[]; deprecated?: string[]; endOfSupport?: Record<string, string>; deprecationKnown: boolean; endInferred?: string[] }): EngineData & { endInferred?: string[] } {
    const out: EngineData & { endInferred?: string[] } = {
        asOf: src.asOf,
        source: src.source,
        sources: src.refs,
        deprecationKnown: lists.deprecationKnown,
        available: lists.available,
        deprecated: lists.deprecated ?? [],
        endOfSupport: lists.endOfSupport ?? {},
    };
    if (lists.endInferred && lists.endInferred.length > 0) out.endInferred = lists.endInferred;
    return out;
}

/**
 * Splits dated versions from undated ones. An undated version older than a dated one cannot outlive it, so it
 * gets the earliest end date of the newer versions (recorded in endInferred); the rest stay available.
 */
function byEnd(entries: { version: string; end?: string }[]): { available: string[]; endOfSupport: Record<string, string>; endInferred: string[] } {
    const available: string[] = [];
    const endOfSupport: Record<string, string> = {};
    const endInferred: string[] = [];
    for (const e of entries) {
        if (e.end) {
            endOfSupport[e.version] = e.end;
            continue;
        }
        const family = parseVersion(e.version).family;
        const later = entries
            .filter((o) => o.end && parseVersion(o.version).family === family && compareVersions(o.version, e.version) > 0)
            .map((o) => o.end as string)
            .sort();
        if (later.length > 0) {
            endOfSupport[e.version] = later[0];
            endInferred.push(e.version);
        } else available.push(e.version);
    }
    return { available, endOfSupport, endInferred };
}

export function engineFile(facts: Rec): EngineFile {
    const index = rec(facts.sourceIndex, "sourceIndex");
    const engines: Record<string, EngineData> = {};
    const rds = rec(facts.rds, "rds");
    for (const key of RDS_ENGINES) {
        const e = rec(rds[key], `rds.${key}`);
        const src = sourcesOf(index, strs(e.sources, `rds.${key}.sources`), rec(e.lifecycle ?? {}, "lifecycle").file);
        engines[key] = Array.isArray(e.deprecated)
            ? engine(src, { available: strs(e.available, `rds.${key}.available`), deprecated: strs(e.deprecated, `rds.${key}.deprecated`), deprecationKnown: true })
            : engine(src, { available: strs(e.availableOrDeprecated, `rds.${key}.availableOrDeprecated`), deprecationKnown: false });
        engines[key].region = CFN_LINT_REGION;
    }
    const cache = rec(facts.elasticache, "elasticache");
    const cacheSrc = sourcesOf(index, strs(rec(facts.elasticacheMeta, "elasticacheMeta").sources, "elasticacheMeta.sources"));
    for (const key of ELASTICACHE_ENGINES) {
        engines[key] = { ...engine(cacheSrc, { available: strs(cache[key], `elasticache.${key}`), deprecationKnown: false }), region: CFN_LINT_REGION };
    }
    const docdb = rec(facts.docdb, "docdb");
    engines.docdb = engine(sourcesOf(index, strs(docdb.sources, "docdb.sources"), rec(docdb.lifecycle ?? {}, "docdb.lifecycle").file), {
        available: strs(docdb.versions, "docdb.versions"),
        deprecationKnown: false,
    });
    const neptune = rec(facts.neptune, "neptune");
    engines.neptune = engine(sourcesOf(index, strs(neptune.sources, "neptune.sources")), {
        ...byEnd(list(neptune.versions, "neptune.versions").map((v, i) => {
            const r = rec(v, `neptune.versions[${i}]`);
            return { version: strs([r.version], `neptune.versions[${i}].version`)[0], end: date(r.endOfLife, `neptune ${String(r.version)} endOfLife`) };
        })),
        deprecationKnown: true,
    });
    const os = rec(facts.opensearch, "opensearch");
    const osVersions = list(os.versions, "opensearch.versions").map((v, i) => rec(v, `opensearch.versions[${i}]`));
    const osName = (r: Rec) => strs([r.engineVersion], "opensearch engineVersion")[0];
    // CDK deprecates an OpenSearch version when ListVersions stops returning it (aws/aws-cdk#29469 for 2.10).
    const osDeprecated = osVersions.filter((r) => r.cdkDeprecated === true).map(osName);
    engines.opensearch = engine(sourcesOf(index, strs(os.sources, "opensearch.sources")), {
        ...byEnd(osVersions.filter((r) => r.cdkDeprecated !== true).map((r) => ({ version: osName(r), end: date(r.extendedSupportEnd, `opensearch ${osName(r)} extendedSupportEnd`) }))),
        deprecated: osDeprecated,
        deprecationKnown: true,
    });
    const kafka = rec(facts.kafka, "kafka");
    const kafkaVersions = list(kafka.versions, "kafka.versions").map((v, i) => rec(v, `kafka.versions[${i}]`));
    const kafkaName = (r: Rec) => strs([r.kafkaVersion], "kafkaVersion")[0];
    // "Deprecated by Amazon MSK. You can't create a Kafka cluster with a deprecated version" (CDK docs of those members).
    const kafkaDeprecated = kafkaVersions.filter((r) => r.mskDeprecatedPerCdkDoc === true).map(kafkaName);
    engines.kafka = engine(sourcesOf(index, strs(kafka.sources, "kafka.sources")), {
        ...byEnd(kafkaVersions.filter((r) => r.mskDeprecatedPerCdkDoc !== true).map((r) => ({ version: kafkaName(r), end: date(r.endOfSupport, `kafka ${kafkaName(r)} endOfSupport`) }))),
        deprecated: kafkaDeprecated,
        deprecationKnown: true,
    });
    const eks = rec(facts.eks, "eks");
    engines.eks = engine(sourcesOf(index, strs(eks.sources, "eks.sources")), {
        ...byEnd(
            list(eks.versions, "eks.versions").map((v, i) => {
                const r = rec(v, `eks.versions[${i}]`);
                const version = strs([r.version], `eks.versions[${i}].version`)[0];
                // Versions from before extended support existed ended with standard support.
                return { version, end: date(r.endOfExtendedSupport, `eks ${version}`) ?? date(r.endOfStandardSupport, `eks ${version}`) };
            }),
        ),
        deprecationKnown: true,
    });
    for (const [key, e] of Object.entries(engines)) {
        e.available.sort(compareVersions);
        e.deprecated.sort(compareVersions);
        e.endOfSupport = Object.fromEntries(Object.entries(e.endOfSupport).sort(([a], [b]) => compareVersions(a, b)));
        if (e.available.length + e.deprecated.length + Object.keys(e.endOfSupport).length === 0) fail(`engine ${key} has no versions`);
    }
    return { factsCompiled: strs([facts.statusComputedOn], "statusComputedOn")[0], engines };
}

export function runtimeFile(facts: Rec): RuntimeFile {
    const runtimes: Record<string, RuntimeData> = {};
    const bases = new Set<string>();
    for (const [i, v] of list(facts.runtimes, "runtimes").entries()) {
        const r = rec(v, `runtimes[${i}]`);
        const id = strs([r.runtime], `runtimes[${i}].runtime`)[0];
        const out: RuntimeData = {};
        const deprecated = date(r.deprecationDate, `${id} deprecationDate`);
        const blockCreate = date(r.blockCreateDate, `${id} blockCreateDate`);
        const blockUpdate = date(r.blockUpdateDate, `${id} blockUpdateDate`);
        if (deprecated) out.deprecated = deprecated;
        if (blockCreate) out.blockCreate = blockCreate;
        if (blockUpdate) out.blockUpdate = blockUpdate;
        if (typeof r.successor === "string") out.successor = r.successor;
        runtimes[id] = out;
        if (typeof r.statusBasis === "string" && (deprecated || blockCreate)) bases.add(r.statusBasis.replace(/\s*\(.*$/, ""));
    }
    const sorted = Object.fromEntries(Object.entries(runtimes).sort(([a], [b]) => compareVersions(a, b)));
    // The lifecycle dates' as-of is the newest date named before "status computed" (which is the compile day).
    const asOfText = strs([facts.asOf], "asOf")[0].split("status computed")[0];
    const asOf = (asOfText.match(/\d{4}-\d{2}-\d{2}/g) ?? []).sort().pop() ?? fail("asOf names no date");
    const compiled = firstDate(strs([facts.asOf], "asOf")[0].split("status computed")[1]) ?? fail("asOf names no compile date");
    return {
        factsCompiled: compiled,
        asOf,
        source: [...bases].sort().join(" + "),
        sources: splitTopLevel(strs([facts.source], "source")[0]),
        runtimes: sorted,
    };
}

/** Splits "a (x; y); b" at the semicolons outside parentheses. */
function splitTopLevel(text: string): string[] {
    const parts: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
        if (text[i] === "(") depth++;
        else if (text[i] === ")") depth = Math.max(0, depth - 1);
        else if (text[i] === ";" && depth === 0) {
            parts.push(text.slice(start, i).trim());
            start = i + 1;
        }
    }
    parts.push(text.slice(start).trim());
    return parts.filter((p) => p !== "");
}

function readJson(file: string): Rec {
    return rec(JSON.parse(fs.readFileSync(file, "utf8")) as unknown, file);
}

export function main(argv: readonly string[]): number {
    const [factsDir, outArg] = argv;
    if (!factsDir) {
        process.stderr.write("usage: node bin/tools/gen-data.js <aws-facts-dir> [out-dir]\n");
        return 2;
    }
    const outDir = outArg ?? path.join(__dirname, "..", "..", "data");
    try {
        const engines = engineFile(readJson(path.join(factsDir, "engine-versions.json")));
        const runtimes = runtimeFile(readJson(path.join(factsDir, "lambda-runtimes.json")));
        writeFilesAtomically([
            { file: path.join(outDir, ENGINE_FILE), value: engines },
            { file: path.join(outDir, RUNTIME_FILE), value: runtimes },
        ]);
        process.stdout.write(`wrote ${ENGINE_FILE} (${Object.keys(engines.engines).length} engines) and ${RUNTIME_FILE} (${Object.keys(runtimes.runtimes).length} runtimes) to ${outDir}\n`);
        return 0;
    } catch (e) {
        process.stderr.write(`gen-data: ${e instanceof Error ? e.message : String(e)}\n`);
        return 1;
    }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
