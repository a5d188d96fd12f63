import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { asBool, isUnknown } from "../lib/values";

const ENCRYPTED: keyof aws.efs.FileSystemArgs = "encrypted";

export default definePolicy({
    kind: "resource",
    name: "efs-encrypted",
    family: "encryption",
    description: "EFS file systems are created with encryption at rest.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative(["aws:efs/fileSystem:FileSystem"]),
    messages: {
        notEncrypted:
            "encrypted is {{value}}; the EFS API creates file systems unencrypted unless it is true. Set `encrypted: true` (optionally `kmsKeyId`): " +
            "otherwise every file and backup is stored in plaintext, and encryption cannot be turned on later without a new file system and a full copy.",
    },
    framework: fsbp("EFS.1", "Elastic File System should be configured to encrypt file data at-rest using AWS KMS"),
    remediationSteps:
        "Set `encrypted: true` (and `kmsKeyId: key.arn` for a customer-managed key) on aws.efs.FileSystem. An existing unencrypted file system " +
        "must be replaced: create an encrypted one and copy the data (for example with AWS DataSync).",
    // No fix: `encrypted` forces replacement of the file system, which would lose its data.
    check({ get, report }) {
        const encrypted = get(ENCRYPTED);
        if (isUnknown(encrypted) || asBool(encrypted) === true) return;
        report("notEncrypted", { property: ENCRYPTED, value: encrypted });
    },
});
