import { Cases, UNKNOWN, secret } from "../tester";

const base = { clusterIdentifier: "analytics", nodeType: "ra3.xlplus", masterUsername: "admin", skipFinalSnapshot: true };

export const cases: Cases = {
    valid: [
        { why: "unset: new provisioned clusters are encrypted by default", props: base },
        { why: "explicit string \"true\" (the @pulumi/aws 7 type)", props: { ...base, encrypted: "true", kmsKeyId: UNKNOWN } },
        { why: "boolean true from older programs", props: { ...base, encrypted: true } },
        { why: "unknown during preview", props: { ...base, encrypted: UNKNOWN } },
        { why: "secret master password", props: { ...base, masterPassword: secret("Redsh1ft-Secret") } },
        { why: "malformed value is not an opt-out", props: { ...base, encrypted: { nested: "false" } } },
        { why: "aws-native: encrypted cluster", type: "aws-native:redshift:Cluster", props: { encrypted: true, masterUserPassword: secret("pw-native-6"), nodeType: "ra3.xlplus" } },
    ],
    invalid: [
        { why: "string \"false\"", props: { ...base, encrypted: "false" }, messageId: "disabled", includes: ["encrypted", "\"false\"", "the request will fail", "creating the cluster fails"] },
        { why: "boolean false", props: { ...base, encrypted: false }, messageId: "disabled" },
        { why: "secret password is not printed", props: { ...base, encrypted: "false", masterPassword: secret("Redsh1ft-Secret") }, messageId: "disabled" },
        { why: "aws-native: encrypted false", type: "aws-native:redshift:Cluster", props: { encrypted: false, nodeType: "ra3.xlplus" }, messageId: "disabled", includes: ["encrypted"] },
    ],
};
