import type * as aws from "@pulumi/aws";
import { isAutoName } from "../lib/autoname";
import { Graph } from "../lib/graph";
import { NAME_TYPES, NameType, Uniqueness } from "../lib/name-limits";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { Resource, label, regionOf } from "../lib/resource";
import { asString, get, isUnknown } from "../lib/values";

// Provider settings that choose the credentials, hence the account; equal settings mean the same account.
const IDENTITY: readonly (keyof aws.ProviderArgs)[] = [
    "profile",
    "accessKey",
    "assumeRoles",
    "assumeRoleWithWebIdentity",
    "sharedCredentialsFiles",
    "sharedConfigFiles",
    "token",
];

const SCOPE: Record<Uniqueness, string> = {
    partition: "S3 bucket names are unique across every AWS account and region",
    account: "IAM names are unique in the AWS account, whatever the region",
    region: "the names are unique per account and region",
};

/** A value's identity for grouping: the literal, else the one resource it was computed from; undefined when unknowable. */
function identity(graph: Graph, r: Resource, property: string, absent: string): string | undefined {
    const v = get(r.props, property);
    if (isUnknown(v)) {
        const sources = graph.sourcesOf(r, property);
        return sources.length === 1 ? `urn:${sources[0].urn}` : undefined;
    }
    if (v === undefined || v === null || v === "") return absent;
    return typeof v === "string" ? `value:${v}` : undefined;
}

/** The account a resource is created in, as far as its provider tells; undefined when a setting is unknown. */
function accountOf(r: Resource): string | undefined {
    const props = r.provider?.props ?? {};
    const values = IDENTITY.map((k) => get(props, k));
    return values.some(isUnknown) ? undefined : JSON.stringify(values);
}

function scopeKey(graph: Graph, r: Resource, spec: NameType): string | undefined {
    if (spec.unique === "partition") return "";
    const account = accountOf(r);
    const region = spec.unique === "region" ? regionOf(r) : "";
    const within = spec.within ? identity(graph, r, spec.within.property, "") : "";
    if (account === undefined || region === undefined || within === undefined) return undefined;
    return JSON.stringify([account, region, within]);
}

function scopeText(spec: NameType): string {
    if (spec.within) return spec.within.says;
    return spec.unique ? SCOPE[spec.unique] : "";
}

const UNIQUE_TYPES = [...NAME_TYPES].filter(([, spec]) => spec.unique !== undefined).map(([type]) => type);

export default definePolicy({
    kind: "stack",
    name: "duplicate-physical-name",
    family: "names",
    description: "No two resources of a stack create the same explicit physical name in the scope where AWS requires it to be unique, so no create fails on a name already taken.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative(UNIQUE_TYPES),
    config: {},
    messages: {
        duplicate:
            "{{property}} is {{value}}, the same name as {{other}} in this stack ({{scope}}), so whichever is created second fails because the name already exists. " +
            "Give each a distinct name (e.g. add the region, an index or the environment suffix) or leave {{property}} unset so Pulumi autonames them.",
    },
    remediationSteps:
        "Make every explicit physical name unique where AWS requires it (S3 buckets: everywhere; IAM: per account; others: per account and region; " +
        "security groups: per VPC), e.g. by adding the region or an index to names created in a loop, or leave the names unset so Pulumi autonames them.",
    check({ graph, report }) {
        const seen = new Map<string, Resource>();
        // Stack order: the later resource is the one whose create finds the name taken.
        for (const r of graph.resources) {
            const spec = NAME_TYPES.get(r.type);
            if (!spec?.unique) continue;
            for (const property of Object.keys(spec.names)) {
                const value = get(r.props, property);
                const name = asString(value);
                // Unknown or autonamed names are unique per deployment; nothing to compare.
                if (!name || isAutoName(r.name, name)) continue;
                const scope = scopeKey(graph, r, spec);
                if (scope === undefined) continue;
                const key = JSON.stringify([spec.namespace, scope, spec.caseInsensitive ? name.toLowerCase() : name]);
                const first = seen.get(key);
                if (first) report("duplicate", { property, value, other: label(first), scope: scopeText(spec) }, r);
                else seen.set(key, r);
            }
        }
    },
});
