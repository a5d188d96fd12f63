import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { VERSION_CONFIG, VERSION_NOTES, VersionConfig, checkVersion, parseVersion, textOf, versionMessages } from "../lib/versions";

const ENGINE_VERSION: keyof aws.opensearch.DomainArgs = "engineVersion";
const ES_VERSION: keyof aws.elasticsearch.DomainArgs = "elasticsearchVersion";

const ES_DOMAIN = "aws:elasticsearch/domain:Domain";

export default definePolicy<VersionConfig>({
    kind: "resource",
    name: "opensearch-engine-version",
    family: "versions",
    description: "OpenSearch Service domains use an OpenSearch or Elasticsearch version AWS offers (not withdrawn or past extended support).",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative(["aws:opensearch/domain:Domain", ES_DOMAIN]),
    config: VERSION_CONFIG,
    messages: versionMessages("OpenSearch Service ({{engine}})"),
    advisoryMessages: VERSION_NOTES,
    remediationSteps:
        "Set the version to one AWS lists (the message names the nearest ones, e.g. \"OpenSearch_2.19\"), or leave engineVersion unset for the newest OpenSearch. " +
        "If AWS released the version after the pack's data snapshot, add it to `allow`.",
    check({ resource, get, config, report }) {
        const property = resource.type === ES_DOMAIN ? ES_VERSION : ENGINE_VERSION;
        const value = textOf(get(property));
        if (value === undefined) return;
        // The legacy Elasticsearch API takes "7.10" for what the OpenSearch API calls "Elasticsearch_7.10".
        const version = /^\d/.test(value) ? `Elasticsearch_${value}` : value;
        const family = parseVersion(version).family.toLowerCase();
        const engine = family === "elasticsearch_" ? "elasticsearch" : "opensearch";
        const bare = version.slice(family.length);
        checkVersion(
            { config, report },
            { engine, dataKey: "opensearch", property, value, version, aliases: [bare], lineParts: 1, endLabel: "end of extended support" },
        );
    },
});
