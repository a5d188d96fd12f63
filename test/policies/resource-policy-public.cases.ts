import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const WEBSITE = "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration";
const QUEUE = "aws:sqs/queue:Queue";
const QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy";
const TOPIC = "aws:sns/topic:Topic";
const TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";
const KEY = "aws:kms/key:Key";
const DOMAIN = "aws:opensearch/domain:Domain";
const DOMAIN_POLICY = "aws:opensearch/domainPolicy:DomainPolicy";

const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
// Documents with unknown parts stay objects: a JSON string with an unknown inside is unknown as a whole.
const obj = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });
const publicRead = { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::site/*" };
const denyInsecure = { Sid: "TlsOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::data", "arn:aws:s3:::data/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } };
const bucket = (name: string, props: Record<string, unknown> = {}): CaseResource => ({ type: BUCKET, name, props: { bucket: UNKNOWN, ...props } });
const bucketPolicy = (name: string, policy: unknown, on = "data", extra: Partial<CaseResource> = {}): CaseResource => ({
    type: BUCKET_POLICY,
    name,
    props: { bucket: UNKNOWN, policy },
    propertyDependencies: { bucket: [on] },
    ...extra,
});
const block = (name: string, blockPublicPolicy: unknown, on = "data"): CaseResource => ({
    type: BLOCK,
    name,
    props: { bucket: UNKNOWN, blockPublicAcls: true, blockPublicPolicy, ignorePublicAcls: true, restrictPublicBuckets: blockPublicPolicy },
    propertyDependencies: { bucket: [on] },
});
const queuePolicy = (policy: unknown): CaseResource => ({ type: QUEUE_POLICY, name: "orders-policy", props: { queueUrl: UNKNOWN, policy }, propertyDependencies: { queueUrl: ["orders"] } });

export const cases: Cases = {
    valid: [
        { why: "Deny-* TLS-only bucket policy (the twin of a public Allow)", resources: [bucket("data"), block("data-pab", true), bucketPolicy("data-policy", doc(denyInsecure))] },
        {
            why: "CloudFront read pinned by AWS:SourceArn, plus a TLS deny",
            resources: [
                bucket("data"),
                block("data-pab", true),
                bucketPolicy("data-policy", doc({ Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::data/*", Condition: { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } } }, denyInsecure)),
            ],
        },
        { why: "Principal * limited to the organization", resources: [bucketPolicy("p", doc({ ...publicRead, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } }))] },
        { why: "Principal * limited to a VPC endpoint", resources: [bucketPolicy("p", doc({ ...publicRead, Condition: { StringEquals: { "aws:SourceVpce": "vpce-0abc" } } }))] },
        { why: "Principal * limited to an office CIDR", resources: [bucketPolicy("p", doc({ ...publicRead, Condition: { IpAddress: { "aws:SourceIp": ["203.0.113.0/24"] } } }))] },
        { why: "named account principal", resources: [bucketPolicy("p", doc({ ...publicRead, Principal: { AWS: "arn:aws:iam::123456789012:root" } }))] },
        {
            why: "SNS-to-SQS queue policy pinned by aws:SourceArn (unknown at preview)",
            resources: [{ type: QUEUE, name: "orders", props: {} }, queuePolicy(obj({ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: UNKNOWN, Condition: { ArnEquals: { "aws:SourceArn": UNKNOWN } } }))],
        },
        { why: "SNS default policy: AWS * pinned by AWS:SourceOwner", resources: [{ type: TOPIC, name: "t", props: { policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: ["SNS:Publish"], Resource: "arn:aws:sns:us-east-1:123456789012:t", Condition: { StringEquals: { "AWS:SourceOwner": "123456789012" } } }) } }] },
        { why: "KMS key policy: AWS * pinned by kms:CallerAccount (the EBS default-key pattern)", resources: [{ type: KEY, name: "k", props: { policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: ["kms:Decrypt"], Resource: "*", Condition: { StringEquals: { "kms:CallerAccount": "123456789012", "kms:ViaService": "ec2.us-east-1.amazonaws.com" } } }) } }] },
        { why: "website bucket is public by design; its block allows it and the policy depends on it", resources: [bucket("site"), { type: WEBSITE, name: "site-web", props: { bucket: UNKNOWN }, propertyDependencies: { bucket: ["site"] } }, block("site-pab", false, "site"), bucketPolicy("site-policy", doc(publicRead), "site", { dependencies: ["site-pab"] })] },
        { why: "OpenSearch domain in a VPC with an open access policy", resources: [{ type: DOMAIN, name: "search", props: { vpcOptions: { subnetIds: ["subnet-1"] }, accessPolicies: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "es:*", Resource: "*" }) } }] },
        { why: "OpenSearch domain with fine-grained access control", resources: [{ type: DOMAIN, name: "search", props: { advancedSecurityOptions: { enabled: true }, accessPolicies: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "es:*", Resource: "*" }) } }] },
        { why: "DomainPolicy for a domain not in the stack: no verdict", resources: [{ type: DOMAIN_POLICY, name: "dp", props: { domainName: "elsewhere", accessPolicies: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "es:*", Resource: "*" }) } }] },
        { why: "queue policy output on the Queue is reported on the QueuePolicy only", resources: [{ type: QUEUE, name: "orders", props: { url: "https://sqs/orders", policy: doc({ Effect: "Allow", Principal: "*", Action: "sqs:*", Resource: "*", Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } } }) } }, queuePolicy(doc({ Effect: "Allow", Principal: "*", Action: "sqs:*", Resource: "*", Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } } }))] },
        { why: "policy unknown during preview", resources: [bucketPolicy("p", UNKNOWN)] },
        { why: "Principal unknown", resources: [bucketPolicy("p", obj({ ...publicRead, Principal: UNKNOWN }))] },
        { why: "AWS principal list with an unknown entry", resources: [bucketPolicy("p", obj({ ...publicRead, Principal: { AWS: [UNKNOWN] } }))] },
        { why: "condition value unknown", resources: [bucketPolicy("p", obj({ ...publicRead, Condition: { StringEquals: { "aws:SourceAccount": UNKNOWN } } }))] },
        { why: "Effect unknown", resources: [bucketPolicy("p", obj({ ...publicRead, Effect: UNKNOWN }))] },
        { why: "block flag unknown: no deploy verdict (the website bucket's policy is public by design)", resources: [bucket("site", { website: { indexDocument: "index.html" } }), block("site-pab", UNKNOWN, "site"), bucketPolicy("site-policy", doc(publicRead), "site")] },
        { why: "secret policy that is scoped", resources: [bucketPolicy("p", secret(doc({ ...publicRead, Principal: { AWS: "arn:aws:iam::123456789012:role/reader" } })))] },
        {
            why: "malformed documents do not throw",
            resources: [
                bucketPolicy("a", "{not json"),
                bucketPolicy("b", 42),
                bucketPolicy("c", { Statement: "garbage" }),
                bucketPolicy("d", { Statement: [null, 1, { Effect: "Allow", Principal: { AWS: { x: 1 } }, Action: "s3:*" }, { Effect: "Alow", Principal: "*", Action: "s3:*" }] }),
                { type: TOPIC, name: "t", props: { policy: doc({ Effect: "Allow", Principal: "*", Action: "sns:Publish", Condition: { StringEquals: { "aws:SourceOwner": "123456789012" }, Bool: [1], 3: null } }) } },
                { type: TOPIC, name: "u", props: { policy: "[]" } },
            ],
        },
    ],
    invalid: [
        { why: "public read on a bucket with no condition", resources: [bucket("data"), block("data-pab", false), bucketPolicy("data-policy", doc(publicRead), "data", { dependencies: ["data-pab"] })], messageId: "publicPolicy", on: "data-policy", count: 1, includes: ["Principal *", "s3:GetObject", "bucket"] },
        { why: "a malformed Condition limits nothing", resources: [bucketPolicy("p", doc({ ...publicRead, Condition: "garbage" }))], messageId: "publicPolicy", on: "p" },
        { why: "aws:SecureTransport limits how, not who", resources: [bucketPolicy("p", doc({ ...publicRead, Condition: { Bool: { "aws:SecureTransport": "true" } } }))], messageId: "publicPolicy", on: "p" },
        { why: "{AWS: \"*\"} as an object document", resources: [bucketPolicy("p", { Version: "2012-10-17", Statement: { ...publicRead, Principal: { AWS: "*" } } })], messageId: "publicPolicy", on: "p", includes: ['{"AWS":"*"}'] },
        { why: "arn:aws:iam::*:root", resources: [bucketPolicy("p", doc({ ...publicRead, Principal: { AWS: ["arn:aws:iam::*:root"] } }))], messageId: "publicPolicy", on: "p" },
        { why: "aws:SourceIp 0.0.0.0/0 is everyone", resources: [bucketPolicy("p", doc({ ...publicRead, Condition: { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } } }))], messageId: "publicPolicy", on: "p" },
        { why: "a wildcard aws:SourceAccount is not fixed", resources: [bucketPolicy("p", doc({ ...publicRead, Condition: { StringLike: { "aws:SourceAccount": "*" } } }))], messageId: "publicPolicy", on: "p" },
        { why: "a negated operator does not limit who", resources: [bucketPolicy("p", doc({ ...publicRead, Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-abc" } } }))], messageId: "publicPolicy", on: "p" },
        { why: "an IfExists operator lets callers without the key through", resources: [bucketPolicy("p", doc({ ...publicRead, Condition: { StringEqualsIfExists: { "aws:SourceVpce": "vpce-1" } } }))], messageId: "publicPolicy", on: "p" },
        { why: "Allow with NotPrincipal", resources: [bucketPolicy("p", doc({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "s3:GetObject", Resource: "*" }))], messageId: "publicPolicy", on: "p", includes: ["NotPrincipal"] },
        { why: "public queue policy", resources: [{ type: QUEUE, name: "orders", props: {} }, queuePolicy(doc({ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*" }))], messageId: "publicPolicy", on: "orders-policy", includes: ["queue"] },
        { why: "public topic policy", resources: [{ type: TOPIC_POLICY, name: "tp", props: { arn: UNKNOWN, policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sns:Subscribe", Resource: "*" }) } }], messageId: "publicPolicy", on: "tp", includes: ["topic"] },
        { why: "public KMS key policy", resources: [{ type: KEY, name: "k", props: { policy: doc({ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }) } }], messageId: "publicPolicy", on: "k", includes: ["KMS key"] },
        { why: "public ECR repository policy", resources: [{ type: "aws:ecr/repositoryPolicy:RepositoryPolicy", name: "rp", props: { repository: "app", policy: doc({ Effect: "Allow", Principal: "*", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] }) } }], messageId: "publicPolicy", on: "rp", includes: ["ecr:BatchGetImage"] },
        { why: "public secret policy", resources: [{ type: "aws:secretsmanager/secretPolicy:SecretPolicy", name: "sp", props: { secretArn: UNKNOWN, policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "secretsmanager:GetSecretValue", Resource: "*" }) } }], messageId: "publicPolicy", on: "sp", includes: ["secret"] },
        { why: "open OpenSearch domain outside a VPC without fine-grained access control", resources: [{ type: DOMAIN, name: "search", props: { domainName: "search", accessPolicies: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "es:*", Resource: "*" }) } }], messageId: "publicPolicy", on: "search" },
        { why: "DomainPolicy for a public domain in the stack, by literal name", resources: [{ type: DOMAIN, name: "search", props: { domainName: "search" } }, { type: DOMAIN_POLICY, name: "dp", props: { domainName: "search", accessPolicies: doc({ Effect: "Allow", Principal: "*", Action: "es:ESHttpGet", Resource: "*" }) } }], messageId: "publicPolicy", on: "dp", count: 1 },
        { why: "secret document: reported, not printed", resources: [bucketPolicy("p", secret(doc({ ...publicRead, Sid: "s3cr3t-sid-value" })))], messageId: "publicPolicy", on: "p" },
        { why: "an unknown statement next to it hides nothing", resources: [bucketPolicy("p", { Statement: [UNKNOWN, publicRead] })], messageId: "publicPolicy", on: "p", includes: ["Statement[1]"] },
        { why: "public policy on a bucket whose block sets blockPublicPolicy: PutBucketPolicy is denied", resources: [bucket("data"), block("data-pab", true), bucketPolicy("data-policy", doc(publicRead))], messageId: "blockedByAccessBlock", on: "data-policy", includes: ["data-pab", "AccessDenied"] },
        { why: "website bucket: not reported as public, but the blocking block breaks the deploy", resources: [bucket("site"), { type: WEBSITE, name: "site-web", props: { bucket: "site-bucket" } }, { type: BLOCK, name: "site-pab", props: { bucket: "site-bucket", blockPublicPolicy: true } }, { type: BUCKET_POLICY, name: "site-policy", props: { bucket: "site-bucket", policy: doc(publicRead) } }], messageId: "blockedByAccessBlock", on: "site-policy", count: 1 },
        { why: "block correlated by literal bucket name", resources: [{ type: BLOCK, name: "pab", props: { bucket: "logs-bucket", blockPublicPolicy: "true" } }, { type: BUCKET_POLICY, name: "bp", props: { bucket: "logs-bucket", policy: doc(publicRead) } }], messageId: "blockedByAccessBlock", on: "bp" },
        { why: "account-level block", resources: [{ type: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", name: "account", props: { blockPublicPolicy: true } }, bucketPolicy("bp", doc(publicRead))], messageId: "blockedByAccessBlock", on: "bp", includes: ["account"] },
        { why: "inline bucket policy with a blocking block", resources: [bucket("data", { policy: doc(publicRead) }), block("data-pab", true)], messageId: "blockedByAccessBlock", on: "data" },
        { why: "new website bucket without a block: S3's default Block Public Access refuses the policy", resources: [bucket("data", { website: { indexDocument: "index.html" } }), bucketPolicy("data-policy", doc(publicRead))], messageId: "blockedByDefault", on: "data-policy", level: "advisory", includes: ["April 2023"] },
        { why: "a block that allows public policies, but the policy does not depend on it", resources: [bucket("site", { website: { indexDocument: "index.html" } }), block("site-pab", false, "site"), bucketPolicy("site-policy", doc(publicRead), "site")], messageId: "racesAccessBlock", on: "site-policy", level: "advisory", count: 1 },
    ],
};
