import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const QUEUE = "aws:sqs/queue:Queue";
const REDRIVE = "aws:sqs/redrivePolicy:RedrivePolicy";

function dlq(props: Record<string, unknown> = {}): CaseResource {
    return { type: QUEUE, name: "orders-dlq", props: { arn: UNKNOWN, name: UNKNOWN, ...props } };
}

function source(props: Record<string, unknown> = {}): CaseResource {
    return { type: QUEUE, name: "orders", props: { arn: UNKNOWN, name: UNKNOWN, redrivePolicy: UNKNOWN, ...props }, propertyDependencies: { redrivePolicy: ["orders-dlq"] } };
}

const FIFO_DLQ_ARN = "arn:aws:sqs:us-east-1:123456789012:orders-dlq-dev.fifo";
const STANDARD_DLQ_ARN = "arn:aws:sqs:us-east-1:123456789012:orders-dlq-dev";

export const cases: Cases = {
    valid: [
        { why: "FIFO queue with a FIFO dead-letter queue", resources: [dlq({ fifoQueue: true }), source({ fifoQueue: true })] },
        { why: "standard queue with a standard dead-letter queue", resources: [dlq(), source()] },
        { why: "FIFO flag of the dead-letter queue unknown during preview", resources: [dlq({ fifoQueue: UNKNOWN }), source({ fifoQueue: true })] },
        { why: "state: literal FIFO ARN for a FIFO queue", resources: [{ type: QUEUE, name: "orders", props: { name: "orders-dev.fifo", fifoQueue: true, redrivePolicy: JSON.stringify({ deadLetterTargetArn: FIFO_DLQ_ARN, maxReceiveCount: 5 }) } }] },
        {
            why: "aws.sqs.RedrivePolicy resource, both FIFO",
            resources: [dlq({ fifoQueue: true }), { type: QUEUE, name: "orders", props: { url: UNKNOWN, fifoQueue: true } }, { type: REDRIVE, name: "orders-redrive", props: { queueUrl: UNKNOWN, redrivePolicy: UNKNOWN }, propertyDependencies: { queueUrl: ["orders"], redrivePolicy: ["orders-dlq"] } }],
        },
        { why: "redrive policy unknown and not from a queue", resources: [{ type: QUEUE, name: "orders", props: { fifoQueue: true, redrivePolicy: UNKNOWN } }] },
        { why: "secret tags on the queues", resources: [dlq({ tags: { Team: secret("team-secret-tag") } }), source()] },
        { why: "malformed redrive policy", resources: [{ type: QUEUE, name: "orders", props: { fifoQueue: true, redrivePolicy: "{oops" } }, { type: QUEUE, name: "other", props: { redrivePolicy: { deadLetterTargetArn: 42 } } }] },
    ],
    invalid: [
        {
            why: "FIFO queue with a standard dead-letter queue",
            resources: [dlq(), source({ fifoQueue: true })],
            messageId: "typeMismatch",
            on: "orders",
            count: 1,
            includes: ["orders-dlq", "is a FIFO queue", "which is a standard queue"],
        },
        { why: "standard queue with a FIFO dead-letter queue", resources: [dlq({ fifoQueue: true }), source()], messageId: "typeMismatch", on: "orders" },
        {
            why: "state: FIFO queue with a literal standard dead-letter ARN outside the stack",
            resources: [{ type: QUEUE, name: "orders", props: { name: "orders-dev.fifo", fifoQueue: true, redrivePolicy: JSON.stringify({ deadLetterTargetArn: STANDARD_DLQ_ARN, maxReceiveCount: 5 }) } }],
            messageId: "typeMismatch",
            on: "orders",
            includes: [STANDARD_DLQ_ARN],
        },
        {
            why: "aws.sqs.RedrivePolicy from a FIFO queue to a standard one",
            resources: [dlq(), { type: QUEUE, name: "orders", props: { url: UNKNOWN, fifoQueue: true } }, { type: REDRIVE, name: "orders-redrive", props: { queueUrl: UNKNOWN, redrivePolicy: UNKNOWN }, propertyDependencies: { queueUrl: ["orders"], redrivePolicy: ["orders-dlq"] } }],
            messageId: "typeMismatch",
            on: "orders-redrive",
        },
        { why: "secret tags are never printed", resources: [dlq({ tags: { Team: secret("team-secret-tag") } }), source({ fifoQueue: true })], messageId: "typeMismatch", on: "orders" },
    ],
};
