import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const QUEUE = "aws:sqs/queue:Queue";
const FN = "aws:lambda/function:Function";
const ALIAS = "aws:lambda/alias:Alias";
const MAPPING = "aws:lambda/eventSourceMapping:EventSourceMapping";
const QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:orders-dev";

function queue(props: Record<string, unknown> = {}): CaseResource {
    return { type: QUEUE, name: "orders", props: { arn: UNKNOWN, name: UNKNOWN, ...props } };
}

function fn(props: Record<string, unknown> = {}): CaseResource {
    return { type: FN, name: "worker", props: { arn: UNKNOWN, name: UNKNOWN, runtime: "nodejs20.x", ...props } };
}

function mapping(props: Record<string, unknown> = {}, deps: Record<string, string[]> = { eventSourceArn: ["orders"], functionName: ["worker"] }): CaseResource {
    return { type: MAPPING, name: "orders-to-worker", props: { eventSourceArn: UNKNOWN, functionName: UNKNOWN, ...props }, propertyDependencies: deps };
}

export const cases: Cases = {
    valid: [
        { why: "visibility timeout six times the function timeout", resources: [queue({ visibilityTimeoutSeconds: 180 }), fn({ timeout: 30 }), mapping()] },
        { why: "defaults: 30 s visibility, 3 s timeout", resources: [queue(), fn(), mapping()] },
        { why: "visibility equal to the timeout", resources: [queue({ visibilityTimeoutSeconds: 60 }), fn({ timeout: 60 }), mapping()] },
        { why: "function timeout unknown during preview", resources: [queue(), fn({ timeout: UNKNOWN }), mapping()] },
        { why: "visibility timeout unknown during preview", resources: [queue({ visibilityTimeoutSeconds: UNKNOWN }), fn({ timeout: 900 }), mapping()] },
        { why: "FIFO queue with batch size 10", resources: [queue({ fifoQueue: true, visibilityTimeoutSeconds: 60 }), fn({ timeout: 10 }), mapping({ batchSize: 10 })] },
        { why: "standard queue, batch 100 with a 5 s window", resources: [queue({ visibilityTimeoutSeconds: 120 }), fn({ timeout: 10 }), mapping({ batchSize: 100, maximumBatchingWindowInSeconds: 5 })] },
        { why: "batch size unknown during preview on a FIFO queue", resources: [queue({ fifoQueue: true }), fn(), mapping({ batchSize: UNKNOWN })] },
        { why: "FIFO flag unknown: batch size cannot be judged", resources: [queue({ fifoQueue: UNKNOWN }), fn(), mapping({ batchSize: 100, maximumBatchingWindowInSeconds: 1 })] },
        { why: "a Kinesis stream source is not an SQS queue", resources: [fn({ timeout: 900 }), mapping({ eventSourceArn: "arn:aws:kinesis:us-east-1:123456789012:stream/clicks", batchSize: 500 }, { functionName: ["worker"] })] },
        { why: "source unknown and not from a queue", resources: [fn({ timeout: 900 }), mapping({}, { functionName: ["worker"] })] },
        {
            why: "state: literal ARNs and names, visibility long enough",
            resources: [queue({ arn: QUEUE_ARN, name: "orders-dev", visibilityTimeoutSeconds: 300 }), fn({ name: "worker-dev", timeout: 45 }), mapping({ eventSourceArn: QUEUE_ARN, functionName: "worker-dev", batchSize: 10 }, {})],
        },
        {
            why: "queue outside the stack by literal ARN: its visibility cannot be seen",
            resources: [fn({ timeout: 900 }), mapping({ eventSourceArn: QUEUE_ARN }, { functionName: ["worker"] })],
        },
        { why: "secret environment on the function", resources: [queue({ visibilityTimeoutSeconds: 60 }), fn({ timeout: 10, environment: { variables: { API_KEY: secret("sk-live-secret-key") } } }), mapping()] },
        { why: "malformed values are not judged", resources: [queue({ visibilityTimeoutSeconds: "soon" }), fn({ timeout: [1] }), mapping({ batchSize: {}, maximumBatchingWindowInSeconds: "x" })] },
    ],
    invalid: [
        {
            why: "function timeout 60 s behind the default 30 s visibility timeout",
            resources: [queue(), fn({ timeout: 60 }), mapping()],
            messageId: "visibilityShorterThanTimeout",
            on: "orders-to-worker",
            count: 1,
            includes: ["orders", "worker", "Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds", "360"],
        },
        {
            why: "explicit visibility shorter than the timeout, through an alias",
            resources: [
                queue({ visibilityTimeoutSeconds: 60 }),
                fn({ timeout: 120 }),
                { type: ALIAS, name: "live", props: { functionName: UNKNOWN, arn: UNKNOWN }, propertyDependencies: { functionName: ["worker"] } },
                mapping({}, { eventSourceArn: ["orders"], functionName: ["live"] }),
            ],
            messageId: "visibilityShorterThanTimeout",
            on: "orders-to-worker",
        },
        {
            why: "state: literal ARN and function name",
            resources: [queue({ arn: QUEUE_ARN, name: "orders-dev", visibilityTimeoutSeconds: 30 }), fn({ name: "worker-dev", timeout: 300 }), mapping({ eventSourceArn: QUEUE_ARN, functionName: "worker-dev" }, {})],
            messageId: "visibilityShorterThanTimeout",
            on: "orders-to-worker",
        },
        { why: "FIFO queue with batch size 100", resources: [queue({ fifoQueue: true, visibilityTimeoutSeconds: 60 }), fn(), mapping({ batchSize: 100 })], messageId: "fifoBatchTooLarge", on: "orders-to-worker", includes: ["100"] },
        {
            why: "FIFO queue outside the stack, known by its .fifo ARN",
            resources: [fn(), mapping({ eventSourceArn: "arn:aws:sqs:us-east-1:123456789012:orders-dev.fifo", batchSize: 50 }, { functionName: ["worker"] })],
            messageId: "fifoBatchTooLarge",
            on: "orders-to-worker",
        },
        { why: "FIFO queue with a batching window", resources: [queue({ fifoQueue: true, visibilityTimeoutSeconds: 60 }), fn(), mapping({ maximumBatchingWindowInSeconds: 5 })], messageId: "fifoBatchWindow", on: "orders-to-worker" },
        { why: "standard queue, batch 100 without a window", resources: [queue({ visibilityTimeoutSeconds: 60 }), fn(), mapping({ batchSize: 100 })], messageId: "batchWindowRequired", on: "orders-to-worker" },
        {
            why: "secret tags are never printed",
            resources: [queue({ tags: { Owner: secret("owner-secret-tag") } }), fn({ timeout: 40 }), mapping()],
            messageId: "visibilityShorterThanTimeout",
            on: "orders-to-worker",
        },
    ],
};
