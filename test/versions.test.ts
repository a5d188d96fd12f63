// lib/versions and tools/gen-data: version parsing, the committed data, lazy loading and the generator's rules.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { resolveConfig } from "../lib/config";
import { ENGINE_FILE, RUNTIME_FILE, RUNTIME_CONFIG, VERSION_CONFIG, coerceSemver, compareVersions, parseVersion } from "../lib/versions";
import { engineFile, format, main, runtimeFile } from "../tools/gen-data";

const DATA = path.join(__dirname, "..", "..", "data");

describe("version parsing", () => {
    test.each([
        ["15.4", "15.4.0"],
        ["8.0.mysql_aurora.3.05.2", "8.0.0"],
        ["OpenSearch_2.11", "2.11.0"],
        ["3.6.0", "3.6.0"],
        ["1.29", "1.29.0"],
        ["nodejs18.x", "18.0.0"],
        ["16.00.4225.2.v1", "16.0.4225"],
        ["11.22-rds.20241121", "11.22.0"],
        ["3.7.x.kraft", "3.7.0"],
        ["15", "15.0.0"],
    ])("coerces %s to %s", (raw, expected) => expect(coerceSemver(raw)?.version).toBe(expected));

    test("no number, no semver", () => expect(coerceSemver("latest")).toBeNull());

    test("orders by numbers, not text", () => {
        expect(compareVersions("15.10", "15.9")).toBeGreaterThan(0);
        expect(compareVersions("8.0.mysql_aurora.3.10.0", "8.0.mysql_aurora.3.04.6")).toBeGreaterThan(0);
        expect(compareVersions("3.7.x", "3.6.0")).toBeGreaterThan(0);
        expect(compareVersions("nodejs22.x", "nodejs4.3")).toBeGreaterThan(0);
        expect(["15.10", "15.2", "9.6.24", "15.9"].sort(compareVersions)).toEqual(["9.6.24", "15.2", "15.9", "15.10"]);
    });

    test("families and shapes", () => {
        expect(parseVersion("OpenSearch_2.11")).toEqual({ raw: "OpenSearch_2.11", family: "OpenSearch_", nums: [2, 11], shape: "OpenSearch_#.#" });
        expect(parseVersion("16.4-limitless").shape).toBe("#.#-limitless");
        expect(parseVersion("provided.al2023").family).toBe("provided.al");
    });

    test("never throws on odd input", () => {
        for (const raw of ["", "x", "....", "1".repeat(5000), "\u0000", "9".repeat(400) + ".1"]) {
            expect(() => coerceSemver(raw)).not.toThrow();
            expect(() => compareVersions(raw, "15.4")).not.toThrow();
        }
    });
});

describe("committed data", () => {
    const engines = JSON.parse(fs.readFileSync(path.join(DATA, ENGINE_FILE), "utf8")) as ReturnType<typeof engineFile>;
    const runtimes = JSON.parse(fs.readFileSync(path.join(DATA, RUNTIME_FILE), "utf8")) as ReturnType<typeof runtimeFile>;

    test("the seed's versions: 15.3 and 15.8 deprecated, 15.10 available", () => {
        const pg = engines.engines["aurora-postgresql"];
        expect(pg.deprecated).toEqual(expect.arrayContaining(["15.3", "15.6", "15.7", "15.8"]));
        expect(pg.available.filter((v) => v.startsWith("15."))).toEqual(["15.10", "15.12", "15.13", "15.14", "15.15", "15.17", "15.18"]);
    });

    test("every list names its sources and as-of date", () => {
        for (const e of Object.values(engines.engines)) {
            expect(e.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(e.sources.length).toBeGreaterThan(0);
            for (const s of e.sources) expect(s.commit ?? s.package).toBeTruthy();
        }
        expect(runtimes.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(runtimes.sources.length).toBeGreaterThan(0);
    });

    test("dates are raw: no precomputed status fields", () => {
        expect(JSON.stringify(engines)).not.toContain("statusAsOf");
        expect(runtimes.runtimes["nodejs16.x"]).toEqual({ deprecated: "2024-06-12", blockCreate: "2027-02-01", blockUpdate: "2027-03-03", successor: "nodejs24.x" });
        expect(engines.engines.eks.endOfSupport["1.29"]).toBe("2026-03-23");
    });
});

describe("lazy loading", () => {
    test("loading the policies reads no data file", () => {
        // The module object itself (the namespace import is frozen): lib/versions reads through it.
        const read = jest.spyOn(require("fs") as typeof fs, "readFileSync");
        const dataReads = () => read.mock.calls.filter(([file]) => typeof file === "string" && (file.endsWith(ENGINE_FILE) || file.endsWith(RUNTIME_FILE))).length;
        let before = -1;
        jest.isolateModules(() => {
            require("../policies");
            before = dataReads();
            // First use reads the file, once.
            const lib = require("../lib/versions") as typeof import("../lib/versions");
            lib.assessRuntime("nodejs22.x");
            lib.assessRuntime("nodejs20.x");
        });
        const after = dataReads();
        read.mockRestore();
        expect(before).toBe(0);
        expect(after).toBe(1);
    });
});

describe("config schema", () => {
    test("accepts the documented forms", () => {
        const given = { allow: ["16.15", "aurora-postgresql:16.15", "opensearch:OpenSearch_3.9"], deny: ["mysql:8.0.42"], require: { "aurora-postgresql": ">=16", eks: "1.33 - 1.36 || >=1.37" } };
        expect(resolveConfig("p", VERSION_CONFIG, given).errors).toEqual([]);
        expect(resolveConfig("p", RUNTIME_CONFIG, { allow: ["nodejs26.x"], deny: ["python3.11"] }).errors).toEqual([]);
    });

    test("rejects malformed entries, naming the field", () => {
        expect(resolveConfig("p", VERSION_CONFIG, { allow: ["aurora postgresql 16"] }).errors[0]).toContain("p: allow[0]");
        expect(resolveConfig("p", VERSION_CONFIG, { deny: [15.3] }).errors[0]).toContain("p: deny[0]");
        expect(resolveConfig("p", VERSION_CONFIG, { require: { mysql: 8 } }).errors[0]).toContain("p: require.mysql");
        expect(resolveConfig("p", VERSION_CONFIG, { require: { mysql: "newest please" } }).errors[0]).toContain("p: require.mysql");
        expect(resolveConfig("p", RUNTIME_CONFIG, { deny: ["Node JS"] }).errors[0]).toContain("p: deny[0]");
    });
});

describe("gen-data", () => {
    const index = {
        x: { repo: "o/r", path: "a.json", commit: "abc", commitDate: "2026-08-13 (note)" },
        pkg: { package: "cdk-lib@1.0.0 (npm)", published: "2026-11-10" },
    };
    const facts = {
        statusComputedOn: "2026-11-23",
        sourceIndex: index,
        rds: Object.fromEntries(
            ["aurora-mysql", "aurora-postgresql", "mysql", "postgres", "mariadb", "sqlserver-ee", "sqlserver-se", "sqlserver-ex", "sqlserver-web", "db2-ae", "db2-se"].map((k) => [
                k,
                k.startsWith("aurora") || k === "mysql" || k === "postgres" ? { available: ["15.10"], deprecated: ["15.3"], sources: ["x"] } : { availableOrDeprecated: ["1.0"], sources: ["x"] },
            ]),
        ),
        elasticache: { redis: ["7.1"], valkey: ["8.0"], memcached: ["1.6.22"] },
        elasticacheMeta: { sources: ["x"] },
        docdb: { versions: ["5.0.0"], sources: ["x"] },
        neptune: {
            sources: ["pkg"],
            versions: [
                { version: "1.0.1.0", endOfLife: null, statusAsOf: "unknown" },
                { version: "1.0.2.0", endOfLife: "2020-05-19", statusAsOf: "past-EOL" },
                { version: "1.4.8.0", endOfLife: "2027-10-27", statusAsOf: "supported" },
            ],
        },
        opensearch: {
            sources: ["pkg"],
            versions: [
                { engineVersion: "Elasticsearch_1.5", cdkDeprecated: false, extendedSupportEnd: null },
                { engineVersion: "OpenSearch_2.10", cdkDeprecated: true, extendedSupportEnd: null },
                { engineVersion: "OpenSearch_2.11", cdkDeprecated: false, extendedSupportEnd: "2028-11-07" },
                { engineVersion: "OpenSearch_3.1", cdkDeprecated: false, extendedSupportEnd: false },
            ],
        },
        kafka: {
            sources: ["pkg"],
            versions: [
                { kafkaVersion: "1.1.1", mskDeprecatedPerCdkDoc: true, endOfSupport: null },
                { kafkaVersion: "3.6.0", mskDeprecatedPerCdkDoc: false, endOfSupport: "2026-06-01", statusAsOf: "supported (stale)" },
                { kafkaVersion: "3.9.x", mskDeprecatedPerCdkDoc: false, endOfSupport: false },
            ],
        },
        eks: {
            sources: ["x", "pkg"],
            versions: [
                { version: "1.17", endOfStandardSupport: null, endOfExtendedSupport: null },
                { version: "1.19", endOfStandardSupport: "2022-08-01", endOfExtendedSupport: null },
                { version: "1.31", endOfStandardSupport: "2025-11-26", endOfExtendedSupport: "2026-11-26" },
                { version: "1.37", endOfStandardSupport: null, endOfExtendedSupport: null },
            ],
        },
    };

    test("keeps raw dates, infers only from newer dated versions of the same family, takes sources from the index", () => {
        const out = engineFile(facts);
        expect(out.engines.neptune).toMatchObject({ available: [], endOfSupport: { "1.0.1.0": "2020-05-19", "1.0.2.0": "2020-05-19", "1.4.8.0": "2027-10-27" } });
        expect(out.engines.eks).toMatchObject({ available: ["1.37"], endOfSupport: { "1.17": "2022-08-01", "1.19": "2022-08-01", "1.31": "2026-11-26" }, asOf: "2026-11-10", source: "o/r + cdk-lib@1.0.0" });
        expect(out.engines.opensearch).toMatchObject({ available: ["Elasticsearch_1.5", "OpenSearch_3.1"], deprecated: ["OpenSearch_2.10"], endOfSupport: { "OpenSearch_2.11": "2028-11-07" } });
        expect(out.engines.kafka).toMatchObject({ available: ["3.9.x"], deprecated: ["1.1.1"], endOfSupport: { "3.6.0": "2026-06-01" } });
        expect(out.engines["aurora-postgresql"]).toMatchObject({ deprecationKnown: true, sources: [{ repo: "o/r", path: "a.json", commit: "abc", date: "2026-08-13" }] });
        expect(out.engines.mariadb).toMatchObject({ deprecationKnown: false, available: ["1.0"], deprecated: [] });
        expect(JSON.stringify(out)).not.toContain("statusAsOf");
    });

    test("runtimes keep their dates and successor; as-of is the lifecycle date, not the compile day", () => {
        const out = runtimeFile({
            source: "cfn-lint x.json (dates; commit a 2026-06-02); endoflife y.md (b 2026-08-16)",
            asOf: "lifecycle dates as of 2026-06-02 (cfn-lint) / 2026-08-16 (endoflife); status computed on 2026-11-23",
            runtimes: [
                { runtime: "nodejs20.x", status: "supported", statusBasis: "cfn-lint x.json", deprecationDate: "2026-04-30", blockCreateDate: "2027-02-01", blockUpdateDate: "2027-03-03", successor: "nodejs24.x" },
                { runtime: "nodejs26.x", status: "unknown", statusBasis: null, deprecationDate: null, blockCreateDate: null, blockUpdateDate: null, successor: null },
            ],
        });
        expect(out).toMatchObject({ asOf: "2026-08-16", factsCompiled: "2026-11-23", source: "cfn-lint x.json" });
        expect(out.sources).toEqual(["cfn-lint x.json (dates; commit a 2026-06-02)", "endoflife y.md (b 2026-08-16)"]);
        expect(out.runtimes).toEqual({ "nodejs20.x": { deprecated: "2026-04-30", blockCreate: "2027-02-01", blockUpdate: "2027-03-03", successor: "nodejs24.x" }, "nodejs26.x": {} });
    });

    test("a malformed input fails with the field named", () => {
        expect(() => engineFile({ ...facts, eks: { sources: ["x"], versions: [{ version: "1.30", endOfExtendedSupport: "soon" }] } })).toThrow(/eks 1\.30/);
        expect(() => engineFile({ ...facts, sourceIndex: {} })).toThrow(/sourceIndex\.x/);
    });

    test("writes both files; the CLI reports errors instead of a stack trace", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gen-data-"));
        const out = path.join(dir, "out");
        const errors: string[] = [];
        const write = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => errors.push(String(s)) > 0);
        const log = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
        try {
            expect(main([])).toBe(2);
            expect(main([path.join(dir, "nope")])).toBe(1);
            expect(errors.join("")).toContain("gen-data:");
            fs.writeFileSync(path.join(dir, "engine-versions.json"), JSON.stringify(facts));
            fs.writeFileSync(path.join(dir, "lambda-runtimes.json"), JSON.stringify({ source: "s", asOf: "as of 2026-08-16; status computed on 2026-11-23", runtimes: [] }));
            expect(main([dir, out])).toBe(0);
            const written = fs.readFileSync(path.join(out, ENGINE_FILE), "utf8");
            expect(written).toBe(`${format(engineFile(facts))}\n`);
            expect(JSON.parse(written)).toEqual(engineFile(facts));
        } finally {
            write.mockRestore();
            log.mockRestore();
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
