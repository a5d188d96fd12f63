// `npm run bench`: this pack against an empty pack with the same dependencies (the floor), side by side in
// one run on one machine: start-up, peak memory, Remediate+Analyze throughput, AnalyzeStack at 1k/10k/50k.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { EngineResource, PackClient, reconcileConfig, startPack } from "../engine/client";
import { readDocumentFile } from "../engine/documents";

const ROOT = path.resolve(__dirname, "..", "..");
const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? Number(args[at + 1]) : fallback;
};
const STARTS = flag("starts", 7);
const CALLS = flag("calls", 3000);
const SIZES = (args.includes("--sizes") ? args[args.indexOf("--sizes") + 1] : "1000,10000,50000").split(",").map(Number);
const STACK_RUNS = flag("stack-runs", 3);
/** `--readme`: also write the table into README.md between the bench markers. */
const WRITE_README = args.includes("--readme");
const README_START = "<!-- bench:start (written by `npm run bench -- --readme`) -->";
const README_END = "<!-- bench:end -->";

/** The floor: a precompiled pack with no policies, resolving the very same node_modules. */
function floorPack(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), "guardrails-floor-"));
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "floor", version: "0.0.0", main: "index.js" }));
    writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    writeFileSync(path.join(dir, "index.js"), 'const { PolicyPack } = require("@pulumi/policy");\nnew PolicyPack("floor", { policies: [] });\n');
    symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    return dir;
}

const TICKS = 100; // Linux USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s.

function cpuMs(pid: number | undefined): number {
    if (!pid) return NaN;
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
}

function peakMb(pid: number | undefined): number {
    if (!pid) return NaN;
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : NaN;
}

function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
}

async function ready(dir: string): Promise<{ client: PackClient; ms: number }> {
    const t0 = process.hrtime.bigint();
    const client = await startPack(dir, { stack: "bench" });
    await client.getAnalyzerInfo();
    return { client, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

async function configured(dir: string): Promise<PackClient> {
    const { client } = await ready(dir);
    await client.configureStack({});
    const { config } = reconcileConfig(await client.getAnalyzerInfo(), {});
    if (Object.keys(config).length > 0) await client.configure(config);
    return client;
}

/** A realistic mix: the resources of the bundled example stacks. */
function mix(): EngineResource[] {
    return ["bad-stack.json", "good-stack.json"].flatMap((f) => readDocumentFile(path.join(ROOT, "examples", f)).resources);
}

/** n resources: copies of the mix, each copy wired within itself like the original. */
function stackOf(n: number, base: EngineResource[]): EngineResource[] {
    const out: EngineResource[] = [];
    for (let copy = 0; out.length < n; copy++) {
        const rename = (urn: string) => `${urn}-${copy}`;
        for (const r of base) {
            if (out.length >= n) break;
            out.push({
                ...r,
                name: `${r.name}-${copy}`,
                urn: rename(r.urn),
                dependencies: r.dependencies?.map(rename),
                propertyDependencies: r.propertyDependencies && Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, v]) => [k, v.map(rename)])),
            });
        }
    }
    return out;
}

interface Row {
    what: string;
    pack: number;
    floor: number;
    unit: string;
    target: string;
    ok: (ratio: number) => boolean;
}

/** Replaces the README's results between the bench markers, so the table there is always a real run's output. */
function writeReadme(table: string): void {
    const file = path.join(ROOT, "README.md");
    const text = readFileSync(file, "utf8");
    const from = text.indexOf(README_START);
    const to = text.indexOf(README_END);
    if (from < 0 || to < from) throw new Error(`README.md has no ${README_START} ... ${README_END} section`);
    writeFileSync(file, `${text.slice(0, from + README_START.length)}\n${table}\n${text.slice(to)}`);
}

async function main(): Promise<void> {
    const floor = floorPack();
    const packs = { pack: ROOT, floor };
    const rows: Row[] = [];
    try {
        // Start-up, interleaved so that machine noise hits both alike.
        const starts: Record<string, number[]> = { pack: [], floor: [] };
        const peaks: Record<string, number[]> = { pack: [], floor: [] };
        for (let i = 0; i < STARTS; i++) {
            for (const [name, dir] of Object.entries(packs)) {
                const { client, ms } = await ready(dir);
                starts[name].push(ms);
                peaks[name].push(peakMb(client.pid));
                await client.close();
            }
        }
        rows.push({ what: "start-up, spawn to first GetAnalyzerInfo reply (median)", pack: median(starts.pack), floor: median(starts.floor), unit: "ms", target: "<= 1.2x", ok: (r) => r <= 1.2 });
        rows.push({ what: "peak memory at ready (VmHWM, median)", pack: median(peaks.pack), floor: median(peaks.floor), unit: "MB", target: "report", ok: () => true });

        const base = mix().filter((r) => !r.stackOnly);
        const throughput: Record<string, number> = {};
        const cpuPerCall: Record<string, number> = {};
        for (const [name, dir] of Object.entries(packs)) {
            const client = await configured(dir);
            for (let i = 0; i < 200; i++) await client.analyze(base[i % base.length]);
            const cpu0 = cpuMs(client.pid);
            const t0 = process.hrtime.bigint();
            for (let i = 0; i < CALLS; i++) {
                const r = base[i % base.length];
                await client.remediate(r);
                await client.analyze(r);
            }
            const s = Number(process.hrtime.bigint() - t0) / 1e9;
            throughput[name] = CALLS / s;
            cpuPerCall[name] = (cpuMs(client.pid) - cpu0) / CALLS;
            await client.close();
        }
        rows.push({ what: `Remediate+Analyze per resource, ${CALLS} sequential (${base.length} resource types mix)`, pack: throughput.pack, floor: throughput.floor, unit: "resources/s", target: ">= 0.8x", ok: (r) => r >= 0.8 });
        rows.push({ what: "pack CPU per resource (Remediate+Analyze)", pack: cpuPerCall.pack, floor: cpuPerCall.floor, unit: "ms", target: "report", ok: () => true });

        const stackRows: { n: number; pack: number; floor: number; packCpu: number; floorCpu: number }[] = [];
        const clients: Record<string, PackClient> = {};
        for (const [name, dir] of Object.entries(packs)) clients[name] = await configured(dir);
        for (const n of SIZES) {
            const resources = stackOf(n, mix());
            const times: Record<string, number[]> = { pack: [], floor: [] };
            const cpus: Record<string, number[]> = { pack: [], floor: [] };
            for (let i = 0; i < STACK_RUNS; i++) {
                for (const name of Object.keys(packs)) {
                    const c = clients[name];
                    const cpu0 = cpuMs(c.pid);
                    const t0 = process.hrtime.bigint();
                    await c.analyzeStack(resources);
                    times[name].push(Number(process.hrtime.bigint() - t0) / 1e6);
                    cpus[name].push(cpuMs(c.pid) - cpu0);
                }
            }
            stackRows.push({ n, pack: median(times.pack), floor: median(times.floor), packCpu: median(cpus.pack), floorCpu: median(cpus.floor) });
        }
        for (const [name, c] of Object.entries(clients)) {
            peaks[`${name}-stack`] = [peakMb(c.pid)];
            await c.close();
        }
        for (const s of stackRows) {
            rows.push({ what: `AnalyzeStack ${s.n} resources, round trip (median of ${STACK_RUNS})`, pack: s.pack, floor: s.floor, unit: "ms", target: s.n === 10000 ? "<= 2x" : "report", ok: (r) => s.n !== 10000 || r <= 2 });
            rows.push({ what: `AnalyzeStack ${s.n} resources, pack CPU`, pack: s.packCpu, floor: s.floorCpu, unit: "ms", target: "report", ok: () => true });
        }
        rows.push({ what: "peak memory after the AnalyzeStack runs (VmHWM)", pack: peaks["pack-stack"][0], floor: peaks["floor-stack"][0], unit: "MB", target: "report", ok: () => true });
        const perResource = stackRows.map((s) => s.packCpu / s.n);
        const growth = perResource.length > 1 ? perResource[perResource.length - 1] / perResource[0] : 1;

        const lines = [
            `aws-guardrails bench, ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length}x ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
            "",
            "| measurement | this pack | floor (empty pack) | ratio | target |",
            "| --- | --- | --- | --- | --- |",
        ];
        let failed = 0;
        for (const r of rows) {
            const ratio = r.pack / r.floor;
            const verdict = r.target === "report" ? "" : r.ok(ratio) ? " ✓" : " ✗";
            if (verdict === " ✗") failed++;
            lines.push(`| ${r.what} | ${r.pack.toFixed(r.pack < 10 ? 2 : 0)} ${r.unit} | ${r.floor.toFixed(r.floor < 10 ? 2 : 0)} ${r.unit} | ${ratio.toFixed(2)}x | ${r.target}${verdict} |`);
        }
        lines.push(`| AnalyzeStack pack CPU per resource, ${SIZES[SIZES.length - 1]} vs ${SIZES[0]} resources | | | ${growth.toFixed(2)}x | ~1x (linear) |`);
        lines.push("", failed === 0 ? "All targets met." : `${failed} target(s) missed.`);
        console.log(lines.join("\n"));
        if (WRITE_README) writeReadme(lines.join("\n"));
    } finally {
        rmSync(floor, { recursive: true, force: true });
    }
}

main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
});
