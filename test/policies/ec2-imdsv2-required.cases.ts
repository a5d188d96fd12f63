import { Cases, UNKNOWN, secret } from "../tester";

const TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";

export const cases: Cases = {
    valid: [
        { why: "IMDSv2 required (the twin of optional)", props: { ami: "ami-1", metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2 } } },
        { why: "launch template requiring IMDSv2 (the eks program)", type: TEMPLATE, props: { metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" } } },
        { why: "metadata endpoint disabled", props: { metadataOptions: { httpEndpoint: "disabled", httpTokens: "optional" } } },
        { why: "options unknown during preview", props: { metadataOptions: UNKNOWN } },
        { why: "tokens unknown", props: { metadataOptions: { httpTokens: UNKNOWN } } },
        { why: "endpoint unknown", props: { metadataOptions: { httpEndpoint: UNKNOWN, httpTokens: "optional" } } },
        { why: "secret user data", props: { userData: secret("#!/bin/sh\nimds-case-boot"), metadataOptions: { httpTokens: "required" } } },
    ],
    invalid: [
        { why: "IMDSv1 allowed explicitly", props: { metadataOptions: { httpTokens: "optional" } }, messageId: "optional", includes: ['"optional"', "required"] },
        { why: "launch template without metadata options", type: TEMPLATE, props: { imageId: "ami-1" }, messageId: "notSet", includes: ["ImdsSupport", "March 2024"] },
        { why: "instance without metadata options", props: { ami: "ami-1" }, messageId: "notSet" },
        { why: "launch configuration", type: "aws:ec2/launchConfiguration:LaunchConfiguration", props: { metadataOptions: { httpTokens: "optional" } }, messageId: "optional" },
        { why: "malformed options count as not set", props: { metadataOptions: "garbage" }, messageId: "notSet" },
        { why: "secret user data not printed", props: { userData: secret("#!/bin/sh\nsecret-boot"), metadataOptions: { httpTokens: "optional" } }, messageId: "optional" },
    ],
};
