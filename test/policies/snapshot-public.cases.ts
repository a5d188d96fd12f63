import { Cases, UNKNOWN, secret } from "../tester";

const AMI = "aws:ec2/amiLaunchPermission:AmiLaunchPermission";
const SNAPSHOT = "aws:rds/snapshot:Snapshot";
const CLUSTER_SNAPSHOT = "aws:rds/clusterSnapshot:ClusterSnapshot";
const DISTRIBUTION = "aws:imagebuilder/distributionConfiguration:DistributionConfiguration";
const distribution = (launchPermission: unknown) => ({ distributions: [{ region: "us-east-1", amiDistributionConfiguration: { launchPermission } }] });

export const cases: Cases = {
    valid: [
        { why: "AMI shared with one account (the twin of all)", type: AMI, props: { imageId: "ami-1", accountId: "210987654321" } },
        { why: "AMI shared with an organization", type: AMI, props: { imageId: "ami-1", organizationArn: "arn:aws:organizations::123456789012:organization/o-abc" } },
        { why: "snapshot shared with one account", type: SNAPSHOT, props: { sharedAccounts: ["210987654321"] } },
        { why: "private snapshot", type: CLUSTER_SNAPSHOT, props: { dbClusterIdentifier: "db" } },
        { why: "distribution to an account", type: DISTRIBUTION, props: distribution({ userIds: ["210987654321"] }) },
        { why: "group unknown during preview", type: AMI, props: { imageId: "ami-1", group: UNKNOWN } },
        { why: "shared accounts unknown", type: SNAPSHOT, props: { sharedAccounts: UNKNOWN } },
        { why: "user groups unknown", type: DISTRIBUTION, props: distribution({ userGroups: UNKNOWN }) },
        { why: "secret account id", type: SNAPSHOT, props: { sharedAccounts: [secret("876540002345")] } },
        { why: "malformed distributions do not throw", type: DISTRIBUTION, props: { distributions: "garbage" } },
    ],
    invalid: [
        { why: "public AMI", type: AMI, props: { imageId: "ami-1", group: "all" }, messageId: "publicAmi", includes: ['group is "all"'] },
        { why: "public RDS snapshot", type: SNAPSHOT, props: { sharedAccounts: ["all"] }, messageId: "publicSnapshot", includes: ["sharedAccounts"] },
        { why: "public cluster snapshot copy", type: "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", props: { sharedAccounts: ["210987654321", "all"] }, messageId: "publicSnapshot" },
        { why: "public Image Builder distribution", type: DISTRIBUTION, props: distribution({ userGroups: ["all"] }), messageId: "publicDistribution", includes: ["distributions[0]"] },
        { why: "secret id is not printed", type: SNAPSHOT, props: { dbSnapshotIdentifier: secret("snap-secret-id"), sharedAccounts: ["all"] }, messageId: "publicSnapshot" },
    ],
};
