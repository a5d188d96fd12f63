import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const REPLICA_ARN = "arn:aws:s3:::transaction-logs-secondary-dev-123456789012";

function bucket(name: string, props: Record<string, unknown> = {}, type = BUCKET): CaseResource {
    return { type, name, props: { bucket: UNKNOWN, arn: UNKNOWN, ...props } };
}

function replication(destination: unknown, deps: string[] = [], extra: Record<string, unknown> = {}): CaseResource {
    return {
        type: REPLICATION,
        name: "replication",
        props: { bucket: UNKNOWN, role: UNKNOWN, rules: [{ id: "all", status: "Enabled", destination: { bucket: destination, storageClass: "STANDARD" } }], ...extra },
        propertyDependencies: { bucket: ["source"], role: ["replication-role"], rules: deps },
    };
}

export const cases: Cases = {
    valid: [
        { why: "ordinary program: destination is `replica.arn` (unknown at preview)", resources: [bucket("source"), bucket("replica", { region: "us-west-2" }), replication(UNKNOWN, ["replica"])] },
        { why: "ARN interpolated from the replica's literal name", resources: [bucket("source"), bucket("replica", { bucket: "transaction-logs-secondary-dev-123456789012" }), replication(REPLICA_ARN, ["replica"])] },
        { why: "update preview: known ARN of the replica", resources: [bucket("source"), bucket("replica", { bucket: "x", arn: REPLICA_ARN }, BUCKET_V2), replication(REPLICA_ARN, ["replica"])] },
        { why: "destination from a bucket whose name is still unknown", resources: [bucket("source"), bucket("replica"), replication(REPLICA_ARN, ["replica"])] },
        { why: "rules unknown during preview", resources: [bucket("source"), { type: REPLICATION, name: "r", props: { rules: UNKNOWN } }] },
        {
            why: "inline V1 replicationConfiguration to a bucket in the stack",
            resources: [bucket("replica", { bucket: "transaction-logs-secondary-dev-123456789012" }), bucket("source", { replicationConfiguration: { role: UNKNOWN, rules: [{ status: "Enabled", destination: { bucket: REPLICA_ARN } }] } })],
        },
        {
            why: "inline config read back from AWS on a bucket that has a BucketReplicationConfig is not checked twice",
            resources: [
                bucket("source", { bucket: "src", replicationConfiguration: { rules: [{ destination: { bucket: "arn:aws:s3:::elsewhere" } }] } }),
                { ...replication(UNKNOWN, ["replica"]), props: { bucket: "src", rules: UNKNOWN } },
                bucket("replica"),
            ],
        },
        { why: "secret role on the replication", resources: [bucket("replica", { bucket: "transaction-logs-secondary-dev-123456789012" }), replication(REPLICA_ARN, [], { role: secret("arn:aws:iam::123456789012:role/secret-role") })] },
        { why: "malformed rules", resources: [{ type: REPLICATION, name: "r", props: { rules: [null, { destination: "x" }, { destination: { bucket: 5 } }] } }] },
    ],
    invalid: [
        {
            why: "seed 003 #7: replication to a secondary bucket that is never created",
            resources: [bucket("source", { bucket: "transaction-logs-dev-123456789012" }), replication(REPLICA_ARN)],
            messageId: "noBucket",
            on: "replication",
            count: 1,
            includes: ["rules[0].destination.bucket", "transaction-logs-secondary-dev-123456789012"],
        },
        {
            why: "BucketV2 inline replicationConfigurations",
            resources: [
                bucket("source", { replicationConfigurations: [{ role: UNKNOWN, rules: [{ status: "Enabled", destinations: [{ bucket: REPLICA_ARN }] }] }] }, BUCKET_V2),
            ],
            messageId: "noBucket",
            on: "source",
            includes: ["replicationConfigurations[0].rules[0].destinations[0].bucket"],
        },
        {
            why: "inline V1 configuration to a missing bucket",
            resources: [bucket("source", { replicationConfiguration: { role: UNKNOWN, rules: [{ status: "Enabled", destination: { bucket: REPLICA_ARN } }] } })],
            messageId: "noBucket",
            on: "source",
        },
        {
            why: "a known bucket with another name does not count",
            resources: [bucket("source", { bucket: "transaction-logs-dev" }), bucket("other", { bucket: "something-else" }), replication(REPLICA_ARN, ["other"])],
            messageId: "noBucket",
            on: "replication",
        },
        { why: "secret role never printed", resources: [replication(REPLICA_ARN, [], { role: secret("arn:aws:iam::123456789012:role/secret-role") })], messageId: "noBucket", on: "replication" },
        {
            why: "the replica's name where its ARN belongs (S3 takes only an ARN)",
            resources: [bucket("source"), bucket("replica", { bucket: "transaction-logs-secondary-dev-123456789012" }), replication("transaction-logs-secondary-dev-123456789012")],
            messageId: "noBucket",
            on: "replication",
        },
        {
            why: "an SQS queue's ARN named like the replica bucket is not the bucket",
            resources: [bucket("replica", { bucket: "transaction-logs-secondary-dev-123456789012" }), replication("arn:aws:sqs:us-west-2:123456789012:transaction-logs-secondary-dev-123456789012")],
            messageId: "noBucket",
            on: "replication",
            includes: ["arn:aws:sqs:"],
        },
        {
            why: "inline V1 configuration: the message names the inline path",
            resources: [bucket("source", { replicationConfiguration: { role: UNKNOWN, rules: [{ status: "Enabled", destination: { bucket: REPLICA_ARN } }] } })],
            messageId: "noBucket",
            on: "source",
            includes: ["replicationConfiguration.rules[0].destination.bucket is"],
        },
    ],
};
