// `aws-guardrails facts refresh`: the team's own AWS CLI output becomes the version lists of one region.
// Exit code: 0 refreshed (or nothing to record), 2 bad arguments or an input it cannot read or recognise (nothing written).
import { parseArgs } from "util";
import { today } from "../lib/clock";
import { DATE, REGION } from "../lib/facts/format";
import { dataDir } from "../lib/facts/lists";
import { ListChange, RefreshError, RefreshResult, refresh } from "../lib/facts/refresh";

export const FACTS_USAGE = `usage: aws-guardrails facts refresh [--region REGION] [--out DIR] [--as-of YYYY-MM-DD] FILE...

Records the engine versions AWS offers in one region, from the JSON output of:
  aws rds describe-db-engine-versions --include-all     (RDS and Aurora)
  aws docdb describe-db-engine-versions
  aws neptune describe-db-engine-versions
  aws elasticache describe-cache-engine-versions
  aws opensearch list-versions
  aws kafka list-kafka-versions
  aws eks describe-cluster-versions --include-all
The kind of each FILE is told by its content. The output does not say which region it
came from: give --region, or set AWS_REGION / AWS_DEFAULT_REGION as for the AWS CLI.

options:
      --region REGION   the region the output was taken in
      --out DIR         the data directory to write (default: AWS_GUARDRAILS_DATA_DIR,
                        else the package's data/); writes DIR/regions/REGION.json
      --as-of DATE      the day the output was taken (default: today)
  -h, --help            this help

The lists of the engines the files cover replace that region's lists; every other list
is kept. Exit codes: 0 done, 2 bad arguments or an input that cannot be read or
recognised (then nothing is written).`;

function fail(message: string): number {
    process.stderr.write(`aws-guardrails facts: error: ${message}\n`);
    return 2;
}

function plural(n: number, one: string, many = `${one}s`): string {
    return `${n} ${n === 1 ? one : many}`;
}

/** Versions named per change line; the written file has them all. */
const SHOWN = 12;

function changeLines(c: ListChange): string[] {
    const lines = [`  ${c.key}: ${c.available} available, ${c.deprecated} deprecated (was: ${c.was})`];
    const add = (label: string, list: string[]) => {
        const more = list.length > SHOWN ? `, and ${list.length - SHOWN} more` : "";
        if (list.length > 0) lines.push(`    ${label}: ${list.slice(0, SHOWN).join(", ")}${more}`);
    };
    add("newly deprecated", c.newlyDeprecated);
    add("newly available", c.newlyAvailable);
    add("gone", c.gone);
    if (c.newlyDeprecated.length + c.newlyAvailable.length + c.gone.length === 0) lines.push("    no change");
    return lines;
}

/** The summary printed after a refresh: inputs, then per list what changed. */
export function summary(r: RefreshResult, regionFrom: string): string {
    const lines = [`aws-guardrails facts refresh: ${r.region} (from ${regionFrom}), as of ${r.asOf}`];
    for (const i of r.inputs) {
        const engines = i.engines.length > 0 ? `: ${i.engines.join(", ")}` : "";
        lines.push(`  read ${i.file}: ${i.command}, ${plural(i.pages, "page")}, ${plural(i.versions, "version")}${engines}`);
    }
    for (const f of r.empty) lines.push(`  ${f}: the list is empty; nothing recorded from it (the region's previous lists stay)`);
    lines.push(...r.changes.flatMap(changeLines));
    lines.push(r.written.length > 0 ? `wrote ${r.written.join(", ")}` : "nothing to write");
    return `${lines.join("\n")}\n`;
}

const OPTIONS = { region: { type: "string" }, out: { type: "string" }, "as-of": { type: "string" }, help: { type: "boolean", short: "h" } } as const;

/** Runs `aws-guardrails facts ...`; returns the exit code. */
export function factsMain(argv: string[]): number {
    let parsed;
    try {
        // Unknown options are refused (parseArgs is strict by default).
        parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    } catch (e) {
        return fail(`${(e instanceof Error ? e.message : String(e)).split(". ")[0]} (see aws-guardrails facts --help)`);
    }
    const { values, positionals } = parsed;
    if (values.help) {
        process.stdout.write(`${FACTS_USAGE}\n`);
        return 0;
    }
    const [command, ...files] = positionals;
    if (command !== "refresh") return fail(`${command === undefined ? "no facts command given" : `unknown facts command ${JSON.stringify(command)}`} (see aws-guardrails facts --help)`);
    if (files.length === 0) return fail("no FILE given (see aws-guardrails facts --help)");
    const [region, regionFrom] = values.region
        ? [values.region, "--region"]
        : process.env.AWS_REGION
          ? [process.env.AWS_REGION, "AWS_REGION"]
          : [process.env.AWS_DEFAULT_REGION, "AWS_DEFAULT_REGION"];
    if (!region) return fail("no region: AWS CLI output does not say which region it came from; give --region (or set AWS_REGION)");
    if (!REGION.test(region)) return fail(`${JSON.stringify(region)} is not an AWS region name (e.g. eu-west-1)`);
    const asOf = values["as-of"] ?? today();
    if (!DATE.test(asOf) || Number.isNaN(Date.parse(asOf))) return fail(`--as-of wants a date YYYY-MM-DD, not ${JSON.stringify(asOf)}`);
    try {
        const result = refresh({ files, region, out: values.out ?? dataDir(), asOf });
        process.stdout.write(summary(result, regionFrom));
        return 0;
    } catch (e) {
        if (e instanceof RefreshError) return fail(`${e.message}; nothing was written`);
        throw e;
    }
}
