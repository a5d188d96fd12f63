import { Cases, UNKNOWN, secret } from "../tester";

export const cases: Cases = {
    valid: [
        { why: "IAM authentication (the twin of NONE)", props: { functionName: "handler", authorizationType: "AWS_IAM" } },
        { why: "auth type unknown during preview", props: { functionName: "handler", authorizationType: UNKNOWN } },
        { why: "secret function name", props: { functionName: secret("handler-x"), authorizationType: "AWS_IAM" } },
        { why: "malformed auth type does not throw", props: { authorizationType: ["NONE"] } },
    ],
    invalid: [
        { why: "anyone may invoke", props: { functionName: "handler", authorizationType: "NONE" }, messageId: "noAuth", includes: ['authorizationType is "NONE"', "AWS_IAM"] },
        { why: "lower case", props: { functionName: "handler", authorizationType: "none" }, messageId: "noAuth" },
        { why: "secret function name is not printed", props: { functionName: secret("handler-secret-name"), authorizationType: "NONE" }, messageId: "noAuth" },
        { why: "a webhook exempted by config stays visible as advisory", props: { authorizationType: "NONE" }, name: "stripe-webhook", config: { exemptions: [{ resources: ["stripe-webhook"], reason: "verifies the Stripe signature" }] }, messageId: "noAuth", level: "advisory" },
    ],
};
