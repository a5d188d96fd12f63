import type * as aws from "@pulumi/aws";
import { today } from "../lib/clock";
import { definePolicy } from "../lib/policy";
import { PRODUCTION_CONFIG, ProductionConfig, productionReason } from "../lib/stack";
import { withNative } from "../lib/native";
import { RUNTIME_CONFIG, RuntimeConfig, assessRuntime, lambdaRuntimeOf, matchingEntry } from "../lib/versions";

const RUNTIME: keyof aws.lambda.FunctionArgs = "runtime";

const NOT_ANNOUNCED = "a date not announced in the data";

// "Lambda runtime deprecation policy" (AWS Lambda Developer Guide): after the block-create date no new function can use the
// runtime, but existing ones can still be updated until the block-update date. The pack cannot see whether a function exists.
const DEPRECATION_POLICY = "Lambda Developer Guide, \"Runtime deprecation policy\"";

export default definePolicy<RuntimeConfig & ProductionConfig>({
    kind: "resource",
    name: "lambda-runtime",
    family: "versions",
    description: "Lambda functions use a runtime Lambda still accepts: not blocked for updates, not blocked for new functions where the stack creates them, not unknown.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative(["aws:lambda/function:Function"]),
    config: {
        ...RUNTIME_CONFIG,
        productionStacks: {
            ...PRODUCTION_CONFIG.productionStacks,
            description: "Glob patterns of stack names that are production; a runtime blocked only for new functions is advisory there.",
        },
        productionStackTags: {
            ...PRODUCTION_CONFIG.productionStackTags,
            description: "Stack tags (key=value, value may be a glob) that mark a stack as production; a runtime blocked only for new functions is advisory there.",
        },
    },
    messages: {
        updateBlocked:
            "runtime is {{value}}: Lambda has blocked creating functions on it since {{blockCreate}} and updating them since {{blockUpdate}}, " +
            "so the deploy fails whether this function is new or already exists. Use {{successor}} instead. " +
            "(Lambda runtime dates as of {{asOf}} from {{source}}; " + DEPRECATION_POLICY + ".)",
        createBlocked:
            "runtime is {{value}}: Lambda has blocked creating functions on it since {{blockCreate}}, so the deploy fails where this non-production stack " +
            "creates the function (a new stack, a recreated one, or a replacement). A function that already exists can still be updated until {{blockUpdate}}. " +
            "Use {{successor}} instead. (Lambda runtime dates as of {{asOf}} from {{source}}; " + DEPRECATION_POLICY + ".)",
        createBlockedExisting:
            "runtime is {{value}}: Lambda has blocked creating functions on it since {{blockCreate}}, so creating or replacing this function fails; " +
            "if it already exists, updates still deploy until {{blockUpdate}}, when they fail too. Advisory here because {{why}}, where functions mostly exist already. " +
            "Use {{successor}} before then. (Lambda runtime dates as of {{asOf}} from {{source}}; " + DEPRECATION_POLICY + ".)",
        unknownRuntime:
            "runtime is {{value}}, which is not a runtime Lambda accepts for new functions (not in its runtime list as of {{asOf}}, and not newer than the listed runtimes of that language), " +
            "so CreateFunction fails. Use {{successor}}; if Lambda added it after {{asOf}}, add it to the policy's `allow` setting. (Data from {{source}}.)",
        denied: "runtime is {{value}}, which this policy's `deny` setting forbids ({{entry}}) even though Lambda may accept it; choose another runtime.",
        dataUnavailable: "cannot check runtime {{value}} because {{problem}}; reinstall the policy pack or regenerate the data (see data/README.md).",
    },
    advisoryMessages: ["createBlockedExisting"],
    remediationSteps:
        "Set runtime to the supported successor the message names (e.g. nodejs24.x, python3.14) and test the function on it. " +
        "Between a runtime's block-create and block-update dates Lambda still updates existing functions but refuses new ones: the finding is mandatory " +
        "on non-production stacks (they create their functions afresh) and advisory on production stacks (productionStacks, productionStackTags) and when " +
        "the stack is not known (e.g. `pulumi policy analyze` over existing state); from the block-update date it is mandatory everywhere. " +
        "Container-image functions (packageType \"Image\") are not checked. If Lambda added a runtime after the pack's data snapshot, add it to `allow`. " +
        "Deprecated runtimes that can still be created are reported by lambda-runtime-deprecated (advisory).",
    check({ get, config, stack, report }) {
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
        const dates = { ...base, ...facts, blockCreate: verdict.blockCreate, blockUpdate: verdict.blockUpdate ?? NOT_ANNOUNCED, successor };
        if (verdict.blockUpdate !== undefined && verdict.blockUpdate <= today()) {
            report("updateBlocked", dates);
            return;
        }
        const why = stack.name ? productionReason(stack, config) : "the stack is not known (no stack name), e.g. a check of existing state";
        if (why === undefined) report("createBlocked", dates);
        else report("createBlockedExisting", { ...dates, why });
    },
});
