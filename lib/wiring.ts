// Helpers for the wiring family: cross-resource checks that a value names a resource the stack actually creates.
import { Graph } from "./graph";
import { Resource } from "./resource";
import { asString, get } from "./values";

export const LB_TYPES = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];
export const LISTENER_TYPES = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"];
export const LAMBDA_FUNCTION = "aws:lambda/function:Function";
export const LAMBDA_ALIAS = "aws:lambda/alias:Alias";
export const LAMBDA_PERMISSION = "aws:lambda/permission:Permission";
export const EVENT_RULE = "aws:cloudwatch/eventRule:EventRule";
export const EVENT_TARGET = "aws:cloudwatch/eventTarget:EventTarget";

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
