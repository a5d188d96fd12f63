import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const BUCKET = "aws:s3/bucket:Bucket";
const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const ALL_ON = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

function blockFor(bucket: string, props: Record<string, unknown> = ALL_ON, name = `${bucket}-pab`): CaseResource {
    return { type: BLOCK, name, props: { bucket: UNKNOWN, ...props }, propertyDependencies: { bucket: [bucket] } };
}

export const cases: Cases = {
    valid: [
        { why: "block wired by dependency, bucket name unknown", resources: [{ type: BUCKET, name: "logs", props: { bucket: UNKNOWN } }, blockFor("logs")] },
        {
            why: "block given the literal bucket name",
            resources: [{ type: BUCKET, name: "logs", props: { bucket: "logs-dev" } }, { type: BLOCK, name: "pab", props: { bucket: "logs-dev", ...ALL_ON } }],
        },
        { why: "BucketV2 token", resources: [{ type: "aws:s3/bucketV2:BucketV2", name: "data", props: {} }, blockFor("data")] },
        { why: "flags unknown during preview", resources: [{ type: BUCKET, name: "b", props: {} }, blockFor("b", { blockPublicAcls: UNKNOWN, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true })] },
        { why: "account-level block covers every bucket", resources: [{ type: BUCKET, name: "b", props: {} }, { type: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", name: "acct", props: ALL_ON }] },
        {
            why: "website bucket is public by design",
            resources: [
                { type: BUCKET, name: "site", props: {} },
                { type: "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration", name: "site-web", props: { bucket: UNKNOWN }, propertyDependencies: { bucket: ["site"] } },
            ],
        },
        { why: "secret flags still count", resources: [{ type: BUCKET, name: "b", props: {} }, blockFor("b", { blockPublicAcls: secret(true), blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true })] },
        {
            why: "one complete block is enough even if another block for the bucket has a flag off",
            resources: [{ type: BUCKET, name: "b", props: { bucket: "b-dev" } }, blockFor("b", { ...ALL_ON, blockPublicPolicy: false }), { type: BLOCK, name: "b-pab-2", props: { bucket: "b-dev", ...ALL_ON } }],
        },
        { why: "no buckets in the stack", resources: [{ type: "aws:sqs/queue:Queue", name: "q", props: {} }] },
        { why: "aws-native: inline publicAccessBlockConfiguration, all four flags", resources: [{ type: "aws-native:s3:Bucket", name: "nb", props: { bucketName: UNKNOWN, publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true } } }] },
        { why: "aws-native: inline configuration unknown during preview", resources: [{ type: "aws-native:s3:Bucket", name: "nb", props: { publicAccessBlockConfiguration: UNKNOWN, tags: [{ key: "k", value: secret("v-native") }] } }] },
        { why: "mixed providers: a classic BucketPublicAccessBlock on an aws-native bucket", resources: [{ type: "aws-native:s3:Bucket", name: "nb", props: { bucketName: UNKNOWN } }, blockFor("nb")] },
        { why: "mixed providers: classic block given the aws-native bucket's literal name", resources: [{ type: "aws-native:s3:Bucket", name: "nb", props: { bucketName: "orders-dev" } }, { type: BLOCK, name: "pab", props: { bucket: "orders-dev", ...ALL_ON } }] },
    ],
    invalid: [
        { why: "bucket without a block", resources: [{ type: BUCKET, name: "transaction-logs", props: { bucket: "tx-logs-dev" } }], messageId: "missing", level: "advisory", on: "transaction-logs" },
        {
            why: "block attached to another bucket",
            resources: [{ type: BUCKET, name: "a", props: {} }, { type: BUCKET, name: "b", props: {} }, blockFor("a")],
            messageId: "missing", level: "advisory",
            on: "b",
            count: 1,
        },
        {
            why: "a flag off",
            resources: [{ type: BUCKET, name: "b", props: {} }, blockFor("b", { ...ALL_ON, restrictPublicBuckets: false })],
            messageId: "flagOff",
            on: "b",
            includes: ["restrictPublicBuckets", "false"],
        },
        { why: "flags missing (default false)", resources: [{ type: BUCKET, name: "b", props: {} }, blockFor("b", {})], messageId: "flagOff", on: "b", includes: ["blockPublicAcls"] },
        { why: "malformed flag value", resources: [{ type: BUCKET, name: "b", props: {} }, blockFor("b", { ...ALL_ON, ignorePublicAcls: "yes" })], messageId: "flagOff", on: "b" },
        {
            why: "flags missing: the message lists every flag to set",
            resources: [{ type: BUCKET, name: "b", props: {} }, blockFor("b", {})],
            messageId: "flagOff",
            on: "b",
            includes: ["set blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets to true"],
        },
        {
            why: "an unknown elsewhere hides nothing",
            resources: [{ type: BUCKET, name: "ok", props: { bucket: UNKNOWN } }, blockFor("ok"), { type: BUCKET, name: "bad", props: { tags: UNKNOWN } }],
            messageId: "missing", level: "advisory",
            on: "bad",
            count: 1,
        },
        { why: "account block with a flag off does not cover", resources: [{ type: BUCKET, name: "b", props: {} }, { type: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", name: "acct", props: { ...ALL_ON, blockPublicPolicy: false } }], messageId: "missing", level: "advisory", on: "b" },
        { why: "aws-native: bucket without publicAccessBlockConfiguration", resources: [{ type: "aws-native:s3:Bucket", name: "nb", props: { bucketName: "orders-dev" } }], messageId: "missing", level: "advisory", on: "nb", includes: ["publicAccessBlockConfiguration"] },
        { why: "aws-native: inline flag off", resources: [{ type: "aws-native:s3:Bucket", name: "nb", props: { publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: false } } }], messageId: "flagOff", on: "nb", includes: ["restrictPublicBuckets", "false"] },
        { why: "aws-native: malformed inline configuration", resources: [{ type: "aws-native:s3:Bucket", name: "nb", props: { publicAccessBlockConfiguration: "on" } }], messageId: "flagOff", on: "nb" },
    ],
};
