// Property-based tests over every registered policy: generated inputs through the same SDK semantics as the
// case tables. A new policy is covered by registering it; its case table seeds the property names to fuzz.
import fc from "fast-check";
import { isSecretEnvelope } from "../engine/client";
import { Policy } from "../lib/policy";
import { UNKNOWN, isRecord } from "../lib/values";
import { policies } from "../policies";
import { casesOf } from "./cases";
import { Case, CaseResource, Outcome, runCase, runRemediate, secret } from "./tester";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);
const resourcePolicies = policies.filter((p) => p.kind === "resource");
const stackPolicies = policies.filter((p) => p.kind === "stack");

/** Property paths the policy's own cases use: the fuzzer aims at what the policy reads. */
function keysOf(p: Policy): string[] {
    const cases = casesOf(p.name);
    const all = cases ? [...cases.valid, ...cases.invalid, ...(cases.notApplicable ?? [])] : [];
    const keys = new Set<string>();
    for (const c of all) {
        for (const k of Object.keys(c.props ?? {})) keys.add(k);
        for (const r of c.resources ?? []) for (const k of Object.keys(r.props ?? {})) keys.add(k);
    }
    return [...keys];
}

const shortLeaf = fc.oneof(
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string(),
    fc.constant(null),
    fc.constant(UNKNOWN),
    fc.constantFrom("true", "false", "0", "-1", "0.0.0.0/0", "*", "arn:aws:s3:::x", "15.3", "alias/x"),
);
// Long strings are built by repetition: generating thousands of random characters one by one costs seconds per policy.
const longString = fc.tuple(fc.string({ minLength: 1, maxLength: 16 }), fc.integer({ min: 2000, max: 4000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n));
const leaf = fc.oneof(shortLeaf, longString);

const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        leaf,
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 12 }), tie("value"), { maxKeys: 4 }),
        tie("value").map((v) => secret(v)),
    ),
}));

const hugeArray = fc.array(shortLeaf, { minLength: 500, maxLength: 2000 });

function deep(depth: number, inner: unknown): unknown {
    let v = inner;
    for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { nested: v };
    return v;
}

function propsFor(keys: string[]): fc.Arbitrary<Record<string, unknown>> {
    const known = keys.length ? fc.dictionary(fc.constantFrom(...keys), fc.oneof({ arbitrary: value, weight: 6 }, { arbitrary: hugeArray, weight: 1 }, { arbitrary: value.map((v) => deep(40, v)), weight: 2 }), { maxKeys: keys.length }) : fc.constant({});
    return fc.tuple(known, fc.dictionary(fc.string({ maxLength: 10 }), value, { maxKeys: 3 })).map(([a, b]) => ({ ...b, ...a }));
}

function assertSound(outcome: Outcome): void {
    expect(outcome.messageIds).not.toContain("internalError");
    expect(outcome.diagnostics.filter((d) => d.message.startsWith("can't run"))).toEqual([]);
    expect(outcome.diagnostics.length).toBe(outcome.messageIds.length + outcome.configErrors.length);
}

const marker = fc.integer({ min: 100000, max: 999999 }).map((n) => `S3CRET${n}value`);

/** Puts distinctive secret strings at random places in a props object. */
function withSecrets(keys: string[]): fc.Arbitrary<{ props: Record<string, unknown>; secrets: string[] }> {
    return fc.tuple(propsFor(keys), fc.array(fc.tuple(fc.constantFrom(...(keys.length ? keys : ["x"])), marker, fc.nat(3)), { minLength: 1, maxLength: 4 })).map(([props, placed]) => {
        const out: Record<string, unknown> = { ...props };
        const secrets: string[] = [];
        for (const [key, s, depth] of placed) {
            secrets.push(s);
            out[key] = deep(depth, secret(s));
        }
        return { props: out, secrets };
    });
}

describe.each(resourcePolicies.map((p) => [p.name, p] as const))("%s (resource policy)", (_name, policy) => {
    const keys = keysOf(policy);
    const types = fc.constantFrom(...policy.types.filter((t) => t !== "*"), "aws:s3/bucket:Bucket");

    test("never throws, never trips on unknowns, on arbitrary input", () => {
        fc.assert(fc.property(types, propsFor(keys), (type, props) => assertSound(runCase(policy, { type, props }))), { numRuns: RUNS });
    });

    test("never prints a secret value", () => {
        fc.assert(
            fc.property(types, withSecrets(keys), (type, { props, secrets }) => {
                const outcome = runCase(policy, { type, props });
                for (const d of outcome.diagnostics) for (const s of secrets) expect(d.message).not.toContain(s);
            }),
            { numRuns: RUNS },
        );
    });

    test("a resource whose checked properties are all unknown gets no violation", () => {
        const cases = casesOf(policy.name);
        for (const c of [...(cases?.valid ?? []), ...(cases?.invalid ?? [])]) {
            const props = Object.fromEntries(keys.map((k) => [k, UNKNOWN]));
            const outcome = runCase(policy, { type: c.type, name: c.name, config: c.config, stack: c.stack, env: c.env, props });
            expect({ why: c.why, ids: outcome.messageIds }).toEqual({ why: c.why, ids: [] });
        }
    });

    test("works with no config at all, and with invalid config", () => {
        fc.assert(
            fc.property(types, propsFor(keys), fc.dictionary(fc.constantFrom(...Object.keys(policy.config ?? {}), "bogus"), value), (type, props, config) => {
                assertSound(runCase(policy, { type, props }));
                const outcome = runCase(policy, { type, props, config });
                expect(outcome.messageIds).not.toContain("internalError");
            }),
            { numRuns: RUNS },
        );
    });

    if (policy.fix) {
        test("remediation returns secrets still wrapped as secrets", async () => {
            await fc.assert(
                fc.asyncProperty(withSecrets(keys), async ({ props, secrets }) => {
                    const out = await runRemediate(policy, { props });
                    if (out) for (const s of secrets) expect(plainStrings(out)).not.toContain(s);
                }),
                { numRuns: RUNS },
            );
        });
    }
});

/** String leaves outside secret envelopes. */
function plainStrings(value: unknown, out: string[] = []): string[] {
    if (Array.isArray(value)) value.forEach((v) => plainStrings(v, out));
    else if (isRecord(value)) {
        if (isSecretEnvelope(value)) return out;
        Object.values(value).forEach((v) => plainStrings(v, out));
    } else if (typeof value === "string") out.push(value);
    return out;
}

function findingKeys(outcome: Outcome): string[] {
    return outcome.diagnostics.map((d) => `${d.urn}|${d.message}`);
}

describe.each(stackPolicies.map((p) => [p.name, p] as const))("%s (stack policy)", (_name, policy) => {
    const keys = keysOf(policy);
    const cases = casesOf(policy.name);

    test("never throws on generated stacks with random wiring", () => {
        const resource = fc.record({ type: fc.constantFrom(...policy.types), props: fc.dictionary(fc.constantFrom(...keys, "bucket"), value, { maxKeys: 4 }) });
        fc.assert(
            fc.property(fc.array(resource, { minLength: 1, maxLength: 12 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...keys, "bucket")), { maxLength: 10 }), (list, edges) => {
                const resources: CaseResource[] = list.map((r, i) => ({ ...r, name: `r${i}` }));
                for (const [from, to, prop] of edges) {
                    const r = resources[from % resources.length];
                    r.propertyDependencies = { ...r.propertyDependencies, [prop]: [`r${to % resources.length}`] };
                }
                assertSound(runCase(policy, { resources }));
            }),
            { numRuns: RUNS },
        );
    });

    test("an unknown value in another resource hides no violation", () => {
        for (const c of cases?.invalid ?? []) {
            const before = findingKeys(runCase(policy, c));
            fc.assert(
                fc.property(fc.constantFrom(...keys), (key) => {
                    const extra: CaseResource = { type: "test:index/unrelated:Unrelated", name: "zz-extra", props: Object.fromEntries(keys.map((k) => [k, UNKNOWN])) };
                    // Unknowns go into siblings of the flagged resource (same type, not wired to it) and an unrelated resource.
                    const flaggedType = c.resources?.find((r) => r.name === c.on)?.type;
                    const touched = (c.resources ?? []).map((r) => (r.type !== flaggedType || related(c, r.name) ? r : { ...r, props: { ...r.props, [key]: UNKNOWN } }));
                    const after = findingKeys(runCase(policy, { ...c, resources: [...touched, extra] } as Case));
                    for (const f of before) expect(after).toContain(f);
                }),
                { numRuns: 10 },
            );
        }
    });

    test("never prints a secret value", () => {
        fc.assert(
            fc.property(fc.constantFrom(...policy.types), withSecrets(keys), (type, { props, secrets }) => {
                const outcome = runCase(policy, { resources: [{ type, name: "s", props }, ...(cases?.invalid[0]?.resources ?? [])] });
                for (const d of outcome.diagnostics) for (const s of secrets) expect(d.message).not.toContain(s);
            }),
            { numRuns: RUNS },
        );
    });
});

/** A resource the flagged one is wired to (either way), or the flagged one itself. */
function related(c: Case & { on?: string }, name: string): boolean {
    if (name === c.on) return true;
    const byName = new Map((c.resources ?? []).map((r) => [r.name, r]));
    const links = (r: CaseResource | undefined) => [...Object.values(r?.propertyDependencies ?? {}).flat(), ...(r?.dependencies ?? []), r?.parent ?? ""];
    return links(byName.get(name)).includes(c.on ?? "") || links(byName.get(c.on ?? "")).includes(name);
}

// `pulumi policy analyze` sends no ConfigureStack: the pack names the stack from each resource's URN instead.
const UNKNOWN_TAGS_NOTE = / \(Stack "[^"]*" was named by the resource's URN[^)]*productionStacks\.\)/g;
const NO_STACK_NAMED = { PULUMI_NODEJS_STACK: undefined, PULUMI_STACK: undefined };
const stackNames = fc.oneof(fc.constantFrom("prod", "production", "prod-eu", "eu-prod", "dev", "qa", "pr-1234", "staging"), fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/));

/** Each finding's resource, level and message, without the notes a run over existing state adds. */
function verdicts(outcome: Outcome, policy: Policy): string[] {
    const notes = Object.values(policy.existingResources ?? {});
    const plain = (m: string): string => notes.reduce((text, note) => text.split(` ${note}`).join(""), m.replace(UNKNOWN_TAGS_NOTE, ""));
    return outcome.diagnostics.map((d) => `${d.urn}|${d.enforcementLevel ?? "policy level"}|${plain(d.message)}`).sort();
}

describe.each(policies.map((p) => [p.name, p] as const))("%s on existing state", (_name, policy) => {
    const cases = casesOf(policy.name);
    const all = cases ? [...cases.valid, ...cases.invalid, ...(cases.notApplicable ?? [])] : [];
    // Stack tags are unknown without ConfigureStack, so only cases without tags can agree.
    const untagged = all.filter((c) => Object.keys(c.stackTags ?? {}).length === 0);

    test("the verdicts are the same whether or not ConfigureStack named the same stack", () => {
        fc.assert(
            fc.property(fc.constantFrom(...untagged), stackNames, (c, stack) => {
                const configured = runCase(policy, { ...c, stack });
                const fromUrn = runCase(policy, { ...c, stack, env: { ...c.env, ...NO_STACK_NAMED } });
                expect(verdicts(fromUrn, policy)).toEqual(verdicts(configured, policy));
                expect(fromUrn.messageIds).toEqual(configured.messageIds);
                expect(Boolean(fromUrn.notApplicable)).toBe(Boolean(configured.notApplicable));
            }),
            { numRuns: Math.min(RUNS, Math.max(untagged.length, 1) * 2) },
        );
    });

    test('"[secret]" (an offline export\'s redacted secret) adds no mandatory verdict in place of any property', () => {
        /** Mandatory verdicts per resource: a redacted value may change a message's wording or level, never add one. */
        const count = (outcome: Outcome): Map<string, number> => {
            const out = new Map<string, number>();
            for (const d of outcome.diagnostics) if (!d.enforcementLevel && policy.enforcementLevel === "mandatory") out.set(`${d.urn}`, (out.get(`${d.urn}`) ?? 0) + 1);
            return out;
        };
        // As `pulumi policy analyze --file` sends them: no stack named.
        for (const c of all.map((x) => ({ ...x, env: { ...x.env, ...NO_STACK_NAMED } }))) {
            const before = count(runCase(policy, c));
            // A redacted tag map hides an in-code exemption, which then rightly no longer applies.
            const keys = (policy.kind === "resource" ? Object.keys(c.props ?? {}) : (c.resources ?? []).flatMap((r, i) => Object.keys(r.props ?? {}).map((k) => `${i}:${k}`))).filter(
                (k) => !/(^|:)tags(All)?$/.test(k),
            );
            for (const key of keys) {
                const [at, prop] = policy.kind === "resource" ? [-1, key] : [Number(key.split(":")[0]), key.slice(key.indexOf(":") + 1)];
                const redacted: Case =
                    at < 0
                        ? { ...c, props: { ...c.props, [prop]: "[secret]" } }
                        : { ...c, resources: (c.resources ?? []).map((r, i) => (i === at ? { ...r, props: { ...r.props, [prop]: "[secret]" } } : r)) };
                const outcome = runCase(policy, redacted);
                const added = [...count(outcome)].filter(([k, n]) => n > (before.get(k) ?? 0)).map(([k]) => k);
                expect({ why: c.why, key, added, messages: added.length ? outcome.diagnostics.map((d) => d.message) : [] }).toEqual({ why: c.why, key, added: [], messages: [] });
            }
        }
    });
});
