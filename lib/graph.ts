// The resource graph of one AnalyzeStack request, built once and shared by every stack policy.
import { Resource } from "./resource";
import { StackInfo, partitionByStack } from "./stack";
import { asString, get } from "./values";

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

export class Graph {
    readonly byUrn = new Map<string, Resource>();
    private readonly byType = new Map<string, Resource[]>();
    /** urn -> resources that took a property value from it, with the property name. */
    private readonly users = new Map<string, { resource: Resource; property: string }[]>();
    /** "types|property" -> known string value of that property -> resources, built on first use. */
    private readonly byValue = new Map<string, Map<string, Resource[]>>();

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
     * program passed a literal, by the target's known name/id/arn values.
     */
    referrers(target: Resource, types: readonly string[], property: string, targetKeys: readonly string[]): Resource[] {
        const found = new Set(this.usersOf(target, types, property));
        const keys = new Set(targetKeys.map((k) => asString(get(target.props, k))).filter((v): v is string => !!v));
        if (keys.size === 0) return [...found];
        const index = this.valueIndex(types, property);
        // In request order, so a message lists them the same way on every run.
        const named = [...new Set([...keys].flatMap((k) => index.get(k) ?? []))].sort((a, b) => (this.position.get(a) ?? 0) - (this.position.get(b) ?? 0));
        return [...new Set([...found, ...named])];
    }

    /** One pass per (types, property) and request, so looking up referrers by literal name stays linear in the stack. */
    private valueIndex(types: readonly string[], property: string): Map<string, Resource[]> {
        const key = `${types.join(",")}|${property}`;
        let index = this.byValue.get(key);
        if (!index) {
            index = new Map();
            for (const r of this.ofType(...types)) {
                const v = asString(get(r.props, property));
                if (v !== undefined) addTo(index, v, r);
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
