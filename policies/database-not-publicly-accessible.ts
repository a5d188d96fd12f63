import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { asBool, isUnknown } from "../lib/values";

const DMS = "aws:dms/replicationInstance:ReplicationInstance";
const PUBLIC: keyof aws.rds.InstanceArgs & keyof aws.rds.ClusterInstanceArgs & keyof aws.redshift.ClusterArgs & keyof aws.dms.ReplicationInstanceArgs =
    "publiclyAccessible";

export default definePolicy({
    kind: "resource",
    name: "database-not-publicly-accessible",
    family: "public-access",
    description: "RDS instances, Aurora cluster instances, Redshift clusters and DMS replication instances are not publicly accessible.",
    enforcementLevel: "mandatory",
    severity: "critical",
    types: withNative(["aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance", "aws:redshift/cluster:Cluster", DMS]),
    messages: {
        public:
            "publiclyAccessible is {{value}}; set `publiclyAccessible: false`. A public endpoint resolves to a public IP, so only the security group " +
            "stands between the database and internet-wide scanning and password guessing; reach it through the VPC instead (VPN, bastion, SSM port forwarding).",
        publicByDefault:
            "publiclyAccessible is {{value}} and AWS DMS defaults it to true, giving the replication instance a public IP address; set " +
            "`publiclyAccessible: false`. The instance holds credentials for both databases it copies between and needs no internet exposure.",
    },
    framework: fsbp("RDS.2", "RDS DB Instances should prohibit public access, as determined by the PubliclyAccessible configuration"),
    remediationSteps:
        "Set `publiclyAccessible: false` (the `remediate` level does this for RDS and Redshift, where it is an in-place change) and connect " +
        "from inside the VPC. For DMS replication instances the setting forces a replacement, so change it in code yourself; AWS's default there is true.",
    check({ resource, get, report }) {
        const value = get(PUBLIC);
        if (isUnknown(value)) return;
        const flag = asBool(value);
        if (flag === true) report("public", { property: PUBLIC, value });
        else if (flag === undefined && resource.type === DMS) report("publicByDefault", { property: PUBLIC, value });
    },
    // In place for RDS and Redshift; for DMS it replaces the replication instance, so no automatic fix there.
    fix: ({ resource }) => (resource.type === DMS ? undefined : { [PUBLIC]: false }),
});
