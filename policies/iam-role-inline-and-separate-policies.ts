import type * as aws from "@pulumi/aws";
import { ROLE, ROLE_ATTACHMENT_MANAGERS, ROLE_INLINE_MANAGERS, roleManagers } from "../lib/iam";
import { definePolicy } from "../lib/policy";
import { Resource } from "../lib/resource";
import { asArray, asString, get, isUnknown } from "../lib/values";

const INLINE: keyof aws.iam.RoleArgs = "inlinePolicies";
const MANAGED: keyof aws.iam.RoleArgs = "managedPolicyArns";

/** Known values of `property` on `managers` (an unknown one may be anything, so it matches every entry). */
function managedValues(managers: Resource[], properties: string[]): { values: Set<string>; any: boolean } {
    const values = new Set<string>();
    let any = false;
    for (const m of managers) {
        for (const p of properties) {
            const v = get(m.props, p);
            if (isUnknown(v)) any = true;
            for (const x of asArray(v)) {
                if (isUnknown(x)) any = true;
                const s = asString(x);
                if (s) values.add(s);
            }
        }
    }
    return { values, any };
}

/** An inline policy's name; UNKNOWN when computed; undefined for the empty placeholder. */
function inlineEntry(p: unknown): unknown {
    const name = get(p, "name");
    if (isUnknown(p) || isUnknown(name)) return name;
    const policy = get(p, "policy");
    return asString(name) || (isUnknown(policy) || asString(policy) ? "(unnamed)" : undefined);
}

export default definePolicy({
    kind: "stack",
    name: "iam-role-inline-and-separate-policies",
    family: "wiring",
    description: "A role's inline policies and attached policies are each managed in one place: on the role, or by separate resources, not both.",
    enforcementLevel: "advisory",
    severity: "medium",
    types: [ROLE, ...ROLE_INLINE_MANAGERS, ...ROLE_ATTACHMENT_MANAGERS],
    messages: {
        inlineConflict:
            "sets {{property}} ({{entries}}) and is also given inline policies by {{managers}}; the role's `inlinePolicies` is the complete list, so " +
            "every update deletes the policies of {{managers}} and the next one puts them back: a permanent diff, and permissions that come and go. " +
            "Move every inline policy into aws.iam.RolePolicy resources (or all into `inlinePolicies`).",
        managedConflict:
            "sets {{property}} ({{entries}}) and also has policies attached by {{managers}}; `managedPolicyArns` is the complete list, so every " +
            "update detaches what {{managers}} attach and the next one attaches it again. Attach every policy with aws.iam.RolePolicyAttachment " +
            "(or list all of them in `managedPolicyArns`).",
    },
    counterparts: "Pulumi AWSGuard iam-role-no-policy-management-conflicts (flags on dependencies alone); none in FSBP, checkov or cfn-lint",
    remediationSteps:
        "Manage a role's policies one way: separate aws.iam.RolePolicy / RolePolicyAttachment resources (the provider's recommendation; " +
        "`inlinePolicies` and `managedPolicyArns` are deprecated), or only the role's own lists. Do not combine them.",
    check({ graph, report }) {
        for (const role of graph.ofType(ROLE)) {
            const managers = roleManagers(graph, role);
            const checks = [
                {
                    id: "inlineConflict",
                    property: INLINE,
                    // A role's outputs list no policy as `[{ name: "", policy: "" }]`; entries without a name are that placeholder.
                    entries: asArray(get(role.props, INLINE)).map(inlineEntry),
                    managers: managers.inline,
                    covered: managedValues(managers.inline, ["name", "policyNames"]),
                },
                {
                    id: "managedConflict",
                    property: MANAGED,
                    entries: asArray(get(role.props, MANAGED)).map((a) => (isUnknown(a) ? a : asString(a))),
                    managers: managers.attachments,
                    covered: managedValues(managers.attachments, ["policyArn", "policyArns"]),
                },
            ];
            for (const c of checks) {
                if (c.managers.length === 0 || isUnknown(get(role.props, c.property))) continue;
                const known = c.entries.filter((e): e is string => typeof e === "string" && !isUnknown(e));
                // An entry unknown during preview comes from the program itself, never from a read-back.
                const computed = c.entries.some(isUnknown);
                // Outputs read back from AWS also list what the separate resources manage: only entries none of them accounts for are the role's own.
                const own = c.covered.any ? [] : known.filter((e) => !c.covered.values.has(e));
                if (own.length === 0 && !computed) continue;
                report(c.id, { property: c.property, entries: [...own, ...(computed ? ["(computed during deploy)"] : [])], managers: c.managers.map((m) => m.name) }, role);
            }
        }
    },
});
