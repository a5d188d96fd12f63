import type * as aws from "@pulumi/aws";
import { globToRegExp } from "../lib/glob";
import { Graph } from "../lib/graph";
import { definePolicy } from "../lib/policy";
import { Resource } from "../lib/resource";
import { allowsService, anyAllows, servicePrincipal } from "../lib/resource-policy";
import { BUCKET_TYPES } from "../lib/s3";
import { asArray, asString, get, isSet, isUnknown } from "../lib/values";
import { Invoked, LAMBDA_ALIAS, LAMBDA_FUNCTION, LAMBDA_PERMISSION, grantsInvoke, invokedFunction, invokedName, knownValues, onFunction, parseArn } from "../lib/wiring";

const NOTIFICATION = "aws:s3/bucketNotification:BucketNotification";
const QUEUE = "aws:sqs/queue:Queue";
const QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy";
const TOPIC = "aws:sns/topic:Topic";
const TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";

const BUCKET: keyof aws.s3.BucketNotificationArgs = "bucket";
const LAMBDAS: keyof aws.s3.BucketNotificationArgs = "lambdaFunctions";
const QUEUES: keyof aws.s3.BucketNotificationArgs = "queues";
const TOPICS: keyof aws.s3.BucketNotificationArgs = "topics";
const SOURCE_ARN: keyof aws.lambda.PermissionArgs = "sourceArn";
const QUEUE_URL: keyof aws.sqs.QueuePolicyArgs = "queueUrl";
const TOPIC_ARN: keyof aws.sns.TopicPolicyArgs = "arn";
const POLICY: keyof aws.sqs.QueueArgs & keyof aws.sns.TopicArgs = "policy";

const S3 = "s3.amazonaws.com";
const isS3 = servicePrincipal("s3");

/** A queue or topic destination: how to find its policies and which action S3 needs. */
interface Kind {
    type: string;
    list: string;
    arnKey: string;
    policyType: string;
    /** The policy resource's property that names the destination, and the destination's values it may hold. */
    ref: string;
    refKeys: string[];
    action: string;
    messageId: string;
}

const KINDS: Kind[] = [
    { type: QUEUE, list: QUEUES, arnKey: "queueArn", policyType: QUEUE_POLICY, ref: QUEUE_URL, refKeys: ["url", "id"], action: "sqs:SendMessage", messageId: "noQueuePolicy" },
    { type: TOPIC, list: TOPICS, arnKey: "topicArn", policyType: TOPIC_POLICY, ref: TOPIC_ARN, refKeys: ["arn", "id"], action: "SNS:Publish", messageId: "noTopicPolicy" },
];

/** The bucket a notification configures: the bucket resources it came from, and the bucket's name when known. */
interface Target {
    buckets: Resource[];
    name?: string;
}

function targetOf(graph: Graph, notification: Resource): Target {
    const name = asString(get(notification.props, BUCKET));
    const buckets = graph.sourcesOf(notification, BUCKET).filter((b) => (BUCKET_TYPES as readonly string[]).includes(b.type));
    if (name) for (const b of graph.ofType(...BUCKET_TYPES)) if (knownValues(b, ["bucket", "id"]).includes(name) && !buckets.includes(b)) buckets.push(b);
    return { buckets, name: name ?? buckets.map((b) => asString(get(b.props, "bucket"))).find((n) => n !== undefined) };
}

/** Whether a permission's sourceArn (if any) lets this bucket invoke; unknown counts. */
function allowsBucket(graph: Graph, permission: Resource, target: Target): boolean {
    const source = get(permission.props, SOURCE_ARN);
    if (!isSet(source)) return true;
    const fromBuckets = graph.sourcesOf(permission, SOURCE_ARN).filter((b) => (BUCKET_TYPES as readonly string[]).includes(b.type));
    if (fromBuckets.length > 0 && target.buckets.length > 0) return fromBuckets.some((b) => target.buckets.includes(b));
    const arn = asString(source);
    if (isUnknown(source) || fromBuckets.length > 0) return true;
    if (!arn) return false;
    const bucketArns = target.buckets.flatMap((b) => knownValues(b, ["arn"]));
    if (target.name) bucketArns.push(`arn:aws:s3:::${target.name}`);
    return bucketArns.length === 0 || bucketArns.some((b) => globToRegExp(arn).test(b));
}

/** The Lambda functions a notification invokes: one per function it was computed from, and one per literal ARN. */
function invokedFunctions(graph: Graph, notification: Resource): Invoked[] {
    const out = graph
        .sourcesOf(notification, LAMBDAS)
        .filter((s) => s.type === LAMBDA_FUNCTION || s.type === LAMBDA_ALIAS)
        .map((s) => invokedFunction(graph, { ...notification, propertyDependencies: { [LAMBDAS]: [s.urn] } }, LAMBDAS, undefined))
        .filter((i): i is Invoked => i !== undefined);
    for (const entry of asArray(get(notification.props, LAMBDAS))) {
        const arn = asString(get(entry, "lambdaFunctionArn"));
        const invoked = arn ? invokedFunction(graph, { ...notification, propertyDependencies: {} }, LAMBDAS, arn) : undefined;
        if (invoked && !out.some((o) => o.resources.some((r) => invoked.resources.includes(r)))) out.push(invoked);
    }
    return out;
}

/** Queues or topics a notification delivers to: those it was computed from, and those a literal ARN names (or the ARN alone). */
function destinations(graph: Graph, notification: Resource, kind: Kind): { resource?: Resource; arn?: string }[] {
    const found = new Map<string, { resource?: Resource; arn?: string }>();
    for (const r of graph.sourcesOf(notification, kind.list)) if (r.type === kind.type) found.set(r.urn, { resource: r });
    for (const entry of asArray(get(notification.props, kind.list))) {
        const arn = asString(get(entry, kind.arnKey));
        if (!arn || !parseArn(arn)) continue;
        const name = parseArn(arn)?.resource;
        const match = graph.ofType(kind.type).find((r) => knownValues(r, ["arn"]).includes(arn) || (name !== undefined && knownValues(r, ["name"]).includes(name)));
        if (match) found.set(match.urn, { resource: match });
        else found.set(arn, { arn });
    }
    return [...found.values()];
}

/** Whether some policy of this destination lets S3 deliver; undefined when one cannot be judged. */
function destinationAllows(graph: Graph, destination: Resource, kind: Kind): boolean | undefined {
    const policies = graph.referrers(destination, [kind.policyType], kind.ref, kind.refKeys);
    // A policy whose target is unknown and not computed from a resource of this kind may be for this destination.
    const opaque = graph.ofType(kind.policyType).filter((p) => isUnknown(get(p.props, kind.ref)) && !graph.sourcesOf(p, kind.ref).some((s) => s.type === kind.type));
    const documents = [get(destination.props, POLICY), ...[...policies, ...opaque].map((p) => get(p.props, POLICY))].filter(isSet);
    return anyAllows(documents, isS3, [kind.action]);
}

export default definePolicy({
    kind: "stack",
    name: "s3-notification-destination-permission",
    family: "wiring",
    description:
        "An S3 bucket notification's Lambda function, SQS queue or SNS topic lets s3.amazonaws.com deliver (an aws.lambda.Permission, a queue policy or a topic policy); " +
        "otherwise S3 rejects the notification configuration.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: [NOTIFICATION, LAMBDA_FUNCTION, LAMBDA_ALIAS, LAMBDA_PERMISSION, QUEUE, QUEUE_POLICY, TOPIC, TOPIC_POLICY, ...BUCKET_TYPES],
    messages: {
        noPermission:
            "this notification invokes Lambda function {{function}}, but no aws.lambda.Permission in this stack lets `principal: \"s3.amazonaws.com\"` invoke it; " +
            "S3 tests every destination when the configuration is written and fails with \"Unable to validate the following destination configurations\". " +
            "Add `new aws.lambda.Permission(name, { function: fn.name, action: \"lambda:InvokeFunction\", principal: \"s3.amazonaws.com\", sourceArn: bucket.arn })` " +
            "and list it in the notification's `dependsOn`.",
        otherBucket:
            "this notification invokes Lambda function {{function}}, but the permissions for s3.amazonaws.com on it ({{permissions}}) are limited by sourceArn to another bucket; " +
            "S3 fails with \"Unable to validate the following destination configurations\". Set `sourceArn: bucket.arn` to this notification's bucket.",
        noQueuePolicy:
            "this notification sends to SQS queue {{destination}}, but neither its `policy` nor an aws.sqs.QueuePolicy in this stack allows `Service: \"s3.amazonaws.com\"` " +
            "`sqs:SendMessage`; S3 fails with \"Unable to validate the following destination configurations\". Add an aws.sqs.QueuePolicy that allows it " +
            "(with an `aws:SourceArn` condition on bucket.arn) and list it in the notification's `dependsOn`.",
        noTopicPolicy:
            "this notification publishes to SNS topic {{destination}}, but neither its `policy` nor an aws.sns.TopicPolicy in this stack allows `Service: \"s3.amazonaws.com\"` " +
            "`SNS:Publish`; S3 fails with \"Unable to validate the following destination configurations\". Add an aws.sns.TopicPolicy that allows it " +
            "(with an `aws:SourceArn` condition on bucket.arn) and list it in the notification's `dependsOn`.",
        elsewhere:
            "this notification delivers to {{destination}}, which this stack does not create, and nothing in this stack lets s3.amazonaws.com use it; unless its " +
            "owner granted S3 access (a Lambda permission, queue or topic policy for this bucket), S3 fails with \"Unable to validate the following destination configurations\".",
    },
    advisoryMessages: ["elsewhere"],
    remediationSteps:
        "Grant S3 access to each destination before the notification is written: an aws.lambda.Permission with `principal: \"s3.amazonaws.com\"` and " +
        "`sourceArn: bucket.arn` for a function, an aws.sqs.QueuePolicy allowing `sqs:SendMessage`, or an aws.sns.TopicPolicy allowing `SNS:Publish`, to " +
        "`Service: \"s3.amazonaws.com\"` with an `aws:SourceArn` condition on the bucket; add the grant to the notification's `dependsOn`. " +
        "AWS: https://docs.aws.amazon.com/AmazonS3/latest/userguide/grant-destinations-permissions-to-s3.html (checked 2026-12-07).",
    counterparts: "none in FSBP, checkov or cfn-lint (checkov CKV_AWS_364 and trivy AWS-0067 only ask a Lambda permission for a sourceArn)",
    check({ graph, report }) {
        const permissions = graph.ofType(LAMBDA_PERMISSION);
        for (const notification of graph.ofType(NOTIFICATION)) {
            const target = targetOf(graph, notification);
            for (const invoked of invokedFunctions(graph, notification)) {
                const forFunction = permissions.filter((p) => onFunction(graph, p, invoked) && grantsInvoke(p, S3));
                if (forFunction.some((p) => allowsBucket(graph, p, target))) continue;
                const inStack = invoked.resources.some((r) => r.type === LAMBDA_FUNCTION || r.type === LAMBDA_ALIAS);
                if (!inStack) report("elsewhere", { destination: `Lambda function ${invokedName(invoked)}` }, notification);
                else if (forFunction.length > 0) report("otherBucket", { function: invokedName(invoked), permissions: forFunction.map((p) => p.name) }, notification);
                else report("noPermission", { function: invokedName(invoked) }, notification);
            }
            for (const kind of KINDS) {
                for (const d of destinations(graph, notification, kind)) {
                    if (d.resource) {
                        if (destinationAllows(graph, d.resource, kind) === false) report(kind.messageId, { destination: d.resource.name }, notification);
                    } else if (d.arn && graph.ofType(kind.policyType).every((p) => allowsService(get(p.props, POLICY), isS3, kind.action) === false)) {
                        report("elsewhere", { destination: d.arn }, notification);
                    }
                }
            }
        }
    },
});
