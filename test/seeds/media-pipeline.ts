// A media pipeline in the style of the seed write-ups, with the deploy-breakers that span resources: `fixed: false` keeps
// each breaker (a create AWS rejects), `fixed: true` applies each fix. Uploads to a bucket notify a thumbnail function
// and a scan queue; a job queue and a FIFO ledger queue feed workers; a generated password feeds PostgreSQL; the workers
// log to a log group encrypted with a key of the stack. `random.RandomPassword` is registered by its type token.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface PipelineOptions {
    fixed: boolean;
}

const ACCOUNT = "arn:aws:iam::123456789012:root";

/** random.RandomPassword as @pulumi/random declares it: the same type token, `result` an output. */
class RandomPassword extends pulumi.CustomResource {
    declare readonly result: pulumi.Output<string>;
    constructor(name: string, args: { length: number; special: boolean; overrideSpecial?: string }) {
        super("random:index/randomPassword:RandomPassword", name, { ...args, result: undefined });
    }
}

function code(): pulumi.asset.AssetArchive {
    return new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => {};") });
}

export function mediaPipeline({ fixed }: PipelineOptions): void {
    const role = new aws.iam.Role("media-worker", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }) });
    const fn = (name: string, timeout: number) =>
        new aws.lambda.Function(name, { runtime: "nodejs20.x", handler: "index.handler", role: role.arn, memorySize: 512, timeout, code: code() });

    // Bucket notifications: S3 validates every destination when the configuration is written.
    const uploads = new aws.s3.Bucket("uploads", { forceDestroy: true });
    const thumbnails = fn("thumbnails", 60);
    const scans = new aws.sqs.Queue("scans", { visibilityTimeoutSeconds: 120 });
    const grants: pulumi.Resource[] = [];
    if (fixed) {
        grants.push(new aws.lambda.Permission("thumbnails-from-s3", { function: thumbnails.name, action: "lambda:InvokeFunction", principal: "s3.amazonaws.com", sourceArn: uploads.arn }));
        grants.push(
            new aws.sqs.QueuePolicy("scans", {
                queueUrl: scans.url,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sqs:SendMessage", Resource: scans.arn, Condition: { ArnEquals: { "aws:SourceArn": uploads.arn } } }],
                }),
            }),
        );
    }
    new aws.s3.BucketNotification(
        "uploads",
        {
            bucket: uploads.id,
            lambdaFunctions: [{ lambdaFunctionArn: thumbnails.arn, events: ["s3:ObjectCreated:*"], filterPrefix: "images/" }],
            queues: [{ queueArn: scans.arn, events: ["s3:ObjectCreated:*"], filterPrefix: "documents/" }],
        },
        { dependsOn: grants },
    );

    // A standard job queue behind a 60 s worker: the default visibility timeout (30 s) is too short.
    const jobs = new aws.sqs.Queue("jobs", fixed ? { visibilityTimeoutSeconds: 360 } : {});
    const worker = fn("job-worker", 60);
    new aws.lambda.EventSourceMapping("jobs", { eventSourceArn: jobs.arn, functionName: worker.arn, batchSize: 10 });

    // A FIFO ledger queue: its dead-letter queue must be FIFO too, and Lambda reads at most 10 of its messages per batch.
    const ledgerDlq = new aws.sqs.Queue("ledger-dlq", fixed ? { fifoQueue: true, messageRetentionSeconds: 1209600 } : { messageRetentionSeconds: 1209600 });
    const ledger = new aws.sqs.Queue("ledger", {
        fifoQueue: true,
        contentBasedDeduplication: true,
        visibilityTimeoutSeconds: 180,
        redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: ledgerDlq.arn, maxReceiveCount: 5 }),
    });
    new aws.lambda.EventSourceMapping("ledger", { eventSourceArn: ledger.arn, functionName: fn("ledger-writer", 30).arn, batchSize: fixed ? 10 : 100 });

    // A generated master password: random's default specials include "@", which RDS rejects.
    const password = new RandomPassword("catalog-db", fixed ? { length: 32, special: true, overrideSpecial: "!#$%&*()-_=+[]{}<>:?" } : { length: 32, special: true });
    new aws.rds.Instance("catalog", {
        engine: "postgres",
        engineVersion: "17",
        instanceClass: "db.t4g.micro",
        allocatedStorage: 20,
        username: "catalog",
        password: password.result,
        storageEncrypted: true,
        skipFinalSnapshot: true,
        backupRetentionPeriod: 7,
    });

    // Worker logs encrypted with a key of this stack: the logs principal needs the key policy's permission.
    const logGroupName = "/media/job-worker";
    const logsGrant = {
        Sid: "LogsUseOfTheKey",
        Effect: "Allow",
        Principal: { Service: "logs.us-east-1.amazonaws.com" },
        Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        Resource: "*",
        Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:us-east-1:123456789012:log-group:${logGroupName}` } },
    };
    const accountGrant = { Sid: "Account", Effect: "Allow", Principal: { AWS: ACCOUNT }, Action: "kms:*", Resource: "*" };
    const key = new aws.kms.Key("worker-logs", {
        enableKeyRotation: true,
        deletionWindowInDays: 7,
        policy: JSON.stringify({ Version: "2012-10-17", Statement: fixed ? [accountGrant, logsGrant] : [accountGrant] }),
    });
    new aws.cloudwatch.LogGroup("job-worker", { name: logGroupName, retentionInDays: 30, kmsKeyId: key.arn });
}
