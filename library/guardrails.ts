// guardrails(): a selection of the pack's policies plus a team's own, as @pulumi/policy policies. The pack itself
// is `guardrails()` with no options (index.ts), so a team's pack runs the same code path as this one.
import type { Policies } from "@pulumi/policy";
import { Schema, validate } from "../lib/config";
import { Family, Policy } from "../lib/policy";
import { didYouMean } from "../lib/suggest";
import { isRecord } from "../lib/values";

export interface GuardrailsOptions {
    /** Families of the catalog to include (e.g. "encryption"). With neither `families` nor `policies`, every policy is included. */
    families?: readonly Family[];
    /** Policies of the catalog to include by name, on top of the families'. */
    policies?: readonly string[];
    /** Policies to leave out by name (catalog or custom). */
    exclude?: readonly string[];
    /** Your own policies, made with definePolicy; always included. */
    custom?: readonly Policy[];
}

/** Options that name something that does not exist, or a custom policy that is not well formed. */
export class GuardrailsOptionsError extends Error {}

const OPTION_NAMES: readonly string[] = ["families", "policies", "exclude", "custom"];
const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LEVELS: readonly string[] = ["advisory", "mandatory"];
const SEVERITIES: readonly string[] = ["low", "medium", "high", "critical"];
/** Settings every policy gets from the pack (lib/exemptions), and the one the engine owns. */
const RESERVED_SETTINGS: readonly string[] = ["exemptions", "allowInCodeExemptions", "enforcementLevel"];

function fail(problem: string): never {
    throw new GuardrailsOptionsError(`guardrails(): ${problem}`);
}

function names(option: string, value: unknown): string[] {
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) fail(`${option} must be an array of names, got ${JSON.stringify(value)}`);
    return value as string[];
}

function checkNames(option: string, given: readonly string[], known: readonly string[], what: "family" | "policy"): void {
    for (const name of given) {
        if (!known.includes(name)) fail(`${option}: ${JSON.stringify(name)} is not a ${what}${didYouMean(name, known)}; the ${what === "family" ? "families" : "policies"} are: ${known.join(", ")}`);
    }
}

/** The SDK bridge, loaded on first use: it loads @pulumi/policy and @pulumi/pulumi, which a bare import must not. */
function bridge(): typeof import("../lib/sdk") {
    return require("../lib/sdk") as typeof import("../lib/sdk");
}

/** What is wrong with a custom policy, as a plain-JavaScript author needs it said (TypeScript catches most of it). */
export function policyProblems(p: unknown, families: readonly string[]): string[] {
    if (!isRecord(p)) return ["is not an object made with definePolicy"];
    if (bridge().policyOf(p as never)) return ["is already a @pulumi/policy policy (from guardrails()); pass the definePolicy object instead"];
    const problems: string[] = [];
    const text = (key: string): boolean => typeof p[key] === "string" && (p[key] as string).trim() !== "";
    if (typeof p.name !== "string" || !NAME.test(p.name) || p.name === "all") problems.push("name must be lower-case words joined by dashes (and not \"all\")");
    if (p.kind !== "resource" && p.kind !== "stack") problems.push(`kind must be "resource" or "stack", got ${JSON.stringify(p.kind)}`);
    if (!text("description")) problems.push("description must be a non-empty string");
    if (!text("remediationSteps")) problems.push("remediationSteps must be a non-empty string");
    if (typeof p.family !== "string" || !families.includes(p.family)) problems.push(`family must be one of ${families.join(", ")}, got ${JSON.stringify(p.family)}`);
    if (!LEVELS.includes(p.enforcementLevel as string)) problems.push(`enforcementLevel must be "advisory" or "mandatory", got ${JSON.stringify(p.enforcementLevel)}`);
    if (!SEVERITIES.includes(p.severity as string)) problems.push(`severity must be one of ${SEVERITIES.join(", ")}, got ${JSON.stringify(p.severity)}`);
    if (!Array.isArray(p.types) || p.types.length === 0 || !p.types.every((t) => typeof t === "string" && t !== "")) {
        problems.push('types must be a non-empty array of type tokens (e.g. "aws:s3/bucket:Bucket", or "*")');
    }
    if (typeof p.check !== "function") problems.push("check must be a function");
    if (p.fix !== undefined && (typeof p.fix !== "function" || p.kind !== "resource")) problems.push("fix must be a function, and only resource policies have one");
    if (p.notApplicable !== undefined && typeof p.notApplicable !== "function") problems.push("notApplicable must be a function");
    if (!isRecord(p.messages) || Object.keys(p.messages).length === 0 || !Object.values(p.messages).every((m) => typeof m === "string")) {
        problems.push("messages must map message ids to message templates");
    } else if (p.advisoryMessages !== undefined && (!Array.isArray(p.advisoryMessages) || !p.advisoryMessages.every((id) => isRecord(p.messages) && typeof p.messages[id] === "string"))) {
        problems.push("advisoryMessages must list ids of messages");
    }
    if (p.config !== undefined) {
        if (!isRecord(p.config) || !Object.values(p.config).every(isRecord)) problems.push("config must map setting names to JSON schemas");
        else {
            for (const [key, schema] of Object.entries(p.config as Record<string, Schema>)) {
                if (RESERVED_SETTINGS.includes(key)) problems.push(`config.${key} is a setting every policy already has; rename it`);
                // As for the pack's own settings: the policy must run with no config at all.
                else if (!("default" in schema)) problems.push(`config.${key} has no default; give one, so the policy runs without config`);
                else problems.push(...validate(schema, schema.default, `config.${key}.default`));
            }
        }
    }
    return problems;
}

/** The registry, loaded on first use so that importing the library reads no data file. */
function registry(): readonly Policy[] {
    return (require("../policies") as typeof import("../policies")).policies;
}

/** The catalog's policies the options select, then the custom ones; throws GuardrailsOptionsError on a mistake. */
export function selectPolicies(options: GuardrailsOptions = {}): Policy[] {
    if (!isRecord(options)) fail(`options must be an object, got ${JSON.stringify(options)}`);
    for (const key of Object.keys(options)) {
        if (!OPTION_NAMES.includes(key)) fail(`${JSON.stringify(key)} is not an option${didYouMean(key, OPTION_NAMES)}; the options are: ${OPTION_NAMES.join(", ")}`);
    }
    const catalog = registry();
    const families = [...new Set(catalog.map((p) => p.family))];
    const catalogNames = catalog.map((p) => p.name);
    const wantedFamilies = names("families", options.families);
    const wantedPolicies = names("policies", options.policies);
    checkNames("families", wantedFamilies, families, "family");
    checkNames("policies", wantedPolicies, catalogNames, "policy");

    const custom = options.custom ?? [];
    if (!Array.isArray(custom)) fail("custom must be an array of policies made with definePolicy");
    const customNames: string[] = [];
    custom.forEach((p: unknown, i) => {
        const label = `custom[${i}]${isRecord(p) && typeof p.name === "string" ? ` (${p.name})` : ""}`;
        const problems = policyProblems(p, families);
        if (problems.length > 0) fail(`${label}: ${problems.join("; ")}`);
        const name = (p as Policy).name;
        if (catalogNames.includes(name)) fail(`${label}: ${name} is already the name of a policy of aws-guardrails (config is keyed by name); give yours another name`);
        if (customNames.includes(name)) fail(`${label}: two custom policies are named ${name}`);
        customNames.push(name);
    });
    const excluded = names("exclude", options.exclude);
    checkNames("exclude", excluded, [...catalogNames, ...customNames], "policy");

    const everything = options.families === undefined && options.policies === undefined;
    const chosen = catalog.filter((p) => everything || wantedFamilies.includes(p.family) || wantedPolicies.includes(p.name));
    return [...chosen, ...custom].filter((p) => !excluded.includes(p.name));
}

let installed = false;

/** The SDK hooks (one deserialization per request, type-indexed dispatch); installed once, on first use. */
function installHooks(): void {
    if (installed) return;
    installed = true;
    bridge().installDeserializeHook();
    (require("../lib/dispatch") as typeof import("../lib/dispatch")).installDispatch();
}

/**
 * Policies for `new PolicyPack(name, { policies: guardrails(options) })`: the selected catalog policies plus your
 * own, each with the pack's handling of unknowns, secrets, exemptions, remediation, config and its own bugs.
 */
export function guardrails(options?: GuardrailsOptions): Policies {
    const selected = selectPolicies(options);
    installHooks();
    return selected.map(bridge().toSdkPolicy);
}
