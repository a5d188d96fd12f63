import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { RUNTIME_CONFIG, RuntimeConfig, assessRuntime, lambdaRuntimeOf, matchingEntry } from "../lib/versions";

const RUNTIME: keyof aws.lambda.FunctionArgs = "runtime";

export default definePolicy<RuntimeConfig>({
    kind: "resource",
    name: "lambda-runtime-deprecated",
    family: "versions",
    description: "Lambda functions do not use a deprecated runtime that gets no more security patches and will soon be blocked.",
    enforcementLevel: "advisory",
    severity: "medium",
    types: withNative(["aws:lambda/function:Function"]),
    config: RUNTIME_CONFIG,
    messages: {
        deprecated:
            "runtime is {{value}}, which AWS deprecated on {{deprecated}}: it gets no more security patches, and Lambda blocks creating functions on it from {{blockCreate}} " +
            "(updates from {{blockUpdate}}). Move to {{successor}} before then. (Lambda runtime dates as of {{asOf}} from {{source}}.)",
    },
    framework: fsbp("Lambda.2", "Lambda functions should use supported runtimes"),
    remediationSteps:
        "Move the function to the successor runtime the message names and test it there. Runtimes already blocked for new functions are reported by " +
        "lambda-runtime instead (mandatory where the stack creates functions or once updates are blocked too, advisory on production stacks before then).",
    check({ get, config, report }) {
        const value = lambdaRuntimeOf(get);
        if (value === undefined || matchingEntry(config.allow, "lambda", [value]) !== undefined) return;
        const result = assessRuntime(value);
        if (!result.ok || result.verdict.kind !== "deprecated") return;
        const { verdict, facts } = result;
        const later = "a date not announced in the data";
        report("deprecated", {
            property: RUNTIME,
            value,
            ...facts,
            deprecated: verdict.deprecated,
            blockCreate: verdict.blockCreate ?? later,
            blockUpdate: verdict.blockUpdate ?? later,
            successor: verdict.successor ?? "a supported runtime",
        });
    },
});
