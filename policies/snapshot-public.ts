import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { asArray, asString, get, isUnknown } from "../lib/values";

const AMI_PERMISSION = "aws:ec2/amiLaunchPermission:AmiLaunchPermission";
const IMAGE_DISTRIBUTION = "aws:imagebuilder/distributionConfiguration:DistributionConfiguration";
const RDS_SNAPSHOTS = ["aws:rds/snapshot:Snapshot", "aws:rds/clusterSnapshot:ClusterSnapshot", "aws:rds/snapshotCopy:SnapshotCopy", "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy"];
const GROUP: keyof aws.ec2.AmiLaunchPermissionArgs = "group";
const SHARED: keyof aws.rds.SnapshotArgs & keyof aws.rds.ClusterSnapshotArgs = "sharedAccounts";
const DISTRIBUTIONS: keyof aws.imagebuilder.DistributionConfigurationArgs = "distributions";

/** "all", the group that makes an AMI or snapshot public. */
function isAll(value: unknown): boolean {
    return asString(value)?.trim().toLowerCase() === "all";
}

export default definePolicy({
    kind: "resource",
    name: "snapshot-public",
    family: "public-access",
    description: "No AMI, RDS snapshot or Image Builder distribution is shared with `all` (every AWS account).",
    enforcementLevel: "mandatory",
    severity: "critical",
    types: [AMI_PERMISSION, ...RDS_SNAPSHOTS, IMAGE_DISTRIBUTION],
    messages: {
        publicAmi:
            "{{property}} is {{value}}: the AMI is public, so any AWS account can launch it and read every file baked into it (keys, configuration, " +
            "data). Share it with `accountId`, `organizationArn` or `organizationalUnitArn` instead.",
        publicSnapshot:
            "{{property}} includes {{value}}: the snapshot is public, so any AWS account can restore it and read the whole database. List only the " +
            "account ids that need it.",
        publicDistribution:
            "{{property}} includes {{value}}: every AMI this pipeline distributes is public, launchable by any AWS account. Use `userIds`, " +
            "`organizationArns` or `organizationalUnitArns`.",
    },
    remediationSteps:
        "Remove `group: \"all\"` from aws.ec2.AmiLaunchPermission (use accountId / organizationArn), `\"all\"` from `sharedAccounts` of RDS " +
        "snapshots, and `userGroups: [\"all\"]` from Image Builder launch permissions. For an image published on purpose (a public community AMI), add " +
        "an exemption with the reason. Counterparts: Security Hub FSBP RDS.1 (RDS snapshots private), EC2.1 (EBS snapshots not publicly restorable). " +
        "EBS snapshots: the provider's SnapshotCreateVolumePermission takes an account id only, so it cannot make one public.",
    check({ resource, get: read, report }) {
        if (resource.type === AMI_PERMISSION) {
            const group = read(GROUP);
            if (isAll(group)) report("publicAmi", { property: GROUP, value: group });
        } else if (resource.type === IMAGE_DISTRIBUTION) {
            asArray(read(DISTRIBUTIONS)).forEach((d, i) => {
                const groups = get(d, "amiDistributionConfiguration.launchPermission.userGroups");
                if (!isUnknown(groups) && asArray(groups).some(isAll)) {
                    report("publicDistribution", { property: `${DISTRIBUTIONS}[${i}].amiDistributionConfiguration.launchPermission.userGroups`, value: "all" });
                }
            });
        } else {
            const shared = read(SHARED);
            if (!isUnknown(shared) && asArray(shared).some(isAll)) report("publicSnapshot", { property: SHARED, value: "all" });
        }
    },
});
