// Finds a policy's case table (test/policies/<name>.cases.ts), shared by the tests and the catalog generator.
import { existsSync } from "fs";
import * as path from "path";
import type { Cases } from "./tester";

export function casesOf(name: string): Cases | undefined {
    const file = path.join(__dirname, "policies", `${name}.cases.js`);
    return existsSync(file) ? (require(file) as { cases: Cases }).cases : undefined;
}
