// The `--policy-pack-config` file, resolved against the registry outside the engine (the testing helper): each
// policy's enforcement level and validated settings. Invalid config throws, as the engine refuses to run with it.
import { readFileSync } from "fs";
import { resolveConfig } from "./config";
import { didYouMean } from "./suggest";
import { Level, Policy, configSchemaOf } from "./policy";
import { isRecord } from "./values";

export type EnforcementLevel = Level | "disabled" | "remediate";

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** Every key of the file that is not a policy name: it sets the level of every policy. */
export const ALL = "all";

export class PackConfigError extends Error {}

export interface PolicySettings {
    level: EnforcementLevel;
    /** The policy's settings as given in the file (resolveConfig fills in defaults when the policy runs). */
    properties: Record<string, unknown>;
}

interface Entry {
    level?: EnforcementLevel;
    properties: Record<string, unknown>;
}

function levelOf(name: string, value: unknown): EnforcementLevel {
    if (typeof value === "string" && (LEVELS as readonly string[]).includes(value)) return value as EnforcementLevel;
    throw new PackConfigError(`${name}: enforcementLevel ${JSON.stringify(value)} is not a valid enforcement level; use one of ${LEVELS.join(", ")} (lower case)`);
}

/** The line for a config key that names no policy, with the closest policy name. */
export function notAPolicy(name: string, known: Iterable<string>): string {
    return `${JSON.stringify(name)} is not a policy of aws-guardrails${didYouMean(name, known)}`;
}

/** What a policy's entry holds once read: its level, if set, and its settings. */
export interface ConfigEntry {
    level?: string;
    properties: Record<string, unknown>;
}

/**
 * Config mistakes, one line each naming the policy and field (with "did you mean" where a name is close): a key that
 * names no policy, a setting a policy does not have or a value its schema refuses, and remediate on a policy without a
 * fix. The one rule for the pack's Configure (lib/dispatch), the scanner (through it) and checkProgram: any stops the run.
 * The engine's own schema check lets the first kinds through, since only `properties` and `required` reach it.
 */
export function configMistakes(policies: readonly Policy[], entries: ReadonlyMap<string, ConfigEntry>): string[] {
    const known = policies.map((p) => p.name);
    const errors = [...entries.keys()].filter((name) => name !== ALL && !known.includes(name)).map((name) => notAPolicy(name, known));
    // Under `all: "remediate"` a policy without a fix runs as mandatory; only its own entry asking for a fix is a mistake.
    const allRemediate = entries.get(ALL)?.level === "remediate";
    for (const policy of policies) {
        const own = entries.get(policy.name);
        if (!own) continue;
        errors.push(...resolveConfig(policy.name, configSchemaOf(policy), own.properties).errors);
        if (own.level === "remediate" && !allRemediate && !(policy.kind === "resource" && policy.fix)) {
            errors.push(`${policy.name}: enforcementLevel "remediate" needs a fix, and this policy has none; use "mandatory" (the catalog's remediate column lists the policies with a fix)`);
        }
    }
    return errors;
}

/** One entry of the file: a level string, or an object with an optional enforcementLevel plus settings. */
function entryOf(name: string, value: unknown): Entry {
    if (typeof value === "string") return { level: levelOf(name, value), properties: {} };
    if (!isRecord(value)) {
        throw new PackConfigError(`${name}: ${JSON.stringify(value) ?? String(value)} is not a valid value; use an enforcement level string or an object`);
    }
    const { enforcementLevel, ...properties } = value;
    return { level: enforcementLevel === undefined ? undefined : levelOf(name, enforcementLevel), properties };
}

/** Reads a config file: JSON, and (as the engine does) an empty file is no config. */
export function readPackConfigFile(file: string): unknown {
    let text: string;
    try {
        text = readFileSync(file, "utf8");
    } catch (e) {
        throw new PackConfigError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    if (text.trim() === "") return undefined;
    try {
        return JSON.parse(text) as unknown;
    } catch (e) {
        throw new PackConfigError(`${file}: not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
}

/**
 * The level and settings of every policy under a parsed config document: the policy's own level, then "all",
 * then the policy's own entry (as the engine reconciles them). Throws PackConfigError naming the policy and the
 * field for an unknown policy name, a bad level or a setting that fails the policy's schema.
 */
export function resolvePackConfig(policies: readonly Policy[], doc: unknown): Map<string, PolicySettings> {
    if (doc !== undefined && doc !== null && !isRecord(doc)) {
        throw new PackConfigError("policy pack config must be a JSON object mapping policy names to a level or an object");
    }
    const given = new Map(Object.entries(doc ?? {}).map(([name, value]) => [name, entryOf(name, value)]));
    const all = given.get(ALL);
    if (all && Object.keys(all.properties).length > 0) {
        throw new PackConfigError(`${ALL}: only an enforcement level can be set for every policy; move ${Object.keys(all.properties).join(", ")} under a policy name`);
    }
    const errors = configMistakes(policies, given);
    if (errors.length > 0) throw new PackConfigError(`invalid policy config: ${errors.join("; ")}`);
    const out = new Map<string, PolicySettings>();
    for (const policy of policies) {
        const own = given.get(policy.name);
        out.set(policy.name, { level: own?.level ?? all?.level ?? policy.enforcementLevel, properties: own?.properties ?? {} });
    }
    return out;
}
