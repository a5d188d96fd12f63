import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { AwsRange, RETENTION_FACTS, RETENTION_LIMITS as limits } from "../lib/retention-limits";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { asNumber, isSet, isUnknown } from "../lib/values";

interface BackupConfig {
    minDays: number;
    maxDays: number;
    exactDays: number;
}

const PERIOD: keyof aws.rds.ClusterArgs & keyof aws.rds.InstanceArgs & keyof aws.docdb.ClusterArgs & keyof aws.neptune.ClusterArgs = "backupRetentionPeriod";
const REPLICA_SOURCE: keyof aws.rds.InstanceArgs = "replicateSourceDb";
const INSTANCE = "aws:rds/instance:Instance";

// What AWS accepts per engine API: instances may turn backups off (0), clusters keep at least 1 day.
const AWS_RANGE: Readonly<Record<string, AwsRange>> = {
    [INSTANCE]: limits.backupRetentionDays.rdsInstance,
    "aws:rds/cluster:Cluster": limits.backupRetentionDays.rdsCluster,
    "aws:docdb/cluster:Cluster": limits.backupRetentionDays.docdbCluster,
    "aws:neptune/cluster:Cluster": limits.backupRetentionDays.neptuneCluster,
};

export default definePolicy<BackupConfig>({
    kind: "resource",
    name: "rds-backup-retention",
    family: "retention",
    description: "RDS, Aurora, DocumentDB and Neptune databases keep automated backups for at least minDays (or exactly exactDays), within what AWS accepts.",
    enforcementLevel: "advisory",
    severity: "medium",
    types: withNative(Object.keys(AWS_RANGE)),
    config: {
        minDays: { type: "integer", minimum: 0, maximum: 35, default: 7, description: "Shortest backup retention allowed, in days." },
        maxDays: { type: "integer", minimum: 1, maximum: 35, default: 35, description: "Longest backup retention allowed, in days (AWS's own maximum is 35)." },
        exactDays: {
            type: "integer",
            minimum: 0,
            maximum: 35,
            default: 0,
            description: "If not 0, backup retention must be exactly this many days (some teams require 30); minDays and maxDays are then ignored.",
        },
    },
    messages: {
        notSet:
            "{{property}} is not set, so automated backups are kept for at most AWS's default of 1 day; set at least {{minDays}} days. " +
            "With one day of backups, a bad migration or deletion noticed later can no longer be restored. " + RETENTION_FACTS,
        disabled:
            "{{property}} is {{value}}, which turns automated backups off; set at least {{minDays}} days. " +
            "Without backups the database cannot be restored to a point in time and cannot be the source of a read replica.",
        tooShort: "{{property}} is {{value}} days, below the minimum of {{minDays}}; raise it so a bad change can still be restored from an automated backup.",
        tooLong:
            "{{property}} is {{value}} days, above the maximum of {{maxDays}}; lower it. " +
            "AWS rejects more than 35 days when it creates the database; below that, the maximum bounds backup storage cost. " + RETENTION_FACTS,
        notExact:
            "{{property}} is {{value}}, but exactDays requires exactly {{exactDays}} days (unset means AWS's default of 1 day); set `{{property}}: {{exactDays}}`. " + RETENTION_FACTS,
        invalid: "{{property}} is {{value}}, which is not a whole number of days; set a number from {{minDays}} to {{maxDays}}, or AWS rejects the create.",
    },
    framework: fsbp("RDS.11", "RDS instances should have automatic backups enabled"),
    remediationSteps:
        "Set `backupRetentionPeriod` to a number of days from minDays to maxDays (or exactly exactDays). " +
        "Read replicas (replicateSourceDb) are exempt: their backups follow their own rules.",
    check({ resource, config, get, report }) {
        const range = AWS_RANGE[resource.type];
        if (resource.type === INSTANCE) {
            const source = get(REPLICA_SOURCE);
            if (isUnknown(source) || isSet(source)) return;
        }
        const value = get(PERIOD);
        if (isUnknown(value)) return;
        const unset = value === undefined || value === null;
        const days = unset ? range.default : asNumber(value);
        const minDays = Math.max(config.minDays, range.min);
        const maxDays = Math.min(config.maxDays, range.max);
        const data = { property: PERIOD, value, minDays, maxDays, exactDays: config.exactDays };
        if (days === undefined || !Number.isInteger(days)) report("invalid", data);
        else if (config.exactDays > 0) {
            if (days !== config.exactDays) report("notExact", data);
        } else if (days < minDays) report(unset ? "notSet" : days === 0 && range.min === 0 ? "disabled" : "tooShort", data);
        else if (days > maxDays) report("tooLong", data);
    },
});
