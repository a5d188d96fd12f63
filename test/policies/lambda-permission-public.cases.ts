import { Cases, UNKNOWN, secret } from "../tester";

const base = { action: "lambda:InvokeFunction", function: "handler" };

export const cases: Cases = {
    valid: [
        { why: "API Gateway with sourceArn (the twin of a missing source)", props: { ...base, principal: "apigateway.amazonaws.com", sourceArn: "arn:aws:execute-api:us-east-1:123456789012:abc123/*/*" } },
        { why: "EventBridge with sourceArn unknown at preview", props: { ...base, principal: "events.amazonaws.com", sourceArn: UNKNOWN } },
        { why: "S3 with sourceAccount", props: { ...base, principal: "s3.amazonaws.com", sourceAccount: "123456789012" } },
        { why: "Alexa skill with an event source token", props: { ...base, principal: "alexa-appkit.amazon.com", eventSourceToken: "amzn1.ask.skill.1" } },
        { why: "another account", props: { ...base, principal: "210987654321" } },
        { why: "a role ARN", props: { ...base, principal: "arn:aws:iam::210987654321:role/caller" } },
        { why: "principal * limited to the organization", props: { ...base, principal: "*", principalOrgId: "o-abc123" } },
        { why: "function URL permission for a NONE URL (left to lambda-function-url-public)", props: { action: "lambda:InvokeFunctionUrl", function: "handler", principal: "*", functionUrlAuthType: "NONE" } },
        { why: "principal unknown during preview", props: { ...base, principal: UNKNOWN } },
        { why: "secret source account", props: { ...base, principal: "sns.amazonaws.com", sourceAccount: secret("987650001234") } },
        { why: "malformed principal does not throw", props: { ...base, principal: { Service: "s3.amazonaws.com" } } },
    ],
    invalid: [
        { why: "principal * with nothing to limit it", props: { ...base, principal: "*" }, messageId: "anyone", includes: ['principal is "*"'] },
        { why: "principal * for an IAM-auth function URL: any AWS account's identities", props: { action: "lambda:InvokeFunctionUrl", function: "handler", principal: "*", functionUrlAuthType: "AWS_IAM" }, messageId: "anyone" },
        { why: "API Gateway without sourceArn", props: { ...base, principal: "apigateway.amazonaws.com" }, messageId: "serviceWithoutSource", includes: ["apigateway.amazonaws.com", "sourceArn"] },
        { why: "S3 without sourceArn or sourceAccount", props: { ...base, principal: "s3.amazonaws.com", sourceArn: "" }, messageId: "serviceWithoutSource" },
        { why: "secret function name is not printed", props: { ...base, function: secret("handler-secret-name"), principal: "events.amazonaws.com" }, messageId: "serviceWithoutSource" },
    ],
};
