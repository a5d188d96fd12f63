// The AWS CLI outputs a refresh reads, told apart by content. Member names, enums and date forms are those of the AWS
// API models (botocore service-2.json): rds/docdb/neptune DescribeDBEngineVersions, elasticache
// DescribeCacheEngineVersions, opensearch ListVersions, kafka ListKafkaVersions, eks DescribeClusterVersions.
import { isRecord } from "../values";

/** One version as AWS lists it: offered for new resources or not, and the day AWS stops offering it, when it says. */
export interface ListedVersion {
    version: string;
    deprecated: boolean;
    end?: string;
}

export interface Kind {
    id: "rds" | "elasticache" | "opensearch" | "kafka" | "eks";
    /** The list member of a response page. */
    member: string;
    /** The CLI call that produces it. */
    command: string;
    /** One item of the list as (engine key, version), or a problem. */
    read(item: unknown): { key: string; listed: ListedVersion } | string;
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** A day from an API timestamp: ISO 8601 text (the CLI's default) or epoch seconds (`--cli-timestamp-format none`). */
function dayOf(v: unknown): string | undefined {
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
    if (typeof v === "number" && Number.isFinite(v)) return new Date(v * 1000).toISOString().slice(0, 10);
    return undefined;
}

export const KINDS: readonly Kind[] = [
    {
        // rds, docdb and neptune share the DBEngineVersion shape; `Status` is "available" or "deprecated" (with --include-all).
        id: "rds",
        member: "DBEngineVersions",
        command: "aws rds describe-db-engine-versions --include-all",
        read(item) {
            if (!isRecord(item) || !text(item.Engine) || !text(item.EngineVersion)) return "an entry lacks Engine/EngineVersion";
            const status = text(item.Status);
            return { key: String(item.Engine).toLowerCase(), listed: { version: String(item.EngineVersion), deprecated: status !== undefined && status.toLowerCase() !== "available" } };
        },
    },
    {
        // Lists only what ElastiCache offers: no status.
        id: "elasticache",
        member: "CacheEngineVersions",
        command: "aws elasticache describe-cache-engine-versions",
        read(item) {
            if (!isRecord(item) || !text(item.Engine) || !text(item.EngineVersion)) return "an entry lacks Engine/EngineVersion";
            return { key: String(item.Engine).toLowerCase(), listed: { version: String(item.EngineVersion), deprecated: false } };
        },
    },
    {
        // "OpenSearch_2.17", "Elasticsearch_7.10": what new domains may use.
        id: "opensearch",
        member: "Versions",
        command: "aws opensearch list-versions",
        read(item) {
            return text(item) ? { key: "opensearch", listed: { version: String(item), deprecated: false } } : "an entry is not a version string";
        },
    },
    {
        // KafkaVersionStatus: ACTIVE | DEPRECATED.
        id: "kafka",
        member: "KafkaVersions",
        command: "aws kafka list-kafka-versions",
        read(item) {
            if (!isRecord(item) || !text(item.Version)) return "an entry lacks Version";
            return { key: "kafka", listed: { version: String(item.Version), deprecated: text(item.Status)?.toUpperCase() === "DEPRECATED" } };
        },
    },
    {
        // versionStatus: UNSUPPORTED | STANDARD_SUPPORT | EXTENDED_SUPPORT (older CLIs: status, lower-case with dashes).
        id: "eks",
        member: "clusterVersions",
        command: "aws eks describe-cluster-versions --include-all",
        read(item) {
            if (!isRecord(item) || !text(item.clusterVersion)) return "an entry lacks clusterVersion";
            const status = (text(item.versionStatus) ?? text(item.status) ?? "").toLowerCase().replace(/-/g, "_");
            const end = dayOf(item.endOfExtendedSupportDate) ?? dayOf(item.endOfStandardSupportDate);
            return { key: "eks", listed: { version: String(item.clusterVersion), deprecated: status === "unsupported", ...(end ? { end } : {}) } };
        },
    },
];

const ELASTICACHE_KEYS = ["redis", "valkey", "memcached"];
const SINGLE: Record<string, string> = {
    docdb: "aws docdb describe-db-engine-versions",
    neptune: "aws neptune describe-db-engine-versions",
    opensearch: "aws opensearch list-versions",
    kafka: "aws kafka list-kafka-versions",
    eks: "aws eks describe-cluster-versions --include-all",
};

/** The AWS CLI call whose output renews the list of `key`. */
export function refreshCommandOf(key: string): string {
    if (Object.prototype.hasOwnProperty.call(SINGLE, key)) return SINGLE[key];
    if (ELASTICACHE_KEYS.includes(key)) return "aws elasticache describe-cache-engine-versions";
    return "aws rds describe-db-engine-versions --include-all";
}
