import { Cases, UNKNOWN, secret } from "../tester";

const REPLICA = "aws:dynamodb/tableReplica:TableReplica";
const KEYS = { hashKey: "id", attributes: [{ name: "id", type: "S" }], billingMode: "PAY_PER_REQUEST" };

export const cases: Cases = {
    valid: [
        { why: "ordinary program: PITR on", props: { ...KEYS, name: "orders-pr12", pointInTimeRecovery: { enabled: true } } },
        { why: "string form of true", props: { ...KEYS, pointInTimeRecovery: { enabled: "true" } } },
        { why: "PITR with a 35-day period", props: { ...KEYS, pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 } } },
        { why: "unknown during preview", props: { ...KEYS, pointInTimeRecovery: UNKNOWN } },
        { why: "enabled unknown", props: { ...KEYS, pointInTimeRecovery: { enabled: UNKNOWN } } },
        { why: "global table replicas with PITR", props: { ...KEYS, pointInTimeRecovery: { enabled: true }, replicas: [{ regionName: "us-west-2", pointInTimeRecovery: true }] } },
        { why: "replica list unknown", props: { ...KEYS, pointInTimeRecovery: { enabled: true }, replicas: UNKNOWN } },
        { why: "replica resource with PITR", type: REPLICA, props: { globalTableArn: UNKNOWN, pointInTimeRecovery: true } },
        { why: "secret-wrapped true", props: { ...KEYS, pointInTimeRecovery: { enabled: secret(true) } } },
        { why: "period at the configured minimum", props: { pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 7 } }, config: { minRecoveryPeriodDays: 7 } },
        { why: "malformed replica entries are skipped", props: { ...KEYS, pointInTimeRecovery: { enabled: true }, replicas: [null, "us-west-2"] } },
    ],
    invalid: [
        { why: "seed-style table without PITR (AWS default off)", props: { ...KEYS, name: "transactions-pr12" }, messageId: "disabled", includes: ["not set", "enabled: true"] },
        { why: "explicitly disabled", props: { ...KEYS, pointInTimeRecovery: { enabled: false } }, messageId: "disabled", includes: ["false"] },
        { why: "malformed block: left to the program", props: { pointInTimeRecovery: "yes" }, messageId: "disabled", fixes: false },
        { why: "replica resource without PITR", type: REPLICA, props: { globalTableArn: UNKNOWN }, messageId: "disabled" },
        { why: "global table replica without PITR", props: { ...KEYS, pointInTimeRecovery: { enabled: true }, replicas: [{ regionName: "us-west-2" }] }, messageId: "replicaDisabled", includes: ["pointInTimeRecovery of the replica in us-west-2 is not set"], fixes: false },
        { why: "recovery period below the minimum", props: { pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 3 } }, config: { minRecoveryPeriodDays: 14 }, messageId: "shortPeriod", includes: ["14"], fixes: false },
        { why: "disabled next to another setting: the fix leaves the block to the program", props: { pointInTimeRecovery: { enabled: false, recoveryPeriodInDays: 7 } }, messageId: "disabled", fixes: false },
        { why: "secret table name never printed", props: { name: secret("secret-table-name"), pointInTimeRecovery: { enabled: false } }, messageId: "disabled" },
        { why: "the message names the table's enabled flag", props: { ...KEYS, pointInTimeRecovery: { enabled: false } }, messageId: "disabled", includes: ["pointInTimeRecovery.enabled is false"] },
        { why: "replica resource with PITR off: the message names its flag", type: REPLICA, props: { globalTableArn: UNKNOWN, pointInTimeRecovery: false }, messageId: "disabled", includes: ["pointInTimeRecovery is false"] },
    ],
};
