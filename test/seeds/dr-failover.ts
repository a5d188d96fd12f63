// A multi-region disaster-recovery stack as the incident write-ups describe it (seeds 003 and 004, with seed 001's name
// collision and seed 002's engine version): `fixed: false` keeps every failure the write-ups list, `fixed: true` applies
// each write-up's fix. Values the preview cannot know (ARNs, DNS names) are given by the mocks in SEED_MOCKS.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface DrOptions {
    suffix: string;
    fixed: boolean;
}

/** The outputs an alarm dimension shows, as a preview after the first deploy knows them: the load balancer's and target group's ARNs. */
export const SEED_MOCKS = {
    newResource(args: pulumi.runtime.MockResourceArgs): { state: Record<string, string> } | undefined {
        const kind = { "aws:lb/loadBalancer:LoadBalancer": "loadbalancer/app", "aws:lb/targetGroup:TargetGroup": "targetgroup" }[args.type];
        if (!kind) return undefined;
        const suffix = `${kind}/${args.name}/50dc6c495c0c9188`;
        return { state: { arn: `arn:aws:elasticloadbalancing:us-east-1:123456789012:${suffix}`, arnSuffix: suffix.replace(/^loadbalancer\//, "") } };
    },
};

export function drFailover({ suffix, fixed }: DrOptions): void {
    const primary = new aws.Provider("primary", { region: "us-east-1" });
    const dr = new aws.Provider("dr", { region: "us-west-2" });
    const tags = { Environment: suffix, Project: "payments-dr", CostCenter: "finance" };

    // Networks in both regions, peered for replication (seed 004 #4: no accepter in the DR region).
    const vpc = new aws.ec2.Vpc("primary", { cidrBlock: "10.0.0.0/16", tags }, { provider: primary });
    const drVpc = new aws.ec2.Vpc("dr", { cidrBlock: "10.1.0.0/16", tags }, { provider: dr });
    const zones = ["us-east-1a", "us-east-1b"];
    const publicSubnets = zones.map((az, i) => new aws.ec2.Subnet(`public-${i}`, { vpcId: vpc.id, cidrBlock: `10.0.${i}.0/24`, availabilityZone: az, tags }, { provider: primary }));
    const privateSubnets = zones.map((az, i) => new aws.ec2.Subnet(`private-${i}`, { vpcId: vpc.id, cidrBlock: `10.0.${10 + i}.0/24`, availabilityZone: az, tags }, { provider: primary }));
    // Seed 000: one NAT gateway serving every zone.
    const nats = (fixed ? publicSubnets : publicSubnets.slice(0, 1)).map(
        (subnet, i) => new aws.ec2.NatGateway(`nat-${i}`, { subnetId: subnet.id, allocationId: new aws.ec2.Eip(`nat-${i}`, { domain: "vpc", tags }, { provider: primary }).id, tags }, { provider: primary }),
    );
    privateSubnets.forEach((subnet, i) => {
        const table = new aws.ec2.RouteTable(`private-${i}`, { vpcId: vpc.id, tags }, { provider: primary });
        new aws.ec2.Route(`private-${i}-nat`, { routeTableId: table.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nats[fixed ? i : 0].id }, { provider: primary });
        new aws.ec2.RouteTableAssociation(`private-${i}`, { routeTableId: table.id, subnetId: subnet.id }, { provider: primary });
    });
    const peering = new aws.ec2.VpcPeeringConnection("primary-to-dr", { vpcId: vpc.id, peerVpcId: drVpc.id, peerRegion: "us-west-2", autoAccept: false, tags }, { provider: primary });
    if (fixed) new aws.ec2.VpcPeeringConnectionAccepter("dr-accepts", { vpcPeeringConnectionId: peering.id, autoAccept: true, tags }, { provider: dr });

    // Encryption keys (seed 004 #2): customer-managed, rotating.
    const key = new aws.kms.Key("db", { enableKeyRotation: true, deletionWindowInDays: 7, tags }, { provider: primary });
    new aws.kms.Alias("db", { name: fixed ? `alias/payments-db-${suffix}` : "alias/payments-db", targetKeyId: key.keyId }, { provider: primary });

    // Aurora global database (seed 002: 15.3; seed 004 #1: literal password, #15: no log exports).
    const global = new aws.rds.GlobalCluster("payments", {
        globalClusterIdentifier: `payments-global-${suffix}`,
        engine: "aurora-postgresql",
        engineVersion: fixed ? "15.10" : "15.3",
        storageEncrypted: true,
        deletionProtection: false,
    }, { provider: primary });
    const cluster = new aws.rds.Cluster("payments-primary", {
        clusterIdentifier: `payments-primary-${suffix}`,
        globalClusterIdentifier: global.id,
        engine: global.engine,
        engineVersion: global.engineVersion,
        masterUsername: "payments_admin",
        ...(fixed ? { manageMasterUserPassword: true } : { masterPassword: pulumi.secret("MySecurePassword123!") }),
        storageEncrypted: true,
        kmsKeyId: key.arn,
        backupRetentionPeriod: 7,
        skipFinalSnapshot: true,
        deletionProtection: false,
        enabledCloudwatchLogsExports: fixed ? ["postgresql"] : undefined,
        tags,
    }, { provider: primary });

    // The application: an ALB (seed 003 #2: plain HTTP forwarding) and its health check (seed 004 #6: HTTPS:443 against HTTP:80).
    const albSg = new aws.ec2.SecurityGroup("alb", {
        vpcId: vpc.id,
        ingress: [{ protocol: "tcp", fromPort: fixed ? 443 : 80, toPort: fixed ? 443 : 80, cidrBlocks: ["0.0.0.0/0"] }],
        tags,
    }, { provider: primary });
    const logs = new aws.s3.Bucket("alb-logs", { bucket: `payments-alb-logs-${suffix}`, forceDestroy: true, tags }, { provider: primary });
    new aws.s3.BucketPublicAccessBlock("alb-logs", { bucket: logs.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, { provider: primary });
    const alb = new aws.lb.LoadBalancer("payments", {
        loadBalancerType: "application",
        securityGroups: [albSg.id],
        subnets: publicSubnets.map((s) => s.id),
        accessLogs: { bucket: logs.id, enabled: true },
        tags,
    }, { provider: primary });
    // Seed 003 (Pr7331): a target group name longer than the 32 characters AWS allows.
    const targets = new aws.lb.TargetGroup("payments", {
        name: fixed ? `payments-tg-${suffix}` : `payment-processing-blue-targets-${suffix}`,
        port: 8080,
        protocol: "HTTP",
        vpcId: vpc.id,
        tags,
    }, { provider: primary });
    const forward = [{ type: "forward", targetGroupArn: targets.arn }];
    if (fixed) {
        new aws.lb.Listener("https", {
            loadBalancerArn: alb.arn,
            port: 443,
            protocol: "HTTPS",
            sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
            certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0b0c0d0e-1111-2222-3333-444455556666",
            defaultActions: forward,
            tags,
        }, { provider: primary });
    } else {
        new aws.lb.Listener("http", { loadBalancerArn: alb.arn, port: 80, protocol: "HTTP", defaultActions: forward, tags }, { provider: primary });
    }
    new aws.route53.HealthCheck("primary", {
        fqdn: alb.dnsName,
        type: "HTTPS",
        port: 443,
        resourcePath: "/health",
        failureThreshold: 3,
        requestInterval: 30,
        tags,
    }, { provider: primary });

    // Alarms (seed 004 #9: full ARNs as dimensions; seed 003 #3: replication lag threshold in the wrong unit).
    const topic = new aws.sns.Topic("alerts", { tags }, { provider: primary });
    new aws.cloudwatch.MetricAlarm("unhealthy-hosts", {
        namespace: "AWS/ApplicationELB",
        metricName: "UnHealthyHostCount",
        statistic: "Maximum",
        period: 60,
        evaluationPeriods: 2,
        threshold: 0,
        comparisonOperator: "GreaterThanThreshold",
        dimensions: { LoadBalancer: fixed ? alb.arnSuffix : alb.arn, TargetGroup: fixed ? targets.arnSuffix : targets.arn },
        alarmActions: [topic.arn],
        tags,
    }, { provider: primary });
    new aws.cloudwatch.MetricAlarm("replication-lag", {
        namespace: "AWS/RDS",
        metricName: "AuroraGlobalDBReplicationLag",
        statistic: "Average",
        period: 60,
        evaluationPeriods: 1,
        // Milliseconds: 5 s is 5000 (the write-up's own "fix" of 5.0 gets the unit backwards).
        threshold: fixed ? 5000 : 5,
        comparisonOperator: "GreaterThanThreshold",
        dimensions: { DBClusterIdentifier: cluster.clusterIdentifier },
        alarmActions: [topic.arn],
        tags,
    }, { provider: primary });

    // Failover automation (seed 004 #10: a rule with no target; the Lambda target needs a permission; seed 003 #5: no DLQ).
    const role = new aws.iam.Role("failover", {
        assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
        tags,
    }, { provider: primary });
    // Seed 000/001: wildcard IAM.
    new aws.iam.RolePolicy("failover", {
        role: role.id,
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [fixed ? { Effect: "Allow", Action: ["rds:FailoverGlobalCluster", "rds:DescribeGlobalClusters"], Resource: "*" } : { Effect: "Allow", Action: "*", Resource: "*" }],
        }),
    }, { provider: primary });
    const dlq = new aws.sqs.Queue("failover-dlq", { messageRetentionSeconds: 1209600, tags }, { provider: primary });
    const failover = new aws.lambda.Function("failover", {
        runtime: "nodejs22.x",
        handler: "index.handler",
        role: role.arn,
        code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({ ok: true });") }),
        memorySize: 512,
        timeout: 60,
        deadLetterConfig: fixed ? { targetArn: dlq.arn } : undefined,
        tags,
    }, { provider: primary });
    new aws.cloudwatch.LogGroup("failover", { name: pulumi.interpolate`/aws/lambda/${failover.name}`, retentionInDays: fixed ? 30 : undefined, tags }, { provider: primary });
    const pattern = JSON.stringify({ source: ["aws.cloudwatch"], "detail-type": ["CloudWatch Alarm State Change"] });
    const onAlarm = new aws.cloudwatch.EventRule("on-alarm", { eventPattern: pattern, tags }, { provider: primary });
    new aws.cloudwatch.EventTarget("on-alarm", { rule: onAlarm.name, arn: failover.arn }, { provider: primary });
    if (fixed) {
        new aws.lambda.Permission("on-alarm", { action: "lambda:InvokeFunction", function: failover.name, principal: "events.amazonaws.com", sourceArn: onAlarm.arn }, { provider: primary });
    } else {
        new aws.cloudwatch.EventRule("on-failover", { eventPattern: pattern, tags }, { provider: primary });
    }

    // Cross-region copies (seed 004 #11: the DR vault is never created; seed 003 #7: the replica bucket is never created).
    const vault = new aws.backup.Vault("primary", { name: `payments-primary-${suffix}`, kmsKeyArn: key.arn, forceDestroy: true, tags }, { provider: primary });
    const drVault = fixed ? new aws.backup.Vault("dr", { name: `payments-dr-${suffix}`, forceDestroy: true, tags }, { provider: dr }) : undefined;
    new aws.backup.Plan("daily", {
        rules: [{
            ruleName: "daily",
            targetVaultName: vault.name,
            schedule: "cron(0 3 * * ? *)",
            lifecycle: { deleteAfter: 14 },
            copyActions: [{ destinationVaultArn: drVault ? drVault.arn : `arn:aws:backup:us-west-2:123456789012:backup-vault:payments-dr-${suffix}`, lifecycle: { deleteAfter: 14 } }],
        }],
        tags,
    }, { provider: primary });
    const transactions = new aws.s3.Bucket("transactions", { bucket: `payments-transactions-${suffix}`, forceDestroy: true, tags }, { provider: primary });
    if (fixed) {
        new aws.s3.BucketPublicAccessBlock("transactions", { bucket: transactions.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, { provider: primary });
    }
    const versioning = new aws.s3.BucketVersioning("transactions", { bucket: transactions.id, versioningConfiguration: { status: "Enabled" } }, { provider: primary });
    const replica = fixed ? new aws.s3.Bucket("transactions-replica", { bucket: `payments-transactions-replica-${suffix}`, forceDestroy: true, tags }, { provider: dr }) : undefined;
    if (replica) {
        new aws.s3.BucketPublicAccessBlock("transactions-replica", { bucket: replica.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, { provider: dr });
        new aws.s3.BucketVersioning("transactions-replica", { bucket: replica.id, versioningConfiguration: { status: "Enabled" } }, { provider: dr });
    }
    new aws.s3.BucketReplicationConfig("transactions", {
        bucket: transactions.id,
        role: role.arn,
        rules: [{ id: "to-dr", status: "Enabled", destination: { bucket: replica ? replica.arn : `arn:aws:s3:::payments-transactions-secondary-${suffix}` } }],
    }, { provider: primary, dependsOn: [versioning] });

    // Seed 001: two resources with one physical name; the second create fails.
    new aws.cloudwatch.LogGroup("cdr-ingest", { name: `/payments/cdr-ingest-${suffix}`, retentionInDays: 30, tags }, { provider: primary });
    new aws.cloudwatch.LogGroup("cdr-replay", { name: fixed ? `/payments/cdr-replay-${suffix}` : `/payments/cdr-ingest-${suffix}`, retentionInDays: 30, tags }, { provider: primary });

    // Seed 004 #14: session table encrypted with an AWS-owned key.
    new aws.dynamodb.Table("sessions", {
        name: `payments-sessions-${suffix}`,
        billingMode: "PAY_PER_REQUEST",
        hashKey: "id",
        attributes: [{ name: "id", type: "S" }],
        pointInTimeRecovery: { enabled: true },
        serverSideEncryption: fixed ? { enabled: true, kmsKeyArn: key.arn } : undefined,
        tags,
    }, { provider: primary });
}
