// The pack entry: `pulumi preview --policy-pack <dir>` loads this (compiled to bin/index.js).
import { PolicyPack } from "@pulumi/policy";
import { installTypeDispatch } from "./lib/dispatch";
import { installDeserializeHook, toSdkPolicy, typesOf } from "./lib/sdk";
import { policies } from "./policies";

installDeserializeHook();
installTypeDispatch(typesOf);

new PolicyPack("aws-guardrails", { policies: policies.map(toSdkPolicy) });
