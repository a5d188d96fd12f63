import { Cases, UNKNOWN, secret } from "../tester";

const ES = "aws:elasticsearch/domain:Domain";
const endpoint = { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" };
const secure = {
    domainName: "search",
    engineVersion: "OpenSearch_2.19",
    clusterConfig: { instanceType: "r6g.large.search", instanceCount: 2 },
    encryptAtRest: { enabled: true },
    domainEndpointOptions: endpoint,
    nodeToNodeEncryption: { enabled: true },
};

export const cases: Cases = {
    valid: [
        { why: "typical secure domain", props: secure },
        { why: "endpoint block without enforceHttps: the provider defaults it to true", props: { ...secure, domainEndpointOptions: { tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" } } },
        { why: "string forms of true", props: { ...secure, domainEndpointOptions: { enforceHttps: "true" }, nodeToNodeEncryption: { enabled: "true" } } },
        { why: "Elasticsearch domain", type: ES, props: { elasticsearchVersion: "7.10", domainEndpointOptions: { enforceHttps: true }, nodeToNodeEncryption: { enabled: true } } },
        { why: "both blocks unknown during preview", props: { ...secure, domainEndpointOptions: UNKNOWN, nodeToNodeEncryption: UNKNOWN } },
        { why: "flags unknown during preview", props: { ...secure, domainEndpointOptions: { enforceHttps: UNKNOWN }, nodeToNodeEncryption: { enabled: UNKNOWN } } },
        {
            why: "fine-grained access control with a secret master password",
            props: { ...secure, advancedSecurityOptions: { enabled: true, masterUserOptions: { masterUserName: "admin", masterUserPassword: secret("Search-Admin-Pass-1!") } } },
        },
        { why: "aws-native: HTTPS enforced", type: "aws-native:opensearchservice:Domain", props: { domainName: "search", encryptionAtRestOptions: { enabled: true }, domainEndpointOptions: endpoint, nodeToNodeEncryptionOptions: { enabled: true } } },
    ],
    invalid: [
        { why: "HTTPS explicitly not enforced", props: { ...secure, domainEndpointOptions: { ...endpoint, enforceHttps: false } }, messageId: "httpsNotEnforced", includes: ["enforceHttps", "false"] },
        { why: "no endpoint block: the API default accepts HTTP", props: { ...secure, domainEndpointOptions: undefined }, messageId: "httpsNotEnforced", includes: ["not set", "no domainEndpointOptions block"] },
        { why: "Elasticsearch domain with string false", type: ES, props: { domainEndpointOptions: { enforceHttps: "false" }, nodeToNodeEncryption: { enabled: true } }, messageId: "httpsNotEnforced" },
        { why: "malformed enforceHttps", props: { ...secure, domainEndpointOptions: { enforceHttps: "yes" } }, messageId: "httpsNotEnforced" },
        { why: "malformed endpoint block", props: { ...secure, domainEndpointOptions: [endpoint] }, messageId: "httpsNotEnforced" },
        { why: "node-to-node encryption absent (default false)", props: { ...secure, nodeToNodeEncryption: undefined }, messageId: "nodeToNodeOff", includes: ["not set", "nodeToNodeEncryption"] },
        { why: "node-to-node encryption off", props: { ...secure, nodeToNodeEncryption: { enabled: false } }, messageId: "nodeToNodeOff", includes: ["false"] },
        { why: "HTTPS off in the block: no note about the default", props: { ...secure, domainEndpointOptions: { ...endpoint, enforceHttps: false } }, messageId: "httpsNotEnforced", includes: ["enforceHttps is false, so"] },
        { why: "node-to-node off: no note about the default", props: { ...secure, nodeToNodeEncryption: { enabled: false } }, messageId: "nodeToNodeOff", includes: ["enabled is false, so"] },
        { why: "node-to-node absent: the message says what AWS assumes", props: { ...secure, nodeToNodeEncryption: undefined }, messageId: "nodeToNodeOff", includes: ["enabled is not set (not set: the default is false), so"] },
        {
            why: "secret master password is not printed",
            props: { ...secure, nodeToNodeEncryption: { enabled: false }, advancedSecurityOptions: { enabled: true, masterUserOptions: { masterUserPassword: secret("Search-Admin-Pass-2!") } } },
            messageId: "nodeToNodeOff",
        },
        { why: "aws-native: HTTPS not enforced", type: "aws-native:opensearchservice:Domain", props: { encryptionAtRestOptions: { enabled: true }, nodeToNodeEncryptionOptions: { enabled: true }, domainEndpointOptions: { ...endpoint, enforceHttps: false } }, messageId: "httpsNotEnforced", includes: ["enforceHttps"] },
    ],
};
