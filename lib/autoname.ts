// Policies see provider-checked inputs, where Pulumi has filled in an autoname: `<logical name>-<7 hex>` (bridge AutoName).
const RANDOM_PART = /^[-_]?[0-9a-f]{7}$/i;

/** True when `value` is what Pulumi's autonaming makes of the logical name: unique per deployment, never a collision. */
export function isAutoName(logicalName: string, value: string): boolean {
    if (logicalName === "" || value.length <= logicalName.length) return false;
    const head = value.slice(0, logicalName.length);
    return head.toLowerCase() === logicalName.toLowerCase() && RANDOM_PART.test(value.slice(logicalName.length));
}
