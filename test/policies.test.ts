// Runs every registered policy's case table (test/policies/<name>.cases.ts) through the shared tester.
import { policies } from "../policies";
import { casesOf } from "./cases";
import { run } from "./tester";

for (const policy of policies) {
    const cases = casesOf(policy.name);
    if (cases) run(policy, cases);
    else test(`${policy.name} has a case table`, () => expect(cases).toBeDefined());
}
