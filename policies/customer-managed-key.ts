import type * as aws from "@pulumi/aws";
import { isAwsManagedKey } from "../lib/kms";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { asBool, isSet, isUnknown } from "../lib/values";

const TABLE = "aws:dynamodb/table:Table";
const QUEUE = "aws:sqs/queue:Queue";
const TOPIC = "aws:sns/topic:Topic";
const SECRET = "aws:secretsmanager/secret:Secret";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const TYPES = [TABLE, QUEUE, TOPIC, SECRET, LOG_GROUP];

const SSE: keyof aws.dynamodb.TableArgs = "serverSideEncryption";
const SSE_ENABLED = `${SSE}.enabled`;
const SSE_KEY = `${SSE}.kmsKeyArn`;
const MASTER_KEY: keyof aws.sqs.QueueArgs & keyof aws.sns.TopicArgs = "kmsMasterKeyId";
const SQS_SSE: keyof aws.sqs.QueueArgs = "sqsManagedSseEnabled";
const KEY_ID: keyof aws.secretsmanager.SecretArgs & keyof aws.cloudwatch.LogGroupArgs = "kmsKeyId";

// The customer-managed setting per type, shown in messages as the fix.
const FIX: Record<string, string> = {
    [TABLE]: "`serverSideEncryption: { enabled: true, kmsKeyArn: key.arn }`",
    [QUEUE]: "`kmsMasterKeyId: key.arn`",
    [TOPIC]: "`kmsMasterKeyId: key.arn`",
    [SECRET]: "`kmsKeyId: key.arn`",
    [LOG_GROUP]: "`kmsKeyId: key.arn` (the key policy must allow the logs service principal)",
};
const SERVICE: Record<string, string> = {
    [TABLE]: "DynamoDB",
    [QUEUE]: "SQS",
    [TOPIC]: "SNS",
    [SECRET]: "Secrets Manager",
    [LOG_GROUP]: "CloudWatch Logs",
};

interface Config {
    types: string[];
}

type Finding = { id: "awsOwned" | "awsManaged" | "notEncrypted"; property: string; value: unknown };

/** What key protects the resource's data; undefined when it is customer-managed or not known yet. */
function keyFinding(type: string, get: (path: string) => unknown): Finding | undefined {
    const keyAt = (property: string, unset: Finding["id"]): Finding | undefined => {
        const key = get(property);
        // An unknown key is set and not an alias/aws/ name, so it passes until known.
        if (!isSet(key)) return { id: unset, property, value: key };
        return isAwsManagedKey(key) ? { id: "awsManaged", property, value: key } : undefined;
    };
    switch (type) {
        case TABLE: {
            const enabled = get(SSE_ENABLED);
            if (isUnknown(enabled)) return undefined;
            // enabled false or unset: the AWS-owned key; enabled without kmsKeyArn: the AWS-managed aws/dynamodb key.
            return asBool(enabled) === true ? keyAt(SSE_KEY, "awsManaged") : { id: "awsOwned", property: SSE_ENABLED, value: enabled };
        }
        case QUEUE: {
            const key = get(MASTER_KEY);
            if (isUnknown(key) || isSet(key)) return keyAt(MASTER_KEY, "awsOwned");
            const sqsSse = get(SQS_SSE);
            if (isUnknown(sqsSse)) return undefined;
            // SSE-SQS is on for new queues unless switched off.
            return asBool(sqsSse) === false ? { id: "notEncrypted", property: SQS_SSE, value: sqsSse } : { id: "awsOwned", property: MASTER_KEY, value: key };
        }
        case TOPIC:
            return keyAt(MASTER_KEY, "notEncrypted");
        case SECRET:
            return keyAt(KEY_ID, "awsManaged");
        case LOG_GROUP:
            return keyAt(KEY_ID, "awsOwned");
        default:
            return undefined;
    }
}

export default definePolicy<Config>({
    kind: "resource",
    name: "customer-managed-key",
    family: "encryption",
    description: "DynamoDB tables, SQS queues, SNS topics, secrets and log groups are encrypted with a customer-managed KMS key, not an AWS-owned or AWS-managed one.",
    enforcementLevel: "advisory",
    severity: "medium",
    types: withNative(TYPES),
    config: {
        types: {
            type: "array",
            items: { type: "string", enum: TYPES },
            default: TYPES,
            description: "Resource types to check; remove a type to accept AWS-owned or AWS-managed keys for it.",
        },
    },
    messages: {
        awsOwned:
            "{{property}} is {{value}}, so {{service}} encrypts with an AWS-owned key you cannot see, restrict or audit; set {{fix}} with a customer-managed aws.kms.Key. " +
            "Only a customer-managed key gives you its key policy, rotation and a CloudTrail record of every decrypt, which PCI-DSS and SOC 2 reviews ask for.",
        awsManaged:
            "{{property}} is {{value}}, so {{service}} uses its AWS-managed key (alias/aws/...), whose key policy you cannot change or share across accounts; " +
            "set {{fix}} with a customer-managed aws.kms.Key to control and audit who can decrypt the data.",
        notEncrypted:
            "{{property}} is {{value}}, so {{service}} stores message bodies without server-side encryption; set {{fix}} with a customer-managed aws.kms.Key " +
            "(or at least the service's managed key) so stored messages are encrypted and access to them is auditable.",
    },
    remediationSteps:
        "Create an aws.kms.Key (with `enableKeyRotation: true`) and pass its ARN: DynamoDB `serverSideEncryption: { enabled: true, kmsKeyArn }`, " +
        "SQS and SNS `kmsMasterKeyId`, Secrets Manager and CloudWatch Logs `kmsKeyId`. The key policy must let the service (and, for log groups, " +
        "`logs.<region>.amazonaws.com`) use the key. Keys named `alias/aws/...` are AWS-managed and are reported.",
    // No fix: which key to use, and a key policy that lets the service use it, cannot be inferred; a wrong key breaks the service.
    check({ resource, config, get, report }) {
        if (!(config.types ?? TYPES).includes(resource.type)) return;
        const found = keyFinding(resource.type, get);
        if (found) report(found.id, { property: found.property, value: found.value, service: SERVICE[resource.type], fix: FIX[resource.type] });
    },
});
