// `--format text` (the default, and `npm start`): findings grouped by policy and level (mandatory first), each resource
// with its source position and what is wrong, identical texts once, the reason the policy gives once; then counts per
// level and the verdict per document. JSON and SARIF keep every message whole.
import * as path from "path";
import { formatLocation } from "./location";
import { FileScan, Finding, ScanResult, countsOf } from "./scan";

const INDENT = "       ";

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

/** One policy at one level (exempted apart): its findings, in document order. */
function byPolicy(findings: readonly Finding[]): Finding[][] {
    const groups = new Map<string, Finding[]>();
    const levelOf = (x: Finding): string => (x.exempted ? "exempted" : x.level);
    for (const x of findings) {
        const key = `${levelOf(x)}\u0000${x.policy}`;
        groups.set(key, [...(groups.get(key) ?? []), x]);
    }
    const rank = { mandatory: 0, advisory: 1, exempted: 2 } as Record<string, number>;
    return [...groups.values()].sort((a, b) => rank[levelOf(a[0])] - rank[levelOf(b[0])] || a[0].policy.localeCompare(b[0].policy));
}

/** Sentences, split after a full stop before a capital or a parenthesis. */
function sentences(text: string): string[] {
    return text.split(/(?<=\.)\s+(?=[A-Z(])/);
}

/** Sentences after the first that every message of the group says (the reason, the source of the data): shown once. */
function sharedSentences(texts: readonly string[]): Set<string> {
    if (texts.length < 2) return new Set();
    const [first, ...rest] = texts.map((t) => sentences(t));
    return new Set(first.slice(1).filter((x) => rest.every((r) => r.slice(1).includes(x))));
}

function where(x: Finding, withType: boolean): string {
    return `${x.name}${withType ? ` (${x.type})` : ""}${x.location ? `  ${formatLocation(x.location)}` : ""}`;
}

/** A policy's findings: what is wrong and what to set per resource (identical texts once, with every resource), then what all of them share, once. */
function renderGroup(group: readonly Finding[]): string[] {
    const first = group[0];
    const level = first.exempted ? "exempted" : first.level;
    const texts = group.map(withoutLabel);
    const shared = sharedSentences(texts);
    const lead = (t: string): string => (shared.size > 0 ? sentences(t).filter((x, i) => i === 0 || !shared.has(x)).join(" ") : t);
    const byText = new Map<string, Finding[]>();
    group.forEach((x, i) => byText.set(lead(texts[i]), [...(byText.get(lead(texts[i])) ?? []), x]));
    const lines = [`   ${level.padEnd(9)} ${first.policy}${first.severity ? ` [${first.severity}]` : ""}${group.length > 1 ? ` · ${group.length} findings` : ""}`];
    for (const [text, xs] of byText) {
        lines.push(xs.length === 1 ? `     ${where(xs[0], true)}` : `     ${xs.map((x) => where(x, false)).join(", ")} (${xs.length} resources)`);
        lines.push(`${INDENT}${indent(text, INDENT)}`);
    }
    if (shared.size > 0) lines.push(`     all ${group.length}: ${[...shared].join(" ")}`);
    return lines;
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
    if (f.environment.length > 0) lines.push(`   environment: ${f.environment.join(", ")}`);
    const secrets = secretsLine(f);
    if (secrets) lines.push(secrets);
    for (const w of f.warnings) lines.push(`   warning: ${w}`);

    if (f.findings.length === 0) lines.push("", "   no findings");
    for (const group of byPolicy(f.findings)) lines.push("", ...renderGroup(group));
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
    const blocks = [...result.failures.map((x) => `== ${x.file}\n   not scanned: ${x.message}`), ...result.files.map((f) => renderFile(result, f).join("\n"))];
    if (result.files.length > 1) {
        const all = countsOf(result.files.flatMap((f) => f.findings));
        blocks.push([...result.files.map(verdictLine), `TOTAL: ${all.mandatory} mandatory, ${all.advisory} advisory, ${all.exempted} exempted in ${result.files.length} documents`].join("\n"));
    }
    return `${blocks.join("\n\n")}\n`;
}
