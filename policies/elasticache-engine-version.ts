import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { VERSION_CONFIG, VERSION_NOTES, VersionConfig, checkVersion, textOf, versionMessages } from "../lib/versions";

const ENGINE: keyof aws.elasticache.ReplicationGroupArgs & keyof aws.elasticache.ClusterArgs & keyof aws.elasticache.GlobalReplicationGroupArgs = "engine";
const VERSION: keyof aws.elasticache.ReplicationGroupArgs & keyof aws.elasticache.ClusterArgs & keyof aws.elasticache.GlobalReplicationGroupArgs =
    "engineVersion";

const CLUSTER = "aws:elasticache/cluster:Cluster";

// Redis and Valkey lines are majors ("7.1", "6.x"); memcached ships minors side by side ("1.6.22").
const LINE_PARTS: Record<string, number> = { redis: 1, valkey: 1, memcached: 2 };

export default definePolicy<VersionConfig>({
    kind: "resource",
    name: "elasticache-engine-version",
    family: "versions",
    description: "ElastiCache Redis, Valkey and Memcached engine versions are ones AWS offers for new caches.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative(["aws:elasticache/replicationGroup:ReplicationGroup", CLUSTER, "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup"]),
    config: VERSION_CONFIG,
    messages: versionMessages("ElastiCache {{engine}}"),
    advisoryMessages: VERSION_NOTES,
    remediationSteps:
        "Set engineVersion to a version AWS lists for the engine (the message names the nearest ones); major forms such as \"7.1\" or \"6.x\" " +
        "let AWS pick the newest minor. If AWS released the version after the pack's data snapshot, add it to `allow`.",
    check({ resource, get, config, report }) {
        const value = textOf(get(VERSION));
        if (value === undefined) return;
        const engineValue = get(ENGINE);
        // Replication groups (and global ones given a version) default to redis; a bare cluster without engine joins a replication group.
        const absent = engineValue === undefined || engineValue === null;
        const engine = absent ? (resource.type === CLUSTER ? undefined : "redis") : textOf(engineValue);
        // An unknown engine is undefined too: nothing to judge at preview.
        if (engine === undefined) return;
        const key = engine.toLowerCase();
        const lineParts = LINE_PARTS[key];
        checkVersion({ config, report }, { engine, dataKey: lineParts === undefined ? undefined : key, property: VERSION, value, lineParts: lineParts ?? 1 });
    },
});
