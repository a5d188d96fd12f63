// Fan-out: an SNS topic delivers to two SQS queues (each with a dead-letter queue and a queue policy that lets
// only that topic send), a Lambda function consumes one queue, and a DynamoDB table stores the results.
// Modelled on pulumi/examples aws-ts-url-shortener-cache-http (DynamoDB) and aws-ts-queue / pulumi-aws's
// sns.TopicSubscription documentation example.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export function messaging(): void {
    const key = new aws.kms.Key("messaging", {
        description: "Orders topic, queues and table",
        enableKeyRotation: true,
        deletionWindowInDays: 7,
        // SNS must be able to use the key to deliver to the encrypted queues.
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Sid: "Account", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" },
                { Sid: "Sns", Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: ["kms:GenerateDataKey*", "kms:Decrypt"], Resource: "*" },
            ],
        }),
    });
    const topic = new aws.sns.Topic("orders", { kmsMasterKeyId: key.id });

    const queues = ["billing", "shipping"].map((name) => {
        const dlq = new aws.sqs.Queue(`${name}-dlq`, { messageRetentionSeconds: 1209600, kmsMasterKeyId: key.id });
        const queue = new aws.sqs.Queue(name, {
            visibilityTimeoutSeconds: 60,
            messageRetentionSeconds: 345600,
            receiveWaitTimeSeconds: 20,
            kmsMasterKeyId: key.id,
            kmsDataKeyReusePeriodSeconds: 300,
            redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 5 }),
        });
        new aws.sqs.QueuePolicy(name, {
            queueUrl: queue.url,
            policy: pulumi.jsonStringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: { Service: "sns.amazonaws.com" },
                        Action: "sqs:SendMessage",
                        Resource: queue.arn,
                        Condition: { ArnEquals: { "aws:SourceArn": topic.arn } },
                    },
                ],
            }),
        });
        new aws.sns.TopicSubscription(name, { topic: topic.arn, protocol: "sqs", endpoint: queue.arn, rawMessageDelivery: true });
        return queue;
    });
    // A FIFO queue for ordered audit events, named so producers in other stacks can find it.
    new aws.sqs.Queue("audit", { fifoQueue: true, contentBasedDeduplication: true, sqsManagedSseEnabled: true });

    const table = new aws.dynamodb.Table("shipments", {
        billingMode: "PAY_PER_REQUEST",
        hashKey: "pk",
        rangeKey: "sk",
        attributes: [
            { name: "pk", type: "S" },
            { name: "sk", type: "S" },
            { name: "status", type: "S" },
        ],
        globalSecondaryIndexes: [{ name: "by-status", hashKey: "status", rangeKey: "sk", projectionType: "ALL" }],
        ttl: { attributeName: "expiresAt", enabled: true },
        pointInTimeRecovery: { enabled: true },
        serverSideEncryption: { enabled: true, kmsKeyArn: key.arn },
        streamEnabled: true,
        streamViewType: "NEW_AND_OLD_IMAGES",
    });

    const role = new aws.iam.Role("shipping-worker", {
        assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
    });
    new aws.iam.RolePolicyAttachment("shipping-worker-sqs", {
        role: role.name,
        policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole",
    });
    new aws.iam.RolePolicy("shipping-worker", {
        role: role.id,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                { Effect: "Allow", Action: ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:Query"], Resource: [table.arn, pulumi.interpolate`${table.arn}/index/*`] },
                { Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: key.arn },
                // Guard rail inside the role: never delete the table, whatever else is attached later.
                { Effect: "Deny", Action: ["dynamodb:DeleteTable", "dynamodb:DeleteBackup"], Resource: "*" },
            ],
        }),
    });
    const logs = new aws.cloudwatch.LogGroup("shipping-worker", { retentionInDays: 14 });
    const fn = new aws.lambda.Function("shipping-worker", {
        runtime: "python3.12",
        handler: "app.handler",
        role: role.arn,
        memorySize: 512,
        timeout: 30,
        code: new pulumi.asset.AssetArchive({ "app.py": new pulumi.asset.StringAsset("def handler(event, context):\n    return None\n") }),
        environment: { variables: { TABLE_NAME: table.name } },
        loggingConfig: { logFormat: "JSON", logGroup: logs.name },
    });
    new aws.lambda.EventSourceMapping("shipping-worker", {
        eventSourceArn: queues[1].arn,
        functionName: fn.arn,
        batchSize: 10,
        functionResponseTypes: ["ReportBatchItemFailures"],
    });

    new aws.cloudwatch.MetricAlarm("shipping-dlq-depth", {
        namespace: "AWS/SQS",
        metricName: "ApproximateNumberOfMessagesVisible",
        dimensions: { QueueName: queues[1].name },
        statistic: "Maximum",
        period: 300,
        evaluationPeriods: 1,
        threshold: 0,
        comparisonOperator: "GreaterThanThreshold",
        alarmActions: [topic.arn],
    });
}
