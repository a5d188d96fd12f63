import { CORRUPT_DATA, NO_DATA, ON_2026_11_24, SYNTHETIC_DATA } from "../fixtures/versions";
import { Cases, UNKNOWN, secret } from "../tester";

const GLOBAL = "aws:neptune/globalCluster:GlobalCluster";
const on = ON_2026_11_24;

export const cases: Cases = {
    valid: [
        { why: "newest known 1.4.8.0", props: { engineVersion: "1.4.8.0" }, env: on },
        { why: "1.3.4.0 before its end of life (2027-03-06)", props: { engineVersion: "1.3.4.0" }, env: on },
        { why: "1.2.1.0 until its end of life on 2026-11-30", props: { engineVersion: "1.2.1.0" }, env: on },
        { why: "ordinary Neptune cluster", props: { engine: "neptune", engineVersion: "1.4.5.1", skipFinalSnapshot: true, iamDatabaseAuthenticationEnabled: true }, env: on },
        { why: "no engineVersion: AWS picks its default", props: { engine: "neptune" }, env: on },
        { why: "global cluster from an existing cluster", type: GLOBAL, props: { engineVersion: "1.0.1.0", sourceDbClusterIdentifier: "arn:aws:rds:us-east-1:123456789012:cluster:g" }, env: on },
        { why: "global cluster with a supported version", type: GLOBAL, props: { engine: "neptune", engineVersion: "1.4.8.0" }, env: on },
        { why: "engineVersion unknown during preview", props: { engineVersion: UNKNOWN }, env: on },
        { why: "secret engineVersion that is supported", props: { engineVersion: secret("1.4.5.1") }, env: on },
        { why: "allow: the team knows AWS still offers it", props: { engineVersion: "1.1.0.0" }, config: { allow: ["neptune:1.1.0.0"] }, env: on },
        { why: "require satisfied", props: { engineVersion: "1.4.8.0" }, config: { require: { neptune: ">=1.3" } }, env: on },
        { why: "malformed: number", props: { engineVersion: 1.4 }, env: on },
        { why: "malformed: null", props: { engineVersion: null }, env: on },
        { why: "malformed: object", props: { engineVersion: { v: "1.0.1.0" } }, env: on },
        { why: "aws-native: version unknown", type: "aws-native:neptune:DbCluster", props: { engineVersion: UNKNOWN }, env: on },
    ],
    invalid: [
        { why: "not a version number", props: { engineVersion: "latest" }, env: on, messageId: "notAVersion" },
        { why: "a patch newer than the known 1.4.6 ones: a note, not a violation", props: { engineVersion: "1.4.6.4" }, env: on, messageId: "unlisted", level: "advisory" },
        { why: "a release newer than everything known: a note, not a violation", props: { engineVersion: "1.5.0.0" }, env: on, messageId: "unlisted", level: "advisory" },
        { why: "1.1.0.0 reached end of life on 2025-03-15", props: { engineVersion: "1.1.0.0" }, env: on, messageId: "endOfSupport", includes: ["2025-03-15", "end of life", "1.1.1.0"] },
        { why: "end of life computed at run time: 1.2.1.0 on 2026-11-30", props: { engineVersion: "1.2.1.0" }, env: { AWS_GUARDRAILS_TODAY: "2026-11-30" }, messageId: "endOfSupport", includes: ["2026-11-30"] },
        { why: "1.0.1.0 has no date but is older than versions that reached end of life", props: { engineVersion: "1.0.1.0" }, env: on, messageId: "endOfSupport" },
        { why: "a patch AWS never listed, older than the listed 1.4.6.3", props: { engineVersion: "1.4.6.2.1" }, env: on, messageId: "unknownVersion" },
        { why: "a 1.0.5 patch in a line past end of life", props: { engineVersion: "1.0.5.2" }, env: on, messageId: "retiredLine" },
        { why: "on a global cluster", type: GLOBAL, props: { engineVersion: "1.0.4.1" }, env: on, messageId: "endOfSupport" },
        { why: "secret version is evaluated, not printed", props: { engineVersion: secret("1.0.3.0") }, env: on, messageId: "endOfSupport", includes: ["[secret]"] },
        { why: "deny a supported version", props: { engineVersion: "1.4.8.0" }, config: { deny: ["1.4.8.0"] }, env: on, messageId: "denied" },
        { why: "require >=1.4 rejects 1.3.4.0", props: { engineVersion: "1.3.4.0" }, config: { require: { neptune: ">=1.4" } }, env: on, messageId: "notRequired", includes: ["1.4.0.0"] },
        { why: "require that is not a range", props: { engineVersion: "1.4.8.0" }, config: { require: { neptune: ">=" } }, env: on, messageId: "invalidRequire" },
        { why: "synthetic data: a deprecated version", props: { engineVersion: "1.4.7.0" }, env: SYNTHETIC_DATA, messageId: "deprecated", includes: ["1.4.8.0"] },
        { why: "data file missing", props: { engineVersion: "1.4.8.0" }, env: NO_DATA, messageId: "dataUnavailable" },
        { why: "data file corrupt", props: { engineVersion: "1.4.8.0" }, env: CORRUPT_DATA, messageId: "dataUnavailable" },
        { why: "aws-native: not a version number", type: "aws-native:neptune:DbCluster", props: { engineVersion: "latest", dbClusterIdentifier: "graph-dev" }, env: on, messageId: "notAVersion" },
    ],
};
