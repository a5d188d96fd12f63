// Generates data/rds-instance-classes.json from an aws-facts folder's rds-instance-classes.json:
//   node bin/tools/gen-rds-instance-classes.js <aws-facts-dir> [out-dir]   (out-dir defaults to the project's data/)
// The input maps region -> engine key -> a list of class names; the output keeps one sorted class table and lists of
// indexes into it, with the source, commit and as-of date the input names.
import * as fs from "fs";
import * as path from "path";
import { INSTANCE_CLASS_FILE, InstanceClassFile } from "../lib/instance-classes";

type Rec = Record<string, unknown>;

function fail(message: string): never {
    throw new Error(message);
}

function rec(v: unknown, what: string): Rec {
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : fail(`${what} is not an object`);
}

const SOURCE = /^(\S+) (\S+), commit ([0-9a-f]+) \((\d{4}-\d{2}-\d{2})\)/;

export function instanceClassFile(facts: Rec): InstanceClassFile {
    const text = typeof facts.source === "string" ? facts.source : fail("source is not a string");
    const [, repo, file, commit, date] = SOURCE.exec(text) ?? fail(`source "${text}" does not name repo, path, commit and date`);
    const asOf = typeof facts.asOf === "string" ? facts.asOf : fail("asOf is not a string");
    const inputLists = Array.isArray(facts.classLists) ? facts.classLists : fail("classLists is not a list");
    const named = inputLists.map((l, i) => (Array.isArray(l) && l.every((c) => typeof c === "string") ? (l as string[]) : fail(`classLists[${i}] is not a list of names`)));
    const classes = [...new Set(named.flat())].sort();
    const position = new Map(classes.map((c, i) => [c, i]));
    const lists = named.map((l) => l.map((c) => position.get(c) ?? 0).sort((a, b) => a - b));
    const regions: Record<string, Record<string, number>> = {};
    for (const [region, engines] of Object.entries(rec(facts.regions, "regions")).sort(([a], [b]) => (a < b ? -1 : 1))) {
        regions[region] = {};
        for (const [key, i] of Object.entries(rec(engines, `regions.${region}`)).sort(([a], [b]) => (a < b ? -1 : 1))) {
            if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= lists.length) fail(`regions.${region}.${key} is not a list index`);
            regions[region][key] = i;
        }
    }
    return { source: `${repo} (DB instance classes)`, sources: [{ repo, path: file, commit, date }], asOf, classes, lists, regions };
}

export function main(argv: readonly string[]): number {
    const [factsDir, outArg] = argv;
    if (!factsDir) {
        process.stderr.write("usage: node bin/tools/gen-rds-instance-classes.js <aws-facts-dir> [out-dir]\n");
        return 2;
    }
    const outDir = outArg ?? path.join(__dirname, "..", "..", "data");
    try {
        const data = instanceClassFile(rec(JSON.parse(fs.readFileSync(path.join(factsDir, INSTANCE_CLASS_FILE), "utf8")) as unknown, INSTANCE_CLASS_FILE));
        // One line per list and region keeps the file small and its diffs readable.
        const body = [
            `{"source":${JSON.stringify(data.source)},"sources":${JSON.stringify(data.sources)},"asOf":${JSON.stringify(data.asOf)},`,
            `"classes":${JSON.stringify(data.classes)},`,
            `"lists":[\n${data.lists.map((l) => JSON.stringify(l)).join(",\n")}\n],`,
            `"regions":{\n${Object.entries(data.regions).map(([r, e]) => `${JSON.stringify(r)}:${JSON.stringify(e)}`).join(",\n")}\n}}`,
        ].join("\n");
        fs.mkdirSync(outDir, { recursive: true });
        fs.writeFileSync(path.join(outDir, INSTANCE_CLASS_FILE), `${body}\n`);
        process.stdout.write(`wrote ${INSTANCE_CLASS_FILE} (${data.classes.length} classes, ${Object.keys(data.regions).length} regions) to ${outDir}\n`);
        return 0;
    } catch (e) {
        process.stderr.write(`gen-rds-instance-classes: ${e instanceof Error ? e.message : String(e)}\n`);
        return 1;
    }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
