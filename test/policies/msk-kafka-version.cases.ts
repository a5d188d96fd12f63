import { CORRUPT_DATA, NO_DATA, ON_2026_11_24 } from "../fixtures/versions";
import { Cases, UNKNOWN, secret } from "../tester";

const on = ON_2026_11_24;

export const cases: Cases = {
    valid: [
        { why: "3.9.x", props: { kafkaVersion: "3.9.x" }, env: on },
        { why: "3.8.x KRaft", props: { kafkaVersion: "3.8.x.kraft" }, env: on },
        { why: "4.1.x KRaft", props: { kafkaVersion: "4.1.x.kraft" }, env: on },
        { why: "3.7.x before its end of support", props: { kafkaVersion: "3.7.x" }, env: { AWS_GUARDRAILS_TODAY: "2026-08-31" } },
        {
            why: "ordinary MSK cluster",
            props: {
                kafkaVersion: "3.9.x",
                numberOfBrokerNodes: 3,
                brokerNodeGroupInfo: { instanceType: "kafka.t3.small", clientSubnets: [UNKNOWN, UNKNOWN, UNKNOWN], securityGroups: [UNKNOWN] },
                encryptionInfo: { encryptionInTransit: { clientBroker: "TLS", inCluster: true } },
            },
            env: on,
        },
        { why: "kafkaVersion unknown during preview", props: { kafkaVersion: UNKNOWN }, env: on },
        { why: "secret version MSK offers", props: { kafkaVersion: secret("3.9.x.kraft") }, env: on },
        { why: "allow a version the team verified", props: { kafkaVersion: "3.6.0" }, config: { allow: ["kafka:3.6.0"] }, env: on },
        { why: "require satisfied", props: { kafkaVersion: "4.0.x.kraft" }, config: { require: { kafka: ">=3.9" } }, env: on },
        { why: "malformed: number", props: { kafkaVersion: 3.9 }, env: on },
        { why: "malformed: null", props: { kafkaVersion: null }, env: on },
        { why: "malformed: object", props: { kafkaVersion: { version: "2.8.1" } }, env: on },
        { why: "MSK Serverless is not checked", type: "aws:msk/serverlessCluster:ServerlessCluster", props: { kafkaVersion: "2.8.1" }, env: on },
        { why: "aws-native: kafka version unknown", type: "aws-native:msk:Cluster", props: { kafkaVersion: UNKNOWN, clusterName: secret("msk-native") }, env: on },
    ],
    invalid: [
        { why: "not a version number", props: { kafkaVersion: "latest" }, env: on, messageId: "notAVersion" },
        { why: "a line newer than everything known: a note, not a violation", props: { kafkaVersion: "4.3.x.kraft" }, env: on, messageId: "unlisted", level: "advisory" },
        { why: "3.6.0 past end of support (2026-06-01)", props: { kafkaVersion: "3.6.0" }, env: on, messageId: "endOfSupport", includes: ["2026-06-01", "3.8.x", "MSK Kafka"] },
        { why: "end of support computed at run time: 3.7.x on 2026-09-01", props: { kafkaVersion: "3.7.x" }, env: { AWS_GUARDRAILS_TODAY: "2026-09-01" }, messageId: "endOfSupport" },
        { why: "2.8.1 past end of support", props: { kafkaVersion: "2.8.1" }, env: on, messageId: "endOfSupport" },
        { why: "the message names the kind of date that passed", props: { kafkaVersion: "3.6.0" }, env: on, messageId: "endOfSupport", includes: ["end of support on 2026-06-01"] },
        { why: "1.1.1 deprecated by MSK", props: { kafkaVersion: "1.1.1" }, env: on, messageId: "deprecated", includes: ["4.2.x.kraft"] },
        { why: "a 3.7 patch number in a retired line", props: { kafkaVersion: "3.7.1" }, env: on, messageId: "retiredLine" },
        { why: "2.5.0 was never offered (2.5.1 was)", props: { kafkaVersion: "2.5.0" }, env: { AWS_GUARDRAILS_TODAY: "2024-01-01" }, messageId: "unknownVersion", includes: ["2.5.1"] },
        { why: "secret version is evaluated, not printed", props: { kafkaVersion: secret("2.7.2") }, env: on, messageId: "endOfSupport", includes: ["[secret]"] },
        { why: "deny", props: { kafkaVersion: "3.8.x" }, config: { deny: ["kafka:3.8.x"] }, env: on, messageId: "denied" },
        { why: "require >=4 rejects 3.9.x", props: { kafkaVersion: "3.9.x" }, config: { require: { kafka: ">=4" } }, env: on, messageId: "notRequired", includes: ["4.0.x.kraft"] },
        { why: "require that is not a range", props: { kafkaVersion: "3.9.x" }, config: { require: { kafka: "<>" } }, env: on, messageId: "invalidRequire" },
        { why: "data file missing", props: { kafkaVersion: "3.9.x" }, env: NO_DATA, messageId: "dataUnavailable" },
        { why: "data file corrupt", props: { kafkaVersion: "3.9.x" }, env: CORRUPT_DATA, messageId: "dataUnavailable" },
        { why: "aws-native: not a version number", type: "aws-native:msk:Cluster", props: { kafkaVersion: "latest" }, env: on, messageId: "notAVersion", includes: ["kafkaVersion"] },
    ],
};
