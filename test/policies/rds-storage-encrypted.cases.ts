import { Cases, UNKNOWN, secret } from "../tester";

const INSTANCE = "aws:rds/instance:Instance";
const GLOBAL = "aws:rds/globalCluster:GlobalCluster";

export const cases: Cases = {
    valid: [
        {
            why: "typical encrypted Aurora PostgreSQL cluster",
            props: { engine: "aurora-postgresql", engineVersion: "15.10", storageEncrypted: true, kmsKeyId: UNKNOWN, skipFinalSnapshot: true },
        },
        { why: "unknown during preview", props: { engine: "aurora-mysql", storageEncrypted: UNKNOWN } },
        { why: "string form of true", props: { storageEncrypted: "true" } },
        { why: "secret key id, encrypted", props: { storageEncrypted: true, kmsKeyId: secret("arn:aws:kms:us-east-1:111122223333:key/rds-secret-key") } },
        { why: "Aurora Serverless v1 is always encrypted", props: { engine: "aurora-mysql", engineMode: "serverless" } },
        { why: "engine mode unknown", props: { engineMode: UNKNOWN } },
        { why: "restored from a snapshot takes the snapshot's encryption", props: { snapshotIdentifier: "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:base" } },
        { why: "point-in-time restore takes the source's encryption", props: { restoreToPointInTime: { sourceClusterIdentifier: "src", useLatestRestorableTime: true } } },
        { why: "cross-region replica without an explicit value inherits the source", props: { replicationSourceIdentifier: UNKNOWN, kmsKeyId: UNKNOWN } },
        {
            why: "secondary cluster of a global database (seed 003)",
            props: { engine: "aurora-postgresql", globalClusterIdentifier: UNKNOWN, dbSubnetGroupName: UNKNOWN },
        },
        { why: "encrypted RDS instance", type: INSTANCE, props: { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, storageEncrypted: true } },
        { why: "instance read replica inherits the source", type: INSTANCE, props: { replicateSourceDb: UNKNOWN, instanceClass: "db.t4g.micro" } },
        { why: "instance replica with explicit false (the API ignores it)", type: INSTANCE, props: { replicateSourceDb: "source-db", storageEncrypted: false } },
        { why: "encrypted global cluster", type: GLOBAL, props: { globalClusterIdentifier: "payments", engine: "aurora-postgresql", storageEncrypted: true } },
        { why: "global cluster built from an existing cluster", type: GLOBAL, props: { globalClusterIdentifier: "g", sourceDbClusterIdentifier: UNKNOWN } },
        { why: "encrypted DocumentDB cluster", type: "aws:docdb/cluster:Cluster", props: { storageEncrypted: true, masterUsername: "admin", masterPassword: secret("pw-123456") } },
        { why: "encrypted Neptune cluster", type: "aws:neptune/cluster:Cluster", props: { storageEncrypted: true } },
        { why: "another resource type is not checked", type: "aws:s3/bucket:Bucket", props: {} },
        { why: "aws-native: encrypted Aurora cluster", type: "aws-native:rds:DbCluster", props: { engine: "aurora-postgresql", storageEncrypted: true, masterUserPassword: secret("pw-native-3") } },
        { why: "aws-native: Aurora member instance takes the cluster's encryption", type: "aws-native:rds:DbInstance", props: { engine: "aurora-postgresql", dbClusterIdentifier: UNKNOWN, dbInstanceClass: "db.r6g.large" } },
        { why: "aws-native: encryption unknown", type: "aws-native:rds:DbInstance", props: { engine: "postgres", storageEncrypted: UNKNOWN } },
    ],
    invalid: [
        { why: "not set on a provisioned Aurora cluster", props: { engine: "aurora-postgresql", skipFinalSnapshot: true }, messageId: "notEncrypted", includes: ["storageEncrypted", "not set", "unset means unencrypted for provisioned Aurora", "DB cluster"] },
        { why: "explicitly false", props: { storageEncrypted: false }, messageId: "notEncrypted", includes: ["false"] },
        { why: "string false", props: { storageEncrypted: "false" }, messageId: "notEncrypted" },
        { why: "engine mode provisioned", props: { engineMode: "provisioned" }, messageId: "notEncrypted" },
        { why: "a global-database member that asks for plaintext", props: { globalClusterIdentifier: UNKNOWN, storageEncrypted: false }, messageId: "notEncrypted" },
        { why: "a cluster replica that asks for plaintext", props: { replicationSourceIdentifier: "arn:aws:rds:us-east-1:1:cluster:src", storageEncrypted: false }, messageId: "notEncrypted" },
        { why: "RDS instance without encryption", type: INSTANCE, props: { engine: "mysql", instanceClass: "db.t3.micro" }, messageId: "notEncrypted", includes: ["DB instance", "(unset means unencrypted)"] },
        { why: "global cluster without encryption", type: GLOBAL, props: { globalClusterIdentifier: "g", engine: "aurora-postgresql" }, messageId: "notEncrypted", includes: ["global database", "unless sourceDbClusterIdentifier names an encrypted cluster"] },
        { why: "DocumentDB default is unencrypted", type: "aws:docdb/cluster:Cluster", props: { masterPassword: secret("docdb-secret-pw") }, messageId: "notEncrypted", includes: ["DocumentDB cluster", "(unset means unencrypted)"] },
        { why: "Neptune default is unencrypted", type: "aws:neptune/cluster:Cluster", props: {}, messageId: "notEncrypted", includes: ["Neptune cluster", "(unset means unencrypted)"] },
        { why: "replicateSourceDb makes only an instance a replica", props: { replicateSourceDb: "source-db" }, messageId: "notEncrypted" },
        { why: "engineMode serverless exempts only an RDS cluster", type: INSTANCE, props: { engineMode: "serverless" }, messageId: "notEncrypted" },
        { why: "malformed value", props: { storageEncrypted: { nested: [null] }, engineMode: 7 }, messageId: "notEncrypted" },
        {
            why: "secret password and key id: still evaluated, never printed",
            props: { masterPassword: secret("Sup3rSecretPw!"), kmsKeyId: secret("arn:aws:kms:us-east-1:111122223333:key/rds-secret-key") },
            messageId: "notEncrypted",
        },
        { why: "aws-native: DbInstance storageEncrypted false (issue 14)", type: "aws-native:rds:DbInstance", props: { engine: "postgres", dbInstanceClass: "db.t3.micro", storageEncrypted: false }, messageId: "notEncrypted", includes: ["storageEncrypted", "false", "DB instance"] },
        { why: "aws-native: malformed flag on a DbInstance", type: "aws-native:rds:DbInstance", props: { engine: "mysql", storageEncrypted: [1] }, messageId: "notEncrypted" },
    ],
};
