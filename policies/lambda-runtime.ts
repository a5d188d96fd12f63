import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { RUNTIME_CONFIG, RuntimeConfig, assessRuntime, lambdaRuntimeOf, matchingEntry } from "../lib/versions";

const RUNTIME: keyof aws.lambda.FunctionArgs = "runtime";

const NOT_ANNOUNCED = "a date not announced in the data";

export default definePolicy<RuntimeConfig>({
    kind: "resource",
    name: "lambda-runtime",
    family: "versions",
    description: "Lambda functions use a runtime Lambda still accepts for new functions: not blocked, not unknown.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative(["aws:lambda/function:Function"]),
    config: RUNTIME_CONFIG,
    messages: {
        createBlocked:
            "runtime is {{value}}: Lambda has blocked creating functions on it since {{blockCreate}} (and updating them from {{blockUpdate}}), so the deploy fails. " +
            "Use {{successor}} instead. (Lambda runtime dates as of {{asOf}} from {{source}}.)",
        unknownRuntime:
            "runtime is {{value}}, which is not a runtime Lambda accepts for new functions (not in its runtime list as of {{asOf}}, and not newer than the listed runtimes of that language), " +
            "so CreateFunction fails. Use {{successor}}; if Lambda added it after {{asOf}}, add it to the policy's `allow` setting. (Data from {{source}}.)",
        denied: "runtime is {{value}}, which this policy's `deny` setting forbids ({{entry}}) even though Lambda may accept it; choose another runtime.",
        dataUnavailable: "cannot check runtime {{value}} because {{problem}}; reinstall the policy pack or regenerate the data (see data/README.md).",
    },
    remediationSteps:
        "Set runtime to the supported successor the message names (e.g. nodejs24.x, python3.14) and test the function on it. " +
        "Container-image functions (packageType \"Image\") are not checked. If Lambda added a runtime after the pack's data snapshot, add it to `allow`. " +
        "Deprecated runtimes that can still be created are reported by lambda-runtime-deprecated (advisory).",
    check({ get, config, report }) {
        const value = lambdaRuntimeOf(get);
        if (value === undefined) return;
        const base = { property: RUNTIME, value };
        // Runtime ids carry no engine prefix; "lambda" only fills matchingEntry's engine slot.
        const denied = matchingEntry(config.deny, "lambda", [value]);
        if (denied !== undefined) {
            report("denied", { ...base, entry: denied });
            return;
        }
        if (matchingEntry(config.allow, "lambda", [value]) !== undefined) return;
        const result = assessRuntime(value);
        if (!result.ok) {
            report("dataUnavailable", { ...base, problem: result.problem });
            return;
        }
        const { verdict, facts } = result;
        // Deprecated but still creatable: the deploy works; lambda-runtime-deprecated says so as advisory.
        if (verdict.kind === "ok" || verdict.kind === "deprecated") return;
        const successor = verdict.successor ?? "a supported runtime";
        if (verdict.kind === "unknown") {
            report("unknownRuntime", { ...base, ...facts, successor });
            return;
        }
        report("createBlocked", { ...base, ...facts, blockCreate: verdict.blockCreate, blockUpdate: verdict.blockUpdate ?? NOT_ANNOUNCED, successor });
    },
});
