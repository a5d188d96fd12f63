import { definePolicy } from "../lib/policy";
import { BUCKET_TYPES, REPLICATION, attachedTo, destinationsOf, isDestination } from "../lib/s3";
import { asString } from "../lib/values";
import { fromOpaqueSource } from "../lib/wiring";

const BUCKET_KEYS = ["arn", "bucket"];

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
