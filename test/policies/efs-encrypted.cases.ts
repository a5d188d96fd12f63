import { Cases, UNKNOWN, secret } from "../tester";

export const cases: Cases = {
    valid: [
        { why: "encrypted with the default key", props: { encrypted: true, performanceMode: "generalPurpose", tags: { Name: "shared" } } },
        { why: "encrypted with a customer-managed key", props: { encrypted: true, kmsKeyId: UNKNOWN, lifecyclePolicies: [{ transitionToIa: "AFTER_30_DAYS" }] } },
        { why: "unknown during preview", props: { encrypted: UNKNOWN } },
        { why: "string true", props: { encrypted: "true" } },
        { why: "secret key id", props: { encrypted: true, kmsKeyId: secret("arn:aws:kms:us-east-1:111122223333:key/efs-secret-key") } },
        { why: "another type is not checked", type: "aws:efs/mountTarget:MountTarget", props: { fileSystemId: UNKNOWN } },
        { why: "aws-native: encrypted file system", type: "aws-native:efs:FileSystem", props: { encrypted: true, fileSystemTags: [{ key: "Name", value: "x" }] } },
    ],
    invalid: [
        { why: "not set: API default is unencrypted", props: { performanceMode: "generalPurpose" }, messageId: "notEncrypted", includes: ["encrypted", "not set"] },
        { why: "explicitly false", props: { encrypted: false }, messageId: "notEncrypted", includes: ["false"] },
        { why: "malformed value", props: { encrypted: { yes: true } }, messageId: "notEncrypted" },
        { why: "null", props: { encrypted: null, creationToken: "x" }, messageId: "notEncrypted" },
        { why: "secret key id without encryption is not printed", props: { kmsKeyId: secret("arn:aws:kms:us-east-1:111122223333:key/efs-secret-key") }, messageId: "notEncrypted" },
        { why: "aws-native: encrypted false", type: "aws-native:efs:FileSystem", props: { encrypted: false }, messageId: "notEncrypted" },
    ],
};
