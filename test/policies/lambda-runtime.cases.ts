import { CORRUPT_DATA, NO_DATA, ON_2026_11_24 } from "../fixtures/versions";
import { Cases, UNKNOWN, secret } from "../tester";

const on = ON_2026_11_24;

export const cases: Cases = {
    valid: [
        { why: "nodejs24.x", props: { runtime: "nodejs24.x" }, env: on },
        { why: "nodejs22.x before its deprecation (2027-04-30)", props: { runtime: "nodejs22.x" }, env: on },
        { why: "python3.12", props: { runtime: "python3.12" }, env: on },
        { why: "java21", props: { runtime: "java21" }, env: on },
        { why: "provided.al2023 (Go, Rust)", props: { runtime: "provided.al2023" }, env: on },
        { why: "nodejs26.x is in the API enum without dates", props: { runtime: "nodejs26.x" }, env: on },
        { why: "a runtime newer than every known one of its language", props: { runtime: "python3.16" }, env: on },
        { why: "nodejs20.x before its deprecation date", props: { runtime: "nodejs20.x" }, env: { AWS_GUARDRAILS_TODAY: "2026-04-29" } },
        { why: "deprecated but still creatable: deploys (lambda-runtime-deprecated advises)", props: { runtime: "nodejs20.x" }, env: on },
        { why: "python3.9 deprecated, creatable until its block date", props: { runtime: "python3.9" }, env: on },
        {
            why: "ordinary zip function",
            props: { runtime: "nodejs22.x", handler: "index.handler", role: UNKNOWN, code: UNKNOWN, memorySize: 256, timeout: 30, environment: { variables: { API_KEY: secret("k-123456789") } } },
            env: on,
        },
        { why: "container image function has no runtime", props: { packageType: "Image", imageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest" }, env: on },
        { why: "image function with a stray runtime", props: { packageType: "Image", runtime: "nodejs16.x" }, env: on },
        { why: "package type unknown during preview", props: { packageType: UNKNOWN, runtime: "nodejs16.x" }, env: on },
        { why: "runtime unknown during preview", props: { runtime: UNKNOWN }, env: on },
        { why: "secret runtime that is supported", props: { runtime: secret("ruby3.4") }, env: on },
        { why: "allow a runtime added after the snapshot", props: { runtime: "nodejs19.x" }, config: { allow: ["nodejs19.x"] }, env: on },
        { why: "allow overrides the deprecation verdict", props: { runtime: "nodejs20.x" }, config: { allow: ["nodejs20.x"] }, env: on },
        { why: "data missing but the runtime is allowed", props: { runtime: "nodejs22.x" }, config: { allow: ["nodejs22.x"] }, env: NO_DATA },
        { why: "malformed: number", props: { runtime: 18 }, env: on },
        { why: "malformed: null", props: { runtime: null }, env: on },
        { why: "malformed: object", props: { runtime: { name: "nodejs16.x" }, packageType: ["Zip"] }, env: on },
        { why: "aws-native: nodejs22.x", type: "aws-native:lambda:Function", props: { runtime: "nodejs22.x", functionName: UNKNOWN }, env: on },
    ],
    invalid: [
        { why: "nodejs16.x create-blocked from 2027-02-01 (computed at run time)", props: { runtime: "nodejs16.x" }, env: { AWS_GUARDRAILS_TODAY: "2027-02-01" }, messageId: "createBlocked", includes: ["2027-02-01"] },
        { why: "nodejs14.x create-blocked", props: { runtime: "nodejs14.x" }, env: on, messageId: "createBlocked", includes: ["2024-01-09", "nodejs24.x"] },
        { why: "go1.x create-blocked, successor provided.al2023", props: { runtime: "go1.x" }, env: on, messageId: "createBlocked", includes: ["provided.al2023"] },
        { why: "python2.7 long blocked", props: { runtime: "python2.7", packageType: "Zip" }, env: on, messageId: "createBlocked" },
        { why: "nodejs19.x never existed", props: { runtime: "nodejs19.x" }, env: on, messageId: "unknownRuntime", includes: ["nodejs24.x"] },
        { why: "a version-less typo", props: { runtime: "nodejs18" }, env: on, messageId: "unknownRuntime" },
        { why: "secret runtime is evaluated, not printed", props: { runtime: secret("nodejs12.x") }, env: on, messageId: "createBlocked", includes: ["[secret]"] },
        { why: "deny a supported runtime", props: { runtime: "python3.11" }, config: { deny: ["python3.11"] }, env: on, messageId: "denied" },
        { why: "the deny message names the runtime and the entry", props: { runtime: "python3.12" }, config: { deny: ["python3.12"] }, env: on, messageId: "denied", includes: ['runtime is "python3.12"', "forbids (python3.12)"] },
        {
            why: "the newest runtime of a family once blocked: no successor to name yet",
            props: { runtime: "java25" },
            env: { AWS_GUARDRAILS_TODAY: "2030-01-01" },
            messageId: "createBlocked",
            includes: ["updating them from 2029-08-31", "Use a supported runtime instead"],
        },
        { why: "data file missing", props: { runtime: "nodejs22.x" }, env: NO_DATA, messageId: "dataUnavailable", includes: ["lambda-runtimes.json", "cannot be read"] },
        { why: "data file corrupt", props: { runtime: "nodejs22.x" }, env: CORRUPT_DATA, messageId: "dataUnavailable", includes: ["lambda-runtimes.json", "YYYY-MM-DD"] },
        { why: "aws-native: nodejs14.x create-blocked", type: "aws-native:lambda:Function", props: { runtime: "nodejs14.x", environment: { variables: { TOKEN: secret("tok-native") } } }, env: on, messageId: "createBlocked", includes: ["runtime", "nodejs14.x"] },
    ],
};
