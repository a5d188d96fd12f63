import { Cases, UNKNOWN, secret } from "../tester";

const ES = "aws:elasticsearch/domain:Domain";

export const cases: Cases = {
    valid: [
        {
            why: "typical OpenSearch domain with encryption and node-to-node TLS",
            props: {
                engineVersion: "OpenSearch_2.13",
                clusterConfig: { instanceType: "t3.small.search", instanceCount: 1 },
                ebsOptions: { ebsEnabled: true, volumeSize: 10 },
                encryptAtRest: { enabled: true },
                nodeToNodeEncryption: { enabled: true },
                domainEndpointOptions: { enforceHttps: true },
            },
        },
        { why: "enabled unknown", props: { encryptAtRest: { enabled: UNKNOWN } } },
        { why: "whole block unknown", props: { encryptAtRest: UNKNOWN } },
        { why: "customer-managed key given as a secret", props: { encryptAtRest: { enabled: true, kmsKeyId: secret("arn:aws:kms:us-east-1:111122223333:key/os-secret-key") } } },
        { why: "Elasticsearch domain, string true", type: ES, props: { elasticsearchVersion: "7.10", encryptAtRest: { enabled: "true" } } },
        { why: "aws-native: encryptionAtRestOptions enabled", type: "aws-native:opensearchservice:Domain", props: { encryptionAtRestOptions: { enabled: true, kmsKeyId: UNKNOWN } } },
    ],
    invalid: [
        { why: "no encryptAtRest block", props: { engineVersion: "OpenSearch_2.13" }, messageId: "notEncrypted", includes: ["encryptAtRest.enabled", "not set"] },
        { why: "explicitly disabled", props: { encryptAtRest: { enabled: false } }, messageId: "notEncrypted", includes: ["false"] },
        { why: "Elasticsearch domain without encryption", type: ES, props: { elasticsearchVersion: "7.10" }, messageId: "notEncrypted" },
        { why: "malformed block", props: { encryptAtRest: [true] }, messageId: "notEncrypted" },
        { why: "block null", props: { encryptAtRest: null }, messageId: "notEncrypted" },
        {
            why: "secret master password is not printed",
            props: { advancedSecurityOptions: { masterUserOptions: { masterUserPassword: secret("0penSearch!pw") } }, encryptAtRest: { enabled: false, kmsKeyId: secret("arn:aws:kms:us-east-1:111122223333:key/os-secret-key") } },
            messageId: "notEncrypted",
        },
        { why: "aws-native: encryptionAtRestOptions disabled", type: "aws-native:opensearchservice:Domain", props: { encryptionAtRestOptions: { enabled: false } }, messageId: "notEncrypted", includes: ["encryptionAtRestOptions.enabled", "false"] },
    ],
};
