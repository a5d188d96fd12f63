import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { Resource } from "../lib/resource";
import { BUCKET_TYPES, WEBSITE_TYPES, attachedTo, isWebsiteBucket, splitTypes } from "../lib/s3";
import { asArray, asString, get } from "../lib/values";

const ACL_TYPES = splitTypes("BucketAcl");
// Canned ACLs that grant to the AllUsers or AuthenticatedUsers groups (S3 canned ACL reference).
const PUBLIC_CANNED: Record<string, string> = {
    "public-read": "everyone on the internet read access",
    "public-read-write": "everyone on the internet read and write access",
    "authenticated-read": "every AWS account holder read access",
};
const PUBLIC_GROUPS: Record<string, string> = {
    "http://acs.amazonaws.com/groups/global/AllUsers": "everyone on the internet",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "every AWS account holder",
};

interface Grant {
    property: string;
    uri: unknown;
    permission: unknown;
}

/** Grants of a bucket's inline `grants` or a split ACL's `accessControlPolicy.grants`. */
function grantsOf(r: Resource): Grant[] {
    if (ACL_TYPES.includes(r.type)) {
        return asArray(get(r.props, "accessControlPolicy.grants")).map((g, i) => ({
            property: `accessControlPolicy.grants[${i}].grantee.uri`,
            uri: get(g, "grantee.uri"),
            permission: get(g, "permission"),
        }));
    }
    return asArray(get(r.props, "grants")).map((g, i) => ({ property: `grants[${i}].uri`, uri: get(g, "uri"), permission: get(g, "permissions") }));
}

export default definePolicy({
    kind: "stack",
    name: "s3-no-public-acl",
    family: "public-access",
    description: "No S3 bucket ACL (inline or aws.s3.BucketAcl) grants access to everyone or to all AWS users; website buckets are not checked.",
    enforcementLevel: "mandatory",
    severity: "critical",
    types: withNative([...BUCKET_TYPES, ...ACL_TYPES, ...WEBSITE_TYPES]),
    messages: {
        publicCannedAcl:
            "acl is {{value}}, which gives {{who}} to the bucket; use \"private\" (or drop the ACL) and share objects through CloudFront or presigned URLs. " +
            "New buckets have ACLs disabled, so this either fails the deploy (AccessControlListNotSupported) or, once ownership controls and the public access block are relaxed, exposes the bucket's objects.",
        publicGrant:
            "{{property}} is {{value}}, granting {{permission}} to {{who}}; remove that grant and share objects through CloudFront or presigned URLs. " +
            "A grant to this group exposes the bucket's objects (or lets anyone overwrite them) as soon as ACLs are honoured.",
    },
    remediationSteps:
        "Remove public canned ACLs (`public-read`, `public-read-write`, `authenticated-read`) and grants to the AllUsers or AuthenticatedUsers groups " +
        "from buckets and aws.s3.BucketAcl resources; serve public content through CloudFront with origin access control. Buckets with a " +
        "website configuration (inline or aws.s3.BucketWebsiteConfiguration) are public by design and not checked.",
    check({ graph, report }) {
        const judge = (r: Resource): void => {
            const acl = get(r.props, "acl");
            const who = PUBLIC_CANNED[asString(acl)?.trim().toLowerCase() ?? ""];
            if (who) report("publicCannedAcl", { property: "acl", value: acl, who }, r);
            for (const g of grantsOf(r)) {
                const group = PUBLIC_GROUPS[asString(g.uri)?.trim() ?? ""];
                if (group) report("publicGrant", { property: g.property, value: g.uri, who: group, permission: asArray(g.permission).map((p) => asString(p) ?? "(unknown)") }, r);
            }
        };
        const websiteAcls = new Set<Resource>();
        for (const bucket of graph.ofType(...BUCKET_TYPES)) {
            if (!isWebsiteBucket(graph, bucket)) judge(bucket);
            else attachedTo(graph, bucket, ACL_TYPES).forEach((a) => websiteAcls.add(a));
        }
        // Split ACLs are judged on their own resource, also when their bucket is declared elsewhere.
        for (const acl of graph.ofType(...ACL_TYPES)) if (!websiteAcls.has(acl)) judge(acl);
    },
});
