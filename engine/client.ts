// The engine side of the Analyzer protocol: launches a policy pack the way `pulumi preview --policy-pack <dir>`
// does, speaks pulumirpc.Analyzer to it, and replays the engine's call sequence for a preview.
// Behaviour follows pulumi/pulumi: pkg/resource/deploy/step_generator.go (Remediate, then Analyze, per resource;
// AnalyzeStack at the end), pkg/resource/plugin/analyzer_plugin.go (marshalling) and
// pkg/resource/analyzer/config.go (policy config reconcile and validation).
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import type { Empty as EmptyMessage } from "google-protobuf/google/protobuf/empty_pb";
import type { JavaScriptValue, Struct as StructMessage } from "google-protobuf/google/protobuf/struct_pb";
import * as apb from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerClient, AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { Schema, validate } from "../lib/config";
import { notAPolicy } from "../lib/pack-config";
import { SECRET_SIG, SIG_KEY, isRecord } from "../lib/values";

/** The string unknown sentinel: what the engine sends for a value it cannot know during preview. */
export const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export { SECRET_SIG, SIG_KEY };

/** The wire form of a secret value. */
export function secret(value: unknown): Record<string, unknown> {
    return { [SIG_KEY]: SECRET_SIG, value };
}

export function isSecretEnvelope(value: unknown): value is { value: unknown } {
    return isRecord(value) && value[SIG_KEY] === SECRET_SIG;
}

export type EnforcementLevel = "advisory" | "mandatory" | "disabled" | "remediate";
export type Severity = "" | "low" | "medium" | "high" | "critical";

export interface ResourceOptions {
    protect?: boolean;
    ignoreChanges?: string[];
    deleteBeforeReplace?: boolean;
    additionalSecretOutputs?: string[];
    aliases?: string[];
    customTimeouts?: { create?: number; update?: number; delete?: number; read?: number };
}

export interface ProviderResource {
    type: string;
    name: string;
    urn: string;
    /** The provider's inputs (wire form). */
    props: Record<string, unknown>;
}

/** One resource as the engine knows it; property values are wire-form JSON (unknown sentinels, secret envelopes). */
export interface EngineResource {
    type: string;
    name: string;
    urn: string;
    /** Inputs: what Remediate and Analyze receive. */
    props: Record<string, unknown>;
    /** Outputs: what AnalyzeStack receives; the inputs stand in when absent (a create during preview). */
    outputs?: Record<string, unknown>;
    options?: ResourceOptions;
    provider?: ProviderResource;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    /** Read (external) resources: part of AnalyzeStack, never registered, so never Remediated or Analyzed. */
    stackOnly?: boolean;
}

export interface Diagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    message: string;
    enforcementLevel: EnforcementLevel;
    severity: Severity;
    urn: string;
}

export interface NotApplicable {
    policyName: string;
    reason: string;
}

export interface AnalyzeResult {
    diagnostics: Diagnostic[];
    notApplicable: NotApplicable[];
}

export interface Remediation {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    /** The resource's complete properties after the remediation (wire form), if it changed them. */
    properties?: Record<string, unknown>;
    /** Set when the remediation could not run (e.g. an unknown value); the engine shows it as advisory. */
    diagnostic: string;
}

export interface RemediateResult {
    remediations: Remediation[];
    notApplicable: NotApplicable[];
}

export interface PolicyConfigSchema {
    properties: Record<string, unknown>;
    required: string[];
}

export interface PolicyInfo {
    name: string;
    displayName: string;
    description: string;
    message: string;
    enforcementLevel: EnforcementLevel;
    severity: Severity;
    policyType: "resource" | "stack" | "unknown";
    remediationSteps: string;
    url: string;
    tags: string[];
    configSchema?: PolicyConfigSchema;
}

export interface PolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

export type PolicyPackConfig = Record<string, PolicyConfig>;

export interface AnalyzerInfo {
    name: string;
    displayName: string;
    version: string;
    supportsConfig: boolean;
    description: string;
    policies: PolicyInfo[];
    initialConfig: PolicyPackConfig;
}

export interface PackOptions {
    stack?: string;
    project?: string;
    organization?: string;
    dryRun?: boolean;
    /** Stack config as the pack sees it in PULUMI_CONFIG (secrets decrypted). */
    config?: Record<string, string>;
    /** Extra environment for the pack process (inherits this process's environment, like a plugin does). */
    env?: Record<string, string | undefined>;
    /** How long to wait for the port line; default 60 s. */
    startTimeoutMs?: number;
    /** Deadline of each RPC; default 120 s. */
    callTimeoutMs?: number;
}

const LEVEL_NAMES: Record<number, EnforcementLevel> = { 0: "advisory", 1: "mandatory", 2: "disabled", 3: "remediate" };
const LEVEL_VALUES: Record<EnforcementLevel, apb.EnforcementLevel> = {
    advisory: apb.EnforcementLevel.ADVISORY,
    mandatory: apb.EnforcementLevel.MANDATORY,
    disabled: apb.EnforcementLevel.DISABLED,
    remediate: apb.EnforcementLevel.REMEDIATE,
};
const SEVERITY_NAMES: Record<number, Severity> = { 0: "", 1: "low", 2: "medium", 3: "high", 4: "critical" };
export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"];

// The generated serializers check `instanceof` against the google-protobuf copy that @pulumi/pulumi/proto loads.
const protoDir = path.dirname(require.resolve("@pulumi/pulumi/proto/analyzer_pb"));
const Struct = (require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [protoDir] })) as {
    Struct: typeof StructMessage;
}).Struct;
const Empty = (AnalyzerService.getAnalyzerInfo as unknown as { requestType: new () => EmptyMessage }).requestType;

const MAX_MESSAGE = 400 * 1024 * 1024;

/** A property bag as plain JSON: undefined dropped, and (like the engine's SkipInternalKeys) "__" keys if asked. */
function plain(value: unknown, skipInternal: boolean, depth = 0): JavaScriptValue | undefined {
    if (value === null) return null;
    if (depth > 512) return null;
    switch (typeof value) {
        case "string":
        case "boolean":
            return value;
        case "number":
            return Number.isFinite(value) ? value : null;
        case "object":
            break;
        default:
            return undefined;
    }
    if (Array.isArray(value)) return value.map((v) => plain(v, skipInternal, depth + 1) ?? null);
    const out: Record<string, JavaScriptValue> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (skipInternal && k.startsWith("__")) continue;
        const p = plain(v, skipInternal, depth + 1);
        if (p !== undefined) out[k] = p;
    }
    return out;
}

function structOf(props: Record<string, unknown> | undefined, skipInternal: boolean): StructMessage {
    const p = plain(props ?? {}, skipInternal);
    return Struct.fromJavaScript(isRecord(p) ? (p as Record<string, JavaScriptValue>) : {});
}

function fromStruct(s: StructMessage | undefined): Record<string, unknown> {
    return s ? (s.toJavaScript() as Record<string, unknown>) : {};
}

function optionsOf(r: EngineResource): apb.AnalyzerResourceOptions {
    const o = r.options ?? {};
    const opts = new apb.AnalyzerResourceOptions();
    opts.setProtect(o.protect === true);
    opts.setIgnorechangesList(o.ignoreChanges ?? []);
    opts.setDeletebeforereplace(o.deleteBeforeReplace === true);
    opts.setDeletebeforereplacedefined(o.deleteBeforeReplace !== undefined);
    opts.setAdditionalsecretoutputsList(o.additionalSecretOutputs ?? []);
    opts.setAliasesList(o.aliases ?? []);
    // The engine always sends customTimeouts (zero = not set).
    const t = new apb.AnalyzerResourceOptions.CustomTimeouts();
    t.setCreate(o.customTimeouts?.create ?? 0);
    t.setUpdate(o.customTimeouts?.update ?? 0);
    t.setDelete(o.customTimeouts?.delete ?? 0);
    t.setRead(o.customTimeouts?.read ?? 0);
    opts.setCustomtimeouts(t);
    opts.setParent(r.parent ?? "");
    return opts;
}

function providerOf(p: ProviderResource): apb.AnalyzerProviderResource {
    const out = new apb.AnalyzerProviderResource();
    out.setType(p.type);
    out.setName(p.name);
    out.setUrn(p.urn);
    out.setProperties(structOf(p.props, true));
    return out;
}

/** Analyze skips internal ("__") keys; Remediate keeps them (pulumi/pulumi analyzer_plugin.go). */
function analyzeRequest(r: EngineResource, skipInternal: boolean): apb.AnalyzeRequest {
    const req = new apb.AnalyzeRequest();
    req.setType(r.type);
    req.setName(r.name);
    req.setUrn(r.urn);
    req.setProperties(structOf(r.props, skipInternal));
    req.setOptions(optionsOf(r));
    if (r.provider) req.setProvider(providerOf(r.provider));
    return req;
}

function stackResource(r: EngineResource): apb.AnalyzerResource {
    const out = new apb.AnalyzerResource();
    out.setType(r.type);
    out.setName(r.name);
    out.setUrn(r.urn);
    out.setProperties(structOf(r.outputs ?? r.props, true));
    out.setOptions(optionsOf(r));
    if (r.provider) out.setProvider(providerOf(r.provider));
    out.setParent(r.parent ?? "");
    out.setDependenciesList(r.dependencies ?? []);
    const deps = out.getPropertydependenciesMap();
    for (const [key, urns] of Object.entries(r.propertyDependencies ?? {})) {
        // The engine omits properties that depend on nothing.
        if (urns.length === 0) continue;
        const d = new apb.AnalyzerPropertyDependencies();
        d.setUrnsList(urns);
        deps.set(key, d);
    }
    return out;
}

function diagnosticOf(d: apb.AnalyzeDiagnostic): Diagnostic {
    return {
        policyName: d.getPolicyname(),
        policyPackName: d.getPolicypackname(),
        policyPackVersion: d.getPolicypackversion(),
        description: d.getDescription(),
        message: d.getMessage(),
        enforcementLevel: LEVEL_NAMES[d.getEnforcementlevel()] ?? "advisory",
        severity: SEVERITY_NAMES[d.getSeverity()] ?? "",
        urn: d.getUrn(),
    };
}

function notApplicableOf(list: apb.PolicyNotApplicable[]): NotApplicable[] {
    return list.map((n) => ({ policyName: n.getPolicyName(), reason: n.getReason() }));
}

function policyInfoOf(p: apb.PolicyInfo): PolicyInfo {
    const schema = p.getConfigschema();
    const type = p.getPolicyType();
    return {
        name: p.getName(),
        displayName: p.getDisplayname(),
        description: p.getDescription(),
        message: p.getMessage(),
        enforcementLevel: LEVEL_NAMES[p.getEnforcementlevel()] ?? "advisory",
        severity: SEVERITY_NAMES[p.getSeverity()] ?? "",
        policyType: type === apb.PolicyType.POLICY_TYPE_RESOURCE ? "resource" : type === apb.PolicyType.POLICY_TYPE_STACK ? "stack" : "unknown",
        remediationSteps: p.getRemediationSteps(),
        url: p.getUrl(),
        tags: p.getTagsList(),
        configSchema: schema ? { properties: fromStruct(schema.getProperties()), required: schema.getRequiredList() } : undefined,
    };
}

export class RpcError extends Error {
    constructor(
        readonly method: string,
        readonly code: grpc.status,
        readonly details: string,
    ) {
        super(`${method} failed: ${grpc.status[code] ?? code}: ${details}`);
    }
}

type Callback<R> = (error: grpc.ServiceError | null, response: R) => void;

/** A running policy pack and a typed client for it. */
export class PackClient {
    private readonly rpc: AnalyzerClient;
    private exited = false;
    private readonly onParentExit = (): void => {
        this.child.kill("SIGKILL");
    };

    constructor(
        private readonly child: ChildProcess,
        readonly port: number,
        /** Milliseconds from spawn to the port line. */
        readonly startupMs: number,
        /** What the pack wrote after its port line (stdout) and at any time (stderr); the engine shows these as info. */
        readonly output: string[],
        private readonly options: PackOptions,
    ) {
        this.rpc = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": MAX_MESSAGE,
            "grpc.max_send_message_length": MAX_MESSAGE,
        });
        child.once("exit", () => {
            this.exited = true;
        });
        process.once("exit", this.onParentExit);
    }

    /** The pack's process id (for measurements). */
    get pid(): number | undefined {
        return this.child.pid;
    }

    waitForReady(timeoutMs: number): Promise<void> {
        return new Promise<void>((resolve, reject) => this.rpc.waitForReady(Date.now() + timeoutMs, (err) => (err ? reject(err) : resolve())));
    }

    private deadline(): grpc.CallOptions {
        return { deadline: Date.now() + (this.options.callTimeoutMs ?? 120_000) };
    }

    private call<R>(method: string, invoke: (meta: grpc.Metadata, opts: grpc.CallOptions, cb: Callback<R>) => unknown): Promise<R> {
        return new Promise<R>((resolve, reject) => {
            invoke(new grpc.Metadata(), this.deadline(), (err, res) => {
                if (err) reject(new RpcError(method, err.code, err.details || err.message));
                else resolve(res);
            });
        });
    }

    async getAnalyzerInfo(): Promise<AnalyzerInfo> {
        const info = await this.call<apb.AnalyzerInfo>("GetAnalyzerInfo", (m, o, cb) => this.rpc.getAnalyzerInfo(new Empty(), m, o, cb));
        const initialConfig: PolicyPackConfig = {};
        for (const [name, c] of info.getInitialconfigMap().entries()) {
            initialConfig[name] = { enforcementLevel: LEVEL_NAMES[c.getEnforcementlevel()] ?? "advisory", properties: fromStruct(c.getProperties()) };
        }
        return {
            name: info.getName(),
            displayName: info.getDisplayname(),
            version: info.getVersion(),
            supportsConfig: info.getSupportsconfig(),
            description: info.getDescription(),
            policies: info.getPoliciesList().map(policyInfoOf),
            initialConfig,
        };
    }

    /** The @pulumi/policy SDK version (not the pack's). */
    async getPluginInfo(): Promise<string> {
        const info = await this.call<{ getVersion(): string }>("GetPluginInfo", (m, o, cb) => this.rpc.getPluginInfo(new Empty(), m, o, cb));
        return info.getVersion();
    }

    /** Stack, project, organization, dry run and config come from the launch options, as in the engine. */
    async configureStack(tags: Record<string, string> = {}): Promise<void> {
        const req = new apb.AnalyzerStackConfigureRequest();
        req.setStack(this.options.stack ?? "");
        req.setProject(this.options.project ?? "");
        req.setOrganization(this.options.organization ?? "");
        req.setDryRun(this.options.dryRun ?? true);
        const config = req.getConfigMap();
        for (const [k, v] of Object.entries(this.options.config ?? {})) config.set(k, v);
        const tagMap = req.getTagsMap();
        for (const [k, v] of Object.entries(tags)) tagMap.set(k, v);
        await this.call<apb.AnalyzerStackConfigureResponse>("ConfigureStack", (m, o, cb) => this.rpc.configureStack(req, m, o, cb));
    }

    async configure(config: PolicyPackConfig): Promise<void> {
        const req = new apb.ConfigureAnalyzerRequest();
        const map = req.getPolicyconfigMap();
        for (const [name, c] of Object.entries(config)) {
            const pc = new apb.PolicyConfig();
            pc.setEnforcementlevel(LEVEL_VALUES[c.enforcementLevel]);
            // The SDK reads properties unconditionally, and the engine always sends a struct.
            pc.setProperties(structOf(c.properties, false));
            map.set(name, pc);
        }
        await this.call<EmptyMessage>("Configure", (m, o, cb) => this.rpc.configure(req, m, o, cb));
    }

    async analyze(r: EngineResource): Promise<AnalyzeResult> {
        const res = await this.call<apb.AnalyzeResponse>("Analyze", (m, o, cb) => this.rpc.analyze(analyzeRequest(r, true), m, o, cb));
        return { diagnostics: res.getDiagnosticsList().map(diagnosticOf), notApplicable: notApplicableOf(res.getNotApplicableList()) };
    }

    async remediate(r: EngineResource): Promise<RemediateResult> {
        const res = await this.call<apb.RemediateResponse>("Remediate", (m, o, cb) => this.rpc.remediate(analyzeRequest(r, false), m, o, cb));
        return {
            remediations: res.getRemediationsList().map((x) => ({
                policyName: x.getPolicyname(),
                policyPackName: x.getPolicypackname(),
                policyPackVersion: x.getPolicypackversion(),
                description: x.getDescription(),
                properties: x.hasProperties() ? fromStruct(x.getProperties()) : undefined,
                diagnostic: x.getDiagnostic(),
            })),
            notApplicable: notApplicableOf(res.getNotApplicableList()),
        };
    }

    async analyzeStack(resources: readonly EngineResource[]): Promise<AnalyzeResult> {
        const req = new apb.AnalyzeStackRequest();
        req.setResourcesList(resources.map(stackResource));
        const res = await this.call<apb.AnalyzeResponse>("AnalyzeStack", (m, o, cb) => this.rpc.analyzeStack(req, m, o, cb));
        return { diagnostics: res.getDiagnosticsList().map(diagnosticOf), notApplicable: notApplicableOf(res.getNotApplicableList()) };
    }

    /** Cancel (UNIMPLEMENTED is fine, as for the engine), then stop the process. */
    async close(): Promise<void> {
        if (!this.exited) {
            await this.call<EmptyMessage>("Cancel", (m, _o, cb) => this.rpc.cancel(new Empty(), m, { deadline: Date.now() + 2000 }, cb)).catch(() => undefined);
        }
        this.rpc.close();
        process.removeListener("exit", this.onParentExit);
        if (this.exited) return;
        await new Promise<void>((resolve) => {
            const kill = setTimeout(() => this.child.kill("SIGKILL"), 3000);
            this.child.once("exit", () => {
                clearTimeout(kill);
                resolve();
            });
            this.child.kill("SIGTERM");
        });
    }
}

/**
 * The environment the engine gives a Node.js policy pack (pkg/resource/plugin/analyzer_plugin.go constructEnv): this
 * process's environment plus PULUMI_CONFIG and both PULUMI_NODEJS_* and PULUMI_* names, each only when non-empty.
 */
function packEnv(opts: PackOptions): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
    // An explicit undefined in opts.env removes an inherited variable.
    for (const [k, v] of Object.entries(opts.env ?? {})) if (v === undefined) delete env[k];
    const set = (key: string, value: string | undefined): void => {
        if (value) env[key] = value;
    };
    set("PULUMI_CONFIG", opts.config ? JSON.stringify(opts.config) : undefined);
    const dryRun = String(opts.dryRun ?? true);
    for (const prefix of ["PULUMI_NODEJS_", "PULUMI_"]) {
        set(`${prefix}ORGANIZATION`, opts.organization);
        set(`${prefix}PROJECT`, opts.project);
        set(`${prefix}STACK`, opts.stack);
        set(`${prefix}DRY_RUN`, dryRun);
    }
    return env;
}

/**
 * Spawns `node <run-policy-pack> 127.0.0.1:0 <absolute packDir>` in packDir, reads the port line, connects.
 * The entry point is resolved from the pack directory, as the language host does.
 */
export async function startPack(packDir: string, opts: PackOptions = {}): Promise<PackClient> {
    const dir = path.resolve(packDir);
    let entry: string;
    try {
        entry = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [dir] });
    } catch {
        throw new Error(`cannot start the policy pack in ${dir}: @pulumi/pulumi is not installed there (run npm install)`);
    }
    const started = Date.now();
    const child = spawn(process.execPath, [entry, "127.0.0.1:0", dir], { cwd: dir, env: packEnv(opts), stdio: ["ignore", "pipe", "pipe"] });
    const output: string[] = [];
    let stderr = "";
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
        stderr += chunk;
        output.push(...chunk.split("\n").filter((l) => l.trim() !== "").map((l) => `stderr: ${l}`));
    });

    const port = await new Promise<number>((resolve, reject) => {
        let stdout = "";
        let done = false;
        const fail = (why: string): void => {
            if (done) return;
            done = true;
            clearTimeout(timer);
            child.kill("SIGKILL");
            const err = stderr.trim();
            reject(new Error(`policy pack in ${dir} ${why}${err ? `; its stderr:\n${err}` : " (no stderr output)"}`));
        };
        const timeout = opts.startTimeoutMs ?? 60_000;
        const timer = setTimeout(() => fail(`did not report its port within ${timeout} ms`), timeout);
        child.once("error", (e) => fail(`could not be started: ${e.message}`));
        child.once("exit", (code, signal) => fail(`exited (${signal ?? `code ${code}`}) before reporting its port`));
        child.stdout?.setEncoding("utf8");
        child.stdout?.on("data", (chunk: string) => {
            if (done) {
                output.push(...chunk.split("\n").filter((l) => l.trim() !== "").map((l) => `stdout: ${l}`));
                return;
            }
            stdout += chunk;
            const nl = stdout.indexOf("\n");
            if (nl < 0) return;
            const line = stdout.slice(0, nl).trim();
            const n = Number(line);
            if (!/^\d+$/.test(line) || n <= 0 || n > 65535) {
                fail(`printed ${JSON.stringify(line.slice(0, 200))} instead of its port`);
                return;
            }
            done = true;
            clearTimeout(timer);
            const rest = stdout.slice(nl + 1).trim();
            if (rest) output.push(...rest.split("\n").map((l) => `stdout: ${l}`));
            resolve(n);
        });
    });

    const client = new PackClient(child, port, Date.now() - started, output, opts);
    await client.waitForReady(10_000).catch(async (e: unknown) => {
        await client.close();
        throw new Error(`policy pack in ${dir} reported port ${port} but did not accept a connection: ${e instanceof Error ? e.message : String(e)}`);
    });
    return client;
}

// ---------------------------------------------------------------------------------------------------------------
// Policy config: the `--policy-pack-config` file format and the engine's reconcile + validation.

export class ConfigError extends Error {
    constructor(
        message: string,
        /** One line per mistake, `<policy>: <field> <problem>`, without the engine's prefix. */
        readonly problems: readonly string[] = [message],
    ) {
        super(message);
    }
}

const LEVEL_LIST = `use one of ${ENFORCEMENT_LEVELS.join(", ")} (lower case)`;

interface GivenConfig {
    enforcementLevel?: EnforcementLevel;
    properties?: Record<string, unknown>;
}

function levelOf(value: unknown): EnforcementLevel | undefined {
    return typeof value === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(value) ? (value as EnforcementLevel) : undefined;
}

/**
 * Parses a `--policy-pack-config` document: a string value is an enforcement level; an object has an optional
 * enforcementLevel plus properties. Errors are worded as the engine words them.
 */
export function parsePolicyPackConfig(doc: unknown): Record<string, GivenConfig> {
    if (doc === undefined || doc === null) return {};
    if (!isRecord(doc)) throw new ConfigError("policy pack config must be a JSON object mapping policy names to a level or an object");
    const out: Record<string, GivenConfig> = {};
    for (const [name, value] of Object.entries(doc)) {
        if (typeof value === "string") {
            const level = levelOf(value);
            if (!level) throw new ConfigError(`parsing enforcement level for ${JSON.stringify(name)}: ${JSON.stringify(value)} is not a valid enforcement level; ${LEVEL_LIST}`);
            out[name] = { enforcementLevel: level };
        } else if (isRecord(value)) {
            const { enforcementLevel, ...properties } = value;
            let level: EnforcementLevel | undefined;
            if (enforcementLevel !== undefined) {
                if (typeof enforcementLevel !== "string") {
                    throw new ConfigError(`parsing enforcement level for ${JSON.stringify(name)}: ${JSON.stringify(enforcementLevel)} is not a valid enforcement level; must be a string`);
                }
                level = levelOf(enforcementLevel);
                if (!level) throw new ConfigError(`parsing enforcement level for ${JSON.stringify(name)}: ${JSON.stringify(enforcementLevel)} is not a valid enforcement level; ${LEVEL_LIST}`);
            }
            const hasProps = Object.keys(properties).length > 0;
            // The engine drops empty entries.
            if (level || hasProps) out[name] = { enforcementLevel: level, properties: hasProps ? properties : undefined };
        } else {
            throw new ConfigError(`parsing ${JSON.stringify(name)}: ${JSON.stringify(value)} is not a valid value; must be a string or object`);
        }
    }
    return out;
}

export interface ReconciledConfig {
    config: PolicyPackConfig;
    /** `<policy>: <field> <problem>`; the engine refuses to run with any. */
    errors: string[];
    /** Notes on the config that do not stop the run. */
    warnings: string[];
}

function applyConfig(result: Record<string, GivenConfig>, given: Record<string, GivenConfig>): void {
    const all = given["all"]?.enforcementLevel;
    if (all) for (const name of Object.keys(result)) result[name] = { ...result[name], enforcementLevel: all };
    // As in the engine, "all" itself also lands in the map.
    for (const [name, g] of Object.entries(given)) {
        const cur = result[name] ?? {};
        const properties = g.properties && Object.keys(g.properties).length > 0 ? { ...(cur.properties ?? {}), ...g.properties } : cur.properties;
        result[name] = { enforcementLevel: g.enforcementLevel ?? cur.enforcementLevel, properties };
    }
}

/** One policy's properties against `{type: object, properties, required}`, as the engine validates them. */
function validateProperties(policy: PolicyInfo, props: Record<string, unknown>): string[] {
    const schema = policy.configSchema;
    if (!schema) return [];
    const errors: string[] = [];
    for (const key of schema.required) if (props[key] === undefined) errors.push(`${key} is required`);
    for (const [key, value] of Object.entries(props)) {
        const sub = schema.properties[key];
        if (isRecord(sub)) errors.push(...validate(sub as Schema, value, key));
    }
    return errors.map((e) => `${policy.name}: ${e}`);
}

/**
 * What the engine does before Configure (pkg/resource/analyzer/config.go ReconcilePolicyPackConfig): each policy's
 * level plus its schema defaults, then the pack's initial config, then the file; then validation.
 */
export function reconcileConfig(info: AnalyzerInfo, fileConfig: unknown): ReconciledConfig {
    const given = parsePolicyPackConfig(fileConfig);
    const result: Record<string, GivenConfig> = {};
    for (const p of info.policies) {
        let properties: Record<string, unknown> | undefined;
        for (const [key, sub] of Object.entries(p.configSchema?.properties ?? {})) {
            if (isRecord(sub) && "default" in sub) (properties ??= {})[key] = sub.default;
        }
        result[p.name] = { enforcementLevel: p.enforcementLevel, properties };
    }
    applyConfig(result, info.initialConfig);
    applyConfig(result, given);

    const errors: string[] = [];
    const warnings: string[] = [];
    const known = info.policies.map((p) => p.name);
    for (const p of info.policies) errors.push(...validateProperties(p, result[p.name].properties ?? {}));
    const config: PolicyPackConfig = {};
    for (const [name, c] of Object.entries(result)) {
        // The engine's Configure refuses an entry without a level (an entry for a policy the pack does not have); one
        // with a level reaches the pack, whose Configure refuses it (lib/pack-config configMistakes).
        if (!c.enforcementLevel) errors.push(notAPolicy(name, known));
        else config[name] = { enforcementLevel: c.enforcementLevel, properties: c.properties ?? {} };
    }
    return { config, errors, warnings };
}

/** The engine's wording for config validation failures (pkg/engine: `validating policy config for "<pack>": …`). */
export function configErrorMessage(info: AnalyzerInfo, errors: readonly string[]): string {
    return `validating policy config for ${JSON.stringify(info.name)}: ${errors.join("; ")}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The preview sequence.

export type Phase = "remediate" | "analyze" | "analyzeStack";

export interface Finding extends Diagnostic {
    phase: Phase;
    /** The resource the engine attributes the finding to (stack findings without a known URN go to the root stack). */
    resource: { urn: string; type: string; name: string };
}

export interface Remediated {
    resource: { urn: string; type: string; name: string };
    policyName: string;
    /** Top-level properties whose value changed. */
    changed: string[];
    /** The inputs after this remediation (wire form). */
    properties: Record<string, unknown>;
}

export interface NotApplicableEntry extends NotApplicable {
    phase: Phase;
    urn?: string;
}

export interface EngineRun {
    info: AnalyzerInfo;
    config: PolicyPackConfig;
    configWarnings: string[];
    findings: Finding[];
    remediated: Remediated[];
    notApplicable: NotApplicableEntry[];
    /** The resources as sent to AnalyzeStack (inputs after remediation where no outputs exist). */
    resources: EngineResource[];
}

export interface EngineOptions {
    /** A parsed `--policy-pack-config` document. */
    policyConfig?: unknown;
    /** Stack tags for ConfigureStack. */
    stackTags?: Record<string, string>;
    /**
     * Replay `pulumi policy analyze` over existing state (pkg/resource/deploy/analyze_snapshot.go) instead of a
     * preview: no ConfigureStack, and remediations are reported but not applied (Analyze sees the state inputs).
     */
    existingState?: boolean;
    /** Resources analyzed at once (default PARALLEL_STEPS). */
    parallel?: number;
}

/** Enough requests in flight to keep the pack busy while the client decodes answers; more only queues. */
export const PARALLEL_STEPS = 8;

interface Step {
    /** The resource as analyzed: its inputs after remediation. */
    resource: EngineResource;
    findings: Finding[];
    remediated: Remediated[];
    notApplicable: NotApplicableEntry[];
}

export class EngineError extends Error {}

/** The engine fills an unspecified diagnostic severity from the policy's. */
function withSeverity(info: AnalyzerInfo): (d: Diagnostic) => Diagnostic {
    const severities = new Map(info.policies.map((p) => [p.name, p.severity]));
    return (d) => (d.severity ? d : { ...d, severity: severities.get(d.policyName) ?? "" });
}

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

function ref(r: EngineResource): Finding["resource"] {
    return { urn: r.urn, type: r.type, name: r.name };
}

/** JSON with sorted keys: struct fields come back from the wire in any order. */
function canonical(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
    if (isRecord(value)) {
        return `{${Object.keys(value)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
            .join(",")}}`;
    }
    return JSON.stringify(value) ?? "null";
}

function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].filter((k) => canonical(before[k]) !== canonical(after[k])).sort();
}

/**
 * Replays the engine's preview: ConfigureStack, GetAnalyzerInfo, config reconcile + validation, Configure; then per
 * registered resource Remediate (its properties become the new inputs) and Analyze; then AnalyzeStack.
 */
export async function runEngine(client: PackClient, resources: readonly EngineResource[], options: EngineOptions = {}): Promise<EngineRun> {
    if (!options.existingState) await client.configureStack(options.stackTags ?? {});
    const info = await client.getAnalyzerInfo();
    const { config, errors, warnings } = reconcileConfig(info, options.policyConfig);
    if (errors.length > 0) throw new ConfigError(configErrorMessage(info, errors), errors);
    try {
        if (Object.keys(config).length > 0) await client.configure(config);
    } catch (e) {
        // The pack refuses what the engine's schema check let through (lib/pack-config configMistakes).
        if (!(e instanceof RpcError)) throw e;
        const problems = e.details.replace(/^invalid policy config: /, "").split("\n");
        throw new ConfigError(`configuring policy pack ${info.name}: ${e.details}`, problems);
    }
    // @pulumi/policy's Remediate runs only policies at the remediate level: with none, every call would answer nothing.
    const remediating = info.policies.some((p) => (config[p.name]?.enforcementLevel ?? p.enforcementLevel) === "remediate");

    const severity = withSeverity(info);
    const findings: Finding[] = [];
    const remediated: Remediated[] = [];
    const notApplicable: NotApplicableEntry[] = [];

    /** Remediate then Analyze one resource, as the engine does for each step. */
    const step = async (original: EngineResource): Promise<Step> => {
        const out: Step = { resource: original, findings: [], remediated: [], notApplicable: [] };
        if (original.stackOnly) return out;
        let r = original;
        let rem: RemediateResult = { remediations: [], notApplicable: [] };
        try {
            if (remediating) rem = await client.remediate(r);
        } catch (e) {
            throw new EngineError(`failed to run remediation: ${e instanceof RpcError ? e.details : String(e)}`);
        }
        for (const x of rem.remediations) {
            if (x.diagnostic) {
                // A remediation that could not run (e.g. it read an unknown) is shown as advisory.
                const d: Diagnostic = {
                    policyName: x.policyName,
                    policyPackName: x.policyPackName,
                    policyPackVersion: x.policyPackVersion,
                    description: x.description,
                    message: x.diagnostic,
                    enforcementLevel: "advisory",
                    severity: "",
                    urn: r.urn,
                };
                out.findings.push({ ...severity(d), phase: "remediate", resource: ref(r) });
            } else if (x.properties) {
                const props = x.properties;
                const changed = changedKeys(r.props, props);
                out.remediated.push({ resource: ref(r), policyName: x.policyName, changed, properties: props });
                if (options.existingState) continue;
                // The provider echoes changed inputs into its preview outputs.
                const outputs = r.outputs ? { ...r.outputs, ...Object.fromEntries(changed.map((k) => [k, props[k]])) } : undefined;
                r = { ...r, props, outputs };
            }
        }
        out.notApplicable.push(...rem.notApplicable.map((n) => ({ ...n, phase: "remediate" as const, urn: r.urn })));

        let res: AnalyzeResult;
        try {
            res = await client.analyze(r);
        } catch (e) {
            throw new EngineError(`failed to run policy: ${e instanceof RpcError ? e.details : String(e)}`);
        }
        for (const d of res.diagnostics) {
            // A remediate-level violation that survived remediation is reported as mandatory.
            const level = d.enforcementLevel === "remediate" ? "mandatory" : d.enforcementLevel;
            out.findings.push({ ...severity(d), enforcementLevel: level, urn: r.urn, phase: "analyze", resource: ref(r) });
        }
        out.notApplicable.push(...res.notApplicable.map((n) => ({ ...n, phase: "analyze" as const, urn: r.urn })));
        out.resource = r;
        return out;
    };

    // Like the engine, several steps are in flight at once; results are merged in registration order.
    const steps: Step[] = new Array(resources.length);
    let next = 0;
    const worker = async (): Promise<void> => {
        while (next < resources.length) {
            const i = next++;
            steps[i] = await step(resources[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(options.parallel ?? PARALLEL_STEPS, resources.length) }, worker));
    const final: EngineResource[] = [];
    for (const s of steps) {
        findings.push(...s.findings);
        remediated.push(...s.remediated);
        notApplicable.push(...s.notApplicable);
        final.push(s.resource);
    }

    let stack: AnalyzeResult;
    try {
        stack = await client.analyzeStack(final);
    } catch (e) {
        throw new EngineError(`failed to run stack policy: ${e instanceof RpcError ? e.details : String(e)}`);
    }
    const byUrn = new Map(final.map((r) => [r.urn, r]));
    const root = final.find((r) => r.type === ROOT_STACK_TYPE);
    for (const d of stack.diagnostics) {
        const level = d.enforcementLevel === "remediate" ? "mandatory" : d.enforcementLevel;
        const target = byUrn.get(d.urn) ?? root;
        const resource = target ? ref(target) : { urn: d.urn, type: ROOT_STACK_TYPE, name: "(stack)" };
        findings.push({ ...severity(d), enforcementLevel: level, phase: "analyzeStack", resource });
    }
    notApplicable.push(...stack.notApplicable.map((n) => ({ ...n, phase: "analyzeStack" as const })));
    return { info, config, configWarnings: warnings, findings, remediated, notApplicable, resources: final };
}
