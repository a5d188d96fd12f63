// `--format text` (the default, and `npm start`): findings grouped by resource, with level, policy, severity, source
// position and message, then counts per level and the verdict per document.
import * as path from "path";
import { formatLocation } from "./location";
import { FileScan, Finding, ScanResult, countsOf } from "./scan";

const INDENT = "               ";

function indent(text: string, prefix: string): string {
    return text
        .split("\n")
        .map((l, i) => (i === 0 ? l : `${prefix}${l}`))
        .join("\n");
}

/** The group header names the resource; the message need not repeat it. */
function withoutLabel(f: Finding): string {
    const label = `${f.name} (${f.type}): `;
    return f.message.startsWith(label) ? f.message.slice(label.length) : f.message;
}

function secretsLine(f: FileScan): string | undefined {
    const { blinded, encrypted, plaintext } = f.secrets;
    const parts = [
        blinded > 0 ? `${blinded} blinded by the preview (unknown to policies)` : "",
        encrypted > 0 ? `${encrypted} encrypted (unknown to policies)` : "",
        plaintext > 0 ? `${plaintext} shown by --show-secrets (evaluated, never printed)` : "",
    ].filter((p) => p !== "");
    return parts.length > 0 ? `   secrets: ${parts.join(", ")}` : undefined;
}

export function verdictLine(f: FileScan): string {
    const c = countsOf(f.findings);
    const hit = new Set(f.findings.filter((x) => x.level === "mandatory").map((x) => x.urn)).size;
    return c.mandatory > 0
        ? `RESULT ${path.basename(f.file)}: FAIL, ${c.mandatory} mandatory finding(s) on ${hit} resource(s); \`pulumi preview\` would fail`
        : `RESULT ${path.basename(f.file)}: PASS, no mandatory finding`;
}

function renderFile(result: ScanResult, f: FileScan): string[] {
    const kind = f.kind === "preview" ? "pulumi preview --json" : `pulumi stack export (deployment v${f.deploymentVersion ?? "?"})`;
    const lines = [
        `== ${f.file}`,
        `   ${kind} · stack ${f.stack ?? "?"} · project ${f.project ?? "?"} · ${f.resources} resources (${f.analyzed} analyzed one by one, ${f.withLocation} with a source position)`,
        `   policy pack ${result.pack.name} ${result.pack.version}, ${result.pack.policies.length} policies`,
    ];
    const secrets = secretsLine(f);
    if (secrets) lines.push(secrets);
    for (const w of f.warnings) lines.push(`   warning: ${w}`);

    const groups = new Map<string, Finding[]>();
    for (const x of f.findings) groups.set(x.urn, [...(groups.get(x.urn) ?? []), x]);
    if (groups.size === 0) lines.push("", "   no findings");
    for (const group of groups.values()) {
        const first = group[0];
        lines.push("", `   ${first.name} (${first.type})${first.location ? `  ${formatLocation(first.location)}` : ""}`);
        for (const x of group) {
            const level = x.exempted ? "exempted" : x.level;
            lines.push(`     ${level.padEnd(9)} ${x.policy}${x.severity ? ` [${x.severity}]` : ""}${x.location ? `  ${formatLocation(x.location)}` : ""}`);
            lines.push(`${INDENT}${indent(withoutLabel(x), INDENT)}`);
        }
    }
    if (f.remediations.length > 0) {
        lines.push("", "   remediated (the new inputs were analyzed):");
        for (const r of f.remediations) lines.push(`     ${r.name} (${r.type}): ${r.policy} set ${r.properties.join(", ") || "nothing"}`);
    }
    if (f.packOutput.length > 0) {
        lines.push("", "   policy pack output:");
        for (const o of f.packOutput) lines.push(`     ${o}`);
    }
    const c = countsOf(f.findings);
    lines.push(
        "",
        `   totals: ${c.mandatory} mandatory, ${c.advisory} advisory, ${c.exempted} exempted, ${f.remediations.length} remediated` +
            (f.notApplicable.length > 0 ? `, not applicable here: ${f.notApplicable.join(", ")}` : "") +
            ` · pack start ${(f.startMs / 1000).toFixed(1)} s, analysis ${(f.runMs / 1000).toFixed(1)} s`,
        `   ${verdictLine(f)}`,
    );
    return lines;
}

export function renderText(result: ScanResult): string {
    const blocks = result.files.map((f) => renderFile(result, f).join("\n"));
    if (result.files.length > 1) {
        const all = countsOf(result.files.flatMap((f) => f.findings));
        blocks.push([...result.files.map(verdictLine), `TOTAL: ${all.mandatory} mandatory, ${all.advisory} advisory, ${all.exempted} exempted in ${result.files.length} documents`].join("\n"));
    }
    return `${blocks.join("\n\n")}\n`;
}
