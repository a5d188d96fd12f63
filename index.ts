// The pack entry: `pulumi preview --policy-pack <dir>` loads this (compiled to bin/index.js). It is the library's
// guardrails() with every policy, so a team's own pack built on aws-guardrails/library runs the same path.
import { PolicyPack } from "@pulumi/policy";
import { DataFileError } from "./lib/data";
import { guardrails } from "./library";

/** Every policy, loaded here so that a missing or corrupt data file stops the pack with one clear line, not a stack trace. */
function allPolicies(): ReturnType<typeof guardrails> {
    try {
        return guardrails();
    } catch (e) {
        if (!(e instanceof DataFileError)) throw e;
        console.error(e.message);
        process.exit(1);
    }
}

new PolicyPack("aws-guardrails", { policies: allPolicies() });
