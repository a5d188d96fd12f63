import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { asString } from "../lib/values";

const AUTH: keyof aws.lambda.FunctionUrlArgs = "authorizationType";

export default definePolicy({
    kind: "resource",
    name: "lambda-function-url-public",
    family: "public-access",
    description: "Lambda function URLs require IAM authentication (`authorizationType: \"AWS_IAM\"`) rather than letting anyone on the internet invoke the function.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: ["aws:lambda/functionUrl:FunctionUrl"],
    messages: {
        noAuth:
            "authorizationType is {{authType}}: anyone on the internet who finds the URL can invoke the function, as often as they like, at your cost. Set " +
            "`authorizationType: \"AWS_IAM\"` (callers sign requests; put CloudFront with an origin access control in front for browsers), or, for a " +
            "webhook that verifies each request's signature in its code, add an exemption saying so.",
    },
    remediationSteps:
        "Set `authorizationType: \"AWS_IAM\"` and grant `lambda:InvokeFunctionUrl` to the callers, or serve the function through API Gateway or CloudFront " +
        "with an origin access control. A URL that is public by design (a webhook that checks a signature, a public demo) takes an exemption with the " +
        "reason: AWS adds a `principal: \"*\"` permission for NONE URLs, so nothing but the function's own code stands between the internet and it. " +
        "Counterparts: checkov CKV_AWS_258 (function URL AuthType not NONE); Security Hub FSBP Lambda.1 flags the resulting public permission.",
    check({ get, report }) {
        const auth = asString(get(AUTH));
        if (auth?.trim().toUpperCase() === "NONE") report("noAuth", { authType: JSON.stringify(auth) });
    },
});
