// S3 settings live in separate resources since @pulumi/aws 6/7; these helpers find them for a bucket.
import { Graph } from "./graph";
import { Resource } from "./resource";
import { REDACTED_SECRET, get, isRecord } from "./values";

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
