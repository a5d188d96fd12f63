// Policies see provider-checked inputs, where Pulumi has filled in an autoname: `<logical name>-<7 hex>` (bridge AutoName).
const RANDOM_PART = /^[-_]?[0-9a-f]{7}$/i;
// The bridge cuts the logical name so the autoname fits the type's maximum (32 for load balancers and target
// groups, the smallest), so a cut head keeps at least 32 - 7 - 1 characters.
const MIN_CUT_HEAD = 24;
// pulumi-aws appends ".fifo" to the autoname of a FIFO queue or topic, as AWS requires.
const FIFO = ".fifo";

/** True when `value` is what Pulumi's autonaming makes of the logical name: unique per deployment, never a collision. */
export function isAutoName(logicalName: string, value: string): boolean {
    if (logicalName === "") return false;
    const name = value.endsWith(FIFO) ? value.slice(0, -FIFO.length) : value;
    const logical = logicalName.toLowerCase();
    if (name.length > logicalName.length && name.slice(0, logicalName.length).toLowerCase() === logical) {
        return RANDOM_PART.test(name.slice(logicalName.length));
    }
    // Cut to the type's maximum length: a strict prefix of the logical name, then the random part.
    const head = name.slice(0, -7).toLowerCase();
    return head.length >= MIN_CUT_HEAD && head.length < logical.length && logical.startsWith(head) && RANDOM_PART.test(name.slice(-7));
}

// Another resource's autoname inside a longer name (`/aws/lambda/${fn.name}`, `${bucket.bucket}-logs`): a name part
// ending in "-" and 7 hex digits, between separators, so "orders-1a2b3c4" counts and "orders-1a2b3c4d" does not.
const AUTONAME_PART = /[a-z0-9][a-z0-9_.]*(?:-[a-z0-9_.]+)*-[0-9a-f]{7}(?=$|[^0-9a-z])/gi;

/**
 * True when `value` carries a physical name Pulumi autonamed (another resource's) with more around it, which makes it
 * as unique as that name. A value that is nothing but such a name is judged by isAutoName against its own logical name.
 */
export function containsAutoName(value: string): boolean {
    for (const m of value.matchAll(AUTONAME_PART)) {
        const before = m.index === 0 ? "" : value[m.index - 1];
        if (/[0-9a-z]/i.test(before)) continue;
        if (m[0].length < value.length) return true;
    }
    return false;
}
