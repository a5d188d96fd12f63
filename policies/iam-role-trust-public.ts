import type * as aws from "@pulumi/aws";
import { PrincipalStatement, ROLE, grantsAnyone, principalStatementsOf } from "../lib/iam";
import { definePolicy } from "../lib/policy";
import { asArray, asString, isRecord, isUnknown } from "../lib/values";

const TRUST: keyof aws.iam.RoleArgs = "assumeRolePolicy";
const GITHUB = "token.actions.githubusercontent.com";
const SUB = `${GITHUB}:sub`;

/** Whether the statement trusts GitHub's OIDC provider: by its Federated ARN, or (ARN unknown at preview) by its condition keys. */
function trustsGithub(s: PrincipalStatement): boolean {
    const federated = isRecord(s.principal) ? asArray(s.principal.Federated) : [];
    if (federated.some((f) => asString(f)?.endsWith(`oidc-provider/${GITHUB}`))) return true;
    if (!federated.some(isUnknown)) return false;
    return isRecord(s.condition) && Object.values(s.condition).some((block) => isRecord(block) && Object.keys(block).some((k) => k.toLowerCase().startsWith(`${GITHUB}:`)));
}

/** A sub pattern that pins the repository owner ("repo:org/app:ref:refs/heads/main", "repo:org/*"), not "*" or "repo:*". */
function pinsOwner(value: string): boolean {
    const v = value.trim();
    if (v.startsWith("repo:")) return /^repo:[^*?/]+\//.test(v);
    // A customized sub claim ("repository_owner_id:123:..."): something fixed after the first claim name.
    const fixed = v.split(/[*?]/)[0];
    return /^[^:]+:[^:*?]+/.test(fixed);
}

/** The sub condition's verdict: missing, or its values when none pins the owner; undefined when pinned or unknown. */
function subProblem(condition: unknown): { missing: true } | { missing: false; values: unknown[] } | undefined {
    if (isUnknown(condition)) return undefined;
    const seen: unknown[] = [];
    for (const [operator, block] of Object.entries(isRecord(condition) ? condition : {})) {
        if (isUnknown(block)) return undefined;
        if (!isRecord(block) || /not|ifexists|null/i.test(operator)) continue;
        for (const [key, raw] of Object.entries(block)) {
            if (key.toLowerCase() !== SUB) continue;
            const values = asArray(raw);
            if (isUnknown(raw) || values.some(isUnknown)) return undefined;
            seen.push(...values);
            if (values.length > 0 && values.every((v) => typeof v === "string" && pinsOwner(v))) return undefined;
        }
    }
    return seen.length > 0 ? { missing: false, values: seen } : { missing: true };
}

export default definePolicy({
    kind: "resource",
    name: "iam-role-trust-public",
    family: "iam",
    description: "No role trust policy lets anyone assume the role: `Principal: \"*\"` without a condition that limits who, or GitHub Actions OIDC trust without a `sub` condition naming the repository owner.",
    enforcementLevel: "mandatory",
    severity: "critical",
    types: [ROLE],
    messages: {
        anyone:
            "{{property}} {{statement}} lets Principal {{principal}} assume this role with no condition that limits who: any AWS account (any identity on the " +
            "internet, for a web identity) gets the role's permissions. Name the account, role or service principal that needs it, or add a condition on a fixed " +
            "aws:PrincipalOrgID, aws:PrincipalAccount or aws:PrincipalArn.",
        githubNoSub:
            "{{property}} {{statement}} trusts GitHub Actions OIDC ({{provider}}) with no {{sub}} condition: a workflow in any GitHub repository, anyone's, can " +
            "assume this role. Add `StringLike: { \"{{sub}}\": \"repo:<owner>/<repo>:ref:refs/heads/main\" }` (or `repo:<owner>/*` at the widest).",
        githubWildcardSub:
            "{{property}} {{statement}} trusts GitHub Actions OIDC with {{sub}} {{value}}, which does not pin the repository owner: workflows in other people's " +
            "repositories match it and can assume this role. Use `repo:<owner>/<repo>:...` (or `repo:<owner>/*` at the widest).",
    },
    remediationSteps:
        "In `assumeRolePolicy`, replace `Principal: \"*\"` / `{ AWS: \"*\" }` with the account, role or service principal that assumes the role, or add a " +
        "Condition on a fixed aws:PrincipalOrgID / aws:PrincipalAccount / aws:PrincipalArn (sts:ExternalId alone does not limit who). For GitHub Actions " +
        "OIDC, add `StringLike: { \"token.actions.githubusercontent.com:sub\": \"repo:<owner>/<repo>:ref:refs/heads/main\" }` next to the `aud` condition. " +
        "Counterparts: checkov CKV_AWS_60 (trust to everyone), CKV_AWS_358 (GitHub OIDC sub); IAM Access Analyzer external-access findings.",
    check({ get, report }) {
        for (const s of principalStatementsOf(get(TRUST))) {
            if (s.allow !== true) continue;
            if (grantsAnyone(s) === true) {
                const principal = s.notPrincipal !== undefined ? `everyone but NotPrincipal ${JSON.stringify(s.notPrincipal)}` : s.principal;
                report("anyone", { property: TRUST, statement: s.label, principal });
                continue;
            }
            if (!trustsGithub(s)) continue;
            const problem = subProblem(s.condition);
            if (problem?.missing === true) report("githubNoSub", { property: TRUST, statement: s.label, provider: GITHUB, sub: SUB });
            else if (problem) report("githubWildcardSub", { property: TRUST, statement: s.label, sub: SUB, value: problem.values });
        }
    },
});
