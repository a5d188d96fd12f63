import { Cases, UNKNOWN, secret } from "../tester";

const V2 = "aws:s3/bucketV2:BucketV2";

export const cases: Cases = {
    valid: [
        { why: "forceDestroy on", props: { bucket: "tx-logs-pr123", forceDestroy: true } },
        { why: "string form of true", props: { forceDestroy: "true" } },
        { why: "unknown during preview", props: { forceDestroy: UNKNOWN } },
        { why: "BucketV2 token", type: V2, props: { forceDestroy: true } },
        { why: "secret true", props: { forceDestroy: secret(true) } },
    ],
    invalid: [
        { why: "ordinary program: not set", props: { bucket: "tx-logs-pr123" }, messageId: "keepsObjects", count: 1, includes: ["forceDestroy", "not set"] },
        { why: "explicitly false", props: { forceDestroy: false }, messageId: "keepsObjects" },
        { why: "BucketV2 not set", type: V2, props: {}, messageId: "keepsObjects" },
        { why: "malformed number", props: { forceDestroy: 1 }, messageId: "keepsObjects" },
        { why: "malformed null and nested garbage", props: { forceDestroy: null, versioning: { enabled: [null] } }, messageId: "keepsObjects" },
        { why: "secret malformed value is not printed", props: { forceDestroy: secret("nope") }, messageId: "keepsObjects", includes: ["[secret]"] },
        { why: "aws-native: no property empties the bucket on delete: a note", type: "aws-native:s3:Bucket", props: { bucketName: UNKNOWN }, messageId: "keepsObjects", level: "advisory", includes: ["BucketNotEmpty", "aws-native:s3:Bucket has no forceDestroy"], fixes: false },
    ],
    notApplicable: [
        { why: "production stack by name", stack: "production", props: {} },
        { why: "production stack by tag", stack: "green", stackTags: { env: "prod" }, props: {} },
    ],
};
