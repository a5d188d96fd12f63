import type * as aws from "@pulumi/aws";
import { assessInstanceClass } from "../lib/instance-classes";
import { definePolicy } from "../lib/policy";
import { regionOf } from "../lib/resource";
import { asString, get } from "../lib/values";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
const CLASS: keyof aws.rds.InstanceArgs & keyof aws.rds.ClusterInstanceArgs = "instanceClass";
const ENGINE: keyof aws.rds.InstanceArgs & keyof aws.rds.ClusterInstanceArgs = "engine";
const LICENSE: keyof aws.rds.InstanceArgs = "licenseModel";

export default definePolicy({
    kind: "resource",
    name: "rds-instance-class-available",
    family: "versions",
    description: "RDS and Aurora DB instances use an instance class AWS offers for their engine in their region.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: [INSTANCE, CLUSTER_INSTANCE],
    messages: {
        notOffered:
            "{{property}} is {{value}}, which RDS offers for engine {{engine}} in no region (data: {{source}}, as of {{asOf}}; the list is per engine, " +
            "not per engine version), so CreateDBInstance fails with InvalidParameterCombination (\"RDS does not support creating a DB instance with the " +
            "following combination\"). Set {{property}} to a class offered for {{engine}}, such as {{suggestions}}.",
        notInRegion:
            "{{property}} is {{value}}, which RDS offered for engine {{engine}} in other regions but not in {{region}} as of {{asOf}} ({{source}}; per " +
            "engine, not per engine version): unless AWS has since brought it to {{region}}, CreateDBInstance fails with InvalidParameterCombination. " +
            "Check `aws rds describe-orderable-db-instance-options --region {{region}}`, or use a class offered there, such as {{suggestions}}.",
        unlisted:
            "{{property}} is {{value}}, which no engine in any region offers in the pack's data ({{source}}, as of {{asOf}}): a typo fails with " +
            "InvalidParameterCombination at create time. Check the name against the RDS instance class list; a class released after {{asOf}} is fine.",
        dataUnavailable: "cannot check {{property}} {{value}} because {{problem}}; reinstall the policy pack or regenerate the data (see data/README.md).",
    },
    // A class missing from one region may have reached it since the data's date; one no region offers for the engine will not.
    advisoryMessages: ["notInRegion", "unlisted", "dataUnavailable"],
    counterparts: "cfn-lint E3062 (instance class for the engine, CloudFormation only, same data source); none in FSBP or checkov",
    remediationSteps:
        "Pick an instance class listed for the engine in the Region (RDS console, or `aws rds describe-orderable-db-instance-options --engine <engine> " +
        "--engine-version <version>`): for example db.t4g/db.m7g/db.r7g for current PostgreSQL and MySQL, db.serverless only on Aurora.",
    check({ resource, get: read, report }) {
        const instanceClass = asString(read(CLASS));
        const engine = asString(read(ENGINE));
        // No engine: a replica or a snapshot restore takes its source's; unknown values are checked on the real run.
        if (!instanceClass || !engine) return;
        const region = regionOf(resource);
        const license = asString(get(resource.props, LICENSE));
        const result = assessInstanceClass(instanceClass, engine, license, region);
        const base = { property: CLASS, value: instanceClass, engine };
        if (!result.ok) return report("dataUnavailable", { ...base, problem: result.problem });
        const v = result.data;
        if (v.kind === "notOffered" || v.kind === "notInRegion") {
            const suggestions = v.suggestions.length > 0 ? v.suggestions : ["a class from the RDS instance class list"];
            report(v.kind, { ...base, source: v.source, asOf: v.asOf, suggestions, ...(v.kind === "notInRegion" ? { region: v.region } : {}) });
        } else if (v.kind === "unlisted") {
            report("unlisted", { ...base, source: v.source, asOf: v.asOf });
        }
    },
});
