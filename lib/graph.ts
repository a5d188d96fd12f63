// The resource graph of one AnalyzeStack request, built once and shared by every stack policy.
import { Resource } from "./resource";
import { StackInfo, partitionByStack } from "./stack";
import { REDACTED_SECRET, asString, get } from "./values";

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

interface ValueIndex {
    byValue: Map<string, Resource[]>;
    /** Resources whose value an offline export redacted: they may hold any value. */
    opaque: Resource[];
}

/** True when the value at a dotted path is an offline export's redacted secret (a preview's unknowns are not). */
function redactedAt(props: unknown, path: string): boolean {
    let cur = props;
    for (const key of path.split(".")) {
        if (cur === REDACTED_SECRET) return true;
        if (cur === null || typeof cur !== "object") return false;
        cur = (cur as Record<string, unknown>)[key];
    }
    return cur === REDACTED_SECRET;
}

function holds(value: unknown, text: string, depth: number): boolean {
    if (value === text) return true;
    if (value === null || typeof value !== "object" || depth > 64) return false;
    return (Array.isArray(value) ? value : Object.values(value)).some((v) => holds(v, text, depth + 1));
}

export class Graph {
    readonly byUrn = new Map<string, Resource>();
    private readonly byType = new Map<string, Resource[]>();
    /** urn -> resources that took a property value from it, with the property name. */
    private readonly users = new Map<string, { resource: Resource; property: string }[]>();
    /** "types|property" -> known string value of that property -> resources, built on first use. */
    private readonly byValue = new Map<string, ValueIndex>();

    /** Where each resource is in the request. */
    private readonly position = new Map<Resource, number>();

    constructor(readonly resources: readonly Resource[]) {
        for (const r of resources) {
            this.position.set(r, this.position.size);
            this.byUrn.set(r.urn, r);
            addTo(this.byType, r.type, r);
            for (const [property, urns] of Object.entries(r.propertyDependencies)) {
                for (const urn of urns) addTo(this.users, urn, { resource: r, property });
            }
        }
    }

    /** Per type: whether a resource of it holds a redacted "[secret]" (an offline export), computed on first use. */
    private readonly redactedTypes = new Map<string, boolean>();

    /** True when a resource of one of `types` holds a value an offline export redacted, anywhere in its properties. */
    hasRedacted(types: readonly string[]): boolean {
        return types.some((t) => {
            let found = this.redactedTypes.get(t);
            if (found === undefined) this.redactedTypes.set(t, (found = (this.byType.get(t) ?? []).some((r) => holds(r.props, REDACTED_SECRET, 0))));
            return found;
        });
    }

    ofType(...types: readonly string[]): Resource[] {
        return types.flatMap((t) => this.byType.get(t) ?? []);
    }

    /** Resources of the given types whose `property` input was computed from `target`. */
    usersOf(target: Resource, types: readonly string[], property: string): Resource[] {
        return (this.users.get(target.urn) ?? [])
            .filter((u) => u.property === property && types.includes(u.resource.type))
            .map((u) => u.resource);
    }

    /** Resources that `r.property` was computed from. */
    sourcesOf(r: Resource, property: string): Resource[] {
        return (r.propertyDependencies[property] ?? []).flatMap((urn) => this.byUrn.get(urn) ?? []);
    }

    /**
     * Resources of `types` that refer to `target` through `property`: by property dependency, or, where the
     * program passed a literal, by the target's known name/id/arn values. A reference an offline export redacted
     * ("[secret]") may name any target, and a target whose identity it redacted may be named by any literal: both
     * count as referrers, so nothing is reported missing on a guess.
     */
    referrers(target: Resource, types: readonly string[], property: string, targetKeys: readonly string[]): Resource[] {
        const found = new Set(this.usersOf(target, types, property));
        const keys = new Set(targetKeys.map((k) => asString(get(target.props, k))).filter((v): v is string => !!v));
        const index = this.valueIndex(types, property);
        const hidden = keys.size === 0 && targetKeys.some((k) => redactedAt(target.props, k));
        if (keys.size === 0 && !hidden && index.opaque.length === 0) return [...found];
        const named = hidden ? [...index.byValue.values()].flat() : [...keys].flatMap((k) => index.byValue.get(k) ?? []);
        // In request order, so a message lists them the same way on every run.
        const sorted = [...new Set([...named, ...index.opaque])].sort((a, b) => (this.position.get(a) ?? 0) - (this.position.get(b) ?? 0));
        return [...new Set([...found, ...sorted])];
    }

    /** One pass per (types, property) and request, so looking up referrers by literal name stays linear in the stack. */
    private valueIndex(types: readonly string[], property: string): ValueIndex {
        const key = `${types.join(",")}|${property}`;
        let index = this.byValue.get(key);
        if (!index) {
            index = { byValue: new Map(), opaque: [] };
            for (const r of this.ofType(...types)) {
                const v = asString(get(r.props, property));
                if (v !== undefined) addTo(index.byValue, v, r);
                else if (redactedAt(r.props, property)) index.opaque.push(r);
            }
            this.byValue.set(key, index);
        }
        return index;
    }
}

/** One graph per stack the request's resources belong to (see partitionByStack), for evaluateStacks. */
export function graphsByStack(engine: StackInfo, resources: readonly Resource[]): { graph: Graph; stack: StackInfo }[] {
    return partitionByStack(engine, resources).map((p) => ({ stack: p.stack, graph: new Graph(p.resources) }));
}
