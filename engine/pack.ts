// The policy pack process: spawned the way `pulumi preview --policy-pack <dir>` does (the language host's
// run-policy-pack, the engine's environment), and a typed pulumirpc.Analyzer client for it.
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import type { Empty as EmptyMessage } from "google-protobuf/google/protobuf/empty_pb";
import * as apb from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { AnalyzeResult, AnalyzerInfo, EngineResource, Empty, LEVEL_NAMES, LEVEL_VALUES, PolicyPackConfig, RemediateResult, analyzeRequest, diagnosticOf, fromStruct, notApplicableOf, policyInfoOf, stackResource, structOf } from "./wire";

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

const MAX_MESSAGE = 400 * 1024 * 1024;

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
