// SQS queues: which are FIFO, and the queue a literal ARN or URL names.
import type * as aws from "@pulumi/aws";
import { Graph } from "./graph";
import { Resource } from "./resource";
import { asBool, asString, get, isUnknown } from "./values";
import { knownValues, parseArn } from "./wiring";

export const QUEUE = "aws:sqs/queue:Queue";
const FIFO: keyof aws.sqs.QueueArgs = "fifoQueue";

/** Whether a queue of this stack is FIFO: its fifoQueue flag, or the ".fifo" suffix every FIFO queue name has; undefined when unknown. */
export function isFifoQueue(queue: Resource): boolean | undefined {
    const flag = get(queue.props, FIFO);
    const name = asString(get(queue.props, "name"));
    if (name?.endsWith(".fifo") || asBool(flag) === true) return true;
    return isUnknown(flag) ? undefined : false;
}

/** The queue of this stack a literal ARN names (by ARN or by the queue name in it). */
export function queueByArn(graph: Graph, arn: string): Resource | undefined {
    const name = parseArn(arn)?.resource;
    return graph.ofType(QUEUE).find((q) => knownValues(q, ["arn"]).includes(arn) || (name !== undefined && knownValues(q, ["name"]).includes(name)));
}

/** FIFO-ness from a literal SQS ARN alone: FIFO queue names end in ".fifo". */
export function fifoByArn(arn: string): boolean {
    return (parseArn(arn)?.resource ?? arn).endsWith(".fifo");
}
