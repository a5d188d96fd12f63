import type * as aws from "@pulumi/aws";
import { Graph } from "../lib/graph";
import { definePolicy } from "../lib/policy";
import { Resource, label } from "../lib/resource";
import { asArray, asString, get, isSet, isUnknown } from "../lib/values";
import { EVENT_TARGET, LAMBDA_ALIAS, LAMBDA_FUNCTION } from "../lib/wiring";

const SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
const NOTIFICATION = "aws:s3/bucketNotification:BucketNotification";
const INVOKE_CONFIG = "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig";

const TARGET_ARN: keyof aws.cloudwatch.EventTargetArgs = "arn";
const ENDPOINT: keyof aws.sns.TopicSubscriptionArgs = "endpoint";
const LAMBDA_FUNCTIONS: keyof aws.s3.BucketNotificationArgs = "lambdaFunctions";
const FUNCTION_NAME: keyof aws.lambda.FunctionEventInvokeConfigArgs & keyof aws.lambda.AliasArgs = "functionName";
const DLQ = "deadLetterConfig.targetArn";
const ON_FAILURE = "destinationConfig.onFailure.destination";

/** The function and its aliases: asynchronous invokers and invoke configs may name either. */
function targetsOf(graph: Graph, fn: Resource): Resource[] {
    return [fn, ...graph.referrers(fn, [LAMBDA_ALIAS], FUNCTION_NAME, ["name", "arn"])];
}

/** EventBridge targets, SNS subscriptions (protocol lambda) and S3 notifications that invoke `fn` asynchronously. */
function asyncInvokers(graph: Graph, fn: Resource): Resource[] {
    const found = new Set<Resource>();
    for (const t of targetsOf(graph, fn)) {
        for (const r of graph.referrers(t, [EVENT_TARGET], TARGET_ARN, ["arn"])) found.add(r);
        for (const r of graph.referrers(t, [SUBSCRIPTION], ENDPOINT, ["arn"])) {
            if (asString(get(r.props, "protocol")) === "lambda") found.add(r);
        }
        for (const r of graph.usersOf(t, [NOTIFICATION], LAMBDA_FUNCTIONS)) found.add(r);
        const arn = asString(get(t.props, "arn"));
        if (arn) {
            for (const r of graph.ofType(NOTIFICATION)) {
                if (asArray(get(r.props, LAMBDA_FUNCTIONS)).some((l) => asString(get(l, "lambdaFunctionArn")) === arn)) found.add(r);
            }
        }
    }
    return [...found];
}

/** An invoke config whose function cannot be told at preview may belong to any function. */
function unresolved(graph: Graph, config: Resource): boolean {
    return isUnknown(get(config.props, FUNCTION_NAME)) && graph.sourcesOf(config, FUNCTION_NAME).length === 0;
}

export default definePolicy({
    kind: "stack",
    name: "lambda-async-failure-destination",
    family: "resilience",
    description:
        "A Lambda function invoked asynchronously (EventBridge target, SNS subscription, S3 notification) has a dead-letter queue or an on-failure " +
        "destination, so events that keep failing are kept instead of dropped.",
    enforcementLevel: "advisory",
    severity: "medium",
    types: [LAMBDA_FUNCTION, LAMBDA_ALIAS, EVENT_TARGET, SUBSCRIPTION, NOTIFICATION, INVOKE_CONFIG],
    config: {},
    messages: {
        noFailureDestination:
            "This function is invoked asynchronously by {{invokers}}, and it has no deadLetterConfig.targetArn and no aws.lambda.FunctionEventInvokeConfig " +
            "with destinationConfig.onFailure; an event that still fails after Lambda's retries (2 by default, for up to 6 hours) is discarded without a trace. " +
            "Add `deadLetterConfig: { targetArn: queue.arn }` (SQS or SNS) or an on-failure destination.",
        noOnFailure:
            "This function is invoked asynchronously by {{invokers}}, and its FunctionEventInvokeConfig {{config}} sets no destinationConfig.onFailure " +
            "(nor has the function a deadLetterConfig); an event that still fails after the retries is discarded. Set `destinationConfig: { onFailure: { destination: queue.arn } }`.",
    },
    remediationSteps:
        "Give each asynchronously invoked function an SQS (or SNS) dead-letter queue with `deadLetterConfig: { targetArn: dlq.arn }`, or an " +
        "`aws.lambda.FunctionEventInvokeConfig` with `destinationConfig.onFailure.destination`, and grant the function's role permission to send to it.",
    check({ graph, report }) {
        const configs = graph.ofType(INVOKE_CONFIG);
        if (configs.some((c) => unresolved(graph, c))) return;
        for (const fn of graph.ofType(LAMBDA_FUNCTION)) {
            // Unknown counts as set: a DLQ may be configured.
            if (isSet(get(fn.props, DLQ))) continue;
            const invokers = asyncInvokers(graph, fn);
            if (invokers.length === 0) continue;
            const names = invokers.map(label);
            const own = targetsOf(graph, fn).flatMap((t) => graph.referrers(t, [INVOKE_CONFIG], FUNCTION_NAME, ["name", "arn"]));
            if (own.some((c) => isSet(get(c.props, ON_FAILURE)))) continue;
            if (own.length > 0) report("noOnFailure", { invokers: names, config: label(own[0]) }, fn);
            else report("noFailureDestination", { invokers: names }, fn);
        }
    },
});
