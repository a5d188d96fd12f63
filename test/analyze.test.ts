// End to end over the protocol, the way `pulumi policy analyze --stack S | --file export.json` drives a pack
// (pkg/resource/deploy/analyze_snapshot.go): no ConfigureStack and no PULUMI_* stack variables; Remediate and
// Analyze get each resource's state inputs, AnalyzeStack its outputs with the dependencies the state recorded.
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { scan } from "../cli/scan";
import { EngineResource, EngineRun, PackClient, isSecretEnvelope, runEngine, startPack } from "../engine/client";
import { readDocumentFile } from "../engine/documents";
import { readPackConfigFile, resolvePackConfig } from "../lib/pack-config";
import { policies } from "../policies";
import { REDACTED_SECRET, UNKNOWN, UNKNOWN_SENTINELS, isRecord } from "../lib/values";
import { casesOf } from "./cases";
import { Case, runCase } from "./tester";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "..", "..");
const BAD = readDocumentFile(path.join(ROOT, "examples", "bad-stack.json"));

/** What the engine gives a pack it loads with no analyzer options: none of the stack's variables. */
const NO_STACK = Object.fromEntries(
    ["STACK", "PROJECT", "ORGANIZATION"].flatMap((v) => [`PULUMI_${v}`, `PULUMI_NODEJS_${v}`]).map((k) => [k, undefined]),
);

function onStack(urn: string, stack: string): string {
    return urn.replace(/^urn:pulumi:[^:]*::/, `urn:pulumi:${stack}::`);
}

function physicalName(r: EngineResource): string | undefined {
    for (const k of ["bucket", "name", "identifier", "clusterIdentifier"]) if (typeof r.props[k] === "string" && !UNKNOWN_SENTINELS.has(r.props[k] as string)) return r.props[k] as string;
    return undefined;
}

/**
 * The example preview as the state after `pulumi up` on `stack`: every value known (a reference holds the id or ARN
 * of the resource it came from), outputs with id and arn, URNs of that stack.
 */
function stateOf(resources: readonly EngineResource[], stack: string): EngineResource[] {
    const ids = new Map<string, { id: string; arn: string }>();
    for (const r of resources) {
        const id = physicalName(r) ?? `${r.name}-4f2a9c1`;
        const service = r.type.split(":")[1]?.split("/")[0] ?? "x";
        ids.set(r.urn, { id, arn: service === "s3" ? `arn:aws:s3:::${id}` : `arn:aws:${service}:us-east-1:123456789012:${id}` });
    }
    const known = (value: unknown, property: string, deps: readonly string[], at: number): unknown => {
        if (typeof value === "string" && UNKNOWN_SENTINELS.has(value)) {
            const source = ids.get(deps[Math.min(at, deps.length - 1)] ?? "");
            return source ? (/arn$/i.test(property) ? source.arn : source.id) : `${property}-value`;
        }
        if (Array.isArray(value)) return value.map((v, i) => known(v, property, deps, i));
        if (isRecord(value) && !isSecretEnvelope(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, known(v, k.endsWith("Arn") ? k : property, deps, at)]));
        return value;
    };
    return resources.map((r) => {
        const props = Object.fromEntries(Object.entries(r.props).map(([k, v]) => [k, known(v, k, r.propertyDependencies?.[k] ?? [], 0)]));
        return {
            ...r,
            urn: onStack(r.urn, stack),
            props,
            outputs: r.type.startsWith("pulumi:") ? props : { ...props, ...ids.get(r.urn) },
            provider: r.provider ? { ...r.provider, urn: onStack(r.provider.urn, stack) } : undefined,
            parent: r.parent ? onStack(r.parent, stack) : undefined,
            dependencies: (r.dependencies ?? []).map((u) => onStack(u, stack)),
            propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([k, us]) => [k, us.map((u) => onStack(u, stack))])),
        };
    });
}

function verdicts(run: EngineRun): string[] {
    return run.findings.map((f) => `${f.policyName} | ${f.resource.urn} | ${f.enforcementLevel}`).sort();
}

function mandatory(run: EngineRun): Set<string> {
    return new Set(run.findings.filter((f) => f.enforcementLevel === "mandatory").map((f) => `${f.policyName} | ${f.resource.urn}`));
}

/** Every leaf of every secret, and every name, id and ARN, as an offline `--file` run reads them. */
function redacted(resources: readonly EngineResource[]): EngineResource[] {
    const blind = (value: unknown, key: string): unknown => {
        if (isSecretEnvelope(value)) return REDACTED_SECRET;
        if (Array.isArray(value)) return value.map((v) => blind(v, key));
        if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blind(v, k)]));
        return typeof value === "string" && /^(bucket|name|identifier|clusterIdentifier|id|arn)$/.test(key) ? REDACTED_SECRET : value;
    };
    return resources.map((r) => ({ ...r, props: blind(r.props, "") as Record<string, unknown>, outputs: r.outputs ? (blind(r.outputs, "") as Record<string, unknown>) : undefined }));
}

const PROD = stateOf(BAD.resources, "prod");
const DEV = stateOf(BAD.resources, "dev");
const destroyability = policies.filter((p) => p.family === "destroyability" && p.notApplicable).map((p) => p.name);

describe("`pulumi policy analyze` over existing state (no ConfigureStack)", () => {
    let unnamed: PackClient;
    let prod: PackClient;
    let dev: PackClient;

    beforeAll(async () => {
        [unnamed, prod, dev] = await Promise.all([
            startPack(ROOT, { env: { ...NO_STACK, ENVIRONMENT_SUFFIX: undefined } }),
            startPack(ROOT, { stack: "prod", project: "payments-dr", organization: "acme", env: { ENVIRONMENT_SUFFIX: undefined } }),
            startPack(ROOT, { stack: "dev", project: "payments-dr", organization: "acme", env: { ENVIRONMENT_SUFFIX: undefined } }),
        ]);
    });
    afterAll(async () => {
        await Promise.all([unnamed?.close(), prod?.close(), dev?.close()]);
    });

    test("a production stack's state: the verdicts of a run that named stack prod, destroyability not applicable", async () => {
        const fromUrn = await runEngine(unnamed, PROD, { existingState: true });
        const configured = await runEngine(prod, PROD);
        expect(verdicts(fromUrn)).toEqual(verdicts(configured));
        expect(fromUrn.findings.filter((f) => destroyability.includes(f.policyName))).toEqual([]);
        expect(fromUrn.notApplicable.find((n) => n.policyName === "skip-final-snapshot")?.reason).toMatch(/stack "prod" is a production stack/);
        expect(fromUrn.findings.some((f) => f.policyName === "resource-name-environment-suffix" && f.message.includes('"prod" (from stack name)'))).toBe(true);
    });

    test("an export spanning a prod and a dev stack: each resource judged in its own stack, stack policies per stack", async () => {
        const fromUrn = await runEngine(unnamed, [...PROD, ...DEV], { existingState: true });
        const each = [...verdicts(await runEngine(prod, PROD)), ...verdicts(await runEngine(dev, DEV))].sort();
        expect(verdicts(fromUrn)).toEqual(each);
        const onDev = fromUrn.findings.filter((f) => f.resource.urn.startsWith("urn:pulumi:dev::"));
        expect(onDev.filter((f) => destroyability.includes(f.policyName)).length).toBeGreaterThan(0);
        // Stack tags are unknown here: a finding that production-by-tags would have waived says so.
        expect(onDev.find((f) => f.policyName === "s3-force-destroy")?.message).toMatch(/tags are not known here.*productionStacks/);
        for (const f of fromUrn.findings.filter((x) => x.policyName === "resource-name-environment-suffix")) {
            expect(f.message).toContain(f.resource.urn.startsWith("urn:pulumi:dev::") ? '"dev" (from stack name)' : '"prod" (from stack name)');
        }
    });

    test('redacted secrets ("[secret]", any type) add no mandatory verdict and are never shown as a value', async () => {
        const plain = await runEngine(unnamed, DEV, { existingState: true });
        const blind = await runEngine(unnamed, redacted(DEV), { existingState: true });
        const before = mandatory(plain);
        expect([...mandatory(blind)].filter((v) => !before.has(v))).toEqual([]);
        expect(blind.findings.filter((f) => /could not evaluate|can't run/.test(f.message))).toEqual([]);
        expect(blind.findings.filter((f) => f.policyName === "physical-name-length")).toEqual([]);
    });

    test("imported resources without property dependencies: correlated by value, nothing reported twice or missing", async () => {
        const imported = DEV.map((r) => ({ ...r, dependencies: [], propertyDependencies: {} }));
        const wired = await runEngine(unnamed, DEV, { existingState: true });
        const loose = await runEngine(unnamed, imported, { existingState: true });
        const before = mandatory(wired);
        expect([...mandatory(loose)].filter((v) => !before.has(v))).toEqual([]);
        const keys = loose.findings.map((f) => `${f.policyName} | ${f.resource.urn} | ${f.message}`);
        expect(keys.length).toBe(new Set(keys).size);
        // The bucket's versioning is found by the bucket's name, as with the dependency.
        expect(loose.findings.filter((f) => f.policyName === "s3-public-access-block").map((f) => f.resource.name)).toEqual(
            wired.findings.filter((f) => f.policyName === "s3-public-access-block").map((f) => f.resource.name),
        );
    });

    test("with the recommended audit config, an account-wide run reports no naming or destroyability finding", async () => {
        const policyConfig = readPackConfigFile(path.join(ROOT, "examples", "audit-config.json"));
        const run = await runEngine(unnamed, [...PROD, ...DEV].map((r) => ({ ...r, dependencies: [], propertyDependencies: {} })), { existingState: true, policyConfig });
        expect(run.findings.filter((f) => f.policyName === "resource-name-environment-suffix" || destroyability.includes(f.policyName))).toEqual([]);
        expect(run.findings.some((f) => f.policyName === "rds-storage-encrypted")).toBe(true);
    });
});

/** A `pulumi stack export` (deployment version 3) of these resources, secrets left as the CLI would redact them. */
function exportOf(resources: readonly EngineResource[]): unknown {
    return {
        version: 3,
        deployment: {
            manifest: { time: "2026-12-01T00:00:00Z", magic: "", version: "v3.248.0" },
            resources: resources.map((r) => ({
                urn: r.urn,
                custom: !r.type.startsWith("pulumi:pulumi:"),
                id: typeof r.outputs?.id === "string" ? r.outputs.id : undefined,
                type: r.type,
                inputs: r.props,
                outputs: r.outputs,
                parent: r.parent,
                protect: r.options?.protect,
                provider: r.provider ? `${r.provider.urn}::04da6b54-80e4-46f7-96ec-b56ff0331ba9` : undefined,
                dependencies: r.dependencies,
                propertyDependencies: r.propertyDependencies,
            })),
        },
    };
}

describe("the scanner on an export agrees with `pulumi policy analyze --file`", () => {
    let unnamed: PackClient;
    const dir = mkdtempSync(path.join(tmpdir(), "guardrails-analyze-"));
    beforeAll(async () => {
        unnamed = await startPack(ROOT, { env: { ...NO_STACK, ENVIRONMENT_SUFFIX: undefined } });
    });
    afterAll(async () => {
        await unnamed?.close();
        rmSync(dir, { recursive: true, force: true });
    });

    test("an export spanning prod and dev, with redacted secrets: the same verdicts as the engine's replay", async () => {
        const resources = redacted([...PROD, ...DEV]);
        const file = path.join(dir, "export.json");
        writeFileSync(file, JSON.stringify(exportOf(resources)));
        const engine = await runEngine(unnamed, resources, { existingState: true });
        const scanned = await scan({ files: [file] });
        const fromScan = scanned.files[0].findings.map((f) => `${f.policy} | ${f.urn} | ${f.level}`).sort();
        expect(fromScan).toEqual(verdicts(engine));
        expect(fromScan.some((v) => v.startsWith("s3-force-destroy | urn:pulumi:dev::"))).toBe(true);
        expect(fromScan.some((v) => v.startsWith("s3-force-destroy | urn:pulumi:prod::"))).toBe(false);
    });
});

describe("examples/audit-config.json, the recommended config for audit policy groups over cloud accounts", () => {
    const file = path.join(ROOT, "examples", "audit-config.json");

    test("parses and validates against every policy's schema", () => {
        const settings = resolvePackConfig(policies, readPackConfigFile(file));
        const off = [...settings].filter(([, s]) => s.level === "disabled").map(([name]) => name);
        // Naming, destroyability and create-time name checks: what no program manages, no program can fix.
        expect(off).toEqual(expect.arrayContaining(["resource-name-environment-suffix", "physical-name-length", ...destroyability]));
        expect(off.filter((n) => policies.find((p) => p.name === n)?.family === "encryption")).toEqual([]);
    });
});

describe("messages about creating a resource, on one that already exists", () => {
    const physicalNameLength = policies.find((p) => p.name === "physical-name-length");
    const tooLong = casesOf("physical-name-length")?.invalid.find((c) => c.messageId === "tooLong");

    test("say what the finding means for the existing resource only when the engine analyzes state", () => {
        if (!physicalNameLength || !tooLong) throw new Error("physical-name-length has no tooLong case");
        const preview = runCase(physicalNameLength, tooLong);
        const state = runCase(physicalNameLength, { ...tooLong, env: { ...tooLong.env, PULUMI_NODEJS_STACK: undefined, PULUMI_STACK: undefined } });
        expect(state.messageIds).toEqual(preview.messageIds);
        expect(preview.diagnostics[0].message).not.toContain("already in the stack's state");
        expect(state.diagnostics[0].message).toContain("already in the stack's state, so AWS accepted the name");
    });
});

describe.each(policies.filter((p) => p.kind === "stack").map((p) => [p.name, p] as const))("%s on state-shaped input", (_name, policy) => {
    /** As in a state: every value known, and every wired property holds its value (preview cases often leave it out). */
    const known = (c: Case): boolean =>
        !JSON.stringify(c.resources ?? [], (_k, v: unknown) => (v === UNKNOWN ? "<unknown>" : v)).includes("<unknown>") &&
        (c.resources ?? []).every((r) => Object.keys(r.propertyDependencies ?? {}).every((k) => r.props?.[k] !== undefined));
    const cases = casesOf(policy.name);
    const stateShaped = [...(cases?.valid ?? []), ...(cases?.invalid ?? [])].filter(known);

    test("without property dependencies (imported or discovered resources) no verdict is added and none is reported twice", () => {
        for (const c of stateShaped) {
            const wired = runCase(policy, c);
            const loose = runCase(policy, { ...c, resources: (c.resources ?? []).map((r) => ({ ...r, dependencies: [], propertyDependencies: {} })) });
            const mandatoryOf = (o: typeof wired): string[] => o.diagnostics.filter((d) => !d.enforcementLevel).map((d) => `${d.urn}`);
            const before = mandatoryOf(wired);
            expect({ why: c.why, added: mandatoryOf(loose).filter((u) => !before.includes(u)) }).toEqual({ why: c.why, added: [] });
            const keys = loose.diagnostics.map((d) => `${d.urn}|${d.message}`);
            expect({ why: c.why, twice: keys.filter((k, i) => keys.indexOf(k) !== i) }).toEqual({ why: c.why, twice: [] });
        }
    });
});
