// A container service on ECS Fargate behind an internet-facing application load balancer: HTTP redirects to
// HTTPS, tasks in private subnets accept traffic only from the load balancer's security group, images come from
// an ECR repository, and alarms watch the load balancer by its ARN suffix. Modelled on pulumi/examples
// aws-ts-hello-fargate and pulumi/pulumi-awsx's ecs/lb components (written here with plain @pulumi/aws).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { network } from "./vpc";

export function fargateService(): void {
    const net = network("app");
    const certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666";

    const albSg = new aws.ec2.SecurityGroup("alb", {
        vpcId: net.vpc.id,
        description: "Web traffic from the internet",
        ingress: [
            { protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"], description: "HTTP, redirected" },
            { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"], description: "HTTPS" },
        ],
        egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
    });
    const taskSg = new aws.ec2.SecurityGroup("task", {
        vpcId: net.vpc.id,
        description: "Container port from the load balancer only",
        ingress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, securityGroups: [albSg.id] }],
        egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
    });

    const logBucket = new aws.s3.Bucket("alb-logs", { forceDestroy: true });
    new aws.s3.BucketPublicAccessBlock("alb-logs", {
        bucket: logBucket.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    });
    // ELB access logs only support SSE-S3.
    new aws.s3.BucketServerSideEncryptionConfiguration("alb-logs", {
        bucket: logBucket.id,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    new aws.s3.BucketPolicy("alb-logs", {
        bucket: logBucket.id,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
                    Action: "s3:PutObject",
                    Resource: pulumi.interpolate`${logBucket.arn}/alb/*`,
                },
            ],
        }),
    });

    const alb = new aws.lb.LoadBalancer("web", {
        loadBalancerType: "application",
        securityGroups: [albSg.id],
        subnets: net.publicSubnetIds,
        dropInvalidHeaderFields: true,
        accessLogs: { bucket: logBucket.id, prefix: "alb", enabled: true },
    });
    const tg = new aws.lb.TargetGroup("web", {
        vpcId: net.vpc.id,
        port: 8080,
        protocol: "HTTP",
        targetType: "ip",
        deregistrationDelay: 30,
        healthCheck: { path: "/healthz", matcher: "200", interval: 15, healthyThreshold: 2, unhealthyThreshold: 3 },
    });
    new aws.lb.Listener("web-http", {
        loadBalancerArn: alb.arn,
        port: 80,
        protocol: "HTTP",
        defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
    });
    const https = new aws.lb.Listener("web-https", {
        loadBalancerArn: alb.arn,
        port: 443,
        protocol: "HTTPS",
        sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
        certificateArn,
        defaultActions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404", messageBody: "not found" } }],
    });
    new aws.lb.ListenerRule("web-app", {
        listenerArn: https.arn,
        priority: 10,
        conditions: [{ pathPattern: { values: ["/*"] } }],
        actions: [{ type: "forward", targetGroupArn: tg.arn }],
    });

    const repo = new aws.ecr.Repository("web", {
        forceDelete: true,
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: "KMS" }],
    });
    new aws.ecr.LifecyclePolicy("web", {
        repository: repo.name,
        policy: JSON.stringify({
            rules: [{ rulePriority: 1, description: "keep 20 images", selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 20 }, action: { type: "expire" } }],
        }),
    });

    const cluster = new aws.ecs.Cluster("web", { settings: [{ name: "containerInsights", value: "enabled" }] });
    const logs = new aws.cloudwatch.LogGroup("web", { retentionInDays: 30 });
    const executionRole = new aws.iam.Role("web-execution", {
        assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" }),
    });
    new aws.iam.RolePolicyAttachment("web-execution", {
        role: executionRole.name,
        policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
    });
    const taskRole = new aws.iam.Role("web-task", {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "ecs-tasks.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
                },
            ],
        }),
    });
    const taskDefinition = new aws.ecs.TaskDefinition("web", {
        family: "web",
        cpu: "512",
        memory: "1024",
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" },
        executionRoleArn: executionRole.arn,
        taskRoleArn: taskRole.arn,
        containerDefinitions: pulumi.jsonStringify([
            {
                name: "web",
                image: pulumi.interpolate`${repo.repositoryUrl}:1.0.0`,
                essential: true,
                portMappings: [{ containerPort: 8080, protocol: "tcp" }],
                logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": logs.name, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web" } },
            },
        ]),
    });
    new aws.ecs.Service("web", {
        cluster: cluster.arn,
        taskDefinition: taskDefinition.arn,
        desiredCount: 2,
        launchType: "FARGATE",
        networkConfiguration: { subnets: net.privateSubnetIds, securityGroups: [taskSg.id], assignPublicIp: false },
        loadBalancers: [{ targetGroupArn: tg.arn, containerName: "web", containerPort: 8080 }],
        deploymentCircuitBreaker: { enable: true, rollback: true },
    });

    const alerts = new aws.sns.Topic("web-alerts", { kmsMasterKeyId: "alias/aws/sns" });
    new aws.cloudwatch.MetricAlarm("web-5xx", {
        namespace: "AWS/ApplicationELB",
        metricName: "HTTPCode_Target_5XX_Count",
        dimensions: { LoadBalancer: alb.arnSuffix, TargetGroup: tg.arnSuffix },
        statistic: "Sum",
        period: 60,
        evaluationPeriods: 5,
        threshold: 10,
        comparisonOperator: "GreaterThanThreshold",
        treatMissingData: "notBreaching",
        alarmActions: [alerts.arn],
    });
    new aws.cloudwatch.MetricAlarm("web-latency", {
        namespace: "AWS/ApplicationELB",
        metricName: "TargetResponseTime",
        dimensions: { LoadBalancer: alb.arnSuffix },
        extendedStatistic: "p99",
        period: 60,
        evaluationPeriods: 5,
        threshold: 1.5,
        comparisonOperator: "GreaterThanThreshold",
        alarmActions: [alerts.arn],
    });
    new aws.cloudwatch.MetricAlarm("web-unhealthy", {
        namespace: "AWS/ApplicationELB",
        metricName: "UnHealthyHostCount",
        dimensions: { LoadBalancer: alb.arnSuffix, TargetGroup: tg.arnSuffix },
        statistic: "Maximum",
        period: 60,
        evaluationPeriods: 3,
        threshold: 0,
        comparisonOperator: "GreaterThanThreshold",
        alarmActions: [alerts.arn],
    });

    const zone = aws.route53.getZoneOutput({ name: "example.org" });
    new aws.route53.Record("web", {
        zoneId: zone.zoneId,
        name: "app.example.org",
        type: "A",
        aliases: [{ name: alb.dnsName, zoneId: alb.zoneId, evaluateTargetHealth: true }],
    });
    new aws.route53.HealthCheck("web", {
        fqdn: alb.dnsName,
        port: 443,
        type: "HTTPS",
        resourcePath: "/healthz",
        failureThreshold: 3,
        requestInterval: 30,
    });
}
