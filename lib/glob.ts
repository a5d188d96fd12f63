// Glob patterns ("prod-*", "legacy-db-?") for stack names, resource names, URNs and type tokens.
const cache = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
    let re = cache.get(pattern);
    if (!re) {
        const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
        re = new RegExp(`^${body}$`, "i");
        cache.set(pattern, re);
    }
    return re;
}

export function matchesAny(value: string, patterns: readonly string[]): boolean {
    return patterns.some((p) => globToRegExp(p).test(value));
}
