// The pack entry: `pulumi preview --policy-pack <dir>` loads this (compiled to bin/index.js).
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";
import { installDeserializeHook, toSdkPolicy } from "./lib/sdk";

installDeserializeHook();

new PolicyPack("aws-guardrails", { policies: policies.map(toSdkPolicy) });
