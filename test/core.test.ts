// The core's promise for bugs of the pack's own: a check that throws is reported, as advisory, through the same
// path as every finding; it never fails the preview (a throw would) and never blocks a deploy (mandatory would).
import type * as sdk from "@pulumi/policy";
import { InfoMessage, analyzerInfoBytes } from "../lib/analyzer-info";
import { resolveConfig } from "../lib/config";
import { TODAY_ENV } from "../lib/clock";
import { exemptionFor, exemptionNote, exemptionOf } from "../lib/exemptions";
import { configSchemaOf, definePolicy } from "../lib/policy";
import { toSdkPolicy } from "../lib/sdk";
import { policies as registry } from "../policies";
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

// A policy that shows what it read: a number, and the actions of a policy document it parsed.
const showsWhatItRead = definePolicy({
    kind: "resource",
    name: "shows-what-it-read",
    family: "iam",
    description: "A policy whose messages quote property values.",
    enforcementLevel: "advisory",
    severity: "low",
    types: ["aws:iam/policy:Policy"],
    messages: { quoted: "{{property}} is {{value}}; actions {{actions}}; listener {{listener}}" },
    remediationSteps: "none",
    check: ({ get, report }) => {
        const doc = JSON.parse(String(get("policy"))) as { Statement: { Action: string[] }[] };
        report("quoted", { property: "retentionInDays", value: get("retentionInDays"), actions: doc.Statement[0].Action, listener: `HTTP:${String(get("port"))}` });
    },
});

test("a secret value is never shown, however short, nor any part of a secret document", () => {
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "kms:Decrypt"], Resource: "*" }] });
    const outcome = runCase(showsWhatItRead, { props: { retentionInDays: secret(45), policy: secret(policy), port: secret(8443) } });
    expect(outcome.diagnostics).toHaveLength(1);
    const message = outcome.diagnostics[0].message;
    expect(message).toContain("retentionInDays is [secret]; actions [secret]; listener [secret]");
    for (const shown of ["45", "s3:GetObject", "kms:Decrypt", "8443"]) expect(message).not.toContain(shown);
});

test("the same values, not secret, are shown", () => {
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: "*" }] });
    const outcome = runCase(showsWhatItRead, { props: { retentionInDays: 45, policy, port: 8080 } });
    expect(outcome.diagnostics[0].message).toContain("retentionInDays is 45; actions s3:GetObject; listener HTTP:8080");
});

test("a config mistake is reported once, as advisory, and the policy runs with its defaults", () => {
    const outcome = runCase(resourcePolicy, { config: { misspeltSettingName: 1 } });
    const configDiagnostics = (c: typeof outcome) => c.diagnostics.filter((d) => d.message.includes("invalid policy config"));
    expect(configDiagnostics(outcome)).toEqual([
        {
            message: expect.stringContaining("invalid policy config: throws-on-resource: misspeltSettingName is not a setting of this policy"),
            enforcementLevel: "advisory",
        },
    ]);
    expect(outcome.messageIds).toEqual(["internalError"]);
    expect(configDiagnostics(runCase(resourcePolicy, { config: { misspeltSettingName: 1 } }))).toEqual([]);
});

test.each([
    ["a real day", "2027-03-31", []],
    ["a day that does not exist", "2027-02-30", ["throws-on-resource: exemptions[0].expires must be a date written YYYY-MM-DD, got \"2027-02-30\""]],
    ["another format, said once", "31/03/2027", ["throws-on-resource: exemptions[0].expires must match ^\\d{4}-\\d{2}-\\d{2}$, got \"31/03/2027\""]],
])("an exemption's expiry: %s", (_why, expires, expected) => {
    const { errors } = resolveConfig(resourcePolicy.name, configSchemaOf(resourcePolicy), { exemptions: [{ resources: ["db"], reason: "ticket SEC-1", expires }] });
    expect(errors.map((e) => e.replace(/; the policy uses the default .*$/, ""))).toEqual(expected);
});

// The pack encodes its GetAnalyzerInfo reply itself (lib/analyzer-info); the engine must decode exactly what the SDK sends.
// `huge` is larger than the writer's first buffer, so it must grow without losing what it holds.
test("the GetAnalyzerInfo reply decodes to the SDK's own, for every policy and any schema value", () => {
    const { AnalyzerInfo } = require("@pulumi/pulumi/proto/analyzer_pb") as { AnalyzerInfo: { deserializeBinary(b: Uint8Array): { toObject(): unknown } } };
    const protoutil = require("@pulumi/policy/protoutil") as { makeAnalyzerInfo(...a: unknown[]): InfoMessage & { toObject(): unknown } };
    const odd: sdk.ResourceValidationPolicy = {
        name: "odd-schema",
        description: "Schema values of every JSON kind.",
        enforcementLevel: "advisory",
        configSchema: {
            properties: {
                all: { type: "object", default: { n: null, f: -1.5e300, big: 2 ** 53, s: "", u: "ünï ☃ 𝄞".repeat(40), huge: "h".repeat(300_000), t: true, no: false, deep: [[[{ a: [] }]], {}] } },
            },
            required: ["all", "second"],
        },
        validateResource: () => undefined,
    };
    const policies = [...registry.map(toSdkPolicy), odd, { ...odd, name: "no-schema", configSchema: undefined }];
    const make = (ps: sdk.Policies) => protoutil.makeAnalyzerInfo("aws-guardrails", "1.2.3", "advisory", { policies: ps, description: "d" }, { "odd-schema": { enforcementLevel: "mandatory" } });
    expect(AnalyzerInfo.deserializeBinary(analyzerInfoBytes(policies, make)).toObject()).toEqual(make(policies).toObject());
});

// Report writers read an exemption back from the message the pack sent; any reason survives the round trip.
test.each([
    ["config", { kind: "exempt", reason: 'legacy "db" (see SEC-42); ok', source: "config", expires: "2027-03-31" }],
    ["tag", { kind: "exempt", reason: "sized by load test LT-9", source: "tag" }],
] as const)("an exemption from %s is read back from its message", (source, verdict) => {
    const message = `${exemptionNote("rds-storage-encrypted", verdict)}storageEncrypted is false, until 2030-01-01); finding kept for the audit trail: x`;
    expect(exemptionOf(message)).toEqual({ source, reason: verdict.reason, ...("expires" in verdict ? { expires: verdict.expires } : {}) });
    expect(exemptionOf(`${exemptionNote("rds-storage-encrypted", { kind: "refused", reason: verdict.reason })}storageEncrypted is false`)).toBeUndefined();
});

test("AWS_GUARDRAILS_TODAY moves exemption expiry too: an exemption is live up to its day and expired after it", () => {
    const resource = { type: "aws:s3/bucket:Bucket", name: "legacy", urn: "urn:pulumi:dev::p::aws:s3/bucket:Bucket::legacy", props: {}, opts: {}, dependencies: [], propertyDependencies: {} };
    const config = { exemptions: [{ resources: ["legacy"], reason: "imported", expires: "2027-03-31" }] };
    const saved = process.env[TODAY_ENV];
    try {
        process.env[TODAY_ENV] = "2027-03-31";
        expect(exemptionFor("s3-force-destroy", resource, config)).toMatchObject({ kind: "exempt", expires: "2027-03-31" });
        process.env[TODAY_ENV] = "2027-04-01";
        expect(exemptionFor("s3-force-destroy", resource, config)).toEqual({ kind: "expired", reason: "imported", expires: "2027-03-31" });
    } finally {
        if (saved === undefined) delete process.env[TODAY_ENV];
        else process.env[TODAY_ENV] = saved;
    }
});
