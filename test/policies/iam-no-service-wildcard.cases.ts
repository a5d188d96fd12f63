import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/policy:Policy";
const ATTACH = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }] });
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const BUCKET = ["arn:aws:s3:::uploads", "arn:aws:s3:::uploads/*"];
// Seed 004's fix: the failover Lambda's actions, listed one by one.
const failover = { Effect: "Allow", Action: ["rds:DescribeGlobalClusters", "rds:FailoverGlobalCluster", "route53:GetHealthCheckStatus", "cloudwatch:DescribeAlarms"], Resource: "*" };
const policy = (name: string, document: unknown): CaseResource => ({ type: POLICY, name, props: { policy: document } });

export const cases: Cases = {
    valid: [
        { why: "seed 004 fix: specific actions", resources: [policy("failover", doc(failover))] },
        { why: "scoped S3 access on one bucket", resources: [policy("uploads", doc({ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: BUCKET }))] },
        { why: "Deny s3:* is a guard, not a grant", resources: [policy("p", doc({ Effect: "Deny", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }))] },
        { why: "admin statements are left to iam-no-admin-wildcard", resources: [policy("p", doc({ Effect: "Allow", Action: ["*", "s3:*"], Resource: "*" }))] },
        { why: "Action * on unknown resources (object document)", resources: [policy("p", { Statement: [{ Effect: "Allow", Action: "*", Resource: UNKNOWN }] })] },
        { why: "Action * without Resource is malformed, not scoped", resources: [policy("p", doc({ Effect: "Allow", Action: "*" }))] },
        { why: "actions unknown", resources: [policy("p", { Statement: [{ Effect: "Allow", Action: UNKNOWN, Resource: "*" }] })] },
        { why: "document unknown", resources: [policy("p", UNKNOWN)] },
        { why: "s3:* in a boundary-only policy", resources: [policy("boundary", doc({ Effect: "Allow", Action: "s3:*", Resource: "*" })), { type: ROLE, name: "r", props: { assumeRolePolicy: trust }, propertyDependencies: { permissionsBoundary: ["boundary"] } }] },
        { why: "prefix wildcards such as s3:Get* are not service-wide", resources: [policy("p", doc({ Effect: "Allow", Action: ["s3:Get*", "s3:List*"], Resource: BUCKET }))] },
        { why: "read-only managed policy", resources: [{ type: ATTACH, name: "att", props: { role: "r", policyArn: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" } }] },
        { why: "customer policy named like a FullAccess one", resources: [{ type: ATTACH, name: "att", props: { role: "r", policyArn: "arn:aws:iam::111122223333:policy/MyFullAccess" } }] },
        { why: "secret scoped document", resources: [policy("p", secret(doc(failover)))] },
        { why: "NotAction on resources unknown during preview", resources: [policy("p", { Statement: [{ Effect: "Allow", NotAction: "s3:DeleteObject", Resource: UNKNOWN }] })] },
        { why: "NotAction that excludes * grants nothing, whatever else it lists", resources: [policy("p", doc({ Effect: "Allow", NotAction: ["s3:DeleteObject", "*"], Resource: BUCKET }))] },
        { why: "malformed documents do not throw", resources: [policy("a", "{"), policy("b", { Statement: [{ Effect: "Allow", Action: [null, 5], NotAction: {}, Resource: 1 }] }), { type: ROLE, name: "c", props: { inlinePolicies: [{ policy: [] }] } }] },
        { why: "aws-native: RolePolicy with listed actions (document object)", resources: [{ type: "aws-native:iam:RolePolicy", name: "nrp", props: { policyName: "p", roleName: UNKNOWN, policyDocument: { Version: "2012-10-17", Statement: [failover] } } }] },
    ],
    invalid: [
        { why: "s3:* on a bucket", resources: [policy("uploads", doc({ Effect: "Allow", Action: "s3:*", Resource: BUCKET }))], messageId: "serviceWildcard", on: "uploads", includes: ['"s3:*"'] },
        {
            why: "service wildcards among specific actions, inline on a role",
            resources: [{ type: ROLE, name: "task-role", props: { assumeRolePolicy: trust, inlinePolicies: [{ name: "data", policy: doc({ Effect: "Allow", Action: ["dynamodb:*", "logs:PutLogEvents", "SQS:*"], Resource: "*" }) }] } }],
            messageId: "serviceWildcard",
            on: "task-role",
            includes: ["dynamodb:*", "SQS:*", "inlinePolicies[0].policy"],
        },
        { why: "every action on specific resources", resources: [policy("p", doc({ Effect: "Allow", Action: "*", Resource: BUCKET }))], messageId: "allActionsScoped", on: "p", includes: ["arn:aws:s3:::uploads"] },
        { why: "NotAction that excludes IAM, on every resource", resources: [policy("power", doc({ Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" }))], messageId: "notAction", on: "power" },
        { why: "NotAction on specific resources", resources: [policy("p", doc({ Effect: "Allow", NotAction: "s3:DeleteObject", Resource: BUCKET }))], messageId: "notAction", on: "p" },
        { why: "the NotAction message lists what is excluded", resources: [policy("p", doc({ Effect: "Allow", NotAction: ["s3:DeleteObject", "s3:DeleteBucket"], Resource: BUCKET }))], messageId: "notAction", on: "p", includes: ['NotAction ["s3:DeleteObject","s3:DeleteBucket"]'] },
        { why: "AmazonS3FullAccess attached", resources: [{ type: ATTACH, name: "s3-full", props: { role: "r", policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess" } }], messageId: "broadManagedPolicy", on: "s3-full", includes: ["AmazonS3FullAccess"] },
        { why: "a versioned FullAccess policy (AmazonDynamoDBFullAccess_v2)", resources: [{ type: ATTACH, name: "ddb-full", props: { role: "r", policyArn: "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess_v2" } }], messageId: "broadManagedPolicy", on: "ddb-full", includes: ["AmazonDynamoDBFullAccess_v2"] },
        { why: "PowerUserAccess in managedPolicyArns", resources: [{ type: ROLE, name: "r", props: { assumeRolePolicy: trust, managedPolicyArns: ["arn:aws:iam::aws:policy/PowerUserAccess"] } }], messageId: "broadManagedPolicy", on: "r" },
        { why: "secret document: reported, not printed", resources: [policy("p", secret(doc({ Effect: "Allow", Action: "kms:*", Resource: "arn:aws:kms:us-east-1:111122223333:key/secret-key-id-42" })))], messageId: "serviceWildcard", on: "p" },
        { why: "aws-native: ManagedPolicy with s3:* (document object)", resources: [{ type: "aws-native:iam:ManagedPolicy", name: "npol", props: { policyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: BUCKET }] } } }], messageId: "serviceWildcard", on: "npol", includes: ["policyDocument"] },
    ],
};
