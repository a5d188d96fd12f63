import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { asString, isUnknown } from "../lib/values";

const OPTIONS: keyof aws.ec2.InstanceArgs & keyof aws.ec2.LaunchTemplateArgs = "metadataOptions";
const TOKENS: keyof aws.types.input.ec2.InstanceMetadataOptions = "httpTokens";
const ENDPOINT: keyof aws.types.input.ec2.InstanceMetadataOptions = "httpEndpoint";

export default definePolicy({
    kind: "resource",
    name: "ec2-imdsv2-required",
    family: "iam",
    description: "EC2 instances and launch templates require IMDSv2 (`metadataOptions.httpTokens: \"required\"`), so a request-forgery bug cannot read the instance role's credentials.",
    // Advisory: IMDSv1 is exploitable only through a flaw in the workload, and the unset default depends on the AMI and account settings.
    enforcementLevel: "advisory",
    severity: "high",
    types: ["aws:ec2/instance:Instance", "aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/launchConfiguration:LaunchConfiguration"],
    messages: {
        optional:
            "{{property}} is {{tokens}}: the instance answers IMDSv1, so any server-side request forgery in software on it can read the instance role's " +
            "temporary credentials with one unauthenticated GET. Set `metadataOptions: { httpTokens: \"required\" }` (keep httpPutResponseHopLimit at 2 for " +
            "containers).",
        notSet:
            "{{property}} is not set: whether IMDSv1 stays on depends on the AMI (AMIs registered with ImdsSupport v2.0, such as Amazon Linux 2023, default " +
            "to IMDSv2 only) and on the account's instance-metadata defaults (settable per region since March 2024; source: Amazon EC2 User Guide, " +
            "\"Configure instance metadata options for new instances\", as of 2026-11), neither of which the stack shows. Set `metadataOptions: " +
            "{ httpTokens: \"required\" }` so the instance role's credentials cannot be read through IMDSv1.",
    },
    remediationSteps:
        "Set `metadataOptions: { httpTokens: \"required\", httpEndpoint: \"enabled\", httpPutResponseHopLimit: 2 }` on aws.ec2.Instance, " +
        "aws.ec2.LaunchTemplate and aws.ec2.LaunchConfiguration (hop limit 2 lets containers reach IMDS). `httpEndpoint: \"disabled\"` passes too. " +
        "Counterparts: Security Hub FSBP EC2.8 (instances use IMDSv2) and EC2.170 (launch templates use IMDSv2); checkov CKV_AWS_79.",
    check({ get, report }) {
        const options = get(OPTIONS);
        if (isUnknown(options)) return;
        const endpoint = get(`${OPTIONS}.${ENDPOINT}`);
        if (isUnknown(endpoint) || asString(endpoint)?.toLowerCase() === "disabled") return;
        const tokens = get(`${OPTIONS}.${TOKENS}`);
        if (isUnknown(tokens)) return;
        const text = asString(tokens);
        if (text === undefined || text === "") report("notSet", { property: `${OPTIONS}.${TOKENS}` });
        else if (text.toLowerCase() !== "required") report("optional", { property: `${OPTIONS}.${TOKENS}`, tokens: JSON.stringify(text) });
    },
});
