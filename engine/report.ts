// `npm start`: runs this policy pack over `pulumi preview --json` / `pulumi stack export` documents exactly as
// `pulumi preview --policy-pack <dir>` would (one pack process per document, the engine's call sequence), and
// prints the findings grouped by resource.
// Exit code: 0 no mandatory finding (or --demo), 1 mandatory findings, 2 unusable input or a failing policy run.
import { readFileSync } from "fs";
import * as path from "path";
import { ConfigError, EngineRun, Finding, parsePolicyPackConfig, runEngine, startPack } from "./client";
import { StackDocument, readDocumentFile } from "./documents";

const USAGE =
    "usage: node bin/engine/report.js [--config <policy-pack-config.json>] [--stack <name>] [--organization <org>] " +
    "[--tag key=value]... [--demo] <preview-or-export.json>...";

interface Args {
    files: string[];
    configFile?: string;
    stack?: string;
    organization: string;
    tags: Record<string, string>;
    demo: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
    const args: Args = { files: [], organization: "organization", tags: {}, demo: false };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = (): string => {
            const v = argv[++i];
            if (v === undefined) throw new UsageError(`${a} needs a value`);
            return v;
        };
        if (a === "--config") args.configFile = value();
        else if (a === "--stack") args.stack = value();
        else if (a === "--organization") args.organization = value();
        else if (a === "--tag") {
            const t = value();
            const at = t.indexOf("=");
            if (at <= 0) throw new UsageError(`--tag wants key=value, got ${JSON.stringify(t)}`);
            args.tags[t.slice(0, at)] = t.slice(at + 1);
        } else if (a === "--demo") args.demo = true;
        else if (a === "--help" || a === "-h") throw new UsageError("");
        else if (a.startsWith("--")) throw new UsageError(`unknown option ${a}`);
        else args.files.push(a);
    }
    if (args.files.length === 0) throw new UsageError("no document given");
    return args;
}

function readConfigFile(file: string): unknown {
    let text: string;
    try {
        text = readFileSync(file, "utf8");
    } catch (e) {
        throw new ConfigError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    // Like the engine, an empty file is no config.
    if (text.trim() === "") return undefined;
    let json: unknown;
    try {
        json = JSON.parse(text) as unknown;
    } catch (e) {
        throw new ConfigError(`${file}: not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
        parsePolicyPackConfig(json);
    } catch (e) {
        throw new ConfigError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return json;
}

/** The SDK prefixes every violation with the policy description; the rest is what the policy said. */
function ownMessage(f: Finding): string {
    const m = f.message.startsWith(`${f.description}\n`) ? f.message.slice(f.description.length + 1) : f.message;
    return m.trim() || f.description;
}

const LEVEL_ORDER = ["mandatory", "advisory", "disabled", "remediate"];

function indent(text: string, prefix: string): string {
    return text
        .split("\n")
        .map((l, i) => (i === 0 ? l : `${prefix}${l}`))
        .join("\n");
}

function render(file: string, doc: StackDocument, run: EngineRun, timing: { startMs: number; runMs: number }, output: string[]): string[] {
    const lines: string[] = [];
    const kind = doc.format === "preview" ? "pulumi preview --json" : "pulumi stack export";
    const analyzed = doc.resources.filter((r) => !r.stackOnly).length;
    lines.push(`== ${file}`);
    lines.push(`   ${kind} · stack ${doc.stack ?? "?"} · project ${doc.project ?? "?"} · ${doc.resources.length} resources (${analyzed} analyzed one by one)`);
    lines.push(`   policy pack ${run.info.name} ${run.info.version}, ${run.info.policies.length} policies`);
    for (const w of [...doc.warnings, ...run.configWarnings]) lines.push(`   warning: ${w}`);

    const groups = new Map<string, { label: string; findings: Finding[] }>();
    for (const f of run.findings) {
        const g = groups.get(f.resource.urn) ?? { label: `${f.resource.name} (${f.resource.type})`, findings: [] };
        g.findings.push(f);
        groups.set(f.resource.urn, g);
    }
    const order = new Map(doc.resources.map((r, i) => [r.urn, i]));
    const sorted = [...groups.entries()].sort(([a], [b]) => (order.get(a) ?? -1) - (order.get(b) ?? -1));
    if (sorted.length === 0) lines.push("", "   no findings");
    for (const [, g] of sorted) {
        lines.push("", `   ${g.label}`);
        g.findings.sort((a, b) => LEVEL_ORDER.indexOf(a.enforcementLevel) - LEVEL_ORDER.indexOf(b.enforcementLevel) || a.policyName.localeCompare(b.policyName));
        for (const f of g.findings) {
            const head = `     ${f.enforcementLevel.padEnd(9)} ${f.policyName}${f.severity ? ` [${f.severity}]` : ""}`;
            lines.push(head, `               ${indent(ownMessage(f), "               ")}`);
        }
    }
    if (run.remediated.length > 0) {
        lines.push("", "   remediated (the new inputs were analyzed):");
        for (const r of run.remediated) lines.push(`     ${r.resource.name} (${r.resource.type}): ${r.policyName} set ${r.changed.join(", ") || "nothing"}`);
    }
    if (output.length > 0) {
        lines.push("", "   policy pack output:");
        for (const o of output) lines.push(`     ${o}`);
    }
    const count = (level: string): number => run.findings.filter((f) => f.enforcementLevel === level).length;
    const mandatory = count("mandatory");
    const resourcesHit = new Set(run.findings.filter((f) => f.enforcementLevel === "mandatory").map((f) => f.resource.urn)).size;
    const notApplicable = new Set(run.notApplicable.map((n) => n.policyName));
    lines.push(
        "",
        `   totals: ${mandatory} mandatory, ${count("advisory")} advisory, ${run.remediated.length} remediated` +
            (notApplicable.size > 0 ? `, not applicable here: ${[...notApplicable].sort().join(", ")}` : "") +
            ` · pack start ${(timing.startMs / 1000).toFixed(1)} s, analysis ${(timing.runMs / 1000).toFixed(1)} s`,
    );
    lines.push(
        mandatory > 0
            ? `   RESULT ${path.basename(file)}: FAIL, ${mandatory} mandatory finding(s) on ${resourcesHit} resource(s); \`pulumi preview\` would fail`
            : `   RESULT ${path.basename(file)}: PASS, no mandatory finding`,
    );
    return lines;
}

async function main(argv: string[]): Promise<number> {
    const args = parseArgs(argv);
    const policyConfig = args.configFile ? readConfigFile(args.configFile) : undefined;
    // Every document is read before anything runs, so a bad file fails fast.
    const docs = args.files.map((f) => ({ file: f, doc: readDocumentFile(f) }));
    const root = path.resolve(__dirname, "..", "..");
    const summary: string[] = [];
    let mandatory = 0;
    for (const { file, doc } of docs) {
        const started = Date.now();
        // One pack process per document: the engine starts the analyzer with that stack's name and config.
        const client = await startPack(root, {
            stack: args.stack ?? doc.stack ?? "dev",
            project: doc.project ?? "",
            organization: args.organization,
            dryRun: true,
            config: doc.config,
        });
        const startMs = Date.now() - started;
        let run: EngineRun;
        try {
            run = await runEngine(client, doc.resources, { policyConfig, stackTags: { "pulumi:project": doc.project ?? "", ...args.tags } });
        } finally {
            await client.close();
        }
        const lines = render(file, doc, run, { startMs, runMs: Date.now() - started - startMs }, client.output);
        console.log(lines.join("\n") + "\n");
        summary.push(lines[lines.length - 1].trim());
        mandatory += run.findings.filter((f) => f.enforcementLevel === "mandatory").length;
    }
    if (docs.length > 1) console.log(summary.join("\n"));
    if (args.demo && mandatory > 0) console.log("(--demo: exit code 0 although mandatory findings were reported)");
    return mandatory > 0 && !args.demo ? 1 : 0;
}

main(process.argv.slice(2)).then(
    (code) => {
        process.exitCode = code;
    },
    (e: unknown) => {
        if (e instanceof UsageError && e.message === "") {
            console.log(USAGE);
            return;
        }
        // Config, document, engine and start-up errors all stop the run, as they stop `pulumi preview`.
        console.error(`error: ${e instanceof Error ? e.message : String(e)}${e instanceof UsageError ? `\n${USAGE}` : ""}`);
        process.exitCode = 2;
    },
);
