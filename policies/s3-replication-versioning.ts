import { Graph } from "../lib/graph";
import { definePolicy } from "../lib/policy";
import { Resource } from "../lib/resource";
import { BUCKET_TYPES, REPLICATION, VERSIONING_TYPES, attachedTo, destinationsOf, isDestination, versioningOf } from "../lib/s3";
import { asString, get, isUnknown } from "../lib/values";

interface Replication {
    holder: Resource;
    source: Resource;
    /** Where the rules are, for messages: "rules" or the bucket's inline property. */
    property: string;
}

/** Replication configurations with their source bucket in the stack: separate resources, else a bucket's inline rules. */
function replicationsOf(graph: Graph): Replication[] {
    const out: Replication[] = [];
    for (const bucket of graph.ofType(...BUCKET_TYPES)) {
        const separate = attachedTo(graph, bucket, [REPLICATION]);
        for (const holder of separate) out.push({ holder, source: bucket, property: "rules" });
        // A bucket's inline configuration read back from AWS repeats what its separate BucketReplicationConfig says.
        if (separate.length > 0) continue;
        const inline = destinationsOf(bucket);
        if (inline.destinations.length > 0) out.push({ holder: bucket, source: bucket, property: inline.property });
    }
    return out;
}

/** Stack buckets the rules replicate to: by known ARN, or, for destinations unknown at preview, the buckets the rules were computed from. */
function destinationBuckets(graph: Graph, r: Replication): Resource[] {
    const buckets = graph.ofType(...BUCKET_TYPES);
    const found = new Set<Resource>();
    const { property, destinations } = destinationsOf(r.holder);
    for (const d of destinations) {
        const arn = asString(d.value);
        if (arn) buckets.filter((b) => isDestination(b, arn)).forEach((b) => found.add(b));
        else if (isUnknown(d.value)) graph.sourcesOf(r.holder, property).forEach((b) => BUCKET_TYPES.some((t) => t === b.type) && b !== r.source && found.add(b));
    }
    return [...found];
}

/** URNs a resource was ordered after, or undefined when the request carries no dependency information at all. */
function orderedAfter(r: Resource): Set<string> | undefined {
    const urns = [...r.dependencies, ...Object.values(r.propertyDependencies).flat()];
    return urns.length > 0 ? new Set(urns) : undefined;
}

export default definePolicy({
    kind: "stack",
    name: "s3-replication-versioning",
    family: "wiring",
    description: "The source and destination buckets of S3 replication have versioning enabled, and the replication is created after it.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: [REPLICATION, ...BUCKET_TYPES, ...VERSIONING_TYPES],
    messages: {
        sourceNotVersioned:
            "replicates bucket {{bucket}} ({{property}}), which has no versioning enabled; S3 accepts a replication configuration only on a " +
            "versioned bucket, so PutBucketReplication fails with InvalidRequest. Add `new aws.s3.BucketVersioning(..., { bucket: {{bucket}}.id, " +
            "versioningConfiguration: { status: \"Enabled\" } })` and pass it in the replication's `dependsOn`.",
        destinationNotVersioned:
            "replicates to bucket {{bucket}} ({{property}}), which has no versioning enabled, so PutBucketReplication fails with InvalidRequest " +
            "(\"Destination bucket must have versioning enabled\"). Add a BucketVersioning with status \"Enabled\" for {{bucket}} (with its Region's " +
            "provider) and pass it in the replication's `dependsOn`.",
        unordered:
            "replicates {{bucket}}, whose versioning is enabled by {{versioning}}, but nothing orders the replication after it; Pulumi may create " +
            "both at once, and PutBucketReplication then fails on the first deploy until versioning is on. Add `dependsOn: [{{versioning}}]` to the replication.",
    },
    // The race fails only some first deploys, and the stack cannot show whether the versioning already exists.
    advisoryMessages: ["unordered"],
    counterparts: "none for the pair of buckets: FSBP S3.14 and checkov CKV_AWS_21 ask every bucket for versioning (hygiene), not the versioning a replication needs",
    remediationSteps:
        "Enable versioning on both buckets with aws.s3.BucketVersioning (status \"Enabled\") and create the BucketReplicationConfig with " +
        "`dependsOn` on both versioning resources, as the provider's documentation example does.",
    check({ graph, report }) {
        for (const r of replicationsOf(graph)) {
            const checks = [
                { bucket: r.source, id: "sourceNotVersioned" },
                ...destinationBuckets(graph, r).map((bucket) => ({ bucket, id: "destinationNotVersioned" })),
            ];
            const after = orderedAfter(r.holder);
            for (const c of checks) {
                const versioning = versioningOf(graph, c.bucket);
                if (versioning.state === "off") report(c.id, { bucket: c.bucket.name, property: r.property }, r.holder);
                // Inline rules are applied with the bucket itself; only a separate configuration can race its versioning resource.
                if (versioning.state !== "enabled" || !after || r.holder.type !== REPLICATION) continue;
                const enabling = versioning.resources.filter((v) => get(v.props, "versioningConfiguration.status") === "Enabled");
                if (enabling.length > 0 && !enabling.some((v) => after.has(v.urn))) {
                    report("unordered", { bucket: c.bucket.name, versioning: enabling.map((v) => v.name) }, r.holder);
                }
            }
        }
    },
});
