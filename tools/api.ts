// The public API of the package entries as plain text, read from the compiled declarations with the TypeScript
// checker: every export with its full signature, and the members of every exported type (inherited ones included).
// api/<entry>.api.txt holds the committed copy; test/api.test.ts fails when they differ. `npm run api` rewrites it.
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");

/** The entries that follow semver, by the subpath users import (`aws-guardrails/<name>`). */
export const API_ENTRIES: Readonly<Record<string, string>> = {
    library: "bin/library/index.d.ts",
    testing: "bin/testing/index.d.ts",
};

export const apiFile = (name: string): string => path.join(ROOT, "api", `${name}.api.txt`);

const FLAGS = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.WriteArrowStyleSignature;

function isPrivate(decl: ts.Declaration | undefined): boolean {
    return !!decl && (ts.getCombinedModifierFlags(decl) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0;
}

function isReadonly(decl: ts.Declaration | undefined): boolean {
    return !!decl && (ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Readonly) !== 0;
}

/** `  name?: type` for each public member of a type, sorted, plus its call and index signatures. */
function members(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): string[] {
    const out: string[] = [];
    for (const prop of checker.getPropertiesOfType(type)) {
        const decl = prop.valueDeclaration ?? prop.declarations?.[0];
        if (isPrivate(decl) || prop.name.startsWith("__")) continue;
        const optional = prop.flags & ts.SymbolFlags.Optional ? "?" : "";
        out.push(`    ${isReadonly(decl) ? "readonly " : ""}${prop.name}${optional}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(prop, at), undefined, FLAGS)}`);
    }
    out.sort();
    for (const sig of type.getCallSignatures()) out.push(`    call ${checker.signatureToString(sig, undefined, FLAGS)}`);
    for (const info of checker.getIndexInfosOfType(type)) out.push(`    [key: ${checker.typeToString(info.keyType)}]: ${checker.typeToString(info.type, undefined, FLAGS)}`);
    return out;
}

function describeSymbol(checker: ts.TypeChecker, name: string, symbol: ts.Symbol, at: ts.Node): string[] {
    const out: string[] = [];
    const flags = symbol.flags;
    if (flags & ts.SymbolFlags.Function) {
        for (const sig of checker.getTypeOfSymbolAtLocation(symbol, at).getCallSignatures()) out.push(`function ${name}${checker.signatureToString(sig, undefined, FLAGS)}`);
    }
    if (flags & ts.SymbolFlags.Class) {
        const ctor = checker.getTypeOfSymbolAtLocation(symbol, at);
        out.push(`class ${checker.typeToString(checker.getDeclaredTypeOfSymbol(symbol), undefined, FLAGS)}`);
        for (const sig of ctor.getConstructSignatures()) out.push(`    constructor${checker.signatureToString(sig, undefined, FLAGS)}`);
        out.push(...members(checker, checker.getDeclaredTypeOfSymbol(symbol), at));
    }
    if (flags & ts.SymbolFlags.Interface) {
        out.push(`interface ${checker.typeToString(checker.getDeclaredTypeOfSymbol(symbol), undefined, FLAGS)}`);
        out.push(...members(checker, checker.getDeclaredTypeOfSymbol(symbol), at));
    }
    if (flags & ts.SymbolFlags.TypeAlias) {
        const decl = symbol.declarations?.find(ts.isTypeAliasDeclaration);
        const params = decl?.typeParameters ? `<${decl.typeParameters.map((p) => p.getText()).join(", ")}>` : "";
        out.push(`type ${name}${params} = ${checker.typeToString(checker.getDeclaredTypeOfSymbol(symbol), undefined, FLAGS | ts.TypeFormatFlags.InTypeAlias)}`);
    }
    if (flags & ts.SymbolFlags.Variable) out.push(`const ${name}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(symbol, at), undefined, FLAGS)}`);
    return out.length > 0 ? out : [`${name}: (unrecognized export kind ${flags})`];
}

/** A type the checker must qualify (two types of one name) is written with a path that is the same on every machine. */
function stablePaths(text: string): string {
    const MODULES = "node_modules/";
    return text.replace(/import\("([^"]*)"\)/g, (_, p: string) => `import("${p.includes(MODULES) ? p.slice(p.lastIndexOf(MODULES) + MODULES.length) : path.relative(ROOT, p)}")`);
}

/** The text of each entry's API (one block per export, sorted by name), from one program over all entries. */
export function apiReports(): Record<string, string> {
    const files = Object.values(API_ENTRIES).map((entry) => path.join(ROOT, entry));
    const program = ts.createProgram(files, { strict: true, skipLibCheck: true, noEmit: true, target: ts.ScriptTarget.ES2020, moduleResolution: ts.ModuleResolutionKind.Node10, types: ["node"] });
    const checker = program.getTypeChecker();
    const out: Record<string, string> = {};
    for (const [name, entry] of Object.entries(API_ENTRIES)) {
        const source = program.getSourceFile(path.join(ROOT, entry));
        const module = source && checker.getSymbolAtLocation(source);
        if (!source || !module) throw new Error(`${entry}: not found or not a module (run npm run build first)`);
        const blocks = checker
            .getExportsOfModule(module)
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((exported) => {
                const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
                return describeSymbol(checker, exported.name, symbol, source).join("\n");
            });
        out[name] = stablePaths(`# aws-guardrails/${name}: public API (generated by \`npm run api\` from ${entry}; see CHANGELOG.md)\n\n${blocks.join("\n\n")}\n`);
    }
    return out;
}

if (require.main === module) {
    for (const [name, text] of Object.entries(apiReports())) {
        fs.mkdirSync(path.dirname(apiFile(name)), { recursive: true });
        fs.writeFileSync(apiFile(name), text);
        console.log(`api: ${path.relative(ROOT, apiFile(name))} written`);
    }
}
