// A storefront in the style of the seed write-ups, with the deploy-breakers that span resources of issue 16 (part B):
// `fixed: false` keeps each one, `fixed: true` applies each fix. An ALB in two public subnets, a catalog bucket
// replicated to a second bucket, an Aurora Serverless v2 cluster with a reader, a reporting PostgreSQL instance, and
// an exporter role; the ALB's security group and the role are also managed both inline and by separate resources.
import * as aws from "@pulumi/aws";

export interface StorefrontOptions {
    fixed: boolean;
}

const READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
const LAMBDA_BASIC = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

export function storefront({ fixed }: StorefrontOptions): void {
    const vpc = new aws.ec2.Vpc("shop", { cidrBlock: "10.20.0.0/16" });
    const publicA = new aws.ec2.Subnet("public-a", { vpcId: vpc.id, cidrBlock: "10.20.0.0/24", availabilityZone: "us-east-1a" });
    // The breaker: the "second" public subnet is in the same zone as the first.
    const publicB = new aws.ec2.Subnet("public-b", { vpcId: vpc.id, cidrBlock: "10.20.1.0/24", availabilityZone: fixed ? "us-east-1b" : "us-east-1a" });
    const albSg = new aws.ec2.SecurityGroup("alb", {
        vpcId: vpc.id,
        description: "storefront load balancer",
        egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
        ...(fixed ? {} : { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] }),
    });
    new aws.vpc.SecurityGroupIngressRule("alb-http", { securityGroupId: albSg.id, ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv4: "0.0.0.0/0" });
    if (fixed) new aws.vpc.SecurityGroupIngressRule("alb-https", { securityGroupId: albSg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" });
    new aws.lb.LoadBalancer("web", { loadBalancerType: "application", securityGroups: [albSg.id], subnets: [publicA.id, publicB.id] });

    // Replication: S3 takes the configuration only when both buckets are versioned.
    const catalog = new aws.s3.Bucket("catalog", { forceDestroy: true });
    const replica = new aws.s3.Bucket("catalog-replica", { forceDestroy: true });
    const versioned = [catalog, ...(fixed ? [replica] : [])].map(
        (b, i) => new aws.s3.BucketVersioning(i === 0 ? "catalog" : "catalog-replica", { bucket: b.id, versioningConfiguration: { status: "Enabled" } }),
    );
    const replicationRole = new aws.iam.Role("replication", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "s3.amazonaws.com" }) });
    new aws.s3.BucketReplicationConfig(
        "replication",
        { bucket: catalog.id, role: replicationRole.arn, rules: [{ id: "all", status: "Enabled", filter: {}, deleteMarkerReplication: { status: "Enabled" }, destination: { bucket: replica.arn } }] },
        { dependsOn: versioned },
    );

    // Aurora Serverless v2: the cluster needs a scaling configuration, and its instances its engine.
    const cluster = new aws.rds.Cluster("orders", {
        engine: "aurora-postgresql",
        engineVersion: "16.4",
        masterUsername: "app",
        manageMasterUserPassword: true,
        storageEncrypted: true,
        skipFinalSnapshot: true,
        ...(fixed ? { serverlessv2ScalingConfiguration: { minCapacity: 0.5, maxCapacity: 8 } } : {}),
    });
    new aws.rds.ClusterInstance("writer", { clusterIdentifier: cluster.id, engine: cluster.engine.apply((e) => e as aws.rds.EngineType), instanceClass: "db.serverless" });
    new aws.rds.ClusterInstance("reader", { clusterIdentifier: cluster.id, engine: fixed ? "aurora-postgresql" : "aurora-mysql", instanceClass: "db.r6g.large" });
    new aws.rds.Instance("reporting", {
        engine: "postgres",
        engineVersion: "16.4",
        instanceClass: fixed ? "db.t4g.micro" : "db.serverless",
        allocatedStorage: 20,
        username: "report",
        manageMasterUserPassword: true,
        storageEncrypted: true,
        skipFinalSnapshot: true,
    });

    // The exporter role: attachments only, or (the flapping variant) a managed list on the role as well.
    const exporter = new aws.iam.Role("exporter", {
        assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
        ...(fixed ? {} : { managedPolicyArns: [READ_ONLY] }),
    });
    new aws.iam.RolePolicyAttachment("exporter-logs", { role: exporter.name, policyArn: LAMBDA_BASIC });
    if (fixed) new aws.iam.RolePolicyAttachment("exporter-read", { role: exporter.name, policyArn: READ_ONLY });
}
