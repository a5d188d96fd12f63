// Upload processing: objects landing in a bucket invoke a Lambda function (with the aws.lambda.Permission that
// bucket.onObjectCreated creates) and publish to an SNS topic (with a topic policy for S3); an ordered FIFO queue with a
// FIFO dead-letter queue feeds a worker whose log group is encrypted with a key that grants the logs principal; a Redis
// cache takes an AUTH token generated with only the special characters ElastiCache accepts. Modelled on pulumi/examples
// aws-ts-s3-lambda-copyzip and aws-ts-thumbnailer, and on the random.RandomPassword registry example.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** random.RandomPassword as @pulumi/random declares it (same type token; `result` is an output). */
class RandomPassword extends pulumi.CustomResource {
    declare readonly result: pulumi.Output<string>;
    constructor(name: string, args: { length: number; special?: boolean; overrideSpecial?: string; minSpecial?: number }) {
        super("random:index/randomPassword:RandomPassword", name, { ...args, result: undefined });
    }
}

const ACCOUNT = "123456789012";
const REGION = "us-east-1";

export function uploadProcessing(): void {
    const production = pulumi.getStack() === "prod";
    const key = new aws.kms.Key("uploads", {
        description: "Upload processing queues and logs",
        enableKeyRotation: true,
        deletionWindowInDays: production ? 30 : 7,
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Sid: "Account", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" },
                {
                    Sid: "Logs",
                    Effect: "Allow",
                    Principal: { Service: `logs.${REGION}.amazonaws.com` },
                    Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                    Resource: "*",
                    Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:*` } },
                },
                { Sid: "S3Events", Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: ["kms:GenerateDataKey*", "kms:Decrypt"], Resource: "*" },
            ],
        }),
    });

    const bucket = new aws.s3.Bucket("uploads", { forceDestroy: !production });
    new aws.s3.BucketPublicAccessBlock("uploads", { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    new aws.s3.BucketServerSideEncryptionConfiguration("uploads", {
        bucket: bucket.id,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
    });

    const role = new aws.iam.Role("thumbnailer", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }) });
    new aws.iam.RolePolicyAttachment("thumbnailer-basic", { role: role.name, policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole" });
    const thumbnailer = new aws.lambda.Function("thumbnailer", {
        runtime: "nodejs22.x",
        handler: "index.handler",
        role: role.arn,
        memorySize: 1024,
        timeout: 60,
        code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => {};") }),
    });
    const allowS3 = new aws.lambda.Permission("thumbnailer-from-uploads", {
        function: thumbnailer.name,
        action: "lambda:InvokeFunction",
        principal: "s3.amazonaws.com",
        sourceArn: bucket.arn,
        sourceAccount: ACCOUNT,
    });

    const topic = new aws.sns.Topic("uploads", { kmsMasterKeyId: key.id });
    const topicPolicy = new aws.sns.TopicPolicy("uploads", {
        arn: topic.arn,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "S3Publish",
                    Effect: "Allow",
                    Principal: { Service: "s3.amazonaws.com" },
                    Action: "SNS:Publish",
                    Resource: topic.arn,
                    Condition: { ArnLike: { "aws:SourceArn": bucket.arn }, StringEquals: { "aws:SourceAccount": ACCOUNT } },
                },
            ],
        }),
    });
    new aws.s3.BucketNotification(
        "uploads",
        {
            bucket: bucket.id,
            lambdaFunctions: [{ lambdaFunctionArn: thumbnailer.arn, events: ["s3:ObjectCreated:*"], filterSuffix: ".jpg" }],
            topics: [{ topicArn: topic.arn, events: ["s3:ObjectRemoved:*"] }],
        },
        { dependsOn: [allowS3, topicPolicy] },
    );

    // Ordered ledger of processed uploads: FIFO queue, FIFO dead-letter queue, batches of at most 10.
    const ledgerDlq = new aws.sqs.Queue("ledger-dlq", { fifoQueue: true, messageRetentionSeconds: 1209600, kmsMasterKeyId: key.id });
    const ledger = new aws.sqs.Queue("ledger", {
        fifoQueue: true,
        contentBasedDeduplication: true,
        visibilityTimeoutSeconds: 6 * 30,
        kmsMasterKeyId: key.id,
        redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: ledgerDlq.arn, maxReceiveCount: 5 }),
    });
    const logs = new aws.cloudwatch.LogGroup("ledger-writer", { retentionInDays: 30, kmsKeyId: key.arn });
    const writer = new aws.lambda.Function("ledger-writer", {
        runtime: "python3.12",
        handler: "app.handler",
        role: role.arn,
        memorySize: 256,
        timeout: 30,
        code: new pulumi.asset.AssetArchive({ "app.py": new pulumi.asset.StringAsset("def handler(event, context):\n    return None\n") }),
        loggingConfig: { logFormat: "JSON", logGroup: logs.name },
    });
    new aws.lambda.EventSourceMapping("ledger-writer", { eventSourceArn: ledger.arn, functionName: writer.arn, batchSize: 10, functionResponseTypes: ["ReportBatchItemFailures"] });

    // Session cache with an AUTH token: ElastiCache accepts only !&#$^<>- among the special characters.
    const token = new RandomPassword("sessions-auth", { length: 64, overrideSpecial: "!&#$^<>-", minSpecial: 2 });
    new aws.elasticache.ReplicationGroup("sessions", {
        description: "Session cache",
        engine: "valkey",
        engineVersion: "8.0",
        nodeType: "cache.t4g.small",
        numCacheClusters: 2,
        automaticFailoverEnabled: true,
        multiAzEnabled: true,
        atRestEncryptionEnabled: true,
        kmsKeyId: key.arn,
        transitEncryptionEnabled: true,
        authToken: token.result,
        snapshotRetentionLimit: 7,
    });
}
