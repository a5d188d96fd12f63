import { Cases, UNKNOWN, secret } from "../tester";

const TABLE = "aws:dynamodb/table:Table";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const POOL = "aws:cognito/userPool:UserPool";

export const cases: Cases = {
    valid: [
        { why: "seed 002 fix: protection off", props: { engine: "aurora-postgresql", deletionProtection: false, skipFinalSnapshot: true } },
        { why: "not set: AWS default is off", props: { engine: "aurora-postgresql" } },
        { why: "string false", props: { deletionProtection: "false" } },
        { why: "unknown during preview", props: { deletionProtection: UNKNOWN } },
        { why: "secret password beside the flag", props: { masterPassword: secret("Tr0ub4dor-and-3"), deletionProtection: false } },
        { why: "DynamoDB table without protection", type: TABLE, props: { hashKey: "id", billingMode: "PAY_PER_REQUEST" } },
        { why: "load balancer with protection off", type: LB, props: { loadBalancerType: "application", enableDeletionProtection: false } },
        { why: "Cognito pool INACTIVE", type: POOL, props: { deletionProtection: "INACTIVE" } },
        { why: "Cognito pool not set", type: POOL, props: { name: "users" } },
        { why: "malformed: word instead of a boolean", props: { deletionProtection: "yes" } },
        { why: "malformed: nested garbage and null", type: TABLE, props: { deletionProtectionEnabled: { on: [true] }, name: null } },
        { why: "a type without deletion protection", type: "aws:s3/bucket:Bucket", props: { deletionProtection: true } },
        { why: "aws-native: protection off", type: "aws-native:rds:DbCluster", props: { engine: "aurora-postgresql", deletionProtection: false } },
        { why: "aws-native: load balancer attributes unknown", type: "aws-native:elasticloadbalancingv2:LoadBalancer", props: { loadBalancerAttributes: UNKNOWN } },
    ],
    invalid: [
        {
            why: "seed 002: Aurora cluster with deletionProtection true in a dev stack",
            props: { engine: "aurora-postgresql", engineVersion: "15.10", deletionProtection: true, skipFinalSnapshot: true },
            messageId: "enabled",
            count: 1,
            includes: ["deletionProtection", "`deletionProtection: "],
        },
        { why: "RDS instance", type: "aws:rds/instance:Instance", props: { deletionProtection: true }, messageId: "enabled" },
        { why: "Aurora global cluster", type: "aws:rds/globalCluster:GlobalCluster", props: { deletionProtection: true }, messageId: "enabled" },
        { why: "DocumentDB cluster", type: "aws:docdb/cluster:Cluster", props: { deletionProtection: true }, messageId: "enabled" },
        { why: "Neptune cluster", type: "aws:neptune/cluster:Cluster", props: { deletionProtection: true }, messageId: "enabled" },
        { why: "DynamoDB table", type: TABLE, props: { deletionProtectionEnabled: true }, messageId: "enabled", includes: ["deletionProtectionEnabled"] },
        { why: "load balancer (aws:lb)", type: LB, props: { enableDeletionProtection: true }, messageId: "enabled", includes: ["enableDeletionProtection"] },
        { why: "load balancer (aws:alb)", type: "aws:alb/loadBalancer:LoadBalancer", props: { enableDeletionProtection: "true" }, messageId: "enabled" },
        { why: "Cognito pool ACTIVE", type: POOL, props: { deletionProtection: "ACTIVE" }, messageId: "enabled", includes: ["ACTIVE", "\"INACTIVE\""] },
        { why: "the message gives the setting that turns protection off", type: "aws:rds/instance:Instance", props: { deletionProtection: true }, messageId: "enabled", includes: ["set `deletionProtection: false`"] },
        { why: "DocumentDB global cluster", type: "aws:docdb/globalCluster:GlobalCluster", props: { deletionProtection: true }, messageId: "enabled" },
        { why: "Neptune global cluster", type: "aws:neptune/globalCluster:GlobalCluster", props: { deletionProtection: true }, messageId: "enabled" },
        { why: "DynamoDB table replica", type: "aws:dynamodb/tableReplica:TableReplica", props: { globalTableArn: UNKNOWN, deletionProtectionEnabled: true }, messageId: "enabled" },
        { why: "Aurora DSQL cluster", type: "aws:dsql/cluster:Cluster", props: { deletionProtectionEnabled: true }, messageId: "enabled" },
        { why: "CloudWatch log group", type: "aws:cloudwatch/logGroup:LogGroup", props: { name: "/app/audit", deletionProtectionEnabled: true }, messageId: "enabled" },
        { why: "EKS cluster", type: "aws:eks/cluster:Cluster", props: { roleArn: UNKNOWN, deletionProtection: true }, messageId: "enabled" },
        { why: "Verified Permissions policy store ENABLED", type: "aws:verifiedpermissions/policyStore:PolicyStore", props: { deletionProtection: "ENABLED" }, messageId: "enabled", includes: ['"DISABLED"'] },
        { why: "secret password beside the flag is not printed", props: { deletionProtection: true, masterPassword: secret("Tr0ub4dor-and-3") }, messageId: "enabled" },
        { why: "ephemeral stack, custom production pattern", stack: "prod-eu", config: { productionStacks: ["live"] }, props: { deletionProtection: true }, messageId: "enabled" },
        { why: "aws-native: DbCluster deletionProtection true (issue 14)", type: "aws-native:rds:DbCluster", props: { engine: "aurora-postgresql", deletionProtection: true }, messageId: "enabled", includes: ["deletionProtection"] },
        { why: "aws-native: DynamoDB table", type: "aws-native:dynamodb:Table", props: { keySchema: [], deletionProtectionEnabled: true }, messageId: "enabled", includes: ["deletionProtectionEnabled"] },
        { why: "aws-native: ALB deletion_protection.enabled attribute", type: "aws-native:elasticloadbalancingv2:LoadBalancer", props: { loadBalancerAttributes: [{ key: "deletion_protection.enabled", value: "true" }] }, messageId: "enabled", includes: ["deletion_protection.enabled"], fixes: false },
    ],
    notApplicable: [
        { why: "production stack by name", stack: "prod", props: { deletionProtection: true } },
        { why: "production stack by tag", stack: "blue", stackTags: { environment: "production" }, props: { deletionProtection: true } },
    ],
};
