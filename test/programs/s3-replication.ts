// Cross-region replication: a versioned, KMS-encrypted source bucket in us-east-1 replicates to a destination in
// us-west-2 (through a second provider) with a role S3 assumes; each region has its own key and an alias of the
// same name, as multi-region programs do. Modelled on the pulumi-aws s3.BucketReplicationConfig documentation
// example and pulumi/examples aws-ts-s3-lambda-copyzip.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

function privateBucket(name: string, key: aws.kms.Key, opts: pulumi.CustomResourceOptions): aws.s3.Bucket {
    const bucket = new aws.s3.Bucket(name, { forceDestroy: true }, opts);
    new aws.s3.BucketPublicAccessBlock(name, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, opts);
    new aws.s3.BucketOwnershipControls(name, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, opts);
    new aws.s3.BucketVersioning(name, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, opts);
    new aws.s3.BucketServerSideEncryptionConfiguration(
        name,
        { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }] },
        opts,
    );
    new aws.s3.BucketLifecycleConfiguration(
        name,
        {
            bucket: bucket.id,
            rules: [
                { id: "old-versions", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 30 } },
                { id: "multipart", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
            ],
        },
        opts,
    );
    return bucket;
}

export function s3Replication(): void {
    const suffix = process.env.ENVIRONMENT_SUFFIX ?? pulumi.getStack();
    const west = new aws.Provider("us-west-2", { region: "us-west-2" });

    const sourceKey = new aws.kms.Key("records", { description: "records (primary)", enableKeyRotation: true, deletionWindowInDays: 7 });
    new aws.kms.Alias("records", { name: `alias/records-${suffix}`, targetKeyId: sourceKey.keyId });
    const replicaKey = new aws.kms.Key("records-replica", { description: "records (replica)", enableKeyRotation: true, deletionWindowInDays: 7 }, { provider: west });
    // Same alias name in the other region: aliases are regional.
    new aws.kms.Alias("records-replica", { name: `alias/records-${suffix}`, targetKeyId: replicaKey.keyId }, { provider: west });

    const source = privateBucket("records", sourceKey, {});
    const destination = privateBucket("records-replica", replicaKey, { provider: west });

    const role = new aws.iam.Role("records-replication", {
        assumeRolePolicy: aws.iam.getPolicyDocumentOutput({
            statements: [{ effect: "Allow", principals: [{ type: "Service", identifiers: ["s3.amazonaws.com"] }], actions: ["sts:AssumeRole"] }],
        }).json,
    });
    const policy = new aws.iam.Policy("records-replication", {
        policy: aws.iam.getPolicyDocumentOutput({
            statements: [
                { effect: "Allow", actions: ["s3:GetReplicationConfiguration", "s3:ListBucket"], resources: [source.arn] },
                {
                    effect: "Allow",
                    actions: ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"],
                    resources: [pulumi.interpolate`${source.arn}/*`],
                },
                { effect: "Allow", actions: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"], resources: [pulumi.interpolate`${destination.arn}/*`] },
                { effect: "Allow", actions: ["kms:Decrypt"], resources: [sourceKey.arn] },
                { effect: "Allow", actions: ["kms:Encrypt", "kms:GenerateDataKey"], resources: [replicaKey.arn] },
            ],
        }).json,
    });
    new aws.iam.RolePolicyAttachment("records-replication", { role: role.name, policyArn: policy.arn });

    new aws.s3.BucketReplicationConfig("records", {
        bucket: source.id,
        role: role.arn,
        rules: [
            {
                id: "all",
                status: "Enabled",
                filter: {},
                deleteMarkerReplication: { status: "Enabled" },
                sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
                destination: {
                    bucket: destination.arn,
                    storageClass: "STANDARD_IA",
                    encryptionConfiguration: { replicaKmsKeyId: replicaKey.arn },
                },
            },
        ],
    });
}
