// README.md cannot drift from the code: its config blocks parse and pass the pack's own config check (the
// "Configure" example is examples/policy-config.json), its TypeScript snippets compile against the package; and
// the project files the README and package.json promise hold (LICENSE, a build that cleans what it owns).
import { execSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import * as ts from "typescript";
import { resolvePackConfig } from "../lib/pack-config";
import { policies } from "../policies";

const ROOT = path.resolve(__dirname, "..", "..");
const README = readFileSync(path.join(ROOT, "README.md"), "utf8");

/** Every fenced block of a language, with the prose just before it. */
function blocks(lang: string): { code: string; before: string }[] {
    const out: { code: string; before: string }[] = [];
    const fence = new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g");
    for (const m of README.matchAll(fence)) out.push({ code: m[1], before: README.slice(Math.max(0, (m.index ?? 0) - 300), m.index) });
    return out;
}

describe("README config blocks", () => {
    const json = blocks("json");

    test("there are some", () => expect(json.length).toBeGreaterThan(1));

    test.each(json.map((b, i) => [i, b.code] as const))("block %i parses and passes the pack's config check", (_i, code) => {
        expect(() => resolvePackConfig(policies, JSON.parse(code))).not.toThrow();
    });

    test("the block said to be examples/policy-config.json is that file", () => {
        const example = json.filter((b) => b.before.includes("examples/policy-config.json"));
        expect(example).toHaveLength(1);
        expect(JSON.parse(example[0].code)).toEqual(JSON.parse(readFileSync(path.join(ROOT, "examples", "policy-config.json"), "utf8")));
    });
});

describe("README TypeScript snippets", () => {
    const snippets = blocks("ts");

    test("there are some", () => expect(snippets.length).toBeGreaterThan(0));

    // Each snippet is compiled as if it sat next to the example program, with the package's own entry points.
    test.each(snippets.map((b, i) => [i, b.code] as const))("snippet %i type-checks against the package", (i, code) => {
        const file = path.join(ROOT, "examples", "program", `readme-snippet-${i}.test.ts`);
        const options: ts.CompilerOptions = {
            target: ts.ScriptTarget.ES2020,
            module: ts.ModuleKind.CommonJS,
            moduleResolution: ts.ModuleResolutionKind.Node10,
            strict: true,
            esModuleInterop: true,
            skipLibCheck: true,
            noEmit: true,
            types: ["node", "jest"],
            typeRoots: [path.join(ROOT, "node_modules", "@types")],
            baseUrl: ROOT,
            paths: { "aws-guardrails": ["index.ts"], "aws-guardrails/testing": ["testing/index.ts"] },
        };
        const host = ts.createCompilerHost(options);
        const read = host.readFile.bind(host);
        const getSource = host.getSourceFile.bind(host);
        host.fileExists = (f) => f === file || ts.sys.fileExists(f);
        host.readFile = (f) => (f === file ? code : read(f));
        host.getSourceFile = (f, v, onError, create) => (f === file ? ts.createSourceFile(f, code, v) : getSource(f, v, onError, create));
        const program = ts.createProgram([file, path.join(ROOT, "testing", "matchers.ts")], options, host);
        expect(program.getSourceFile(file)).toBeDefined();
        const problems = ts
            .getPreEmitDiagnostics(program)
            .filter((d) => d.file?.fileName === file)
            .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
        expect(problems).toEqual([]);
    });
});

describe("project files", () => {
    test("LICENSE is the Apache License 2.0 package.json names", () => {
        const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { license: string };
        expect(pkg.license).toBe("Apache-2.0");
        const text = readFileSync(path.join(ROOT, "LICENSE"), "utf8");
        expect(text).toContain("Apache License\n                           Version 2.0, January 2004");
        expect(text).toContain("END OF TERMS AND CONDITIONS");
    });

    test("the build removes bin/ before compiling, so output of a deleted source cannot linger (a stale test would still run)", () => {
        const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
        const [clean, compile] = pkg.scripts.build.split(" && ");
        expect(compile).toBe("tsc -p tsconfig.json");
        const dir = mkdtempSync(path.join(tmpdir(), "guardrails-build-"));
        try {
            mkdirSync(path.join(dir, "bin", "test"), { recursive: true });
            writeFileSync(path.join(dir, "bin", "test", "deleted.test.js"), "");
            writeFileSync(path.join(dir, "keep.ts"), "");
            execSync(clean, { cwd: dir });
            expect(existsSync(path.join(dir, "bin"))).toBe(false);
            expect(existsSync(path.join(dir, "keep.ts"))).toBe(true);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
