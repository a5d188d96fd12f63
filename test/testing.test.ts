// aws-guardrails/testing on real @pulumi/aws programs under Pulumi mocks: verdicts, capture of options and
// dependencies, secrets, policy pack config (levels, "all", exemptions, remediate, file paths) and its errors.
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { captureProgram } from "../testing/capture";
import { GuardrailsResult, PackConfigError, checkProgram, guardrailsMatchers } from "../testing";

jest.setTimeout(60_000);


const PASSWORD = "Sup3r-Secret-Passw0rd!";
const SECRET_NAME = "payroll-exports-7f3a9c";

function cluster(name: string, extra: Partial<aws.rds.ClusterArgs> = {}, opts?: pulumi.CustomResourceOptions): aws.rds.Cluster {
    return new aws.rds.Cluster(
        name,
        { engine: "aurora-postgresql", engineVersion: "16.9", storageEncrypted: true, backupRetentionPeriod: 7, masterUsername: "app", manageMasterUserPassword: true, ...extra },
        opts,
    );
}

function lockedBucket(name: string, args: aws.s3.BucketArgs = {}): aws.s3.Bucket {
    const bucket = new aws.s3.Bucket(name, { forceDestroy: true, ...args });
    new aws.s3.BucketPublicAccessBlock(`${name}-pab`, {
        bucket: bucket.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    });
    return bucket;
}

function messageOf(result: { message(): string }): string {
    return result.message();
}

describe("checkProgram verdicts", () => {
    it("reports skip-final-snapshot on a database that keeps a final snapshot, and not on one that skips it", async () => {
        const result = await checkProgram(() => {
            cluster("keeps");
            cluster("skips", { skipFinalSnapshot: true });
        });
        expect(result).toHaveViolation("skip-final-snapshot", { resourceName: "keeps", level: "mandatory" });
        expect(result).not.toHaveViolation("skip-final-snapshot", { resourceName: "skips" });
        const finding = result.findings.find((f) => f.policy === "skip-final-snapshot");
        expect(finding).toMatchObject({
            resourceType: "aws:rds/cluster:Cluster",
            urn: "urn:pulumi:stack::project::aws:rds/cluster:Cluster::keeps",
            severity: "high",
        });
        expect(finding?.message).toContain("keeps (aws:rds/cluster:Cluster): skipFinalSnapshot is not set");
        expect(result).not.toHaveNoMandatoryViolations();
    });

    it("finds a bucket's public access block through the property dependency of `bucket: bucket.id`", async () => {
        // Autonamed buckets: no literal name to match, so only the property dependency links block and bucket.
        const result = await checkProgram(() => {
            lockedBucket("locked");
            new aws.s3.Bucket("open", { forceDestroy: true });
            const half = new aws.s3.Bucket("half", { forceDestroy: true });
            new aws.s3.BucketPublicAccessBlock("half-pab", { bucket: half.id, blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: true });
        });
        expect(result).not.toHaveViolation("s3-public-access-block", { resourceName: "locked" });
        expect(result).toHaveViolation("s3-public-access-block", { resourceName: "open" });
        expect(result).toHaveViolation("s3-public-access-block", { resourceName: "half" });
        expect(result.findings.find((f) => f.policy === "s3-public-access-block" && f.resourceName === "half")?.message).toContain("blockPublicPolicy");
    });

    it("holds explicit physical names to the environment suffix", async () => {
        const program = (): void => {
            lockedBucket("fixed", { bucket: "orders-archive" });
            lockedBucket("suffixed", { bucket: "orders-archive-pr42" });
            lockedBucket("autonamed");
        };
        const byStack = await checkProgram(program, { stack: "pr42" });
        expect(byStack).toHaveViolation("resource-name-environment-suffix", { resourceName: "fixed", level: "mandatory" });
        expect(byStack).not.toHaveViolation("resource-name-environment-suffix", { resourceName: "suffixed" });
        expect(byStack).not.toHaveViolation("resource-name-environment-suffix", { resourceName: "autonamed" });
        // ENVIRONMENT_SUFFIX of the run wins over the stack name, and is put back afterwards.
        const before = process.env.ENVIRONMENT_SUFFIX;
        const byEnv = await checkProgram(program, { stack: "pr42", env: { ENVIRONMENT_SUFFIX: "orders-archive" } });
        expect(byEnv).not.toHaveViolation("resource-name-environment-suffix");
        expect(process.env.ENVIRONMENT_SUFFIX).toBe(before);
    });

    it.each([true, false])("accepts names built from another resource's autoname (preview %s), as the provider fills it in", async (preview) => {
        const result = await checkProgram(
            () => {
                const role = new aws.iam.Role("fn-role", { assumeRolePolicy: "{}" });
                const fn = new aws.lambda.Function("failover-fn", { role: role.arn, runtime: "nodejs22.x", handler: "index.handler", memorySize: 256, timeout: 30 });
                new aws.cloudwatch.LogGroup("fn-logs", { name: pulumi.interpolate`/aws/lambda/${fn.name}`, retentionInDays: 14 });
                new aws.cloudwatch.LogGroup("fixed-logs", { name: "/aws/lambda/failover", retentionInDays: 14 });
            },
            { stack: "pr42", preview },
        );
        expect(result).not.toHaveViolation("resource-name-environment-suffix", { resourceName: "fn-logs" });
        expect(result).toHaveViolation("resource-name-environment-suffix", { resourceName: "fixed-logs", level: "mandatory" });
    });

    it("reads resource options: protect", async () => {
        const result = await checkProgram(() => cluster("db", { skipFinalSnapshot: true }, { protect: true }));
        expect(result).toHaveViolation("no-protect-option", { resourceName: "db" });
    });

    it("applies production-only policies by stack name and by stack tag", async () => {
        const program = (): unknown => cluster("db");
        const prod = await checkProgram(program, { stack: "prod" });
        expect(prod).not.toHaveViolation("skip-final-snapshot");
        expect(prod.notApplicable).toContainEqual({ policy: "skip-final-snapshot", reason: expect.stringContaining("production") });
        const tagged = await checkProgram(program, { stack: "blue", stackTags: { environment: "production" } });
        expect(tagged).not.toHaveViolation("skip-final-snapshot");
        expect(tagged.summary()).toContain("not applicable:");
    });

    it("captures resources registered inside an apply, once their inputs resolve", async () => {
        const result = await checkProgram(() => {
            const key = new aws.kms.Key("key", { enableKeyRotation: true, deletionWindowInDays: 7 });
            key.id.apply((id) => cluster(`db-for-${id}`));
        });
        expect(result.resources.map((r) => r.name)).toEqual(["key", "db-for-key-id"]);
        expect(result).toHaveViolation("skip-final-snapshot", { resourceName: "db-for-key-id" });
    });

    it("runs concurrent checks one after the other, each with its own resources", async () => {
        const [a, b] = await Promise.all([checkProgram(() => cluster("a")), checkProgram(() => cluster("b", { skipFinalSnapshot: true }))]);
        expect(a.resources.map((r) => r.name)).toEqual(["a"]);
        expect(b.resources.map((r) => r.name)).toEqual(["b"]);
        expect(a).toHaveViolation("skip-final-snapshot");
        expect(b).not.toHaveViolation("skip-final-snapshot");
    });

    it("rejects with the program's own error", async () => {
        await expect(
            checkProgram(() => {
                throw new Error("ENVIRONMENT_SUFFIX environment variable is required");
            }),
        ).rejects.toThrow("ENVIRONMENT_SUFFIX environment variable is required");
        await expect(
            checkProgram(() => cluster("db"), { mocks: { newResource: () => { throw new Error("quota exceeded"); } } }),
        ).rejects.toThrow("db (aws:rds/cluster:Cluster): mocks.newResource threw: quota exceeded");
    });
});

describe("what the helper captures", () => {
    it("records options, provider, parent, dependencies and property dependencies as the engine passes them", async () => {
        class Db extends pulumi.ComponentResource {
            constructor(name: string) {
                super("test:index:Db", name);
                const provider = new aws.Provider("eu", { region: "eu-central-1" }, { parent: this });
                const sg = new aws.ec2.SecurityGroup("sg", { description: "db" }, { parent: this, provider });
                cluster("db", { skipFinalSnapshot: true, vpcSecurityGroupIds: [sg.id] }, { parent: this, provider, protect: true, dependsOn: [sg], ignoreChanges: ["tags"] });
            }
        }
        const { resources, sources } = await captureProgram(() => new Db("app"), { project: "p", stack: "s", organization: "o", preview: true });
        const db = resources.find((r) => r.name === "db");
        const sg = resources.find((r) => r.name === "sg");
        const component = resources.find((r) => r.name === "app");
        expect(db && sg && component).toBeTruthy();
        if (!db || !sg || !component) return;
        expect(db.urn).toBe("urn:pulumi:s::p::test:index:Db$aws:rds/cluster:Cluster::db");
        expect(db.parent).toBe(component.urn);
        expect(db.opts).toMatchObject({ protect: true, parent: component.urn, ignoreChanges: ["tags"] });
        expect(db.provider).toMatchObject({ type: "pulumi:providers:aws", name: "eu", props: { region: "eu-central-1" } });
        expect(db.dependencies).toContain(sg.urn);
        expect(db.propertyDependencies.vpcSecurityGroupIds).toEqual([sg.urn]);
        expect(db.props).toMatchObject({ engine: "aurora-postgresql", skipFinalSnapshot: true, vpcSecurityGroupIds: ["sg-id"] });
        // The SDK records the caller of `new`: for the cluster, the helper below; for the component, this test.
        expect(sources.get(db.urn)).toMatch(/^(bin\/)?test\/testing\.test\.(js|ts):\d+:\d+$/);
        expect(sources.get(component.urn)).toMatch(/^(bin\/)?test\/testing\.test\.(js|ts):\d+:\d+$/);
    });

    it("leaves outputs the mocks do not return unknown, as a first preview does", async () => {
        const { resources } = await captureProgram(
            () => {
                const key = new aws.kms.Key("key", {});
                cluster("db", { kmsKeyId: key.arn });
            },
            { project: "p", stack: "s", organization: "o", preview: true },
        );
        expect(resources.find((r) => r.name === "db")?.props.kmsKeyId).toBe("04da6b54-80e4-46f7-96ec-b56ff0331ba9");
    });

    it("names the remote components (awsx 3, eks 4) whose children a provider plugin builds, unseen under mocks", async () => {
        const result = await checkProgram(() => {
            new pulumi.ComponentResource("awsx:ec2:Vpc", "vpc", {}, {}, true);
            new pulumi.ComponentResource("acme:index:Local", "local", {});
        }, { stack: "dev" });
        expect(result.unchecked.map((r) => `${r.name} ${r.type}`)).toEqual(["vpc awsx:ec2:Vpc"]);
        expect(result.summary()).toContain("not checked: the resources of 1 remote component, which a provider plugin creates and mocks do not run");
        expect(result.summary()).toMatch(/\n {4}vpc \(awsx:ec2:Vpc\)$/);
    });
});

describe("secrets", () => {
    it("evaluates pulumi.secret values and never prints them", async () => {
        const result = await checkProgram(() => {
            cluster("db", { masterPassword: pulumi.secret(PASSWORD), manageMasterUserPassword: undefined, finalSnapshotIdentifier: pulumi.secret(PASSWORD) });
            lockedBucket("exports", { bucket: pulumi.secret(SECRET_NAME) });
        }, { stack: "dev" });
        // The secret final snapshot name is still seen: the finding is "keeps a snapshot", not "no identifier".
        expect(result.findings.find((f) => f.policy === "skip-final-snapshot")?.message).toContain("leaves a final snapshot");
        expect(result).toHaveViolation("resource-name-environment-suffix", { resourceName: "exports" });
        expect(result.findings.find((f) => f.resourceName === "exports")?.message).toContain("bucket is [secret]");
        const failure = messageOf(guardrailsMatchers.toHaveNoMandatoryViolations.call({ isNot: false }, result));
        for (const text of [result.summary(), JSON.stringify(result), failure, ...result.findings.map((f) => f.message)]) {
            expect(text).not.toContain(PASSWORD);
            expect(text).not.toContain(SECRET_NAME);
        }
    });
});

describe("policy pack config", () => {
    const program = (): void => {
        cluster("db");
        cluster("legacy");
    };
    let dir: string;
    beforeAll(() => {
        dir = mkdtempSync(path.join(tmpdir(), "guardrails-testing-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("skips a disabled policy", async () => {
        const result = await checkProgram(program, { config: { "skip-final-snapshot": "disabled" } });
        expect(result).not.toHaveViolation("skip-final-snapshot");
    });

    it("reports at the configured level, and lets a policy's own entry override \"all\"", async () => {
        const advisory = await checkProgram(program, { config: { "skip-final-snapshot": { enforcementLevel: "advisory" } } });
        expect(advisory).toHaveViolation("skip-final-snapshot", { resourceName: "db", level: "advisory" });
        expect(advisory).not.toHaveViolation("skip-final-snapshot", { level: "mandatory" });

        const all = await checkProgram(program, { config: { all: "advisory" } });
        expect(all).toHaveNoMandatoryViolations();
        expect(all.findings.length).toBeGreaterThan(0);
        const allButOne = await checkProgram(program, { config: { all: "advisory", "skip-final-snapshot": "mandatory" } });
        expect(allButOne.mandatory().map((f) => f.policy)).toEqual(["skip-final-snapshot", "skip-final-snapshot"]);
    });

    it("lowers an exempted finding to advisory and keeps it visible", async () => {
        const config = { "skip-final-snapshot": { exemptions: [{ resources: ["legacy"], reason: "restored from a snapshot we keep" }] } };
        const result = await checkProgram(program, { config });
        expect(result).toHaveViolation("skip-final-snapshot", { resourceName: "legacy", level: "advisory" });
        expect(result).toHaveViolation("skip-final-snapshot", { resourceName: "db", level: "mandatory" });
        expect(result.findings.find((f) => f.resourceName === "legacy")?.message).toContain("EXEMPTED from skip-final-snapshot");
        expect(result.findings.find((f) => f.resourceName === "legacy")?.exemption).toEqual({ source: "config", reason: "restored from a snapshot we keep" });
        expect(result.findings.find((f) => f.resourceName === "db")?.exemption).toBeUndefined();
    });

    it("honors in-code exemption tags by the effective level: `all: \"mandatory\"` refuses them", async () => {
        const tagged = (): void => {
            new aws.cloudwatch.LogGroup("app-logs", { tags: { "guardrails:exempt:cloudwatch-log-group-retention": "deleted with the stack" } });
        };
        const byDefault = await checkProgram(tagged);
        expect(byDefault.findings.find((f) => f.policy === "cloudwatch-log-group-retention")?.exemption).toEqual({ source: "tag", reason: "deleted with the stack" });
        const strict = await checkProgram(tagged, { config: { all: "mandatory" } });
        expect(strict).toHaveViolation("cloudwatch-log-group-retention", { resourceName: "app-logs", level: "mandatory" });
    });

    it("applies a policy's settings", async () => {
        const result = await checkProgram(program, { stack: "qa", config: { "skip-final-snapshot": { productionStacks: ["qa"] } } });
        expect(result).not.toHaveViolation("skip-final-snapshot");
    });

    it("remediates at the remediate level before analyzing, as a preview does", async () => {
        const result = await checkProgram(program, { config: { "skip-final-snapshot": "remediate" } });
        expect(result).not.toHaveViolation("skip-final-snapshot");
        expect(result.remediations).toContainEqual(expect.objectContaining({ policy: "skip-final-snapshot", resourceName: "db", properties: ["skipFinalSnapshot"] }));
        expect(result.summary()).toContain("skip-final-snapshot set skipFinalSnapshot");
    });

    it("reads a --policy-pack-config file by path", async () => {
        const file = path.join(dir, "policy-config.json");
        writeFileSync(file, JSON.stringify({ "skip-final-snapshot": { enforcementLevel: "advisory", exemptions: [{ resources: ["db"], reason: "r" }] } }));
        const result = await checkProgram(program, { config: file });
        expect(result).toHaveViolation("skip-final-snapshot", { resourceName: "legacy", level: "advisory" });
        expect(result).not.toHaveViolation("skip-final-snapshot", { level: "mandatory" });
        expect(result.findings.find((f) => f.resourceName === "db")?.message).toContain("EXEMPTED");
    });

    it.each([
        ["an unknown level", { "skip-final-snapshot": "strict" }, /skip-final-snapshot: enforcementLevel "strict" is not a valid enforcement level/],
        ["a level that is not a string", { "skip-final-snapshot": { enforcementLevel: 1 } }, /skip-final-snapshot: enforcementLevel 1/],
        ["a setting of the wrong type", { "skip-final-snapshot": { productionStacks: "prod" } }, /skip-final-snapshot: productionStacks must be an array/],
        ["a setting the policy does not have", { "skip-final-snapshot": { productionStack: ["prod"] } }, /skip-final-snapshot: productionStack is not a setting/],
        ["a malformed exemption", { "skip-final-snapshot": { exemptions: [{ resources: ["db"] }] } }, /skip-final-snapshot: exemptions\[0\]\.reason is required/],
        ["a policy the pack does not have", { "skip-final-snapshots": "advisory" }, /"skip-final-snapshots" is not a policy of aws-guardrails \(did you mean "skip-final-snapshot"\?\)/],
        ["a misspelled setting, with a suggestion", { "required-tags": { tag: ["Owner"] } }, /required-tags: tag is not a setting of this policy \(did you mean "tags"\?\)/],
        ["remediate on a policy without a fix", { "required-tags": "remediate" }, /required-tags: enforcementLevel "remediate" needs a fix/],
        ["settings under all", { all: { enforcementLevel: "advisory", productionStacks: [] } }, /all: only an enforcement level/],
        ["a value that is neither a level nor an object", { "skip-final-snapshot": true }, /skip-final-snapshot: true is not a valid value/],
        ["a document that is not an object", ["skip-final-snapshot"], /must be a JSON object/],
    ])("refuses %s, naming the policy and field", async (_why, config, error) => {
        const run = checkProgram(program, { config });
        await expect(run).rejects.toThrow(PackConfigError);
        await expect(run).rejects.toThrow(error);
    });

    it("refuses a file that is not JSON, naming the file", async () => {
        const file = path.join(dir, "broken.json");
        writeFileSync(file, "{ skip-final-snapshot: disabled }");
        await expect(checkProgram(program, { config: file })).rejects.toThrow(`${file}: not valid JSON`);
        await expect(checkProgram(program, { config: path.join(dir, "missing.json") })).rejects.toThrow("cannot read: ENOENT");
    });
});

describe("matchers", () => {
    let result: GuardrailsResult;
    beforeAll(async () => {
        // Only two policies, so policies added later cannot change the counts below.
        const config = { all: "disabled", "skip-final-snapshot": "mandatory", "s3-public-access-block": "mandatory" };
        result = await checkProgram(() => {
            cluster("db");
            lockedBucket("logs");
        }, { config });
    });

    it("list the findings, grouped by resource, when they fail", () => {
        const failure = messageOf(guardrailsMatchers.toHaveNoMandatoryViolations.call({ isNot: false }, result));
        expect(failure).toMatch(/^expected no mandatory violations, found 1:\n {2}db \(aws:rds\/cluster:Cluster\) {2}test\/testing\.test\.ts:\d+:\d+\n {4}mandatory skip-final-snapshot \[high\]\n {14}skipFinalSnapshot is not set/);
        const missing = guardrailsMatchers.toHaveViolation.call({ isNot: false }, result, "s3-public-access-block", { resourceName: "logs" });
        expect(missing.pass).toBe(false);
        expect(messageOf(missing)).toContain("expected a violation of s3-public-access-block on logs, found none.");
        expect(messageOf(missing)).toContain("aws-guardrails: 1 mandatory, 0 advisory on 1 resource of 3");
    });

    it("refuse a policy name the pack does not have, so .not cannot pass on a typo", () => {
        expect(() => expect(result).not.toHaveViolation("skip-final-snapshots")).toThrow(/"skip-final-snapshots" is not a policy of aws-guardrails/);
    });

    it("explain a forgotten await", () => {
        expect(() => expect(Promise.resolve(result)).toHaveNoMandatoryViolations()).toThrow("received a Promise; write `expect(await checkProgram(...))");
    });
});
