import { Cases, UNKNOWN, secret } from "../tester";

export const cases: Cases = {
    valid: [
        { why: "skips the final snapshot", props: { skipFinalSnapshot: true } },
        { why: "string form of true", props: { skipFinalSnapshot: "true" } },
        { why: "unknown during preview", props: { skipFinalSnapshot: UNKNOWN } },
        { why: "false, but the snapshot name is unknown", props: { skipFinalSnapshot: false, finalSnapshotIdentifier: UNKNOWN } },
        { why: "RDS instance that skips it", type: "aws:rds/instance:Instance", props: { skipFinalSnapshot: true } },
        { why: "secret-wrapped true", props: { skipFinalSnapshot: secret(true) } },
        { why: "another resource type is not checked", type: "aws:s3/bucket:Bucket", props: {} },
    ],
    invalid: [
        { why: "not set: AWS refuses the delete", props: { engine: "aurora-postgresql" }, messageId: "noFinalIdentifier", includes: ["skipFinalSnapshot", "not set"] },
        { why: "explicitly false", props: { skipFinalSnapshot: false }, messageId: "noFinalIdentifier", includes: ["false"] },
        { why: "false with a final snapshot name", props: { skipFinalSnapshot: false, finalSnapshotIdentifier: "db-final" }, messageId: "keepsSnapshot" },
        { why: "malformed value", props: { skipFinalSnapshot: 42 }, messageId: "noFinalIdentifier", includes: ["42"] },
        { why: "DocumentDB cluster", type: "aws:docdb/cluster:Cluster", props: {}, messageId: "noFinalIdentifier" },
        { why: "Redshift cluster", type: "aws:redshift/cluster:Cluster", props: { skipFinalSnapshot: false }, messageId: "noFinalIdentifier" },
        { why: "secret final snapshot name is not printed", props: { skipFinalSnapshot: false, finalSnapshotIdentifier: secret("final-snap-xyz") }, messageId: "keepsSnapshot" },
        { why: "ephemeral stack, custom production pattern", stack: "prod-eu", config: { productionStacks: ["live"] }, props: {}, messageId: "noFinalIdentifier" },
    ],
    notApplicable: [
        { why: "production stack by name", stack: "prod", props: {} },
        { why: "production stack by tag", stack: "blue", stackTags: { environment: "production" }, props: {} },
        { why: "production by a custom pattern", stack: "live-1", config: { productionStacks: ["live-*"] }, props: {} },
    ],
};
