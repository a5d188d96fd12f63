import type * as aws from "@pulumi/aws";
import { Graph } from "../lib/graph";
import { grantsAnyone, principalStatementsOf } from "../lib/iam";
import { definePolicy } from "../lib/policy";
import { Resource } from "../lib/resource";
import { BUCKET_TYPES, attachedTo, isWebsiteBucket } from "../lib/s3";
import { asArray, asBool, asString, get, isUnknown } from "../lib/values";

const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const ACCOUNT_BLOCK = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
const BLOCK_POLICY: keyof aws.s3.BucketPublicAccessBlockArgs & keyof aws.s3.AccountPublicAccessBlockArgs = "blockPublicPolicy";
const POLICY: keyof aws.s3.BucketPolicyArgs & keyof aws.sqs.QueuePolicyArgs & keyof aws.kms.KeyArgs = "policy";
const ACCESS_POLICIES: keyof aws.opensearch.DomainArgs & keyof aws.opensearch.DomainPolicyArgs = "accessPolicies";

interface Holder {
    /** What anyone could use, for messages. */
    kind: string;
    property: string;
    /** A standalone policy resource that replaces this inline property: [its type, its link property, keys of this resource it may name]. */
    managedBy?: [string, string, string[]];
}

const OPENSEARCH_DOMAINS = ["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"];

const HOLDERS: Record<string, Holder> = {
    [BUCKET_POLICY]: { kind: "bucket", property: POLICY },
    "aws:s3/bucket:Bucket": { kind: "bucket", property: POLICY, managedBy: [BUCKET_POLICY, "bucket", ["bucket", "id"]] },
    "aws:s3/bucketV2:BucketV2": { kind: "bucket", property: POLICY, managedBy: [BUCKET_POLICY, "bucket", ["bucket", "id"]] },
    "aws:sqs/queuePolicy:QueuePolicy": { kind: "queue", property: POLICY },
    "aws:sqs/queue:Queue": { kind: "queue", property: POLICY, managedBy: ["aws:sqs/queuePolicy:QueuePolicy", "queueUrl", ["url", "id"]] },
    "aws:sns/topicPolicy:TopicPolicy": { kind: "topic", property: POLICY },
    "aws:sns/topic:Topic": { kind: "topic", property: POLICY, managedBy: ["aws:sns/topicPolicy:TopicPolicy", "arn", ["arn", "id"]] },
    "aws:kms/keyPolicy:KeyPolicy": { kind: "KMS key", property: POLICY },
    "aws:kms/key:Key": { kind: "KMS key", property: POLICY, managedBy: ["aws:kms/keyPolicy:KeyPolicy", "keyId", ["keyId", "id", "arn"]] },
    "aws:kms/replicaKey:ReplicaKey": { kind: "KMS key", property: POLICY },
    "aws:ecr/repositoryPolicy:RepositoryPolicy": { kind: "container repository", property: POLICY },
    "aws:secretsmanager/secretPolicy:SecretPolicy": { kind: "secret", property: POLICY },
    "aws:secretsmanager/secret:Secret": { kind: "secret", property: POLICY, managedBy: ["aws:secretsmanager/secretPolicy:SecretPolicy", "secretArn", ["arn", "id"]] },
    "aws:opensearch/domainPolicy:DomainPolicy": { kind: "search domain", property: ACCESS_POLICIES },
    "aws:opensearch/domain:Domain": { kind: "search domain", property: ACCESS_POLICIES, managedBy: ["aws:opensearch/domainPolicy:DomainPolicy", "domainName", ["domainName"]] },
    "aws:elasticsearch/domainPolicy:DomainPolicy": { kind: "search domain", property: ACCESS_POLICIES },
    "aws:elasticsearch/domain:Domain": { kind: "search domain", property: ACCESS_POLICIES, managedBy: ["aws:elasticsearch/domainPolicy:DomainPolicy", "domainName", ["domainName"]] },
    "aws:cloudwatch/eventBusPolicy:EventBusPolicy": { kind: "event bus", property: POLICY },
    "aws:backup/vaultPolicy:VaultPolicy": { kind: "backup vault", property: POLICY },
};

/** The resources of `types` that a resource's `property` names, by dependency or by literal value of `keys`. */
function named(graph: Graph, r: Resource, property: string, types: readonly string[], keys: readonly string[]): Resource[] {
    const found = new Set(graph.sourcesOf(r, property).filter((s) => types.includes(s.type)));
    const literal = asString(get(r.props, property));
    if (literal) for (const t of graph.ofType(...types)) if (keys.some((k) => asString(get(t.props, k)) === literal)) found.add(t);
    return [...found];
}

/**
 * A search domain reachable only from its VPC, or behind fine-grained access control, is not opened to anyone by an
 * open access policy (AWS documents that combination as the usual one); undefined when the domain is not in the stack.
 */
function domainGuarded(graph: Graph, r: Resource): boolean | undefined {
    const domains = OPENSEARCH_DOMAINS.includes(r.type) ? [r] : named(graph, r, "domainName", OPENSEARCH_DOMAINS, ["domainName"]);
    if (domains.length === 0) return undefined;
    return domains.some((d) => {
        const subnets = get(d.props, "vpcOptions.subnetIds");
        const fgac = get(d.props, "advancedSecurityOptions.enabled");
        return isUnknown(subnets) || asArray(subnets).length > 0 || isUnknown(fgac) || asBool(fgac) === true;
    });
}

/** The bucket a bucket policy applies to (the bucket itself for an inline policy), when it is in the stack. */
function bucketOf(graph: Graph, r: Resource): Resource | undefined {
    return r.type === BUCKET_POLICY ? named(graph, r, "bucket", BUCKET_TYPES, ["bucket", "id"])[0] : r;
}

/** Blocks that cover the bucket a bucket policy (or a bucket's inline policy) applies to. */
function blocksFor(graph: Graph, r: Resource, bucket: Resource | undefined): Resource[] {
    const found = new Set(bucket ? attachedTo(graph, bucket, [BLOCK]) : []);
    if (r.type === BUCKET_POLICY) {
        const sources = new Set(r.propertyDependencies.bucket ?? []);
        const literal = asString(get(r.props, "bucket"));
        for (const b of graph.ofType(BLOCK)) {
            if ((b.propertyDependencies.bucket ?? []).some((u) => sources.has(u)) || (literal && asString(get(b.props, "bucket")) === literal)) found.add(b);
        }
    }
    return [...found];
}

interface BlockFinding {
    id: "blockedByAccessBlock" | "blockedByDefault" | "racesAccessBlock";
    data: Record<string, string>;
}

/** How S3 Block Public Access treats a public policy on this bucket: refused, refused on a new bucket, or raced. */
function accessBlockFinding(graph: Graph, r: Resource, bucket: Resource | undefined): BlockFinding | undefined {
    const blocks = blocksFor(graph, r, bucket);
    const accountBlock = graph.ofType(ACCOUNT_BLOCK).find((a) => asBool(get(a.props, BLOCK_POLICY)) === true);
    const blocking = blocks.find((b) => asBool(get(b.props, BLOCK_POLICY)) === true) ?? accountBlock;
    if (blocking) return { id: "blockedByAccessBlock", data: { block: blocking.name } };
    if (blocks.length === 0) return bucket ? { id: "blockedByDefault", data: { bucket: bucket.name } } : undefined;
    // Unset is false, as the provider sends it; an unknown flag gives no verdict.
    if (blocks.some((b) => isUnknown(get(b.props, BLOCK_POLICY)))) return undefined;
    const open = blocks[0];
    return r === bucket || !r.dependencies.includes(open.urn) ? { id: "racesAccessBlock", data: { block: open.name } } : undefined;
}

export default definePolicy({
    kind: "stack",
    name: "resource-policy-public",
    family: "public-access",
    description:
        "No bucket, queue, topic, KMS key, ECR repository, secret, search domain, event bus or backup vault policy allows `Principal: \"*\"` without a condition that limits who; a public bucket policy that a public access block would refuse is reported as the deploy failure it is.",
    enforcementLevel: "mandatory",
    severity: "critical",
    types: [...Object.keys(HOLDERS), BLOCK, ACCOUNT_BLOCK],
    advisoryMessages: ["blockedByDefault", "racesAccessBlock"],
    messages: {
        publicPolicy:
            "{{property}} {{statement}} allows Principal {{principal}} to {{actions}} with no condition that limits who: anyone (any AWS account, or anyone " +
            "on the internet) can use this {{kind}}. Name the accounts, roles or service principals that need it, or add a condition on a fixed " +
            "aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpce or aws:SourceIp range (aws:SecureTransport limits how, not who).",
        blockedByAccessBlock:
            "{{property}} {{statement}} makes the bucket public, and {{block}} sets blockPublicPolicy to true: S3 rejects PutBucketPolicy " +
            "with AccessDenied when a block's BlockPublicPolicy is true and the policy is public (S3 API Reference, PublicAccessBlockConfiguration), so the deploy fails. Restrict the statement to named principals or fixed aws:SourceArn/aws:SourceAccount conditions; for a bucket that must be " +
            "public, set blockPublicPolicy to false on that bucket's block and make the policy depend on it.",
        blockedByDefault:
            "{{property}} {{statement}} makes bucket {{bucket}} public, and no aws.s3.BucketPublicAccessBlock in this stack allows that: S3 turns Block Public " +
            "Access on for every new bucket, in every region, since April 2023 (Amazon S3 User Guide, \"Blocking public access to your Amazon S3 " +
            "storage\", as of 2026-11), so PutBucketPolicy fails with AccessDenied on a new bucket. If the bucket must be public, add " +
            "a BucketPublicAccessBlock with blockPublicPolicy false and make the policy depend on it (`dependsOn`).",
        racesAccessBlock:
            "{{property}} {{statement}} is a public policy that relies on {{block}} setting blockPublicPolicy to false, but does not depend on it: on a new " +
            "bucket Pulumi may apply the policy first, while S3's default Block Public Access is still on, and PutBucketPolicy then fails with AccessDenied " +
            "on some runs. Add `dependsOn: [<that block>]` to the bucket policy.",
    },
    remediationSteps:
        "Replace `Principal: \"*\"` / `{ AWS: \"*\" }` in Allow statements with the account, role or service principals that need access, or keep `*` " +
        "and add a Condition with a fixed value of aws:SourceArn, aws:SourceAccount, aws:SourceOwner, aws:PrincipalOrgID, aws:PrincipalAccount, " +
        "aws:SourceVpc(e), kms:CallerAccount or an aws:SourceIp range (not 0.0.0.0/0). Deny statements with `*` (e.g. deny insecure transport) pass. " +
        "Buckets that serve an S3 website are public by design and only checked for the access-block conflict; search domains inside a VPC or with " +
        "fine-grained access control are not checked. For another deliberately public resource, add an exemption with a reason. " +
        "Counterparts: Security Hub S3.2/S3.3 (no public read/write), FSBP KMS.5 (keys not publicly accessible); checkov CKV_AWS_70 (S3), " +
        "CKV_AWS_168 (SQS), CKV_AWS_169 (SNS), CKV_AWS_33 (KMS), CKV_AWS_32 (ECR).",
    check({ graph, report }) {
        for (const [type, holder] of Object.entries(HOLDERS)) {
            for (const r of graph.ofType(type)) {
                if (holder.managedBy && graph.referrers(r, [holder.managedBy[0]], holder.managedBy[1], holder.managedBy[2]).length > 0) continue;
                const isBucket = r.type === BUCKET_POLICY || (BUCKET_TYPES as readonly string[]).includes(r.type);
                const bucket = isBucket ? bucketOf(graph, r) : undefined;
                const website = bucket !== undefined && isWebsiteBucket(graph, bucket);
                const isDomain = holder.property === ACCESS_POLICIES;
                for (const s of principalStatementsOf(get(r.props, holder.property))) {
                    if (grantsAnyone(s) !== true) continue;
                    if (isDomain && domainGuarded(graph, r) !== false) continue;
                    const data = { property: holder.property, statement: s.label };
                    const blocked = isBucket ? accessBlockFinding(graph, r, bucket) : undefined;
                    // A refused policy is reported as the deploy failure; other block notes only matter where public is meant.
                    if (blocked && (website || blocked.id === "blockedByAccessBlock")) report(blocked.id, { ...data, ...blocked.data }, r);
                    else if (!website) {
                        const principal = s.notPrincipal !== undefined ? `everyone but NotPrincipal ${JSON.stringify(s.notPrincipal)}` : s.principal;
                        const actions = s.notAction.present ? "everything but its NotAction" : s.action.values.length > 0 ? s.action.values : "act";
                        report("publicPolicy", { ...data, principal, actions, kind: holder.kind }, r);
                    }
                }
            }
        }
    },
});

