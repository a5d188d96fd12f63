import type * as aws from "@pulumi/aws";
import { containsAutoName, isAutoName } from "../lib/autoname";
import { matchesAny } from "../lib/glob";
import { NAME_TYPES } from "../lib/name-limits";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { StackInfo } from "../lib/stack";
import { asString } from "../lib/values";

interface NamingConfig {
    environmentSuffix: string;
    ignoreTypes: string[];
    ignoreNames: string[];
    requireInPrefixes: boolean;
}

interface NameProps {
    /** Properties that set the physical name outright. */
    names: readonly string[];
    /** Properties AWS (or the provider) completes with a unique part. */
    prefixes: readonly string[];
}

function named<A>(names: readonly (keyof A & string)[], prefixes: readonly (keyof A & string)[] = []): NameProps {
    return { names, prefixes };
}

// Physical names unique per account and region (or VPC, bus); Cognito pools and API Gateway APIs are left out: their names may repeat.
const PHYSICAL_NAMES: Readonly<Record<string, NameProps>> = {
    "aws:s3/bucket:Bucket": named<aws.s3.BucketArgs>(["bucket"], ["bucketPrefix"]),
    "aws:s3/bucketV2:BucketV2": named<aws.s3.BucketV2Args>(["bucket"], ["bucketPrefix"]),
    "aws:rds/cluster:Cluster": named<aws.rds.ClusterArgs>(["clusterIdentifier"], ["clusterIdentifierPrefix"]),
    "aws:rds/instance:Instance": named<aws.rds.InstanceArgs>(["identifier"], ["identifierPrefix"]),
    "aws:rds/clusterInstance:ClusterInstance": named<aws.rds.ClusterInstanceArgs>(["identifier"], ["identifierPrefix"]),
    "aws:rds/globalCluster:GlobalCluster": named<aws.rds.GlobalClusterArgs>(["globalClusterIdentifier"]),
    "aws:rds/subnetGroup:SubnetGroup": named<aws.rds.SubnetGroupArgs>(["name"], ["namePrefix"]),
    "aws:rds/parameterGroup:ParameterGroup": named<aws.rds.ParameterGroupArgs>(["name"], ["namePrefix"]),
    "aws:rds/clusterParameterGroup:ClusterParameterGroup": named<aws.rds.ClusterParameterGroupArgs>(["name"], ["namePrefix"]),
    "aws:rds/optionGroup:OptionGroup": named<aws.rds.OptionGroupArgs>(["name"], ["namePrefix"]),
    "aws:docdb/cluster:Cluster": named<aws.docdb.ClusterArgs>(["clusterIdentifier"], ["clusterIdentifierPrefix"]),
    "aws:docdb/clusterInstance:ClusterInstance": named<aws.docdb.ClusterInstanceArgs>(["identifier"], ["identifierPrefix"]),
    "aws:docdb/subnetGroup:SubnetGroup": named<aws.docdb.SubnetGroupArgs>(["name"], ["namePrefix"]),
    "aws:neptune/cluster:Cluster": named<aws.neptune.ClusterArgs>(["clusterIdentifier"], ["clusterIdentifierPrefix"]),
    "aws:neptune/clusterInstance:ClusterInstance": named<aws.neptune.ClusterInstanceArgs>(["identifier"], ["identifierPrefix"]),
    "aws:neptune/subnetGroup:SubnetGroup": named<aws.neptune.SubnetGroupArgs>(["name"], ["namePrefix"]),
    "aws:redshift/cluster:Cluster": named<aws.redshift.ClusterArgs>(["clusterIdentifier"]),
    "aws:redshift/subnetGroup:SubnetGroup": named<aws.redshift.SubnetGroupArgs>(["name"]),
    "aws:elasticache/replicationGroup:ReplicationGroup": named<aws.elasticache.ReplicationGroupArgs>(["replicationGroupId"]),
    "aws:elasticache/cluster:Cluster": named<aws.elasticache.ClusterArgs>(["clusterId"]),
    "aws:elasticache/subnetGroup:SubnetGroup": named<aws.elasticache.SubnetGroupArgs>(["name"]),
    "aws:elasticache/parameterGroup:ParameterGroup": named<aws.elasticache.ParameterGroupArgs>(["name"]),
    "aws:dynamodb/table:Table": named<aws.dynamodb.TableArgs>(["name"]),
    "aws:lambda/function:Function": named<aws.lambda.FunctionArgs>(["name"]),
    "aws:kms/alias:Alias": named<aws.kms.AliasArgs>(["name"], ["namePrefix"]),
    "aws:cloudwatch/logGroup:LogGroup": named<aws.cloudwatch.LogGroupArgs>(["name"], ["namePrefix"]),
    "aws:cloudwatch/metricAlarm:MetricAlarm": named<aws.cloudwatch.MetricAlarmArgs>(["name"]),
    "aws:cloudwatch/compositeAlarm:CompositeAlarm": named<aws.cloudwatch.CompositeAlarmArgs>(["alarmName"]),
    "aws:cloudwatch/dashboard:Dashboard": named<aws.cloudwatch.DashboardArgs>(["dashboardName"]),
    "aws:cloudwatch/eventRule:EventRule": named<aws.cloudwatch.EventRuleArgs>(["name"], ["namePrefix"]),
    "aws:cloudwatch/eventBus:EventBus": named<aws.cloudwatch.EventBusArgs>(["name"]),
    "aws:sqs/queue:Queue": named<aws.sqs.QueueArgs>(["name"], ["namePrefix"]),
    "aws:sns/topic:Topic": named<aws.sns.TopicArgs>(["name"], ["namePrefix"]),
    "aws:iam/role:Role": named<aws.iam.RoleArgs>(["name"], ["namePrefix"]),
    "aws:iam/policy:Policy": named<aws.iam.PolicyArgs>(["name"], ["namePrefix"]),
    "aws:iam/user:User": named<aws.iam.UserArgs>(["name"]),
    "aws:iam/instanceProfile:InstanceProfile": named<aws.iam.InstanceProfileArgs>(["name"], ["namePrefix"]),
    "aws:ecr/repository:Repository": named<aws.ecr.RepositoryArgs>(["name"]),
    "aws:lb/loadBalancer:LoadBalancer": named<aws.lb.LoadBalancerArgs>(["name"], ["namePrefix"]),
    "aws:lb/targetGroup:TargetGroup": named<aws.lb.TargetGroupArgs>(["name"], ["namePrefix"]),
    "aws:alb/loadBalancer:LoadBalancer": named<aws.alb.LoadBalancerArgs>(["name"], ["namePrefix"]),
    "aws:alb/targetGroup:TargetGroup": named<aws.alb.TargetGroupArgs>(["name"], ["namePrefix"]),
    "aws:ec2/securityGroup:SecurityGroup": named<aws.ec2.SecurityGroupArgs>(["name"], ["namePrefix"]),
    "aws:ec2/launchTemplate:LaunchTemplate": named<aws.ec2.LaunchTemplateArgs>(["name"], ["namePrefix"]),
    "aws:ec2/keyPair:KeyPair": named<aws.ec2.KeyPairArgs>(["keyName"], ["keyNamePrefix"]),
    "aws:autoscaling/group:Group": named<aws.autoscaling.GroupArgs>(["name"], ["namePrefix"]),
    "aws:secretsmanager/secret:Secret": named<aws.secretsmanager.SecretArgs>(["name"], ["namePrefix"]),
    "aws:ssm/parameter:Parameter": named<aws.ssm.ParameterArgs>(["name"]),
    "aws:kinesis/stream:Stream": named<aws.kinesis.StreamArgs>(["name"]),
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": named<aws.kinesis.FirehoseDeliveryStreamArgs>(["name"]),
    "aws:sfn/stateMachine:StateMachine": named<aws.sfn.StateMachineArgs>(["name"], ["namePrefix"]),
    "aws:opensearch/domain:Domain": named<aws.opensearch.DomainArgs>(["domainName"]),
    "aws:elasticsearch/domain:Domain": named<aws.elasticsearch.DomainArgs>(["domainName"]),
    "aws:msk/cluster:Cluster": named<aws.msk.ClusterArgs>(["clusterName"]),
    "aws:eks/cluster:Cluster": named<aws.eks.ClusterArgs>(["name"]),
    "aws:ecs/cluster:Cluster": named<aws.ecs.ClusterArgs>(["name"]),
    "aws:backup/vault:Vault": named<aws.backup.VaultArgs>(["name"]),
    "aws:backup/plan:Plan": named<aws.backup.PlanArgs>(["name"]),
    "aws:codebuild/project:Project": named<aws.codebuild.ProjectArgs>(["name"]),
    "aws:glue/job:Job": named<aws.glue.JobArgs>(["name"]),
    "aws:glue/crawler:Crawler": named<aws.glue.CrawlerArgs>(["name"]),
    "aws:glue/catalogDatabase:CatalogDatabase": named<aws.glue.CatalogDatabaseArgs>(["name"]),
    "aws:athena/workgroup:Workgroup": named<aws.athena.WorkgroupArgs>(["name"]),
};

// What a second deployment with the same name runs into: AWS refuses some names outright; other create calls return,
// or overwrite, the resource that already has the name (PutMetricAlarm, PutDashboard, CreateTopic, CreateCluster...).
const FAILS = "a parallel deployment's create fails because the name is already taken";
const SHARES =
    "a parallel deployment either fails on the taken name or silently shares or overwrites the first one's resource, " +
    "and destroying either deployment deletes it for both";

function collisionOf(type: string): string {
    return NAME_TYPES.get(type)?.unique ? FAILS : SHARES;
}

interface Suffix {
    suffix: string;
    source: string;
}

/** The suffix names must carry: policy config, else ENVIRONMENT_SUFFIX of the preview, else the stack name. */
function suffixOf(config: NamingConfig, stack: StackInfo): Suffix | undefined {
    const configured = config.environmentSuffix.trim();
    if (configured) return { suffix: configured, source: "policy config environmentSuffix" };
    if (stack.environmentSuffix) return { suffix: stack.environmentSuffix, source: "ENVIRONMENT_SUFFIX" };
    if (stack.name) return { suffix: stack.name, source: "stack name" };
    return undefined;
}

/**
 * Case-insensitive containment; a short suffix ("dev", "qa") must not touch a letter on either side, so "dev"
 * is found in "orders-dev" and "orders_dev2" but not in "device".
 */
function suffixMatcher(suffix: string): (name: string) => boolean {
    const needle = suffix.toLowerCase();
    if (needle.length >= 4) return (name) => name.toLowerCase().includes(needle);
    const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const bounded = new RegExp(`(^|[^a-z])${escaped}($|[^a-z])`, "i");
    return (name) => bounded.test(name);
}

export default definePolicy<NamingConfig>({
    kind: "resource",
    name: "resource-name-environment-suffix",
    family: "naming",
    description:
        "Every explicitly set physical name contains the environment suffix, so parallel deployments never collide; " +
        "names left unset pass because Pulumi autonames them with a random suffix.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative(Object.keys(PHYSICAL_NAMES)),
    config: {
        environmentSuffix: {
            type: "string",
            default: "",
            description: "The suffix every physical name must contain; empty means ENVIRONMENT_SUFFIX of the preview, else the stack name.",
        },
        ignoreTypes: {
            type: "array",
            items: { type: "string", minLength: 1 },
            default: [],
            description: "Type tokens (globs allowed, e.g. \"aws:iam/*\") whose names are not checked.",
        },
        ignoreNames: {
            type: "array",
            items: { type: "string", minLength: 1 },
            default: [],
            description: "Glob patterns of physical or logical names that are shared on purpose and not checked.",
        },
        requireInPrefixes: {
            type: "boolean",
            default: true,
            description:
                "Also require the suffix in name prefixes (namePrefix, bucketPrefix...), since AWS builds the name from them; set false to accept any prefix (the provider adds a unique part, so prefixes alone never collide).",
        },
    },
    messages: {
        missingSuffix:
            "{{property}} is {{value}}, which does not contain the environment suffix \"{{suffix}}\" (from {{source}}); put the suffix in it. " +
            "For example `orders-${environmentSuffix}`; leaving the name unset (Pulumi autonames it) or building it from another resource's autonamed name works too. " +
            "A fixed name is the same in every deployment, so {{collision}}.",
        prefixMissingSuffix:
            "{{property}} is {{value}}, which does not contain the environment suffix \"{{suffix}}\" (from {{source}}); put the suffix in the prefix. " +
            "AWS builds the name from it, and a name that does not tell its deployment apart cannot be traced to it or cleaned up with it " +
            "(set requireInPrefixes: false to accept any prefix: the unique part AWS adds prevents collisions).",
    },
    remediationSteps:
        "Build every explicit physical name from the environment suffix (policy config environmentSuffix, else ENVIRONMENT_SUFFIX, else the stack name), " +
        "or leave the name unset so Pulumi autonames the resource. List names that are shared on purpose in ignoreNames.",
    check({ resource, config, stack, get, report }) {
        const entry = PHYSICAL_NAMES[resource.type];
        if (!entry || matchesAny(resource.type, config.ignoreTypes ?? [])) return;
        if (matchesAny(resource.name, config.ignoreNames ?? [])) return;
        const wanted = suffixOf(config, stack);
        if (!wanted) return;
        const carries = suffixMatcher(wanted.suffix);
        const checks: [readonly string[], string][] = [[entry.names, "missingSuffix"]];
        if (config.requireInPrefixes === true) checks.push([entry.prefixes, "prefixMissingSuffix"]);
        for (const [properties, messageId] of checks) {
            for (const property of properties) {
                const value = get(property);
                // Unknown, absent or not a string: nothing to judge at preview.
                const name = asString(value);
                if (!name) continue;
                if (carries(name)) continue;
                if (messageId === "missingSuffix" && isAutoName(resource.name, name)) continue;
                // Built from another resource's autoname (`/aws/lambda/${fn.name}`): as unique as that name.
                if (containsAutoName(name)) continue;
                if (matchesAny(name, config.ignoreNames ?? [])) continue;
                report(messageId, { property, value, suffix: wanted.suffix, source: wanted.source, collision: collisionOf(resource.type) });
            }
        }
    },
});
