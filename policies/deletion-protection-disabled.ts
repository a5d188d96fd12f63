import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { PRODUCTION_CONFIG, ProductionConfig, productionReason } from "../lib/stack";
import { asBool, asString, isUnknown } from "../lib/values";

interface Protection {
    property: string;
    on: boolean | string;
    /** The value that turns protection off; every type listed defaults to it when the property is absent. */
    off: boolean | string;
}

function flag<A>(property: keyof A & string): Protection {
    return { property, on: true, off: false };
}

function toggle<A>(property: keyof A & string, on: string, off: string): Protection {
    return { property, on, off };
}

const PROTECTION: Readonly<Record<string, Protection>> = {
    "aws:rds/cluster:Cluster": flag<aws.rds.ClusterArgs>("deletionProtection"),
    "aws:rds/instance:Instance": flag<aws.rds.InstanceArgs>("deletionProtection"),
    "aws:rds/globalCluster:GlobalCluster": flag<aws.rds.GlobalClusterArgs>("deletionProtection"),
    "aws:docdb/cluster:Cluster": flag<aws.docdb.ClusterArgs>("deletionProtection"),
    "aws:docdb/globalCluster:GlobalCluster": flag<aws.docdb.GlobalClusterArgs>("deletionProtection"),
    "aws:neptune/cluster:Cluster": flag<aws.neptune.ClusterArgs>("deletionProtection"),
    "aws:neptune/globalCluster:GlobalCluster": flag<aws.neptune.GlobalClusterArgs>("deletionProtection"),
    "aws:dynamodb/table:Table": flag<aws.dynamodb.TableArgs>("deletionProtectionEnabled"),
    "aws:dynamodb/tableReplica:TableReplica": flag<aws.dynamodb.TableReplicaArgs>("deletionProtectionEnabled"),
    "aws:dsql/cluster:Cluster": flag<aws.dsql.ClusterArgs>("deletionProtectionEnabled"),
    "aws:cloudwatch/logGroup:LogGroup": flag<aws.cloudwatch.LogGroupArgs>("deletionProtectionEnabled"),
    "aws:eks/cluster:Cluster": flag<aws.eks.ClusterArgs>("deletionProtection"),
    "aws:lb/loadBalancer:LoadBalancer": flag<aws.lb.LoadBalancerArgs>("enableDeletionProtection"),
    "aws:alb/loadBalancer:LoadBalancer": flag<aws.alb.LoadBalancerArgs>("enableDeletionProtection"),
    "aws:cognito/userPool:UserPool": toggle<aws.cognito.UserPoolArgs>("deletionProtection", "ACTIVE", "INACTIVE"),
    "aws:verifiedpermissions/policyStore:PolicyStore": toggle<aws.verifiedpermissions.PolicyStoreArgs>("deletionProtection", "ENABLED", "DISABLED"),
};

/** True when the value turns protection on: true (or "true") for flags, the on value for string toggles. */
function isOn(value: unknown, on: boolean | string): boolean {
    return typeof on === "boolean" ? asBool(value) === on : asString(value)?.toUpperCase() === on;
}

export default definePolicy<ProductionConfig>({
    kind: "resource",
    name: "deletion-protection-disabled",
    family: "destroyability",
    description: "Databases, tables, load balancers and other protectable resources in ephemeral stacks leave deletion protection off, so `pulumi destroy` can delete them.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative(Object.keys(PROTECTION)),
    config: PRODUCTION_CONFIG,
    notApplicable: (stack, config) => productionReason(stack, config),
    messages: {
        enabled:
            "{{property}} is {{value}}; set `{{property}}: {{off}}` in this ephemeral stack. " +
            "AWS refuses to delete a protected resource, so `pulumi destroy` fails until someone turns the protection off by hand.",
    },
    remediationSteps:
        "Turn deletion protection off (deletionProtection / deletionProtectionEnabled / enableDeletionProtection: false; Cognito \"INACTIVE\"), " +
        "which the `remediate` level does for you. Production stacks are exempt; see productionStacks.",
    check({ resource, get, report }) {
        // Only PROTECTION's types reach the check.
        const protection = PROTECTION[resource.type];
        const value = get(protection.property);
        if (isUnknown(value) || !isOn(value, protection.on)) return;
        report("enabled", { property: protection.property, value, off: JSON.stringify(protection.off) });
    },
    fix({ resource }) {
        const protection = PROTECTION[resource.type];
        return protection ? { [protection.property]: protection.off } : undefined;
    },
});
