import type * as aws from "@pulumi/aws";
import { Graph } from "../lib/graph";
import { definePolicy } from "../lib/policy";
import { Resource } from "../lib/resource";
import { QUEUE, fifoByArn, isFifoQueue, queueByArn } from "../lib/sqs";
import { asNumber, asString, get, isUnknown } from "../lib/values";
import { LAMBDA_ALIAS, LAMBDA_FUNCTION, knownValues, lambdaName, parseArn } from "../lib/wiring";

const MAPPING = "aws:lambda/eventSourceMapping:EventSourceMapping";

const SOURCE: keyof aws.lambda.EventSourceMappingArgs = "eventSourceArn";
const FUNCTION: keyof aws.lambda.EventSourceMappingArgs = "functionName";
const BATCH: keyof aws.lambda.EventSourceMappingArgs = "batchSize";
const WINDOW: keyof aws.lambda.EventSourceMappingArgs = "maximumBatchingWindowInSeconds";
const VISIBILITY: keyof aws.sqs.QueueArgs = "visibilityTimeoutSeconds";
const TIMEOUT: keyof aws.lambda.FunctionArgs = "timeout";
const ALIAS_FUNCTION: keyof aws.lambda.AliasArgs = "functionName";

// Service defaults when the program leaves a value out: SQS VisibilityTimeout, Lambda Timeout, SQS BatchSize and batching window.
const DEFAULT_VISIBILITY_S = 30;
const DEFAULT_TIMEOUT_S = 3;
const DEFAULT_BATCH = 10;
const FIFO_MAX_BATCH = 10;
const SOURCES =
    "(AWS Lambda Developer Guide, services-sqs-parameters and CreateEventSourceMapping API reference; SQS Developer Guide, sqs-visibility-timeout; all regions; checked 2026-12-07)";

/** The queue a mapping reads: one of this stack, or only its literal ARN; undefined when the source is no SQS queue. */
interface Source {
    queue?: Resource;
    label: string;
    /** true/false when known, from the queue's fifoQueue or the ".fifo" suffix every FIFO queue name has. */
    fifo?: boolean;
}

function sourceOf(graph: Graph, mapping: Resource): Source | undefined {
    const arn = asString(get(mapping.props, SOURCE));
    if (arn && parseArn(arn)?.service !== "sqs") return undefined;
    const queue = graph.sourcesOf(mapping, SOURCE).find((s) => s.type === QUEUE) ?? (arn ? queueByArn(graph, arn) : undefined);
    if (queue) return { queue, label: queue.name, fifo: isFifoQueue(queue) };
    return arn ? { label: arn, fifo: fifoByArn(arn) } : undefined;
}

/** The functions a mapping invokes, by dependency (an alias stands for its function) or by a literal name or ARN. */
function functionsOf(graph: Graph, mapping: Resource): Resource[] {
    const found = new Set<Resource>();
    for (const s of graph.sourcesOf(mapping, FUNCTION)) {
        if (s.type === LAMBDA_FUNCTION) found.add(s);
        if (s.type === LAMBDA_ALIAS) for (const fn of graph.sourcesOf(s, ALIAS_FUNCTION)) if (fn.type === LAMBDA_FUNCTION) found.add(fn);
    }
    const ref = asString(get(mapping.props, FUNCTION));
    if (found.size === 0 && ref) {
        for (const fn of graph.ofType(LAMBDA_FUNCTION)) if (knownValues(fn, ["name"]).includes(lambdaName(ref))) found.add(fn);
    }
    return [...found];
}

/** A number input with the service's default when left out; undefined when unknown or malformed. */
function numberOr(r: Resource, property: string, fallback: number): number | undefined {
    const v = get(r.props, property);
    if (v === undefined || v === null) return fallback;
    return isUnknown(v) ? undefined : asNumber(v);
}

export default definePolicy({
    kind: "stack",
    name: "sqs-lambda-trigger-limits",
    family: "wiring",
    description:
        "An SQS queue that triggers a Lambda function (aws.lambda.EventSourceMapping) has a visibility timeout at least as long as the function's timeout, " +
        "and a batch size and batching window the queue type accepts; otherwise CreateEventSourceMapping fails.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: [MAPPING, QUEUE, LAMBDA_FUNCTION, LAMBDA_ALIAS],
    messages: {
        visibilityShorterThanTimeout:
            "SQS queue {{queue}} has visibilityTimeoutSeconds {{visibility}}{{visibilityDefault}}, shorter than the timeout of Lambda function {{function}} ({{timeout}} s{{timeoutDefault}}); " +
            "CreateEventSourceMapping fails with \"Queue visibility timeout: {{visibility}} seconds is less than Function timeout: {{timeout}} seconds\". " +
            "Set the queue's visibilityTimeoutSeconds to at least {{timeout}} (AWS recommends six times the function timeout plus the batching window: {{recommended}}), or lower the function's timeout. " +
            SOURCES,
        fifoBatchTooLarge:
            "batchSize is {{batch}}, but SQS queue {{queue}} is a FIFO queue, for which Lambda accepts at most 10 messages per batch; CreateEventSourceMapping fails. " +
            "Set batchSize to 10 or less. " +
            SOURCES,
        fifoBatchWindow:
            "maximumBatchingWindowInSeconds is {{window}}, but SQS queue {{queue}} is a FIFO queue, for which Lambda supports no batching window; CreateEventSourceMapping fails. " +
            "Remove maximumBatchingWindowInSeconds (or set it to 0). " +
            SOURCES,
        batchWindowRequired:
            "batchSize is {{batch}} with maximumBatchingWindowInSeconds {{window}} on SQS queue {{queue}}; for a batch size above 10 Lambda requires a batching window of at least 1 second, " +
            "so CreateEventSourceMapping fails. Set maximumBatchingWindowInSeconds to 1 or more (and count it in the queue's visibility timeout), or batchSize to 10 or less. " +
            SOURCES,
    },
    remediationSteps:
        "Give the source queue `visibilityTimeoutSeconds` of at least the function's `timeout` (AWS recommends 6 × timeout + maximumBatchingWindowInSeconds; the defaults are 30 s and 3 s). " +
        "For a FIFO queue keep `batchSize` at 10 or less and set no batching window; for a standard queue with `batchSize` above 10 set `maximumBatchingWindowInSeconds` to at least 1.",
    counterparts: "cfn-lint E3505 (queue VisibilityTimeout vs function Timeout) and E3705 (FIFO BatchSize at most 10), CloudFormation only; none in FSBP or checkov",
    check({ graph, report }) {
        for (const mapping of graph.ofType(MAPPING)) {
            const source = sourceOf(graph, mapping);
            if (!source) continue;
            const batch = numberOr(mapping, BATCH, DEFAULT_BATCH);
            const window = numberOr(mapping, WINDOW, 0);
            if (source.fifo === true && batch !== undefined && batch > FIFO_MAX_BATCH) report("fifoBatchTooLarge", { batch, queue: source.label }, mapping);
            if (source.fifo === true && window !== undefined && window > 0) report("fifoBatchWindow", { window, queue: source.label }, mapping);
            if (source.fifo === false && batch !== undefined && batch > FIFO_MAX_BATCH && window !== undefined && window < 1) report("batchWindowRequired", { batch, window, queue: source.label }, mapping);
            if (!source.queue) continue;
            const visibility = numberOr(source.queue, VISIBILITY, DEFAULT_VISIBILITY_S);
            if (visibility === undefined) continue;
            // The longest timeout among the functions the mapping may invoke decides.
            const slowest = functionsOf(graph, mapping)
                .map((fn) => ({ fn, timeout: numberOr(fn, TIMEOUT, DEFAULT_TIMEOUT_S) }))
                .filter((t): t is { fn: Resource; timeout: number } => t.timeout !== undefined)
                .sort((a, b) => b.timeout - a.timeout)[0];
            if (!slowest || visibility >= slowest.timeout) continue;
            const visibilitySet = get(source.queue.props, VISIBILITY) !== undefined && get(source.queue.props, VISIBILITY) !== null;
            const timeoutSet = get(slowest.fn.props, TIMEOUT) !== undefined && get(slowest.fn.props, TIMEOUT) !== null;
            report(
                "visibilityShorterThanTimeout",
                {
                    queue: source.queue.name,
                    function: slowest.fn.name,
                    visibility,
                    visibilityDefault: visibilitySet ? "" : " (the default, left unset)",
                    timeout: slowest.timeout,
                    timeoutDefault: timeoutSet ? "" : ", the default",
                    recommended: 6 * slowest.timeout + (window ?? 0),
                },
                mapping,
            );
        }
    },
});
