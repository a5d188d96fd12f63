import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const ACL = "aws:s3/bucketAcl:BucketAcl";
const ACL_V2 = "aws:s3/bucketAclV2:BucketAclV2";
const WEBSITE = "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration";
const WEBSITE_V2 = "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2";
const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const AUTH_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
const LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";

/** A split resource wired to its bucket by property dependency; its bucket name is unknown at preview. */
function on(bucket: string, type: string, props: Record<string, unknown>, name = `${bucket}-${type.split(":").pop()}`): CaseResource {
    return { type, name, props: { bucket: UNKNOWN, ...props }, propertyDependencies: { bucket: [bucket] } };
}
const policy = (uri: string, permission = "READ") => ({
    accessControlPolicy: { owner: { id: UNKNOWN }, grants: [{ grantee: { type: "Group", uri }, permission }] },
});

export const cases: Cases = {
    valid: [
        { why: "ordinary private bucket, no ACL at all", resources: [{ type: BUCKET, name: "data", props: { bucket: UNKNOWN, forceDestroy: true } }] },
        { why: "split private ACL", resources: [{ type: BUCKET, name: "data", props: {} }, on("data", ACL, { acl: "private" })] },
        { why: "V2 split token, log-delivery-write", resources: [{ type: BUCKET_V2, name: "logs", props: {} }, on("logs", ACL_V2, { acl: "log-delivery-write" })] },
        { why: "grant to the log delivery group", resources: [{ type: BUCKET, name: "logs", props: {} }, on("logs", ACL, policy(LOG_DELIVERY, "WRITE"))] },
        { why: "acl unknown at preview", resources: [{ type: BUCKET, name: "data", props: { acl: UNKNOWN } }, on("data", ACL, { acl: UNKNOWN })] },
        { why: "grantee URI unknown", resources: [{ type: BUCKET, name: "data", props: {} }, on("data", ACL, { accessControlPolicy: { grants: [{ grantee: { uri: UNKNOWN }, permission: "READ" }] } })] },
        {
            why: "website bucket with split website config and public-read ACL (dependency)",
            resources: [{ type: BUCKET, name: "site", props: {} }, on("site", WEBSITE, { indexDocument: { suffix: "index.html" } }), on("site", ACL, { acl: "public-read" })],
        },
        {
            why: "website by literal bucket name (V2 tokens)",
            resources: [
                { type: BUCKET_V2, name: "site", props: { bucket: "www.example.com" } },
                { type: WEBSITE_V2, name: "site-web", props: { bucket: "www.example.com", indexDocument: { suffix: "index.html" } } },
                { type: ACL_V2, name: "site-acl", props: { bucket: "www.example.com", acl: "public-read" } },
            ],
        },
        { why: "inline v6-style website on Bucket", resources: [{ type: BUCKET, name: "site", props: { website: { indexDocument: "index.html" }, acl: "public-read" } }] },
        { why: "inline websites on BucketV2", resources: [{ type: BUCKET_V2, name: "site", props: { websites: [{ indexDocument: "index.html" }], acl: "public-read" } }] },
        { why: "secret owner id on a private ACL", resources: [{ type: BUCKET, name: "data", props: {} }, on("data", ACL, { accessControlPolicy: { owner: { id: secret("canonical-owner-secret") }, grants: [] } })] },
        { why: "aws-native: private canned ACL", resources: [{ type: "aws-native:s3:Bucket", name: "nb", props: { accessControl: "Private" } }] },
    ],
    invalid: [
        { why: "inline public-read on a Bucket", resources: [{ type: BUCKET, name: "data", props: { acl: "public-read" } }], messageId: "publicCannedAcl", on: "data", includes: ["acl", "\"public-read\"", "everyone on the internet"] },
        { why: "inline public-read-write on a BucketV2", resources: [{ type: BUCKET_V2, name: "data", props: { acl: "public-read-write" } }], messageId: "publicCannedAcl", on: "data" },
        {
            why: "split ACL wired by dependency, bucket name unknown",
            resources: [{ type: BUCKET, name: "data", props: { bucket: UNKNOWN } }, on("data", ACL, { acl: "public-read" }, "data-acl")],
            messageId: "publicCannedAcl",
            on: "data-acl",
            count: 1,
        },
        { why: "V2 split ACL authenticated-read", resources: [{ type: BUCKET_V2, name: "data", props: {} }, on("data", ACL_V2, { acl: "authenticated-read" }, "data-acl")], messageId: "publicCannedAcl", on: "data-acl", includes: ["AWS account holder"] },
        {
            why: "split ACL by literal bucket name",
            resources: [{ type: BUCKET, name: "data", props: { bucket: "data-dev" } }, { type: ACL, name: "data-acl", props: { bucket: "data-dev", acl: "PUBLIC-READ" } }],
            messageId: "publicCannedAcl",
            on: "data-acl",
        },
        { why: "split ACL for a bucket outside the stack", resources: [{ type: ACL, name: "ext-acl", props: { bucket: "someone-elses-bucket", acl: "public-read" } }], messageId: "publicCannedAcl", on: "ext-acl" },
        {
            why: "grant to AllUsers",
            resources: [{ type: BUCKET, name: "data", props: {} }, on("data", ACL, policy(ALL_USERS), "data-acl")],
            messageId: "publicGrant",
            on: "data-acl",
            includes: ["accessControlPolicy.grants[0].grantee.uri", "READ", "everyone on the internet"],
        },
        { why: "V2 grant to AuthenticatedUsers", resources: [{ type: BUCKET_V2, name: "data", props: {} }, on("data", ACL_V2, policy(AUTH_USERS, "FULL_CONTROL"), "data-acl")], messageId: "publicGrant", on: "data-acl" },
        { why: "inline grant on a Bucket", resources: [{ type: BUCKET, name: "data", props: { grants: [{ type: "Group", uri: ALL_USERS, permissions: ["READ", "WRITE"] }] } }], messageId: "publicGrant", on: "data", includes: ["grants[0].uri", "READ, WRITE"] },
        {
            why: "grant URI with stray whitespace is still the public group",
            resources: [{ type: BUCKET, name: "data", props: { grants: [{ type: "Group", uri: ` ${ALL_USERS}\n`, permissions: ["READ"] }] } }],
            messageId: "publicGrant",
            on: "data",
        },
        {
            why: "public grant whose permission is unknown during preview: still public",
            resources: [{ type: BUCKET, name: "data", props: { grants: [{ type: "Group", uri: ALL_USERS, permissions: [UNKNOWN] }] } }],
            messageId: "publicGrant",
            on: "data",
            includes: ["(unknown)"],
        },
        {
            why: "website config on another bucket does not exempt this one",
            resources: [{ type: BUCKET, name: "site", props: {} }, on("site", WEBSITE, {}), { type: BUCKET, name: "data", props: { acl: "public-read" } }],
            messageId: "publicCannedAcl",
            on: "data",
            count: 1,
        },
        {
            why: "an unknown value elsewhere hides nothing",
            resources: [
                { type: BUCKET, name: "ok", props: { acl: UNKNOWN, website: UNKNOWN } },
                { type: WEBSITE, name: "loose-web", props: { bucket: UNKNOWN } },
                { type: BUCKET, name: "bad", props: { acl: "public-read", tags: UNKNOWN } },
            ],
            messageId: "publicCannedAcl",
            on: "bad",
            count: 1,
        },
        { why: "malformed grants do not throw", resources: [{ type: BUCKET, name: "m", props: { acl: "public-read", grants: [null, 5, { uri: [] }] } }, on("m", ACL, { accessControlPolicy: { grants: "x" } })], messageId: "publicCannedAcl", on: "m", count: 1 },
        { why: "secret owner id is not printed", resources: [{ type: BUCKET, name: "data", props: {} }, on("data", ACL, { acl: "public-read", accessControlPolicy: { owner: { id: secret("canonical-owner-secret") } } }, "data-acl")], messageId: "publicCannedAcl", on: "data-acl" },
        { why: "aws-native: accessControl PublicRead", resources: [{ type: "aws-native:s3:Bucket", name: "nb", props: { accessControl: "PublicRead" } }], messageId: "publicCannedAcl", on: "nb", includes: ["accessControl"] },
    ],
};
