import type * as aws from "@pulumi/aws";
import { Graph } from "../lib/graph";
import { definePolicy } from "../lib/policy";
import { Resource } from "../lib/resource";
import { QUEUE, fifoByArn, isFifoQueue, queueByArn } from "../lib/sqs";
import { asString, get, isRecord, parseJsonish } from "../lib/values";

const REDRIVE = "aws:sqs/redrivePolicy:RedrivePolicy";
const POLICY: keyof aws.sqs.QueueArgs & keyof aws.sqs.RedrivePolicyArgs = "redrivePolicy";
const QUEUE_URL: keyof aws.sqs.RedrivePolicyArgs = "queueUrl";

interface Side {
    label: string;
    fifo: boolean | undefined;
}

const kind = (fifo: boolean): string => (fifo ? "a FIFO queue" : "a standard queue");

/** The queue a redrive policy applies to: the queue itself, or the queue an aws.sqs.RedrivePolicy names. */
function sourceQueue(graph: Graph, holder: Resource): Resource | undefined {
    if (holder.type === QUEUE) return holder;
    const url = asString(get(holder.props, QUEUE_URL));
    return graph.sourcesOf(holder, QUEUE_URL).find((q) => q.type === QUEUE) ?? graph.ofType(QUEUE).find((q) => url !== undefined && [get(q.props, "url"), get(q.props, "id")].includes(url));
}

/** The dead-letter queue a redrive policy names: by dependency, or by the literal deadLetterTargetArn. */
function deadLetterQueue(graph: Graph, holder: Resource): Side | undefined {
    const fromDeps = graph.sourcesOf(holder, POLICY).filter((q) => q.type === QUEUE && q !== holder);
    if (fromDeps.length === 1) return { label: fromDeps[0].name, fifo: isFifoQueue(fromDeps[0]) };
    const doc = parseJsonish(get(holder.props, POLICY));
    const arn = isRecord(doc) ? asString(doc.deadLetterTargetArn) : undefined;
    if (!arn) return undefined;
    const queue = queueByArn(graph, arn);
    return queue ? { label: queue.name, fifo: isFifoQueue(queue) } : { label: arn, fifo: fifoByArn(arn) };
}

export default definePolicy({
    kind: "stack",
    name: "sqs-dead-letter-queue-type",
    family: "wiring",
    description: "An SQS queue's dead-letter queue (redrivePolicy deadLetterTargetArn) is of the same type: FIFO for a FIFO queue, standard for a standard queue.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: [QUEUE, REDRIVE],
    messages: {
        typeMismatch:
            "SQS queue {{queue}} is {{queueKind}}, but its redrivePolicy sends failed messages to {{deadLetter}}, which is {{deadLetterKind}}; SQS requires the dead-letter queue " +
            "to be of the same type as its source queue and rejects the redrive policy, so the deploy fails. Point deadLetterTargetArn at {{wanted}} " +
            "(SQS Developer Guide, sqs-dead-letter-queues; RedrivePolicy attribute; all regions; checked 2026-12-07).",
    },
    remediationSteps:
        "Create the dead-letter queue with the same `fifoQueue` setting as the queue it serves (a FIFO queue's name ends in `.fifo`), and set the source queue's " +
        "`redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 5 })`.",
    counterparts: "cfn-lint E3502 (DLQ of the same type, CloudFormation only); none in FSBP or checkov",
    check({ graph, report }) {
        for (const holder of graph.ofType(QUEUE, REDRIVE)) {
            const queue = sourceQueue(graph, holder);
            const dlq = queue ? deadLetterQueue(graph, holder) : undefined;
            if (!queue || !dlq) continue;
            const fifo = isFifoQueue(queue);
            if (fifo === undefined || dlq.fifo === undefined || fifo === dlq.fifo) continue;
            report("typeMismatch", { queue: queue.name, queueKind: kind(fifo), deadLetter: dlq.label, deadLetterKind: kind(dlq.fifo), wanted: kind(fifo) }, holder);
        }
    },
});
