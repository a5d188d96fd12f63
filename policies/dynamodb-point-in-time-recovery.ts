import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { asArray, asBool, asNumber, get as read, isRecord, isUnknown } from "../lib/values";

interface PitrConfig {
    minRecoveryPeriodDays: number;
}

const TABLE = "aws:dynamodb/table:Table";
const PITR: keyof aws.dynamodb.TableArgs & keyof aws.dynamodb.TableReplicaArgs = "pointInTimeRecovery";
const REPLICAS: keyof aws.dynamodb.TableArgs = "replicas";

export default definePolicy<PitrConfig>({
    kind: "resource",
    name: "dynamodb-point-in-time-recovery",
    family: "resilience",
    description: "DynamoDB tables and their replicas have point-in-time recovery on, so a bad write or delete can be undone to any second of the recovery period.",
    enforcementLevel: "advisory",
    severity: "medium",
    types: [TABLE, "aws:dynamodb/tableReplica:TableReplica"],
    config: {
        minRecoveryPeriodDays: {
            type: "integer",
            minimum: 1,
            maximum: 35,
            default: 1,
            description: "Shortest accepted pointInTimeRecovery.recoveryPeriodInDays (AWS allows 1 to 35, default 35).",
        },
    },
    messages: {
        disabled:
            "{{property}} is {{value}}: point-in-time recovery is off (the AWS default), so an accidental overwrite or delete can only be undone from an " +
            "on-demand backup, if one exists. Set `pointInTimeRecovery: { enabled: true }`.",
        replicaDisabled:
            "pointInTimeRecovery of the replica in {{region}} is {{value}}: that replica keeps no continuous backups (off by default), so its region cannot be " +
            "restored to a point in time. Set `pointInTimeRecovery: true` on the replica.",
        shortPeriod:
            "pointInTimeRecovery.recoveryPeriodInDays is {{value}}, shorter than the {{min}} days the policy's minRecoveryPeriodDays asks for; a problem " +
            "noticed later cannot be undone. Raise it (AWS allows up to 35).",
    },
    framework: fsbp("DynamoDB.2", "DynamoDB tables should have point-in-time recovery enabled"),
    remediationSteps:
        "Set `pointInTimeRecovery: { enabled: true }` on the table (`pointInTimeRecovery: true` on an aws.dynamodb.TableReplica or in each `replicas` entry); " +
        "the `remediate` level turns it on for tables that set nothing else in the block.",
    check({ resource, config, get, report }) {
        if (resource.type !== TABLE) {
            const on = get(PITR);
            if (!isUnknown(on) && asBool(on) !== true) report("disabled", { property: PITR, value: on });
            return;
        }
        const enabled = get(`${PITR}.enabled`);
        if (isUnknown(enabled)) return;
        if (asBool(enabled) !== true) {
            report("disabled", { property: `${PITR}.enabled`, value: enabled });
        } else {
            const period = get(`${PITR}.recoveryPeriodInDays`);
            const days = asNumber(period);
            if (days !== undefined && days < (config.minRecoveryPeriodDays ?? 1)) report("shortPeriod", { property: `${PITR}.recoveryPeriodInDays`, value: period, min: config.minRecoveryPeriodDays });
        }
        // An unknown list is one non-record entry, skipped like malformed ones.
        for (const replica of asArray(get(REPLICAS))) {
            if (!isRecord(replica)) continue;
            const on = read(replica, PITR);
            if (!isUnknown(on) && asBool(on) !== true) report("replicaDisabled", { property: PITR, value: on, region: read(replica, "regionName") });
        }
    },
    fix({ resource, get }) {
        if (resource.type !== TABLE) return { [PITR]: true };
        const block = get(PITR);
        // Only a missing block, or one holding nothing but `enabled`, is rewritten: no other setting (or secret) is copied.
        if (block !== undefined && block !== null && !(isRecord(block) && Object.keys(block).every((k) => k === "enabled"))) return undefined;
        if (asBool(get(`${PITR}.enabled`)) === true) return undefined;
        return { [PITR]: { enabled: true } };
    },
});
