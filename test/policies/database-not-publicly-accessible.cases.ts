import { Cases, UNKNOWN, secret } from "../tester";

const RDS = "aws:rds/instance:Instance";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
const REDSHIFT = "aws:redshift/cluster:Cluster";
const DMS = "aws:dms/replicationInstance:ReplicationInstance";

export const cases: Cases = {
    valid: [
        { why: "typical private RDS instance (default false)", type: RDS, props: { engine: "postgres", instanceClass: "db.t4g.micro", dbSubnetGroupName: UNKNOWN, password: secret("db-Secret-123") } },
        { why: "explicitly private", type: RDS, props: { publiclyAccessible: false } },
        { why: "unknown during preview", type: RDS, props: { publiclyAccessible: UNKNOWN } },
        { why: "Aurora cluster instance, default false", type: CLUSTER_INSTANCE, props: { clusterIdentifier: UNKNOWN, instanceClass: "db.r6g.large", engine: "aurora-postgresql" } },
        { why: "Redshift default false", type: REDSHIFT, props: { nodeType: "ra3.xlplus" } },
        { why: "private DMS instance", type: DMS, props: { replicationInstanceClass: "dms.t3.micro", publiclyAccessible: false } },
        { why: "DMS flag unknown", type: DMS, props: { publiclyAccessible: UNKNOWN } },
        { why: "string false", type: REDSHIFT, props: { publiclyAccessible: "false" } },
        { why: "malformed value on RDS is not public", type: RDS, props: { publiclyAccessible: { yes: 1 } } },
        { why: "aws-native: private DbInstance", type: "aws-native:rds:DbInstance", props: { engine: "postgres", publiclyAccessible: false, masterUserPassword: secret("pw-native-4") } },
    ],
    invalid: [
        { why: "public RDS instance", type: RDS, props: { publiclyAccessible: true }, messageId: "public", includes: ["publiclyAccessible", "true"] },
        { why: "public Aurora cluster instance", type: CLUSTER_INSTANCE, props: { publiclyAccessible: true }, messageId: "public" },
        { why: "public Redshift cluster (string)", type: REDSHIFT, props: { publiclyAccessible: "true" }, messageId: "public" },
        { why: "public DMS instance", type: DMS, props: { publiclyAccessible: true }, messageId: "public", fixes: false },
        { why: "DMS without the flag is public by AWS default", type: DMS, props: { replicationInstanceClass: "dms.t3.micro" }, messageId: "publicByDefault", includes: ["not set", "defaults it to true"], fixes: false },
        { why: "DMS malformed flag: the message shows the value", type: DMS, props: { publiclyAccessible: [] }, messageId: "publicByDefault", includes: ["publiclyAccessible is []"], fixes: false },
        { why: "secret password is not printed", type: RDS, props: { publiclyAccessible: true, password: secret("db-Secret-123") }, messageId: "public" },
        { why: "aws-native: public DbInstance", type: "aws-native:rds:DbInstance", props: { engine: "postgres", publiclyAccessible: true }, messageId: "public", includes: ["publiclyAccessible"] },
    ],
};
