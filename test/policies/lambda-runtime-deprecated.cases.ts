import { NO_DATA, ON_2026_11_24 } from "../fixtures/versions";
import { Cases, UNKNOWN, secret } from "../tester";

const on = ON_2026_11_24;

export const cases: Cases = {
    valid: [
        { why: "nodejs24.x is supported", props: { runtime: "nodejs24.x" }, env: on },
        { why: "nodejs20.x before its deprecation date", props: { runtime: "nodejs20.x" }, env: { AWS_GUARDRAILS_TODAY: "2026-04-29" } },
        { why: "create-blocked runtimes are lambda-runtime's finding", props: { runtime: "nodejs14.x" }, env: on },
        { why: "create-blocked runtimes are lambda-runtime's finding in production too", props: { runtime: "go1.x" }, stack: "prod", env: on },
        { why: "container image function", props: { packageType: "Image", runtime: "nodejs18.x" }, env: on },
        { why: "runtime unknown during preview", props: { runtime: UNKNOWN }, env: on },
        { why: "allowed on purpose", props: { runtime: "nodejs20.x" }, config: { allow: ["nodejs20.x"] }, env: on },
        { why: "data missing: lambda-runtime reports it", props: { runtime: "nodejs20.x" }, env: NO_DATA },
        { why: "malformed: number", props: { runtime: 20 }, env: on },
        { why: "aws-native: runtime unknown", type: "aws-native:lambda:Function", props: { runtime: UNKNOWN }, env: on },
    ],
    invalid: [
        {
            why: "nodejs18.x deprecated on 2025-09-01",
            props: { runtime: "nodejs18.x" },
            env: on,
            messageId: "deprecated",
            includes: ["2025-09-01", "2027-02-01", "2027-03-03", "nodejs24.x", "2026-08-16"],
        },
        { why: "nodejs20.x deprecated on 2026-04-30", props: { runtime: "nodejs20.x" }, env: on, messageId: "deprecated", includes: ["nodejs24.x"] },
        { why: "python3.9 deprecated", props: { runtime: "python3.9" }, env: on, messageId: "deprecated", includes: ["python3.14"] },
        { why: "dotnet9 deprecated, block dates not announced", props: { runtime: "dotnet9" }, env: on, messageId: "deprecated", includes: ["not announced", "dotnet10"] },
        { why: "the newest runtime of a family once deprecated: no successor named yet", props: { runtime: "nodejs24.x" }, env: { AWS_GUARDRAILS_TODAY: "2028-05-15" }, messageId: "deprecated", includes: ["Move to a supported runtime before then"] },
        { why: "secret runtime is evaluated, not printed", props: { runtime: secret("nodejs18.x") }, env: on, messageId: "deprecated", includes: ["[secret]"] },
        { why: "aws-native: nodejs20.x deprecated", type: "aws-native:lambda:Function", props: { runtime: "nodejs20.x" }, env: on, messageId: "deprecated", includes: ["nodejs24.x"] },
    ],
};
