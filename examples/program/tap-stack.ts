// An example Pulumi program (modelled on the Aurora PostgreSQL stack of seed 002) written to pass aws-guardrails:
// every physical name carries the environment suffix, the database can be destroyed, data is encrypted under a
// customer-managed key, and nothing is open to the internet. tap-stack.test.ts checks it with aws-guardrails/testing.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface TapStackArgs {
    /** Makes every physical name unique to this deployment, e.g. "dev" or "pr-123". */
    environmentSuffix: string;
    vpcId: pulumi.Input<string>;
    /** Private subnets (two or more availability zones) for the database. */
    privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** The application network allowed to reach PostgreSQL. */
    appCidrBlock: string;
    /** Aurora PostgreSQL version; one AWS still offers for new clusters. */
    engineVersion?: string;
    tags?: Record<string, string>;
}

export class TapStack extends pulumi.ComponentResource {
    readonly clusterEndpoint: pulumi.Output<string>;
    readonly artifactsBucket: pulumi.Output<string>;

    constructor(name: string, args: TapStackArgs, opts?: pulumi.ComponentResourceOptions) {
        super("tap:index:TapStack", name, {}, opts);
        const suffix = args.environmentSuffix;
        const tags = { Environment: suffix, Project: "tap", ...args.tags };
        const child = { parent: this };

        const key = new aws.kms.Key(
            `tap-db-key-${suffix}`,
            { description: `Aurora and artifacts encryption (${suffix})`, enableKeyRotation: true, deletionWindowInDays: 7, tags },
            child,
        );
        new aws.kms.Alias(`tap-db-key-alias-${suffix}`, { name: `alias/tap-db-${suffix}`, targetKeyId: key.keyId }, child);

        // Created before the cluster so RDS exports into a log group with a retention, not one that keeps logs forever.
        const logGroup = new aws.cloudwatch.LogGroup(
            `tap-db-logs-${suffix}`,
            { name: `/aws/rds/cluster/tap-db-${suffix}/postgresql`, retentionInDays: 30, tags },
            child,
        );

        const bucket = new aws.s3.Bucket(`tap-artifacts-${suffix}`, { bucket: `tap-artifacts-${suffix}`, forceDestroy: true, tags }, child);
        new aws.s3.BucketPublicAccessBlock(
            `tap-artifacts-pab-${suffix}`,
            { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            child,
        );
        new aws.s3.BucketServerSideEncryptionConfiguration(
            `tap-artifacts-sse-${suffix}`,
            { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }] },
            child,
        );

        const securityGroup = new aws.ec2.SecurityGroup(
            `tap-db-sg-${suffix}`,
            {
                name: `tap-db-sg-${suffix}`,
                description: "PostgreSQL from the application network only",
                vpcId: args.vpcId,
                ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: [args.appCidrBlock], description: "PostgreSQL" }],
                egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
                tags,
            },
            child,
        );
        const subnetGroup = new aws.rds.SubnetGroup(`tap-db-subnets-${suffix}`, { name: `tap-db-subnets-${suffix}`, subnetIds: args.privateSubnetIds, tags }, child);

        const cluster = new aws.rds.Cluster(
            `tap-db-${suffix}`,
            {
                clusterIdentifier: `tap-db-${suffix}`,
                engine: "aurora-postgresql",
                engineMode: "provisioned",
                engineVersion: args.engineVersion ?? "16.9",
                databaseName: "tap",
                masterUsername: "tapadmin",
                // RDS keeps the password in Secrets Manager: no secret in code or state.
                manageMasterUserPassword: true,
                storageEncrypted: true,
                kmsKeyId: key.arn,
                backupRetentionPeriod: 7,
                // An ephemeral environment: `pulumi destroy` must be able to delete the database.
                skipFinalSnapshot: true,
                deletionProtection: false,
                dbSubnetGroupName: subnetGroup.name,
                vpcSecurityGroupIds: [securityGroup.id],
                enabledCloudwatchLogsExports: ["postgresql"],
                serverlessv2ScalingConfiguration: { minCapacity: 0.5, maxCapacity: 1 },
                tags,
            },
            { parent: this, dependsOn: [logGroup] },
        );
        new aws.rds.ClusterInstance(
            `tap-db-instance-1-${suffix}`,
            {
                identifier: `tap-db-instance-1-${suffix}`,
                clusterIdentifier: cluster.id,
                instanceClass: "db.serverless",
                engine: "aurora-postgresql",
                engineVersion: cluster.engineVersion,
                publiclyAccessible: false,
                tags,
            },
            child,
        );

        this.clusterEndpoint = cluster.endpoint;
        this.artifactsBucket = bucket.bucket;
        this.registerOutputs({ clusterEndpoint: this.clusterEndpoint, artifactsBucket: this.artifactsBucket });
    }
}
