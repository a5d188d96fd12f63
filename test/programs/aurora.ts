// Aurora PostgreSQL in private subnets, encrypted with a customer-managed key, the master password managed by
// RDS in Secrets Manager, access only from an application security group, logs exported to log groups with a
// retention; plus a small RDS PostgreSQL instance pinned to a major version only. Destroyable in ephemeral stacks,
// protected in production. Modelled on pulumi/examples aws-ts-global-rds-cluster and aws-ts-wordpress-fargate-rds
// (here with managed credentials instead of a literal password).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { network } from "./vpc";

export function aurora(): void {
    const suffix = process.env.ENVIRONMENT_SUFFIX ?? pulumi.getStack();
    const production = pulumi.getStack() === "prod";
    const net = network("db");

    const key = new aws.kms.Key("db", {
        description: "Database storage, secrets and the exported database logs",
        enableKeyRotation: true,
        deletionWindowInDays: production ? 30 : 7,
        // CloudWatch Logs encrypts the exported log group with this key, so the key policy must let the logs principal use it.
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Sid: "Account", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" },
                {
                    Sid: "CloudWatchLogs",
                    Effect: "Allow",
                    Principal: { Service: "logs.us-east-1.amazonaws.com" },
                    Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                    Resource: "*",
                    Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:123456789012:log-group:*" } },
                },
            ],
        }),
    });
    new aws.kms.Alias("db", { name: `alias/orders-db-${suffix}`, targetKeyId: key.keyId });

    const appSg = new aws.ec2.SecurityGroup("app", {
        vpcId: net.vpc.id,
        description: "Application tasks",
        egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
    });
    const dbSg = new aws.ec2.SecurityGroup("db", { vpcId: net.vpc.id, description: "PostgreSQL from the application" });
    new aws.vpc.SecurityGroupIngressRule("db-from-app", {
        securityGroupId: dbSg.id,
        referencedSecurityGroupId: appSg.id,
        ipProtocol: "tcp",
        fromPort: 5432,
        toPort: 5432,
    });
    new aws.vpc.SecurityGroupIngressRule("db-from-vpc", {
        securityGroupId: dbSg.id,
        cidrIpv4: "10.0.0.0/16",
        ipProtocol: "tcp",
        fromPort: 5432,
        toPort: 5432,
    });
    new aws.vpc.SecurityGroupEgressRule("db-egress", { securityGroupId: dbSg.id, cidrIpv4: "0.0.0.0/0", ipProtocol: "-1" });

    const subnets = new aws.rds.SubnetGroup("db", { subnetIds: net.privateSubnetIds });
    const params = new aws.rds.ClusterParameterGroup("db", {
        family: "aurora-postgresql17",
        parameters: [{ name: "rds.force_ssl", value: "1" }, { name: "log_min_duration_statement", value: "1000" }],
    });

    const clusterId = `orders-${suffix}`;
    new aws.cloudwatch.LogGroup("db-postgresql", { name: `/aws/rds/cluster/${clusterId}/postgresql`, retentionInDays: 30, kmsKeyId: key.arn });
    const cluster = new aws.rds.Cluster("orders", {
        clusterIdentifier: clusterId,
        engine: "aurora-postgresql",
        engineVersion: "17.5",
        databaseName: "orders",
        masterUsername: "orders_admin",
        manageMasterUserPassword: true,
        masterUserSecretKmsKeyId: key.keyId,
        storageEncrypted: true,
        kmsKeyId: key.arn,
        dbSubnetGroupName: subnets.name,
        vpcSecurityGroupIds: [dbSg.id],
        dbClusterParameterGroupName: params.name,
        backupRetentionPeriod: 7,
        preferredBackupWindow: "03:00-04:00",
        copyTagsToSnapshot: true,
        enabledCloudwatchLogsExports: ["postgresql"],
        iamDatabaseAuthenticationEnabled: true,
        deletionProtection: production,
        skipFinalSnapshot: !production,
        finalSnapshotIdentifier: production ? `orders-final-${suffix}` : undefined,
        serverlessv2ScalingConfiguration: { minCapacity: 0.5, maxCapacity: 4 },
    });
    const monitoringRole = new aws.iam.Role("db-monitoring", {
        assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "monitoring.rds.amazonaws.com" }),
    });
    new aws.iam.RolePolicyAttachment("db-monitoring", {
        role: monitoringRole.name,
        policyArn: "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
    });
    for (const i of [1, 2]) {
        new aws.rds.ClusterInstance(`orders-${i}`, {
            clusterIdentifier: cluster.id,
            identifier: `orders-${i}-${suffix}`,
            engine: "aurora-postgresql",
            engineVersion: cluster.engineVersion,
            instanceClass: "db.serverless",
            dbSubnetGroupName: subnets.name,
            publiclyAccessible: false,
            performanceInsightsEnabled: true,
            performanceInsightsKmsKeyId: key.arn,
            monitoringInterval: 60,
            monitoringRoleArn: monitoringRole.arn,
            autoMinorVersionUpgrade: true,
        });
    }

    // Credentials of the upstream partner feed, set per stack with `pulumi config set --secret partnerApiKey`.
    const partnerSecret = new aws.secretsmanager.Secret("partner-api", { kmsKeyId: key.arn });
    new aws.secretsmanager.SecretVersion("partner-api", {
        secretId: partnerSecret.id,
        secretString: new pulumi.Config().getSecret("partnerApiKey") ?? pulumi.secret("unset"),
    });
    // A small reporting database: engine pinned to the major version, RDS picks the current minor.
    new aws.rds.Instance("reporting", {
        engine: "postgres",
        engineVersion: "16",
        instanceClass: "db.t4g.micro",
        allocatedStorage: 20,
        maxAllocatedStorage: 100,
        storageType: "gp3",
        storageEncrypted: true,
        kmsKeyId: key.arn,
        dbName: "reporting",
        username: "reporting",
        manageMasterUserPassword: true,
        dbSubnetGroupName: subnets.name,
        vpcSecurityGroupIds: [dbSg.id],
        publiclyAccessible: false,
        multiAz: production,
        backupRetentionPeriod: 7,
        enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
        deletionProtection: production,
        skipFinalSnapshot: !production,
        finalSnapshotIdentifier: production ? `reporting-final-${suffix}` : undefined,
        autoMinorVersionUpgrade: true,
    });
}
