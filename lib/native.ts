// aws-native (Cloud Control) resources, checked by the classic policies through one mapping per type: each aws-native
// token names its @pulumi/aws counterpart and how its CloudFormation-style properties read in classic form. A policy
// opts in by listing the aws-native tokens (`types: withNative([...])`); its check then sees a classic view of the
// resource, and its messages name the properties as the aws-native program wrote them.
// Tokens and property names: @pulumi/aws-native 1.79.0 (types/input.d.ts, <service>/<resource>.d.ts, __pulumiType).
import { Graph } from "./graph";
import { carrySecrets } from "./redact";
import { Resource } from "./resource";
import { Props, UNKNOWN, asArray, get, isRecord, isUnknown } from "./values";

/** How one aws-native type reads as its classic counterpart. */
interface NativeType {
    /** The classic type token(s) it stands for; the first unless `pick` says otherwise. */
    classic: readonly string[];
    /** Picks the counterpart from the aws-native inputs (e.g. an Aurora member instance is a ClusterInstance). */
    pick?(props: Props): string;
    /** aws-native top-level property -> classic property, where the names differ. */
    renames?: Readonly<Record<string, string>>;
    /** Structural differences, applied to the renamed copy. */
    reshape?(classic: Props, native: Props): void;
    /** Classic resources AWS keeps inline on this type (an S3 bucket's public access block), made from its inputs. */
    parts?(native: Resource): Resource[];
    /** How classic paths in messages read on this type, beyond the renames (most specific first). */
    shown?: readonly (readonly [RegExp, string])[];
    /** Per policy, where the fix goes on this type when the classic message names a separate classic resource. */
    hints?: Readonly<Record<string, string>>;
    /** Policies whose finding cannot be fixed by any aws-native property: reported as advisory with this text. */
    noFix?: Readonly<Record<string, string>>;
}

/** Sets an own property, whatever its name ("__proto__" included). */
function put(target: Props, key: string, value: unknown): void {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** CloudFormation tag lists ([{ key, value }]) as the classic tags map; unknown when any entry is. */
function tagMap(list: unknown): unknown {
    if (!Array.isArray(list)) return list;
    const out: Props = {};
    for (const t of list) {
        const key = get(t, "key");
        if (isUnknown(t) || isUnknown(key)) return UNKNOWN;
        if (typeof key === "string") put(out, key, get(t, "value"));
    }
    return out;
}

/** Sets `to` from `from` (dotted paths), leaving unset what the native inputs do not set. */
function move(props: Props, from: string, to: string): void {
    const v = get(props, from);
    if (v !== undefined) props[to] = v;
}

/** A security group rule list (securityGroupIngress/Egress) in classic ingress/egress form. */
function sgRules(list: unknown): unknown {
    if (!Array.isArray(list)) return list;
    return list.map((r) => {
        if (!isRecord(r)) return r;
        const out: Props = { protocol: r.ipProtocol, fromPort: r.fromPort, toPort: r.toPort, description: r.description };
        if (r.cidrIp !== undefined) out.cidrBlocks = [r.cidrIp];
        if (r.cidrIpv6 !== undefined) out.ipv6CidrBlocks = [r.cidrIpv6];
        if (r.sourceSecurityGroupId !== undefined) out.securityGroups = [r.sourceSecurityGroupId];
        if (r.sourcePrefixListId !== undefined) out.prefixListIds = [r.sourcePrefixListId];
        return out;
    });
}

/** ALB/NLB attributes ([{ key, value }]) as the classic flags they stand for. */
function lbAttribute(props: Props, key: string): unknown {
    const list = props.loadBalancerAttributes;
    if (isUnknown(list)) return UNKNOWN;
    const hit = asArray(list).find((a) => get(a, "key") === key);
    return hit === undefined ? undefined : get(hit, "value");
}

const S3_BUCKET = "aws:s3/bucket:Bucket";

/** An inline bucket setting as the split classic resource that configures the bucket. */
function bucketPart(bucket: Resource, property: string, type: string, props: Props): Resource {
    return {
        type,
        name: `${bucket.name}.${property}`,
        urn: `${bucket.urn}$${property}`,
        props,
        opts: {},
        provider: bucket.provider,
        parent: bucket.urn,
        dependencies: [bucket.urn],
        propertyDependencies: { bucket: [bucket.urn] },
    };
}

const DB_CLUSTER_RENAMES = { dbClusterIdentifier: "clusterIdentifier", masterUserPassword: "masterPassword", enableCloudwatchLogsExports: "enabledCloudwatchLogsExports" };

const FINAL_SNAPSHOT =
    "aws-native has no skipFinalSnapshot: Cloud Control's delete asks the CloudFormation handler, which takes a final snapshot of a standalone DB instance " +
    "or DB cluster whenever the request does not say otherwise, and Cloud Control never does (aws-cloudformation-resource-providers-rds DeleteHandler, " +
    "`isNotFalse(snapshotRequested)`; as of 2026-12). `pulumi destroy` succeeds but leaves a snapshot that costs money until deleted; " +
    "clean snapshots up after destroy, or use the classic aws.rds resource with `skipFinalSnapshot: true` in ephemeral stacks.";

const NATIVE_TYPES: Readonly<Record<string, NativeType>> = {
    "aws-native:rds:DbCluster": { classic: ["aws:rds/cluster:Cluster"], renames: DB_CLUSTER_RENAMES, noFix: { "skip-final-snapshot": FINAL_SNAPSHOT } },
    "aws-native:rds:DbInstance": {
        classic: ["aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance"],
        // An instance in an Aurora (or Multi-AZ) cluster gets its storage, backups and snapshots from the cluster.
        pick: (p) => (p.dbClusterIdentifier !== undefined && p.dbClusterIdentifier !== null ? "aws:rds/clusterInstance:ClusterInstance" : "aws:rds/instance:Instance"),
        renames: {
            dbInstanceIdentifier: "identifier",
            dbInstanceClass: "instanceClass",
            dbClusterIdentifier: "clusterIdentifier",
            sourceDbInstanceIdentifier: "replicateSourceDb",
            dbSnapshotIdentifier: "snapshotIdentifier",
            masterUsername: "username",
            masterUserPassword: "password",
            enableCloudwatchLogsExports: "enabledCloudwatchLogsExports",
        },
        noFix: { "skip-final-snapshot": FINAL_SNAPSHOT },
    },
    "aws-native:neptune:DbCluster": {
        classic: ["aws:neptune/cluster:Cluster"],
        renames: { dbClusterIdentifier: "clusterIdentifier", enableCloudwatchLogsExports: "enableCloudwatchLogsExports" },
        noFix: {
            "skip-final-snapshot":
                "aws-native has no skipFinalSnapshot: Cloud Control deletes the cluster through the AWS::Neptune::DBCluster handler, which (like the RDS one) may take a " +
                "final snapshot that Cloud Control cannot decline (not verified for Neptune; as of 2026-12). Check for a leftover snapshot after `pulumi destroy`.",
        },
    },
    "aws-native:redshift:Cluster": { classic: ["aws:redshift/cluster:Cluster"], renames: { masterUserPassword: "masterPassword" } },
    "aws-native:elasticache:ReplicationGroup": { classic: ["aws:elasticache/replicationGroup:ReplicationGroup"], renames: { replicationGroupDescription: "description" } },
    "aws-native:opensearchservice:Domain": {
        classic: ["aws:opensearch/domain:Domain"],
        renames: { encryptionAtRestOptions: "encryptAtRest", nodeToNodeEncryptionOptions: "nodeToNodeEncryption" },
        shown: [[/\bencryptAtRest\b/g, "encryptionAtRestOptions"], [/\bnodeToNodeEncryption\b/g, "nodeToNodeEncryptionOptions"]],
    },
    "aws-native:msk:Cluster": { classic: ["aws:msk/cluster:Cluster"] },
    "aws-native:eks:Cluster": { classic: ["aws:eks/cluster:Cluster"] },
    "aws-native:lambda:Function": { classic: ["aws:lambda/function:Function"], renames: { functionName: "name" } },
    "aws-native:logs:LogGroup": { classic: ["aws:cloudwatch/logGroup:LogGroup"], renames: { logGroupName: "name" } },
    "aws-native:sqs:Queue": { classic: ["aws:sqs/queue:Queue"], renames: { queueName: "name", messageRetentionPeriod: "messageRetentionSeconds" } },
    "aws-native:sns:Topic": { classic: ["aws:sns/topic:Topic"], renames: { topicName: "name" } },
    "aws-native:kinesis:Stream": {
        classic: ["aws:kinesis/stream:Stream"],
        renames: { retentionPeriodHours: "retentionPeriod" },
        reshape(c, n) {
            move(c, "streamEncryption.encryptionType", "encryptionType");
            move(c, "streamEncryption.keyId", "kmsKeyId");
            if (isUnknown(n.streamEncryption)) c.encryptionType = c.kmsKeyId = UNKNOWN;
        },
        shown: [[/\bencryptionType\b/g, "streamEncryption.encryptionType"], [/\bkmsKeyId\b/g, "streamEncryption.keyId"]],
    },
    "aws-native:kms:Key": { classic: ["aws:kms/key:Key"], renames: { pendingWindowInDays: "deletionWindowInDays", keyPolicy: "policy", keySpec: "customerMasterKeySpec" } },
    "aws-native:ecr:Repository": {
        classic: ["aws:ecr/repository:Repository"],
        // emptyOnDelete deletes the images with the repository, as forceDelete does (AWS::ECR::Repository EmptyOnDelete).
        renames: { repositoryName: "name", emptyOnDelete: "forceDelete" },
    },
    "aws-native:efs:FileSystem": { classic: ["aws:efs/fileSystem:FileSystem"], renames: { fileSystemTags: "tags" } },
    "aws-native:ec2:Volume": { classic: ["aws:ebs/volume:Volume"] },
    "aws-native:dynamodb:Table": {
        classic: ["aws:dynamodb/table:Table"],
        renames: { tableName: "name" },
        reshape(c, n) {
            c.serverSideEncryption = isUnknown(n.sseSpecification) ? UNKNOWN : n.sseSpecification === undefined ? undefined : { enabled: get(n, "sseSpecification.sseEnabled"), kmsKeyArn: get(n, "sseSpecification.kmsMasterKeyId") };
            c.pointInTimeRecovery = isUnknown(n.pointInTimeRecoverySpecification)
                ? UNKNOWN
                : n.pointInTimeRecoverySpecification === undefined
                  ? undefined
                  : { enabled: get(n, "pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled") };
        },
        shown: [
            [/\bserverSideEncryption\.enabled\b/g, "sseSpecification.sseEnabled"],
            [/\bserverSideEncryption\.kmsKeyArn\b/g, "sseSpecification.kmsMasterKeyId"],
            [/\{ enabled: true, kmsKeyArn: /g, "{ sseEnabled: true, kmsMasterKeyId: "],
            [/\bserverSideEncryption\b/g, "sseSpecification"],
            [/\bpointInTimeRecovery\.enabled\b/g, "pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled"],
            [/\bpointInTimeRecovery\b/g, "pointInTimeRecoverySpecification"],
        ],
    },
    "aws-native:secretsmanager:Secret": { classic: ["aws:secretsmanager/secret:Secret"] },
    "aws-native:cognito:UserPool": { classic: ["aws:cognito/userPool:UserPool"], renames: { userPoolName: "name" } },
    "aws-native:elasticloadbalancingv2:LoadBalancer": {
        classic: ["aws:lb/loadBalancer:LoadBalancer"],
        reshape(c, n) {
            c.enableDeletionProtection = lbAttribute(n, "deletion_protection.enabled");
        },
        shown: [[/\benableDeletionProtection\b/g, 'loadBalancerAttributes "deletion_protection.enabled"']],
    },
    "aws-native:ec2:SecurityGroup": {
        classic: ["aws:ec2/securityGroup:SecurityGroup"],
        renames: { groupName: "name", groupDescription: "description" },
        reshape(c, n) {
            c.ingress = sgRules(n.securityGroupIngress);
            c.egress = sgRules(n.securityGroupEgress);
        },
        shown: [
            [/\bingress\[(\d+)\]\.cidrBlocks\[\d+\]/g, "securityGroupIngress[$1].cidrIp"],
            [/\bingress\[(\d+)\]\.ipv6CidrBlocks\[\d+\]/g, "securityGroupIngress[$1].cidrIpv6"],
            [/\bingress\b/g, "securityGroupIngress"],
        ],
    },
    "aws-native:ec2:SecurityGroupIngress": {
        classic: ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"],
        renames: { cidrIp: "cidrIpv4", groupId: "securityGroupId", sourceSecurityGroupId: "referencedSecurityGroupId", sourcePrefixListId: "prefixListId" },
    },
    "aws-native:s3:Bucket": {
        classic: [S3_BUCKET],
        renames: { bucketName: "bucket", bucketNamePrefix: "bucketPrefix", websiteConfiguration: "website", accessControl: "acl" },
        // CloudFormation spells canned ACLs in PascalCase ("PublicRead"); S3 and the classic provider in kebab case.
        reshape(c) {
            if (typeof c.acl === "string" && !isUnknown(c.acl)) c.acl = c.acl.replace(/(?<=[a-z])(?=[A-Z])/g, "-").toLowerCase();
        },
        // The inline configurations are what the classic provider splits into resources that name the bucket.
        parts(bucket) {
            const out: Resource[] = [];
            const block = bucket.props.publicAccessBlockConfiguration;
            if (block !== undefined && block !== null) {
                const flags = isUnknown(block) ? {} : (isRecord(block) ? block : {});
                const props: Props = { bucket: bucket.props.bucketName };
                for (const f of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) props[f] = isUnknown(block) ? UNKNOWN : flags[f];
                out.push(bucketPart(bucket, "publicAccessBlockConfiguration", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", props));
            }
            const sse = bucket.props.bucketEncryption;
            if (sse !== undefined && sse !== null) {
                const rules = isUnknown(sse)
                    ? UNKNOWN
                    : asArray(get(sse, "serverSideEncryptionConfiguration")).map((r) => ({
                          applyServerSideEncryptionByDefault: get(r, "serverSideEncryptionByDefault"),
                          bucketKeyEnabled: get(r, "bucketKeyEnabled"),
                      }));
                const props = { bucket: bucket.props.bucketName, rules };
                out.push(bucketPart(bucket, "bucketEncryption", "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", props));
            }
            const ownership = bucket.props.ownershipControls;
            if (ownership !== undefined && ownership !== null) {
                const props = { bucket: bucket.props.bucketName, rule: isUnknown(ownership) ? UNKNOWN : get(ownership, "rules.0") };
                out.push(bucketPart(bucket, "ownershipControls", "aws:s3/bucketOwnershipControls:BucketOwnershipControls", props));
            }
            return out;
        },
        hints: {
            "s3-public-access-block": "On aws-native:s3:Bucket, set `publicAccessBlockConfiguration` with all four flags true on the bucket itself (or add a classic BucketPublicAccessBlock).",
            "s3-bucket-encryption": "On aws-native:s3:Bucket, set `bucketEncryption.serverSideEncryptionConfiguration` on the bucket itself.",
        },
        noFix: {
            "s3-force-destroy":
                "aws-native:s3:Bucket has no forceDestroy: Cloud Control deletes the bucket through the AWS::S3::Bucket handler, which fails with BucketNotEmpty " +
                "while any object (or object version) is left (CloudFormation AWS::S3::Bucket docs: only empty buckets can be deleted; as of 2026-12). " +
                "Empty the bucket before `pulumi destroy` (a lifecycle expiration rule, or `aws s3 rm --recursive`), or use the classic aws.s3.Bucket with `forceDestroy: true` in ephemeral stacks.",
        },
    },
    "aws-native:s3:BucketPolicy": { classic: ["aws:s3/bucketPolicy:BucketPolicy"], renames: { policyDocument: "policy" } },
    "aws-native:iam:ManagedPolicy": { classic: ["aws:iam/policy:Policy"], renames: { managedPolicyName: "name", policyDocument: "policy" } },
    "aws-native:iam:RolePolicy": { classic: ["aws:iam/rolePolicy:RolePolicy"], renames: { policyName: "name", policyDocument: "policy", roleName: "role" } },
    "aws-native:iam:Role": {
        classic: ["aws:iam/role:Role"],
        renames: { roleName: "name", assumeRolePolicyDocument: "assumeRolePolicy" },
        reshape(c, n) {
            const inline = n.policies;
            c.inlinePolicies = Array.isArray(inline) ? inline.map((p) => ({ name: get(p, "policyName"), policy: get(p, "policyDocument") })) : inline;
            delete c.policies;
        },
        shown: [[/\binlinePolicies\[(\d+)\]\.policy\b/g, "policies[$1].policyDocument"], [/\binlinePolicies\b/g, "policies"]],
    },
};

// A Map, so a type token such as "constructor" never reads an Object prototype member.
const NATIVE: ReadonlyMap<string, NativeType> = new Map(Object.entries(NATIVE_TYPES));

/** The aws-native tokens whose classic counterpart is among `types`, but `except`: a policy lists `withNative(classicTypes)`. */
export function withNative(types: readonly string[], except: readonly string[] = []): string[] {
    const native = [...NATIVE]
        .filter(([token, n]) => n.classic.some((c) => types.includes(c)) && !except.includes(token))
        .map(([token]) => token);
    return [...types, ...native];
}

/** The aws-native tokens among a policy's `types` (for the catalog). */
export function nativeTypesOf(types: readonly string[]): string[] {
    return types.filter((t) => NATIVE.has(t));
}

/** True for the aws-native tokens the mapping covers. */
export function isNativeType(type: string): boolean {
    return NATIVE.has(type);
}

const views = new WeakMap<Resource, Resource>();
const origins = new WeakMap<Resource, Resource>();

/** The classic name of an aws-native property (own keys only: a property may be called "constructor"). */
function renamed(n: NativeType, property: string): string {
    return n.renames && Object.prototype.hasOwnProperty.call(n.renames, property) ? n.renames[property] : property;
}

function viewOf(r: Resource, n: NativeType): Resource {
    const props: Props = {};
    for (const [k, v] of Object.entries(r.props)) put(props, renamed(n, k), v);
    if (Array.isArray(props.tags)) props.tags = tagMap(props.tags);
    n.reshape?.(props, r.props);
    carrySecrets(r.props, props);
    const deps: Record<string, string[]> = {};
    for (const [k, urns] of Object.entries(r.propertyDependencies)) deps[renamed(n, k)] = urns;
    return { ...r, type: n.pick?.(r.props) ?? n.classic[0], props, propertyDependencies: deps };
}

/** The classic view of an aws-native resource (built once per resource), or the resource itself. */
export function classicView(r: Resource): Resource {
    const n = NATIVE.get(r.type);
    if (!n) return r;
    let view = views.get(r);
    if (!view) {
        view = viewOf(r, n);
        views.set(r, view);
        origins.set(view, r);
    }
    return view;
}

/** The aws-native resource a classic view was made from (what messages label), or the resource itself. */
export function originOf(r: Resource): Resource {
    return origins.get(r) ?? r;
}

/** A classic path or name in a message as it reads on the aws-native type the resource came from. */
export function shownAs(r: Resource, text: string): string {
    const origin = origins.get(r);
    const n = origin ? NATIVE.get(origin.type) : undefined;
    if (!n) return text;
    const renamed = Object.entries(n.renames ?? {}).find(([, classic]) => classic === text);
    if (renamed) return renamed[0];
    let out = text;
    for (const [pattern, native] of n.shown ?? []) out = out.replace(pattern, native);
    for (const [native, classic] of Object.entries(n.renames ?? {})) {
        if (n.shown?.some(([p]) => p.source.includes(classic))) continue;
        // Identifiers with a capital (clusterIdentifier) anywhere; a bare "name" or "acl" is also a word, so only as "acl is" or in code.
        const pattern = /[A-Z]/.test(classic) ? `\\b${classic}\\b` : `(?<=^|\\s|\`)${classic}(?= is |: |\`)`;
        out = out.replace(new RegExp(pattern, "g"), native);
    }
    return out;
}

/** Where the fix goes on the aws-native type the resource came from, when `policy`'s message names a classic resource. */
export function hintFor(r: Resource, policy: string): string | undefined {
    const origin = origins.get(r);
    return origin ? NATIVE.get(origin.type)?.hints?.[policy] : undefined;
}

/** The advisory text that replaces `policy`'s finding on a resource no aws-native property can fix, if any. */
export function noFixNote(r: Resource, policy: string): string | undefined {
    const origin = origins.get(r);
    return origin ? NATIVE.get(origin.type)?.noFix?.[policy] : undefined;
}

/** A classic fix (top-level properties) in aws-native names; undefined when a property exists only in the classic view. */
export function nativeFix(r: Resource, fix: Props | undefined): Props | undefined {
    const origin = origins.get(r);
    const n = origin ? NATIVE.get(origin.type) : undefined;
    if (!n || !fix) return fix;
    const back = new Map(Object.entries(n.renames ?? {}).map(([native, classic]) => [classic, native]));
    const madeUp: Props = {};
    n.reshape?.(madeUp, {});
    const out: Props = {};
    for (const [k, v] of Object.entries(fix)) {
        if (!back.has(k) && k in madeUp) return undefined;
        out[back.get(k) ?? k] = v;
    }
    return out;
}

const graphViews = new WeakMap<Graph, Map<string, Graph>>();
const nativeIn = new WeakMap<Graph, ReadonlySet<string>>();

/**
 * The graph a stack policy sees: the aws-native resources it lists in `types` as classic views (plus the classic
 * resources they hold inline), every other resource as it is. The same graph when the stack has none of them;
 * else built once per request and set of listed tokens present.
 */
export function graphSeenBy(graph: Graph, types: readonly string[]): Graph {
    if (!types.some(isNativeType)) return graph;
    let inGraph = nativeIn.get(graph);
    if (!inGraph) nativeIn.set(graph, (inGraph = new Set(graph.resources.filter((r) => isNativeType(r.type)).map((r) => r.type))));
    const listed = new Set(types.filter((t) => inGraph.has(t)));
    if (listed.size === 0) return graph;
    const present = [...listed].sort();
    let byKey = graphViews.get(graph);
    if (!byKey) graphViews.set(graph, (byKey = new Map()));
    const key = present.join(",");
    let seen = byKey.get(key);
    if (!seen) {
        seen = new Graph(
            graph.resources.flatMap((r) => {
                if (!listed.has(r.type)) return [r];
                const parts = NATIVE.get(r.type)?.parts?.(r) ?? [];
                for (const p of parts) {
                    origins.set(p, r);
                    carrySecrets(r.props, p.props);
                }
                return [classicView(r), ...parts];
            }),
        );
        byKey.set(key, seen);
    }
    return seen;
}
