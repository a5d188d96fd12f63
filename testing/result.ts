// What checkProgram returns: the pack's verdicts on a program, with readable summaries for test failures.
// Only messages (already redacted by the policies' renderer) and resource identities are kept: no input values,
// so printing or diffing a result can never show a secret.
import type { ExemptionRecord } from "../lib/exemptions";

export type FindingLevel = "mandatory" | "advisory";

export interface GuardrailsFinding {
    policy: string;
    /** The policy's configured level, or "advisory" when an exemption waives the finding. */
    level: FindingLevel;
    severity: string;
    /** The policy's message, prefixed with the resource's label ("name (type): ..."). */
    message: string;
    urn: string;
    resourceName: string;
    resourceType: string;
    /** Where the program created the resource, `file:line:column` relative to the working directory, when the SDK recorded it. */
    source?: string;
    /** Set when an exemption (policy config or a `guardrails:exempt:<policy>` tag) made the finding advisory. */
    exemption?: ExemptionRecord;
}

export interface Remediation {
    policy: string;
    urn: string;
    resourceName: string;
    resourceType: string;
    /** Top-level inputs the policy's fix set (as `pulumi preview` would, at the `remediate` level). */
    properties: string[];
}

export interface NotApplicable {
    policy: string;
    reason: string;
}

export interface CheckedResource {
    urn: string;
    name: string;
    type: string;
    source?: string;
}

const LEVEL_ORDER: readonly FindingLevel[] = ["mandatory", "advisory"];

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The message without its "name (type): " prefix, for lines already grouped under the resource. */
function ownMessage(f: GuardrailsFinding): string {
    const prefix = `${f.resourceName} (${f.resourceType}): `;
    return f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message;
}

/** Findings grouped by resource (in registration order), mandatory first within each resource. */
export function formatFindings(findings: readonly GuardrailsFinding[], resources: readonly CheckedResource[]): string {
    const order = new Map(resources.map((r, i) => [r.urn, i]));
    const groups = new Map<string, GuardrailsFinding[]>();
    for (const f of findings) groups.set(f.urn, [...(groups.get(f.urn) ?? []), f]);
    const lines: string[] = [];
    const sorted = [...groups.values()].sort((a, b) => (order.get(a[0].urn) ?? -1) - (order.get(b[0].urn) ?? -1));
    for (const group of sorted) {
        lines.push(`  ${group[0].resourceName} (${group[0].resourceType})${group[0].source ? `  ${group[0].source}` : ""}`);
        group.sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.policy.localeCompare(b.policy));
        for (const f of group) {
            lines.push(`    ${f.level.padEnd(9)} ${f.policy}${f.severity ? ` [${f.severity}]` : ""}`);
            lines.push(...ownMessage(f).split("\n").map((l) => `              ${l}`));
        }
    }
    return lines.join("\n");
}

export class GuardrailsResult {
    constructor(
        /** Every finding of every enabled policy, in evaluation order. */
        readonly findings: readonly GuardrailsFinding[],
        /** The resources the program registered, in registration order. */
        readonly resources: readonly CheckedResource[],
        readonly remediations: readonly Remediation[],
        /** Policies that did not apply to this stack (e.g. production-only exemptions), with the reason. */
        readonly notApplicable: readonly NotApplicable[],
        readonly stack: string,
        /**
         * Remote components (e.g. awsx 3, eks 4): a provider plugin creates their child resources, and Pulumi's mocks run
         * no plugin, so those children were not checked. `pulumi preview --policy-pack` or a scanned preview checks them.
         */
        readonly unchecked: readonly CheckedResource[] = [],
    ) {}

    mandatory(): GuardrailsFinding[] {
        return this.findings.filter((f) => f.level === "mandatory");
    }

    advisory(): GuardrailsFinding[] {
        return this.findings.filter((f) => f.level === "advisory");
    }

    /** A readable report: counts, then the findings grouped by resource, then remediations and skipped policies. */
    summary(): string {
        const head =
            this.findings.length === 0
                ? `aws-guardrails: no findings on ${plural(this.resources.length, "resource")} (stack "${this.stack}")`
                : `aws-guardrails: ${this.mandatory().length} mandatory, ${this.advisory().length} advisory on ` +
                  `${plural(new Set(this.findings.map((f) => f.urn)).size, "resource")} of ${this.resources.length} (stack "${this.stack}")`;
        const lines = [head];
        if (this.findings.length > 0) lines.push(formatFindings(this.findings, this.resources));
        if (this.remediations.length > 0) {
            lines.push("  remediated (as `pulumi preview` would at the remediate level):");
            for (const r of this.remediations) lines.push(`    ${r.resourceName} (${r.resourceType}): ${r.policy} set ${r.properties.join(", ")}`);
        }
        if (this.notApplicable.length > 0) {
            lines.push("  not applicable:");
            for (const n of this.notApplicable) lines.push(`    ${n.policy}: ${n.reason}`);
        }
        if (this.unchecked.length > 0) {
            lines.push(
                `  not checked: the resources of ${plural(this.unchecked.length, "remote component")}, which a provider plugin creates and mocks do not run ` +
                    "(check them with `pulumi preview --policy-pack` or `aws-guardrails scan`):",
            );
            for (const r of this.unchecked) lines.push(`    ${r.name} (${r.type})`);
        }
        return lines.join("\n");
    }
}
