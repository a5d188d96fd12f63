import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const BUCKET = "aws:s3/bucketV2:BucketV2";
const NOTIFICATION = "aws:s3/bucketNotification:BucketNotification";
const FN = "aws:lambda/function:Function";
const PERMISSION = "aws:lambda/permission:Permission";
const QUEUE = "aws:sqs/queue:Queue";
const QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy";
const TOPIC = "aws:sns/topic:Topic";
const TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";
const FN_ARN = "arn:aws:lambda:us-east-1:123456789012:function:thumbnails-dev";

const bucket: CaseResource = { type: BUCKET, name: "uploads", props: { bucket: UNKNOWN, arn: UNKNOWN } };
const fn: CaseResource = { type: FN, name: "thumbnails", props: { name: UNKNOWN, arn: UNKNOWN, runtime: "nodejs20.x" } };
const queue: CaseResource = { type: QUEUE, name: "jobs", props: { arn: UNKNOWN, url: UNKNOWN } };
const topic: CaseResource = { type: TOPIC, name: "alerts", props: { arn: UNKNOWN } };

function toLambda(fnName = "thumbnails"): CaseResource {
    return {
        type: NOTIFICATION,
        name: "on-upload",
        props: { bucket: UNKNOWN, lambdaFunctions: [{ lambdaFunctionArn: UNKNOWN, events: ["s3:ObjectCreated:*"] }] },
        propertyDependencies: { bucket: ["uploads"], lambdaFunctions: [fnName] },
    };
}

function permission(props: Record<string, unknown> = {}, sourceFrom: string[] = ["uploads"]): CaseResource {
    return {
        type: PERMISSION,
        name: "allow-s3",
        props: { function: UNKNOWN, action: "lambda:InvokeFunction", principal: "s3.amazonaws.com", sourceArn: UNKNOWN, ...props },
        propertyDependencies: { function: ["thumbnails"], sourceArn: sourceFrom },
    };
}

function toQueue(): CaseResource {
    return {
        type: NOTIFICATION,
        name: "on-upload",
        props: { bucket: UNKNOWN, queues: [{ queueArn: UNKNOWN, events: ["s3:ObjectCreated:*"] }] },
        propertyDependencies: { bucket: ["uploads"], queues: ["jobs"] },
    };
}

function toTopic(): CaseResource {
    return {
        type: NOTIFICATION,
        name: "on-upload",
        props: { bucket: UNKNOWN, topics: [{ topicArn: UNKNOWN, events: ["s3:ObjectCreated:*"] }] },
        propertyDependencies: { bucket: ["uploads"], topics: ["alerts"] },
    };
}

function statement(service: unknown, action: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { Effect: "Allow", Principal: { Service: service }, Action: action, Resource: "*", ...extra };
}

function queuePolicy(document: unknown): CaseResource {
    return { type: QUEUE_POLICY, name: "jobs-policy", props: { queueUrl: UNKNOWN, policy: document }, propertyDependencies: { queueUrl: ["jobs"] } };
}

function topicPolicy(document: unknown): CaseResource {
    return { type: TOPIC_POLICY, name: "alerts-policy", props: { arn: UNKNOWN, policy: document }, propertyDependencies: { arn: ["alerts"] } };
}

const S3_SEND = JSON.stringify({ Version: "2012-10-17", Statement: [statement("s3.amazonaws.com", "sqs:SendMessage", { Condition: { ArnLike: { "aws:SourceArn": "arn:aws:s3:::uploads-dev" } } })] });
const SNS_SEND = JSON.stringify({ Version: "2012-10-17", Statement: [statement("sns.amazonaws.com", "sqs:SendMessage")] });

export const cases: Cases = {
    valid: [
        { why: "permission for s3.amazonaws.com with sourceArn: bucket.arn", resources: [bucket, fn, permission(), toLambda()] },
        { why: "permission without sourceArn", resources: [bucket, fn, permission({ sourceArn: undefined }, []), toLambda()] },
        {
            why: "literal sourceArn naming the bucket by its literal name",
            resources: [
                { ...bucket, props: { bucket: "uploads-dev", arn: UNKNOWN } },
                fn,
                permission({ sourceArn: "arn:aws:s3:::uploads-*" }, []),
                { ...toLambda(), props: { bucket: "uploads-dev", lambdaFunctions: [{ lambdaFunctionArn: UNKNOWN }] }, propertyDependencies: { lambdaFunctions: ["thumbnails"] } },
            ],
        },
        { why: "permission principal unknown during preview", resources: [bucket, fn, permission({ principal: UNKNOWN }), toLambda()] },
        {
            why: "state: every value known, the permission names the function by its ARN",
            resources: [
                { ...bucket, props: { bucket: "uploads-dev", arn: "arn:aws:s3:::uploads-dev" } },
                { ...fn, props: { name: "thumbnails-dev", arn: FN_ARN } },
                { type: PERMISSION, name: "allow-s3", props: { function: FN_ARN, action: "lambda:InvokeFunction", principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads-dev" } },
                { type: NOTIFICATION, name: "on-upload", props: { bucket: "uploads-dev", lambdaFunctions: [{ lambdaFunctionArn: FN_ARN }] } },
            ],
        },
        { why: "queue policy allowing s3.amazonaws.com sqs:SendMessage with a SourceArn condition", resources: [bucket, queue, queuePolicy(S3_SEND), toQueue()] },
        { why: "queue's inline policy as an object, sqs:* for s3", resources: [bucket, { ...queue, props: { ...queue.props, policy: { Statement: statement(["s3.amazonaws.com"], "sqs:*") } } }, toQueue()] },
        { why: "queue policy unknown during preview", resources: [bucket, queue, queuePolicy(UNKNOWN), toQueue()] },
        {
            why: "queue policy whose queue comes from another stack (unknown queueUrl)",
            resources: [bucket, queue, { type: QUEUE_POLICY, name: "shared", props: { queueUrl: UNKNOWN, policy: S3_SEND } }, toQueue()],
        },
        { why: "topic policy allowing SNS:Publish to s3", resources: [bucket, topic, topicPolicy(JSON.stringify({ Statement: [statement("s3.amazonaws.com", "SNS:Publish")] })), toTopic()] },
        { why: "topic policy with a statement whose principal is unknown", resources: [bucket, topic, topicPolicy({ Statement: [{ Effect: "Allow", Principal: UNKNOWN, Action: "sns:Publish" }] }), toTopic()] },
        { why: "destination ARN unknown and not from a resource", resources: [bucket, { type: NOTIFICATION, name: "n", props: { bucket: UNKNOWN, queues: [{ queueArn: UNKNOWN }] } }] },
        { why: "EventBridge delivery only (no destination to grant)", resources: [bucket, { type: NOTIFICATION, name: "n", props: { bucket: UNKNOWN, eventbridge: true } }] },
        { why: "secret environment on the function", resources: [bucket, { ...fn, props: { ...fn.props, environment: { variables: { TOKEN: secret("s3cr3t-token-value") } } } }, permission(), toLambda()] },
        { why: "malformed notification lists", resources: [bucket, { type: NOTIFICATION, name: "n", props: { bucket: 7, lambdaFunctions: "x", queues: [null, 3], topics: {} } }] },
        { why: "literal ARN of a queue in another stack, granted by a queue policy here", resources: [bucket, queuePolicy(S3_SEND), { type: NOTIFICATION, name: "n", props: { bucket: UNKNOWN, queues: [{ queueArn: "arn:aws:sqs:us-east-1:123456789012:shared-uploads" }] } }] },
    ],
    invalid: [
        {
            why: "notification to a function with no permission for S3",
            resources: [bucket, fn, toLambda()],
            messageId: "noPermission",
            on: "on-upload",
            count: 1,
            includes: ["thumbnails", "Unable to validate the following destination configurations"],
        },
        { why: "permission for another principal", resources: [bucket, fn, permission({ principal: "events.amazonaws.com" }), toLambda()], messageId: "noPermission", on: "on-upload" },
        {
            why: "permission limited to another bucket",
            resources: [bucket, { ...bucket, name: "archive" }, fn, permission({}, ["archive"]), toLambda()],
            messageId: "otherBucket",
            on: "on-upload",
            includes: ["allow-s3"],
        },
        {
            why: "state: literal sourceArn for another bucket",
            resources: [
                { ...bucket, props: { bucket: "uploads-dev", arn: "arn:aws:s3:::uploads-dev" } },
                { ...fn, props: { name: "thumbnails-dev", arn: FN_ARN } },
                { type: PERMISSION, name: "allow-s3", props: { function: "thumbnails-dev", action: "lambda:InvokeFunction", principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::archive-dev" } },
                { type: NOTIFICATION, name: "on-upload", props: { bucket: "uploads-dev", lambdaFunctions: [{ lambdaFunctionArn: FN_ARN }] } },
            ],
            messageId: "otherBucket",
            on: "on-upload",
        },
        { why: "queue without any policy", resources: [bucket, queue, toQueue()], messageId: "noQueuePolicy", on: "on-upload", includes: ["jobs", "sqs:SendMessage"] },
        { why: "queue policy for SNS only", resources: [bucket, queue, queuePolicy(SNS_SEND), toQueue()], messageId: "noQueuePolicy", on: "on-upload" },
        { why: "queue policy that only denies", resources: [bucket, queue, queuePolicy({ Statement: [{ ...statement("s3.amazonaws.com", "sqs:SendMessage"), Effect: "Deny" }] }), toQueue()], messageId: "noQueuePolicy", on: "on-upload" },
        { why: "malformed queue policy (not JSON)", resources: [bucket, queue, queuePolicy("{not json"), toQueue()], messageId: "noQueuePolicy", on: "on-upload" },
        { why: "topic without a topic policy", resources: [bucket, topic, toTopic()], messageId: "noTopicPolicy", on: "on-upload", includes: ["SNS:Publish"] },
        { why: "topic policy granting s3 another action", resources: [bucket, topic, topicPolicy({ Statement: [statement("s3.amazonaws.com", "SNS:Subscribe")] }), toTopic()], messageId: "noTopicPolicy", on: "on-upload" },
        {
            why: "literal ARN of a function outside the stack, no permission here: advisory",
            resources: [bucket, { type: NOTIFICATION, name: "n", props: { bucket: UNKNOWN, lambdaFunctions: [{ lambdaFunctionArn: FN_ARN }] } }],
            messageId: "elsewhere",
            on: "n",
            level: "advisory",
            includes: ["thumbnails-dev"],
        },
        {
            why: "literal ARN of a topic outside the stack: advisory",
            resources: [bucket, { type: NOTIFICATION, name: "n", props: { bucket: UNKNOWN, topics: [{ topicArn: "arn:aws:sns:us-east-1:123456789012:shared" }] } }],
            messageId: "elsewhere",
            on: "n",
            level: "advisory",
        },
        { why: "secret tags are never printed", resources: [bucket, { ...queue, props: { ...queue.props, tags: { Owner: secret("owner-secret-tag") } } }, toQueue()], messageId: "noQueuePolicy", on: "on-upload" },
    ],
};
