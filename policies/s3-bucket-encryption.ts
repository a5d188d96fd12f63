import { matchesAny } from "../lib/glob";
import { Graph } from "../lib/graph";
import { isAwsManagedKey } from "../lib/kms";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { Resource } from "../lib/resource";
import { BUCKET_TYPES, WEBSITE_TYPES, attachedTo, isWebsiteBucket, splitTypes } from "../lib/s3";
import { asArray, asString, get, hasUnknown, isSet } from "../lib/values";

const SSE_TYPES = splitTypes("BucketServerSideEncryptionConfiguration");
// ELB access logs can only be written to SSE-S3 buckets, so those buckets must stay on AES256.
const LOG_WRITERS = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer", "aws:elb/loadBalancer:LoadBalancer"];
const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

interface Config {
    exemptBuckets: string[];
}

/** One applyServerSideEncryptionByDefault block, with the resource and path it was read from. */
interface SseDefault {
    holder: Resource;
    path: string;
    algorithm: unknown;
    key: unknown;
}

/** Default-encryption blocks of a split config or of a bucket's inline (v6 Bucket / BucketV2) config. */
function defaultsOf(r: Resource): SseDefault[] {
    const out: SseDefault[] = [];
    const add = (block: unknown, path: string): void => {
        if (isSet(block)) out.push({ holder: r, path, algorithm: get(block, "sseAlgorithm"), key: get(block, "kmsMasterKeyId") });
    };
    if (SSE_TYPES.includes(r.type)) {
        asArray(get(r.props, "rules")).forEach((rule, i) => add(get(rule, "applyServerSideEncryptionByDefault"), `rules[${i}].applyServerSideEncryptionByDefault`));
        return out;
    }
    const inline = get(r.props, "serverSideEncryptionConfiguration");
    add(get(inline, "rule.applyServerSideEncryptionByDefault"), "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault");
    asArray(get(r.props, "serverSideEncryptionConfigurations")).forEach((c, i) =>
        asArray(get(c, "rules")).forEach((rule, j) =>
            asArray(get(rule, "applyServerSideEncryptionByDefaults")).forEach((block, k) =>
                add(block, `serverSideEncryptionConfigurations[${i}].rules[${j}].applyServerSideEncryptionByDefaults[${k}]`),
            ),
        ),
    );
    return out;
}

function customerManaged(d: SseDefault): boolean {
    const algorithm = asString(d.algorithm);
    return algorithm !== undefined && KMS_ALGORITHMS.includes(algorithm) && isSet(d.key) && !isAwsManagedKey(d.key);
}

function isLogBucket(graph: Graph, bucket: Resource): boolean {
    return graph.usersOf(bucket, LOG_WRITERS, "accessLogs").length > 0 || graph.ofType(...LOG_WRITERS).some((lb) => {
        const name = asString(get(lb.props, "accessLogs.bucket"));
        return name !== undefined && name === asString(get(bucket.props, "bucket"));
    });
}

function exempt(config: Config, names: unknown[]): boolean {
    const patterns = config.exemptBuckets ?? [];
    return names.some((n) => {
        const s = asString(n);
        return s !== undefined && matchesAny(s, patterns);
    });
}

export default definePolicy<Config>({
    kind: "stack",
    name: "s3-bucket-encryption",
    family: "encryption",
    description: "S3 buckets encrypt by default with SSE-KMS (or DSSE-KMS) under a customer-managed key rather than the SSE-S3 default.",
    enforcementLevel: "advisory",
    severity: "medium",
    types: withNative([...BUCKET_TYPES, ...SSE_TYPES, ...LOG_WRITERS, ...WEBSITE_TYPES]),
    config: {
        exemptBuckets: {
            type: "array",
            items: { type: "string", minLength: 1 },
            default: [],
            description: "Glob patterns of bucket logical names or bucket names that may stay on SSE-S3 (e.g. log buckets written by services that cannot use KMS).",
        },
    },
    messages: {
        noDefault:
            "no server-side encryption default (applyServerSideEncryptionByDefault) is set for this bucket, so S3 uses SSE-S3, AWS-managed AES256 keys " +
            "(the default since January 2023); add an aws.s3.BucketServerSideEncryptionConfiguration with `sseAlgorithm: \"aws:kms\"` and " +
            "`kmsMasterKeyId: key.arn`. Only a customer-managed key lets you restrict and audit who can decrypt the objects.",
        sseS3:
            "{{property}} is {{value}}, which keeps the bucket on SSE-S3 (keys owned and managed by AWS); use `sseAlgorithm: \"aws:kms\"` " +
            "(or \"aws:kms:dsse\") with `kmsMasterKeyId` set to a customer-managed key, so access to the data is governed and logged by its key policy.",
        awsManagedKey:
            "{{property}} is {{value}}, so S3 uses the AWS-managed aws/s3 key, whose key policy you cannot change or share across accounts; " +
            "set `kmsMasterKeyId` to a customer-managed aws.kms.Key (and consider `bucketKeyEnabled: true` to cut KMS costs).",
    },
    remediationSteps:
        "Add `new aws.s3.BucketServerSideEncryptionConfiguration(name, { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: " +
        "{ sseAlgorithm: \"aws:kms\", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }] })`. Buckets that receive ELB access logs (which " +
        "require SSE-S3) and website buckets (whose endpoints cannot serve SSE-KMS objects) are not reported for SSE-S3; list other such buckets in `exemptBuckets`. A bucket without any configuration is still " +
        "encrypted (SSE-S3), so this policy is advisory.",
    check({ graph, config, report }) {
        const seen = new Set<Resource>();
        const judge = (subject: Resource, defaults: SseDefault[], sseS3Allowed: boolean): void => {
            // A default we cannot read yet (or one whose key is another resource's output) may be the customer-managed one.
            if (defaults.some((d) => hasUnknown(d.algorithm) || hasUnknown(d.key)) || defaults.some(customerManaged)) return;
            const kms = defaults.find((d) => KMS_ALGORITHMS.includes(asString(d.algorithm) ?? ""));
            if (kms) {
                report("awsManagedKey", { property: `${kms.path}.kmsMasterKeyId`, value: kms.key }, kms.holder);
            } else if (sseS3Allowed) {
                // Log and website buckets must stay on SSE-S3: nothing to report.
            } else if (defaults.length > 0) {
                report("sseS3", { property: `${defaults[0].path}.sseAlgorithm`, value: defaults[0].algorithm }, defaults[0].holder);
            } else {
                report("noDefault", {}, subject);
            }
        };
        for (const bucket of graph.ofType(...BUCKET_TYPES)) {
            const split = attachedTo(graph, bucket, SSE_TYPES);
            split.forEach((s) => seen.add(s));
            if (exempt(config, [bucket.name, get(bucket.props, "bucket")])) continue;
            // S3 website endpoints cannot serve SSE-KMS objects to anonymous readers, so website buckets stay on SSE-S3 too.
            judge(bucket, [...defaultsOf(bucket), ...split.flatMap(defaultsOf)], isLogBucket(graph, bucket) || isWebsiteBucket(graph, bucket));
        }
        // Configurations for buckets declared elsewhere are judged on their own.
        for (const sse of graph.ofType(...SSE_TYPES)) {
            if (seen.has(sse) || exempt(config, [get(sse.props, "bucket")])) continue;
            const defaults = defaultsOf(sse);
            if (defaults.length > 0) judge(sse, defaults, false);
        }
    },
});
