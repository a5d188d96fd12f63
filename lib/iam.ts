// IAM identity policies: where their documents and managed-policy ARNs live on each resource, and what a statement grants.
// Documents arrive as JSON strings or objects; Statement, Action and Resource may each be a single value or an array.
import type * as aws from "@pulumi/aws";
import { Graph } from "./graph";
import { Resource } from "./resource";
import { asArray, asString, get, isRecord, isUnknown, parseJsonish } from "./values";

export const ROLE = "aws:iam/role:Role";
export const USER = "aws:iam/user:User";
export const POLICY = "aws:iam/policy:Policy";
export const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
export const USER_POLICY = "aws:iam/userPolicy:UserPolicy";
export const GROUP_POLICY = "aws:iam/groupPolicy:GroupPolicy";
const ROLE_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const POLICY_ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";
const ROLE_EXCLUSIVE = "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive";
/** Resources with one `policyArn`. */
const SINGLE_ATTACHMENTS = [ROLE_ATTACHMENT, "aws:iam/userPolicyAttachment:UserPolicyAttachment", "aws:iam/groupPolicyAttachment:GroupPolicyAttachment", POLICY_ATTACHMENT];
/** Resources with a `policyArns` list. */
const EXCLUSIVE_ATTACHMENTS = [ROLE_EXCLUSIVE, "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive", "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive"];

/** Every type whose properties hold an identity policy document or a managed-policy ARN. */
export const IAM_TYPES = [ROLE, POLICY, ROLE_POLICY, USER_POLICY, GROUP_POLICY, ...SINGLE_ATTACHMENTS, ...EXCLUSIVE_ATTACHMENTS];
/** Types a stack policy needs besides IAM_TYPES to see how a policy is used. */
export const CONTEXT_TYPES = [USER];

const INLINE: keyof aws.iam.RoleArgs = "inlinePolicies";
const MANAGED: keyof aws.iam.RoleArgs = "managedPolicyArns";
const BOUNDARY: keyof aws.iam.RoleArgs & keyof aws.iam.UserArgs = "permissionsBoundary";
const DOCUMENT: keyof aws.iam.PolicyArgs & keyof aws.iam.RolePolicyArgs = "policy";
const POLICY_ARN: keyof aws.iam.RolePolicyAttachmentArgs & keyof aws.iam.PolicyAttachmentArgs = "policyArn";
const POLICY_ARNS: keyof aws.iam.RolePolicyAttachmentsExclusiveArgs = "policyArns";

export interface PolicyDocument {
    /** Where the document is, for messages: "policy" or "inlinePolicies[0].policy". */
    property: string;
    document: unknown;
}

export interface ManagedArn {
    property: string;
    arn: string;
}

/** Resources of `types` whose `property` (a scalar or a list) names `target` by dependency or by its literal ARN/name. */
function referencing(graph: Graph, target: Resource, types: readonly string[], property: string, keys: readonly string[]): Resource[] {
    const found = new Set(graph.usersOf(target, types, property));
    const literals = new Set(keys.map((k) => asString(get(target.props, k))).filter((v): v is string => !!v));
    if (literals.size > 0) {
        for (const r of graph.ofType(...types)) {
            if (asArray(get(r.props, property)).some((v) => typeof v === "string" && literals.has(v))) found.add(r);
        }
    }
    return [...found];
}

/** A customer policy used only as a permissions boundary: a boundary caps permissions, so `Allow *` there grants nothing. */
function boundaryOnly(graph: Graph, policy: Resource): boolean {
    if (referencing(graph, policy, [ROLE, USER], BOUNDARY, ["arn"]).length === 0) return false;
    const attached =
        referencing(graph, policy, SINGLE_ATTACHMENTS, POLICY_ARN, ["arn"]).length > 0 ||
        referencing(graph, policy, EXCLUSIVE_ATTACHMENTS, POLICY_ARNS, ["arn"]).length > 0 ||
        referencing(graph, policy, [ROLE], MANAGED, ["arn"]).length > 0;
    return !attached;
}

/** Inline policies a role reports in its outputs that a RolePolicy resource in this stack manages (reported there). */
function rolePolicyNames(graph: Graph, role: Resource): Set<string> {
    const names = referencing(graph, role, [ROLE_POLICY], "role", ["name", "id"]).map((rp) => asString(get(rp.props, "name")));
    return new Set(names.filter((n): n is string => !!n));
}

/** Managed policies a role reports in its outputs that attachment resources in this stack attach (reported there). */
function attachedArns(graph: Graph, role: Resource): Set<string> {
    const arns = [
        ...referencing(graph, role, [ROLE_ATTACHMENT], "role", ["name", "id"]).map((a) => get(a.props, POLICY_ARN)),
        ...referencing(graph, role, [POLICY_ATTACHMENT], "roles", ["name", "id"]).map((a) => get(a.props, POLICY_ARN)),
        ...referencing(graph, role, [ROLE_EXCLUSIVE], "roleName", ["name", "id"]).flatMap((a) => asArray(get(a.props, POLICY_ARNS))),
    ];
    return new Set(arns.map(asString).filter((a): a is string => a !== undefined));
}

/** The identity policy documents a resource carries (none for a boundary-only customer policy). */
export function documentsOf(graph: Graph, r: Resource): PolicyDocument[] {
    switch (r.type) {
        case ROLE: {
            const managedElsewhere = rolePolicyNames(graph, r);
            return asArray(get(r.props, INLINE)).flatMap((p, i) => {
                const name = asString(get(p, "name"));
                if (name !== undefined && managedElsewhere.has(name)) return [];
                return [{ property: `${INLINE}[${i}].policy`, document: get(p, "policy") }];
            });
        }
        case POLICY:
            return boundaryOnly(graph, r) ? [] : [{ property: DOCUMENT, document: get(r.props, DOCUMENT) }];
        case ROLE_POLICY:
        case USER_POLICY:
        case GROUP_POLICY:
            return [{ property: DOCUMENT, document: get(r.props, DOCUMENT) }];
        default:
            return [];
    }
}

/** The managed-policy ARNs a resource attaches (known strings only). */
export function managedArnsOf(graph: Graph, r: Resource): ManagedArn[] {
    const list = (property: string, values: unknown, skip: ReadonlySet<string>) =>
        asArray(values).flatMap((v, i) => {
            const arn = asString(v);
            return arn !== undefined && !skip.has(arn) ? [{ property: `${property}[${i}]`, arn }] : [];
        });
    if (r.type === ROLE) return list(MANAGED, get(r.props, MANAGED), attachedArns(graph, r));
    if (SINGLE_ATTACHMENTS.includes(r.type)) {
        const arn = asString(get(r.props, POLICY_ARN));
        return arn !== undefined ? [{ property: POLICY_ARN, arn }] : [];
    }
    if (EXCLUSIVE_ATTACHMENTS.includes(r.type)) return list(POLICY_ARNS, get(r.props, POLICY_ARNS), new Set());
    return [];
}

const MANAGED_ARN = /^arn:aws[a-z-]*:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

/** The name of an AWS managed policy ("AdministratorAccess"), or undefined for customer policies. */
export function awsManagedName(arn: string): string | undefined {
    return MANAGED_ARN.exec(arn.trim())?.[1];
}

/** One value list of a statement (Action, NotAction, Resource, NotResource). */
export interface Field {
    present: boolean;
    /** The known string entries. */
    values: string[];
    /** Some entry (or the whole field) is unknown during preview. */
    unknown: boolean;
}

export interface Statement {
    /** "Statement[1] (Sid \"AllowAll\")", for messages. */
    label: string;
    /** true for Allow, false for Deny, undefined when unknown or malformed. */
    allow: boolean | undefined;
    action: Field;
    notAction: Field;
    resource: Field;
    notResource: Field;
}

function field(statement: Record<string, unknown>, key: string): Field {
    const raw = statement[key];
    if (raw === undefined || raw === null) return { present: false, values: [], unknown: false };
    if (isUnknown(raw)) return { present: true, values: [], unknown: true };
    const entries = asArray(raw);
    return { present: true, values: entries.filter((v): v is string => typeof v === "string" && !isUnknown(v)), unknown: entries.some(isUnknown) };
}

/** The statements of a document; unknown or malformed parts are left out. */
export function statementsOf(document: unknown): Statement[] {
    const doc = parseJsonish(document);
    if (!isRecord(doc)) return [];
    const raw = doc.Statement;
    if (raw === undefined || raw === null || isUnknown(raw)) return [];
    const many = Array.isArray(raw);
    return asArray(raw).flatMap((s, i) => {
        if (!isRecord(s)) return [];
        const sid = asString(s.Sid);
        const effect = asString(s.Effect)?.trim().toLowerCase();
        return [
            {
                label: `${many ? `Statement[${i}]` : "Statement"}${sid ? ` (Sid "${sid}")` : ""}`,
                allow: effect === "allow" ? true : effect === "deny" ? false : undefined,
                action: field(s, "Action"),
                notAction: field(s, "NotAction"),
                resource: field(s, "Resource"),
                notResource: field(s, "NotResource"),
            },
        ];
    });
}

/** A field written out in full: present, nothing unknown, at least one string entry. */
export function knownList(f: Field): boolean {
    return f.present && !f.unknown && f.values.length > 0;
}

/** "*" or "*:*": every action of every service. */
export function isAllActions(action: string): boolean {
    const a = action.trim();
    return a === "*" || a === "*:*";
}

/** The service of a service-wide wildcard ("s3:*" gives "s3"), else undefined. */
export function wildcardService(action: string): string | undefined {
    return /^([a-z0-9-]+):\*$/i.exec(action.trim())?.[1].toLowerCase();
}

/** "*" or an ARN whose service, region, account and resource are all wildcards. */
export function isAllResources(resource: string): boolean {
    const r = resource.trim();
    return r === "*" || /^arn:(\*|aws[a-z-]*):\*:\*?:\*?:\*$/.test(r);
}

/** Whether the statement covers every resource (Resource "*", or NotResource = all but a list); undefined when unknown. */
export function coversAllResources(s: Statement): boolean | undefined {
    if (s.notResource.present) return true;
    if (s.resource.values.some(isAllResources)) return true;
    return s.resource.unknown ? undefined : false;
}

/**
 * How an Allow statement grants administrator access, if it does: "action" for Action "*" on every resource,
 * "notAction" for NotAction on every resource that does not exclude IAM (so it can grant itself the rest).
 */
export function adminGrant(s: Statement): "action" | "notAction" | undefined {
    if (s.allow !== true || coversAllResources(s) !== true) return undefined;
    if (s.action.values.some(isAllActions)) return "action";
    if (knownList(s.notAction) && !s.notAction.values.some((a) => isAllActions(a) || wildcardService(a) === "iam")) return "notAction";
    return undefined;
}

/** A statement of a resource-based policy or trust policy: who it names and under which condition. */
export interface PrincipalStatement extends Statement {
    principal: unknown;
    notPrincipal: unknown;
    condition: unknown;
}

/** The statements of a resource-based or trust policy document, with their Principal, NotPrincipal and Condition. */
export function principalStatementsOf(document: unknown): PrincipalStatement[] {
    const doc = parseJsonish(document);
    const raw = isRecord(doc) && !isUnknown(doc.Statement) ? asArray(doc.Statement).filter(isRecord) : [];
    // statementsOf keeps exactly the record statements, in order.
    return statementsOf(document).map((s, i) => ({ ...s, principal: raw[i].Principal, notPrincipal: raw[i].NotPrincipal, condition: raw[i].Condition }));
}

/** An AWS principal that names every account: "*", or an ARN whose account is a wildcard ("arn:aws:iam::*:root"). */
function isAnyAws(value: string): boolean {
    const v = value.trim();
    return v === "*" || /^arn:aws[a-z-]*:(iam|sts)::\*:/.test(v);
}

/** Whether a Principal names anyone ("*", {AWS: "*"}); undefined when unknown during preview. */
export function principalIsAnyone(principal: unknown): boolean | undefined {
    if (isUnknown(principal)) return undefined;
    if (typeof principal === "string") return isAnyAws(principal);
    if (!isRecord(principal)) return false;
    const aws = principal.AWS;
    if (isUnknown(aws)) return undefined;
    const entries = asArray(aws);
    if (entries.some((v) => typeof v === "string" && !isUnknown(v) && isAnyAws(v))) return true;
    return entries.some(isUnknown) ? undefined : false;
}

/**
 * Condition keys that pin who may use a resource when matched against fixed values: S3's definition of a non-public
 * policy (aws:SourceIp, SourceArn, SourceVpc(e), SourceOwner, SourceAccount, userid), plus the organization, principal
 * and KMS caller-account keys. aws:SecureTransport, aws:RequestedRegion and the like restrict how, not who.
 */
const RESTRICTING_KEYS: ReadonlySet<string> = new Set([
    "aws:sourceip",
    "aws:sourcearn",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:sourceowner",
    "aws:sourceaccount",
    "aws:sourceorgid",
    "aws:sourceorgpaths",
    "aws:userid",
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:principalaccount",
    "aws:principalarn",
    "kms:calleraccount",
    "s3:dataaccesspointaccount",
    "s3:dataaccesspointarn",
]);
/** Operators that require the key to match (negated, Null, Bool and ...IfExists operators let other callers through). */
const MATCHING_OPERATORS: ReadonlySet<string> = new Set(["stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike", "ipaddress"]);

/** A value fixed enough to pin a caller: no wildcard, no policy variable, no everything-CIDR. */
function fixedValue(key: string, value: string): boolean {
    if (/[*?]|\$\{/.test(value)) return false;
    return key !== "aws:sourceip" || !/\/0$/.test(value.trim());
}

/** Whether a Condition block limits who may use the grant; undefined when the part that would decide is unknown. */
export function conditionRestricts(condition: unknown): boolean | undefined {
    if (condition === undefined || condition === null) return false;
    if (isUnknown(condition)) return undefined;
    if (!isRecord(condition)) return false;
    let unknown = false;
    for (const [operator, block] of Object.entries(condition)) {
        const op = operator.trim().toLowerCase().replace(/^foranyvalue:/, "");
        if (!MATCHING_OPERATORS.has(op)) continue;
        if (isUnknown(block)) {
            unknown = true;
            continue;
        }
        if (!isRecord(block)) continue;
        for (const [key, raw] of Object.entries(block)) {
            const k = key.trim().toLowerCase();
            if (!RESTRICTING_KEYS.has(k)) continue;
            const values = asArray(raw);
            if (isUnknown(raw) || values.some(isUnknown)) {
                unknown = true;
                continue;
            }
            if (values.length > 0 && values.every((v) => typeof v === "string" && fixedValue(k, v))) return true;
        }
    }
    return unknown ? undefined : false;
}

/**
 * Whether an Allow statement lets anyone use the resource: Principal "*" (or {AWS: "*"}, or NotPrincipal) with no
 * condition that pins the caller. A Deny never does. Undefined when an unknown part decides.
 */
export function grantsAnyone(s: PrincipalStatement): boolean | undefined {
    if (s.allow === false) return false;
    const anyone = s.notPrincipal !== undefined && s.notPrincipal !== null ? !isUnknown(s.notPrincipal) || undefined : principalIsAnyone(s.principal);
    if (anyone === false) return false;
    const restricted = conditionRestricts(s.condition);
    if (restricted === true) return false;
    if (s.allow === undefined || anyone === undefined || restricted === undefined) return undefined;
    return true;
}

const ROLE_POLICIES_EXCLUSIVE = "aws:iam/rolePoliciesExclusive:RolePoliciesExclusive";
/** Resources that manage a role's inline policies, and those that manage its managed-policy attachments, apart from the role. */
export const ROLE_INLINE_MANAGERS = [ROLE_POLICY, ROLE_POLICIES_EXCLUSIVE];
export const ROLE_ATTACHMENT_MANAGERS = [ROLE_ATTACHMENT, POLICY_ATTACHMENT, ROLE_EXCLUSIVE];

/** The separate resources that manage `role`'s inline policies and its attachments (by dependency or by the role's name). */
export function roleManagers(graph: Graph, role: Resource): { inline: Resource[]; attachments: Resource[] } {
    const keys = ["name", "id"];
    return {
        inline: [...referencing(graph, role, [ROLE_POLICY], "role", keys), ...referencing(graph, role, [ROLE_POLICIES_EXCLUSIVE], "roleName", keys)],
        attachments: [
            ...referencing(graph, role, [ROLE_ATTACHMENT], "role", keys),
            ...referencing(graph, role, [POLICY_ATTACHMENT], "roles", keys),
            ...referencing(graph, role, [ROLE_EXCLUSIVE], "roleName", keys),
        ],
    };
}
