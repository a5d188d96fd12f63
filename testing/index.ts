// aws-guardrails/testing: the pack's verdicts inside the unit tests of a Pulumi TypeScript program, under Pulumi
// mocks, without cloud credentials and without starting the policy pack server.
//
//   import { checkProgram } from "aws-guardrails/testing";
//   it("passes the guardrails", async () => {
//       expect(await checkProgram(() => new TapStack("tap", { environmentSuffix: "dev" }), { stack: "dev" })).toHaveNoMandatoryViolations();
//   });
//
//
// testPolicy runs a table of cases for a policy of your own (made with definePolicy from aws-guardrails/library)
// through the same SDK semantics as the pack's own tables:
//
//   testPolicy(myPolicy, { valid: [{ props: { bucket: "acme-logs" } }], invalid: [{ props: { bucket: "logs" }, messageId: "wrongPrefix" }] });
//
// Importing this module registers the matchers on jest's global `expect`; without one (injectGlobals: false, or
// another runner), call `expect.extend(guardrailsMatchers)` yourself.
import { registerMatchers } from "./matchers";

export { CheckOptions, checkProgram } from "./check";
export { MockOverrides } from "./capture";
export { GuardrailsMatchers, ViolationQuery, guardrailsMatchers } from "./matchers";
export { CheckedResource, FindingLevel, GuardrailsFinding, GuardrailsResult, NotApplicable, Remediation } from "./result";
export { PackConfigError } from "../lib/pack-config";
export { Case, CaseResource, Cases, InvalidCase, TestPolicyOptions, UNKNOWN, secret, testPolicy } from "./table";

registerMatchers();
