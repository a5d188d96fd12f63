import type * as aws from "@pulumi/aws";
import { isAutoName } from "../lib/autoname";
import { definePolicy } from "../lib/policy";
import { PRODUCTION_CONFIG, ProductionConfig, productionReason } from "../lib/stack";
import { asBool, asString, isUnknown } from "../lib/values";

const SKIP: keyof aws.cloudwatch.LogGroupArgs = "skipDestroy";

/** The property holding the name a left-behind resource keeps taken, typed against the resource's args. */
function namedBy<A>(property: keyof A & string): string {
    return property;
}

// Types whose skipDestroy leaves an AWS resource behind; undefined where nothing name-unique stays (numbered versions).
// Left out: skipDestroy that only skips a detach or a setting whose parent is deleted anyway (attachments, permissions).
const LEFT_BEHIND: Readonly<Record<string, string | undefined>> = {
    "aws:cloudwatch/logGroup:LogGroup": namedBy<aws.cloudwatch.LogGroupArgs>("name"),
    "aws:lambda/function:Function": namedBy<aws.lambda.FunctionArgs>("name"),
    "aws:rds/optionGroup:OptionGroup": namedBy<aws.rds.OptionGroupArgs>("name"),
    "aws:rds/parameterGroup:ParameterGroup": namedBy<aws.rds.ParameterGroupArgs>("name"),
    "aws:imagebuilder/component:Component": namedBy<aws.imagebuilder.ComponentArgs>("name"),
    "aws:organizations/policy:Policy": namedBy<aws.organizations.PolicyArgs>("name"),
    "aws:lambda/layerVersion:LayerVersion": undefined,
    "aws:ecs/taskDefinition:TaskDefinition": undefined,
    "aws:bedrock/guardrailVersion:GuardrailVersion": undefined,
    "aws:mq/configuration:Configuration": undefined,
    "aws:directconnect/connection:Connection": undefined,
};

export default definePolicy<ProductionConfig>({
    kind: "resource",
    name: "skip-destroy",
    family: "destroyability",
    description: "Resources in ephemeral stacks leave skipDestroy off, so `pulumi destroy` deletes them instead of leaving them behind in AWS.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: Object.keys(LEFT_BEHIND),
    config: PRODUCTION_CONFIG,
    notApplicable: (stack, config) => productionReason(stack, config),
    messages: {
        nameCollides:
            "skipDestroy is {{value}}, so `pulumi destroy` leaves this resource in AWS under the name \"{{physicalName}}\"; set `skipDestroy: false` (the default) in this ephemeral stack. " +
            "The next deployment's create then fails because that name is still taken.",
        leftBehind:
            "skipDestroy is {{value}}, so `pulumi destroy` only drops this resource from the state and leaves it in AWS; set `skipDestroy: false` (the default) in this ephemeral stack. " +
            "Every destroyed stack then leaves an untracked copy that keeps costing money and must be cleaned up by hand.",
    },
    remediationSteps: "Set `skipDestroy: false` or remove it (the `remediate` level does this for you). Production stacks are exempt; see productionStacks.",
    check({ resource, get, report }) {
        const skip = get(SKIP);
        if (isUnknown(skip) || asBool(skip) !== true) return;
        const nameProperty = LEFT_BEHIND[resource.type];
        const physicalName = nameProperty ? asString(get(nameProperty)) : undefined;
        if (physicalName && !isAutoName(resource.name, physicalName)) report("nameCollides", { property: SKIP, value: skip, physicalName });
        else report("leftBehind", { property: SKIP, value: skip });
    },
    fix: () => ({ [SKIP]: false }),
});
