import { Cases, UNKNOWN, secret } from "../tester";

const ALB = "aws:lb/loadBalancer:LoadBalancer";
const TG = "aws:lb/targetGroup:TargetGroup";
const ROLE = "aws:iam/role:Role";
const BUCKET = "aws:s3/bucket:Bucket";
const LAMBDA = "aws:lambda/function:Function";
const CLUSTER = "aws:rds/cluster:Cluster";

export const cases: Cases = {
    valid: [
        { why: "ALB name of 32 characters", type: ALB, props: { name: "payments-alb-primary-pr1234-abcd" } },
        { why: "autonamed ALB (logical name + 7 hex)", type: ALB, name: "api-alb", props: { name: "api-alb-1a2b3c4" } },
        { why: "IAM role of 64 characters", type: ROLE, props: { name: `lambda-exec-${"x".repeat(52)}` } },
        { why: "IAM role name with + = , . @ _", type: ROLE, props: { name: "svc+deploy=ci,eu.role@team_a" } },
        { why: "IAM role prefix of 38 characters", type: ROLE, props: { namePrefix: "p".repeat(38) } },
        { why: "ordinary program: bucket with the environment suffix", type: BUCKET, props: { bucket: "transaction-logs-pr4521-123456789012-us-east-1" } },
        { why: "ordinary program: autonamed bucket", type: BUCKET, name: "logs", props: { bucket: "logs-9f8e7d6", forceDestroy: true } },
        { why: "bucket prefix of 37 characters", type: BUCKET, props: { bucketPrefix: "b".repeat(37) } },
        { why: "Aurora cluster identifier of 63 characters", type: CLUSTER, props: { engine: "aurora-postgresql", clusterIdentifier: `a${"b".repeat(62)}` } },
        { why: "Multi-AZ limit unknown engine: the larger limit applies", type: CLUSTER, props: { engine: UNKNOWN, clusterIdentifier: `a${"b".repeat(60)}` } },
        { why: "Lambda function given as an ARN is not checked", type: LAMBDA, props: { name: "arn:aws:lambda:us-east-1:123456789012:function:payment-processor-dev" } },
        { why: "Lambda name unknown during preview", type: LAMBDA, props: { name: UNKNOWN } },
        { why: "bucket name unknown during preview", type: BUCKET, props: { bucket: UNKNOWN, bucketPrefix: UNKNOWN } },
        { why: "secret but valid name is evaluated", type: ROLE, props: { name: secret("role-with-secret-name") } },
        { why: "target group name within limits", type: TG, props: { name: "api-tg-pr1234", port: 80, protocol: "HTTP" } },
        { why: "type ignored in config", type: ALB, props: { name: "x".repeat(40) }, config: { ignoreTypes: ["aws:lb/*"] } },
        { why: "KMS alias", type: "aws:kms/alias:Alias", props: { name: "alias/financial-db-pr1234" } },
        { why: "ECR repository with a namespace", type: "aws:ecr/repository:Repository", props: { name: "team-a/payments_api" } },
        { why: "FIFO queue name", type: "aws:sqs/queue:Queue", props: { name: "orders-pr12.fifo", fifoQueue: true } },
        { why: "log group name with slashes", type: "aws:cloudwatch/logGroup:LogGroup", props: { name: "/aws/lambda/payment-processor-pr12" } },
        { why: "malformed name (a number) is not judged", type: ALB, props: { name: 12345 } },
        { why: "maxLengths raises a limit AWS raised after the data's date", type: TG, config: { maxLengths: { [TG]: 48 } }, props: { name: "payment-processor-target-group-dev" } },
    ],
    invalid: [
        {
            why: "ALB name over 32 characters",
            type: ALB,
            props: { name: "payment-processing-alb-primary-pr4521" },
            messageId: "tooLong",
            includes: ["37 characters", "at most 32", "load balancer name"],
        },
        { why: "alb token too", type: "aws:alb/loadBalancer:LoadBalancer", props: { name: "payment-processing-alb-primary-pr4521" }, messageId: "tooLong" },
        { why: "target group name over 32", type: TG, props: { name: "payment-processor-target-group-dev" }, messageId: "tooLong", includes: ["target group name"] },
        {
            why: "maxLengths lowers a limit the team wants tighter",
            type: TG,
            config: { maxLengths: { [TG]: 20 } },
            props: { name: "payments-tg-pr4521-blue" },
            messageId: "tooLong",
            includes: ["at most 20"],
        },
        { why: "IAM role over 64", type: ROLE, props: { name: `lambda-execution-role-for-payment-processing-disaster-recovery-pr4521` }, messageId: "tooLong", includes: ["IAM role name", "64"] },
        { why: "Lambda over 64", type: LAMBDA, props: { name: `payment-processor-failover-orchestrator-function-primary-region-pr4521` }, messageId: "tooLong" },
        { why: "RDS cluster identifier over 63", type: CLUSTER, props: { engine: "aurora-postgresql", clusterIdentifier: `a${"b".repeat(63)}` }, messageId: "tooLong", includes: ["63"] },
        {
            why: "Multi-AZ DB cluster identifier over 52",
            type: CLUSTER,
            props: { engine: "postgres", clusterIdentifier: `a${"b".repeat(55)}` },
            messageId: "tooLong",
            includes: ["Multi-AZ DB cluster identifier", "52"],
        },
        {
            why: "autonamed from a long logical name",
            type: ALB,
            name: "payments-public-alb-primary",
            props: { name: "payments-public-alb-primary-0a1b2c3" },
            messageId: "autonameTooLong",
            includes: ["logical name", "24"],
        },
        { why: "bucket name too short", type: BUCKET, props: { bucket: "ab" }, messageId: "tooShort", includes: ["at least 3"] },
        { why: "uppercase bucket name", type: BUCKET, props: { bucket: "Transaction-Logs-dev" }, messageId: "invalidName", includes: ["lowercase"] },
        { why: "bucket name like an IP address", type: BUCKET, props: { bucket: "192.168.5.4" }, messageId: "invalidName", includes: ["IP address"] },
        { why: "bucket name with a reserved suffix", type: BUCKET, props: { bucket: "data-dev-s3alias" }, messageId: "invalidName", includes: ["-s3alias"] },
        { why: "underscore in an autonamed bucket", type: BUCKET, name: "tx_logs", props: { bucket: "tx_logs-4d5e6f7" }, messageId: "autonameInvalid", includes: ["logical name"] },
        { why: "ALB name beginning with internal-", type: ALB, props: { name: "internal-api" }, messageId: "invalidName", includes: ["internal-"] },
        { why: "RDS identifier with a double hyphen", type: CLUSTER, props: { engine: "aurora-mysql", clusterIdentifier: "orders--db" }, messageId: "invalidName" },
        { why: "KMS alias in the reserved namespace", type: "aws:kms/alias:Alias", props: { name: "alias/aws/my-key" }, messageId: "invalidName", includes: ["alias/aws/"] },
        { why: "KMS alias without alias/", type: "aws:kms/alias:Alias", props: { name: "financial-db-key" }, messageId: "invalidName" },
        { why: "target group prefix over 6", type: TG, props: { namePrefix: "api-tg-" }, messageId: "prefixTooLong", includes: ["at most 6", "26-character"] },
        { why: "bucket prefix over 37", type: BUCKET, props: { bucketPrefix: "b".repeat(40) }, messageId: "prefixTooLong", includes: ["at most 37"] },
        { why: "secret name too long: reported, never printed", type: ROLE, props: { name: secret(`role-${"s".repeat(70)}`) }, messageId: "tooLong", includes: ["[secret]"] },
        { why: "ignoring other types keeps this one", type: ALB, props: { name: "x".repeat(40) }, config: { ignoreTypes: ["aws:iam/*"] }, messageId: "tooLong" },
        { why: "OpenSearch domain over 28", type: "aws:opensearch/domain:Domain", props: { domainName: "payments-search-domain-pr4521" }, messageId: "tooLong" },
    ],
};
