// Checks every registered policy's metadata, case table and docs, so a new policy cannot skip any of them.
import { existsSync, readFileSync, readdirSync } from "fs";
import * as path from "path";
import { resolveConfig, validate } from "../lib/config";
import { configSchemaOf } from "../lib/policy";
import { UNKNOWN } from "../lib/values";
import { policies } from "../policies";
import { ROOT, generated } from "../tools/catalog";
import { casesOf } from "./cases";
import { Case, secretsIn } from "./tester";

const FAMILIES = ["naming", "versions", "encryption", "public-access", "retention", "destroyability", "secrets", "transport", "iam", "tags", "wiring", "names", "resilience"];
const TOKEN = /^[a-z0-9-]+:[a-zA-Z0-9-]+\/[a-zA-Z0-9]+:[A-Za-z0-9]+$|^aws-native:[a-z0-9]+:[A-Za-z0-9]+$|^\*$/;

function mentionsUnknown(value: unknown): boolean {
    if (value === UNKNOWN) return true;
    if (Array.isArray(value)) return value.some(mentionsUnknown);
    if (value && typeof value === "object") return Object.values(value).some(mentionsUnknown);
    return false;
}

function allCases(name: string): Case[] {
    const c = casesOf(name);
    return c ? [...c.valid, ...c.invalid, ...(c.notApplicable ?? [])] : [];
}

test("every policy file is registered, once, under its own name", () => {
    const files = readdirSync(path.join(ROOT, "policies")).filter((f) => f.endsWith(".ts") && f !== "index.ts");
    const names = policies.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(files.map((f) => f.replace(/\.ts$/, "")).sort());
});

describe.each(policies.map((p) => [p.name, p] as const))("%s", (name, policy) => {
    test("metadata is complete", () => {
        expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(name).not.toBe("all");
        expect(policy.description).toMatch(/^[A-Z`].*\.$/);
        expect(policy.remediationSteps.length).toBeGreaterThan(10);
        expect(FAMILIES).toContain(policy.family);
        expect(["low", "medium", "high", "critical"]).toContain(policy.severity);
        expect(["advisory", "mandatory"]).toContain(policy.enforcementLevel);
        expect(policy.types.length).toBeGreaterThan(0);
        for (const t of policy.types) expect(t).toMatch(TOKEN);
        expect(Object.keys(policy.messages).length).toBeGreaterThan(0);
    });

    test("every config field has a description and a default that its own schema accepts", () => {
        for (const [field, schema] of Object.entries(configSchemaOf(policy))) {
            expect(schema.description).toBeTruthy();
            // allowInCodeExemptions alone follows the effective level (lib/exemptions inCodeExemptionsByDefault).
            if (field !== "allowInCodeExemptions") expect(schema).toHaveProperty("default");
            if (schema.default !== undefined) expect(validate(schema, schema.default, field)).toEqual([]);
            expect(field).not.toBe("enforcementLevel");
        }
    });

    test("config of the wrong type is rejected with the policy and field named", () => {
        for (const field of Object.keys(configSchemaOf(policy))) {
            const { errors } = resolveConfig(name, configSchemaOf(policy), { [field]: { wrong: true } });
            expect(errors.length).toBeGreaterThan(0);
            expect(errors[0]).toContain(`${name}: ${field}`);
        }
        expect(resolveConfig(name, configSchemaOf(policy), { noSuchSetting: 1 }).errors[0]).toContain("noSuchSetting");
    });

    test("the case table covers every message, unknowns, secrets and malformed input", () => {
        const cases = casesOf(name);
        expect(cases).toBeDefined();
        if (!cases) return;
        expect(cases.valid.length).toBeGreaterThan(0);
        const ids = new Set(cases.invalid.map((c) => c.messageId));
        for (const id of Object.keys(policy.messages)) expect([...ids]).toContain(id);
        expect(cases.valid.some((c) => mentionsUnknown(c.props) || mentionsUnknown(c.resources))).toBe(true);
        expect(allCases(name).some((c) => secretsIn(c.props).length + secretsIn(c.resources).length > 0)).toBe(true);
        expect(allCases(name).some((c) => /malformed/i.test(c.why ?? ""))).toBe(true);
    });

    test("has a generated docs page", () => {
        expect(existsSync(path.join(ROOT, "docs", "policies", `${name}.md`))).toBe(true);
    });
});

test("the catalog in README.md and docs/policies is up to date (run `npm run docs`)", () => {
    for (const [file, content] of generated()) expect({ file, content: readFileSync(file, "utf8") }).toEqual({ file, content });
    const pages = readdirSync(path.join(ROOT, "docs", "policies")).map((f) => f.replace(/\.md$/, ""));
    expect(pages.sort()).toEqual(policies.map((p) => p.name).sort());
});
