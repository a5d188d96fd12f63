// aws-guardrails/library: build your own policy pack from a selection of these policies and your own, written the
// same way. Importing it has no side effects (no server, no output, no data file read); guardrails() does the work.
//
//   const { PolicyPack } = require("@pulumi/policy");
//   const { guardrails } = require("aws-guardrails/library");
//   new PolicyPack("acme", { policies: guardrails({ families: ["encryption"], custom: [myPolicy] }) });
export { GuardrailsOptions, GuardrailsOptionsError, guardrails } from "./guardrails";
export {
    Family,
    Level,
    MessageData,
    Policy,
    Report,
    ResourceContext,
    ResourcePolicy,
    Severity,
    StackContext,
    StackPolicy,
    definePolicy,
} from "../lib/policy";
export { ConfigSchema, Schema } from "../lib/config";
export { Framework } from "../lib/metadata";
export type { Graph } from "../lib/graph";
export { ProviderInfo, Resource, ResourceOptions, label } from "../lib/resource";
export { StackInfo } from "../lib/stack";
export { Json, Props, UNKNOWN, Unknown, asArray, asBool, asNumber, asString, get, hasUnknown, isRecord, isSet, isUnknown, parseJsonish } from "../lib/values";
