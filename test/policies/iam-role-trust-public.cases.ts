import { Cases, UNKNOWN, secret } from "../tester";

const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const obj = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });
const GITHUB_ARN = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
const AUD = { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" };
const github = (condition: unknown, federated: unknown = GITHUB_ARN) => ({ Effect: "Allow", Principal: { Federated: federated }, Action: "sts:AssumeRoleWithWebIdentity", Condition: condition });

export const cases: Cases = {
    valid: [
        { why: "service principal", props: { assumeRolePolicy: doc({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }) } },
        { why: "a trusted account", props: { assumeRolePolicy: doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::210987654321:root" }, Action: "sts:AssumeRole" }) } },
        { why: "Principal * limited to the organization", props: { assumeRolePolicy: doc({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } }) } },
        { why: "GitHub OIDC with a sub pinned to a repository and branch (the twin of a missing sub)", props: { assumeRolePolicy: doc(github({ StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": "repo:example-org/infra:ref:refs/heads/main" } })) } },
        { why: "GitHub OIDC with every repository of one owner", props: { assumeRolePolicy: doc(github({ StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": ["repo:example-org/*"] } })) } },
        { why: "GitHub OIDC with a customized sub claim that names the owner", props: { assumeRolePolicy: doc(github({ StringEquals: { ...AUD, "token.actions.githubusercontent.com:sub": "repository_owner_id:12345:environment:prod" } })) } },
        { why: "OIDC provider ARN unknown, sub pinned (the iam-secrets program)", props: { assumeRolePolicy: obj(github({ StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": "repo:example-org/infra:ref:refs/heads/main" } }, UNKNOWN)) } },
        { why: "another OIDC provider with no GitHub keys is not judged", props: { assumeRolePolicy: obj(github({ StringEquals: { "oidc.eks.us-east-1.amazonaws.com/id/X:sub": "system:serviceaccount:a:b" } }, UNKNOWN)) } },
        { why: "Deny * is not a grant", props: { assumeRolePolicy: doc({ Effect: "Deny", Principal: "*", Action: "sts:AssumeRole" }) } },
        { why: "trust policy unknown during preview", props: { assumeRolePolicy: UNKNOWN } },
        { why: "sub value unknown", props: { assumeRolePolicy: obj(github({ StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": UNKNOWN } })) } },
        { why: "Principal unknown", props: { assumeRolePolicy: obj({ Effect: "Allow", Principal: UNKNOWN, Action: "sts:AssumeRole" }) } },
        { why: "secret trust policy that is scoped", props: { assumeRolePolicy: secret(doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::210987654321:root" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "ext-4471" } } })) } },
        { why: "malformed trust policies do not throw", props: { assumeRolePolicy: "{not json", inlinePolicies: [null] } },
        { why: "malformed statement entries do not throw", props: { assumeRolePolicy: { Statement: [null, 3, "x", { Effect: "Allow", Principal: { AWS: { x: 1 } }, Action: "sts:AssumeRole" }, { Effect: "Allow", Principal: { Federated: 7 }, Condition: [] }] } } },
    ],
    invalid: [
        { why: "anyone may assume the role", props: { assumeRolePolicy: doc({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }) }, messageId: "anyone", includes: ["assumeRolePolicy Statement[0]", "Principal *"] },
        { why: "{AWS: \"*\"} with only an ExternalId (anyone who knows it)", props: { assumeRolePolicy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "abc" } } }) }, messageId: "anyone" },
        { why: "object document, single statement", props: { assumeRolePolicy: { Statement: { Effect: "Allow", Principal: { AWS: ["arn:aws:iam::*:root"] }, Action: "sts:AssumeRole" } } }, messageId: "anyone", includes: ["Statement "] },
        { why: "Allow with NotPrincipal", props: { assumeRolePolicy: doc({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" }) }, messageId: "anyone", includes: ["everyone but NotPrincipal"] },
        { why: "GitHub OIDC with only the aud condition", props: { assumeRolePolicy: doc(github({ StringEquals: AUD })) }, messageId: "githubNoSub", includes: ["token.actions.githubusercontent.com:sub"] },
        { why: "GitHub OIDC with no condition at all", props: { assumeRolePolicy: doc(github(undefined)) }, messageId: "githubNoSub" },
        { why: "provider ARN unknown at preview: GitHub is recognised by its condition keys", props: { assumeRolePolicy: obj(github({ StringEquals: AUD }, UNKNOWN)) }, messageId: "githubNoSub" },
        { why: "sub repo:* matches every repository", props: { assumeRolePolicy: doc(github({ StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": "repo:*" } })) }, messageId: "githubWildcardSub", includes: ["repo:*"] },
        { why: "sub * matches everything", props: { assumeRolePolicy: doc(github({ StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": ["*"] } })) }, messageId: "githubWildcardSub" },
        { why: "sub with a wildcard owner", props: { assumeRolePolicy: doc(github({ StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": "repo:*/infra:*" } })) }, messageId: "githubWildcardSub" },
        { why: "sub only under a negated operator", props: { assumeRolePolicy: doc(github({ StringEquals: AUD, StringNotLike: { "token.actions.githubusercontent.com:sub": "repo:evil/*" } })) }, messageId: "githubNoSub" },
        { why: "secret trust policy: reported, not printed", props: { assumeRolePolicy: secret(doc({ Sid: "shh-sid-9912", Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" })) }, messageId: "anyone" },
    ],
};
