// Helpers for the wiring family: cross-resource checks that a value names a resource the stack actually creates.
import type * as aws from "@pulumi/aws";
import { Graph } from "./graph";
import { Resource } from "./resource";
import { asString, get, isUnknown } from "./values";

export const LB_TYPES = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];
export const LISTENER_TYPES = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"];
export const LAMBDA_FUNCTION = "aws:lambda/function:Function";
export const LAMBDA_ALIAS = "aws:lambda/alias:Alias";
export const LAMBDA_PERMISSION = "aws:lambda/permission:Permission";
export const EVENT_RULE = "aws:cloudwatch/eventRule:EventRule";
export const EVENT_TARGET = "aws:cloudwatch/eventTarget:EventTarget";
const ALIAS_FUNCTION: keyof aws.lambda.AliasArgs = "functionName";
const PERMISSION_FUNCTION: keyof aws.lambda.PermissionArgs = "function";
const PERMISSION_PRINCIPAL: keyof aws.lambda.PermissionArgs = "principal";
const PERMISSION_ACTION: keyof aws.lambda.PermissionArgs = "action";
const INVOKE_ACTIONS = ["lambda:invokefunction", "lambda:*", "*"];

export interface Arn {
    partition: string;
    service: string;
    region: string;
    account: string;
    /** Everything after the account: "function:name", "backup-vault:name", "bucket-name", "rule/bus/name"... */
    resource: string;
}

/** The parts of a literal ARN, or undefined when the text is not one. */
export function parseArn(text: string): Arn | undefined {
    const parts = text.split(":");
    if (parts.length < 6 || parts[0] !== "arn" || !parts[1] || !parts[2]) return undefined;
    return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts.slice(5).join(":") };
}

/** The known string values of `keys` on a resource (names, ARNs) for literal correlation. */
export function knownValues(r: Resource, keys: readonly string[]): string[] {
    return keys.map((k) => asString(get(r.props, k))).filter((v): v is string => !!v);
}

/**
 * True when `holder.property` was computed from a resource of `types` whose identifying values are all unknown: the
 * property may name it, so a literal comparison proves nothing.
 */
export function fromOpaqueSource(graph: Graph, holder: Resource, property: string, types: readonly string[], keys: readonly string[]): boolean {
    return graph.sourcesOf(holder, property).some((s) => types.includes(s.type) && knownValues(s, keys).length === 0);
}

/** A Lambda function's name from a name, a partial ARN ("123456789012:function:name") or a full ARN, without qualifier. */
export function lambdaName(ref: string): string {
    const arn = parseArn(ref);
    const rest = arn ? arn.resource : ref;
    const parts = rest.split(":");
    if (parts[0] === "function") return parts[1] ?? "";
    if (/^\d{12}$/.test(parts[0]) && parts[1] === "function") return parts[2] ?? "";
    return parts[0];
}

/** The Lambda function a property invokes: the resources it came from, and the function names it may carry. */
export interface Invoked {
    resources: Resource[];
    names: Set<string>;
}

/**
 * The Lambda function that `holder.property` (whose value here is `arn`) invokes: a function or alias it was computed
 * from, or one a literal function ARN names; undefined when it is no Lambda function.
 */
export function invokedFunction(graph: Graph, holder: Resource, property: string, arn: unknown): Invoked | undefined {
    const fromDeps = graph.sourcesOf(holder, property).filter((s) => s.type === LAMBDA_FUNCTION || s.type === LAMBDA_ALIAS);
    const text = asString(arn);
    const parsed = text ? parseArn(text) : undefined;
    const literalLambda = parsed?.service === "lambda" && parsed.resource.startsWith("function:");
    // A known ARN of another service is not a Lambda function, whatever it was computed from.
    if (text && !literalLambda) return undefined;
    const resources = new Set<Resource>(fromDeps);
    for (const alias of fromDeps.filter((s) => s.type === LAMBDA_ALIAS)) {
        for (const fn of graph.sourcesOf(alias, ALIAS_FUNCTION)) if (fn.type === LAMBDA_FUNCTION) resources.add(fn);
    }
    const names = new Set<string>();
    if (literalLambda && text) {
        names.add(lambdaName(text));
        for (const fn of graph.ofType(LAMBDA_FUNCTION)) if (knownValues(fn, ["name"]).includes(lambdaName(text))) resources.add(fn);
    }
    if (resources.size === 0 && names.size === 0) return undefined;
    // A function's ARN names nothing its name does not.
    for (const r of resources) for (const v of knownValues(r, r.type === LAMBDA_ALIAS ? [ALIAS_FUNCTION] : ["name"])) names.add(lambdaName(v));
    return { resources: [...resources], names };
}

/** Whether the permission names the invoked function, by dependency or by a literal name/ARN; unknown counts. */
export function onFunction(graph: Graph, permission: Resource, invoked: Invoked): boolean {
    const deps = graph.sourcesOf(permission, PERMISSION_FUNCTION);
    if (deps.some((d) => invoked.resources.includes(d))) return true;
    const fn = get(permission.props, PERMISSION_FUNCTION);
    // An unknown function computed from some other Lambda function is that other function.
    if (isUnknown(fn)) return !deps.some((d) => d.type === LAMBDA_FUNCTION || d.type === LAMBDA_ALIAS);
    const ref = asString(fn);
    return ref !== undefined && invoked.names.has(lambdaName(ref));
}

/** Whether the permission lets `principal` (a service principal) invoke; an unknown principal or action counts. */
export function grantsInvoke(permission: Resource, principal: string): boolean {
    const who = get(permission.props, PERMISSION_PRINCIPAL);
    const actionName = asString(get(permission.props, PERMISSION_ACTION));
    const principalOk = isUnknown(who) || asString(who) === principal;
    const actionOk = actionName === undefined || INVOKE_ACTIONS.includes(actionName.toLowerCase());
    return principalOk && actionOk;
}

/** A human name for the invoked function in messages. */
export function invokedName(invoked: Invoked): string {
    return invoked.resources.find((r) => r.type === LAMBDA_FUNCTION)?.name ?? [...invoked.names][0] ?? "(unknown)";
}

export const SUBNET = "aws:ec2/subnet:Subnet";

export interface SubnetZones {
    /** Zone names ("us-east-1a") of subnets that give one. */
    names: Set<string>;
    /** Zone IDs ("use1-az1") of subnets that give no name: the same zone may appear as a name and as an ID. */
    ids: Set<string>;
    /** Subnets whose zone is not known (unset, AWS picks one, or unknown during preview). */
    unknown: number;
}

export function subnetZones(subnets: readonly Resource[]): SubnetZones {
    const zones: SubnetZones = { names: new Set(), ids: new Set(), unknown: 0 };
    for (const s of subnets) {
        const name = asString(get(s.props, "availabilityZone"));
        const id = asString(get(s.props, "availabilityZoneId"));
        if (name) zones.names.add(name);
        else if (id) zones.ids.add(id);
        else zones.unknown++;
    }
    return zones;
}
