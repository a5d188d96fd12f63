import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { asNumber, isUnknown } from "../lib/values";

interface DefaultsConfig {
    flagWhen: "both" | "either";
}

const MEMORY: keyof aws.lambda.FunctionArgs = "memorySize";
const TIMEOUT: keyof aws.lambda.FunctionArgs = "timeout";
// Lambda's defaults (CreateFunction MemorySize and Timeout); the provider fills them in when the program leaves them out.
const DEFAULT_MEMORY_MB = 128;
const DEFAULT_TIMEOUT_S = 3;

/** True when the value is Lambda's default: absent, or equal to it. */
function isDefault(value: unknown, fallback: number): boolean {
    if (value === undefined || value === null) return true;
    return asNumber(value) === fallback;
}

export default definePolicy<DefaultsConfig>({
    kind: "resource",
    name: "lambda-default-memory-timeout",
    family: "resilience",
    description: "Lambda functions set memorySize and timeout for their workload instead of keeping the 128 MB / 3 s defaults.",
    enforcementLevel: "advisory",
    severity: "low",
    types: ["aws:lambda/function:Function"],
    config: {
        flagWhen: {
            type: "string",
            enum: ["both", "either"],
            default: "both",
            description: '"both": report a function whose memory and timeout are both at the defaults (never tuned); "either": report any setting left at its default.',
        },
    },
    messages: {
        defaults:
            "memorySize is {{memory}} and timeout is {{timeout}}, where Lambda's defaults are 128 MB and 3 seconds: a function that calls a database or another " +
            "service often needs more than 3 s and is killed mid-request, and 128 MB also gets the smallest CPU share. Set both for the workload (e.g. memorySize: 512, timeout: 30); " +
            "if an SQS queue triggers the function, give the queue a visibilityTimeoutSeconds of at least the new timeout (SQS's default is 30 s; AWS recommends six times the timeout), " +
            "or CreateEventSourceMapping fails (see sqs-lambda-trigger-limits).",
    },
    remediationSteps:
        "Measure the function and set `memorySize` (CPU grows with it) and `timeout` (up to 900 s, below the invoker's own timeout, e.g. 29 s behind API Gateway). " +
        "A function triggered by an SQS queue needs the queue's `visibilityTimeoutSeconds` at least as long as its timeout (AWS recommends six times it plus the batching window; " +
        "SQS's default is 30 s), so raise the queue's visibility timeout with the function's timeout.",
    check({ config, get, report }) {
        const memory = get(MEMORY);
        const timeout = get(TIMEOUT);
        if (isUnknown(memory) || isUnknown(timeout)) return;
        const memoryDefault = isDefault(memory, DEFAULT_MEMORY_MB);
        const timeoutDefault = isDefault(timeout, DEFAULT_TIMEOUT_S);
        const flag = config.flagWhen === "either" ? memoryDefault || timeoutDefault : memoryDefault && timeoutDefault;
        if (flag) report("defaults", { memory: memory ?? DEFAULT_MEMORY_MB, timeout: timeout ?? DEFAULT_TIMEOUT_S });
    },
});
