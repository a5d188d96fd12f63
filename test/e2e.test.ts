// End to end: the compiled pack, started and driven the way `pulumi preview --policy-pack .` does it, over the
// example preview documents (examples/*.json, modelled on seeds 002, 003 and 004).
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { policies } from "../policies";
import {
    ConfigError,
    EngineResource,
    EngineRun,
    PackClient,
    SIG_KEY,
    UNKNOWN_STRING,
    isSecretEnvelope,
    parsePolicyPackConfig,
    reconcileConfig,
    runEngine,
    secret,
    startPack,
} from "../engine/client";
import { readDocumentFile } from "../engine/documents";
import { toSdkPolicy } from "../lib/sdk";
import { isRecord } from "../lib/values";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "..", "..");
const example = (file: string): string => path.join(ROOT, "examples", file);
const BAD = readDocumentFile(example("bad-stack.json"));
const GOOD = readDocumentFile(example("good-stack.json"));
const EXAMPLE_CONFIG = JSON.parse(readFileSync(example("policy-config.json"), "utf8")) as Record<string, unknown>;
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const PASSWORD = "MySecurePassword123!";

const registered = new Map(policies.map((p) => [p.name, p]));
/** Policies the seeds call for, by the names the registry uses. */
const BAD_STACK_EXPECTS: readonly { policy: string; on: string; level?: "advisory" }[] = [
    { policy: "skip-final-snapshot", on: "financial-db-cluster" }, // seed 002: no skipFinalSnapshot
    { policy: "deletion-protection-disabled", on: "financial-db-cluster" }, // seed 002: deletionProtection true
    { policy: "no-protect-option", on: "financial-db-cluster" },
    { policy: "rds-engine-version", on: "financial-db-cluster" }, // seed 002: Aurora PostgreSQL 15.3
    { policy: "kms-key-rotation", on: "financial-db-kms" }, // seed 004 #2
    { policy: "kms-deletion-window", on: "financial-db-kms" },
    { policy: "resource-name-environment-suffix", on: "financial-db-kms-alias" }, // seed 002 #3: alias without suffix
    { policy: "cloudwatch-log-group-retention", on: "app-logs" }, // seed 002: log retention
    { policy: "s3-public-access-block", on: "transaction-logs", level: "advisory" }, // seed 003 #4: AWS blocks public access on new buckets, so a note
    { policy: "s3-force-destroy", on: "transaction-logs" },
    { policy: "secret-recovery-window", on: "db-credentials" },
    { policy: "security-group-no-public-ingress", on: "db-sg" }, // 5432 open to the world
    { policy: "database-not-publicly-accessible", on: "financial-db-instance-1" },
    { policy: "lambda-runtime", on: "failover-fn" }, // nodejs14.x: create-blocked
    { policy: "customer-managed-key", on: "sessions" }, // seed 004 #14
];

const CANT_RUN = /can't run (policy|remediation)|could not evaluate|invalid policy config/;

function mandatoryKeys(run: EngineRun): string[] {
    return [...new Set(run.findings.filter((f) => f.enforcementLevel === "mandatory").map((f) => `${f.policyName} on ${f.resource.name}`))].sort();
}

function expectNoCantRun(run: EngineRun): void {
    expect(run.findings.filter((f) => CANT_RUN.test(f.message)).map((f) => `${f.policyName}: ${f.message}`)).toEqual([]);
}

/** Every leaf replaced by f; signed objects (secrets, assets) count as leaves. */
function mapLeaves(value: unknown, f: (leaf: unknown) => unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => mapLeaves(v, f));
    if (isRecord(value) && !(SIG_KEY in value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapLeaves(v, f)]));
    return f(value);
}

type Transform = (props: Record<string, unknown>) => Record<string, unknown>;

function transformStack(resources: readonly EngineResource[], t: Transform): EngineResource[] {
    return resources.map((r) => ({
        ...r,
        props: t(r.props),
        outputs: r.outputs ? t(r.outputs) : undefined,
        provider: r.provider ? { ...r.provider, props: t(r.provider.props) } : undefined,
    }));
}

const topLevelUnknown: Transform = (props) => Object.fromEntries(Object.keys(props).map((k) => [k, UNKNOWN_STRING]));
const deepUnknown: Transform = (props) => mapLeaves(props, () => UNKNOWN_STRING) as Record<string, unknown>;
const allSecret: Transform = (props) =>
    mapLeaves(props, (leaf) => (leaf === UNKNOWN_STRING || leaf === null || isSecretEnvelope(leaf) ? leaf : secret(leaf))) as Record<string, unknown>;

function clusterOf(resources: readonly EngineResource[]): EngineResource {
    const cluster = resources.find((r) => r.type === "aws:rds/cluster:Cluster");
    if (!cluster) throw new Error("the example has no aws:rds/cluster:Cluster");
    return cluster;
}

/** The resource with an in-code exemption tag for `policy`. */
const tagged = (r: EngineResource, policy: string, reason: string): EngineResource => ({
    ...r,
    props: { ...r.props, tags: { ...(isRecord(r.props.tags) ? r.props.tags : {}), [`guardrails:exempt:${policy}`]: reason } },
});

describe("the pack on a dev stack", () => {
    let pack: PackClient;

    beforeAll(async () => {
        pack = await startPack(ROOT, {
            stack: "dev",
            project: "payments-dr",
            organization: "acme",
            dryRun: true,
            config: BAD.config,
            env: { ENVIRONMENT_SUFFIX: undefined },
        });
    });
    afterAll(async () => {
        await pack?.close();
    });

    test("GetAnalyzerInfo lists every registered policy with its level, severity, remediation steps and config schema", async () => {
        const info = await pack.getAnalyzerInfo();
        expect(info.name).toBe("aws-guardrails");
        expect(info.version).toBe(VERSION);
        expect(info.policies.map((p) => p.name).sort()).toEqual(policies.map((p) => p.name).sort());
        for (const sent of info.policies) {
            const p = registered.get(sent.name);
            // What the SDK bridge declares is what GetAnalyzerInfo must carry.
            const declared = p ? toSdkPolicy(p) : undefined;
            expect({ name: sent.name, level: sent.enforcementLevel, severity: sent.severity, type: sent.policyType }).toEqual({
                name: p?.name,
                level: p?.enforcementLevel,
                severity: p?.severity,
                type: p?.kind,
            });
            expect(sent.description).toBe(p?.description);
            expect(sent.remediationSteps).toBe(p?.remediationSteps);
            expect(sent.remediationSteps).not.toBe("");
            expect(sent.configSchema?.properties ?? {}).toEqual(JSON.parse(JSON.stringify(declared?.configSchema?.properties ?? {})));
            for (const key of Object.keys(p?.config ?? {})) expect(sent.configSchema?.properties).toHaveProperty(key);
        }
    });

    test("reconcile fills in each policy's level and schema defaults, then applies the file format (level strings, objects, all)", async () => {
        const info = await pack.getAnalyzerInfo();
        const defaults = reconcileConfig(info, undefined);
        expect(defaults.errors).toEqual([]);
        const declared = info.policies.find((p) => p.name === "skip-final-snapshot")?.configSchema?.properties ?? {};
        expect(defaults.config["skip-final-snapshot"]).toEqual({
            enforcementLevel: "mandatory",
            properties: Object.fromEntries(Object.entries(declared).map(([k, s]) => [k, isRecord(s) ? s.default : undefined])),
        });

        const given = reconcileConfig(info, { all: "advisory", "skip-final-snapshot": { enforcementLevel: "disabled", productionStacks: ["live"] } });
        expect(given.errors).toEqual([]);
        expect(given.config["s3-public-access-block"].enforcementLevel).toBe("advisory");
        expect(given.config["skip-final-snapshot"].enforcementLevel).toBe("disabled");
        expect(given.config["skip-final-snapshot"].properties.productionStacks).toEqual(["live"]);
        expect(given.config["skip-final-snapshot"].properties.productionStackTags).toBeDefined();
    });

    test("invalid config is refused the way the engine refuses it", async () => {
        const info = await pack.getAnalyzerInfo();
        const { errors } = reconcileConfig(info, { "skip-final-snapshot": { productionStacks: "prod" } });
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatch(/^skip-final-snapshot: productionStacks must be an array/);
        expect(() => parsePolicyPackConfig({ "skip-final-snapshot": "strict" })).toThrow(/"strict" is not a valid enforcement level/);
        expect(() => parsePolicyPackConfig({ "skip-final-snapshot": 3 })).toThrow(/must be a string or object/);
        // An entry for a policy the pack does not have, without a level, fails the engine's Configure.
        expect(reconcileConfig(info, { "skip-final-snapshots": { x: 1 } }).errors).toEqual(['"skip-final-snapshots" is not a policy of aws-guardrails (did you mean "skip-final-snapshot"?)']);
        await expect(runEngine(pack, [], { policyConfig: { "skip-final-snapshot": { productionStacks: "prod" } } })).rejects.toThrow(
            /^validating policy config for "aws-guardrails": skip-final-snapshot: productionStacks must be an array/,
        );
    });

    // What the engine's schema check lets through (only `properties` and `required` reach it), the pack's Configure refuses.
    test.each([
        ["a policy name with a level", { "skip-final-snapshots": "advisory" }, ['"skip-final-snapshots" is not a policy of aws-guardrails (did you mean "skip-final-snapshot"?)']],
        ["a misspelled setting", { "required-tags": { tag: ["Owner"] } }, ['required-tags: tag is not a setting of this policy (did you mean "tags"?)']],
        ["remediate on a policy without a fix", { "required-tags": "remediate" }, ['required-tags: enforcementLevel "remediate" needs a fix, and this policy has none; use "mandatory" (the catalog\'s remediate column lists the policies with a fix)']],
    ])("the pack's Configure refuses %s, and the run stops before any resource", async (_why, policyConfig, problems) => {
        const run = runEngine(pack, BAD.resources, { policyConfig });
        await expect(run).rejects.toThrow(ConfigError);
        await expect(run).rejects.toMatchObject({ problems });
    });

    test("an exemption pattern that matches no resource draws one advisory note on the stack, naming it", async () => {
        const exemptions = [{ resources: ["payments-abl", "payments-alb"], reason: "shared ALB" }];
        const run = await runEngine(pack, BAD.resources, { policyConfig: { "deletion-protection-disabled": { exemptions } } });
        const notes = run.findings.filter((f) => f.message.includes("exemption pattern"));
        expect(notes.map((f) => [f.enforcementLevel, f.phase, f.resource.type, f.message.split("\n")[1]])).toEqual([
            [
                "advisory",
                "analyzeStack",
                "pulumi:pulumi:Stack",
                'exemption pattern "payments-abl" of deletion-protection-disabled matches no resource in this stack (did you mean "payments-alb"?), so it waives nothing; fix or remove it in the policy config.',
            ],
        ]);
    });

    test("all: remediate runs the policies without a fix as mandatory", async () => {
        const run = await runEngine(pack, [clusterOf(BAD.resources)], { policyConfig: { all: "remediate" } });
        expect(run.findings.some((f) => f.enforcementLevel === "mandatory")).toBe(true);
    });

    test.each(["advisory", "disabled", "mandatory"] as const)("an enforcement override to %s is the level the diagnostics carry", async (level) => {
        const run = await runEngine(pack, [clusterOf(BAD.resources)], { policyConfig: { "skip-final-snapshot": level } });
        const found = run.findings.filter((f) => f.policyName === "skip-final-snapshot");
        if (level === "disabled") expect(found).toEqual([]);
        else expect(found.map((f) => f.enforcementLevel)).toEqual([level]);
    });

    test("the bad stack has findings, at each policy's level, from at least the policies its seeds call for", async () => {
        const run = await runEngine(pack, BAD.resources);
        const expected = BAD_STACK_EXPECTS;
        const got = new Set(run.findings.map((f) => `${f.policyName} ${f.enforcementLevel} on ${f.resource.name}`));
        const missing = expected
            .map((e) => `${e.policy} ${e.level ?? registered.get(e.policy)?.enforcementLevel} on ${e.on}`)
            .filter((key) => !got.has(key));
        expect(missing).toEqual([]);
        expect(mandatoryKeys(run).length).toBeGreaterThan(0);
        expectNoCantRun(run);
    });

    test.each([
        ["the default config", undefined],
        ["examples/policy-config.json", EXAMPLE_CONFIG],
    ])("the good stack has zero mandatory findings with %s", async (_why, policyConfig) => {
        const run = await runEngine(pack, GOOD.resources, { policyConfig });
        expect(mandatoryKeys(run)).toEqual([]);
        expectNoCantRun(run);
    });

    test("exemptions: config (live and expired) and in-code tags (honored for an advisory policy, refused for a mandatory one)", async () => {
        const resources = BAD.resources.map((r) =>
            r.name === "app-logs"
                ? tagged(r, "cloudwatch-log-group-retention", "demo logs, deleted with the stack")
                : r.name === "db-sg"
                  ? tagged(r, "security-group-no-public-ingress", "vendor needs it")
                  : r,
        );
        const policyConfig = {
            "skip-final-snapshot": { exemptions: [{ resources: ["financial-db-*"], reason: "snapshot kept for audit, ticket SEC-42", expires: "2099-12-31" }] },
            "deletion-protection-disabled": { exemptions: [{ resources: ["aws:rds/cluster:Cluster"], reason: "legacy import", expires: "2020-01-31" }] },
        };
        const run = await runEngine(pack, resources, { policyConfig });
        const on = (policy: string, name: string) => run.findings.filter((f) => f.policyName === policy && f.resource.name === name).map((f) => ({ level: f.enforcementLevel, message: f.message }));
        expect(on("skip-final-snapshot", "financial-db-cluster")).toEqual([
            { level: "advisory", message: expect.stringContaining('EXEMPTED from skip-final-snapshot (policy config: "snapshot kept for audit, ticket SEC-42", until 2099-12-31)') },
        ]);
        expect(on("deletion-protection-disabled", "financial-db-cluster")).toEqual([
            { level: "mandatory", message: expect.stringContaining('exemption from deletion-protection-disabled ("legacy import") expired on 2020-01-31; the finding applies again') },
        ]);
        // Aurora encrypts new clusters itself: storageEncrypted false on the Aurora cluster is only an advisory note.
        expect(on("rds-storage-encrypted", "financial-db-cluster")).toEqual([{ level: "advisory", message: expect.stringContaining("2026-02-18") }]);
        expect(on("cloudwatch-log-group-retention", "app-logs")).toEqual([
            { level: "advisory", message: expect.stringContaining('EXEMPTED from cloudwatch-log-group-retention (tag guardrails:exempt:cloudwatch-log-group-retention: "demo logs, deleted with the stack", no expiry)') },
        ]);
        expect(on("security-group-no-public-ingress", "db-sg")).toEqual([
            { level: "mandatory", message: expect.stringContaining('in-code exemption tag guardrails:exempt:security-group-no-public-ingress ("vendor needs it") refused') },
        ]);
        // An admin can let developers waive the mandatory policy too.
        const allowed = await runEngine(pack, resources, { policyConfig: { "security-group-no-public-ingress": { allowInCodeExemptions: true } } });
        expect(allowed.findings.filter((f) => f.policyName === "security-group-no-public-ingress" && f.resource.name === "db-sg").map((f) => f.enforcementLevel)).toEqual(["advisory"]);
        expectNoCantRun(run);
    });

    test("in-code exemption tags follow the effective level: `all: \"mandatory\"` refuses them, `advisory` honors them, an explicit setting wins", async () => {
        const resources = BAD.resources.map((r) => (r.name === "app-logs" ? tagged(r, "cloudwatch-log-group-retention", "demo logs") : r));
        const levelsOn = async (policyConfig: object) =>
            (await runEngine(pack, resources, { policyConfig })).findings
                .filter((f) => f.policyName === "cloudwatch-log-group-retention" && f.resource.name === "app-logs")
                .map((f) => `${f.enforcementLevel} ${/refused/.test(f.message) ? "refused" : /EXEMPTED/.test(f.message) ? "exempted" : "plain"}`);
        expect(await levelsOn({})).toEqual(["advisory exempted"]);
        expect(await levelsOn({ all: "mandatory" })).toEqual(["mandatory refused"]);
        expect(await levelsOn({ "cloudwatch-log-group-retention": "mandatory" })).toEqual(["mandatory refused"]);
        expect(await levelsOn({ all: "mandatory", "cloudwatch-log-group-retention": { allowInCodeExemptions: true } })).toEqual(["advisory exempted"]);
        expect(await levelsOn({ "security-group-no-public-ingress": "advisory" })).toEqual(["advisory exempted"]);
    });

    test("examples/policy-config.json remediates skip-final-snapshot and tightens backups and log retention", async () => {
        const run = await runEngine(pack, BAD.resources, { policyConfig: EXAMPLE_CONFIG });
        expect(run.remediated.map((r) => `${r.policyName} on ${r.resource.name}: ${r.changed.join(",")}`)).toContain(
            "skip-final-snapshot on financial-db-cluster: skipFinalSnapshot",
        );
        const keys = mandatoryKeys(run);
        expect(keys).not.toContain("skip-final-snapshot on financial-db-cluster");
        expect(keys).toContain("rds-backup-retention on financial-db-cluster");
        expect(keys).toContain("cloudwatch-log-group-retention on app-logs");
        expectNoCantRun(run);
    });

    test.each([
        ["every top-level value", topLevelUnknown],
        ["every leaf value", deepUnknown],
    ])("unknown values (%s) never add a mandatory finding nor a can't-run diagnostic", async (_why, unknown) => {
        const bad = await runEngine(pack, BAD.resources);
        const badUnknown = await runEngine(pack, transformStack(BAD.resources, unknown));
        const added = mandatoryKeys(badUnknown).filter((k) => !mandatoryKeys(bad).includes(k));
        expect(added).toEqual([]);
        expectNoCantRun(badUnknown);
        const goodUnknown = await runEngine(pack, transformStack(GOOD.resources, unknown));
        expect(mandatoryKeys(goodUnknown)).toEqual([]);
        expectNoCantRun(goodUnknown);
    });

    test("secret values are evaluated like plain ones and never appear in a diagnostic", async () => {
        const withPassword = BAD.resources.map((r) =>
            r.type === "aws:rds/cluster:Cluster" ? { ...r, props: { ...r.props, masterPassword: secret(PASSWORD) } } : r,
        );
        const plain = await runEngine(pack, withPassword);
        const hidden = await runEngine(pack, transformStack(withPassword, allSecret));
        expect(mandatoryKeys(hidden)).toEqual(mandatoryKeys(plain));
        // Strings that are public anyway (resource names, policy descriptions and message templates) prove nothing.
        const publicText = [
            ...withPassword.flatMap((r) => [r.name, r.urn]),
            ...policies.flatMap((p) => [p.description, ...Object.values(p.messages)]),
        ].join("\n");
        const secrets = new Set<string>([PASSWORD]);
        for (const r of withPassword) {
            mapLeaves([r.props, r.outputs ?? {}], (leaf) => {
                if (typeof leaf === "string" && leaf.length >= 6 && leaf !== UNKNOWN_STRING && !publicText.includes(leaf)) secrets.add(leaf);
                return leaf;
            });
        }
        const leaked = hidden.findings.flatMap((f) => [...secrets].filter((s) => f.message.includes(s)).map((s) => `${f.policyName}: ${s}`));
        expect(leaked).toEqual([]);
        // The same values, not secret, do show up: the check above can fail.
        expect(plain.findings.some((f) => [...secrets].some((s) => f.message.includes(s)))).toBe(true);
        expect(plain.findings.filter((f) => f.message.includes(PASSWORD))).toEqual([]);
        expectNoCantRun(hidden);
    });

    test("the remediate level returns skipFinalSnapshot: true and keeps a secret property secret", async () => {
        const info = await pack.getAnalyzerInfo();
        await pack.configure(reconcileConfig(info, { "skip-final-snapshot": "remediate" }).config);
        const cluster = { ...clusterOf(BAD.resources), props: { ...clusterOf(BAD.resources).props, masterPassword: secret(PASSWORD), tags: { owner: secret("alice-owner") } } };
        const { remediations } = await pack.remediate(cluster);
        const fix = remediations.find((r) => r.policyName === "skip-final-snapshot");
        expect(fix?.diagnostic).toBe("");
        expect(fix?.properties?.skipFinalSnapshot).toBe(true);
        expect(fix?.properties?.masterPassword).toEqual(secret(PASSWORD));
        expect(isRecord(fix?.properties?.tags) && fix?.properties?.tags.owner).toEqual(secret("alice-owner"));

        const after = await pack.analyze({ ...cluster, props: fix?.properties ?? {} });
        expect(after.diagnostics.filter((d) => d.policyName === "skip-final-snapshot")).toEqual([]);

        const run = await runEngine(pack, [cluster], { policyConfig: { "skip-final-snapshot": "remediate" } });
        expect(run.remediated.map((r) => [r.policyName, r.changed])).toEqual([["skip-final-snapshot", ["skipFinalSnapshot"]]]);
        expect(run.findings.filter((f) => f.policyName === "skip-final-snapshot")).toEqual([]);
    });

    test("AnalyzeStack sees every resource with its outputs (inputs standing in) and its property dependencies", async () => {
        const run = await runEngine(pack, BAD.resources);
        expect(run.resources.map((r) => r.urn)).toEqual(BAD.resources.map((r) => r.urn));
        // The bucket has versioning wired by property dependency but no public access block.
        expect(run.findings.filter((f) => f.policyName === "s3-public-access-block").map((f) => [f.phase, f.resource.name])).toEqual([["analyzeStack", "transaction-logs"]]);
    });
});

describe("the pack on a production stack", () => {
    let pack: PackClient;

    beforeAll(async () => {
        pack = await startPack(ROOT, { stack: "prod", project: "payments-dr", organization: "acme", dryRun: true, env: { ENVIRONMENT_SUFFIX: undefined } });
    });
    afterAll(async () => {
        await pack?.close();
    });

    test("destroyability policies do not apply to stack prod", async () => {
        const run = await runEngine(pack, BAD.resources);
        const productionAware = policies.filter((p) => p.family === "destroyability" && p.notApplicable).map((p) => p.name);
        expect(productionAware).toContain("skip-final-snapshot");
        expect(run.findings.filter((f) => productionAware.includes(f.policyName)).map((f) => f.policyName)).toEqual([]);
        const notApplicable = new Set(run.notApplicable.map((n) => n.policyName));
        expect(notApplicable.has("skip-final-snapshot")).toBe(true);
        expect(run.notApplicable.find((n) => n.policyName === "skip-final-snapshot")?.reason).toMatch(/prod/);
        // Everything else still runs.
        expect(run.findings.length).toBeGreaterThan(0);
        expectNoCantRun(run);
    });
});

describe("a pack that cannot start", () => {
    test("startPack fails with the pack's stderr in the error", async () => {
        const dir = mkdtempSync(path.join(tmpdir(), "broken-pack-"));
        writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "broken-pack", version: "0.0.1", main: "index.js" }));
        writeFileSync(path.join(dir, "index.js"), 'throw new Error("boom while loading the pack");\n');
        symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
        try {
            await expect(startPack(dir, { stack: "dev" })).rejects.toThrow(/exited \(code \d+\) before reporting its port; its stderr:\n[\s\S]*boom while loading the pack/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    test.each([
        ["missing", "name-limits.json", undefined, /cannot start: the data file \S*name-limits\.json cannot be read \(ENOENT\)/],
        ["not JSON", "retention-limits.json", "{ not json", /cannot start: the data file \S*retention-limits\.json is corrupt \(not valid JSON\)/],
        ["without its fields", "taggable-types.json", "{}", /cannot start: the data file \S*taggable-types\.json is corrupt \(it lacks taggable\)/],
    ])("a data file that is %s stops the pack with one line naming the file, no stack trace", async (_why, file, content, expected) => {
        // A copy of the built pack (a symlinked bin/ would resolve back to this checkout's data/).
        const dir = mkdtempSync(path.join(tmpdir(), "data-pack-"));
        try {
            cpSync(path.join(ROOT, "bin"), path.join(dir, "bin"), { recursive: true });
            cpSync(path.join(ROOT, "data"), path.join(dir, "data"), { recursive: true });
            cpSync(path.join(ROOT, "package.json"), path.join(dir, "package.json"));
            symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
            if (content === undefined) rmSync(path.join(dir, "data", file));
            else writeFileSync(path.join(dir, "data", file), content);
            const failure = await startPack(dir, { stack: "dev" }).then(
                async (client) => {
                    await client.close();
                    return "started";
                },
                (e: unknown) => String(e),
            );
            expect(failure).toMatch(expected);
            expect(failure).not.toMatch(/\n\s+at /);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    test("a directory without @pulumi/pulumi is refused before spawning", async () => {
        const dir = mkdtempSync(path.join(tmpdir(), "empty-pack-"));
        try {
            await expect(startPack(dir)).rejects.toThrow(/@pulumi\/pulumi is not installed there/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
