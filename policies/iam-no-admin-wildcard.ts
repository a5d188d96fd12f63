import { CONTEXT_TYPES, IAM_TYPES, adminGrant, awsManagedName, documentsOf, isAllActions, managedArnsOf, statementsOf } from "../lib/iam";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";

export default definePolicy({
    kind: "stack",
    name: "iam-no-admin-wildcard",
    family: "iam",
    description: "No identity policy grants administrator access: Action `*` on Resource `*`, an Allow with NotAction on every resource, or AdministratorAccess.",
    enforcementLevel: "mandatory",
    severity: "critical",
    types: withNative([...IAM_TYPES, ...CONTEXT_TYPES]),
    messages: {
        allActions:
            "{{property}} {{statement}} allows Action {{value}} on Resource {{resources}}: full administrator access, IAM included, so this principal " +
            "(and anyone who can assume or use it) can read, change or delete anything in the account. Allow only the actions and resource ARNs the workload uses.",
        notAction:
            "{{property}} {{statement}} is an Allow with NotAction {{value}} on every resource: it grants every action not listed, IAM included, which is " +
            "administrator access in effect (the principal can grant itself the rest). Use `Action` with the specific actions instead.",
        administratorAccess:
            "{{property}} attaches {{value}}, the AWS managed AdministratorAccess policy (Action `*` on Resource `*`): anything this principal runs " +
            "can read, change or delete everything in the account. Attach a policy scoped to the actions and resources the workload uses.",
    },
    framework: fsbp("IAM.1", "IAM policies should not allow full \"*\" administrative privileges"),
    remediationSteps:
        "Replace `Action: \"*\"` / `Resource: \"*\"` with the specific actions (e.g. `s3:GetObject`) and resource ARNs the workload needs; replace " +
        "Allow+NotAction with an explicit Action list; detach `arn:aws:iam::aws:policy/AdministratorAccess` and attach a scoped policy. Customer " +
        "policies used only as a permissions boundary are not checked (a boundary caps permissions and grants nothing). For a break-glass or " +
        "deployment role that must be admin, add an exemption with a reason.",
    check({ graph, report }) {
        for (const r of graph.ofType(...IAM_TYPES)) {
            for (const { property, document } of documentsOf(graph, r)) {
                for (const s of statementsOf(document)) {
                    const grant = adminGrant(s);
                    if (grant === "action") {
                        const resources = s.notResource.present ? "everything except its NotResource" : "\"*\"";
                        report("allActions", { property, statement: s.label, value: s.action.values.filter(isAllActions), resources }, r);
                    } else if (grant === "notAction") {
                        report("notAction", { property, statement: s.label, value: s.notAction.values }, r);
                    }
                }
            }
            for (const { property, arn } of managedArnsOf(graph, r)) {
                if (awsManagedName(arn) === "AdministratorAccess") report("administratorAccess", { property, value: arn }, r);
            }
        }
    },
});
