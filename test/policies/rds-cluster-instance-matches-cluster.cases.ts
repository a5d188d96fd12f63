import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const CLUSTER = "aws:rds/cluster:Cluster";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
const SCALING = { minCapacity: 0.5, maxCapacity: 4 };

function cluster(props: Record<string, unknown> = {}): CaseResource {
    return { type: CLUSTER, name: "aurora", props: { clusterIdentifier: UNKNOWN, engine: "aurora-postgresql", engineVersion: "16.4", masterPassword: secret("s3cr3t-master-pw"), ...props } };
}

/** A cluster instance wired to the cluster the way programs do it (`clusterIdentifier: cluster.id`). */
function instance(props: Record<string, unknown> = {}, deps: string[] = ["aurora"]): CaseResource {
    return {
        type: CLUSTER_INSTANCE,
        name: "writer",
        props: { clusterIdentifier: UNKNOWN, engine: "aurora-postgresql", instanceClass: "db.r6g.large", ...props },
        propertyDependencies: { clusterIdentifier: deps },
    };
}

export const cases: Cases = {
    valid: [
        { why: "instance takes the cluster's engine", resources: [cluster(), instance()] },
        { why: "Serverless v2 instance in a cluster with a scaling configuration", resources: [cluster({ serverlessv2ScalingConfiguration: SCALING }), instance({ instanceClass: "db.serverless" })] },
        { why: "engine computed from the cluster (unknown at preview)", resources: [cluster(), instance({ engine: UNKNOWN })] },
        { why: "scaling configuration unknown during preview", resources: [cluster({ serverlessv2ScalingConfiguration: UNKNOWN }), instance({ instanceClass: "db.serverless" })] },
        { why: "engine names differ only in case", resources: [cluster({ engine: "Aurora-PostgreSQL" }), instance()] },
        {
            why: "state: literal identifiers, no dependencies",
            resources: [cluster({ clusterIdentifier: "orders", id: "orders", serverlessv2ScalingConfiguration: SCALING }), instance({ clusterIdentifier: "orders", instanceClass: "db.serverless" }, [])],
        },
        { why: "an instance of another cluster (not in the stack) is not compared", resources: [cluster({ clusterIdentifier: "orders" }), instance({ clusterIdentifier: "billing", engine: "aurora-mysql" }, [])] },
        { why: "malformed scaling and engine values", resources: [cluster({ engine: 42 }), instance({ engine: ["aurora-mysql"], instanceClass: { c: 1 } })] },
    ],
    invalid: [
        {
            why: "Aurora MySQL instance in an Aurora PostgreSQL cluster",
            resources: [cluster(), instance({ engine: "aurora-mysql" })],
            messageId: "engineMismatch",
            on: "writer",
            count: 1,
            includes: ["aurora-mysql", "aurora-postgresql", "aurora", "engine: cluster.engine"],
        },
        {
            why: "db.serverless without the cluster's Serverless v2 scaling configuration",
            resources: [cluster(), instance({ instanceClass: "db.serverless" })],
            messageId: "noServerlessScaling",
            on: "writer",
            count: 1,
            includes: ["serverlessv2ScalingConfiguration", "Set the Serverless v2 scaling configuration"],
        },
        {
            why: "state: correlated by the cluster identifier's value",
            resources: [cluster({ clusterIdentifier: "orders", id: "orders" }), instance({ clusterIdentifier: "orders", instanceClass: "db.serverless" }, [])],
            messageId: "noServerlessScaling",
            on: "writer",
        },
        { why: "secret master password on the cluster never printed", resources: [cluster({ engine: "aurora-mysql" }), instance()], messageId: "engineMismatch", on: "writer" },
    ],
};
