import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { Resource } from "../lib/resource";
import { BUCKET_TYPES, attachedTo } from "../lib/s3";
import { asArray, asString, get } from "../lib/values";
import { fromOpaqueSource, parseArn } from "../lib/wiring";

const REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const BUCKET_V1 = "aws:s3/bucket:Bucket";
const RULES: keyof aws.s3.BucketReplicationConfigArgs = "rules";
const INLINE_V1: keyof aws.s3.BucketArgs = "replicationConfiguration";
const INLINE_V2: keyof aws.s3.BucketV2Args = "replicationConfigurations";
const BUCKET_KEYS = ["arn", "bucket"];

interface Destination {
    property: string;
    value: unknown;
}

/** Every rule destination of a replication holder, with the path of its `bucket` for messages. */
function destinationsOf(r: Resource): { property: string; destinations: Destination[] } {
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
function isDestination(bucket: Resource, destination: string): boolean {
    if (asString(get(bucket.props, "arn")) === destination) return true;
    const name = asString(get(bucket.props, "bucket"));
    const arn = parseArn(destination);
    return !!name && !!arn && arn.service === "s3" && arn.resource === name;
}

export default definePolicy({
    kind: "stack",
    name: "s3-replication-destination-exists",
    family: "wiring",
    description: "Every S3 replication rule replicates to a bucket that the stack creates (destination.bucket is that bucket's ARN).",
    enforcementLevel: "advisory",
    severity: "high",
    types: [REPLICATION, ...BUCKET_TYPES],
    messages: {
        noBucket:
            "{{property}} is {{value}}, and no S3 bucket in this stack has that ARN; unless the bucket is created elsewhere (another stack or account), " +
            "S3 rejects the replication configuration or nothing is replicated, and the disaster-recovery copy does not exist. Create the destination " +
            "bucket (versioning on, with a provider for its Region) and pass `bucket: replica.arn`.",
    },
    remediationSteps:
        "Create the destination bucket in the stack with versioning enabled (e.g. with a provider for the replica Region) and set " +
        "`destination: { bucket: replicaBucket.arn }` so the replication depends on it. If the bucket is managed in another stack or account, exempt the configuration.",
    check({ graph, report }) {
        const buckets = graph.ofType(...BUCKET_TYPES);
        for (const holder of graph.ofType(REPLICATION, ...BUCKET_TYPES)) {
            // A bucket's inline configuration read back from AWS repeats what its separate BucketReplicationConfig says.
            if (holder.type !== REPLICATION && attachedTo(graph, holder, [REPLICATION]).length > 0) continue;
            // Unknown rules read as one unknown destination, which is no known string.
            const found = destinationsOf(holder);
            // A destination computed from a bucket whose name and ARN are still unknown may be that bucket.
            if (fromOpaqueSource(graph, holder, found.property, BUCKET_TYPES, BUCKET_KEYS)) continue;
            for (const d of found.destinations) {
                const destination = asString(d.value);
                if (!destination || buckets.some((b) => isDestination(b, destination))) continue;
                report("noBucket", { property: d.property, value: destination }, holder);
            }
        }
    },
});
