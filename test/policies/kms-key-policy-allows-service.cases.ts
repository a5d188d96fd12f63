import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const KEY = "aws:kms/key:Key";
const KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
const ALIAS = "aws:kms/alias:Alias";
const KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

const ACCOUNT = { Sid: "Account", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" };
const LOGS = {
    Sid: "Logs",
    Effect: "Allow",
    Principal: { Service: "logs.us-east-1.amazonaws.com" },
    Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
    Resource: "*",
    Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:123456789012:log-group:*" } },
};

function key(policy?: unknown, props: Record<string, unknown> = {}): CaseResource {
    return { type: KEY, name: "logs-key", props: { arn: UNKNOWN, keyId: UNKNOWN, enableKeyRotation: true, ...(policy === undefined ? {} : { policy }), ...props } };
}

function logGroup(props: Record<string, unknown> = {}, deps: string[] = ["logs-key"]): CaseResource {
    return { type: LOG_GROUP, name: "app", props: { kmsKeyId: UNKNOWN, retentionInDays: 30, ...props }, propertyDependencies: { kmsKeyId: deps } };
}

const doc = (...statements: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

const QUEUE = "aws:sqs/queue:Queue";
const TOPIC = "aws:sns/topic:Topic";
const SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const SNS_USE = { Sid: "Sns", Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: ["kms:GenerateDataKey*", "kms:Decrypt"], Resource: "*" };
const encryptedQueue: CaseResource = { type: QUEUE, name: "orders", props: { arn: UNKNOWN, kmsMasterKeyId: UNKNOWN }, propertyDependencies: { kmsMasterKeyId: ["logs-key"] } };
const encryptedTopic: CaseResource = { type: TOPIC, name: "alerts", props: { arn: UNKNOWN, kmsMasterKeyId: UNKNOWN }, propertyDependencies: { kmsMasterKeyId: ["logs-key"] } };
const subscription = (protocol = "sqs"): CaseResource => ({
    type: SUBSCRIPTION,
    name: "orders-sub",
    props: { topic: UNKNOWN, protocol, endpoint: UNKNOWN },
    propertyDependencies: { endpoint: ["orders"] },
});
const alarm: CaseResource = {
    type: ALARM,
    name: "dlq-depth",
    props: { alarmActions: [UNKNOWN], okActions: [UNKNOWN] },
    propertyDependencies: { alarmActions: ["alerts"], okActions: ["alerts"] },
};

export const cases: Cases = {
    valid: [
        { why: "key policy grants the logs principal with an encryption-context condition", resources: [key(doc(ACCOUNT, LOGS)), logGroup()] },
        { why: "key policy as an object, global logs principal", resources: [key({ Statement: [ACCOUNT, { ...LOGS, Principal: { Service: ["logs.amazonaws.com"] } }] }), logGroup()] },
        { why: "policy set by an aws.kms.KeyPolicy", resources: [key(), { type: KEY_POLICY, name: "logs-key-policy", props: { keyId: UNKNOWN, policy: doc(ACCOUNT, LOGS) }, propertyDependencies: { keyId: ["logs-key"] } }, logGroup()] },
        { why: "key policy unknown during preview", resources: [key(UNKNOWN), logGroup()] },
        { why: "a statement with an unknown principal may grant it", resources: [key({ Statement: [ACCOUNT, { ...LOGS, Principal: UNKNOWN }] }), logGroup()] },
        { why: "no key: CloudWatch Logs' own encryption", resources: [{ type: LOG_GROUP, name: "app", props: { retentionInDays: 30 } }] },
        { why: "through an alias whose key grants logs", resources: [key(doc(ACCOUNT, LOGS)), { type: ALIAS, name: "logs-alias", props: { targetKeyId: UNKNOWN }, propertyDependencies: { targetKeyId: ["logs-key"] } }, logGroup({}, ["logs-alias"])] },
        { why: "state: literal key ARN of a key whose policy grants logs", resources: [key(doc(ACCOUNT, LOGS), { arn: KEY_ARN }), logGroup({ kmsKeyId: KEY_ARN }, [])] },
        { why: "secret tags on the key", resources: [key(doc(ACCOUNT, LOGS), { tags: { Owner: secret("owner-secret-tag") } }), logGroup()] },
        { why: "kmsKeyId unknown and from no resource", resources: [logGroup({}, [])] },
        {
            why: "a KeyPolicy whose key comes from a stack reference may be this key's",
            resources: [key(), { type: "pulumi:pulumi:StackReference", name: "shared", props: { outputs: UNKNOWN } }, { type: KEY_POLICY, name: "shared-policy", props: { keyId: UNKNOWN, policy: doc(ACCOUNT, LOGS) }, propertyDependencies: { keyId: ["shared"] } }, logGroup()],
        },
        { why: "SNS delivers to a queue whose key grants sns.amazonaws.com", resources: [key(doc(ACCOUNT, SNS_USE)), encryptedQueue, subscription()] },
        { why: "an HTTPS subscription is no SNS-to-SQS delivery", resources: [key(doc(ACCOUNT)), encryptedQueue, subscription("https")] },
        { why: "an encrypted queue no AWS service sends to", resources: [key(), encryptedQueue] },
        { why: "topic key policy unknown during preview", resources: [key(UNKNOWN), encryptedTopic, alarm] },
    ],
    invalid: [
        {
            why: "key with the default policy (account root only)",
            resources: [key(), logGroup()],
            messageId: "defaultPolicy",
            on: "app",
            count: 1,
            includes: ["logs-key", "kms:EncryptionContext:aws:logs:arn", "is not allowed to be used with Arn"],
        },
        { why: "key policy for the account only", resources: [key(doc(ACCOUNT)), logGroup()], messageId: "notGranted", on: "app", includes: ["logs-key"] },
        { why: "key policy grants logs of another region", resources: [key(doc(ACCOUNT, { ...LOGS, Principal: { Service: "logs.eu-west-1.amazonaws.com" } })), logGroup({ region: "us-east-1" })], messageId: "notGranted", on: "app" },
        { why: "key policy grants another service", resources: [key(doc(ACCOUNT, { ...LOGS, Principal: { Service: "sns.amazonaws.com" } })), logGroup()], messageId: "notGranted", on: "app" },
        { why: "malformed key policy (not JSON)", resources: [key("{not json"), logGroup()], messageId: "notGranted", on: "app" },
        { why: "malformed statement list", resources: [key({ Statement: ["x", 3] }), logGroup()], messageId: "notGranted", on: "app" },
        {
            why: "state: literal ARN of a key whose policy is the default one",
            resources: [key(doc(ACCOUNT), { arn: KEY_ARN }), logGroup({ kmsKeyId: KEY_ARN }, [])],
            messageId: "notGranted",
            on: "app",
        },
        {
            why: "key from a stack reference: advisory",
            resources: [{ type: "pulumi:pulumi:StackReference", name: "shared", props: { outputs: UNKNOWN } }, logGroup({}, ["shared"])],
            messageId: "keyElsewhere",
            on: "app",
            level: "advisory",
        },
        {
            why: "key outside the stack: advisory",
            resources: [logGroup({ kmsKeyId: KEY_ARN }, [])],
            messageId: "keyElsewhere",
            on: "app",
            level: "advisory",
        },
        { why: "secret tags are never printed", resources: [key(undefined, { tags: { Owner: secret("owner-secret-tag") } }), logGroup()], messageId: "defaultPolicy", on: "app" },
        {
            why: "SNS delivers to a queue whose key grants only the account: advisory",
            resources: [key(doc(ACCOUNT)), encryptedQueue, subscription()],
            messageId: "deliveryDenied",
            on: "orders",
            level: "advisory",
            includes: ["sns.amazonaws.com", "orders-sub", "logs-key"],
        },
        {
            why: "an alarm's actions publish to a topic whose key has the default policy: one advisory",
            resources: [key(), encryptedTopic, alarm],
            messageId: "deliveryDenied",
            on: "alerts",
            level: "advisory",
            count: 1,
            includes: ["cloudwatch.amazonaws.com", "dlq-depth"],
        },
    ],
};
