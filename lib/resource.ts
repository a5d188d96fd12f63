// The shape every check reads: raw property values (unknowns are sentinels, never throwing proxies).
import { Props, asString, get, isUnknown } from "./values";

export interface ResourceOptions {
    protect?: boolean;
    parent?: string;
    ignoreChanges?: string[];
    deleteBeforeReplace?: boolean;
}

export interface ProviderInfo {
    type: string;
    name: string;
    urn: string;
    props: Props;
}

export interface Resource {
    type: string;
    name: string;
    urn: string;
    props: Props;
    opts: ResourceOptions;
    provider?: ProviderInfo;
    parent?: string;
    /** URNs this resource depends on (stack policies only). */
    dependencies: string[];
    /** Input property name to the URNs its value came from (stack policies only). */
    propertyDependencies: Record<string, string[]>;
}

/** A readable label for messages: the logical name and the type token. */
export function label(r: Pick<Resource, "name" | "type">): string {
    return `${r.name} (${r.type})`;
}

/**
 * The AWS region a resource is created in: its own `region` (per resource since provider v7), else its provider's,
 * else the stack's default (AWS_REGION, aws:region config), "" when none is known. Undefined when unknown at preview.
 */
export function regionOf(r: Resource): string | undefined {
    for (const v of [get(r.props, "region"), r.provider ? get(r.provider.props, "region") : undefined]) {
        if (isUnknown(v)) return undefined;
        const text = asString(v);
        if (text) return text;
    }
    return process.env.AWS_REGION ?? stackConfigRegion() ?? "";
}

/** False only when both regions are known and differ ("" and undefined may be any region). */
export function sameRegion(a: string | undefined, b: string | undefined): boolean {
    return !a || !b || a === b;
}

let configRegion: string | undefined | null = null;
function stackConfigRegion(): string | undefined {
    if (configRegion === null) {
        try {
            const cfg = JSON.parse(process.env.PULUMI_CONFIG ?? "{}") as Record<string, unknown>;
            configRegion = typeof cfg["aws:region"] === "string" ? (cfg["aws:region"] as string) : undefined;
        } catch {
            configRegion = undefined;
        }
    }
    return configRegion;
}
