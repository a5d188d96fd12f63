import { Cases, UNKNOWN, secret } from "../tester";

const TABLE = "aws:dynamodb/table:Table";
const QUEUE = "aws:sqs/queue:Queue";
const TOPIC = "aws:sns/topic:Topic";
const SECRET = "aws:secretsmanager/secret:Secret";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const CMK = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const table = { billingMode: "PAY_PER_REQUEST", hashKey: "id", attributes: [{ name: "id", type: "S" }] };

export const cases: Cases = {
    valid: [
        { why: "DynamoDB with a customer-managed key (seed 004 fix)", type: TABLE, props: { ...table, serverSideEncryption: { enabled: true, kmsKeyArn: UNKNOWN } } },
        { why: "DynamoDB with a literal key ARN", type: TABLE, props: { ...table, serverSideEncryption: { enabled: true, kmsKeyArn: CMK } } },
        { why: "DynamoDB encryption block unknown", type: TABLE, props: { ...table, serverSideEncryption: UNKNOWN } },
        { why: "SQS with a customer key alias", type: QUEUE, props: { kmsMasterKeyId: "alias/payments", messageRetentionSeconds: 1209600 } },
        { why: "SQS key unknown", type: QUEUE, props: { kmsMasterKeyId: UNKNOWN } },
        { why: "SQS without a key, SSE-SQS flag unknown", type: QUEUE, props: { sqsManagedSseEnabled: UNKNOWN } },
        { why: "SNS with a customer key", type: TOPIC, props: { kmsMasterKeyId: UNKNOWN } },
        { why: "secret with a customer key (seed 004 fix)", type: SECRET, props: { name: "db-password-dev", kmsKeyId: UNKNOWN } },
        { why: "log group with a customer key", type: LOG_GROUP, props: { retentionInDays: 30, kmsKeyId: CMK } },
        { why: "secret-wrapped key ARN", type: SECRET, props: { kmsKeyId: secret(CMK) } },
        { why: "log groups left out by config", type: LOG_GROUP, config: { types: [TABLE, QUEUE, TOPIC, SECRET] }, props: { retentionInDays: 7 } },
        { why: "malformed key value is left to the provider", type: SECRET, props: { kmsKeyId: { arn: 1 } } },
        { why: "another type is not checked", type: "aws:s3/bucket:Bucket", props: {} },
        { why: "aws-native: DynamoDB sseSpecification with a customer key", type: "aws-native:dynamodb:Table", props: { sseSpecification: { sseEnabled: true, sseType: "KMS", kmsMasterKeyId: UNKNOWN } } },
        { why: "aws-native: SQS queue with a customer key (secret id)", type: "aws-native:sqs:Queue", props: { kmsMasterKeyId: secret("arn:aws:kms:us-east-1:111122223333:key/native-q") } },
    ],
    invalid: [
        { why: "DynamoDB with no encryption block uses an AWS-owned key", type: TABLE, props: table, messageId: "awsOwned", includes: ["serverSideEncryption.enabled", "not set", "DynamoDB"] },
        { why: "DynamoDB enabled false", type: TABLE, props: { ...table, serverSideEncryption: { enabled: false } }, messageId: "awsOwned" },
        { why: "DynamoDB enabled without a key uses aws/dynamodb", type: TABLE, props: { ...table, serverSideEncryption: { enabled: true } }, messageId: "awsManaged", includes: ["serverSideEncryption.kmsKeyArn"] },
        { why: "SQS with the AWS-managed alias (seed 003)", type: QUEUE, props: { kmsMasterKeyId: "alias/aws/sqs" }, messageId: "awsManaged", includes: ["alias/aws/sqs", "SQS"] },
        { why: "SQS on SSE-SQS by default", type: QUEUE, props: { messageRetentionSeconds: 345600 }, messageId: "awsOwned" },
        { why: "SQS with SSE switched off", type: QUEUE, props: { sqsManagedSseEnabled: false }, messageId: "notEncrypted", includes: ["sqsManagedSseEnabled"] },
        { why: "SNS without a key is unencrypted", type: TOPIC, props: { name: "alerts" }, messageId: "notEncrypted", includes: ["kmsMasterKeyId"] },
        { why: "SNS with the AWS-managed alias ARN", type: TOPIC, props: { kmsMasterKeyId: "arn:aws:kms:us-east-1:111122223333:alias/aws/sns" }, messageId: "awsManaged" },
        { why: "secret on aws/secretsmanager by default (seed 004)", type: SECRET, props: { name: "db-password" }, messageId: "awsManaged", includes: ["kmsKeyId"] },
        { why: "log group without a key", type: LOG_GROUP, props: { retentionInDays: 14 }, messageId: "awsOwned", includes: ["CloudWatch Logs"] },
        { why: "null key value", type: SECRET, props: { kmsKeyId: null }, messageId: "awsManaged" },
        { why: "malformed DynamoDB block", type: TABLE, props: { serverSideEncryption: [true, null] }, messageId: "awsOwned" },
        { why: "secret description is not printed", type: SECRET, props: { description: secret("the-secret-description") }, messageId: "awsManaged" },
        { why: "DynamoDB: the message names the setting to use", type: TABLE, props: { ...table, serverSideEncryption: { enabled: false } }, messageId: "awsOwned", includes: ["so DynamoDB encrypts", "set `serverSideEncryption: { enabled: true, kmsKeyArn: key.arn }`"] },
        { why: "SQS: the message names the setting to use", type: QUEUE, props: { kmsMasterKeyId: "alias/aws/sqs" }, messageId: "awsManaged", includes: ["so SQS uses", "set `kmsMasterKeyId: key.arn`"] },
        { why: "SNS: the message names the service and the setting", type: TOPIC, props: { name: "alerts" }, messageId: "notEncrypted", includes: ["so SNS stores", "set `kmsMasterKeyId: key.arn`"] },
        { why: "Secrets Manager: the message names the service and the setting", type: SECRET, props: { name: "db-password" }, messageId: "awsManaged", includes: ["so Secrets Manager uses", "set `kmsKeyId: key.arn`"] },
        { why: "CloudWatch Logs: the message warns about the key policy", type: LOG_GROUP, props: { retentionInDays: 14 }, messageId: "awsOwned", includes: ["set `kmsKeyId: key.arn` (the key policy must allow the logs service principal)"] },
        { why: "aws-native: DynamoDB without sseSpecification", type: "aws-native:dynamodb:Table", props: { keySchema: [] }, messageId: "awsOwned", includes: ["sseSpecification.sseEnabled", "sseEnabled: true, kmsMasterKeyId"] },
        { why: "aws-native: log group with the AWS-owned key, malformed tags", type: "aws-native:logs:LogGroup", props: { tags: [7] }, messageId: "awsOwned", includes: ["kmsKeyId"] },
        { why: "aws-native: SNS topic with the aws/sns key", type: "aws-native:sns:Topic", props: { kmsMasterKeyId: "alias/aws/sns" }, messageId: "awsManaged" },
    ],
};
