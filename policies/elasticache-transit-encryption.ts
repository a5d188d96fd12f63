import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { asBool, asString, isSet, isUnknown } from "../lib/values";

type GroupArgs = aws.elasticache.ReplicationGroupArgs;
const TRANSIT: keyof GroupArgs = "transitEncryptionEnabled";
const MODE: keyof GroupArgs = "transitEncryptionMode";
const GLOBAL: keyof GroupArgs = "globalReplicationGroupId";

export default definePolicy({
    kind: "resource",
    name: "elasticache-transit-encryption",
    family: "transport",
    description: "ElastiCache (Redis OSS / Valkey) replication groups accept only TLS connections.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative(["aws:elasticache/replicationGroup:ReplicationGroup"]),
    messages: {
        notEncrypted:
            "transitEncryptionEnabled is {{value}}{{note}}, so commands, cached data and any AUTH token cross the network in clear text. " +
            "Set `transitEncryptionEnabled: true` and connect with TLS (rediss://).",
        preferredMode:
            "transitEncryptionMode is {{value}}: the group still accepts unencrypted connections next to TLS ones. Once every client uses TLS, " +
            "set `transitEncryptionMode: \"required\"` (or remove it: required is the default when encryption is on).",
    },
    framework: fsbp("ElastiCache.5", "ElastiCache replication groups should be encrypted in transit"),
    remediationSteps:
        "Set `transitEncryptionEnabled: true` on the replication group and make clients connect with TLS. On an existing group (engine 7.0.5+) " +
        "migrate without downtime: first `transitEncryptionMode: \"preferred\"`, then `\"required\"`; on older engines the change replaces the group. " +
        "Secondary groups of a global datastore (`globalReplicationGroupId`) take the primary's setting and are not checked.",
    // No fix: clients must switch to TLS first, and on engines before 7.0.5 the change replaces the group.
    check({ get, report }) {
        if (isSet(get(GLOBAL))) return;
        const enabled = get(TRANSIT);
        if (isUnknown(enabled)) return;
        if (asBool(enabled) !== true) {
            // CreateReplicationGroup defaults TransitEncryptionEnabled to false for both engines (unlike at-rest, which valkey turns on).
            const note = isSet(enabled) ? "" : " (not set: the API default is false for redis and valkey)";
            report("notEncrypted", { property: TRANSIT, value: enabled, note });
            return;
        }
        const mode = get(MODE);
        if (asString(mode)?.trim().toLowerCase() === "preferred") report("preferredMode", { property: MODE, value: mode });
    },
});
