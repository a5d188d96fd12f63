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
