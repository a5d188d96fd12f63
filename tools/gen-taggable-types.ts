// Generates data/taggable-types.json from an installed @pulumi/aws (dev time only; the pack never loads @pulumi/aws):
//   node bin/tools/gen-taggable-types.js [node_modules/@pulumi/aws] [out-file]
// A type is taggable when its <Name>Args interface has a `tags` map input and the class a `tagsAll` output (the merge
// of its tags with the provider's defaultTags).
import * as fs from "fs";
import * as path from "path";

export const TAGGABLE_FILE = "taggable-types.json";

export interface TaggableFile {
    source: string;
    generatedBy: string;
    taggable: string[];
}

const TOKEN = /static __pulumiType = '([^']+)'/;
const TAGS_MAP = /^ {4}tags\?: pulumi\.Input<\{$/m;
const TAGS_ALL = /^ {4}readonly tagsAll: /m;

/** The body of `export interface <name> { ... }` (top-level interfaces end at a line holding only "}"). */
function interfaceBody(dts: string, name: string): string | undefined {
    const start = dts.indexOf(`export interface ${name} {`);
    if (start < 0) return undefined;
    const end = dts.indexOf("\n}", start);
    return end < 0 ? undefined : dts.slice(start, end);
}

function classBody(dts: string, name: string): string | undefined {
    const start = dts.indexOf(`export declare class ${name} extends`);
    if (start < 0) return undefined;
    const end = dts.indexOf("\n}", start);
    return end < 0 ? undefined : dts.slice(start, end);
}

export function scan(awsDir: string): TaggableFile {
    const pkg = JSON.parse(fs.readFileSync(path.join(awsDir, "package.json"), "utf8")) as { version?: unknown };
    const taggable: string[] = [];
    for (const dir of fs.readdirSync(awsDir, { withFileTypes: true })) {
        if (!dir.isDirectory() || dir.name === "types" || dir.name === "node_modules") continue;
        for (const file of fs.readdirSync(path.join(awsDir, dir.name))) {
            if (!file.endsWith(".js")) continue;
            const js = fs.readFileSync(path.join(awsDir, dir.name, file), "utf8");
            const token = TOKEN.exec(js)?.[1];
            const dtsFile = path.join(awsDir, dir.name, file.replace(/\.js$/, ".d.ts"));
            if (!token || !fs.existsSync(dtsFile)) continue;
            const dts = fs.readFileSync(dtsFile, "utf8");
            const cls = token.slice(token.lastIndexOf(":") + 1);
            const args = interfaceBody(dts, `${cls}Args`);
            if (args && TAGS_MAP.test(args) && TAGS_ALL.test(classBody(dts, cls) ?? "")) taggable.push(token);
        }
    }
    taggable.sort();
    return {
        source: `@pulumi/aws ${String(pkg.version)} (npm): resource classes with a \`tags\` map input and a \`tagsAll\` output (<module>/<resource>.d.ts; token from <resource>.js)`,
        generatedBy: "tools/gen-taggable-types.ts",
        taggable,
    };
}

/** One token per line, so regenerating after a provider upgrade diffs cleanly. */
export function format(file: TaggableFile): string {
    const list = (xs: string[]) => (xs.length === 0 ? "[]" : `[\n${xs.map((x) => `    ${JSON.stringify(x)}`).join(",\n")}\n  ]`);
    return [
        "{",
        `  "source": ${JSON.stringify(file.source)},`,
        `  "generatedBy": ${JSON.stringify(file.generatedBy)},`,
        `  "taggable": ${list(file.taggable)}`,
        "}",
        "",
    ].join("\n");
}

export function main(argv: readonly string[]): number {
    const root = path.join(__dirname, "..", "..");
    const awsDir = argv[0] ?? path.join(root, "node_modules", "@pulumi", "aws");
    const out = argv[1] ?? path.join(root, "data", TAGGABLE_FILE);
    try {
        const file = scan(awsDir);
        if (file.taggable.length === 0) throw new Error(`no taggable resource found under ${awsDir}`);
        fs.writeFileSync(out, format(file));
        process.stdout.write(`wrote ${out}: ${file.taggable.length} taggable types\n`);
        return 0;
    } catch (e) {
        process.stderr.write(`gen-taggable-types: ${e instanceof Error ? e.message : String(e)}\n`);
        return 1;
    }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
