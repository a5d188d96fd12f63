import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const SSE_V2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
const CMK = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

const kms = (key: unknown = UNKNOWN, algorithm = "aws:kms") => ({ rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: algorithm, kmsMasterKeyId: key }, bucketKeyEnabled: true }] });
const aes = { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] };

/** A split configuration wired to its bucket by property dependency; its bucket name is unknown at preview. */
function sseFor(bucket: string, props: Record<string, unknown>, type = SSE, name = `${bucket}-sse`): CaseResource {
    return { type, name, props: { bucket: UNKNOWN, ...props }, propertyDependencies: { bucket: [bucket] } };
}

export const cases: Cases = {
    valid: [
        {
            why: "website bucket on SSE-S3: S3 website endpoints cannot serve SSE-KMS objects to anonymous readers",
            resources: [
                { type: BUCKET, name: "site", props: { bucket: UNKNOWN, forceDestroy: true } },
                { type: "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration", name: "site-web", props: { bucket: UNKNOWN, indexDocument: { suffix: "index.html" } }, propertyDependencies: { bucket: ["site"] } },
            ],
        },
        { why: "inline website (v6 Bucket) without any encryption configuration", resources: [{ type: BUCKET, name: "site", props: { website: { indexDocument: "index.html" } } }] },
        { why: "customer-managed key by dependency (key ARN unknown at preview)", resources: [{ type: BUCKET, name: "data", props: { bucket: UNKNOWN } }, sseFor("data", kms())] },
        { why: "V2 split token, literal key ARN", resources: [{ type: BUCKET_V2, name: "data", props: {} }, sseFor("data", kms(CMK), SSE_V2)] },
        { why: "DSSE-KMS with a customer key", resources: [{ type: BUCKET, name: "data", props: {} }, sseFor("data", kms(CMK, "aws:kms:dsse"))] },
        {
            why: "literal bucket name correlates the configuration",
            resources: [{ type: BUCKET, name: "logs", props: { bucket: "logs-dev" } }, { type: SSE, name: "logs-sse", props: { bucket: "logs-dev", ...kms(CMK) } }],
        },
        {
            why: "inline v6-style configuration on Bucket",
            resources: [{ type: BUCKET, name: "inline", props: { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: CMK } } } } }],
        },
        {
            why: "inline configuration on BucketV2",
            resources: [
                {
                    type: BUCKET_V2,
                    name: "inline",
                    props: { serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN }] }] }] },
                },
            ],
        },
        { why: "algorithm unknown", resources: [{ type: BUCKET, name: "b", props: {} }, sseFor("b", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: UNKNOWN } }] })] },
        { why: "rules unknown", resources: [{ type: BUCKET, name: "b", props: {} }, sseFor("b", { rules: UNKNOWN })] },
        { why: "inline configuration unknown", resources: [{ type: BUCKET_V2, name: "b", props: { serverSideEncryptionConfigurations: UNKNOWN } }] },
        {
            why: "ALB access-log bucket must stay on SSE-S3",
            resources: [
                { type: BUCKET, name: "alb-logs", props: {} },
                sseFor("alb-logs", aes),
                { type: "aws:lb/loadBalancer:LoadBalancer", name: "alb", props: { accessLogs: { bucket: UNKNOWN, enabled: true } }, propertyDependencies: { accessLogs: ["alb-logs"] } },
            ],
        },
        {
            why: "classic ELB log bucket by literal name, no configuration",
            resources: [
                { type: BUCKET, name: "elb-logs", props: { bucket: "elb-logs-dev" } },
                { type: "aws:elb/loadBalancer:LoadBalancer", name: "elb", props: { accessLogs: { bucket: "elb-logs-dev" } } },
            ],
        },
        { why: "exempt by logical name", config: { exemptBuckets: ["*-logs"] }, resources: [{ type: BUCKET, name: "cf-logs", props: {} }, sseFor("cf-logs", aes)] },
        { why: "exempt by bucket name", config: { exemptBuckets: ["tx-logs-*"] }, resources: [{ type: BUCKET, name: "archive", props: { bucket: "tx-logs-dev" } }] },
        {
            why: "configuration for a bucket declared elsewhere, exempt by that bucket's name",
            config: { exemptBuckets: ["legacy-*"] },
            resources: [{ type: SSE, name: "legacy-sse", props: { bucket: "legacy-logs", ...aes } }],
        },
        { why: "configuration for a bucket declared elsewhere with no default block (only bucketKeyEnabled)", resources: [{ type: SSE, name: "elsewhere-sse", props: { bucket: "elsewhere", rules: [{ bucketKeyEnabled: true }] } }] },
        { why: "secret key ARN still counts as customer-managed", resources: [{ type: BUCKET, name: "b", props: {} }, sseFor("b", kms(secret(CMK)))] },
        { why: "customer-managed configuration for a bucket outside the stack", resources: [{ type: SSE_V2, name: "ext", props: { bucket: "shared-bucket", ...kms(CMK) } }] },
        { why: "aws-native: inline SSE-KMS default", resources: [{ type: "aws-native:s3:Bucket", name: "nb", props: { bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN }, bucketKeyEnabled: true }] } } }] },
    ],
    invalid: [
        { why: "no configuration: SSE-S3 by default", resources: [{ type: BUCKET, name: "transaction-logs", props: { bucket: "tx-logs-dev" } }], messageId: "noDefault", on: "transaction-logs", includes: ["SSE-S3"] },
        { why: "BucketV2 with no configuration", resources: [{ type: BUCKET_V2, name: "data", props: {} }], messageId: "noDefault", on: "data" },
        {
            why: "split AES256 configuration (dependency-wired, bucket name unknown)",
            resources: [{ type: BUCKET, name: "data", props: { bucket: UNKNOWN } }, sseFor("data", aes)],
            messageId: "sseS3",
            on: "data-sse",
            includes: ["rules[0].applyServerSideEncryptionByDefault.sseAlgorithm", "AES256"],
        },
        { why: "V2 split token with AES256", resources: [{ type: BUCKET_V2, name: "data", props: {} }, sseFor("data", aes, SSE_V2)], messageId: "sseS3", on: "data-sse" },
        {
            why: "AES256 with a customer key set: S3 ignores the key, the bucket stays on SSE-S3",
            resources: [{ type: BUCKET, name: "data", props: {} }, sseFor("data", kms(CMK, "AES256"))],
            messageId: "sseS3",
            on: "data-sse",
        },
        {
            why: "BucketV2 inline configuration on AES256: the message names the inline path",
            resources: [{ type: BUCKET_V2, name: "data", props: { serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "AES256" }] }] }] } }],
            messageId: "sseS3",
            on: "data",
            includes: ['serverSideEncryptionConfigurations[0].rules[0].applyServerSideEncryptionByDefaults[0].sseAlgorithm is "AES256"'],
        },
        {
            why: "aws:kms without a key uses aws/s3",
            resources: [{ type: BUCKET, name: "data", props: {} }, sseFor("data", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] })],
            messageId: "awsManagedKey",
            on: "data-sse",
            includes: ["kmsMasterKeyId", "not set"],
        },
        { why: "explicit alias/aws/s3", resources: [{ type: BUCKET, name: "data", props: {} }, sseFor("data", kms("alias/aws/s3"))], messageId: "awsManagedKey", on: "data-sse", includes: ["alias/aws/s3"] },
        {
            why: "aws:kms without a key: the message names the key property's path",
            resources: [{ type: BUCKET, name: "data", props: {} }, sseFor("data", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] })],
            messageId: "awsManagedKey",
            on: "data-sse",
            includes: ["rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId is not set"],
        },
        {
            why: "an ALB logging to another bucket does not make this one a log bucket",
            resources: [
                { type: "aws:lb/loadBalancer:LoadBalancer", name: "alb", props: { accessLogs: { bucket: "alb-logs-dev", enabled: true } } },
                { type: BUCKET, name: "data", props: { bucket: "data-dev" } },
                sseFor("data", aes),
            ],
            messageId: "sseS3",
            on: "data-sse",
        },
        {
            why: "a load balancer without access logs does not make a bucket without an explicit name a log bucket",
            resources: [{ type: "aws:lb/loadBalancer:LoadBalancer", name: "alb", props: { loadBalancerType: "application" } }, { type: BUCKET, name: "data", props: {} }, sseFor("data", aes)],
            messageId: "sseS3",
            on: "data-sse",
        },
        {
            why: "inline AES256 on a Bucket",
            resources: [{ type: BUCKET, name: "inline", props: { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } } } }],
            messageId: "sseS3",
            on: "inline",
            includes: ["serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm"],
        },
        {
            why: "configuration for another bucket (literal name) leaves this one on the default",
            resources: [
                { type: BUCKET, name: "a", props: { bucket: "a-dev" } },
                { type: BUCKET, name: "b", props: { bucket: "b-dev" } },
                { type: SSE, name: "b-sse", props: { bucket: "b-dev", ...kms(CMK) } },
            ],
            messageId: "noDefault",
            on: "a",
            count: 1,
        },
        { why: "AES256 configuration for a bucket outside the stack", resources: [{ type: SSE, name: "ext", props: { bucket: "shared-bucket", ...aes } }], messageId: "sseS3", on: "ext" },
        {
            why: "an unknown value elsewhere hides nothing",
            resources: [{ type: BUCKET, name: "ok", props: { bucket: UNKNOWN } }, sseFor("ok", kms()), { type: SSE, name: "loose", props: { bucket: UNKNOWN, rules: UNKNOWN } }, { type: BUCKET, name: "bad", props: { tags: UNKNOWN } }],
            messageId: "noDefault",
            on: "bad",
            count: 1,
        },
        { why: "a bucket without an explicit name is matched on its logical name only (*fin* would match the text 'undefined')", config: { exemptBuckets: ["*fin*"] }, resources: [{ type: BUCKET, name: "data", props: {} }], messageId: "noDefault", on: "data" },
        { why: "a log-bucket exemption for another name does not apply", config: { exemptBuckets: ["audit-*"] }, resources: [{ type: BUCKET, name: "data", props: {} }], messageId: "noDefault", on: "data" },
        { why: "malformed configuration", resources: [{ type: BUCKET, name: "m", props: { serverSideEncryptionConfiguration: { rule: [null, 3] } } }, sseFor("m", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 42 } }] })], messageId: "sseS3", on: "m-sse" },
        {
            why: "secret tag value is not printed",
            resources: [{ type: BUCKET, name: "data", props: { tags: { owner: secret("secret-owner-name") } } }],
            messageId: "noDefault",
            on: "data",
        },
        { why: "aws-native: no bucketEncryption", resources: [{ type: "aws-native:s3:Bucket", name: "nb", props: { bucketName: "orders-dev" } }], messageId: "noDefault", on: "nb", includes: ["bucketEncryption"] },
    ],
};
