import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { asBool } from "../lib/values";

// A string in @pulumi/aws 7 ("true"/"false"); booleans from older programs are read the same way.
const ENCRYPTED: keyof aws.redshift.ClusterArgs = "encrypted";

export default definePolicy({
    kind: "resource",
    name: "redshift-encrypted",
    family: "encryption",
    description: "Redshift clusters do not opt out of encryption at rest.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: ["aws:redshift/cluster:Cluster"],
    messages: {
        disabled:
            "encrypted is {{value}}; remove it or set `encrypted: \"true\"`. Redshift encrypts new provisioned clusters by default, " +
            "and opting out stores the warehouse, its snapshots and backups in plaintext.",
    },
    framework: fsbp("Redshift.10", "Redshift clusters should be encrypted at rest"),
    remediationSteps:
        "Remove `encrypted: \"false\"` (AWS then encrypts with an AWS-managed key) or set `encrypted: \"true\"` with `kmsKeyId` for a " +
        "customer-managed key. Unset is not reported: new provisioned clusters are encrypted by default.",
    // No fix: encrypting an existing cluster migrates all its data and keeps it read-only meanwhile; that is a planned change, not an automatic one.
    check({ get, report }) {
        const encrypted = get(ENCRYPTED);
        if (asBool(encrypted) === false) report("disabled", { property: ENCRYPTED, value: encrypted });
    },
});
