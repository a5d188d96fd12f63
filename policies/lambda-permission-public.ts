import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { asString, isSet, isUnknown } from "../lib/values";
import { LAMBDA_PERMISSION } from "../lib/wiring";

const PRINCIPAL: keyof aws.lambda.PermissionArgs = "principal";
const SOURCE_ARN: keyof aws.lambda.PermissionArgs = "sourceArn";
const SOURCE_ACCOUNT: keyof aws.lambda.PermissionArgs = "sourceAccount";
const ORG_ID: keyof aws.lambda.PermissionArgs = "principalOrgId";
const EVENT_SOURCE_TOKEN: keyof aws.lambda.PermissionArgs = "eventSourceToken";
const URL_AUTH: keyof aws.lambda.PermissionArgs = "functionUrlAuthType";

/** A service principal ("s3.amazonaws.com", "alexa-appkit.amazon.com"), not an account id or ARN. */
function isServicePrincipal(principal: string): boolean {
    return /^[a-z0-9.-]+\.amazon(aws)?\.com(\.cn)?$/i.test(principal.trim());
}

export default definePolicy({
    kind: "resource",
    name: "lambda-permission-public",
    family: "public-access",
    description: "No aws.lambda.Permission lets anyone invoke the function: principal `*` without an account or organization limit, or a service principal without `sourceArn`/`sourceAccount`.",
    enforcementLevel: "mandatory",
    severity: "critical",
    types: [LAMBDA_PERMISSION],
    messages: {
        anyone:
            "principal is {{value}} with no sourceArn, sourceAccount or principalOrgId: any AWS account can invoke this function. Set `principal` to the " +
            "account or service that calls it, or limit it with `principalOrgId` or `sourceAccount`.",
        serviceWithoutSource:
            "principal is the service {{value}} with no sourceArn or sourceAccount: that service acting for any AWS account (anyone's API, bucket, rule or topic " +
            "pointed at this function's ARN) can invoke it, the confused-deputy problem. Set `sourceArn` to the calling resource's ARN (e.g. the API's " +
            "executionArn + \"/*/*\", the rule's or bucket's arn), or at least `sourceAccount` to your account id.",
    },
    remediationSteps:
        "Give every aws.lambda.Permission a `sourceArn` (the API Gateway executionArn, EventBridge rule, S3 bucket or SNS topic ARN that calls the function) " +
        "or a `sourceAccount`; never use `principal: \"*\"` without `principalOrgId` or `sourceAccount`. Permissions for a function URL with " +
        "`functionUrlAuthType: \"NONE\"` are left to lambda-function-url-public. Counterparts: Security Hub FSBP Lambda.1 (function policies should " +
        "prohibit public access), checkov CKV_AWS_364 (permission has a source ARN) and CKV_AWS_301 (function not public).",
    check({ get, report }) {
        const principal = get(PRINCIPAL);
        const text = asString(principal);
        if (isUnknown(principal) || text === undefined) return;
        // A set-but-unknown limit counts as a limit.
        const limited = (...keys: string[]) => keys.some((k) => isSet(get(k)));
        if (text.trim() === "*") {
            if (asString(get(URL_AUTH))?.toUpperCase() === "NONE" || isUnknown(get(URL_AUTH))) return;
            if (!limited(SOURCE_ARN, SOURCE_ACCOUNT, ORG_ID)) report("anyone", { property: PRINCIPAL, value: text });
        } else if (isServicePrincipal(text) && !limited(SOURCE_ARN, SOURCE_ACCOUNT, EVENT_SOURCE_TOKEN)) {
            report("serviceWithoutSource", { property: PRINCIPAL, value: text });
        }
    },
});
