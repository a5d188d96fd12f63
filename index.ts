// The pack entry: `pulumi preview --policy-pack <dir>` loads this (compiled to bin/index.js).
import { PolicyPack } from "@pulumi/policy";
import { installDispatch } from "./lib/dispatch";
import { installDeserializeHook, toSdkPolicy } from "./lib/sdk";
import { policies } from "./policies";

installDeserializeHook();
installDispatch();

new PolicyPack("aws-guardrails", { policies: policies.map(toSdkPolicy) });
