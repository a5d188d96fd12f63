import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { asBool, isUnknown } from "../lib/values";

const BLOCK: keyof aws.opensearch.DomainArgs & keyof aws.elasticsearch.DomainArgs = "encryptAtRest";
const ENABLED = `${BLOCK}.enabled`;

export default definePolicy({
    kind: "resource",
    name: "opensearch-encrypted-at-rest",
    family: "encryption",
    description: "OpenSearch and Elasticsearch domains encrypt their data at rest.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative(["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"]),
    messages: {
        notEncrypted:
            "encryptAtRest.enabled is {{value}}; without `encryptAtRest: { enabled: true }` the domain is created unencrypted. Set it (optionally with `kmsKeyId`): " +
            "otherwise indices, logs, swap files and automated snapshots are stored in plaintext. It needs OpenSearch or Elasticsearch 5.1+ and an instance type that supports it (not T2).",
    },
    framework: fsbp("Opensearch.1", "OpenSearch domains should have encryption at rest enabled"),
    remediationSteps:
        "Add `encryptAtRest: { enabled: true }` (and `kmsKeyId` for a customer-managed key) to the domain, on OpenSearch or Elasticsearch 5.1+ and " +
        "an instance type that supports encryption at rest. Once enabled it cannot be turned off.",
    // No fix: older engine versions and T2 instance types cannot encrypt, so flipping the flag alone could break the deploy.
    check({ get, report }) {
        const enabled = get(ENABLED);
        if (isUnknown(enabled) || asBool(enabled) === true) return;
        report("notEncrypted", { property: ENABLED, value: enabled });
    },
});
