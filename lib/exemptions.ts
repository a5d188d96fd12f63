// Exemptions: waive one policy for named resources, with a reason and an optional expiry, from policy config
// (org admins) or from a resource tag (developers, where the policy allows it). An exempted finding is still
// reported, as advisory, so the audit trail stays visible; an expired one comes back at its normal level.
import { today } from "./clock";
import { ConfigSchema } from "./config";
import { globToRegExp, matchesAny } from "./glob";
import { Resource } from "./resource";
import { didYouMean } from "./suggest";
import { asString, get, isRecord } from "./values";

export interface Exemption {
    resources: string[];
    reason: string;
    expires?: string;
}

export interface ExemptionConfig {
    exemptions?: Exemption[];
    allowInCodeExemptions?: boolean;
}

export const TAG_PREFIX = "guardrails:exempt:";

/**
 * Whether in-code tags are honored when allowInCodeExemptions is not set: only where the policy runs at advisory, by
 * its effective level (the configured one, `all` included), so a developer cannot waive a mandatory rule alone.
 */
export function inCodeExemptionsByDefault(level: string | undefined): boolean {
    return level === "advisory";
}

/** The config every policy accepts. allowInCodeExemptions has no schema default: the engine would fill one in before the level is known. */
export function exemptionSchema(): ConfigSchema {
    return {
        exemptions: {
            type: "array",
            default: [],
            description:
                "Resources this policy does not hold against the stack: [{resources: [glob of logical name, URN or type], reason, expires: YYYY-MM-DD}]. Exempted findings are still reported as advisory.",
            items: {
                type: "object",
                required: ["resources", "reason"],
                additionalProperties: false,
                properties: {
                    resources: { type: "array", minItems: 1, items: { type: "string", minLength: 1 } },
                    reason: { type: "string", minLength: 1 },
                    expires: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", format: "date" },
                },
            },
        },
        allowInCodeExemptions: {
            type: "boolean",
            description: `Honor a \`${TAG_PREFIX}<policy>\` resource tag (value: the reason) as an exemption. Unset: on when the policy runs at advisory, off when it runs at mandatory or remediate (the level configured, \`all\` included), so a developer cannot waive a mandatory rule alone.`,
        },
    };
}

export type ExemptionVerdict =
    | { kind: "exempt"; reason: string; expires?: string; source: "config" | "tag" }
    | { kind: "expired"; reason: string; expires: string }
    | { kind: "refused"; reason: string };

function tagOf(resource: Resource, policy: string): string | undefined {
    for (const key of ["tags", "tagsAll"]) {
        const tags = get(resource.props, key);
        if (isRecord(tags)) {
            const value = asString(tags[`${TAG_PREFIX}${policy}`]);
            if (value !== undefined) return value.trim() || "(no reason given)";
        }
    }
    return undefined;
}

/** How exemptions bear on a finding of `policy` on `resource`; undefined when none applies. */
export function exemptionFor(policy: string, resource: Resource, config: ExemptionConfig): ExemptionVerdict | undefined {
    const keys = [resource.name, resource.urn, resource.type];
    const entries = (config.exemptions ?? []).filter((e) => keys.some((k) => matchesAny(k, e.resources ?? [])));
    const live = entries.find((e) => !e.expires || e.expires >= today());
    if (live) return { kind: "exempt", reason: live.reason, expires: live.expires, source: "config" };
    const tag = tagOf(resource, policy);
    if (tag !== undefined) {
        return config.allowInCodeExemptions ? { kind: "exempt", reason: tag, source: "tag" } : { kind: "refused", reason: tag };
    }
    const expired = entries.find((e) => e.expires);
    return expired?.expires ? { kind: "expired", reason: expired.reason, expires: expired.expires } : undefined;
}

/** Where an exemption came from, its reason and expiry, as a report writer needs them. */
export interface ExemptionRecord {
    source: "config" | "tag";
    reason: string;
    expires?: string;
}

const EXEMPTED = /^EXEMPTED from \S+ \((policy config|tag \S+): "(.*)"(?:, until (\d{4}-\d{2}-\d{2})|, no expiry)\); finding kept for the audit trail: /s;

/** Reads back what exemptionNote wrote at the start of an exempted finding's message (after the resource label). */
export function exemptionOf(message: string): ExemptionRecord | undefined {
    const m = EXEMPTED.exec(message);
    if (!m) return undefined;
    return { source: m[1] === "policy config" ? "config" : "tag", reason: m[2], ...(m[3] ? { expires: m[3] } : {}) };
}

/** The message for a finding under an exemption verdict. */
export function exemptionNote(policy: string, verdict: ExemptionVerdict): string {
    switch (verdict.kind) {
        case "exempt":
            return `EXEMPTED from ${policy} (${verdict.source === "tag" ? `tag ${TAG_PREFIX}${policy}` : "policy config"}: "${verdict.reason}"${verdict.expires ? `, until ${verdict.expires}` : ", no expiry"}); finding kept for the audit trail: `;
        case "expired":
            return `exemption from ${policy} ("${verdict.reason}") expired on ${verdict.expires}; the finding applies again: `;
        case "refused":
            return `in-code exemption tag ${TAG_PREFIX}${policy} ("${verdict.reason}") refused: allowInCodeExemptions is false for this policy, so only an admin can exempt it in policy config; the finding stands: `;
    }
}

/** What identifies a resource to an exemption pattern: its logical name, URN or type token. */
export interface ExemptionTarget {
    name: string;
    urn: string;
    type: string;
}

/** The patterns of a policy's configured exemptions that match no resource of the stack: they waive nothing (a typo?). */
export function unmatchedPatterns(exemptions: unknown, resources: readonly ExemptionTarget[]): string[] {
    const patterns = (Array.isArray(exemptions) ? exemptions : []).flatMap((e) => (isRecord(e) && Array.isArray(e.resources) ? e.resources : []));
    const out = new Set<string>();
    for (const pattern of patterns) {
        if (typeof pattern !== "string" || pattern === "") continue;
        const re = globToRegExp(pattern);
        if (!resources.some((r) => re.test(r.name) || re.test(r.urn) || re.test(r.type))) out.add(pattern);
    }
    return [...out];
}

const UNMATCHED = /^exemption pattern "(.*)" of (\S+) matches no resource in this stack/;

/** The stack-level note for an exemption pattern that matched nothing, with the closest resource name. */
export function unmatchedExemptionNote(policy: string, pattern: string, names: readonly string[]): string {
    return `exemption pattern ${JSON.stringify(pattern)} of ${policy} matches no resource in this stack${didYouMean(pattern, names)}, so it waives nothing; fix or remove it in the policy config.`;
}

/** Reads back unmatchedExemptionNote: the policy and pattern. */
export function unmatchedExemptionOf(message: string): { policy: string; pattern: string } | undefined {
    const m = UNMATCHED.exec(message);
    return m ? { pattern: m[1], policy: m[2] } : undefined;
}
