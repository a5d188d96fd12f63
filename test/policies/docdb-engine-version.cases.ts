import { CORRUPT_DATA, NO_DATA, SYNTHETIC_DATA } from "../fixtures/versions";
import { Cases, UNKNOWN, secret } from "../tester";

const GLOBAL = "aws:docdb/globalCluster:GlobalCluster";

export const cases: Cases = {
    valid: [
        { why: "5.0.0 is offered", props: { engineVersion: "5.0.0" } },
        { why: "8.0.0 is offered", props: { engineVersion: "8.0.0" } },
        { why: "3.6.0 is still listed (extended support)", props: { engineVersion: "3.6.0" } },
        { why: "the 4.0 form cfn-lint also accepts", props: { engineVersion: "4.0" } },
        {
            why: "ordinary DocumentDB cluster",
            props: { engine: "docdb", engineVersion: "5.0.0", masterUsername: "docdb", masterPassword: secret("docdb-Passw0rd!"), skipFinalSnapshot: true, storageEncrypted: true },
        },
        { why: "no engineVersion: AWS picks its default", props: { engine: "docdb" } },
        { why: "global cluster from an existing cluster", type: GLOBAL, props: { engineVersion: "3.5.0", sourceDbClusterIdentifier: "arn:aws:rds:us-east-1:123456789012:cluster:docs" } },
        { why: "global cluster with an offered version", type: GLOBAL, props: { engine: "docdb", engineVersion: "5.0.0" } },
        { why: "engineVersion unknown during preview", props: { engineVersion: UNKNOWN } },
        { why: "global cluster source unknown during preview", type: GLOBAL, props: { engineVersion: "3.5.0", sourceDbClusterIdentifier: UNKNOWN } },
        { why: "secret engineVersion that is offered", props: { engineVersion: secret("4.0") } },
        { why: "allow: a version released after the snapshot", props: { engineVersion: "3.5.0" }, config: { allow: ["docdb:3.5.0"] } },
        { why: "require satisfied", props: { engineVersion: "5.0.0" }, config: { require: { docdb: ">=5" } } },
        { why: "synthetic data: before the dated end of support", props: { engineVersion: "3.6.0" }, env: { ...SYNTHETIC_DATA, AWS_GUARDRAILS_TODAY: "2027-03-29" } },
        { why: "malformed: number", props: { engineVersion: 5 } },
        { why: "malformed: null", props: { engineVersion: null } },
        { why: "malformed: object", props: { engineVersion: { major: 3 } } },
        { why: "malformed: nested garbage", props: { engineVersion: [[null], { x: UNKNOWN }] } },
    ],
    invalid: [
        { why: "not a version number", props: { engineVersion: "five" }, messageId: "notAVersion" },
        { why: "8.0.1 is newer than every known 8.x: a note, not a violation", props: { engineVersion: "8.0.1" }, messageId: "unlisted", level: "advisory" },
        { why: "a new 6.0 line between known ones may have been released since: a note, not a violation", props: { engineVersion: "6.0.0" }, messageId: "unlisted", level: "advisory" },
        { why: "3.5.0 was never offered", props: { engineVersion: "3.5.0" }, messageId: "unknownVersion", includes: ["3.6.0", "DocumentDB", "2026-08-22"] },
        { why: "on a global cluster", type: GLOBAL, props: { engine: "docdb", engineVersion: "3.5.0" }, messageId: "unknownVersion" },
        { why: "secret version is evaluated, not printed", props: { engineVersion: secret("3.4.0") }, messageId: "unknownVersion", includes: ["[secret]"] },
        { why: "deny an offered version", props: { engineVersion: "3.6.0" }, config: { deny: ["docdb:3.6.0"] }, messageId: "denied" },
        { why: "require >=5 rejects 4.0.0", props: { engineVersion: "4.0.0" }, config: { require: { docdb: ">=5" } }, messageId: "notRequired", includes: ["5.0.0"] },
        { why: "require that is not a range", props: { engineVersion: "5.0.0" }, config: { require: { docdb: "5..0" } }, messageId: "invalidRequire" },
        { why: "synthetic data: a deprecated version", props: { engineVersion: "4.0.0" }, env: SYNTHETIC_DATA, messageId: "deprecated", includes: ["5.0.0"] },
        { why: "synthetic data: past the dated end of support", props: { engineVersion: "3.6.0" }, env: SYNTHETIC_DATA, messageId: "endOfSupport", includes: ["2027-03-30"] },
        { why: "synthetic data: the 3.6 line is retired", props: { engineVersion: "3.6" }, env: SYNTHETIC_DATA, messageId: "retiredLine" },
        { why: "data file missing", props: { engineVersion: "5.0.0" }, env: NO_DATA, messageId: "dataUnavailable", includes: ["engine-versions.json"] },
        { why: "data file corrupt", props: { engineVersion: "5.0.0" }, env: CORRUPT_DATA, messageId: "dataUnavailable", includes: ["corrupt"] },
    ],
};
