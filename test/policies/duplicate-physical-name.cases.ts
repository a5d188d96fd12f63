import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const ROLE = "aws:iam/role:Role";
const LAMBDA = "aws:lambda/function:Function";
const BUCKET = "aws:s3/bucket:Bucket";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const ALIAS = "aws:kms/alias:Alias";

/** The second of a pair: created after the first (it depends on it), so its create is the one that fails. */
function second(type: string, name: string, props: Record<string, unknown>, first: string, extra: Partial<CaseResource> = {}): CaseResource {
    return { type, name, props, dependencies: [first], ...extra };
}

export const cases: Cases = {
    valid: [
        {
            why: "ordinary program: names carry the region, one per provider",
            resources: [
                { type: LAMBDA, name: "failover-primary", props: { name: "failover-pr12-us-east-1", region: "us-east-1" } },
                { type: LAMBDA, name: "failover-dr", props: { name: "failover-pr12-us-west-2", region: "us-west-2" } },
            ],
        },
        {
            why: "same Lambda name in two regions is allowed",
            resources: [
                { type: LAMBDA, name: "a", props: { name: "failover-pr12", region: "us-east-1" } },
                { type: LAMBDA, name: "b", props: { name: "failover-pr12", region: "us-west-2" } },
            ],
        },
        {
            why: "autonamed resources never collide",
            resources: [
                { type: ROLE, name: "lambda-role", props: { name: "lambda-role-1a2b3c4" } },
                { type: ROLE, name: "lambda-role-dr", props: { name: "lambda-role-dr-5d6e7f8" } },
            ],
        },
        {
            why: "names unknown during preview",
            resources: [
                { type: BUCKET, name: "a", props: { bucket: UNKNOWN } },
                { type: BUCKET, name: "b", props: { bucket: UNKNOWN } },
            ],
        },
        {
            why: "region unknown: cannot tell",
            resources: [
                { type: LAMBDA, name: "a", props: { name: "f", region: "us-east-1" } },
                { type: LAMBDA, name: "b", props: { name: "f", region: UNKNOWN } },
            ],
        },
        {
            why: "security groups with the same name in different VPCs",
            resources: [
                { type: "aws:ec2/vpc:Vpc", name: "primary", props: { cidrBlock: "10.0.0.0/16" } },
                { type: "aws:ec2/vpc:Vpc", name: "dr", props: { cidrBlock: "10.1.0.0/16" } },
                { type: SG, name: "app-sg-primary", props: { name: "app-sg", vpcId: UNKNOWN }, propertyDependencies: { vpcId: ["primary"] } },
                { type: SG, name: "app-sg-dr", props: { name: "app-sg", vpcId: UNKNOWN }, propertyDependencies: { vpcId: ["dr"] } },
            ],
        },
        {
            why: "same name, different types",
            resources: [
                { type: ROLE, name: "a", props: { name: "payments-pr12" } },
                { type: LAMBDA, name: "b", props: { name: "payments-pr12" } },
            ],
        },
        {
            why: "idempotent create APIs (SNS topics) are not checked",
            resources: [
                { type: "aws:sns/topic:Topic", name: "a", props: { name: "alerts" } },
                { type: "aws:sns/topic:Topic", name: "b", props: { name: "alerts" } },
            ],
        },
        {
            why: "secret names that differ",
            resources: [
                { type: ROLE, name: "a", props: { name: secret("role-secret-one") } },
                { type: ROLE, name: "b", props: { name: secret("role-secret-two") } },
            ],
        },
        { why: "malformed names", resources: [{ type: ROLE, name: "a", props: { name: 42 } }, { type: ROLE, name: "b", props: { name: 42 } }] },
        {
            why: "security groups with the same name in two VPCs given by id",
            resources: [
                { type: SG, name: "app-sg-a", props: { name: "app-sg", vpcId: "vpc-0a1b2c3d4e5f60001" } },
                { type: SG, name: "app-sg-b", props: { name: "app-sg", vpcId: "vpc-0a1b2c3d4e5f60002" } },
            ],
        },
        {
            why: "vpcId unknown and not traced to a VPC: cannot tell",
            resources: [
                { type: SG, name: "app-sg-a", props: { name: "app-sg", vpcId: UNKNOWN } },
                { type: SG, name: "app-sg-b", props: { name: "app-sg", vpcId: UNKNOWN } },
            ],
        },
        { why: "malformed vpcId", resources: [{ type: SG, name: "a", props: { name: "app-sg", vpcId: 5 } }, { type: SG, name: "b", props: { name: "app-sg", vpcId: 5 } }] },
        {
            why: "IAM roles with the same name through providers for two accounts",
            resources: [
                { type: ROLE, name: "deployer-prod", props: { name: "deployer" }, provider: { name: "prod", props: { region: "us-east-1", profile: "prod" } } },
                { type: ROLE, name: "deployer-staging", props: { name: "deployer" }, provider: { name: "staging", props: { region: "us-east-1", profile: "staging" } } },
            ],
        },
        // Any of the provider settings that choose the credentials tells two accounts apart.
        ...(
            [
                ["accessKey", secret("AKIAEXAMPLEPROD00001"), secret("AKIAEXAMPLESTAGE0002")],
                ["assumeRoleWithWebIdentity", { roleArn: "arn:aws:iam::111111111111:role/ci-deploy" }, { roleArn: "arn:aws:iam::222222222222:role/ci-deploy" }],
                ["sharedCredentialsFiles", ["~/.aws/prod-credentials"], ["~/.aws/staging-credentials"]],
                ["sharedConfigFiles", ["~/.aws/prod-config"], ["~/.aws/staging-config"]],
                ["token", secret("session-token-prod-0001"), secret("session-token-stage-0002")],
            ] as const
        ).map(([setting, a, b]) => ({
            why: `IAM roles with the same name through providers with different ${setting}`,
            resources: [
                { type: ROLE, name: "deployer-a", props: { name: "deployer" }, provider: { name: "a", props: { region: "us-east-1", [setting]: a } } },
                { type: ROLE, name: "deployer-b", props: { name: "deployer" }, provider: { name: "b", props: { region: "us-east-1", [setting]: b } } },
            ],
        })),
        {
            why: "provider credentials unknown during preview: the accounts cannot be compared",
            resources: [
                { type: ROLE, name: "a", props: { name: "deployer" }, provider: { name: "p1", props: { assumeRoles: UNKNOWN } } },
                { type: ROLE, name: "b", props: { name: "deployer" }, provider: { name: "p2", props: { assumeRoles: UNKNOWN } } },
            ],
        },
        {
            why: "both regions unknown during preview",
            resources: [
                { type: LAMBDA, name: "a", props: { name: "f", region: UNKNOWN } },
                { type: LAMBDA, name: "b", props: { name: "f", region: UNKNOWN } },
            ],
        },
        { why: "aws-native: two autonamed buckets", resources: [{ type: "aws-native:s3:Bucket", name: "a", props: {} }, { type: "aws-native:s3:Bucket", name: "b", props: { bucketName: UNKNOWN } }] },
    ],
    invalid: [
        {
            why: "seed: the same KMS alias created twice",
            resources: [
                { type: ALIAS, name: "db-key-alias", props: { name: "alias/financial-db-pr12" } },
                second(ALIAS, "db-key-alias-2", { name: "alias/financial-db-pr12" }, "db-key-alias"),
            ],
            messageId: "duplicate",
            on: "db-key-alias-2",
            count: 1,
            includes: ["alias/financial-db-pr12", "db-key-alias (aws:kms/alias:Alias)", "per account and region"],
        },
        {
            why: "IAM role names are global to the account, even across regions",
            resources: [
                { type: ROLE, name: "lambda-role", props: { name: "failover-lambda-role", region: "us-east-1" } },
                second(ROLE, "lambda-role-dr", { name: "failover-lambda-role", region: "us-west-2" }, "lambda-role"),
            ],
            messageId: "duplicate",
            on: "lambda-role-dr",
            includes: ["unique in the AWS account"],
        },
        {
            why: "IAM names differ only in case",
            resources: [{ type: ROLE, name: "a", props: { name: "AppRole" } }, second(ROLE, "b", { name: "approle" }, "a")],
            messageId: "duplicate",
            on: "b",
        },
        {
            why: "S3 bucket names are global: Bucket and BucketV2 in two regions",
            resources: [
                { type: BUCKET, name: "logs-primary", props: { bucket: "transaction-logs-pr12", region: "us-east-1" } },
                { type: "aws:s3/bucketV2:BucketV2", name: "logs-dr", props: { bucket: "transaction-logs-pr12", region: "us-west-2" } },
            ],
            messageId: "duplicate",
            on: "logs-dr",
            includes: ["every AWS account and region"],
        },
        {
            why: "security groups with the same name in the same VPC",
            resources: [
                { type: "aws:ec2/vpc:Vpc", name: "main", props: { cidrBlock: "10.0.0.0/16" } },
                { type: SG, name: "app-sg", props: { name: "app", vpcId: UNKNOWN }, propertyDependencies: { vpcId: ["main"] } },
                second(SG, "app-sg-2", { name: "app", vpcId: UNKNOWN }, "app-sg", { propertyDependencies: { vpcId: ["main"] } }),
            ],
            messageId: "duplicate",
            on: "app-sg-2",
            includes: ["unique per VPC"],
        },
        {
            why: "secret duplicate name is never printed",
            resources: [{ type: LAMBDA, name: "a", props: { name: secret("secret-fn-name-xyz") } }, second(LAMBDA, "b", { name: secret("secret-fn-name-xyz") }, "a")],
            messageId: "duplicate",
            on: "b",
            includes: ["[secret]"],
        },
        {
            why: "security groups with the same name in the same VPC given by id",
            resources: [
                { type: SG, name: "app-sg", props: { name: "app", vpcId: "vpc-0a1b2c3d4e5f60001" } },
                second(SG, "app-sg-2", { name: "app", vpcId: "vpc-0a1b2c3d4e5f60001" }, "app-sg"),
            ],
            messageId: "duplicate",
            on: "app-sg-2",
        },
        {
            why: "security groups with the same name, both in the default VPC (no vpcId)",
            resources: [{ type: SG, name: "web", props: { name: "web" } }, second(SG, "web-2", { name: "web" }, "web")],
            messageId: "duplicate",
            on: "web-2",
        },
        {
            why: "an empty vpcId is the default VPC too",
            resources: [{ type: SG, name: "web", props: { name: "web" } }, second(SG, "web-2", { name: "web", vpcId: "" }, "web")],
            messageId: "duplicate",
            on: "web-2",
        },
        {
            why: "a null vpcId (as export files write an unset input) is the default VPC",
            resources: [{ type: SG, name: "web", props: { name: "web" } }, second(SG, "web-2", { name: "web", vpcId: null }, "web")],
            messageId: "duplicate",
            on: "web-2",
        },
        {
            why: "S3 bucket names collide even through providers for two accounts",
            resources: [
                { type: BUCKET, name: "logs-prod", props: { bucket: "acme-logs" }, provider: { name: "prod", props: { profile: "prod" } } },
                second(BUCKET, "logs-staging", { bucket: "acme-logs" }, "logs-prod", { provider: { name: "staging", props: { profile: "staging" } } }),
            ],
            messageId: "duplicate",
            on: "logs-staging",
        },
        {
            why: "RDS instance and cluster instance share the DB instance namespace",
            resources: [
                { type: "aws:rds/instance:Instance", name: "db", props: { identifier: "orders-db-pr12" } },
                second("aws:rds/clusterInstance:ClusterInstance", "db-1", { identifier: "orders-db-pr12" }, "db"),
            ],
            messageId: "duplicate",
            on: "db-1",
        },
        { why: "mixed providers: a classic and an aws-native bucket with one name", resources: [{ type: BUCKET, name: "classic", props: { bucket: "shared-dev" } }, { type: "aws-native:s3:Bucket", name: "native", props: { bucketName: "shared-dev" } }], messageId: "duplicate", on: "native", includes: ["bucketName"] },
    ],
};
