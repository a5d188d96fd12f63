import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const POLICY_ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";
const EXCLUSIVE = "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive";
const LAMBDA_BASIC = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
const READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
const DOC = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });

function role(props: Record<string, unknown> = {}): CaseResource {
    return { type: ROLE, name: "fn-role", props: { assumeRolePolicy: "{}", name: UNKNOWN, id: UNKNOWN, ...props } };
}

/** `role: fnRole.name` (unknown at preview), or the role's literal name on state, which carries no dependencies. */
function attachment(name: string, policyArn: unknown, deps = ["fn-role"]): CaseResource {
    return { type: ATTACHMENT, name, props: { role: deps.length > 0 ? UNKNOWN : "fn-role-1a2b", policyArn }, propertyDependencies: { role: deps } };
}

function rolePolicy(name: string, policyName: unknown, deps = ["fn-role"]): CaseResource {
    return { type: ROLE_POLICY, name, props: { role: UNKNOWN, name: policyName, policy: DOC }, propertyDependencies: { role: deps } };
}

export const cases: Cases = {
    valid: [
        { why: "only separate attachments and role policies", resources: [role(), attachment("basic", LAMBDA_BASIC), rolePolicy("read", "read-objects")] },
        { why: "only the role's own lists", resources: [role({ managedPolicyArns: [LAMBDA_BASIC], inlinePolicies: [{ name: "read-objects", policy: DOC }] })] },
        { why: "the role's outputs placeholder for no inline policy", resources: [role({ inlinePolicies: [{ name: "", policy: "" }] }), rolePolicy("read", "read-objects")] },
        { why: "lists unknown during preview", resources: [role({ managedPolicyArns: UNKNOWN, inlinePolicies: UNKNOWN }), attachment("basic", LAMBDA_BASIC), rolePolicy("read", UNKNOWN)] },
        {
            why: "state: role outputs read back what the separate resources manage",
            resources: [
                role({ name: "fn-role-1a2b", id: "fn-role-1a2b", managedPolicyArns: [LAMBDA_BASIC, READ_ONLY], inlinePolicies: [{ name: "read-objects", policy: DOC }] }),
                attachment("basic", LAMBDA_BASIC, []),
                { type: POLICY_ATTACHMENT, name: "ro", props: { roles: ["fn-role-1a2b"], policyArn: READ_ONLY } },
                { ...rolePolicy("read", "read-objects", []), props: { role: "fn-role-1a2b", name: "read-objects", policy: DOC } },
            ],
        },
        { why: "attachment of another role", resources: [role({ managedPolicyArns: [READ_ONLY] }), attachment("basic", LAMBDA_BASIC, ["other-role"]), { type: ROLE, name: "other-role", props: {} }] },
        { why: "secret policy document on the role policy", resources: [role(), { ...rolePolicy("read", "read-objects"), props: { role: UNKNOWN, name: "read-objects", policy: secret(DOC) } }] },
        { why: "malformed lists", resources: [role({ managedPolicyArns: [5, null], inlinePolicies: "x" }), attachment("basic", { arn: LAMBDA_BASIC })] },
    ],
    invalid: [
        {
            why: "managedPolicyArns on the role plus a RolePolicyAttachment",
            resources: [role({ managedPolicyArns: [READ_ONLY] }), attachment("basic", LAMBDA_BASIC)],
            messageId: "managedConflict",
            on: "fn-role",
            count: 1,
            includes: ["managedPolicyArns", "ReadOnlyAccess", "basic"],
        },
        {
            why: "inlinePolicies on the role plus a RolePolicy",
            resources: [role({ inlinePolicies: [{ name: "write-objects", policy: DOC }] }), rolePolicy("read", "read-objects")],
            messageId: "inlineConflict",
            on: "fn-role",
            count: 1,
            includes: ["write-objects", "read"],
        },
        {
            why: "a computed ARN in managedPolicyArns plus an exclusive attachments resource",
            resources: [role({ managedPolicyArns: [UNKNOWN] }), { type: EXCLUSIVE, name: "exclusive", props: { roleName: UNKNOWN, policyArns: [LAMBDA_BASIC] }, propertyDependencies: { roleName: ["fn-role"] } }],
            messageId: "managedConflict",
            on: "fn-role",
            includes: ["computed during deploy", "exclusive"],
        },
        {
            why: "state: a managed ARN no attachment accounts for",
            resources: [role({ name: "fn-role-1a2b", id: "fn-role-1a2b", managedPolicyArns: [LAMBDA_BASIC, READ_ONLY] }), attachment("basic", LAMBDA_BASIC, [])],
            messageId: "managedConflict",
            on: "fn-role",
            includes: ["ReadOnlyAccess"],
        },
        { why: "secret document never printed", resources: [role({ inlinePolicies: [{ name: "write-objects", policy: secret(DOC) }] }), rolePolicy("read", "read-objects")], messageId: "inlineConflict", on: "fn-role" },
    ],
};
