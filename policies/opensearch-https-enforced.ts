import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { asBool, isRecord, isSet, isUnknown } from "../lib/values";

type DomainArgs = aws.opensearch.DomainArgs & aws.elasticsearch.DomainArgs;
const ENDPOINT: keyof DomainArgs = "domainEndpointOptions";
const NODE_TO_NODE: keyof DomainArgs = "nodeToNodeEncryption";
const ENFORCE = `${ENDPOINT}.enforceHttps`;
const NODE_ENABLED = `${NODE_TO_NODE}.enabled`;

export default definePolicy({
    kind: "resource",
    name: "opensearch-https-enforced",
    family: "transport",
    description: "OpenSearch and Elasticsearch domains refuse plain HTTP and encrypt traffic between their nodes.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative(["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"]),
    messages: {
        httpsNotEnforced:
            "domainEndpointOptions.enforceHttps is {{value}}{{note}}, so the endpoint also answers plain HTTP and queries, documents and credentials can " +
            "cross the network unencrypted. Set `domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: \"Policy-Min-TLS-1-2-PFS-2023-10\" }`.",
        nodeToNodeOff:
            "nodeToNodeEncryption.enabled is {{value}}{{note}}, so data replicated and queried between the domain's nodes travels unencrypted. " +
            "Set `nodeToNodeEncryption: { enabled: true }` (OpenSearch, or Elasticsearch 6.0+).",
    },
    remediationSteps:
        "Add `domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: \"Policy-Min-TLS-1-2-PFS-2023-10\" }` and " +
        "`nodeToNodeEncryption: { enabled: true }`. Clients must then use https:// URLs. Node-to-node encryption needs OpenSearch or Elasticsearch 6.0+; " +
        "turning it on for an existing domain needs Elasticsearch 6.7+ and may replace a domain on older provider versions, so plan it.",
    // No fix: enforcing HTTPS breaks clients that still call http://, and node-to-node encryption depends on the engine version.
    check({ get, report }) {
        const endpoint = get(ENDPOINT);
        if (!isRecord(endpoint)) {
            if (!isUnknown(endpoint)) report("httpsNotEnforced", { property: ENFORCE, value: undefined, note: " (no domainEndpointOptions block: the API default accepts HTTP)" });
        } else {
            // Inside the block the provider defaults enforceHttps to true.
            const enforce = get(ENFORCE);
            if (!isUnknown(enforce) && isSet(enforce) && asBool(enforce) !== true) report("httpsNotEnforced", { property: ENFORCE, value: enforce, note: "" });
        }
        const enabled = get(NODE_ENABLED);
        if (!isUnknown(enabled) && asBool(enabled) !== true) {
            report("nodeToNodeOff", { property: NODE_ENABLED, value: enabled, note: isSet(enabled) ? "" : " (not set: the default is false)" });
        }
    },
});
