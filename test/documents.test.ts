// The readers of `pulumi preview --json` and `pulumi stack export` documents, on small fixtures.
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { SECRET_SIG, SIG_KEY, UNKNOWN_STRING, secret } from "../engine/client";
import { DocumentError, parseUrn, readDocument, readDocumentFile } from "../engine/documents";

const U = UNKNOWN_STRING;
const urn = (type: string, name: string, stack = "dev"): string => `urn:pulumi:${stack}::shop::${type}::${name}`;
const ROOT = urn("pulumi:pulumi:Stack", "shop-dev");
const PROVIDER = urn("pulumi:providers:aws", "default_7_48_0");
const PROVIDER_REF = `${PROVIDER}::${U}`;
const BUCKET = urn("aws:s3/bucket:Bucket", "logs");
const DB = urn("aws:rds/cluster:Cluster", "db");
const OLD = urn("aws:sqs/queue:Queue", "old");
const READ = urn("aws:ec2/vpc:Vpc", "default");
const SAME = urn("aws:kms/key:Key", "key");
const REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

const preview = {
    config: { "aws:region": "eu-west-1", "shop:dbPassword": "[secret]" },
    steps: [
        { op: "create", urn: ROOT, newState: { urn: ROOT, custom: false, type: "pulumi:pulumi:Stack" }, detailedDiff: null },
        {
            op: "create",
            urn: PROVIDER,
            newState: { urn: PROVIDER, custom: true, type: "pulumi:providers:aws", inputs: { region: "eu-west-1", secretKey: "[secret]" } },
            detailedDiff: null,
        },
        {
            op: "create",
            urn: BUCKET,
            provider: PROVIDER_REF,
            newState: {
                urn: BUCKET,
                custom: true,
                type: "aws:s3/bucket:Bucket",
                inputs: {
                    bucket: "logs-dev",
                    tags: { owner: "[secret]" },
                    policyOwner: { [SIG_KEY]: REF_SIG, urn: SAME, id: "key-123", packageVersion: "7.48.0" },
                    component: { [SIG_KEY]: REF_SIG, urn: ROOT, id: "", packageVersion: "" },
                    arn: U,
                },
                parent: ROOT,
                provider: PROVIDER_REF,
                protect: true,
                ignoreChanges: ["tags"],
                customTimeouts: { create: 60, delete: 120 },
                dependencies: [SAME],
                propertyDependencies: { policyOwner: [SAME], bucket: [] },
            },
            detailedDiff: null,
        },
        // A replacement shows as several steps for one URN.
        { op: "create-replacement", urn: DB, provider: PROVIDER_REF, newState: { urn: DB, custom: true, type: "aws:rds/cluster:Cluster", inputs: { engine: "aurora-postgresql" }, provider: PROVIDER_REF } },
        { op: "replace", urn: DB, provider: PROVIDER_REF, newState: { urn: DB, custom: true, type: "aws:rds/cluster:Cluster", inputs: { engine: "aurora-postgresql" }, provider: PROVIDER_REF } },
        { op: "delete-replaced", urn: DB, provider: PROVIDER_REF, oldState: { urn: DB, custom: true, type: "aws:rds/cluster:Cluster", inputs: { engine: "aurora-mysql" } } },
        { op: "delete", urn: OLD, oldState: { urn: OLD, custom: true, type: "aws:sqs/queue:Queue", inputs: {} } },
        { op: "read", urn: READ, newState: { urn: READ, custom: true, external: true, type: "aws:ec2/vpc:Vpc", inputs: { id: "vpc-1" }, provider: "urn:pulumi:dev::shop::pulumi:providers:aws::east::abc" } },
        {
            op: "same",
            urn: SAME,
            provider: PROVIDER_REF,
            newState: { urn: SAME, custom: true, type: "aws:kms/key:Key", inputs: { description: "k" }, outputs: { description: "k", arn: "arn:aws:kms:eu-west-1:1:key/1" }, provider: PROVIDER_REF },
        },
    ],
    duration: 1000000000,
    changeSummary: { create: 3, replace: 1, delete: 1, read: 1, same: 4 },
};

const exported = {
    version: 3,
    deployment: {
        manifest: { time: "2026-11-01T00:00:00Z", magic: "x", version: "v3.200.0" },
        secrets_providers: { type: "passphrase", state: { salt: "v1:abc" } },
        resources: [
            { urn: ROOT, custom: false, type: "pulumi:pulumi:Stack", outputs: { url: "https://example.com" } },
            { urn: PROVIDER, custom: true, id: "p-1", type: "pulumi:providers:aws", inputs: { region: "us-east-1" }, outputs: { region: "us-east-1" } },
            {
                urn: DB,
                custom: true,
                id: "db-1",
                type: "aws:rds/cluster:Cluster",
                provider: `${PROVIDER}::p-1`,
                parent: ROOT,
                inputs: {
                    masterPassword: { [SIG_KEY]: SECRET_SIG, ciphertext: "v1:ZW5jcnlwdGVk" },
                    masterUsername: { [SIG_KEY]: SECRET_SIG, plaintext: '"admin"' },
                    tags: { [SIG_KEY]: SECRET_SIG, plaintext: '{"team":"payments"}' },
                    engine: "aurora-postgresql",
                },
                outputs: { engine: "aurora-postgresql", endpoint: "db.example.com", masterPassword: { [SIG_KEY]: SECRET_SIG, plaintext: "not json" } },
            },
            { urn: OLD, custom: true, id: "q-1", type: "aws:sqs/queue:Queue", delete: true, inputs: {} },
            { urn: READ, custom: true, id: "vpc-1", type: "aws:ec2/vpc:Vpc", external: true, inputs: {}, outputs: { cidrBlock: "172.31.0.0/16" }, provider: `${PROVIDER}::p-1` },
        ],
    },
};

describe("pulumi preview --json", () => {
    const doc = readDocument(preview);
    const byUrn = new Map(doc.resources.map((r) => [r.urn, r]));

    test("stack and project come from the URNs; blinded config is left out", () => {
        expect(doc.format).toBe("preview");
        expect(doc.stack).toBe("dev");
        expect(doc.project).toBe("shop");
        expect(doc.config).toEqual({ "aws:region": "eu-west-1" });
    });

    test("every registered resource once, in document order; deletes skipped; the root stack and providers kept", () => {
        expect(doc.resources.map((r) => r.urn)).toEqual([ROOT, PROVIDER, BUCKET, DB, READ, SAME]);
        expect(byUrn.get(DB)?.props).toEqual({ engine: "aurora-postgresql" });
    });

    test("reads are only part of the stack analysis", () => {
        expect(byUrn.get(READ)?.stackOnly).toBe(true);
        expect(byUrn.get(BUCKET)?.stackOnly).toBeUndefined();
    });

    test("a provider reference becomes the provider, with its inputs", () => {
        expect(byUrn.get(BUCKET)?.provider).toEqual({
            type: "pulumi:providers:aws",
            name: "default_7_48_0",
            urn: PROVIDER,
            props: { region: "eu-west-1", secretKey: secret(U) },
        });
        expect(byUrn.get(READ)?.provider).toBeUndefined();
        expect(doc.warnings.some((w) => w.includes("urn:pulumi:dev::shop::pulumi:providers:aws::east"))).toBe(true);
    });

    test('"[secret]" becomes a secret whose value is unknown; unknowns stay sentinels; resource refs become id or URN', () => {
        expect(byUrn.get(BUCKET)?.props).toEqual({ bucket: "logs-dev", tags: { owner: secret(U) }, policyOwner: "key-123", component: ROOT, arn: U });
    });

    test("options, parent and dependencies are carried over", () => {
        const b = byUrn.get(BUCKET);
        expect(b?.options).toEqual({ protect: true, ignoreChanges: ["tags"], additionalSecretOutputs: undefined, aliases: undefined, customTimeouts: { create: 60, update: undefined, delete: 120 } });
        expect(b?.parent).toBe(ROOT);
        expect(b?.dependencies).toEqual([SAME]);
        expect(b?.propertyDependencies).toEqual({ policyOwner: [SAME], bucket: [] });
        expect(b?.name).toBe("logs");
    });

    test("outputs are kept when the document has them; otherwise the inputs stand in", () => {
        expect(byUrn.get(SAME)?.outputs).toEqual({ description: "k", arn: "arn:aws:kms:eu-west-1:1:key/1" });
        expect(byUrn.get(BUCKET)?.outputs).toBeUndefined();
    });

    test("a preview without its unchanged resources says so", () => {
        expect(doc.warnings.some((w) => w.includes("--show-sames"))).toBe(true);
    });
});

describe("pulumi stack export", () => {
    const doc = readDocument(exported);
    const byUrn = new Map(doc.resources.map((r) => [r.urn, r]));

    test("resources marked for deletion are skipped; everything else, external ones too, is analyzed", () => {
        expect(doc.format).toBe("export");
        expect(doc.resources.map((r) => r.urn)).toEqual([ROOT, PROVIDER, DB, READ]);
        expect(doc.resources.every((r) => !r.stackOnly)).toBe(true);
    });

    test("ciphertext secrets are unknown; --show-secrets plaintext is decoded and stays secret", () => {
        expect(byUrn.get(DB)?.props).toEqual({
            masterPassword: secret(U),
            masterUsername: secret("admin"),
            tags: secret({ team: "payments" }),
            engine: "aurora-postgresql",
        });
        expect(byUrn.get(DB)?.outputs?.masterPassword).toEqual(secret(U));
    });

    test("providers are matched by URN whatever their id", () => {
        expect(byUrn.get(DB)?.provider?.props).toEqual({ region: "us-east-1" });
        expect(byUrn.get(READ)?.provider?.urn).toBe(PROVIDER);
        expect(doc.warnings).toEqual([]);
    });

    test("a bare deployment (without the version wrapper) is read too", () => {
        expect(readDocument(exported.deployment).resources).toHaveLength(4);
    });
});

describe("unusable input", () => {
    test.each([
        ["not an object", null, /not a JSON object/],
        ["an unrelated document", { name: "x" }, /neither a `pulumi preview --json`/],
        ["steps that are not a list", { steps: {} }, /steps must be an array/],
        ["a step without a URN", { steps: [{ op: "create", newState: { type: "a:b:C" } }] }, /steps\[0\] has no urn/],
        ["a newer deployment version", { version: 4, deployment: { resources: [] } }, /version 4/],
        ["resources that are not a list", { version: 3, deployment: { resources: "x" } }, /must be an array/],
    ])("%s is refused with a clear error", (_why, doc, message) => {
        expect(() => readDocument(doc)).toThrow(DocumentError);
        expect(() => readDocument(doc)).toThrow(message);
    });

    test("a missing file and a file that is not JSON name the file", () => {
        const dir = mkdtempSync(path.join(tmpdir(), "documents-"));
        const bad = path.join(dir, "bad.json");
        writeFileSync(bad, "{ not json");
        expect(() => readDocumentFile(path.join(dir, "missing.json"))).toThrow(/missing\.json: cannot read: ENOENT/);
        expect(() => readDocumentFile(bad)).toThrow(/bad\.json: not valid JSON/);
        rmSync(dir, { recursive: true, force: true });
    });

    test("URNs parse into stack, project, type and name (parent types and :: in names included)", () => {
        expect(parseUrn("urn:pulumi:dev::shop::my:component:Thing$aws:s3/bucket:Bucket::a::b")).toEqual({
            stack: "dev",
            project: "shop",
            type: "aws:s3/bucket:Bucket",
            name: "a::b",
        });
        expect(parseUrn("not-a-urn")).toBeUndefined();
    });
});
