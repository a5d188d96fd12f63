// S3 settings live in separate resources since @pulumi/aws 6/7; these helpers find them for a bucket.
import type * as aws from "@pulumi/aws";
import { Graph } from "./graph";
import { Resource } from "./resource";
import { REDACTED_SECRET, asArray, asBool, asString, get, isRecord, isUnknown } from "./values";
import { parseArn } from "./wiring";

export const BUCKET_TYPES = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"] as const;

/** Both tokens of each split resource (the V2 names are deprecated aliases that still exist). */
export function splitTypes(name: string): string[] {
    return [`aws:s3/${lower(name)}:${name}`, `aws:s3/${lower(name)}V2:${name}V2`];
}

function lower(name: string): string {
    return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Split resources of `types` that configure `bucket`, by property dependency or by literal bucket name. */
export function attachedTo(graph: Graph, bucket: Resource, types: readonly string[]): Resource[] {
    return graph.referrers(bucket, types, "bucket", ["bucket", "id"]);
}

export const WEBSITE_TYPES = splitTypes("BucketWebsiteConfiguration");

/** Website buckets are public by design; public-access policies leave them to an explicit exemption. */
export function isWebsiteBucket(graph: Graph, bucket: Resource): boolean {
    const inline = get(bucket.props, "website") ?? get(bucket.props, "websites.0");
    // An inline website an offline export redacted may be one.
    return isRecord(inline) || bucket.props.website === REDACTED_SECRET || attachedTo(graph, bucket, WEBSITE_TYPES).length > 0;
}

export const REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const BUCKET_V1 = "aws:s3/bucket:Bucket";
const RULES: keyof aws.s3.BucketReplicationConfigArgs = "rules";
const INLINE_V1: keyof aws.s3.BucketArgs = "replicationConfiguration";
const INLINE_V2: keyof aws.s3.BucketV2Args = "replicationConfigurations";

export interface Destination {
    property: string;
    value: unknown;
}

/** Every rule destination of a replication holder, with the path of its `bucket` for messages. */
export function destinationsOf(r: Resource): { property: string; destinations: Destination[] } {
    const out: Destination[] = [];
    if (r.type === REPLICATION) {
        asArray(get(r.props, RULES)).forEach((rule, i) => out.push({ property: `rules[${i}].destination.bucket`, value: get(rule, "destination.bucket") }));
        return { property: RULES, destinations: out };
    }
    if (r.type === BUCKET_V1) {
        asArray(get(r.props, `${INLINE_V1}.rules`)).forEach((rule, i) =>
            out.push({ property: `${INLINE_V1}.rules[${i}].destination.bucket`, value: get(rule, "destination.bucket") }),
        );
        return { property: INLINE_V1, destinations: out };
    }
    asArray(get(r.props, INLINE_V2)).forEach((config, k) =>
        asArray(get(config, "rules")).forEach((rule, i) =>
            asArray(get(rule, "destinations")).forEach((d, j) =>
                out.push({ property: `${INLINE_V2}[${k}].rules[${i}].destinations[${j}].bucket`, value: get(d, "bucket") }),
            ),
        ),
    );
    return { property: INLINE_V2, destinations: out };
}

/** Whether `bucket` is the one a known destination ARN ("arn:aws:s3:::name") names; bucket names are global. */
export function isDestination(bucket: Resource, destination: string): boolean {
    if (asString(get(bucket.props, "arn")) === destination) return true;
    const name = asString(get(bucket.props, "bucket"));
    const arn = parseArn(destination);
    return !!name && !!arn && arn.service === "s3" && arn.resource === name;
}

export const VERSIONING_TYPES = splitTypes("BucketVersioning");

export interface Versioning {
    state: "enabled" | "unknown" | "off";
    /** The separate versioning resources of the bucket (for ordering and messages). */
    resources: Resource[];
}

/**
 * Whether versioning is on for `bucket`: a BucketVersioning with status Enabled, the inline `versioning.enabled`
 * (v6 Bucket) / `versionings[0].enabled` (BucketV2), or Object Lock. A whole inline block unknown at preview is the provider's
 * computed read-back of a bucket not yet created, which has no versioning of its own.
 */
export function versioningOf(graph: Graph, bucket: Resource): Versioning {
    const resources = attachedTo(graph, bucket, VERSIONING_TYPES);
    const states = resources.map((v) => {
        const status = get(v.props, "versioningConfiguration.status");
        // "Suspended" and "Disabled" are off; a malformed (non-string) status is no verdict.
        return typeof status !== "string" || isUnknown(status) ? "unknown" : status === "Enabled" ? "enabled" : "off";
    });
    for (const block of [get(bucket.props, "versioning"), get(bucket.props, "versionings.0")]) {
        if (!isRecord(block)) continue;
        const enabled = get(block, "enabled");
        states.push(isUnknown(enabled) ? "unknown" : asBool(enabled) === true ? "enabled" : "off");
    }
    // S3 turns versioning on by itself for a bucket created with Object Lock.
    const lock = [get(bucket.props, "objectLockEnabled"), get(bucket.props, "objectLockConfiguration.objectLockEnabled")];
    if (lock.some((v) => asBool(v) === true || v === "Enabled")) states.push("enabled");
    else if (lock.some(isUnknown)) states.push("unknown");
    const state = states.includes("enabled") ? "enabled" : states.includes("unknown") ? "unknown" : "off";
    return { state, resources };
}
