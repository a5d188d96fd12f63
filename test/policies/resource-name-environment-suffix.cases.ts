import { Cases, UNKNOWN, secret } from "../tester";

const QUEUE = "aws:sqs/queue:Queue";
const ALIAS = "aws:kms/alias:Alias";
const AURORA = "aws:rds/cluster:Cluster";
const PR = { ENVIRONMENT_SUFFIX: "pr123" };

export const cases: Cases = {
    valid: [
        { why: "bucket name carries ENVIRONMENT_SUFFIX", env: PR, props: { bucket: "tx-logs-pr123" } },
        { why: "no physical name: Pulumi autonames it", env: PR, props: { acl: "private" } },
        { why: "name Pulumi autonamed from the logical name", type: QUEUE, name: "orders", env: PR, props: { name: "orders-3f9a2c1" } },
        { why: "lowercased S3 autoname of a mixed-case logical name", name: "TxLogs", env: PR, props: { bucket: "txlogs-1a2b3c4" } },
        { why: "name unknown during preview", env: PR, props: { bucket: UNKNOWN } },
        { why: "case-insensitive match", env: { ENVIRONMENT_SUFFIX: "PR123" }, props: { bucket: "logs-pr123" } },
        { why: "config suffix wins over ENVIRONMENT_SUFFIX", env: PR, config: { environmentSuffix: "qa7" }, props: { bucket: "logs-qa7" } },
        { why: "stack name when nothing else is set", stack: "feature-x", props: { bucket: "logs-feature-x" } },
        { why: "KMS alias with the suffix", type: ALIAS, env: PR, props: { name: "alias/financial-db-pr123", targetKeyId: UNKNOWN } },
        { why: "prefix check turned off: AWS adds a unique part", type: QUEUE, env: PR, config: { requireInPrefixes: false }, props: { namePrefix: "orders-" } },
        { why: "prefix carrying the suffix", type: QUEUE, env: PR, props: { namePrefix: "orders-pr123-" } },
        { why: "short suffix standing apart", type: QUEUE, stack: "qa", props: { name: "orders_qa2" } },
        { why: "ignored type glob", type: "aws:iam/role:Role", env: PR, config: { ignoreTypes: ["aws:iam/*"] }, props: { name: "shared-ci-role" } },
        { why: "ignored physical name glob", type: "aws:sns/topic:Topic", env: PR, config: { ignoreNames: ["shared-*"] }, props: { name: "shared-alerts" } },
        { why: "secret name that carries the suffix", env: PR, props: { bucket: secret("db-dump-pr123") } },
        { why: "Cognito user pool names need not be unique", type: "aws:cognito/userPool:UserPool", env: PR, props: { name: "users" } },
        { why: "malformed: number as name", env: PR, props: { bucket: 42 } },
        { why: "malformed: object and null", type: QUEUE, env: PR, props: { name: { nested: ["garbage"] }, namePrefix: null } },
        {
            why: "seed 002 Aurora cluster named with the suffix",
            type: AURORA,
            env: PR,
            props: { clusterIdentifier: "financial-db-cluster-pr123", engine: "aurora-postgresql", engineVersion: "15.10", deletionProtection: false, skipFinalSnapshot: true },
        },
        { why: "Lambda function named with the suffix", type: "aws:lambda/function:Function", env: PR, props: { name: "cdr-processor-pr123", runtime: "nodejs20.x" } },
        { why: "ordinary program: autonamed DynamoDB table", type: "aws:dynamodb/table:Table", name: "table", props: { name: "table-ab12cd3", hashKey: "id", billingMode: "PAY_PER_REQUEST" } },
    ],
    invalid: [
        {
            why: "seed 002: KMS alias without the suffix",
            type: ALIAS,
            env: PR,
            props: { name: "alias/financial-db", targetKeyId: UNKNOWN },
            messageId: "missingSuffix",
            count: 1,
            includes: ["name", "alias/financial-db", "pr123", "ENVIRONMENT_SUFFIX"],
        },
        {
            why: "seed 002: Aurora cluster identifier without the suffix",
            type: AURORA,
            env: PR,
            props: { clusterIdentifier: "financial-db-cluster", engine: "aurora-postgresql" },
            messageId: "missingSuffix",
            includes: ["clusterIdentifier"],
        },
        { why: "seed 001: DynamoDB table without the suffix", type: "aws:dynamodb/table:Table", env: PR, props: { name: "cdr-records" }, messageId: "missingSuffix" },
        { why: "stack name fallback", stack: "feature-x", props: { bucket: "tx-logs" }, messageId: "missingSuffix", includes: ["feature-x", "stack name"] },
        {
            why: "config suffix is the one that counts",
            env: PR,
            config: { environmentSuffix: "qa7" },
            props: { bucket: "logs-pr123" },
            messageId: "missingSuffix",
            includes: ["qa7", "policy config environmentSuffix"],
        },
        { why: "a name AWS builds from a prefix counts too", type: QUEUE, env: PR, props: { namePrefix: "orders-" }, messageId: "prefixMissingSuffix", includes: ["namePrefix"] },
        { why: "a short suffix inside a word does not count (\"dev\" in \"device\")", type: QUEUE, stack: "dev", props: { name: "device-events" }, messageId: "missingSuffix" },
        { why: "secret name is not printed", env: PR, props: { bucket: secret("internal-archive-bucket") }, messageId: "missingSuffix", includes: ["[secret]"] },
        { why: "random-looking tail of another logical name", type: QUEUE, name: "orders", env: PR, props: { name: "payments-3f9a2c1" }, messageId: "missingSuffix" },
        { why: "a word after the logical name is not Pulumi's random part", type: QUEUE, name: "orders", env: PR, props: { name: "orders-service" }, messageId: "missingSuffix" },
        { why: "Lambda function name", type: "aws:lambda/function:Function", env: PR, props: { name: "cdr-processor" }, messageId: "missingSuffix" },
        { why: "ALB token", type: "aws:alb/loadBalancer:LoadBalancer", env: PR, props: { name: "app-lb" }, messageId: "missingSuffix" },
        { why: "OpenSearch domainName", type: "aws:opensearch/domain:Domain", env: PR, props: { domainName: "search" }, messageId: "missingSuffix", includes: ["domainName"] },
        { why: "ignoreNames does not match", env: PR, config: { ignoreNames: ["shared-*"] }, props: { bucket: "team-bucket" }, messageId: "missingSuffix" },
    ],
};
