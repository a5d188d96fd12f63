// Policy config as the engine handles it: the `--policy-pack-config` file format, reconciled with what the pack
// declares and validated against its schemas (pkg/resource/analyzer/config.go).
import { Schema, validate } from "../lib/config";
import { notAPolicy } from "../lib/pack-config";
import { isRecord } from "../lib/values";
import { AnalyzerInfo, ENFORCEMENT_LEVELS, EnforcementLevel, PolicyInfo, PolicyPackConfig } from "./wire";

export class ConfigError extends Error {
    constructor(
        message: string,
        /** One line per mistake, `<policy>: <field> <problem>`, without the engine's prefix. */
        readonly problems: readonly string[] = [message],
    ) {
        super(message);
    }
}

const LEVEL_LIST = `use one of ${ENFORCEMENT_LEVELS.join(", ")} (lower case)`;

interface GivenConfig {
    enforcementLevel?: EnforcementLevel;
    properties?: Record<string, unknown>;
}

function levelOf(value: unknown): EnforcementLevel | undefined {
    return typeof value === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(value) ? (value as EnforcementLevel) : undefined;
}

/**
 * Parses a `--policy-pack-config` document: a string value is an enforcement level; an object has an optional
 * enforcementLevel plus properties. Errors are worded as the engine words them.
 */
export function parsePolicyPackConfig(doc: unknown): Record<string, GivenConfig> {
    if (doc === undefined || doc === null) return {};
    if (!isRecord(doc)) throw new ConfigError("policy pack config must be a JSON object mapping policy names to a level or an object");
    const out: Record<string, GivenConfig> = {};
    for (const [name, value] of Object.entries(doc)) {
        if (typeof value === "string") {
            const level = levelOf(value);
            if (!level) throw new ConfigError(`parsing enforcement level for ${JSON.stringify(name)}: ${JSON.stringify(value)} is not a valid enforcement level; ${LEVEL_LIST}`);
            out[name] = { enforcementLevel: level };
        } else if (isRecord(value)) {
            const { enforcementLevel, ...properties } = value;
            let level: EnforcementLevel | undefined;
            if (enforcementLevel !== undefined) {
                if (typeof enforcementLevel !== "string") {
                    throw new ConfigError(`parsing enforcement level for ${JSON.stringify(name)}: ${JSON.stringify(enforcementLevel)} is not a valid enforcement level; must be a string`);
                }
                level = levelOf(enforcementLevel);
                if (!level) throw new ConfigError(`parsing enforcement level for ${JSON.stringify(name)}: ${JSON.stringify(enforcementLevel)} is not a valid enforcement level; ${LEVEL_LIST}`);
            }
            const hasProps = Object.keys(properties).length > 0;
            // The engine drops empty entries.
            if (level || hasProps) out[name] = { enforcementLevel: level, properties: hasProps ? properties : undefined };
        } else {
            throw new ConfigError(`parsing ${JSON.stringify(name)}: ${JSON.stringify(value)} is not a valid value; must be a string or object`);
        }
    }
    return out;
}

export interface ReconciledConfig {
    config: PolicyPackConfig;
    /** `<policy>: <field> <problem>`; the engine refuses to run with any. */
    errors: string[];
    /** Notes on the config that do not stop the run. */
    warnings: string[];
}

function applyConfig(result: Record<string, GivenConfig>, given: Record<string, GivenConfig>): void {
    const all = given["all"]?.enforcementLevel;
    if (all) for (const name of Object.keys(result)) result[name] = { ...result[name], enforcementLevel: all };
    // As in the engine, "all" itself also lands in the map.
    for (const [name, g] of Object.entries(given)) {
        const cur = result[name] ?? {};
        const properties = g.properties && Object.keys(g.properties).length > 0 ? { ...(cur.properties ?? {}), ...g.properties } : cur.properties;
        result[name] = { enforcementLevel: g.enforcementLevel ?? cur.enforcementLevel, properties };
    }
}

/** One policy's properties against `{type: object, properties, required}`, as the engine validates them. */
function validateProperties(policy: PolicyInfo, props: Record<string, unknown>): string[] {
    const schema = policy.configSchema;
    if (!schema) return [];
    const errors: string[] = [];
    for (const key of schema.required) if (props[key] === undefined) errors.push(`${key} is required`);
    for (const [key, value] of Object.entries(props)) {
        const sub = schema.properties[key];
        if (isRecord(sub)) errors.push(...validate(sub as Schema, value, key));
    }
    return errors.map((e) => `${policy.name}: ${e}`);
}

/**
 * What the engine does before Configure (pkg/resource/analyzer/config.go ReconcilePolicyPackConfig): each policy's
 * level plus its schema defaults, then the pack's initial config, then the file; then validation.
 */
export function reconcileConfig(info: AnalyzerInfo, fileConfig: unknown): ReconciledConfig {
    const given = parsePolicyPackConfig(fileConfig);
    const result: Record<string, GivenConfig> = {};
    for (const p of info.policies) {
        let properties: Record<string, unknown> | undefined;
        for (const [key, sub] of Object.entries(p.configSchema?.properties ?? {})) {
            if (isRecord(sub) && "default" in sub) (properties ??= {})[key] = sub.default;
        }
        result[p.name] = { enforcementLevel: p.enforcementLevel, properties };
    }
    applyConfig(result, info.initialConfig);
    applyConfig(result, given);

    const errors: string[] = [];
    const warnings: string[] = [];
    const known = info.policies.map((p) => p.name);
    for (const p of info.policies) errors.push(...validateProperties(p, result[p.name].properties ?? {}));
    const config: PolicyPackConfig = {};
    for (const [name, c] of Object.entries(result)) {
        // The engine's Configure refuses an entry without a level (an entry for a policy the pack does not have); one
        // with a level reaches the pack, whose Configure refuses it (lib/pack-config configMistakes).
        if (!c.enforcementLevel) errors.push(notAPolicy(name, known));
        else config[name] = { enforcementLevel: c.enforcementLevel, properties: c.properties ?? {} };
    }
    return { config, errors, warnings };
}

/** The engine's wording for config validation failures (pkg/engine: `validating policy config for "<pack>": …`). */
export function configErrorMessage(info: AnalyzerInfo, errors: readonly string[]): string {
    return `validating policy config for ${JSON.stringify(info.name)}: ${errors.join("; ")}`;
}
