// `--format github`: GitHub Actions workflow commands, one annotation per finding
// (`::error file=infra/index.ts,line=12,col=7,title=<policy>::<message>`), escaped as @actions/core escapes them:
// data %, CR, LF; properties also ":" and ",".
import { countsOf, Finding, ScanResult } from "./scan";

export function escapeData(s: string): string {
    return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(s: string): string {
    return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function command(name: string, properties: [string, string | number | undefined][], message: string): string {
    const props = properties.filter((p): p is [string, string | number] => p[1] !== undefined).map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
    return `::${name}${props.length > 0 ? ` ${props.join(",")}` : ""}::${escapeData(message)}`;
}

function annotation(f: Finding): string {
    // Exempted findings stay visible without failing anyone's review.
    const name = f.exempted ? "notice" : f.level === "mandatory" ? "error" : "warning";
    return command(
        name,
        [
            ["file", f.location?.path],
            ["line", f.location?.line],
            ["col", f.location?.column],
            ["title", f.policy],
        ],
        f.message,
    );
}

export function renderGithub(scan: ScanResult): string {
    const lines: string[] = [];
    for (const f of scan.files) {
        for (const w of f.warnings) lines.push(command("warning", [["title", scan.tool.name]], `${f.file}: ${w}`));
        lines.push(...f.findings.map(annotation));
    }
    const c = countsOf(scan.files.flatMap((f) => f.findings));
    lines.push(`${scan.tool.name}: ${c.mandatory} mandatory, ${c.advisory} advisory, ${c.exempted} exempted finding(s) in ${scan.files.length} document(s)`);
    return `${lines.join("\n")}\n`;
}
