import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const FN = "aws:lambda/function:Function";
const TARGET = "aws:cloudwatch/eventTarget:EventTarget";
const RULE = "aws:cloudwatch/eventRule:EventRule";
const SUB = "aws:sns/topicSubscription:TopicSubscription";
const TOPIC = "aws:sns/topic:Topic";
const NOTIFICATION = "aws:s3/bucketNotification:BucketNotification";
const INVOKE_CONFIG = "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig";
const QUEUE = "aws:sqs/queue:Queue";

function fn(name: string, props: Record<string, unknown> = {}, deps: Record<string, string[]> = {}): CaseResource {
    return { type: FN, name, props: { name: `${name}-1a2b3c4`, runtime: "nodejs20.x", handler: "index.handler", arn: UNKNOWN, ...props }, propertyDependencies: deps };
}

/** The seed's wiring: an EventBridge rule whose target is the function. */
function eventTarget(fnName: string, name = `${fnName}-target`): CaseResource[] {
    return [
        { type: RULE, name: `${name}-rule`, props: { name: UNKNOWN, eventPattern: '{"source":["aws.cloudwatch"]}' } },
        { type: TARGET, name, props: { rule: UNKNOWN, arn: UNKNOWN }, propertyDependencies: { rule: [`${name}-rule`], arn: [fnName] } },
    ];
}

const DLQ = { type: QUEUE, name: "dlq", props: { name: "payment-dlq-pr12", messageRetentionSeconds: 1209600 } };

export const cases: Cases = {
    valid: [
        {
            why: "seed fix: function with a dead-letter queue",
            resources: [DLQ, fn("failover", { deadLetterConfig: { targetArn: UNKNOWN } }, { deadLetterConfig: ["dlq"] }), ...eventTarget("failover")],
        },
        {
            why: "on-failure destination through a FunctionEventInvokeConfig (by dependency)",
            resources: [
                DLQ,
                fn("processor"),
                ...eventTarget("processor"),
                { type: INVOKE_CONFIG, name: "processor-async", props: { functionName: UNKNOWN, destinationConfig: { onFailure: { destination: UNKNOWN } } }, propertyDependencies: { functionName: ["processor"], destinationConfig: ["dlq"] } },
            ],
        },
        {
            why: "invoke config given the function's literal name",
            resources: [
                fn("processor"),
                ...eventTarget("processor"),
                { type: INVOKE_CONFIG, name: "cfg", props: { functionName: "processor-1a2b3c4", destinationConfig: { onFailure: { destination: "arn:aws:sqs:us-east-1:123456789012:dlq" } } } },
            ],
        },
        { why: "function invoked only synchronously (no async invoker)", resources: [fn("api"), { type: "aws:lambda/permission:Permission", name: "api-perm", props: { principal: "apigateway.amazonaws.com", function: UNKNOWN }, propertyDependencies: { function: ["api"] } }] },
        { why: "DLQ arn unknown during preview", resources: [fn("f", { deadLetterConfig: UNKNOWN }), ...eventTarget("f")] },
        {
            why: "an invoke config whose function is unknown may be this one's",
            resources: [fn("f"), ...eventTarget("f"), { type: INVOKE_CONFIG, name: "cfg", props: { functionName: UNKNOWN, destinationConfig: { onFailure: { destination: "arn:aws:sqs:us-east-1:1:q" } } } }],
        },
        {
            why: "SNS subscription with another protocol",
            resources: [fn("f"), { type: TOPIC, name: "t", props: {} }, { type: SUB, name: "s", props: { topic: UNKNOWN, protocol: "sqs", endpoint: UNKNOWN }, propertyDependencies: { topic: ["t"], endpoint: ["f"] } }],
        },
        { why: "secret DLQ arn still counts", resources: [fn("f", { deadLetterConfig: { targetArn: secret("arn:aws:sqs:us-east-1:123456789012:secret-dlq") } }), ...eventTarget("f")] },
        { why: "no functions", resources: [DLQ] },
        {
            why: "an S3 notification naming another function's ARN does not invoke this one",
            resources: [
                fn("api", { arn: "arn:aws:lambda:us-east-1:123456789012:function:api-1a2b3c4" }),
                { type: NOTIFICATION, name: "uploads-notify", props: { bucket: "uploads-pr12", lambdaFunctions: [{ lambdaFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:indexer", events: ["s3:ObjectCreated:*"] }] } },
            ],
        },
        {
            why: "invoke config given the function's literal ARN",
            resources: [
                fn("processor", { arn: "arn:aws:lambda:us-east-1:123456789012:function:processor-1a2b3c4" }),
                ...eventTarget("processor"),
                { type: INVOKE_CONFIG, name: "cfg", props: { functionName: "arn:aws:lambda:us-east-1:123456789012:function:processor-1a2b3c4", destinationConfig: { onFailure: { destination: "arn:aws:sqs:us-east-1:123456789012:dlq" } } } },
            ],
        },
    ],
    invalid: [
        {
            why: "seed: EventBridge rule targets the failover Lambda, no DLQ",
            resources: [fn("failover"), ...eventTarget("failover")],
            messageId: "noFailureDestination",
            on: "failover",
            count: 1,
            includes: ["failover-target (aws:cloudwatch/eventTarget:EventTarget)", "deadLetterConfig"],
        },
        {
            why: "SNS subscription with protocol lambda",
            resources: [fn("alerts"), { type: TOPIC, name: "topic", props: {} }, { type: SUB, name: "sub", props: { topic: UNKNOWN, protocol: "lambda", endpoint: UNKNOWN }, propertyDependencies: { topic: ["topic"], endpoint: ["alerts"] } }],
            messageId: "noFailureDestination",
            on: "alerts",
            includes: ["sub (aws:sns/topicSubscription:TopicSubscription)"],
        },
        {
            why: "S3 bucket notification",
            resources: [
                fn("thumbnailer"),
                { type: "aws:s3/bucket:Bucket", name: "uploads", props: {} },
                { type: NOTIFICATION, name: "uploads-notify", props: { bucket: UNKNOWN, lambdaFunctions: [{ lambdaFunctionArn: UNKNOWN, events: ["s3:ObjectCreated:*"] }] }, propertyDependencies: { bucket: ["uploads"], lambdaFunctions: ["thumbnailer"] } },
            ],
            messageId: "noFailureDestination",
            on: "thumbnailer",
        },
        {
            why: "invoker targets an alias of the function",
            resources: [
                fn("worker"),
                { type: "aws:lambda/alias:Alias", name: "worker-live", props: { name: "live", functionName: UNKNOWN, arn: UNKNOWN }, propertyDependencies: { functionName: ["worker"] } },
                { type: TARGET, name: "tgt", props: { rule: "nightly", arn: UNKNOWN }, propertyDependencies: { arn: ["worker-live"] } },
            ],
            messageId: "noFailureDestination",
            on: "worker",
        },
        {
            why: "invoker targets an alias given the function's literal name",
            resources: [
                fn("worker"),
                { type: "aws:lambda/alias:Alias", name: "worker-live", props: { name: "live", functionName: "worker-1a2b3c4", arn: UNKNOWN } },
                { type: TARGET, name: "tgt", props: { rule: "nightly", arn: UNKNOWN }, propertyDependencies: { arn: ["worker-live"] } },
            ],
            messageId: "noFailureDestination",
            on: "worker",
        },
        {
            why: "invoker targets an alias given the function's literal ARN",
            resources: [
                fn("worker", { arn: "arn:aws:lambda:us-east-1:123456789012:function:worker-1a2b3c4" }),
                { type: "aws:lambda/alias:Alias", name: "worker-live", props: { name: "live", functionName: "arn:aws:lambda:us-east-1:123456789012:function:worker-1a2b3c4", arn: UNKNOWN } },
                { type: TARGET, name: "tgt", props: { rule: "nightly", arn: UNKNOWN }, propertyDependencies: { arn: ["worker-live"] } },
            ],
            messageId: "noFailureDestination",
            on: "worker",
        },
        {
            why: "EventBridge target given the function's literal ARN",
            resources: [fn("worker", { arn: "arn:aws:lambda:us-east-1:123456789012:function:worker-1a2b3c4" }), { type: TARGET, name: "tgt", props: { rule: "nightly", arn: "arn:aws:lambda:us-east-1:123456789012:function:worker-1a2b3c4" } }],
            messageId: "noFailureDestination",
            on: "worker",
        },
        {
            why: "SNS subscription given the function's literal ARN",
            resources: [fn("worker", { arn: "arn:aws:lambda:us-east-1:123456789012:function:worker-1a2b3c4" }), { type: SUB, name: "sub", props: { topic: "arn:aws:sns:us-east-1:123456789012:alerts", protocol: "lambda", endpoint: "arn:aws:lambda:us-east-1:123456789012:function:worker-1a2b3c4" } }],
            messageId: "noFailureDestination",
            on: "worker",
        },
        {
            why: "S3 notification given the function's literal ARN, next to another function's",
            resources: [
                fn("worker", { arn: "arn:aws:lambda:us-east-1:123456789012:function:worker-1a2b3c4" }),
                {
                    type: NOTIFICATION,
                    name: "uploads-notify",
                    props: {
                        bucket: "uploads-pr12",
                        lambdaFunctions: [
                            { lambdaFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:indexer", events: ["s3:ObjectRemoved:*"] },
                            { lambdaFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:worker-1a2b3c4", events: ["s3:ObjectCreated:*"] },
                        ],
                    },
                },
            ],
            messageId: "noFailureDestination",
            on: "worker",
        },
        {
            why: "an S3 notification wired to one function does not make another one asynchronous",
            resources: [
                fn("api"),
                fn("thumbnailer"),
                { type: NOTIFICATION, name: "uploads-notify", props: { bucket: UNKNOWN, lambdaFunctions: [{ lambdaFunctionArn: UNKNOWN, events: ["s3:ObjectCreated:*"] }] }, propertyDependencies: { lambdaFunctions: ["thumbnailer"] } },
            ],
            messageId: "noFailureDestination",
            on: "thumbnailer",
            count: 1,
        },
        {
            why: "invoke config with only an on-success destination",
            resources: [
                fn("processor"),
                ...eventTarget("processor"),
                { type: INVOKE_CONFIG, name: "processor-async", props: { functionName: UNKNOWN, destinationConfig: { onSuccess: { destination: "arn:aws:sqs:us-east-1:1:ok" } } }, propertyDependencies: { functionName: ["processor"] } },
            ],
            messageId: "noOnFailure",
            on: "processor",
            includes: ["processor-async (aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig)"],
        },
        {
            why: "malformed deadLetterConfig (no targetArn)",
            resources: [fn("f", { deadLetterConfig: { target: "x" } }), ...eventTarget("f")],
            messageId: "noFailureDestination",
            on: "f",
        },
        {
            why: "secret environment values are never printed",
            resources: [fn("f", { environment: { variables: { DB_PASSWORD: secret("hunter2-secret-pw") } } }), ...eventTarget("f")],
            messageId: "noFailureDestination",
            on: "f",
        },
    ],
};
