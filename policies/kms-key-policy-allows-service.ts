import type * as aws from "@pulumi/aws";
import { Graph } from "../lib/graph";
import { isAwsManagedKey } from "../lib/kms";
import { definePolicy } from "../lib/policy";
import { Resource, regionOf } from "../lib/resource";
import { Verdict, anyAllows, servicePrincipal } from "../lib/resource-policy";
import { asString, get, isSet, isUnknown } from "../lib/values";
import { knownValues } from "../lib/wiring";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const QUEUE = "aws:sqs/queue:Queue";
const TOPIC = "aws:sns/topic:Topic";
const SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
const NOTIFICATION = "aws:s3/bucketNotification:BucketNotification";
const EVENT_TARGET = "aws:cloudwatch/eventTarget:EventTarget";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const KEY = "aws:kms/key:Key";
const KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
const ALIAS = "aws:kms/alias:Alias";

const KMS_KEY: keyof aws.cloudwatch.LogGroupArgs = "kmsKeyId";
const MASTER_KEY: keyof aws.sqs.QueueArgs & keyof aws.sns.TopicArgs = "kmsMasterKeyId";
const POLICY: keyof aws.kms.KeyArgs & keyof aws.kms.KeyPolicyArgs = "policy";
const POLICY_KEY: keyof aws.kms.KeyPolicyArgs = "keyId";
const ALIAS_TARGET: keyof aws.kms.AliasArgs = "targetKeyId";
const KEY_KEYS = ["arn", "keyId", "id"];

// CloudWatch Logs uses the key as its regional service principal for these actions (CloudWatch Logs User Guide, encrypt-log-data-kms).
const LOGS_ACTIONS = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:GenerateDataKey", "kms:DescribeKey"];
const SOURCE = "CloudWatch Logs User Guide, encrypt-log-data-kms; all regions; checked 2026-12-07";
// A service delivering to an encrypted queue or topic needs these on the key (SQS and SNS developer guides, key management).
const DELIVERY_ACTIONS = ["kms:GenerateDataKey", "kms:Decrypt"];
const DELIVERY_SOURCE = "SQS Developer Guide, sqs-key-management; SNS Developer Guide, sns-key-management; checked 2026-12-07";

/** An AWS service of this stack that delivers to a queue or topic, found through the property that names it. */
interface Publisher {
    type: string;
    property: string;
    service: string;
    /** Only these publishers of the type deliver to the destination (e.g. an SNS subscription with protocol sqs). */
    when?(r: Resource): boolean;
}

const PUBLISHERS: Record<string, Publisher[]> = {
    [QUEUE]: [
        { type: SUBSCRIPTION, property: "endpoint", service: "sns", when: (r) => asString(get(r.props, "protocol")) === "sqs" },
        { type: NOTIFICATION, property: "queues", service: "s3" },
        { type: EVENT_TARGET, property: "arn", service: "events" },
    ],
    [TOPIC]: [
        { type: NOTIFICATION, property: "topics", service: "s3" },
        { type: EVENT_TARGET, property: "arn", service: "events" },
        { type: ALARM, property: "alarmActions", service: "cloudwatch" },
        { type: ALARM, property: "okActions", service: "cloudwatch" },
        { type: ALARM, property: "insufficientDataActions", service: "cloudwatch" },
    ],
};

/** The logs service principal of the log group's region ("logs.us-east-1.amazonaws.com"); a principal for another region does not count. */
function logsPrincipal(region: string | undefined): (name: string) => boolean {
    return (name) => {
        const m = /^logs(?:\.([a-z0-9-]+))?\.amazonaws\.com(?:\.cn)?$/.exec(name);
        return m !== null && (!m[1] || !region || m[1] === region);
    };
}

/** The keys of this stack a resource's key property came from: directly, through an alias, or by a literal ARN or id. */
function keysOf(graph: Graph, holder: Resource, property: string): Resource[] {
    const found = new Set<Resource>();
    for (const s of graph.sourcesOf(holder, property)) {
        if (s.type === KEY) found.add(s);
        if (s.type === ALIAS) for (const k of graph.sourcesOf(s, ALIAS_TARGET)) if (k.type === KEY) found.add(k);
    }
    const literal = asString(get(holder.props, property));
    if (literal) for (const k of graph.ofType(KEY)) if (knownValues(k, KEY_KEYS).includes(literal)) found.add(k);
    return [...found];
}

/** Whether the key's policy (its own, or an aws.kms.KeyPolicy's) lets a service principal use it for one of `actions`; "default" when it has none. */
function keyAllows(graph: Graph, key: Resource, isService: (name: string) => boolean, actions: readonly string[]): Verdict | "default" {
    // A KeyPolicy whose key is unknown and not computed from a key of this stack may be this key's.
    const opaque = graph.ofType(KEY_POLICY).filter((p) => isUnknown(get(p.props, POLICY_KEY)) && !graph.sourcesOf(p, POLICY_KEY).some((s) => s.type === KEY || s.type === ALIAS));
    const documents = [get(key.props, POLICY), ...[...graph.referrers(key, [KEY_POLICY], POLICY_KEY, KEY_KEYS), ...opaque].map((p) => get(p.props, POLICY))].filter(isSet);
    return documents.length === 0 ? "default" : anyAllows(documents, isService, actions);
}

export default definePolicy({
    kind: "stack",
    name: "kms-key-policy-allows-service",
    family: "wiring",
    description:
        "A CloudWatch log group encrypted with a KMS key of the same stack uses a key whose policy lets the logs service principal (logs.<region>.amazonaws.com) use it; " +
        "otherwise CreateLogGroup is denied. An encrypted SQS queue or SNS topic that an AWS service of the stack delivers to (SNS, S3, EventBridge, CloudWatch alarms) " +
        "has a key that lets that service use it (advisory: deliveries fail, the create does not).",
    enforcementLevel: "mandatory",
    severity: "high",
    types: [LOG_GROUP, QUEUE, TOPIC, SUBSCRIPTION, NOTIFICATION, EVENT_TARGET, ALARM, KEY, KEY_POLICY, ALIAS],
    messages: {
        defaultPolicy:
            "kmsKeyId is KMS key {{key}}, which has no key policy, so KMS gives it the default policy that lets only the account's IAM principals use it; CloudWatch Logs " +
            "(logs.{{region}}.amazonaws.com) may not, and CreateLogGroup fails with \"The specified KMS key does not exist or is not allowed to be used with Arn ...\". " +
            "Set `policy` on {{key}} with the account statement plus one allowing `Service: \"logs.{{region}}.amazonaws.com\"` `kms:Encrypt*`, `kms:Decrypt*`, `kms:ReEncrypt*`, " +
            "`kms:GenerateDataKey*`, `kms:Describe*` on `*`, with `Condition: { ArnLike: { \"kms:EncryptionContext:aws:logs:arn\": \"arn:aws:logs:{{region}}:<account>:log-group:*\" } }`. ({{source}})",
        notGranted:
            "kmsKeyId is KMS key {{key}}, whose key policy ({{policies}}) grants CloudWatch Logs (logs.{{region}}.amazonaws.com) nothing; CreateLogGroup fails with " +
            "\"The specified KMS key does not exist or is not allowed to be used with Arn ...\". Add a statement allowing `Service: \"logs.{{region}}.amazonaws.com\"` " +
            "`kms:Encrypt*`, `kms:Decrypt*`, `kms:ReEncrypt*`, `kms:GenerateDataKey*`, `kms:Describe*` on `*`, with an `ArnLike` condition on " +
            "`kms:EncryptionContext:aws:logs:arn` for the log group. ({{source}})",
        keyElsewhere:
            "kmsKeyId is {{value}}, a KMS key this stack does not create, so its key policy cannot be checked here; unless that policy lets " +
            "logs.<region>.amazonaws.com use the key (kms:Encrypt*, Decrypt*, ReEncrypt*, GenerateDataKey*, Describe*), CreateLogGroup is denied. ({{source}})",
        deliveryDenied:
            "{{destination}} is encrypted with KMS key {{key}}, whose key policy does not let {{service}} use it (kms:GenerateDataKey*, kms:Decrypt), but {{senders}} " +
            "deliver to it through that service; every delivery is refused and the messages are lost. Add a key policy statement allowing `Service: \"{{service}}\"` " +
            "`kms:GenerateDataKey*` and `kms:Decrypt` (conditioned on `aws:SourceArn`). ({{source}})",
    },
    advisoryMessages: ["keyElsewhere", "deliveryDenied"],
    remediationSteps:
        "Give the key used by a log group a key policy with a statement for `Service: \"logs.<region>.amazonaws.com\"` allowing `kms:Encrypt*`, `kms:Decrypt*`, " +
        "`kms:ReEncrypt*`, `kms:GenerateDataKey*` and `kms:Describe*` on `*`, conditioned on `kms:EncryptionContext:aws:logs:arn` (ArnLike the log group ARNs), " +
        "besides the statement for the account. For a queue or topic encrypted with a customer-managed key, let each AWS service that delivers to it " +
        "(sns, s3, events, cloudwatch `.amazonaws.com`) use `kms:GenerateDataKey*` and `kms:Decrypt` in the key policy.",
    counterparts: "none: FSBP, checkov CKV_AWS_158 and trivy AWS-0017 check that a log group has a key, not that the logs principal may use it",
    check({ graph, report }) {
        for (const logGroup of graph.ofType(LOG_GROUP)) {
            const keyRef = get(logGroup.props, KMS_KEY);
            if (!isSet(keyRef) || isAwsManagedKey(keyRef)) continue;
            const region = regionOf(logGroup);
            const keys = keysOf(graph, logGroup, KMS_KEY);
            if (keys.length === 0) {
                const fromElsewhere = isUnknown(keyRef) ? graph.sourcesOf(logGroup, KMS_KEY).length > 0 : true;
                if (fromElsewhere) report("keyElsewhere", { property: KMS_KEY, value: isUnknown(keyRef) ? "computed from a resource that is no aws.kms.Key of this stack" : keyRef, source: SOURCE }, logGroup);
                continue;
            }
            for (const key of keys) {
                const verdict = keyAllows(graph, key, logsPrincipal(region), LOGS_ACTIONS);
                const shown = region || "<region>";
                if (verdict === "default") report("defaultPolicy", { key: key.name, region: shown, source: SOURCE }, logGroup);
                else if (verdict === false) {
                    const policies = [key, ...graph.referrers(key, [KEY_POLICY], POLICY_KEY, KEY_KEYS)].filter((r) => isSet(get(r.props, POLICY))).map((r) => r.name);
                    report("notGranted", { key: key.name, region: shown, policies, source: SOURCE }, logGroup);
                }
            }
        }
        for (const destination of graph.ofType(QUEUE, TOPIC)) {
            const keys = keysOf(graph, destination, MASTER_KEY);
            if (keys.length === 0) continue;
            // Senders per delivering service, so an alarm with several action lists is one sender.
            const byService = new Map<string, Set<Resource>>();
            for (const publisher of PUBLISHERS[destination.type]) {
                for (const r of graph.usersOf(destination, [publisher.type], publisher.property)) {
                    if (publisher.when && !publisher.when(r)) continue;
                    byService.set(publisher.service, (byService.get(publisher.service) ?? new Set()).add(r));
                }
            }
            for (const [service, senders] of byService) {
                for (const key of keys) {
                    const verdict = keyAllows(graph, key, servicePrincipal(service), DELIVERY_ACTIONS);
                    if (verdict === true || verdict === undefined) continue;
                    const data = { destination: destination.name, key: key.name, service: `${service}.amazonaws.com`, senders: [...senders].map((r) => r.name), source: DELIVERY_SOURCE };
                    report("deliveryDenied", data, destination);
                }
            }
        }
    },
});
