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
