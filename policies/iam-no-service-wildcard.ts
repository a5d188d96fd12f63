import { CONTEXT_TYPES, IAM_TYPES, Statement, adminGrant, awsManagedName, coversAllResources, documentsOf, isAllActions, knownList, managedArnsOf, statementsOf, wildcardService } from "../lib/iam";
import { fsbp } from "../lib/metadata";
import { MessageData, definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";

/** AWS managed policies that grant whole services (every `*FullAccess*` policy is `<service>:*`-shaped, `_v2` variants too). */
function isBroadManaged(name: string | undefined): boolean {
    return name !== undefined && (name === "PowerUserAccess" || /FullAccess/.test(name));
}

/** The advisory finding for one statement that iam-no-admin-wildcard does not already report, if any. */
function broadFinding(s: Statement): { id: string; data: MessageData } | undefined {
    if (s.allow !== true || adminGrant(s) !== undefined) return undefined;
    const services = s.action.values.filter((a) => wildcardService(a) !== undefined);
    if (services.length > 0) return { id: "serviceWildcard", data: { value: services } };
    const every = coversAllResources(s);
    // A statement without Resource is malformed (IAM rejects it); only a written-out resource list is "specific resources"
    // (Action * on every resource is an admin grant, returned above).
    if (s.action.values.some(isAllActions) && knownList(s.resource)) return { id: "allActionsScoped", data: { value: s.resource.values } };
    if (knownList(s.notAction) && !s.notAction.values.some(isAllActions) && every !== undefined) return { id: "notAction", data: { value: s.notAction.values } };
    return undefined;
}

export default definePolicy({
    kind: "stack",
    name: "iam-no-service-wildcard",
    family: "iam",
    description: "Identity policies list the actions a workload needs instead of granting whole services (`s3:*`), every action on a resource, or NotAction.",
    enforcementLevel: "advisory",
    severity: "medium",
    types: withNative([...IAM_TYPES, ...CONTEXT_TYPES]),
    messages: {
        serviceWildcard:
            "{{property}} {{statement}} allows {{value}}: every action of the service, including deletes, policy changes and actions AWS adds later. " +
            "List the actions the workload calls (e.g. `s3:GetObject`, `s3:PutObject`) so a bug or a stolen credential cannot do more.",
        allActionsScoped:
            "{{property}} {{statement}} allows every action (`*`) on {{value}}, including deleting it and changing its policy. " +
            "List the actions the workload calls on it instead.",
        notAction:
            "{{property}} {{statement}} is an Allow with NotAction {{value}}: it grants every action of every service not listed, including ones AWS adds later. " +
            "Use `Action` with the specific actions instead.",
        broadManagedPolicy:
            "{{property}} attaches {{value}}, an AWS managed policy that grants whole services. Attach a customer policy with the actions the workload uses instead.",
    },
    framework: fsbp("IAM.21", "IAM customer managed policies that you create should not allow wildcard actions for services"),
    remediationSteps:
        "Replace `<service>:*` with the actions the code calls (CloudTrail or IAM Access Analyzer policy generation lists them), scope `*` actions " +
        "to what the resource needs, replace Allow+NotAction with an explicit Action list, and swap `*FullAccess`/PowerUserAccess managed policies " +
        "for scoped customer policies. Administrator-level grants are reported by iam-no-admin-wildcard; permissions-boundary-only policies are not checked.",
    check({ graph, report }) {
        for (const r of graph.ofType(...IAM_TYPES)) {
            for (const { property, document } of documentsOf(graph, r)) {
                for (const s of statementsOf(document)) {
                    const found = broadFinding(s);
                    if (found) report(found.id, { property, statement: s.label, ...found.data }, r);
                }
            }
            for (const { property, arn } of managedArnsOf(graph, r)) {
                if (isBroadManaged(awsManagedName(arn))) report("broadManagedPolicy", { property, value: arn }, r);
            }
        }
    },
});
