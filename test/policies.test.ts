// Runs every registered policy's case table (test/policies/<name>.cases.ts) through the shared tester.
import { existsSync } from "fs";
import * as path from "path";
import { policies } from "../policies";
import { Cases, run } from "./tester";

export function casesOf(name: string): Cases | undefined {
    const file = path.join(__dirname, "policies", `${name}.cases.js`);
    return existsSync(file) ? (require(file) as { cases: Cases }).cases : undefined;
}

for (const policy of policies) {
    const cases = casesOf(policy.name);
    if (cases) run(policy, cases);
    else test(`${policy.name} has a case table`, () => expect(cases).toBeDefined());
}
