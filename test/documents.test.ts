// The readers of `pulumi preview --json` and `pulumi stack export` documents, on small fixtures.
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { SECRET_SIG, SIG_KEY, UNKNOWN_STRING, secret } from "../engine/client";
import { DocumentError, parseUrn, readDocument, readDocumentFile, readJsonFile } from "../engine/documents";

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
                    component: { [SIG_KEY]: REF_SIG, urn: ROOT, packageVersion: "" },
                    pendingKey: { [SIG_KEY]: REF_SIG, urn: SAME, id: "", packageVersion: "7.48.0" },
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

    test("blinded config keys are counted; each resource keeps the state it was read from", () => {
        expect(doc.blindedConfig).toEqual(["shop:dbPassword"]);
        expect(doc.states.map((s) => s.urn)).toEqual(doc.resources.map((r) => r.urn));
        expect(doc.deploymentVersion).toBeUndefined();
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

    test('"[secret]" becomes a secret whose value is unknown; unknowns stay sentinels; resource refs become id (unknown when "") or a component\'s URN', () => {
        expect(byUrn.get(BUCKET)?.props).toEqual({ bucket: "logs-dev", tags: { owner: secret(U) }, policyOwner: "key-123", component: ROOT, pendingKey: U, arn: U });
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

describe("steps as the engine emits them", () => {
    const LOGS = urn("aws:cloudwatch/logGroup:LogGroup", "logs");
    const SG = urn("aws:ec2/securityGroup:SecurityGroup", "web");
    const GONE = urn("aws:ec2/securityGroup:SecurityGroup", "legacy");
    const EXT = urn("aws:ec2/vpc:Vpc", "shared");
    const st = (u: string, inputs: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
        urn: u,
        custom: true,
        type: parseUrn(u)?.type,
        inputs,
        provider: PROVIDER_REF,
        ...extra,
    });
    // `pulumi preview --refresh --json`: each stored resource's refresh step comes before its own step (step_generator.go).
    const refreshed = readDocument({
        steps: [
            { op: "same", urn: ROOT, oldState: { urn: ROOT, custom: false, type: "pulumi:pulumi:Stack" }, newState: { urn: ROOT, custom: false, type: "pulumi:pulumi:Stack" } },
            { op: "refresh", urn: SG, oldState: st(SG, { cidr: "0.0.0.0/0" }), newState: st(SG, { cidr: "0.0.0.0/0" }, { outputs: { cidr: "0.0.0.0/0", id: "sg-1" } }) },
            { op: "refresh", urn: LOGS, oldState: st(LOGS, { name: "l" }), newState: st(LOGS, { name: "l" }, { outputs: { name: "l", arn: "arn:l" }, sourcePosition: "project:///index.ts#3,1" }) },
            { op: "refresh", urn: GONE, newState: st(GONE, { cidr: "0.0.0.0/0" }) },
            { op: "refresh", urn: EXT, newState: st(EXT, {}, { external: true, outputs: { cidrBlock: "10.0.0.0/16" } }) },
            { op: "update", urn: SG, oldState: st(SG, { cidr: "0.0.0.0/0" }), newState: st(SG, { cidr: "10.0.0.0/8" }, { sourcePosition: "project:///index.ts#9,5" }) },
            { op: "delete", urn: GONE, oldState: st(GONE, { cidr: "0.0.0.0/0" }) },
            { op: "read", urn: EXT, newState: st(EXT, {}, { external: true, outputs: { cidrBlock: "10.0.0.0/16" } }) },
        ],
        changeSummary: { same: 3, refresh: 4, update: 1, delete: 1, read: 1 },
    });
    const byUrn = new Map(refreshed.resources.map((r) => [r.urn, r]));

    test("a refresh stands in until the resource's own step: that step's inputs are analyzed, in the refresh's place", () => {
        expect(refreshed.resources.map((r) => r.urn)).toEqual([ROOT, SG, LOGS, EXT]);
        expect(byUrn.get(SG)?.props).toEqual({ cidr: "10.0.0.0/8" });
        expect(refreshed.states[1].sourcePosition).toBe("project:///index.ts#9,5");
    });

    test("a resource refreshed and then deleted is gone; a refresh with no later step is an unchanged, registered resource", () => {
        expect(byUrn.has(GONE)).toBe(false);
        expect(byUrn.get(LOGS)).toMatchObject({ props: { name: "l" }, outputs: { name: "l", arn: "arn:l" } });
        expect(byUrn.get(LOGS)?.stackOnly).toBeUndefined();
        expect(byUrn.get(EXT)?.stackOnly).toBe(true);
    });

    test("refreshed unchanged resources count as shown; only the hidden provider is reported missing", () => {
        expect(refreshed.warnings.filter((w) => w.includes("--show-sames"))).toEqual([expect.stringMatching(/^1 unchanged resource\(s\)/)]);
    });

    test.each([
        ["same", { arn: "arn:old" }],
        ["read", { arn: "arn:old" }],
        ["update", undefined],
        ["create", undefined],
    ])("a %s step whose new state lost its outputs (pulumi#9571) gets %j for stack policies", (op, outputs) => {
        const doc = readDocument({ steps: [{ op, urn: LOGS, oldState: st(LOGS, { name: "l" }, { outputs: { arn: "arn:old" } }), newState: st(LOGS, { name: "l" }) }] });
        expect(doc.resources[0].outputs).toEqual(outputs);
    });

    test("a preview with nothing to show has no steps (omitempty) and no resources", () => {
        expect(readDocument({ config: { "aws:region": "us-east-1" }, diagnostics: [{ message: "warning: x", severity: "warning" }] }).resources).toEqual([]);
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

    test.each([
        [1, undefined],
        [2, undefined],
        [3, undefined],
        [4, ["refreshBeforeUpdate", "views", "hooks", "taint"]],
    ])("version %d (features %j) is read, as the CLI reads it", (version, features) => {
        const doc = readDocument({ ...exported, version, features });
        expect(doc.deploymentVersion).toBe(version);
        expect(doc.resources).toHaveLength(4);
    });

    test("before version 3 every input depends on all the resource's dependencies (migrate.UpToResourceV3)", () => {
        const v2 = { version: 2, deployment: { manifest: {}, resources: [{ urn: BUCKET, custom: true, id: "b", type: "aws:s3/bucket:Bucket", inputs: { bucket: "b", policy: "{}" }, dependencies: [SAME, DB] }] } };
        expect(readDocument(v2).resources[0].propertyDependencies).toEqual({ bucket: [SAME, DB], policy: [SAME, DB] });
        const v3 = { ...v2, version: 3 };
        expect(readDocument(v3).resources[0].propertyDependencies).toEqual({});
    });
});

describe("document files", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "documents-files-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, data: string | Buffer): string => {
        const file = path.join(dir, name);
        writeFileSync(file, data);
        return file;
    };
    const text = JSON.stringify(exported);

    test.each([
        ["UTF-8", Buffer.from(text, "utf8")],
        ["UTF-8 with a BOM (PowerShell `Out-File -Encoding utf8`)", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")])],
        ["UTF-16LE with a BOM (Windows PowerShell `>`)", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])],
    ])("%s is read", (name, data) => {
        const file = write(`${name.length}.json`, data);
        expect(readJsonFile(file)).toEqual({ json: exported, bytes: data.length });
        expect(readDocumentFile(file).resources).toHaveLength(4);
    });

    test.each([
        ["empty.json", "  \n", /empty\.json: empty file, not a/],
        ["events.json", `${JSON.stringify({ sequence: 0, timestamp: 1, preludeEvent: { config: {} } })}\n${JSON.stringify({ sequence: 1, timestamp: 1, cancelEvent: {} })}\n`, /events\.json: a stream of Pulumi engine events/],
        ["two.json", "{}\n{}\n", /two\.json: not valid JSON \(/],
        ["v9.json", JSON.stringify({ version: 9, deployment: {} }), /\/v9\.json: unsupported stack export deployment version 9;/],
    ])("%s is refused with a message naming it", (name, data, message) => {
        expect(() => readDocumentFile(write(name, data))).toThrow(message);
    });
});

describe("unusable input", () => {
    test.each([
        ["not an object", null, /^a JSON null, not a `pulumi preview --json` or `pulumi stack export` document$/],
        ["a list", [], /^a JSON array, not a/],
        ["an unrelated document", { name: "x" }, /neither a `pulumi preview --json`/],
        ["steps that are not a list", { steps: {} }, /steps must be an array/],
        ["a step without a URN", { steps: [{ op: "create", newState: { type: "a:b:C" } }] }, /steps\[0\] has no urn/],
        ["a step without a type", { steps: [{ op: "create", urn: "not-a-urn", newState: {} }] }, /steps\[0\] \(not-a-urn\) has no type/],
        // What the CLI writes when the program throws: the error diagnostic, and only the steps registered before it.
        ["a failed preview", { steps: [], diagnostics: [{ message: "stdout line", severity: "info" }, { urn: ROOT, message: "error: Running program 'x' failed with an unhandled exception:\nTypeError: boom\n", severity: "error" }] }, /^`pulumi preview` failed, so its steps are incomplete: 1 error\(s\), the first: Running program 'x' failed with an unhandled exception: TypeError: boom$/],
        ["a preview that failed before any step", { config: {}, diagnostics: [{ message: "error: no Pulumi.yaml project file found", severity: "error" }] }, /the first: no Pulumi\.yaml project file found$/],
        ["a deployment version newer than the CLI writes", { version: 5, features: ["x"], deployment: { resources: [] } }, /^unsupported stack export deployment version 5; this scanner reads versions 1, 2, 3, 4 \(the document uses features x\)$/],
        ["no deployment version", { deployment: { resources: [] } }, /^unsupported stack export deployment version \(none\)/],
        ["version 0", { version: 0, deployment: { resources: [] } }, /deployment version 0;/],
        ["a version-4 feature the CLI does not know either", { version: 4, features: ["taint", "warpDrive"], deployment: { resources: [] } }, /^the stack export needs deployment features this scanner does not know: warpDrive \(it knows refreshBeforeUpdate, views, hooks, taint\)$/],
        ["resources that are not a list", { version: 3, deployment: { resources: "x" } }, /must be an array/],
        ["a checkpoint (the file backend's state file)", { version: 3, checkpoint: { stack: "dev", latest: { resources: [] } } }, /^a Pulumi checkpoint file, not a `pulumi stack export` document/],
        ["one engine event", { sequence: 0, timestamp: 1764745200, preludeEvent: { config: {} } }, /^a stream of Pulumi engine events .*PULUMI_ENABLE_STREAMING_JSON_PREVIEW/],
    ])("%s is refused with a clear error", (_why, doc, message) => {
        expect(() => readDocument(doc)).toThrow(DocumentError);
        expect(() => readDocument(doc)).toThrow(message);
    });

    test("a missing file and a file that is not JSON name the file", () => {
        const dir = mkdtempSync(path.join(tmpdir(), "documents-"));
        const bad = path.join(dir, "bad.json");
        writeFileSync(bad, "{ not json");
        expect(() => readDocumentFile(path.join(dir, "missing.json"))).toThrow(/missing\.json: no such file$/);
        expect(() => readDocumentFile(bad)).toThrow(/bad\.json: not valid JSON \(/);
        expect(() => readDocumentFile(dir)).toThrow(/: is a directory, not a JSON document$/);
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
