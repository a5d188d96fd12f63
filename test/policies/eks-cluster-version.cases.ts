import { CORRUPT_DATA, NO_DATA, ON_2026_11_24, SYNTHETIC_DATA } from "../fixtures/versions";
import { Cases, UNKNOWN, secret } from "../tester";

const on = ON_2026_11_24;

export const cases: Cases = {
    valid: [
        { why: "1.34 in standard support", props: { version: "1.34" }, env: on },
        { why: "1.31 until its end of extended support on 2026-11-26", props: { version: "1.31" }, env: on },
        { why: "1.37 known without dates", props: { version: "1.37" }, env: on },
        { why: "ordinary EKS cluster", props: { version: "1.33", roleArn: UNKNOWN, vpcConfig: { subnetIds: [UNKNOWN, UNKNOWN] } }, env: on },
        { why: "no version: the newest EKS offers", props: { roleArn: UNKNOWN }, env: on },
        { why: "version unknown during preview", props: { version: UNKNOWN }, env: on },
        { why: "secret version that is supported", props: { version: secret("1.35") }, env: on },
        { why: "allow", props: { version: "1.30" }, config: { allow: ["eks:1.30"] }, env: on },
        { why: "require satisfied", props: { version: "1.35" }, config: { require: { eks: ">=1.33" } }, env: on },
        { why: "malformed: number", props: { version: 1.29 }, env: on },
        { why: "malformed: null", props: { version: null }, env: on },
        { why: "malformed: object", props: { version: { minor: 29 } }, env: on },
        { why: "aws-native: 1.34 in standard support", type: "aws-native:eks:Cluster", props: { version: "1.34", roleArn: UNKNOWN, resourcesVpcConfig: { subnetIds: [] } }, env: on },
    ],
    invalid: [
        { why: "not a version number", props: { version: "latest" }, env: on, messageId: "notAVersion" },
        { why: "1.38, released after the snapshot: a note, not a violation", props: { version: "1.38" }, env: on, messageId: "unlisted", level: "advisory" },
        { why: "1.29 past end of extended support (2026-03-23)", props: { version: "1.29" }, env: on, messageId: "endOfSupport", includes: ["2026-03-23", "1.31, 1.32, 1.33", "1.37", "EKS Kubernetes"] },
        { why: "end of support computed at run time: 1.31 on 2026-11-26", props: { version: "1.31" }, env: { AWS_GUARDRAILS_TODAY: "2026-11-26" }, messageId: "endOfSupport", includes: ["1.32"] },
        { why: "1.15 has no dates but predates versions that ended", props: { version: "1.15" }, env: on, messageId: "endOfSupport" },
        { why: "the message names the kind of date that passed", props: { version: "1.28" }, env: on, messageId: "endOfSupport", includes: ["end of support on"] },
        { why: "1.13 predates everything EKS lists", props: { version: "1.13" }, env: on, messageId: "unknownVersion", includes: ["1.14"] },
        { why: "a patch number in a retired line", props: { version: "1.29.5" }, env: on, messageId: "retiredLine" },
        { why: "secret version is evaluated, not printed", props: { version: secret("1.27") }, env: on, messageId: "endOfSupport", includes: ["[secret]"] },
        { why: "deny", props: { version: "1.33" }, config: { deny: ["eks:1.33"] }, env: on, messageId: "denied" },
        { why: "require >=1.33 rejects 1.32", props: { version: "1.32" }, config: { require: { eks: ">=1.33" } }, env: on, messageId: "notRequired", includes: ["1.33"] },
        { why: "require that is not a range", props: { version: "1.33" }, config: { require: { eks: "1.3x" } }, env: on, messageId: "invalidRequire" },
        { why: "synthetic data: a deprecated version", props: { version: "1.35" }, env: SYNTHETIC_DATA, messageId: "deprecated" },
        { why: "data file missing", props: { version: "1.33" }, env: NO_DATA, messageId: "dataUnavailable" },
        { why: "data file corrupt", props: { version: "1.33" }, env: CORRUPT_DATA, messageId: "dataUnavailable" },
        { why: "aws-native: 1.29 past end of extended support", type: "aws-native:eks:Cluster", props: { version: "1.29" }, env: on, messageId: "endOfSupport", includes: ["2026-03-23"] },
    ],
};
