// lib/facts and `aws-guardrails facts refresh`: AWS CLI outputs in the exact shapes of the API responses
// (test/fixtures/facts), merged pagination, unknown engines, empty lists, two regions, and inputs it must refuse
// without writing anything.
import { execFile } from "child_process";
import * as fs from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { engineFileProblem, format, regionFile, writeFilesAtomically } from "../lib/facts/format";
import { refreshCommandOf } from "../lib/facts/kinds";
import { FactsUsed, engineList, factsRegion, observeFacts } from "../lib/facts/lists";
import { RefreshError, jsonValues, readOutput, refresh } from "../lib/facts/refresh";
import { Resource } from "../lib/resource";

const ROOT = path.resolve(__dirname, "..", "..");
const CLI = path.join(ROOT, "bin", "cli", "main.js");
const FIXTURES = path.join(ROOT, "test", "fixtures", "facts");
const fixture = (name: string) => path.join(FIXTURES, name);
const read = (name: string) => fs.readFileSync(fixture(name), "utf8");

function tempDir(): string {
    return fs.mkdtempSync(path.join(tmpdir(), "facts-"));
}

function listing(dir: string): string[] {
    return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).sort() : [];
}

function run(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    const merged = { ...process.env, AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, AWS_GUARDRAILS_TODAY: "2026-12-07", ...env };
    const clean = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined));
    return new Promise((resolve) => {
        execFile(process.execPath, [CLI, ...args], { env: clean }, (error, stdout, stderr) => {
            resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
        });
    });
}

describe("reading AWS CLI output", () => {
    test.each([
        ["rds-eu-west-1.json", "rds", 2, { "aurora-postgresql": 7, postgres: 1, "oracle-ee": 1 }],
        ["rds-us-east-1.json", "rds", 2, { "aurora-postgresql": 6 }],
        ["elasticache.json", "elasticache", 1, { redis: 1, valkey: 1, memcached: 1 }],
        ["opensearch.json", "opensearch", 1, { opensearch: 5 }],
        ["kafka.json", "kafka", 1, { kafka: 5 }],
        ["eks.json", "eks", 1, { eks: 3 }],
        ["kafka-empty.json", "kafka", 1, {}],
    ])("%s is told by its content: %s, %i page(s)", (file, kind, pages, counts) => {
        const out = readOutput(file, read(file));
        if (typeof out === "string") throw new Error(out);
        expect({ kind: out.kind.id, pages: out.pages }).toEqual({ kind, pages });
        expect(Object.fromEntries([...out.lists].map(([k, l]) => [k, l.length]))).toEqual(counts);
    });

    test("statuses and dates as the API gives them", () => {
        const rds = readOutput("r", read("rds-eu-west-1.json"));
        const kafka = readOutput("k", read("kafka.json"));
        const eks = readOutput("e", read("eks.json"));
        if (typeof rds === "string" || typeof kafka === "string" || typeof eks === "string") throw new Error("unreadable fixture");
        expect(rds.lists.get("aurora-postgresql")?.filter((v) => v.deprecated).map((v) => v.version)).toEqual(["15.10", "15.3"]);
        expect(kafka.lists.get("kafka")?.filter((v) => v.deprecated).map((v) => v.version)).toEqual(["2.8.1"]);
        expect(eks.lists.get("eks")).toEqual([
            { version: "1.34", deprecated: false, end: "2027-12-02" },
            { version: "1.30", deprecated: true, end: "2026-07-23" },
            { version: "1.31", deprecated: false, end: "2026-11-26" },
        ]);
        // Epoch seconds (--cli-timestamp-format none) and the older lower-case `status` read the same.
        const old = readOutput("o", JSON.stringify({ clusterVersions: [{ clusterVersion: "1.29", status: "unsupported", endOfExtendedSupportDate: 1774310400 }] }));
        expect(typeof old !== "string" && old.lists.get("eks")).toEqual([{ version: "1.29", deprecated: true, end: "2026-03-24" }]);
    });

    test("docdb and neptune outputs (the RDS shape) are named by their own command", () => {
        const docdb = readOutput("d", JSON.stringify({ DBEngineVersions: [{ Engine: "docdb", EngineVersion: "5.0.0", DBParameterGroupFamily: "docdb5.0" }] }));
        expect(typeof docdb !== "string" && [docdb.command, docdb.lists.get("docdb")]).toEqual(["aws docdb describe-db-engine-versions", [{ version: "5.0.0", deprecated: false }]]);
        expect(refreshCommandOf("neptune")).toBe("aws neptune describe-db-engine-versions");
        expect(refreshCommandOf("valkey")).toBe("aws elasticache describe-cache-engine-versions");
        expect(refreshCommandOf("sqlserver-ee")).toBe("aws rds describe-db-engine-versions --include-all");
    });

    test("pages concatenated, a JSON list of pages and one merged response read the same", () => {
        const items = [{ Version: "3.8.x", Status: "ACTIVE" }, { Version: "3.9.x", Status: "ACTIVE" }];
        const merged = readOutput("m", JSON.stringify({ KafkaVersions: items }));
        const concatenated = readOutput("c", `${JSON.stringify({ KafkaVersions: [items[0]], NextToken: "t1" })}\n${JSON.stringify({ KafkaVersions: [items[1]] })}`);
        const listed = readOutput("l", JSON.stringify([{ KafkaVersions: [items[0]], NextToken: "t1" }, { KafkaVersions: [items[1]], NextToken: null }]));
        const lists = [merged, concatenated, listed].map((o) => (typeof o === "string" ? o : o.lists.get("kafka")));
        expect(lists[1]).toEqual(lists[0]);
        expect(lists[2]).toEqual(lists[0]);
    });

    test.each([
        ["truncated.json", /truncated/],
        ["partial.json", /only part of the list \(its last page has a pagination token\)/],
        ["unrecognised.json", /not the output of a supported AWS CLI call/],
        ["error-text.json", /not JSON output/],
    ])("%s is refused: %s", (file, problem) => {
        expect(readOutput(file, read(file))).toMatch(problem);
    });

    test("odd input never throws", () => {
        for (const text of ["", "   ", "42", "null", "[1, 2]", '{"Versions": [1]}', '{"DBEngineVersions": [{"Engine": "postgres"}]}', '{"KafkaVersions": []}{"DBEngineVersions": []}', '{"a": "\\"}"}']) {
            expect(() => readOutput("x", text)).not.toThrow();
        }
        expect(readOutput("x", '{"Versions": [1]}')).toMatch(/not a version string/);
        expect(readOutput("x", '{"KafkaVersions": []}{"DBEngineVersions": []}')).toMatch(/mixes the outputs/);
        expect(jsonValues('{"a": "}{"} {"b": 1}')).toEqual([{ a: "}{" }, { b: 1 }]);
    });
});

describe("refresh", () => {
    test("writes the region's lists with region, command and as-of date, and reports what changed against the bundled list", () => {
        const out = tempDir();
        const result = refresh({ files: [fixture("rds-eu-west-1.json"), fixture("kafka.json"), fixture("eks.json")], region: "eu-west-1", out, asOf: "2026-12-07" });
        const written = JSON.parse(fs.readFileSync(regionFile(out, "eu-west-1"), "utf8")) as Record<string, unknown>;
        expect(engineFileProblem(written)).toBeUndefined();
        expect(written).toMatchObject({
            region: "eu-west-1",
            engines: {
                "aurora-postgresql": {
                    asOf: "2026-12-07",
                    region: "eu-west-1",
                    source: "aws rds describe-db-engine-versions --include-all",
                    sources: [{ command: "aws rds describe-db-engine-versions --include-all --region eu-west-1", date: "2026-12-07" }],
                    available: ["15.12", "16.9", "16.14", "16.15", "17.10"],
                    deprecated: ["15.3", "15.10"],
                },
                eks: { available: [], deprecated: ["1.30"], endOfSupport: { "1.31": "2026-11-26", "1.34": "2027-12-02" } },
                // An engine no policy knows is kept: `allow`/`deny` may name it, and a policy may use it later.
                "oracle-ee": { available: ["19.0.0.0.ru-2026-07.rur-2026-07.r1"] },
            },
        });
        const apg = result.changes.find((c) => c.key === "aurora-postgresql");
        expect(apg).toMatchObject({ was: "the bundled us-east-1 list of 2026-08-13", newlyDeprecated: ["15.10"], newlyAvailable: ["16.15"] });
        expect(apg?.gone).toContain("16.8");
        expect(result.changes.find((c) => c.key === "oracle-ee")?.was).toBe("no list before");
        // The folder is complete for AWS_GUARDRAILS_DATA_DIR: the bundled lists came along.
        expect(listing(out)).toEqual(["engine-versions.json", "lambda-runtimes.json", "regions", path.join("regions", "eu-west-1.json")]);
    });

    test("two regions: a refresh replaces its own region's lists of the engines it covers and keeps every other list", () => {
        const out = tempDir();
        refresh({ files: [fixture("rds-eu-west-1.json"), fixture("kafka.json")], region: "eu-west-1", out, asOf: "2026-11-02" });
        refresh({ files: [fixture("rds-us-east-1.json")], region: "us-east-1", out, asOf: "2026-11-03" });
        const again = refresh({ files: [fixture("rds-us-east-1.json")], region: "eu-west-1", out, asOf: "2026-12-07" });
        const eu = JSON.parse(fs.readFileSync(regionFile(out, "eu-west-1"), "utf8")) as { engines: Record<string, { asOf: string; available: string[] }> };
        const us = JSON.parse(fs.readFileSync(regionFile(out, "us-east-1"), "utf8")) as { engines: Record<string, { asOf: string }> };
        expect(eu.engines["aurora-postgresql"]).toMatchObject({ asOf: "2026-12-07", available: ["15.12", "16.8", "16.9", "16.14", "16.15"] });
        // Lists the new output does not cover stay as they were.
        expect(eu.engines.kafka.asOf).toBe("2026-11-02");
        expect(eu.engines.postgres.asOf).toBe("2026-11-02");
        expect(us.engines["aurora-postgresql"].asOf).toBe("2026-11-03");
        expect(again.changes).toEqual([
            expect.objectContaining({ key: "aurora-postgresql", was: "eu-west-1 refresh of 2026-11-02", newlyAvailable: ["16.8"], gone: ["15.3", "17.10"] }),
        ]);
    });

    test("an empty list records nothing and keeps the region's previous list", () => {
        const out = tempDir();
        refresh({ files: [fixture("kafka.json")], region: "eu-west-1", out, asOf: "2026-11-02" });
        const result = refresh({ files: [fixture("kafka-empty.json")], region: "eu-west-1", out, asOf: "2026-12-07" });
        expect(result).toMatchObject({ empty: [fixture("kafka-empty.json")], changes: [], written: [] });
        expect((JSON.parse(fs.readFileSync(regionFile(out, "eu-west-1"), "utf8")) as { engines: { kafka: { asOf: string } } }).engines.kafka.asOf).toBe("2026-11-02");
    });

    test.each(["truncated.json", "partial.json", "unrecognised.json", "error-text.json", "missing.json"])("%s stops the refresh before anything is written", (bad) => {
        const out = tempDir();
        refresh({ files: [fixture("kafka.json")], region: "eu-west-1", out, asOf: "2026-11-02" });
        const before = fs.readFileSync(regionFile(out, "eu-west-1"), "utf8");
        expect(() => refresh({ files: [fixture("rds-eu-west-1.json"), fixture(bad)], region: "eu-west-1", out, asOf: "2026-12-07" })).toThrow(RefreshError);
        expect(() => refresh({ files: [fixture(bad)], region: "eu-west-1", out, asOf: "2026-12-07" })).toThrow(new RegExp(`^${fixture(bad).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
        expect(fs.readFileSync(regionFile(out, "eu-west-1"), "utf8")).toBe(before);
        expect(listing(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    });

    test("a corrupt regional file already there is named, not overwritten", () => {
        const out = tempDir();
        fs.mkdirSync(path.join(out, "regions"));
        fs.writeFileSync(regionFile(out, "eu-west-1"), "{ not json");
        expect(() => refresh({ files: [fixture("kafka.json")], region: "eu-west-1", out, asOf: "2026-12-07" })).toThrow(/eu-west-1\.json is corrupt/);
        expect(fs.readFileSync(regionFile(out, "eu-west-1"), "utf8")).toBe("{ not json");
    });

    test("the writer is all-or-nothing: a file that cannot be written leaves the others as they were", () => {
        const out = tempDir();
        fs.writeFileSync(path.join(out, "a.json"), "old\n");
        fs.mkdirSync(path.join(out, "blocked"));
        fs.writeFileSync(path.join(out, "blocked", "regions"), "a file where a folder must go");
        expect(() => writeFilesAtomically([{ file: path.join(out, "a.json"), value: { new: true } }, { file: path.join(out, "blocked", "regions", "x.json"), value: {} }])).toThrow();
        expect(fs.readFileSync(path.join(out, "a.json"), "utf8")).toBe("old\n");
        expect(listing(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
        writeFilesAtomically([{ file: path.join(out, "a.json"), value: { new: [1, 2] } }]);
        expect(fs.readFileSync(path.join(out, "a.json"), "utf8")).toBe(`${format({ new: [1, 2] })}\n`);
    });
});

describe("lists per region", () => {
    const resource = (props: Record<string, unknown>, providerRegion?: unknown): Resource => ({
        type: "aws:rds/cluster:Cluster",
        name: "db",
        urn: "urn:db",
        props,
        opts: {},
        provider: providerRegion === undefined ? undefined : { type: "pulumi:providers:aws", name: "p", urn: "urn:p", props: { region: providerRegion } },
        dependencies: [],
        propertyDependencies: {},
    });
    const saved = { ...process.env };
    afterEach(() => {
        for (const k of ["AWS_REGION", "AWS_DEFAULT_REGION", "AWS_GUARDRAILS_DATA_DIR"]) {
            if (saved[k] === undefined) delete process.env[k];
            else process.env[k] = saved[k];
        }
    });

    test("the region: the resource's own input, its provider's, AWS_REGION, AWS_DEFAULT_REGION", () => {
        delete process.env.AWS_REGION;
        process.env.AWS_DEFAULT_REGION = "ap-south-1";
        expect(factsRegion(resource({ region: "eu-west-1" }, "us-east-1"))).toBe("eu-west-1");
        expect(factsRegion(resource({}, "us-east-1"))).toBe("us-east-1");
        expect(factsRegion(resource({}))).toBe("ap-south-1");
        process.env.AWS_REGION = "eu-central-1";
        expect(factsRegion(resource({}))).toBe("eu-central-1");
        expect(factsRegion(undefined)).toBe("eu-central-1");
        // Not a region name: no list is looked up under it.
        expect(factsRegion(resource({ region: "../../etc" }))).toBeUndefined();
    });

    test("a refreshed region's list, else the bundled one; each read is observed with its date", () => {
        const out = tempDir();
        refresh({ files: [fixture("rds-eu-west-1.json")], region: "eu-west-1", out, asOf: "2026-12-07" });
        process.env.AWS_GUARDRAILS_DATA_DIR = out;
        const seen: FactsUsed[] = [];
        const [eu, us, none] = observeFacts(
            (u) => seen.push(u),
            () => [engineList("aurora-postgresql", "eu-west-1"), engineList("aurora-postgresql", "us-east-1"), engineList("aurora-postgresql", undefined)],
        );
        expect(eu.ok && eu.data?.region).toBe("eu-west-1");
        expect(us.ok && us.data && [us.data.region, us.data.data.region, us.data.data.asOf]).toEqual([undefined, "us-east-1", "2026-08-13"]);
        expect(none.ok && none.data?.region).toBeUndefined();
        expect(seen.map((u) => [u.what, u.region, u.asOf])).toEqual([
            ["aurora-postgresql", "eu-west-1", "2026-12-07"],
            ["aurora-postgresql", undefined, "2026-08-13"],
            ["aurora-postgresql", undefined, "2026-08-13"],
        ]);
        // An engine only the regional list has is not invented for other regions.
        expect(engineList("oracle-ee", "us-east-1")).toEqual({ ok: true, data: undefined });
    });
});

describe("aws-guardrails facts refresh (the command)", () => {
    test("refreshes, prints the summary and exits 0", async () => {
        const out = tempDir();
        const r = await run(["facts", "refresh", "--region", "eu-west-1", "--out", out, fixture("rds-eu-west-1.json"), fixture("kafka-empty.json")]);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        expect(r.stdout).toContain("aws-guardrails facts refresh: eu-west-1 (from --region), as of 2026-12-07");
        expect(r.stdout).toContain("aws rds describe-db-engine-versions --include-all, 2 pages, 9 versions: aurora-postgresql, oracle-ee, postgres");
        expect(r.stdout).toMatch(/aurora-postgresql: 5 available, 2 deprecated \(was: the bundled us-east-1 list of 2026-08-13\)\n {4}newly deprecated: 15\.10\n {4}newly available: 16\.15\n {4}gone: 9\.6\.22, .*, and \d+ more\n/);
        expect(r.stdout).toContain("kafka-empty.json: the list is empty; nothing recorded from it");
        expect(r.stdout).toContain(`wrote ${regionFile(out, "eu-west-1")}`);
    });

    test("the region comes from AWS_REGION or AWS_DEFAULT_REGION when --region is not given, and is required", async () => {
        const out = tempDir();
        expect((await run(["facts", "refresh", "--out", out, fixture("kafka.json")], { AWS_DEFAULT_REGION: "eu-north-1" })).stdout).toContain("eu-north-1 (from AWS_DEFAULT_REGION)");
        expect((await run(["facts", "refresh", "--out", out, fixture("kafka.json")], { AWS_REGION: "eu-south-1", AWS_DEFAULT_REGION: "eu-north-1" })).stdout).toContain("eu-south-1 (from AWS_REGION)");
        const none = await run(["facts", "refresh", "--out", out, fixture("kafka.json")]);
        expect(none).toMatchObject({ code: 2, stdout: "" });
        expect(none.stderr).toBe("aws-guardrails facts: error: no region: AWS CLI output does not say which region it came from; give --region (or set AWS_REGION)\n");
    });

    test.each([
        [["facts", "refresh", "--region", "eu-west-1", "truncated.json"], /truncated\.json: it is truncated .*; nothing was written\n$/],
        [["facts", "refresh", "--region", "eu-west-1", "unrecognised.json"], /unrecognised\.json: it is not the output of a supported AWS CLI call/],
        [["facts", "refresh", "--region", "Europe", "kafka.json"], /"Europe" is not an AWS region name/],
        [["facts", "refresh", "--region", "eu-west-1", "--as-of", "2026-13-45", "kafka.json"], /--as-of wants a date/],
        [["facts", "refresh", "--region", "eu-west-1"], /no FILE given/],
        [["facts", "renew", "kafka.json"], /unknown facts command "renew"/],
        [["facts", "refresh", "--bogus", "kafka.json"], /Unknown option '--bogus'/],
    ])("%j exits 2 with one line, writing nothing", async (args, message) => {
        const out = tempDir();
        const r = await run([...args.map((a) => (a.endsWith(".json") ? fixture(a) : a)), "--out", out]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
        expect(listing(out)).toEqual([]);
    });

    test("--help", async () => {
        const r = await run(["facts", "--help"]);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain("aws eks describe-cluster-versions --include-all");
    });
});

test("the README shows the scheduled workflow exactly as examples/facts-refresh.yml has it", () => {
    const workflow = fs.readFileSync(path.join(ROOT, "examples", "facts-refresh.yml"), "utf8");
    expect(fs.readFileSync(path.join(ROOT, "README.md"), "utf8")).toContain(`\`\`\`yaml\n${workflow}\`\`\``);
});
