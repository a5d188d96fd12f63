import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { asString, get, isRecord, isUnknown } from "../lib/values";

const CLUSTER = "aws:rds/cluster:Cluster";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
const CLUSTER_ID: keyof aws.rds.ClusterInstanceArgs & keyof aws.rds.ClusterArgs = "clusterIdentifier";
const ENGINE: keyof aws.rds.ClusterInstanceArgs & keyof aws.rds.ClusterArgs = "engine";
const CLASS: keyof aws.rds.ClusterInstanceArgs = "instanceClass";
const SCALING: keyof aws.rds.ClusterArgs = "serverlessv2ScalingConfiguration";
const SERVERLESS_CLASS = "db.serverless";

export default definePolicy({
    kind: "stack",
    name: "rds-cluster-instance-matches-cluster",
    family: "wiring",
    description: "An RDS cluster instance has its cluster's engine, and a db.serverless instance joins a cluster with a Serverless v2 scaling configuration.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: [CLUSTER, CLUSTER_INSTANCE],
    messages: {
        engineMismatch:
            "engine is {{value}} but its cluster {{cluster}} runs {{clusterEngine}}; AWS creates a cluster's instances only with the cluster's engine, so " +
            "CreateDBInstance fails with InvalidParameterCombination. Set `engine: cluster.engine` (and `engineVersion: cluster.engineVersion`).",
        noServerlessScaling:
            "instanceClass is {{value}} but its cluster {{cluster}} has no serverlessv2ScalingConfiguration, so CreateDBInstance fails with " +
            "InvalidDBClusterStateFault (\"Set the Serverless v2 scaling configuration on the parent DB cluster before creating a Serverless v2 DB instance\"). " +
            "Set `serverlessv2ScalingConfiguration: { minCapacity, maxCapacity }` on {{cluster}}, or use a provisioned instance class.",
    },
    counterparts: "cfn-lint E3707 (DBInstance engine vs its DBCluster, CloudFormation only); none for db.serverless scaling; none in FSBP or checkov",
    remediationSteps:
        "Take the instance's engine and version from its cluster (`engine: cluster.engine, engineVersion: cluster.engineVersion`); for db.serverless " +
        "instances give the cluster a `serverlessv2ScalingConfiguration` with minCapacity and maxCapacity.",
    check({ graph, report }) {
        for (const cluster of graph.ofType(CLUSTER)) {
            const clusterEngine = asString(get(cluster.props, ENGINE));
            const scaling = get(cluster.props, SCALING);
            for (const instance of graph.referrers(cluster, [CLUSTER_INSTANCE], CLUSTER_ID, [CLUSTER_ID, "id"])) {
                const engine = asString(get(instance.props, ENGINE));
                // AWS compares engine names in any case; an unset or unknown one is no verdict.
                if (engine && clusterEngine && engine.toLowerCase() !== clusterEngine.toLowerCase()) {
                    report("engineMismatch", { property: ENGINE, value: engine, cluster: cluster.name, clusterEngine }, instance);
                }
                const instanceClass = asString(get(instance.props, CLASS));
                if (instanceClass?.toLowerCase() === SERVERLESS_CLASS && !isUnknown(scaling) && !isRecord(scaling)) {
                    report("noServerlessScaling", { property: CLASS, value: instanceClass, cluster: cluster.name }, instance);
                }
            }
        }
    },
});
