import { Cases, UNKNOWN, secret } from "../tester";

const AURORA = "aws:rds/cluster:Cluster";

export const cases: Cases = {
    valid: [
        { why: "unprotected database", type: AURORA, props: { engine: "aurora-postgresql" } },
        { why: "protect false", type: "aws:s3/bucket:Bucket", protect: false, props: {} },
        { why: "any other type, unprotected", type: "aws:ec2/vpc:Vpc", props: { cidrBlock: "10.0.0.0/16" } },
        { why: "malformed props do not matter", type: AURORA, props: { deletionProtection: { nested: [null] } } },
        { why: "unknown and secret props do not matter", type: AURORA, props: { clusterIdentifier: UNKNOWN, masterPassword: secret("Tr0ub4dor-and-3") } },
    ],
    invalid: [
        { why: "protected database", type: AURORA, protect: true, props: { engine: "aurora-postgresql" }, messageId: "protected", count: 1, includes: ["protect", "pulumi state unprotect"] },
        { why: "protected bucket", type: "aws:s3/bucket:Bucket", protect: true, props: {}, messageId: "protected" },
        { why: "the message shows the option's value", type: "aws:dynamodb/table:Table", protect: true, props: {}, messageId: "protected", includes: ["the resource option protect is true;"] },
        { why: "protected resource of a type no other policy knows", type: "aws:ec2/vpc:Vpc", protect: true, props: {}, messageId: "protected" },
    ],
    notApplicable: [{ why: "production stack keeps its protection", type: AURORA, stack: "prod", protect: true, props: {} }],
};
