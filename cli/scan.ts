// The scanner: runs this policy pack over `pulumi preview --json` / `pulumi stack export` documents exactly as
// `pulumi preview --policy-pack <dir>` would (one pack process per document, started like the engine starts it,
// the engine's call sequence from engine/client.ts runEngine) and collects the findings with their source positions.
// Every output format (and `npm start`) renders the ScanResult this returns.
import { readFileSync } from "fs";
import * as path from "path";
import { ConfigError, EngineRun, Finding as EngineFinding, PolicyInfo, PolicyPackConfig, Severity, parsePolicyPackConfig, runEngine, startPack } from "../engine/client";
import { DocumentError } from "../engine/documents";
import { InputError, LoadedDocument, SecretCounts, loadDocument } from "./document";
import { SourceLocation, projectFileOf } from "./location";
import { ExemptionRecord, exemptionOf, unmatchedExemptionOf } from "../lib/exemptions";

/** The package root: the pack the scanner starts, and package.json. */
export const PACK_ROOT = path.resolve(__dirname, "..", "..");

export const TOOL = (() => {
    const pkg = JSON.parse(readFileSync(path.join(PACK_ROOT, "package.json"), "utf8")) as { name: string; version: string };
    return { name: pkg.name, version: pkg.version };
})();

export interface ScanOptions {
    files: string[];
    /** A `--policy-pack-config` file. */
    configFile?: string;
    /** Overrides the stack name taken from the document's URNs. */
    stack?: string;
    organization?: string;
    /** Stack tags for ConfigureStack (e.g. environment=production). */
    tags?: Record<string, string>;
    /** Prefix for source paths, from the repository root to the Pulumi project. */
    sourceRoot?: string;
    /** ENVIRONMENT_SUFFIX for the pack (`--environment-suffix`), instead of the shell's. */
    environmentSuffix?: string;
    /** AWS_REGION for the pack (`--region`), instead of the shell's. */
    region?: string;
    /** Called once per document before its analysis; returns what to tell as resources are analyzed. */
    progress?: (doc: LoadedDocument, analyzed: number) => ProgressSink | undefined;
}

export interface ProgressSink {
    /** One resource went through Remediate and Analyze. */
    analyzed(): void;
    /** AnalyzeStack started. */
    stack(): void;
    done(): void;
}

export interface Finding {
    /** The document the finding came from. */
    file: string;
    policy: string;
    /** The policy's one-sentence description. */
    description: string;
    /** "mandatory" fails the preview; "advisory" is a warning (exempted findings are advisory). */
    level: "mandatory" | "advisory";
    /** An advisory finding kept for the audit trail by an exemption (its message starts with "EXEMPTED"). */
    exempted: boolean;
    /** The exemption that made it advisory: config or tag, reason, expiry. */
    exemption?: ExemptionRecord;
    severity: Severity;
    urn: string;
    type: string;
    name: string;
    /** What the policy said (the SDK's description prefix removed); secrets are already redacted by the pack. */
    message: string;
    location?: SourceLocation;
    /** The engine call that produced it. */
    phase: EngineFinding["phase"];
}

export interface Remediation {
    file: string;
    policy: string;
    urn: string;
    type: string;
    name: string;
    /** Top-level properties the remediation changed. */
    properties: string[];
}

export interface FileScan {
    file: string;
    kind: "preview" | "export";
    deploymentVersion?: number;
    stack?: string;
    project?: string;
    resources: number;
    /** Resources sent to Remediate and Analyze (reads are only part of the stack). */
    analyzed: number;
    withLocation: number;
    secrets: SecretCounts;
    warnings: string[];
    findings: Finding[];
    remediations: Remediation[];
    /** Policies that reported themselves not applicable (e.g. production stacks). */
    notApplicable: string[];
    /** Environment variables the policies read, with where each came from (the report header shows them). */
    environment: string[];
    /** What the pack process printed (the engine shows it as info). */
    packOutput: string[];
    startMs: number;
    runMs: number;
}

export interface PackSummary {
    name: string;
    version: string;
    policies: PolicyInfo[];
    /** The reconciled config the pack ran with (levels after the config file). */
    config: PolicyPackConfig;
}

export interface ScanResult {
    tool: { name: string; version: string };
    pack: PackSummary;
    files: FileScan[];
    /** Plaintext secrets of the inputs: every output is scrubbed of them before it is written. */
    secretTexts: Set<string>;
    /** The Pulumi project's file in the repository (`<source root>/Pulumi.yaml`), where findings without a source position are anchored. */
    projectFile: string;
    /** Documents that could not be read, among several: the others are still scanned, and the run has no full verdict. */
    failures: { file: string; message: string }[];
}

export interface Counts {
    mandatory: number;
    advisory: number;
    exempted: number;
}

export function countsOf(findings: readonly Finding[]): Counts {
    const c: Counts = { mandatory: 0, advisory: 0, exempted: 0 };
    for (const f of findings) c[f.exempted ? "exempted" : f.level]++;
    return c;
}

/** 1 when any mandatory finding remains (as `pulumi preview` fails), else 0. */
export function exitCodeOf(result: ScanResult): 0 | 1 {
    return result.files.some((f) => f.findings.some((x) => x.level === "mandatory")) ? 1 : 0;
}

/** Reads and checks a `--policy-pack-config` file the way the engine does before it starts the pack. */
export function readConfigFile(file: string): unknown {
    let text: string;
    try {
        text = readFileSync(file, "utf8");
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new InputError(`${file}: cannot read policy config (${code === "ENOENT" ? "no such file" : (code ?? String(e))})`);
    }
    // Like the engine, an empty file is no config.
    if (text.trim() === "") return undefined;
    let json: unknown;
    try {
        json = JSON.parse(text) as unknown;
    } catch (e) {
        throw new InputError(`${file}: invalid policy config: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    try {
        parsePolicyPackConfig(json);
    } catch (e) {
        throw new InputError(`${file}: invalid policy config: ${e instanceof Error ? e.message : String(e)}`);
    }
    return json;
}

/** The SDK prefixes every violation with the policy description; the rest is what the policy said. */
function ownMessage(f: EngineFinding): string {
    const m = f.message.startsWith(`${f.description}\n`) ? f.message.slice(f.description.length + 1) : f.message;
    return m.trim() || f.description;
}

/** lib/exemptions.ts writes "EXEMPTED from <policy>" first, after the resource label lib/policy.ts puts before every message. */
function exemptionOfFinding(f: EngineFinding, message: string): ExemptionRecord | undefined {
    if (f.enforcementLevel !== "advisory") return undefined;
    const label = `${f.resource.name} (${f.resource.type}): `;
    return exemptionOf(message.startsWith(label) ? message.slice(label.length) : message);
}

const LEVEL_ORDER = { mandatory: 0, advisory: 1 };

function findingsOf(loaded: LoadedDocument, run: EngineRun): Finding[] {
    const order = new Map(loaded.doc.resources.map((r, i) => [r.urn, i]));
    const out = run.findings.map((f): Finding => {
        const message = ownMessage(f);
        const exemption = exemptionOfFinding(f, message);
        return {
            file: loaded.file,
            policy: f.policyName,
            description: f.description,
            level: f.enforcementLevel === "mandatory" ? "mandatory" : "advisory",
            exempted: exemption !== undefined,
            ...(exemption ? { exemption } : {}),
            severity: f.severity,
            urn: f.resource.urn,
            type: f.resource.type,
            name: f.resource.name,
            message,
            location: loaded.locations.get(f.resource.urn),
            phase: f.phase,
        };
    });
    // Document order, then mandatory first, then exempted last, then by policy: every format lists them alike.
    return out.sort(
        (a, b) =>
            (order.get(a.urn) ?? -1) - (order.get(b.urn) ?? -1) ||
            LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
            Number(a.exempted) - Number(b.exempted) ||
            a.policy.localeCompare(b.policy) ||
            a.message.localeCompare(b.message),
    );
}

function secretWarnings(s: SecretCounts): string[] {
    const out: string[] = [];
    if (s.encrypted > 0) {
        out.push(
            `${s.encrypted} secret value(s) are encrypted in this export; policies treat them as unknown (never a violation). ` +
                "Export with `pulumi stack export --show-secrets` to evaluate them (they are still never printed)",
        );
    }
    return out;
}

/**
 * The variables of this process's environment that policies read (the pack inherits it, as from `pulumi preview`),
 * overridden by the scanner's flags: the variables to set, and one line per value for the report.
 */
export function packEnvironment(opts: ScanOptions, docConfig: Record<string, string> | undefined): { env: Record<string, string>; shown: string[] } {
    const env: Record<string, string> = {};
    const shown: string[] = [];
    const read = (name: string, flag: string, given: string | undefined): void => {
        if (given !== undefined) env[name] = given;
        const value = given ?? process.env[name];
        if (value) shown.push(`${name}=${value} (${given !== undefined ? flag : "from the shell"})`);
    };
    read("ENVIRONMENT_SUFFIX", "--environment-suffix", opts.environmentSuffix);
    read("AWS_REGION", "--region", opts.region);
    // The document's own stack config replaces PULUMI_CONFIG; without one, the shell's reaches the pack.
    if (!docConfig && process.env.PULUMI_CONFIG) shown.push("PULUMI_CONFIG (from the shell; the document carries no stack config)");
    return { env, shown };
}

/** `pulumi policy analyze` starts the pack without the stack's variables, even if this process has them. */
const UNNAMED_STACK = Object.fromEntries(["STACK", "PROJECT", "ORGANIZATION"].flatMap((v) => [`PULUMI_${v}`, `PULUMI_NODEJS_${v}`]).map((k) => [k, undefined]));

async function scanOne(loaded: LoadedDocument, opts: ScanOptions, policyConfig: unknown): Promise<{ scan: FileScan; pack: PackSummary }> {
    const { doc } = loaded;
    const analyzed = doc.resources.filter((r) => !r.stackOnly).length;
    const started = Date.now();
    const environment = packEnvironment(opts, doc.config);
    // State is analyzed as `pulumi policy analyze --file` does: no stack named, so each resource's URN names its own.
    // --stack or --tag describe one stack, as ConfigureStack would.
    const existingState = doc.format === "export" && opts.stack === undefined && Object.keys(opts.tags ?? {}).length === 0;
    // One pack process per document: the engine starts the analyzer with that stack's name and config.
    const client = await startPack(PACK_ROOT, {
        ...(existingState
            ? { env: { ...UNNAMED_STACK, ...environment.env } }
            : { env: environment.env, stack: opts.stack ?? doc.stack ?? "dev", project: doc.project ?? "", organization: opts.organization ?? "organization" }),
        dryRun: true,
        config: doc.config,
    });
    const startMs = Date.now() - started;
    const sink = opts.progress?.(loaded, analyzed);
    if (sink) {
        // runEngine has no progress hook: count the per-resource Analyze calls as they return.
        const analyze = client.analyze.bind(client);
        client.analyze = async (r) => {
            const res = await analyze(r);
            sink.analyzed();
            return res;
        };
        const analyzeStack = client.analyzeStack.bind(client);
        client.analyzeStack = (rs) => {
            sink.stack();
            return analyzeStack(rs);
        };
    }
    let run: EngineRun;
    try {
        run = await runEngine(client, doc.resources, { policyConfig, stackTags: { "pulumi:project": doc.project ?? "", ...opts.tags }, existingState });
    } catch (e) {
        // The engine words config errors one per line; the scanner reports one line.
        if (e instanceof ConfigError) throw new InputError(`${opts.configFile ?? "policy config"}: invalid policy config: ${e.problems.join("; ")}`);
        throw e;
    } finally {
        sink?.done();
        await client.close();
    }
    const scan: FileScan = {
        file: loaded.file,
        kind: doc.format,
        deploymentVersion: doc.deploymentVersion,
        stack: doc.stack,
        project: doc.project,
        resources: doc.resources.length,
        analyzed,
        withLocation: doc.resources.filter((r) => loaded.locations.has(r.urn)).length,
        secrets: loaded.secrets,
        warnings: [...doc.warnings, ...secretWarnings(loaded.secrets), ...run.configWarnings],
        findings: findingsOf(loaded, run),
        remediations: run.remediated.map((r) => ({ file: loaded.file, policy: r.policyName, urn: r.resource.urn, type: r.resource.type, name: r.resource.name, properties: r.changed })),
        notApplicable: [...new Set(run.notApplicable.map((n) => n.policyName))].sort(),
        environment: environment.shown,
        packOutput: client.output,
        startMs,
        runMs: Date.now() - started - startMs,
    };
    return { scan, pack: { name: run.info.name, version: run.info.version, policies: run.info.policies, config: run.config } };
}

/**
 * The pack notes, at stack level, every exemption pattern that matches no resource of a document. Over several
 * documents a pattern may be for another one: it is reported once, as a warning, when it matched in none.
 */
function warnUnmatchedExemptions(files: FileScan[]): void {
    const seen = files.map((f) => {
        const notes = new Map<string, string>();
        f.findings = f.findings.filter((x) => {
            const note = x.phase === "analyzeStack" ? unmatchedExemptionOf(x.message) : undefined;
            if (note) notes.set(JSON.stringify([note.policy, note.pattern]), x.message);
            return note === undefined;
        });
        return notes;
    });
    for (const [key, message] of seen[0] ?? []) {
        if (!seen.every((n) => n.has(key))) continue;
        files[0].warnings.push(files.length > 1 ? message.replace("in this stack", "in any scanned document") : message);
    }
}

export async function scan(opts: ScanOptions): Promise<ScanResult> {
    if (opts.files.length === 0) throw new InputError("no document given");
    const policyConfig = opts.configFile ? readConfigFile(opts.configFile) : undefined;
    // Every document is read before anything runs; one that cannot be read among several is recorded and the others are scanned.
    const loaded: LoadedDocument[] = [];
    const failures: ScanResult["failures"] = [];
    for (const f of opts.files) {
        try {
            loaded.push(loadDocument(f, opts.sourceRoot));
        } catch (e) {
            if (opts.files.length === 1 || !(e instanceof InputError || e instanceof DocumentError)) throw e;
            failures.push({ file: f, message: e.message });
        }
    }
    if (loaded.length === 0) throw new InputError(failures.map((x) => x.message).join("; "));
    const runs: { scan: FileScan; pack: PackSummary }[] = [];
    for (const l of loaded) runs.push(await scanOne(l, opts, policyConfig));
    warnUnmatchedExemptions(runs.map((r) => r.scan));
    const secretTexts = new Set(loaded.flatMap((l) => [...l.secretTexts]));
    // Every document runs the same pack; its metadata comes from the first.
    return { tool: TOOL, pack: runs[0].pack, files: runs.map((r) => r.scan), secretTexts, projectFile: projectFileOf(opts.sourceRoot), failures };
}
