// The pack entry: `pulumi preview --policy-pack <dir>` loads this (compiled to bin/index.js).
import { PolicyPack } from "@pulumi/policy";
import { DataFileError } from "./lib/data";
import { installDispatch } from "./lib/dispatch";
import { installDeserializeHook, toSdkPolicy } from "./lib/sdk";

/** The registry, loaded here so that a missing or corrupt data file stops the pack with one clear line, not a stack trace. */
function loadPolicies(): (typeof import("./policies"))["policies"] {
    try {
        return (require("./policies") as typeof import("./policies")).policies;
    } catch (e) {
        if (!(e instanceof DataFileError)) throw e;
        console.error(e.message);
        process.exit(1);
    }
}

installDeserializeHook();
installDispatch();

new PolicyPack("aws-guardrails", { policies: loadPolicies().map(toSdkPolicy) });
