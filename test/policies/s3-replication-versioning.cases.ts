import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const VERSIONING = "aws:s3/bucketVersioning:BucketVersioning";
const VERSIONING_V2 = "aws:s3/bucketVersioningV2:BucketVersioningV2";
const REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const REPLICA_ARN = "arn:aws:s3:::records-replica-dev";

function bucket(name: string, props: Record<string, unknown> = {}, type = BUCKET): CaseResource {
    return { type, name, props: { bucket: UNKNOWN, arn: UNKNOWN, ...props } };
}

function versioning(name: string, bucketName: string, status: unknown = "Enabled", type = VERSIONING): CaseResource {
    return { type, name: `${name}-versioning`, props: { bucket: UNKNOWN, versioningConfiguration: { status } }, propertyDependencies: { bucket: [bucketName] } };
}

/** `new BucketReplicationConfig({ bucket: source.id, rules: [{ destination: { bucket: replica.arn } }] }, { dependsOn })`. */
function replication(dependsOn: string[] = ["source-versioning", "replica-versioning"], extra: Record<string, unknown> = {}, destination: unknown = UNKNOWN): CaseResource {
    return {
        type: REPLICATION,
        name: "replication",
        props: { bucket: UNKNOWN, role: UNKNOWN, rules: [{ id: "all", status: "Enabled", destination: { bucket: destination } }], ...extra },
        propertyDependencies: { bucket: ["source"], role: ["role"], rules: ["replica"] },
        dependencies: ["source", "role", "replica", ...dependsOn],
    };
}

const BOTH_VERSIONED = [bucket("source"), bucket("replica"), versioning("source", "source"), versioning("replica", "replica")];

export const cases: Cases = {
    valid: [
        { why: "both buckets versioned, replication depends on both", resources: [...BOTH_VERSIONED, replication()] },
        { why: "versioning status unknown during preview", resources: [bucket("source"), bucket("replica"), versioning("source", "source", UNKNOWN), versioning("replica", "replica"), replication()] },
        { why: "BucketVersioningV2 tokens", resources: [bucket("source"), bucket("replica"), versioning("source", "source", "Enabled", VERSIONING_V2), versioning("replica", "replica"), replication()] },
        { why: "source bucket not in the stack (literal name)", resources: [{ ...replication([]), props: { bucket: "managed-elsewhere", rules: [{ destination: { bucket: "arn:aws:s3:::also-elsewhere" } }] }, propertyDependencies: {} }] },
        {
            why: "inline versioning on a v6 Bucket with inline replication",
            resources: [bucket("replica", { bucket: "records-replica-dev", versioning: { enabled: true } }), bucket("source", { versioning: { enabled: true }, replicationConfiguration: { role: UNKNOWN, rules: [{ destination: { bucket: REPLICA_ARN } }] } })],
        },
        {
            why: "state: literal names, no dependencies, versioning read back inline",
            resources: [
                bucket("source", { bucket: "records-dev", id: "records-dev", arn: "arn:aws:s3:::records-dev", versioning: { enabled: true } }),
                bucket("replica", { bucket: "records-replica-dev", id: "records-replica-dev", arn: REPLICA_ARN, versioning: { enabled: true } }),
                { type: REPLICATION, name: "replication", props: { bucket: "records-dev", rules: [{ destination: { bucket: REPLICA_ARN } }] } },
            ],
        },
        { why: "inline versioning block computed at preview on a new v7 bucket, with a versioning resource", resources: [bucket("source", { versioning: UNKNOWN }), bucket("replica", { versionings: UNKNOWN }, BUCKET_V2), versioning("source", "source"), versioning("replica", "replica"), replication()] },
        { why: "Object Lock turns versioning on", resources: [bucket("source", { objectLockEnabled: true }), bucket("replica", { objectLockConfiguration: { objectLockEnabled: "Enabled" } }), replication([])] },
        { why: "Object Lock flag unknown during preview", resources: [bucket("source", { objectLockEnabled: UNKNOWN }), bucket("replica", { objectLockEnabled: true }), replication([])] },
        { why: "secret role ARN on the replication", resources: [...BOTH_VERSIONED, replication(undefined, { role: secret("arn:aws:iam::123456789012:role/hidden-replication") })] },
        { why: "malformed rules and versioning blocks", resources: [bucket("source", { versioning: "yes" }), bucket("replica"), versioning("source", "source", 7), replication(undefined, { rules: [null, { destination: 5 }] })] },
    ],
    invalid: [
        {
            why: "source bucket without versioning",
            resources: [bucket("source"), bucket("replica"), versioning("replica", "replica"), replication(["replica-versioning"])],
            messageId: "sourceNotVersioned",
            on: "replication",
            count: 1,
            includes: ["replicates bucket source", "BucketVersioning", "PutBucketReplication"],
        },
        {
            why: "destination bucket without versioning",
            resources: [bucket("source"), bucket("replica"), versioning("source", "source"), replication(["source-versioning"])],
            messageId: "destinationNotVersioned",
            on: "replication",
            count: 1,
            includes: ["replica", "Destination bucket must have versioning enabled"],
        },
        {
            why: "versioning suspended on the source",
            resources: [bucket("source"), bucket("replica"), versioning("source", "source", "Suspended"), versioning("replica", "replica"), replication()],
            messageId: "sourceNotVersioned",
            on: "replication",
        },
        {
            why: "inline replication on a bucket whose versioning is off",
            resources: [bucket("replica", { bucket: "records-replica-dev", versioning: { enabled: true } }), bucket("source", { versioning: { enabled: false }, replicationConfiguration: { role: UNKNOWN, rules: [{ destination: { bucket: REPLICA_ARN } }] } })],
            messageId: "sourceNotVersioned",
            on: "source",
            includes: ["replicationConfiguration"],
        },
        {
            why: "state: destination found by its ARN, not versioned",
            resources: [
                bucket("source", { bucket: "records-dev", id: "records-dev", versioning: { enabled: true } }),
                bucket("replica", { bucket: "records-replica-dev", id: "records-replica-dev", arn: REPLICA_ARN, versioning: { enabled: false } }),
                { type: REPLICATION, name: "replication", props: { bucket: "records-dev", rules: [{ destination: { bucket: REPLICA_ARN } }] } },
            ],
            messageId: "destinationNotVersioned",
            on: "replication",
        },
        {
            why: "replication not ordered after the versioning resources",
            resources: [...BOTH_VERSIONED, replication([])],
            messageId: "unordered",
            level: "advisory",
            on: "replication",
            count: 2,
            includes: ["nothing orders the replication after it", "dependsOn: ["],
        },
        { why: "secret role never printed", resources: [bucket("source"), bucket("replica"), versioning("replica", "replica"), replication(["replica-versioning"], { role: secret("arn:aws:iam::123456789012:role/hidden-replication") })], messageId: "sourceNotVersioned", on: "replication" },
    ],
};
