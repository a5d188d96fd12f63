// The core's promise for bugs of the pack's own: a check that throws is reported, as advisory, through the same
// path as every finding; it never fails the preview (a throw would) and never blocks a deploy (mandatory would).
import { definePolicy } from "../lib/policy";
import { runCase, secret } from "./tester";

const boom = (why: string): never => {
    throw new TypeError(why);
};

const resourcePolicy = definePolicy({
    kind: "resource",
    name: "throws-on-resource",
    family: "names",
    description: "A deliberately broken resource policy.",
    enforcementLevel: "mandatory",
    severity: "critical",
    types: ["aws:s3/bucket:Bucket"],
    messages: {},
    remediationSteps: "none",
    check: ({ get }) => boom(`cannot read ${String(get("password"))}`),
});

const stackPolicy = definePolicy({
    kind: "stack",
    name: "throws-on-stack",
    family: "wiring",
    description: "A deliberately broken stack policy.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: ["aws:s3/bucket:Bucket"],
    messages: {},
    remediationSteps: "none",
    check: () => boom("graph walk failed"),
});

test.each([
    ["a resource policy", resourcePolicy, { props: { password: secret("hunter2-secret") } }],
    ["a stack policy", stackPolicy, { resources: [{ type: "aws:s3/bucket:Bucket", name: "b" }] }],
])("%s that throws gets one advisory diagnostic, without the secret it read", (_what, policy, c) => {
    const outcome = runCase(policy, c);
    expect(outcome.messageIds).toEqual(["internalError"]);
    expect(outcome.diagnostics).toHaveLength(1);
    expect(outcome.diagnostics[0].enforcementLevel).toBe("advisory");
    expect(outcome.diagnostics[0].message).toContain(`policy ${policy.name} could not evaluate this resource`);
    expect(outcome.diagnostics[0].message).not.toContain("hunter2-secret");
});
