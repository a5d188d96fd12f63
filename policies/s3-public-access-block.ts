import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { BUCKET_TYPES, attachedTo, isWebsiteBucket } from "../lib/s3";
import { asBool, isUnknown } from "../lib/values";

const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const ACCOUNT_BLOCK = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
const FLAGS: readonly (keyof aws.s3.BucketPublicAccessBlockArgs & keyof aws.s3.AccountPublicAccessBlockArgs)[] = [
    "blockPublicAcls",
    "blockPublicPolicy",
    "ignorePublicAcls",
    "restrictPublicBuckets",
];

export default definePolicy({
    kind: "stack",
    name: "s3-public-access-block",
    family: "public-access",
    description:
        "No S3 bucket's BucketPublicAccessBlock turns a flag off (mandatory); a bucket with no declared block is an advisory note, since AWS blocks public access on new buckets by default.",
    enforcementLevel: "mandatory",
    severity: "critical",
    types: withNative([...BUCKET_TYPES, BLOCK, ACCOUNT_BLOCK]),
    messages: {
        missing:
            "no aws.s3.BucketPublicAccessBlock refers to this bucket; add one with `bucket: <bucket>.id` and all four flags true. " +
            "AWS turns Block Public Access on for new buckets (since April 2023), but as a setting the program does not manage: anyone can switch it off " +
            "from the console or another tool without any preview showing a change, and the next public ACL or bucket policy then exposes the objects. " +
            "A declared block keeps it on, and any change to it goes through review.",
        flagOff:
            "{{block}} sets {{property}} to {{value}}; set {{flags}} to true. A public access block with a flag off " +
            "lets a public ACL or bucket policy expose the bucket's objects.",
    },
    // Since April 2023 new buckets have Block Public Access on (S3 User Guide, "Blocking public access to your Amazon S3 storage"):
    // an undeclared block is drift protection, not exposure; a declared block with a flag off is a deliberate opening.
    advisoryMessages: ["missing"],
    framework: fsbp("S3.8", "S3 general purpose buckets should block public access"),
    remediationSteps:
        "Add `new aws.s3.BucketPublicAccessBlock(name, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, " +
        "ignorePublicAcls: true, restrictPublicBuckets: true })` for each bucket. Buckets that serve a website are not checked.",
    check({ graph, report }) {
        const accountBlocked = graph.ofType(ACCOUNT_BLOCK).some((a) => FLAGS.every((f) => asBool(a.props[f]) === true || isUnknown(a.props[f])));
        if (accountBlocked) return;
        for (const bucket of graph.ofType(...BUCKET_TYPES)) {
            if (isWebsiteBucket(graph, bucket)) continue;
            const blocks = attachedTo(graph, bucket, [BLOCK]);
            if (blocks.length === 0) {
                report("missing", {}, bucket);
                continue;
            }
            // One complete block is enough; otherwise name the first flag that is off.
            const offs = blocks.map((b) => ({ b, off: FLAGS.filter((f) => !isUnknown(b.props[f]) && asBool(b.props[f]) !== true) }));
            if (offs.some((o) => o.off.length === 0)) continue;
            const { b, off } = offs[0];
            report("flagOff", { block: b.name, property: off[0], value: b.props[off[0]], flags: off.join(", ") }, bucket);
        }
    },
});
