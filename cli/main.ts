#!/usr/bin/env node
// `aws-guardrails scan FILE...`: the verdicts of `pulumi preview --policy-pack` over saved `pulumi preview --json` and
// `pulumi stack export` documents, as text, JSON, SARIF or GitHub annotations.
// Exit code: 0 no mandatory finding, 1 mandatory findings, 2 no verdict (bad input, bad config, or the pack failed).
import { writeFileSync } from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { InputError } from "./document";
import { escapeData, renderGithub } from "./github";
import { renderJson } from "./json";
import { ProgressMode, progressSink } from "./progress";
import { renderSarif } from "./sarif";
import { ScanResult, TOOL, countsOf, exitCodeOf, scan } from "./scan";
import { renderText } from "./text";

const FORMATS = { text: renderText, json: renderJson, sarif: renderSarif, github: renderGithub } as const;
type Format = keyof typeof FORMATS;

export const USAGE = `usage: aws-guardrails scan [options] FILE...
       aws-guardrails --help | --version

Runs the aws-guardrails policy pack over saved Pulumi documents exactly as
\`pulumi preview --policy-pack\` would, without the Pulumi CLI or cloud credentials.

FILE is the output of \`pulumi preview --json\` (add --show-sames so stack policies
see unchanged resources too) or of \`pulumi stack export\` (deployment versions 1-4;
with --show-secrets, secret values are evaluated and still never printed); - reads
standard input.

options:
  -c, --config FILE        policy config, the format of \`--policy-pack-config\`
  -f, --format FORMAT      text (default), json, sarif or github
  -o, --output FILE        write the report to FILE instead of stdout
      --source-root DIR    the Pulumi project's directory relative to the repository
                           root, prefixed to source paths (e.g. infra)
      --stack NAME         stack name the policies see (default: from the URNs)
      --organization ORG   organization the policies see (default: organization)
      --tag KEY=VALUE      a stack tag the policies see (repeatable)
      --environment-suffix SUFFIX
                           the suffix physical names must carry (default: the
                           shell's ENVIRONMENT_SUFFIX, else the stack name)
      --region REGION      the stack's default region (default: the shell's
                           AWS_REGION, else aws:region of the document's config)
      --progress           show progress on stderr even when it is not a terminal
      --no-progress        never show progress
  -h, --help               this help
  -V, --version            the version

environment: like \`pulumi preview\`, the policies read ENVIRONMENT_SUFFIX, AWS_REGION and
(when the document has no stack config) PULUMI_CONFIG from this shell; the report
header names every value it read.

exit codes: 0 no mandatory finding, 1 mandatory findings (\`pulumi preview\` would
fail), 2 no verdict (bad arguments, unreadable or unsupported input, invalid
config, or the policy pack failed).`;

class UsageError extends Error {}

interface Args {
    command: "help" | "version" | "scan";
    files: string[];
    configFile?: string;
    format: Format;
    output?: string;
    sourceRoot?: string;
    stack?: string;
    organization?: string;
    tags: Record<string, string>;
    environmentSuffix?: string;
    region?: string;
    progress: ProgressMode;
}

function parse(argv: string[]): Args {
    let parsed;
    try {
        parsed = parseArgs({
            args: argv,
            allowPositionals: true,
            strict: true,
            options: {
                config: { type: "string", short: "c" },
                format: { type: "string", short: "f" },
                output: { type: "string", short: "o" },
                "source-root": { type: "string" },
                stack: { type: "string" },
                organization: { type: "string" },
                tag: { type: "string", multiple: true },
                "environment-suffix": { type: "string" },
                region: { type: "string" },
                progress: { type: "boolean" },
                "no-progress": { type: "boolean" },
                help: { type: "boolean", short: "h" },
                version: { type: "boolean", short: "V" },
            },
        });
    } catch (e) {
        // Node's wording suggests `--` tricks; the first sentence is what matters.
        throw new UsageError((e instanceof Error ? e.message : String(e)).split(". ")[0]);
    }
    const { values, positionals } = parsed;
    const base = { files: [], format: "text" as Format, tags: {}, progress: "auto" as ProgressMode };
    if (values.help || positionals[0] === "help") return { ...base, command: "help" };
    if (values.version) return { ...base, command: "version" };
    const [command, ...files] = positionals;
    if (command === undefined) throw new UsageError("no command given");
    if (command !== "scan") throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    if (files.length === 0) throw new UsageError("no FILE given");
    // Source paths in reports are relative to the repository root, so an absolute directory would point nowhere on GitHub.
    if (values["source-root"] !== undefined && (path.isAbsolute(values["source-root"]) || /^[A-Za-z]:[\\/]/.test(values["source-root"]))) {
        throw new UsageError(`--source-root is the project's directory relative to the repository root (e.g. infra), not an absolute path: ${JSON.stringify(values["source-root"])}`);
    }
    const format = values.format ?? "text";
    if (!(format in FORMATS)) throw new UsageError(`--format must be one of ${Object.keys(FORMATS).join(", ")}, not ${JSON.stringify(format)}`);
    if (values.progress && values["no-progress"]) throw new UsageError("--progress and --no-progress contradict each other");
    const tags: Record<string, string> = {};
    for (const t of values.tag ?? []) {
        const at = t.indexOf("=");
        if (at <= 0) throw new UsageError(`--tag wants KEY=VALUE, not ${JSON.stringify(t)}`);
        tags[t.slice(0, at)] = t.slice(at + 1);
    }
    return {
        command: "scan",
        files,
        configFile: values.config,
        format: format as Format,
        output: values.output,
        sourceRoot: values["source-root"],
        stack: values.stack,
        organization: values.organization,
        tags,
        environmentSuffix: values["environment-suffix"],
        region: values.region,
        progress: values.progress ? "on" : values["no-progress"] ? "off" : "auto",
    };
}

/** Last line of defence: no plaintext secret of the inputs leaves the process, whatever a message says. */
function scrub(text: string, secrets: ReadonlySet<string>): string {
    let out = text;
    for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
        for (const form of new Set([s, JSON.stringify(s).slice(1, -1), escapeData(s)])) out = out.split(form).join("[secret]");
    }
    return out;
}

function write(args: Args, result: ScanResult): void {
    const report = scrub(FORMATS[args.format](result), result.secretTexts);
    if (!args.output) {
        process.stdout.write(report);
        return;
    }
    try {
        writeFileSync(args.output, report);
    } catch (e) {
        throw new InputError(`${args.output}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    // The report went to a file: one line says where, and the verdict.
    const c = countsOf(result.files.flatMap((f) => f.findings));
    const verdict = exitCodeOf(result) === 1 ? "FAIL" : "PASS";
    process.stdout.write(`${verdict}: ${c.mandatory} mandatory, ${c.advisory} advisory, ${c.exempted} exempted in ${result.files.length} document(s); ${args.format} report written to ${args.output}\n`);
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
    let args: Args;
    try {
        args = parse(argv);
    } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        process.stderr.write(`aws-guardrails: error: ${e.message} (see aws-guardrails --help)\n`);
        return 2;
    }
    if (args.command === "help") {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    if (args.command === "version") {
        process.stdout.write(`${TOOL.name} ${TOOL.version}\n`);
        return 0;
    }
    try {
        const result = await scan({
            files: args.files,
            configFile: args.configFile,
            stack: args.stack,
            organization: args.organization,
            tags: args.tags,
            sourceRoot: args.sourceRoot,
            environmentSuffix: args.environmentSuffix,
            region: args.region,
            progress: (doc, analyzed) => progressSink(args.progress, process.stderr, doc.file, analyzed, doc.bytes),
        });
        write(args, result);
        // A document that could not be read leaves the run without a full verdict, though the others are reported.
        for (const x of result.failures) process.stderr.write(`aws-guardrails: error: ${x.message}\n`);
        return result.failures.length > 0 ? 2 : exitCodeOf(result);
    } catch (e) {
        // Input, config, engine and start-up errors all stop the run, as they stop `pulumi preview`.
        process.stderr.write(`aws-guardrails: error: ${e instanceof Error ? e.message : String(e)}\n`);
        return 2;
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => {
            process.exitCode = code;
        },
        (e: unknown) => {
            process.stderr.write(`aws-guardrails: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
            process.exitCode = 2;
        },
    );
}
