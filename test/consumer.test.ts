// End to end as a team uses the library: `npm pack` this package, install the tarball into a copy of the plain
// JavaScript example pack (examples/custom-pack: two families, one exclusion, one policy of its own, no build
// step), start it the way the engine starts a pack, and drive it over the Analyzer protocol next to the pack itself.
import { execFileSync, spawnSync } from "child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { EngineResource, EngineRun, PackClient, SIG_KEY, UNKNOWN_STRING, isSecretEnvelope, reconcileConfig, runEngine, secret, startPack } from "../engine/client";
import { readDocumentFile } from "../engine/documents";
import { isRecord } from "../lib/values";
import { policies } from "../policies";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "..", "..");
const EXAMPLE = path.join(ROOT, "examples", "custom-pack");
const BAD = readDocumentFile(path.join(ROOT, "examples", "bad-stack.json"));
const CUSTOM = "s3-bucket-name-prefix";
const BUILT_IN = "s3-force-destroy";
const SELECTED = policies.filter((p) => ["encryption", "destroyability"].includes(p.family) && p.name !== "no-protect-option").map((p) => p.name);
const CANT_RUN = /can't run (policy|remediation)|could not evaluate/;

/** `npm pack` of this checkout (already built by `npm test`, so no prepare script). */
function packTarball(into: string): string {
    const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", into], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const [{ filename }] = JSON.parse(out) as { filename: string }[];
    return path.join(into, path.basename(filename));
}

/**
 * What `npm install <tarball>` lays out, without the network: the tarball's files as node_modules/aws-guardrails, and
 * each of its declared dependencies linked from this checkout's node_modules (so an undeclared one fails to load).
 */
function install(tarball: string, consumer: string): void {
    const dir = path.join(consumer, "node_modules", "aws-guardrails");
    mkdirSync(dir, { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", dir, "--strip-components=1"]);
    const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    for (const dep of Object.keys(manifest.dependencies)) {
        const link = path.join(consumer, "node_modules", dep);
        mkdirSync(path.dirname(link), { recursive: true });
        symlinkSync(path.join(ROOT, "node_modules", dep), link, "dir");
    }
}

/** Every leaf replaced by f; signed objects (secrets, assets) count as leaves. */
function mapLeaves(value: unknown, f: (leaf: unknown) => unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => mapLeaves(v, f));
    if (isRecord(value) && !(SIG_KEY in value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapLeaves(v, f)]));
    return f(value);
}

const LEGACY_NAME = "legacy-ledger-2019";
const bucket = ((): EngineResource => {
    const found = BAD.resources.find((r) => r.type === "aws:s3/bucket:Bucket");
    if (!found) throw new Error("the bad stack has no bucket");
    // Both policies under comparison flag it: a name without the prefix, and forceDestroy false in a dev stack.
    return { ...found, props: { ...found.props, bucket: LEGACY_NAME } };
})();

function withProps(props: Record<string, unknown>): EngineResource {
    return { ...bucket, props, outputs: undefined };
}

const tagged = (policy: string): EngineResource => withProps({ ...bucket.props, tags: { team: "ledger", [`guardrails:exempt:${policy}`]: "imported from the old account" } });

function verdicts(run: EngineRun, policy: string): { level: string; message: string }[] {
    return run.findings.filter((f) => f.policyName === policy && f.resource.name === bucket.name).map((f) => ({ level: f.enforcementLevel, message: f.message }));
}

function cantRun(run: EngineRun): string[] {
    return run.findings.filter((f) => CANT_RUN.test(f.message)).map((f) => `${f.policyName}: ${f.message}`);
}

let workDir: string;
let consumer: PackClient;
let pack: PackClient;

beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), "guardrails-consumer-"));
    const tarball = packTarball(workDir);
    const dir = path.join(workDir, "acme-guardrails");
    mkdirSync(dir);
    for (const f of ["package.json", "PulumiPolicy.yaml", "index.js", "s3-bucket-name-prefix.js", "s3-bucket-name-prefix.test.js"]) cpSync(path.join(EXAMPLE, f), path.join(dir, f));
    install(tarball, dir);
    const options = { stack: "dev", project: "payments-dr", organization: "acme", dryRun: true, config: BAD.config, env: { ENVIRONMENT_SUFFIX: undefined } };
    [consumer, pack] = await Promise.all([startPack(dir, options), startPack(ROOT, options)]);
});

afterAll(async () => {
    await Promise.all([consumer?.close(), pack?.close()]);
    if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test("the installed package is what `files` ships, and the consumer resolves the library from it", () => {
    const installed = path.join(workDir, "acme-guardrails", "node_modules", "aws-guardrails");
    const resolved = require.resolve("aws-guardrails/library", { paths: [path.join(workDir, "acme-guardrails")] });
    expect(resolved).toBe(path.join(installed, "bin", "library", "index.js"));
    expect(require.resolve("aws-guardrails/testing", { paths: [path.join(workDir, "acme-guardrails")] })).toBe(path.join(installed, "bin", "testing", "index.js"));
    for (const f of ["CHANGELOG.md", "bin/library/index.d.ts", "data/name-limits.json"]) expect(() => readFileSync(path.join(installed, f))).not.toThrow();
    expect(() => readFileSync(path.join(installed, "bin", "test", "e2e.test.js"))).toThrow();
});

test.each(["node16", "node10"])("a TypeScript consumer type-checks against the installed declarations (moduleResolution %s)", (resolution) => {
    const dir = path.join(workDir, "acme-guardrails");
    writeFileSync(
        path.join(dir, "typed.ts"),
        [
            'import { PolicyPack } from "@pulumi/policy";',
            'import { GuardrailsOptions, definePolicy, guardrails, isUnknown } from "aws-guardrails/library";',
            'import { UNKNOWN, testPolicy } from "aws-guardrails/testing";',
            "const p = definePolicy<{ maxGiB: number }>({",
            '    kind: "resource", name: "ebs-size", family: "resilience", description: "Small volumes.", enforcementLevel: "advisory", severity: "low",',
            '    types: ["aws:ebs/volume:Volume"], messages: { big: "size {{value}}" }, remediationSteps: "Use less.", config: { maxGiB: { type: "integer", default: 9 } },',
            '    check({ get, config, report }) { const v = get("size"); if (!isUnknown(v) && typeof v === "number" && v > config.maxGiB) report("big", { value: v }); },',
            "});",
            'const options: GuardrailsOptions = { families: ["encryption"], custom: [p] };',
            'export const pack = (): PolicyPack => new PolicyPack("typed", { policies: guardrails(options) });',
            'export const table = (): void => testPolicy(p, { valid: [{ props: { size: UNKNOWN } }], invalid: [{ props: { size: 10 }, messageId: "big" }] });',
            "",
        ].join("\n"),
    );
    const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const args = ["--noEmit", "--strict", "--skipLibCheck", "--types", "node", "--typeRoots", path.join(ROOT, "node_modules", "@types"), "--target", "es2020"];
    const mode = resolution === "node16" ? ["--module", "node16", "--moduleResolution", "node16"] : ["--module", "commonjs", "--moduleResolution", "node10"];
    // A misspelt family is a type error for a TypeScript consumer.
    writeFileSync(path.join(dir, "typo.ts"), 'import { guardrails } from "aws-guardrails/library";\nguardrails({ families: ["encryptoin"] });\n');
    const check = (file: string) => {
        const run = spawnSync(process.execPath, [tsc, ...args, ...mode, file], { cwd: dir, encoding: "utf8" });
        return { status: run.status, output: `${run.stdout}${run.stderr}` };
    };
    expect(check("typed.ts")).toEqual({ status: 0, output: "" });
    expect(check("typo.ts")).toEqual({ status: 2, output: expect.stringContaining('"encryptoin"') });
});

test("the consumer's own jest run of its policy table passes against the installed package", () => {
    const dir = path.join(workDir, "acme-guardrails");
    const jest = path.join(ROOT, "node_modules", "jest", "bin", "jest.js");
    const run = spawnSync(process.execPath, [jest, "--rootDir", dir, "--ci", "--colors=false"], { cwd: dir, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: undefined } });
    expect({ status: run.status, output: run.stderr }).toEqual({ status: 0, output: expect.stringMatching(/Tests: +16 passed, 16 total/) });
    // Outside this checkout, "aws-guardrails/testing" resolves to the installed tarball only (see the first test).
    expect(run.stderr).toContain("PASS ./s3-bucket-name-prefix.test.js");
});

test("GetAnalyzerInfo lists the two families minus the exclusion, plus the custom policy with the config every policy gets", async () => {
    const info = await consumer.getAnalyzerInfo();
    expect(info.name).toBe("acme-guardrails");
    expect(info.policies.map((p) => p.name).sort()).toEqual([...SELECTED, CUSTOM].sort());
    const custom = info.policies.find((p) => p.name === CUSTOM);
    expect({ level: custom?.enforcementLevel, severity: custom?.severity, type: custom?.policyType }).toEqual({ level: "mandatory", severity: "low", type: "resource" });
    const schema = custom?.configSchema?.properties ?? {};
    expect(Object.keys(schema).sort()).toEqual(["allowInCodeExemptions", "exemptions", "prefix"]);
    expect(reconcileConfig(info, undefined).config[CUSTOM].properties).toEqual({ prefix: "acme-", exemptions: [] });
    // The custom policy's config is validated like the pack's own.
    expect(reconcileConfig(info, { [CUSTOM]: { prefix: 3 } }).errors).toEqual([expect.stringMatching(/^s3-bucket-name-prefix: prefix must be a string/)]);
    expect(reconcileConfig(info, { [BUILT_IN]: { exemptions: "all" } }).errors).toEqual([expect.stringMatching(/^s3-force-destroy: exemptions must be an array/)]);
});

test("the selected policies keep the pack's verdicts, remediation included", async () => {
    const policyConfig = { "skip-final-snapshot": "remediate" };
    const [mine, theirs] = await Promise.all([runEngine(consumer, BAD.resources, { policyConfig }), runEngine(pack, BAD.resources, { policyConfig })]);
    const key = (run: EngineRun, names: readonly string[]) =>
        run.findings.filter((f) => names.includes(f.policyName)).map((f) => `${f.phase} ${f.policyName} ${f.enforcementLevel} ${f.resource.name}: ${f.message}`).sort();
    expect(key(mine, SELECTED)).toEqual(key(theirs, SELECTED));
    expect(key(mine, SELECTED).length).toBeGreaterThan(5);
    expect(mine.remediated.map((r) => `${r.policyName} ${r.resource.name} ${r.changed}`)).toEqual(theirs.remediated.map((r) => `${r.policyName} ${r.resource.name} ${r.changed}`));
    expect(mine.remediated.length).toBeGreaterThan(0);
    // Policies outside the selection are not run.
    expect(mine.findings.filter((f) => f.policyName === "no-protect-option" || f.policyName === "cloudwatch-log-group-retention")).toEqual([]);
    expect(cantRun(mine)).toEqual([]);
});

describe.each([CUSTOM, BUILT_IN])("%s, run by the consumer, is handled like every policy of the pack", (policy) => {
    test("a finding, at the policy's level", async () => {
        const run = await runEngine(consumer, [withProps(bucket.props)]);
        expect(verdicts(run, policy)).toEqual([{ level: "mandatory", message: expect.stringContaining(bucket.name) }]);
        // Shown while not secret (the secret test below proves it is hidden once it is).
        if (policy === CUSTOM) expect(verdicts(run, policy)[0].message).toContain(LEGACY_NAME);
    });

    test("exemptions: config (live and expired), in-code tag (refused, then allowed by the admin)", async () => {
        const live = await runEngine(consumer, [withProps(bucket.props)], { policyConfig: { [policy]: { exemptions: [{ resources: [bucket.name], reason: "moved in Q3, ticket OPS-7", expires: "2099-12-31" }] } } });
        expect(verdicts(live, policy)).toEqual([{ level: "advisory", message: expect.stringContaining(`EXEMPTED from ${policy} (policy config: "moved in Q3, ticket OPS-7", until 2099-12-31)`) }]);
        const expired = await runEngine(consumer, [withProps(bucket.props)], { policyConfig: { [policy]: { exemptions: [{ resources: ["aws:s3/*"], reason: "old", expires: "2020-01-31" }] } } });
        expect(verdicts(expired, policy)).toEqual([{ level: "mandatory", message: expect.stringContaining(`exemption from ${policy} ("old") expired on 2020-01-31`) }]);
        const refused = await runEngine(consumer, [tagged(policy)]);
        expect(verdicts(refused, policy)).toEqual([{ level: "mandatory", message: expect.stringContaining(`in-code exemption tag guardrails:exempt:${policy} ("imported from the old account") refused`) }]);
        const allowed = await runEngine(consumer, [tagged(policy)], { policyConfig: { [policy]: { allowInCodeExemptions: true } } });
        expect(verdicts(allowed, policy)).toEqual([{ level: "advisory", message: expect.stringContaining(`EXEMPTED from ${policy} (tag guardrails:exempt:${policy}`) }]);
    });

    test.each([
        ["every top-level value", (props: Record<string, unknown>) => Object.fromEntries(Object.keys(props).map((k) => [k, UNKNOWN_STRING]))],
        ["every leaf value", (props: Record<string, unknown>) => mapLeaves(props, () => UNKNOWN_STRING) as Record<string, unknown>],
    ])("unknown values (%s): no finding and no can't-run", async (_why, unknown) => {
        const run = await runEngine(consumer, [withProps(unknown(bucket.props))]);
        expect(verdicts(run, policy)).toEqual([]);
        expect(cantRun(run)).toEqual([]);
    });

    test("secret values: the same verdict, and the value never shown", async () => {
        const hidden = mapLeaves(bucket.props, (leaf) => (leaf === null || isSecretEnvelope(leaf) ? leaf : secret(leaf))) as Record<string, unknown>;
        const run = await runEngine(consumer, [withProps(hidden)]);
        expect(verdicts(run, policy).map((v) => v.level)).toEqual(["mandatory"]);
        expect(run.findings.filter((f) => f.message.includes(LEGACY_NAME))).toEqual([]);
    });

    test("junk input: no throw and no can't-run", async () => {
        const junk: Record<string, unknown>[] = [
            {},
            { bucket: 42, forceDestroy: "yes", tags: "x" },
            { bucket: [[null]], bucketPrefix: { a: [] }, forceDestroy: [true], tags: [1, 2] },
            { bucket: "x".repeat(100_000), forceDestroy: { nested: { deeper: [UNKNOWN_STRING] } }, tags: { "guardrails:exempt:x": null } },
            { bucket: null, bucketPrefix: "", "": UNKNOWN_STRING },
        ];
        for (const props of junk) {
            const run = await runEngine(consumer, [withProps(props)]);
            expect(cantRun(run)).toEqual([]);
        }
    });
});

describe("a pack that adds a raw @pulumi/policy policy next to guardrails()", () => {
    let mixed: PackClient;
    let dir: string;

    beforeAll(async () => {
        dir = path.join(workDir, "mixed-pack");
        mkdirSync(dir);
        symlinkSync(path.join(workDir, "acme-guardrails", "node_modules"), path.join(dir, "node_modules"), "dir");
        writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "mixed-pack", version: "1.0.0", main: "index.js" }));
        writeFileSync(
            path.join(dir, "index.js"),
            [
                'const { PolicyPack } = require("@pulumi/policy");',
                'const { guardrails } = require("aws-guardrails/library");',
                "const raw = { name: \"raw-bucket-check\", description: \"A raw SDK policy.\", enforcementLevel: \"advisory\",",
                '    validateResource: (args, report) => { if (args.type === "aws:s3/bucket:Bucket") report("raw saw " + args.name); } };',
                'new PolicyPack("mixed", { policies: [...guardrails({ policies: ["s3-force-destroy"] }), raw] });',
            ].join("\n"),
        );
        mixed = await startPack(dir, { stack: "dev", project: "payments-dr", dryRun: true });
    });
    afterAll(async () => {
        await mixed?.close();
    });

    test("runs both: the SDK serves the pack when it holds policies guardrails() did not make", async () => {
        const run = await runEngine(mixed, [withProps(bucket.props)]);
        expect(run.findings.map((f) => `${f.policyName} ${f.enforcementLevel}`).sort()).toEqual(["raw-bucket-check advisory", "s3-force-destroy mandatory"]);
    });
});
