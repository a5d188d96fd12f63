import { Cases, UNKNOWN, secret } from "../tester";

const FUNCTION = "aws:lambda/function:Function";
const LAYER = "aws:lambda/layerVersion:LayerVersion";

export const cases: Cases = {
    valid: [
        { why: "ordinary log group", props: { name: "/aws/lambda/cdr-processor-pr123", retentionInDays: 30 } },
        { why: "explicit false", props: { skipDestroy: false } },
        { why: "string false", props: { skipDestroy: "false" } },
        { why: "unknown during preview", props: { skipDestroy: UNKNOWN } },
        { why: "secret name, flag off", props: { name: secret("internal-audit-log-x"), skipDestroy: false } },
        { why: "layer version that is deleted on destroy", type: LAYER, props: { layerName: "deps", compatibleRuntimes: ["nodejs20.x"] } },
        { why: "public access block: kept only until its bucket goes", type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", props: { skipDestroy: true } },
        { why: "malformed value", props: { skipDestroy: { nested: [true] } } },
    ],
    invalid: [
        {
            why: "named log group left behind collides",
            props: { name: "/aws/lambda/cdr-processor-pr123", skipDestroy: true },
            messageId: "nameCollides",
            count: 1,
            includes: ["skipDestroy", "/aws/lambda/cdr-processor-pr123"],
        },
        { why: "autonamed log group is left behind", props: { skipDestroy: true }, messageId: "leftBehind" },
        { why: "left behind: the message shows the setting", props: { skipDestroy: true }, messageId: "leftBehind", includes: ["skipDestroy is true, so"] },
        { why: "log group name Pulumi autonamed", name: "app-logs", props: { name: "app-logs-0a1b2c3", skipDestroy: true }, messageId: "leftBehind" },
        { why: "log group name unknown", props: { name: UNKNOWN, skipDestroy: true }, messageId: "leftBehind" },
        { why: "layer versions pile up", type: LAYER, props: { layerName: "deps", skipDestroy: true }, messageId: "leftBehind" },
        { why: "named Lambda function", type: FUNCTION, props: { name: "cdr-processor-pr123", skipDestroy: "true" }, messageId: "nameCollides" },
        { why: "RDS parameter group", type: "aws:rds/parameterGroup:ParameterGroup", props: { name: "pg-pr123", family: "postgres16", skipDestroy: true }, messageId: "nameCollides" },
        { why: "RDS option group", type: "aws:rds/optionGroup:OptionGroup", props: { name: "oracle-opts-pr123", engineName: "oracle-ee", majorEngineVersion: "19", skipDestroy: true }, messageId: "nameCollides" },
        { why: "Image Builder component", type: "aws:imagebuilder/component:Component", props: { name: "harden-pr123", platform: "Linux", version: "1.0.0", skipDestroy: true }, messageId: "nameCollides" },
        { why: "Organizations policy", type: "aws:organizations/policy:Policy", props: { name: "deny-regions-pr123", content: "{}", skipDestroy: true }, messageId: "nameCollides" },
        { why: "ECS task definition revisions", type: "aws:ecs/taskDefinition:TaskDefinition", props: { family: "web", skipDestroy: true }, messageId: "leftBehind" },
        { why: "secret name is not printed", props: { name: secret("internal-audit-log"), skipDestroy: true }, messageId: "nameCollides", includes: ["[secret]"] },
    ],
    notApplicable: [{ why: "production stack", stack: "production", props: { skipDestroy: true } }],
};
