import { CORRUPT_DATA, NO_DATA, ON_2026_11_24 } from "../fixtures/versions";
import { Cases, UNKNOWN, secret } from "../tester";

const ES = "aws:elasticsearch/domain:Domain";
const on = ON_2026_11_24;

export const cases: Cases = {
    valid: [
        { why: "OpenSearch 2.19", props: { engineVersion: "OpenSearch_2.19" }, env: on },
        { why: "OpenSearch 2.11 before its end of extended support", props: { engineVersion: "OpenSearch_2.11" }, env: on },
        { why: "OpenSearch 1.0 in extended support until 2027-11-07", props: { engineVersion: "OpenSearch_1.0" }, env: on },
        { why: "Elasticsearch 7.10 on the OpenSearch API", props: { engineVersion: "Elasticsearch_7.10" }, env: on },
        { why: "legacy Elasticsearch domain 7.10", type: ES, props: { elasticsearchVersion: "7.10" }, env: on },
        { why: "legacy Elasticsearch domain without a version (1.5)", type: ES, props: {}, env: on },
        {
            why: "ordinary OpenSearch domain",
            props: {
                engineVersion: "OpenSearch_2.17",
                clusterConfig: { instanceType: "t3.small.search", instanceCount: 1 },
                ebsOptions: { ebsEnabled: true, volumeSize: 10 },
                encryptAtRest: { enabled: true },
                nodeToNodeEncryption: { enabled: true },
                advancedSecurityOptions: { enabled: true, masterUserOptions: { masterUserName: "admin", masterUserPassword: secret("Adm1n-Passw0rd!") } },
            },
            env: on,
        },
        { why: "no engineVersion: the newest OpenSearch", props: {}, env: on },
        { why: "engineVersion unknown during preview", props: { engineVersion: UNKNOWN }, env: on },
        { why: "secret engineVersion AWS lists", props: { engineVersion: secret("OpenSearch_2.15") }, env: on },
        { why: "allow with the bare number", props: { engineVersion: "OpenSearch_2.12" }, config: { allow: ["opensearch:2.12"] }, env: on },
        { why: "require on opensearch does not apply to Elasticsearch", props: { engineVersion: "Elasticsearch_7.10" }, config: { require: { opensearch: ">=2.11" } }, env: on },
        { why: "require satisfied", props: { engineVersion: "OpenSearch_2.19" }, config: { require: { opensearch: ">=2.11" } }, env: on },
        { why: "malformed: number", props: { engineVersion: 2.11 }, env: on },
        { why: "malformed: null", type: ES, props: { elasticsearchVersion: null }, env: on },
        { why: "malformed: object", props: { engineVersion: { OpenSearch: "2.11" } }, env: on },
        { why: "aws-native: version unknown", type: "aws-native:opensearchservice:Domain", props: { engineVersion: UNKNOWN }, env: on },
    ],
    invalid: [
        { why: "not a version number", props: { engineVersion: "OpenSearch_latest" }, env: on, messageId: "notAVersion" },
        { why: "a 3.x newer than every known 3.x: a note, not a violation", props: { engineVersion: "OpenSearch_3.9" }, env: on, messageId: "unlisted", level: "advisory" },
        { why: "OpenSearch 2.10 was withdrawn (not in ListVersions)", props: { engineVersion: "OpenSearch_2.10" }, env: on, messageId: "deprecated", includes: ["OpenSearch_2.11", "2026-11-10"] },
        { why: "OpenSearch 2.12 never existed", props: { engineVersion: "OpenSearch_2.12" }, env: on, messageId: "unknownVersion", includes: ["OpenSearch_2.19", "OpenSearch_2.13"] },
        {
            why: "end of extended support computed at run time",
            props: { engineVersion: "OpenSearch_2.9" },
            env: { AWS_GUARDRAILS_TODAY: "2027-11-07" },
            messageId: "endOfSupport",
            includes: ["2027-11-07", "end of extended support"],
        },
        { why: "every OpenSearch 1.x past extended support by 2031", props: { engineVersion: "OpenSearch_1.4" }, env: { AWS_GUARDRAILS_TODAY: "2031-01-01" }, messageId: "retiredLine" },
        { why: "legacy Elasticsearch domain with a version AWS never had", type: ES, props: { elasticsearchVersion: "6.1" }, env: on, messageId: "unknownVersion", includes: ["elasticsearchVersion", "6.2"] },
        { why: "secret version is evaluated, not printed", props: { engineVersion: secret("OpenSearch_2.8") }, env: on, messageId: "unknownVersion", includes: ["[secret]"] },
        { why: "deny Elasticsearch", props: { engineVersion: "Elasticsearch_7.10" }, config: { deny: ["elasticsearch:7.10"] }, env: on, messageId: "denied" },
        { why: "require >=2.11 rejects 2.9", props: { engineVersion: "OpenSearch_2.9" }, config: { require: { opensearch: ">=2.11" } }, env: on, messageId: "notRequired" },
        { why: "require that is not a range", props: { engineVersion: "OpenSearch_2.19" }, config: { require: { opensearch: "2.x.x.x" } }, env: on, messageId: "invalidRequire" },
        { why: "data file missing", props: { engineVersion: "OpenSearch_2.19" }, env: NO_DATA, messageId: "dataUnavailable" },
        { why: "data file corrupt", props: { engineVersion: "OpenSearch_2.19" }, env: CORRUPT_DATA, messageId: "dataUnavailable" },
        { why: "aws-native: not a version number", type: "aws-native:opensearchservice:Domain", props: { engineVersion: "OpenSearch_latest" }, env: on, messageId: "notAVersion" },
    ],
};
