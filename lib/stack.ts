// What a policy knows about the stack being checked: its name, tags and environment suffix.
import { ConfigSchema } from "./config";
import { matchesAny } from "./glob";

export interface StackInfo {
    name: string;
    project: string;
    organization: string;
    tags: Readonly<Record<string, string>>;
    /** ENVIRONMENT_SUFFIX of the preview process, if set. */
    environmentSuffix?: string;
    /**
     * Set when the engine did not say which stack it is (`pulumi policy analyze`, audit policy groups: no
     * ConfigureStack): name and project come from the resource's URN, and the stack's tags are not known.
     */
    fromUrn?: true;
}

/** The stack as the engine describes it to a policy pack process (see the analyzer protocol notes). */
export function stackFromEnvironment(tags: Readonly<Record<string, string>> = {}): StackInfo {
    const env = process.env;
    const suffix = env.ENVIRONMENT_SUFFIX?.trim();
    return {
        name: env.PULUMI_NODEJS_STACK ?? env.PULUMI_STACK ?? "",
        project: env.PULUMI_NODEJS_PROJECT ?? env.PULUMI_PROJECT ?? "",
        organization: env.PULUMI_NODEJS_ORGANIZATION ?? env.PULUMI_ORGANIZATION ?? "",
        tags,
        environmentSuffix: suffix ? suffix : undefined,
    };
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>`: the stack and project a resource belongs to. */
export function urnStack(urn: string): { name: string; project: string } | undefined {
    if (!urn.startsWith("urn:pulumi:")) return undefined;
    const end = urn.indexOf("::", 11);
    const projectEnd = end < 0 ? -1 : urn.indexOf("::", end + 2);
    if (projectEnd < 0 || end === 11) return undefined;
    return { name: urn.slice(11, end), project: urn.slice(end + 2, projectEnd) };
}

const byUrnStack = new WeakMap<StackInfo, Map<string, StackInfo>>();

/**
 * The stack a resource is evaluated in: the engine's, when it said which (ConfigureStack, PULUMI_* variables), else
 * the resource's own stack from its URN, per resource, since one `policy analyze --file` may span several stacks.
 */
export function resourceStack(engine: StackInfo, urn: string): StackInfo {
    if (engine.name) return engine;
    const own = urnStack(urn);
    if (!own) return engine;
    let known = byUrnStack.get(engine);
    if (!known) byUrnStack.set(engine, (known = new Map()));
    const key = `${own.name}::${own.project}`;
    let stack = known.get(key);
    if (!stack) known.set(key, (stack = { ...engine, name: own.name, project: own.project, tags: {}, fromUrn: true }));
    return stack;
}

/** Resources grouped by the stack each is evaluated in (one group unless the engine left the stack unsaid). */
export function partitionByStack<R extends { urn: string }>(engine: StackInfo, resources: readonly R[]): { stack: StackInfo; resources: R[] }[] {
    if (engine.name) return [{ stack: engine, resources: [...resources] }];
    const groups = new Map<StackInfo, R[]>();
    for (const r of resources) {
        const stack = resourceStack(engine, r.urn);
        const list = groups.get(stack);
        if (list) list.push(r);
        else groups.set(stack, [r]);
    }
    return [...groups].map(([stack, list]) => ({ stack, resources: list }));
}

export interface ProductionConfig {
    productionStacks: string[];
    productionStackTags: string[];
}

/** Config shared by every policy that only applies to ephemeral (non-production) stacks. */
export const PRODUCTION_CONFIG: ConfigSchema = {
    productionStacks: {
        type: "array",
        items: { type: "string", minLength: 1 },
        default: ["prod", "production", "prd", "prod-*", "production-*", "*-prod", "*-production"],
        description: "Glob patterns of stack names that are production; the policy does not apply there.",
    },
    productionStackTags: {
        type: "array",
        items: { type: "string", pattern: "^[^=]+=.*$" },
        default: ["environment=production", "environment=prod", "env=prod", "env=production"],
        description: "Stack tags (key=value, value may be a glob) that mark a stack as production.",
    },
};

/**
 * Said next to a finding of a production-aware policy when the stack's tags are unknown: the verdict rests on the
 * stack name alone, and a stack that only its tags mark as production would not be exempt.
 */
export function unknownTagsNote(stack: StackInfo, config: Partial<ProductionConfig>): string | undefined {
    if (!stack.fromUrn || !config.productionStackTags?.length) return undefined;
    return (
        ` (Stack "${stack.name}" was named by the resource's URN and its tags are not known here, as under \`pulumi policy analyze\`, ` +
        "so productionStackTags could not be checked; if it is a production stack, add its name to productionStacks.)"
    );
}

export function productionReason(stack: StackInfo, config: ProductionConfig): string | undefined {
    if (stack.name && matchesAny(stack.name, config.productionStacks ?? [])) {
        return `stack "${stack.name}" is a production stack (matches productionStacks)`;
    }
    for (const entry of config.productionStackTags ?? []) {
        const at = entry.indexOf("=");
        const key = entry.slice(0, at);
        const tag = Object.keys(stack.tags).find((k) => k.toLowerCase() === key.toLowerCase());
        if (tag !== undefined && matchesAny(stack.tags[tag], [entry.slice(at + 1)])) {
            return `stack tag ${tag}=${stack.tags[tag]} marks a production stack (matches productionStackTags)`;
        }
    }
    return undefined;
}
