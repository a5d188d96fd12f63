import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { asBool } from "../lib/values";

// A string in @pulumi/aws 7 ("true"/"false"); booleans from older programs are read the same way.
const ENCRYPTED: keyof aws.redshift.ClusterArgs = "encrypted";

export default definePolicy({
    kind: "resource",
    name: "redshift-encrypted",
    family: "encryption",
    description: "Redshift clusters do not set `encrypted: false`, which CreateCluster rejects.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative(["aws:redshift/cluster:Cluster"]),
    messages: {
        disabled:
            "encrypted is {{value}}; remove it or set `encrypted: \"true\"`. CreateCluster rejects it: \"If you set the value on this parameter to false, " +
            "the request will fail\" (Redshift API Reference, CreateCluster `Encrypted`, default true), so creating the cluster fails; a cluster created " +
            "before that rule keeps its data unencrypted.",
    },
    framework: fsbp("Redshift.10", "Redshift clusters should be encrypted at rest"),
    remediationSteps:
        "Remove `encrypted: \"false\"` (Redshift then encrypts the cluster by default) or set `encrypted: \"true\"` with `kmsKeyId` for a " +
        "customer-managed key. Unset is not reported: CreateCluster's `Encrypted` defaults to true, and an explicit false makes the create fail.",
    // No fix: encrypting an existing cluster migrates all its data and keeps it read-only meanwhile; that is a planned change, not an automatic one.
    check({ get, report }) {
        const encrypted = get(ENCRYPTED);
        if (asBool(encrypted) === false) report("disabled", { property: ENCRYPTED, value: encrypted });
    },
});
