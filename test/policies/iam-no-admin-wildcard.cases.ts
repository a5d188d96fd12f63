import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/policy:Policy";
const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] });
const doc = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });
const adminStatement = { Effect: "Allow", Action: "*", Resource: "*" };
// Seed 004's fix: the failover Lambda's actions, listed one by one.
const failover = { Effect: "Allow", Action: ["rds:DescribeGlobalClusters", "rds:FailoverGlobalCluster", "route53:GetHealthCheckStatus", "cloudwatch:DescribeAlarms"], Resource: "*" };
const role = (name: string, props: Record<string, unknown> = {}): CaseResource => ({ type: ROLE, name, props: { assumeRolePolicy: trust, ...props } });
const policy = (name: string, document: unknown): CaseResource => ({ type: POLICY, name, props: { policy: document } });

export const cases: Cases = {
    valid: [
        { why: "seed 004 fix: specific actions", resources: [policy("failover", JSON.stringify(doc(failover)))] },
        { why: "policy document as an object", resources: [policy("failover", doc(failover))] },
        { why: "role with a scoped inline policy", resources: [role("fn-role", { inlinePolicies: [{ name: "logs", policy: JSON.stringify(doc({ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: "arn:aws:logs:*:*:*" })) }] })] },
        { why: "Deny everything is not a grant", resources: [policy("deny-all", doc({ Effect: "Deny", Action: "*", Resource: "*" }))] },
        { why: "every action on one bucket is not admin (iam-no-service-wildcard reports it)", resources: [policy("bucket-admin", doc({ Effect: "Allow", Action: "*", Resource: ["arn:aws:s3:::data", "arn:aws:s3:::data/*"] }))] },
        { why: "NotAction that excludes IAM is not admin", resources: [policy("power-user", doc({ Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" }))] },
        { why: "document unknown during preview", resources: [policy("p", UNKNOWN)] },
        { why: "Statement unknown", resources: [policy("p", { Version: "2012-10-17", Statement: UNKNOWN })] },
        { why: "Action unknown", resources: [policy("p", doc({ Effect: "Allow", Action: UNKNOWN, Resource: "*" }))] },
        { why: "Resource unknown", resources: [policy("p", doc({ Effect: "Allow", Action: "*", Resource: UNKNOWN }))] },
        { why: "Effect unknown", resources: [policy("p", doc({ Effect: UNKNOWN, Action: "*", Resource: "*" }))] },
        { why: "one action unknown, the rest scoped", resources: [policy("p", doc({ Effect: "Allow", Action: ["s3:GetObject", UNKNOWN], Resource: "*" }))] },
        {
            why: "Allow * used only as a permissions boundary grants nothing",
            resources: [policy("boundary", doc(adminStatement, { Effect: "Deny", Action: "iam:*", Resource: "*" })), { ...role("dev-role"), propertyDependencies: { permissionsBoundary: ["boundary"] } }],
        },
        { why: "ReadOnlyAccess is not admin", resources: [{ type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "ro", props: { role: "app", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" } }] },
        { why: "AdministratorAccess-Amplify is a different policy", resources: [role("amplify", { managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess-Amplify"] })] },
        { why: "managed policy ARNs unknown", resources: [role("r", { managedPolicyArns: UNKNOWN, inlinePolicies: UNKNOWN })] },
        { why: "secret document that is scoped", resources: [policy("p", secret(JSON.stringify(doc(failover))))] },
        {
            why: "malformed documents do not throw",
            resources: [
                policy("a", "not json"),
                policy("b", 42),
                policy("c", { Statement: "garbage" }),
                policy("d", { Statement: [null, 1, "x", { Effect: "Allow", Action: { weird: 1 }, Resource: ["*"] }, { Effect: "Allow", NotAction: [{}], Resource: "*" }] }),
                role("e", { inlinePolicies: "garbage", managedPolicyArns: [null, 3] }),
                role("f", { inlinePolicies: [null, { policy: null }, { name: 1, policy: "{" }] }),
            ],
        },
        { why: "aws-native: role with a scoped inline policy document object", resources: [{ type: "aws-native:iam:Role", name: "nrole", props: { assumeRolePolicyDocument: JSON.parse(trust), policies: [{ policyName: "p", policyDocument: doc(failover) }] } }] },
    ],
    invalid: [
        { why: "seed 001/000: Action * on Resource *", resources: [policy("processor-policy", JSON.stringify(doc(adminStatement)))], messageId: "allActions", on: "processor-policy", includes: ['"*"', "Statement[0]"] },
        { why: "document as an object, Statement as a single object", resources: [policy("p", { Version: "2012-10-17", Statement: adminStatement })], messageId: "allActions", on: "p", includes: ["policy Statement "] },
        { why: "*:* with a Sid", resources: [policy("p", doc({ Sid: "AllowAll", Effect: "Allow", Action: ["*:*"], Resource: ["*"] }))], messageId: "allActions", on: "p", includes: ['Sid "AllowAll"', '"*:*"'] },
        { why: "a condition does not make it less than admin", resources: [policy("p", doc({ ...adminStatement, Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }))], messageId: "allActions", on: "p" },
        {
            why: "a wildcard among specific actions: the message names the wildcard and the resources",
            resources: [policy("p", doc({ Effect: "Allow", Action: ["s3:GetObject", "*"], Resource: "*" }))],
            messageId: "allActions",
            on: "p",
            includes: ['allows Action ["*"] on Resource "*":'],
        },
        { why: "Action * with NotResource", resources: [policy("p", doc({ Effect: "Allow", Action: "*", NotResource: "arn:aws:s3:::audit/*" }))], messageId: "allActions", on: "p", includes: ["NotResource"] },
        { why: "all-wildcard ARN as Resource", resources: [policy("p", doc({ Effect: "Allow", Action: "*", Resource: "arn:aws:*:*:*:*" }))], messageId: "allActions", on: "p" },
        {
            why: "role inline policy",
            resources: [role("lambda-role", { inlinePolicies: [{ name: "ok", policy: JSON.stringify(doc(failover)) }, { name: "all", policy: JSON.stringify(doc(adminStatement)) }] })],
            messageId: "allActions",
            on: "lambda-role",
            count: 1,
            includes: ["inlinePolicies[1].policy"],
        },
        { why: "RolePolicy", resources: [{ type: "aws:iam/rolePolicy:RolePolicy", name: "rp", props: { role: UNKNOWN, policy: JSON.stringify(doc(adminStatement)) } }], messageId: "allActions", on: "rp" },
        { why: "UserPolicy", resources: [{ type: "aws:iam/userPolicy:UserPolicy", name: "up", props: { user: "ci", policy: doc(adminStatement) } }], messageId: "allActions", on: "up" },
        { why: "GroupPolicy", resources: [{ type: "aws:iam/groupPolicy:GroupPolicy", name: "gp", props: { group: "devs", policy: doc(adminStatement) } }], messageId: "allActions", on: "gp" },
        { why: "an unknown statement next to it hides nothing", resources: [policy("p", { Statement: [UNKNOWN, adminStatement] })], messageId: "allActions", on: "p", count: 1, includes: ["Statement[1]"] },
        { why: "secret document: reported, not printed", resources: [policy("p", secret(JSON.stringify(doc({ ...adminStatement, Condition: { StringEquals: { "sts:ExternalId": "ext-id-8731" } } }))))], messageId: "allActions", on: "p" },
        {
            why: "a boundary policy that is also attached grants admin",
            resources: [
                policy("boundary", doc(adminStatement)),
                { ...role("r"), propertyDependencies: { permissionsBoundary: ["boundary"] } },
                { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "att", props: { role: UNKNOWN, policyArn: UNKNOWN }, propertyDependencies: { policyArn: ["boundary"] } },
            ],
            messageId: "allActions",
            on: "boundary",
        },
        { why: "Allow with NotAction on every resource", resources: [policy("p", doc({ Effect: "Allow", NotAction: "s3:DeleteBucket", Resource: "*" }))], messageId: "notAction", on: "p", includes: ["s3:DeleteBucket"] },
        { why: "AdministratorAccess through RolePolicyAttachment", resources: [{ type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "admin-att", props: { role: "deployer", policyArn: ADMIN } }], messageId: "administratorAccess", on: "admin-att", includes: [ADMIN] },
        { why: "AdministratorAccess in managedPolicyArns", resources: [role("task-role", { managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", ADMIN] })], messageId: "administratorAccess", on: "task-role", includes: ["managedPolicyArns[1]"] },
        { why: "GovCloud partition", resources: [{ type: "aws:iam/userPolicyAttachment:UserPolicyAttachment", name: "u", props: { user: "ci", policyArn: "arn:aws-us-gov:iam::aws:policy/AdministratorAccess" } }], messageId: "administratorAccess", on: "u" },
        { why: "PolicyAttachment", resources: [{ type: "aws:iam/policyAttachment:PolicyAttachment", name: "pa", props: { roles: ["a"], policyArn: ADMIN } }], messageId: "administratorAccess", on: "pa" },
        { why: "exclusive attachments", resources: [{ type: "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive", name: "ex", props: { roleName: "a", policyArns: [ADMIN] } }], messageId: "administratorAccess", on: "ex" },
        {
            why: "reported once, on the attachment, when the role's outputs also list it",
            resources: [
                role("deployer", { name: "deployer", managedPolicyArns: [ADMIN] }),
                { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "admin-att", props: { role: "deployer", policyArn: ADMIN }, propertyDependencies: { role: ["deployer"] } },
            ],
            messageId: "administratorAccess",
            on: "admin-att",
            count: 1,
        },
        {
            why: "reported once, on the RolePolicy, when the role's outputs also list it",
            resources: [
                role("r", { name: "r", inlinePolicies: [{ name: "all", policy: JSON.stringify(doc(adminStatement)) }] }),
                { type: "aws:iam/rolePolicy:RolePolicy", name: "rp", props: { name: "all", role: "r", policy: JSON.stringify(doc(adminStatement)) } },
            ],
            messageId: "allActions",
            on: "rp",
            count: 1,
        },
        { why: "aws-native: ManagedPolicy document object with Action *", resources: [{ type: "aws-native:iam:ManagedPolicy", name: "npol", props: { policyDocument: doc(adminStatement) } }], messageId: "allActions", on: "npol" },
        { why: "aws-native: Role inline policies[] with Action *", resources: [{ type: "aws-native:iam:Role", name: "nrole", props: { assumeRolePolicyDocument: JSON.parse(trust), policies: [{ policyName: "admin", policyDocument: doc(adminStatement) }] } }], messageId: "allActions", on: "nrole", includes: ["policies[0].policyDocument"] },
    ],
};
