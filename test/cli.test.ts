// The command-line scanner, run as users run it (`node bin/cli/main.js scan ...` in a child process) over the
// documents in test/fixtures/cli: preview JSON (every step kind, --refresh, components, two regional providers, source
// positions), stack exports (versions 1-4, encrypted and --show-secrets secrets) and what is refused, in every output format.
import { execFile } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { escapeData, escapeProperty } from "../cli/github";
import { parseSourcePosition } from "../cli/location";
import { POLICY_DOCS_URL } from "../lib/metadata";
import { policies } from "../policies";
import { generatePreview } from "./fixtures/cli/generate-preview";

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, "..", "..");
const CLI = path.join(ROOT, "bin", "cli", "main.js");
const FIXTURES = path.join(ROOT, "test", "fixtures", "cli");
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
/** The plaintext secrets of export-v3-secrets.json: the RDS password and the audit bucket's name. */
const SECRETS = ["Sup3r-S3cret-Passw0rd!", "acme-audit-logs-7f3k"];

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

interface JsonFinding {
    file: string;
    policy: string;
    level: string;
    exempted: boolean;
    exemption: { source: string; reason: string; expires: string | null } | null;
    severity: string;
    urn: string;
    type: string;
    name: string;
    message: string;
    location: { file: string; line: number; column: number | null; uri: string } | null;
}

interface JsonReport {
    schemaVersion: number;
    tool: { name: string; version: string };
    files: { path: string; kind: string; deploymentVersion: number | null; resources: number; analyzed: number; withSourcePosition: number; warnings: string[]; notApplicable: string[]; secrets: Record<string, number> }[];
    findings: JsonFinding[];
    summary: { mandatory: number; advisory: number; exempted: number; exitCode: number; result: string };
}

interface SarifResult {
    ruleId: string;
    ruleIndex?: number;
    level: string;
    message: { text: string };
    suppressions?: { kind: string; status: string; justification: string }[];
    locations: {
        physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } };
        logicalLocations: { fullyQualifiedName: string; name: string; kind: string }[];
    }[];
}

interface SarifRule {
    id: string;
    name: string;
    helpUri: string;
    shortDescription: { text: string };
    help: { text: string };
    defaultConfiguration: { level: string; enabled?: boolean };
    properties: { tags: string[]; "security-severity"?: string };
}

interface Sarif {
    $schema: string;
    version: string;
    runs: { tool: { driver: { name: string; version: string; rules: SarifRule[] } }; results: SarifResult[] }[];
}

const tmp = mkdtempSync(path.join(tmpdir(), "guardrails-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the compiled CLI in the fixtures directory (so reports name files as users typed them). */
function cli(args: string[], cwd = FIXTURES, env: Record<string, string> = {}): Promise<Run> {
    return new Promise((resolve) => {
        execFile(process.execPath, [CLI, ...args], { cwd, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ENVIRONMENT_SUFFIX: "", AWS_REGION: "", ...env } }, (err, stdout, stderr) => {
            const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
            resolve({ code, stdout, stderr });
        });
    });
}

// Each run starts the pack once per document; a few at a time keep the suite short without starving the machine.
const queue: (() => void)[] = [];
let running = 0;
function limited<T>(job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve) => {
        const start = (): void => {
            running++;
            void job().then((v) => {
                running--;
                queue.shift()?.();
                resolve(v);
            });
        };
        if (running < 3) start();
        else queue.push(start);
    });
}
const memo = new Map<string, Promise<Run>>();
function scan(...args: string[]): Promise<Run> {
    const key = args.join("\u0000");
    let p = memo.get(key);
    if (!p) {
        p = limited(() => cli(["scan", ...args]));
        memo.set(key, p);
    }
    return p;
}

function json(run: Run): JsonReport {
    return JSON.parse(run.stdout) as JsonReport;
}

function sarif(run: Run): Sarif {
    return JSON.parse(run.stdout) as Sarif;
}

const EXEMPT = ["--config", "config-exempt.json"];

// Started together up front; every test awaits the run it needs.
beforeAll(() => {
    void scan("preview-steps.json", "--format", "json");
    void scan("preview-steps.json");
    void scan("preview-positions.json");
    void scan("preview-positions.json", "--format", "json");
    void scan("preview-positions.json", "--format", "sarif", "--source-root", "infra");
    void scan("preview-positions.json", "--format", "github", "--source-root", "infra");
    for (const format of ["text", "json", "sarif", "github"]) void scan("export-v3-secrets.json", "--format", format);
    void scan("export-v3-encrypted.json", "--format", "json");
    void scan("export-v4.json", "--format", "json");
    void scan("preview-refresh.json", "--format", "json");
});

describe("usage", () => {
    it("--help prints the usage with the exit codes and exits 0", async () => {
        const run = await cli(["--help"]);
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/^usage: aws-guardrails scan \[options\] FILE\.\.\./);
        for (const option of ["--config", "--format", "--output", "--source-root", "--stack", "--progress", "--environment-suffix", "--region", "ENVIRONMENT_SUFFIX", "PULUMI_CONFIG"]) expect(run.stdout).toContain(option);
        expect(run.stdout).toMatch(/exit codes: 0 no mandatory finding, 1 mandatory findings/);
    });

    it("--version prints the package version", async () => {
        const run = await cli(["--version"]);
        expect(run).toEqual({ code: 0, stdout: `aws-guardrails ${VERSION}\n`, stderr: "" });
    });

    it.each([
        [[], "no command given"],
        [["scan"], "no FILE given"],
        [["lint", "x.json"], 'unknown command "lint"'],
        [["scan", "--format", "xml", "good-preview.json"], '--format must be one of text, json, sarif, github, not "xml"'],
        [["scan", "--frobnicate", "good-preview.json"], "Unknown option '--frobnicate'"],
        [["scan", "--tag", "production", "good-preview.json"], '--tag wants KEY=VALUE, not "production"'],
    ])("%j is a usage error: exit 2 and one line on stderr", async (args, message) => {
        const run = await cli(args);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe("");
        expect(run.stderr).toBe(`aws-guardrails: error: ${message} (see aws-guardrails --help)\n`);
    });
});

describe("bad input: exit 2 with a clear one-line message, nothing on stdout", () => {
    it.each([
        [["missing.json"], "missing.json: no such file"],
        [["."], ".: is a directory, not a JSON document"],
        [["not-json.json"], /^not-json\.json: not valid JSON \(.+\)$/],
        [["not-a-document.json"], "not-a-document.json: neither a `pulumi preview --json` document (steps[]) nor a `pulumi stack export` document (deployment.resources[])"],
        [["export-v4-unsupported.json"], "export-v4-unsupported.json: the stack export needs deployment features this scanner does not know: stateEncryptionV2 (it knows refreshBeforeUpdate, views, hooks, taint)"],
        [["preview-failed.json"], "preview-failed.json: `pulumi preview` failed, so its steps are incomplete: 1 error(s), the first: Running program '/home/runner/work/ledger/ledger/infra' failed with an unhandled exception: TypeError: Cannot read properties of undefined (reading 'arn')"],
        [["preview-events.ndjson"], /^preview-events\.ndjson: a stream of Pulumi engine events \(`pulumi up --json`, an --event-log file, or `pulumi preview --json` with PULUMI_ENABLE_STREAMING_JSON_PREVIEW set\), not a preview document/],
        [["checkpoint.json"], "checkpoint.json: a Pulumi checkpoint file, not a `pulumi stack export` document; run `pulumi stack export --file <file>` and scan that"],
        [["--config", "nope.json", "good-preview.json"], "nope.json: cannot read policy config (no such file)"],
        [["--config", "config-invalid-level.json", "good-preview.json"], 'config-invalid-level.json: invalid policy config: parsing enforcement level for "skip-final-snapshot": "strict" is not a valid enforcement level; use one of advisory, mandatory, disabled, remediate (lower case)'],
        [["--config", "config-invalid-schema.json", "good-preview.json"], 'config-invalid-schema.json: invalid policy config: rds-backup-retention: exactDays must be an integer, got "thirty"'],
        // Every config mistake stops the run (as in the pack and checkProgram), never an advisory finding on some resource.
        [["--config", "config-unknown-setting.json", "good-preview.json"], 'config-unknown-setting.json: invalid policy config: required-tags: tag is not a setting of this policy (did you mean "tags"?)'],
        [["--config", "config-unknown-policy.json", "good-preview.json"], 'config-unknown-policy.json: invalid policy config: "skip-final-snapshots" is not a policy of aws-guardrails (did you mean "skip-final-snapshot"?)'],
    ])("%j", async (args, message) => {
        const run = await scan(...args);
        expect([run.code, run.stderr]).toEqual([2, expect.any(String)]);
        expect(run.stdout).toBe("");
        const lines = run.stderr.trimEnd().split("\n");
        expect(lines).toHaveLength(1);
        const text = lines[0].replace(/^aws-guardrails: error: /, "");
        if (typeof message === "string") expect(text).toBe(message);
        else expect(text).toMatch(message);
    });

    it("a bad file among good ones: the others are reported, the failure is a SARIF tool execution notification, exit 2", async () => {
        const run = await scan("good-preview.json", "not-json.json", "--format", "sarif");
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^aws-guardrails: error: not-json\.json: not valid JSON/);
        const log = JSON.parse(run.stdout) as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[]; results: unknown[] }[] };
        expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
        expect(log.runs[0].invocations[0].toolExecutionNotifications).toContainEqual({ level: "error", message: { text: expect.stringMatching(/^not-json\.json: not valid JSON/) } });
        expect(log.runs[0].results.length).toBeGreaterThan(0);
    });

    it("an absolute --source-root is refused", async () => {
        const run = await scan("good-preview.json", "--source-root", "/home/runner/work/infra");
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("--source-root is the project's directory relative to the repository root (e.g. infra), not an absolute path");
    });

    it("- reads the document from standard input", async () => {
        const run = await new Promise<Run>((resolve) => {
            const child = execFile(process.execPath, [CLI, "scan", "-", "--format", "json"], { cwd: FIXTURES, env: { ...process.env, ENVIRONMENT_SUFFIX: "" } }, (err, stdout, stderr) =>
                resolve({ code: err ? (typeof err.code === "number" ? err.code : -1) : 0, stdout, stderr }),
            );
            child.stdin?.end(readFileSync(path.join(FIXTURES, "good-preview.json")));
        });
        expect(run.code).toBe(0);
        expect(json(run).files[0]).toMatchObject({ path: "-", kind: "preview", resources: 4 });
    });

    it("an unwritable --output is reported, not thrown", async () => {
        const run = await scan("good-preview.json", "--output", path.join(tmp, "no", "such", "dir", "report.txt"));
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^aws-guardrails: error: .*report\.txt: cannot write the report \(ENOENT\)\n$/);
    });
});

describe("exit codes", () => {
    it("0 when no mandatory finding remains", async () => {
        const run = await scan("good-preview.json");
        expect(run.code).toBe(0);
        expect(run.stdout).toContain("RESULT good-preview.json: PASS, no mandatory finding");
    });

    it("1 when a mandatory finding remains, in every format", async () => {
        for (const format of ["text", "json", "sarif", "github"]) expect((await scan("export-v3-secrets.json", "--format", format)).code).toBe(1);
    });

    it("over several documents: 1 if any fails, with a verdict per document", async () => {
        const pass = await scan("good-preview.json", "export-v1.json", "--format", "json");
        expect(pass.code).toBe(0);
        expect(json(pass).files.map((f) => f.path)).toEqual(["good-preview.json", "export-v1.json"]);
        const fail = await scan("good-preview.json", "preview-steps.json");
        expect(fail.code).toBe(1);
        expect(fail.stdout).toMatch(/RESULT good-preview\.json: PASS[\s\S]*RESULT preview-steps\.json: FAIL[\s\S]*TOTAL: \d+ mandatory/);
    });
});

describe("what the scanner reads from the shell", () => {
    it("names ENVIRONMENT_SUFFIX and AWS_REGION in the header; --environment-suffix and --region override them", async () => {
        const shell = await limited(() => cli(["scan", "good-preview.json"], FIXTURES, { ENVIRONMENT_SUFFIX: "pr42", AWS_REGION: "eu-west-1" }));
        expect(shell.stdout).toContain("   environment: ENVIRONMENT_SUFFIX=pr42 (from the shell), AWS_REGION=eu-west-1 (from the shell)\n");
        const flags = await limited(() => cli(["scan", "--environment-suffix", "dev", "--region", "us-east-1", "good-preview.json", "--format", "json"], FIXTURES, { ENVIRONMENT_SUFFIX: "pr42" }));
        expect(json(flags).files[0]).toMatchObject({ environment: ["ENVIRONMENT_SUFFIX=dev (--environment-suffix)", "AWS_REGION=us-east-1 (--region)"] });
        expect(json(flags).findings.filter((f) => f.policy === "resource-name-environment-suffix")).toEqual(json(await scan("good-preview.json", "--format", "json")).findings.filter((f) => f.policy === "resource-name-environment-suffix"));
        expect((await scan("good-preview.json")).stdout).not.toContain("environment:");
    });
});

describe("names built from another resource's autoname (issue 17)", () => {
    it("the Lambda log group named /aws/lambda/<the function's autoname> draws no naming finding", async () => {
        const doc = JSON.parse(readFileSync(path.join(ROOT, "examples", "good-stack.json"), "utf8")) as { steps: { newState?: { urn: string; inputs: Record<string, unknown> } }[] };
        const inputsOf = (name: string) => doc.steps.find((st) => st.newState?.urn.endsWith(`::${name}`))?.newState?.inputs ?? {};
        inputsOf("failover-fn").name = "failover-fn-3a9c1e5";
        inputsOf("app-logs").name = "/aws/lambda/failover-fn-3a9c1e5";
        const file = path.join(tmp, "good-stack-autonamed.json");
        writeFileSync(file, JSON.stringify(doc));
        const run = await scan(file, "--format", "json");
        expect(run.code).toBe(0);
        expect(json(run).findings.filter((f) => f.policy === "resource-name-environment-suffix")).toEqual([]);
    });
});

describe("preview JSON: every step kind", () => {
    it("skips deletes, registers a replacement once, keeps reads out of Analyze, and resolves both regional providers", async () => {
        const report = json(await scan("preview-steps.json", "--format", "json"));
        const [file] = report.files;
        // stack, 2 providers, component + 3 children, log group, security group, RDS (3 steps), read VPC; not the deleted bucket
        expect(file).toMatchObject({ kind: "preview", deploymentVersion: null, resources: 11, analyzed: 10, withSourcePosition: 0 });
        expect(report.findings.some((f) => f.name === "legacy-uploads")).toBe(false);
        const onDb = report.findings.filter((f) => f.name === "orders-db");
        expect(onDb.length).toBeGreaterThan(0);
        expect(new Set(onDb.map((f) => `${f.policy}|${f.message}`)).size).toBe(onDb.length);
        // The explicit providers are steps of this preview, referenced as <urn>::<id>; only the unchanged default one is missing.
        expect(file.warnings.some((w) => /aws-us-east-1|aws-eu-west-1/.test(w))).toBe(false);
        expect(file.warnings).toEqual(
            expect.arrayContaining([expect.stringMatching(/^1 unchanged resource\(s\) are not in this preview.*--show-sames/), expect.stringMatching(/default_7_48_0 is not in the document/)]),
        );
    });

    it("sees a component's children with their component-qualified URNs, and the stack policies correlate them", async () => {
        const report = json(await scan("preview-steps.json", "--format", "json"));
        const bucket = report.findings.filter((f) => f.name === "site-bucket");
        expect(bucket.length).toBeGreaterThan(0);
        expect(bucket[0].urn).toBe("urn:pulumi:dev::shop-api::shop:web:StaticSite$aws:s3/bucketV2:BucketV2::site-bucket");
        // The component's public access block refers to the bucket: no s3-public-access-block finding on it.
        expect(bucket.some((f) => f.policy === "s3-public-access-block")).toBe(false);
        expect(report.findings).toEqual(expect.arrayContaining([expect.objectContaining({ policy: "security-group-no-public-ingress", name: "bastion-sg", level: "mandatory", location: null })]));
    });

    it("text: grouped by resource with level, policy and severity, counts per level and the verdict", async () => {
        const run = await scan("preview-steps.json");
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(/^== preview-steps\.json\n   pulumi preview --json · stack dev · project shop-api · 11 resources \(10 analyzed one by one, 0 with a source position\)/);
        expect(run.stdout).toMatch(/\n   mandatory security-group-no-public-ingress \[high\]\n     bastion-sg \(aws:ec2\/securityGroup:SecurityGroup\)\n {7}ingress\[0\]\.cidrBlocks\[0\] is "0\.0\.0\.0\/0"/);
        expect(run.stdout).toMatch(/\n   totals: \d+ mandatory, \d+ advisory, 0 exempted, 0 remediated/);
        expect(run.stdout).toMatch(/RESULT preview-steps\.json: FAIL, \d+ mandatory finding\(s\) on \d+ resource\(s\)/);
    });

    it("--stack overrides the stack name the policies see (a production stack skips the destroyability policies)", async () => {
        const dev = json(await scan("preview-steps.json", "--format", "json"));
        const prod = json(await scan("preview-steps.json", "--format", "json", "--stack", "prod"));
        expect(dev.findings.some((f) => f.policy === "s3-force-destroy")).toBe(true);
        expect(prod.findings.some((f) => f.policy === "s3-force-destroy")).toBe(false);
        expect(prod.files[0].notApplicable).toContain("s3-force-destroy");
    });
});

describe("preview JSON with --refresh", () => {
    it("analyzes each resource's own step, not the stored state its refresh step shows; a refreshed resource the preview deletes is gone", async () => {
        const run = await scan("preview-refresh.json", "--format", "json");
        const report = json(run);
        expect(report.files[0]).toMatchObject({ kind: "preview", resources: 3, analyzed: 3, withSourcePosition: 2, secrets: { blinded: 1, encrypted: 0, plaintext: 0 } });
        // web-sg was world-open in the stored state and the program narrows it; legacy-sg is world-open and deleted.
        expect(report.findings.filter((f) => f.policy === "security-group-no-public-ingress")).toEqual([]);
        expect(report.findings.some((f) => f.name === "legacy-sg")).toBe(false);
        // app-logs is unchanged (its `same` step is hidden): the refresh step is all the preview shows of it.
        expect(report.findings).toEqual(expect.arrayContaining([expect.objectContaining({ policy: "cloudwatch-log-group-retention", name: "app-logs", location: expect.objectContaining({ file: "index.ts", line: 9 }) })]));
        expect(report.files[0].warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^1 unchanged resource\(s\) are not in this preview/)]));
        expect(run.code).toBe(0);
    });
});

describe("source positions", () => {
    it("text: file:line:column beside each finding of a resource Pulumi recorded a position for", async () => {
        const run = await scan("preview-positions.json");
        expect(run.stdout).toContain("8 resources (8 analyzed one by one, 5 with a source position)");
        expect(run.stdout).toMatch(/\n   mandatory s3-force-destroy \[high\]\n     assets \(aws:s3\/bucketV2:BucketV2\)  index\.ts:12:16\n/);
        expect(run.stdout).toMatch(/\n   mandatory rds-engine-version \[high\]\n     orders-cluster \(aws:rds\/cluster:Cluster\)  components\/database\.ts:31:25\n/);
        // No column recorded: none shown; a path with a space is decoded.
        expect(run.stdout).toMatch(/\n     bastion-sg \(aws:ec2\/securityGroup:SecurityGroup\)  src\/network stack\.ts:8\n/);
        expect(run.stdout).toMatch(/\n     legacy-sg \(aws:ec2\/securityGroup:SecurityGroup\)\n/);
    });

    it("json: a documented, stable object with the location of each finding", async () => {
        const report = json(await scan("preview-positions.json", "--format", "json"));
        expect(report.schemaVersion).toBe(1);
        expect(report.tool).toEqual({ name: "aws-guardrails", version: VERSION });
        const pab = report.findings.find((f) => f.policy === "s3-force-destroy");
        expect(pab).toEqual({
            file: "preview-positions.json",
            policy: "s3-force-destroy",
            level: "mandatory",
            exempted: false,
            exemption: null,
            severity: "high",
            urn: "urn:pulumi:staging::storefront::aws:s3/bucketV2:BucketV2::assets",
            type: "aws:s3/bucketV2:BucketV2",
            name: "assets",
            message: expect.stringMatching(/^assets \(aws:s3\/bucketV2:BucketV2\): forceDestroy is false/),
            location: { file: "index.ts", line: 12, column: 16, uri: "project:///index.ts#12,16" },
        });
        expect(report.findings.find((f) => f.name === "legacy-sg")?.location).toBeNull();
        expect(report.summary).toMatchObject({ exitCode: 1, result: "fail" });
        expect(report.summary.mandatory).toBe(report.findings.filter((f) => f.level === "mandatory" && !f.exempted).length);
    });

    it("sarif: SARIF 2.1.0 with a rule per policy and a physical location only where Pulumi recorded one", async () => {
        const log = sarif(await scan("preview-positions.json", "--format", "sarif", "--source-root", "infra"));
        expect(log.version).toBe("2.1.0");
        expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
        expect(log.runs).toHaveLength(1);
        const { driver } = log.runs[0].tool;
        expect(driver).toMatchObject({ name: "aws-guardrails", version: VERSION });
        expect(driver.rules.map((r) => r.id).sort()).toEqual(policies.map((p) => p.name).sort());
        for (const r of driver.rules) {
            const policy = policies.find((p) => p.name === r.id);
            expect(policy?.description.startsWith(r.shortDescription.text)).toBe(true);
            expect(r.shortDescription.text.length).toBeLessThan(policy?.description.length ?? 0);
            expect(r.name).not.toBe(r.id);
            expect(r.helpUri).toBe(`${POLICY_DOCS_URL}${r.id}.md`);
            expect(r.help.text).toBe(policy?.remediationSteps);
            expect(r.defaultConfiguration.level).toBe(policy?.enforcementLevel === "mandatory" ? "error" : "warning");
        }
        // Security families carry GitHub's security-severity; deploy-breaking ones do not pretend to be vulnerabilities.
        expect(driver.rules.find((r) => r.id === "s3-public-access-block")?.properties).toMatchObject({ tags: expect.arrayContaining(["security", "public-access"]), "security-severity": "9.5" });
        expect(driver.rules.find((r) => r.id === "rds-engine-version")?.properties["security-severity"]).toBeUndefined();

        const { results } = log.runs[0];
        expect(results.length).toBeGreaterThan(0);
        for (const r of results) {
            expect(driver.rules[r.ruleIndex ?? -1].id).toBe(r.ruleId);
            expect(["error", "warning", "note"]).toContain(r.level);
            expect(r.message.text.length).toBeGreaterThan(0);
            expect(r.locations).toHaveLength(1);
            expect(r.locations[0].logicalLocations).toEqual([{ fullyQualifiedName: expect.stringMatching(/^urn:pulumi:staging::storefront::/), name: expect.any(String), kind: "resource" }]);
        }
        const at = (name: string, rule: string): SarifResult["locations"][0] | undefined =>
            results.find((r) => r.ruleId === rule && r.locations[0].logicalLocations[0].name === name)?.locations[0];
        expect(at("assets", "s3-force-destroy")?.physicalLocation).toEqual({ artifactLocation: { uri: "infra/index.ts" }, region: { startLine: 12, startColumn: 16 } });
        expect(at("orders-cluster", "rds-engine-version")?.physicalLocation?.artifactLocation.uri).toBe("infra/components/database.ts");
        expect(at("bastion-sg", "security-group-no-public-ingress")?.physicalLocation).toEqual({ artifactLocation: { uri: "infra/src/network%20stack.ts" }, region: { startLine: 8 } });
        // No recorded position: anchored on the project file (GitHub refuses a result without one), line 1, with the URN.
        expect(at("legacy-sg", "security-group-no-public-ingress")).toEqual({
            physicalLocation: { artifactLocation: { uri: "infra/Pulumi.yaml" }, region: { startLine: 1 } },
            logicalLocations: [{ fullyQualifiedName: "urn:pulumi:staging::storefront::aws:ec2/securityGroup:SecurityGroup::legacy-sg", name: "legacy-sg", kind: "resource" }],
        });
        // Every result has a file, as GitHub code scanning requires of each one.
        for (const r of results) expect(r.locations[0].physicalLocation?.artifactLocation.uri).toMatch(/^infra\//);
    });

    it("github: workflow commands with file, line and col, and none without a position", async () => {
        const run = await scan("preview-positions.json", "--format", "github", "--source-root", "infra");
        const lines = run.stdout.trimEnd().split("\n");
        const annotations = lines.slice(0, -1);
        for (const l of annotations) expect(l).toMatch(/^::(error|warning|notice)( [a-z]+=[^,\n]*(,[a-z]+=[^,\n]*)*)?::[^\n]+$/);
        expect(annotations).toContainEqual(expect.stringMatching(/^::error file=infra\/index\.ts,line=12,col=16,title=s3-force-destroy::assets \(aws:s3\/bucketV2:BucketV2\): forceDestroy is false/));
        expect(annotations).toContainEqual(expect.stringMatching(/^::warning file=infra\/index\.ts,line=20,col=18,title=cloudwatch-log-group-retention::/));
        expect(annotations).toContainEqual(expect.stringMatching(/^::error file=infra\/src\/network stack\.ts,line=8,title=security-group-no-public-ingress::bastion-sg /));
        expect(annotations).toContainEqual(expect.stringMatching(/^::error title=security-group-no-public-ingress::legacy-sg /));
        expect(lines[lines.length - 1]).toMatch(/^aws-guardrails: \d+ mandatory, \d+ advisory, 0 exempted finding\(s\) in 1 document\(s\)$/);
    });

    it.each([
        ["project:///index.ts#12,7", "", { path: "index.ts", line: 12, column: 7 }],
        ["project:///src/network%20stack.ts#8", "infra/", { path: "infra/src/network stack.ts", line: 8, column: undefined }],
        // The engine makes paths relative to the project root, so a shared file beside the project starts with `..`.
        ["project:///../shared/tags.ts#3,5", "infra", { path: "shared/tags.ts", line: 3, column: 5 }],
        ["project:///../shared/tags.ts#3,5", "", undefined],
        ["project:///index.ts#0,1", "", undefined],
        ["file:///home/runner/work/app/index.ts#12,7", "", undefined],
    ])("%s under --source-root %j is %j", (raw, root, expected) => {
        const location = parseSourcePosition(raw, root);
        expect(location && { path: location.path, line: location.line, column: location.column }).toEqual(expected);
    });

    it("github: escapes data and properties as @actions/core does", () => {
        expect(escapeData("100% done\r\nnext")).toBe("100%25 done%0D%0Anext");
        expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
    });
});

describe("exemptions from the config file", () => {
    it("warns once about a pattern that matches no resource, with the closest name, and reports no finding for it", async () => {
        const one = json(await scan("preview-positions.json", "--config", "config-exempt-typo.json", "--format", "json"));
        expect(one.files[0].warnings).toContain('exemption pattern "bastion-gs" of security-group-no-public-ingress matches no resource in this stack (did you mean "bastion-sg"?), so it waives nothing; fix or remove it in the policy config.');
        expect(one.findings.filter((f) => f.message.includes("bastion-gs"))).toEqual([]);
        // Over several documents: once, and only for a pattern that matched in none of them.
        const two = json(await scan("preview-positions.json", "good-preview.json", "--config", "config-exempt-typo.json", "--format", "json"));
        expect(two.files.flatMap((f) => f.warnings).filter((w) => w.startsWith("exemption pattern"))).toEqual([
            'exemption pattern "bastion-gs" of security-group-no-public-ingress matches no resource in any scanned document (did you mean "bastion-sg"?), so it waives nothing; fix or remove it in the policy config.',
        ]);
    });

    it("text: the exempted finding is shown as exempted and no longer fails the run on its own", async () => {
        const run = await scan("preview-positions.json", ...EXEMPT);
        expect(run.stdout).toMatch(/\n   exempted {2}security-group-no-public-ingress \[high\]\n     bastion-sg \(aws:ec2\/securityGroup:SecurityGroup\) {2}src\/network stack\.ts:8\n {7}EXEMPTED from security-group-no-public-ingress \(policy config: "jump host behind fail2ban, ticket OPS-7", until 2099-12-31\)/);
        expect(run.stdout).toMatch(/totals: \d+ mandatory, \d+ advisory, 1 exempted/);
        // required-tags is disabled by the same file
        expect(run.stdout).not.toContain("required-tags");
    });

    it("json: advisory with exempted: true; sarif: a note; github: a notice; never an error", async () => {
        const report = json(await scan("preview-positions.json", ...EXEMPT, "--format", "json"));
        expect(report.findings.filter((f) => f.exempted)).toEqual([
            expect.objectContaining({
                policy: "security-group-no-public-ingress",
                name: "bastion-sg",
                level: "advisory",
                exemption: { source: "config", reason: "jump host behind fail2ban, ticket OPS-7", expires: "2099-12-31" },
            }),
        ]);
        expect(report.findings.filter((f) => !f.exempted).every((f) => f.exemption === null)).toBe(true);
        expect(report.summary.exempted).toBe(1);

        const log = sarif(await scan("preview-positions.json", ...EXEMPT, "--format", "sarif"));
        const results = log.runs[0].results.filter((r) => r.ruleId === "security-group-no-public-ingress");
        expect(results.map((r) => [r.locations[0].logicalLocations[0].name, r.level]).sort()).toEqual([
            ["bastion-sg", "note"],
            ["legacy-sg", "error"],
        ]);
        // SARIF's own suppression record, so viewers show the result as waived, with its justification.
        expect(results.map((r) => r.suppressions)).toEqual(
            expect.arrayContaining([[{ kind: "external", status: "accepted", justification: "jump host behind fail2ban, ticket OPS-7 (until 2099-12-31)" }], undefined]),
        );
        expect(log.runs[0].tool.driver.rules.find((r) => r.id === "required-tags")?.defaultConfiguration).toEqual({ enabled: false, level: "none" });

        const gh = await scan("preview-positions.json", ...EXEMPT, "--format", "github");
        expect(gh.stdout).toMatch(/^::notice file=src\/network stack\.ts,line=8,title=security-group-no-public-ingress::bastion-sg \(aws:ec2\/securityGroup:SecurityGroup\): EXEMPTED from/m);
        expect(gh.stdout).not.toMatch(/^::error[^\n]*::bastion-sg/m);
    });

    it("an exemption that clears the last mandatory finding turns the exit code to 0", async () => {
        const dir = mkdtempSync(path.join(tmp, "exempt-"));
        const config = path.join(dir, "config.json");
        writeFileSync(config, JSON.stringify({ "security-group-no-public-ingress": { exemptions: [{ resources: ["*"], reason: "load test stack, torn down nightly" }] } }));
        const only = path.join(dir, "preview.json");
        const doc = JSON.parse(readFileSync(path.join(FIXTURES, "preview-positions.json"), "utf8")) as { steps: { urn: string }[] };
        doc.steps = doc.steps.filter((s) => !/::(assets|orders|orders-cluster)$/.test(s.urn) && !s.urn.includes("logGroup"));
        writeFileSync(only, JSON.stringify(doc));
        expect((await scan(only)).code).toBe(1);
        const exempted = await scan(only, "--config", config);
        expect(exempted.code).toBe(0);
        expect(exempted.stdout).toMatch(/totals: 0 mandatory, \d+ advisory, 2 exempted/);
    });

    it("an expired exemption no longer applies; an in-code tag is honored for an advisory policy and refused for a mandatory one", async () => {
        const dir = mkdtempSync(path.join(tmp, "exempt-"));
        const config = path.join(dir, "config.json");
        writeFileSync(config, JSON.stringify({ "s3-force-destroy": { exemptions: [{ resources: ["aws:s3/*"], reason: "public assets, ticket WEB-9", expires: "2020-06-30" }] } }));
        const doc = JSON.parse(readFileSync(path.join(FIXTURES, "preview-positions.json"), "utf8")) as { steps: { urn: string; newState: { inputs: { tags?: Record<string, string> } } }[] };
        const tag = (name: string, policy: string, reason: string): void => {
            const inputs = doc.steps.find((s) => s.urn.endsWith(`::${name}`))?.newState.inputs;
            if (inputs) inputs.tags = { ...inputs.tags, [`guardrails:exempt:${policy}`]: reason };
        };
        tag("app-logs", "cloudwatch-log-group-retention", "kept by the log pipeline");
        tag("bastion-sg", "security-group-no-public-ingress", "jump host");
        const file = path.join(dir, "preview.json");
        writeFileSync(file, JSON.stringify(doc));
        const report = json(await scan(file, "--config", config, "--format", "json"));
        const on = (name: string, policy: string) => report.findings.filter((f) => f.name === name && f.policy === policy).map((f) => ({ level: f.level, exempted: f.exempted, message: f.message }));
        expect(on("assets", "s3-force-destroy")).toEqual([
            { level: "mandatory", exempted: false, message: expect.stringContaining('exemption from s3-force-destroy ("public assets, ticket WEB-9") expired on 2020-06-30; the finding applies again') },
        ]);
        expect(on("app-logs", "cloudwatch-log-group-retention")).toEqual([{ level: "advisory", exempted: true, message: expect.stringContaining("EXEMPTED from cloudwatch-log-group-retention (tag guardrails:exempt:") }]);
        expect(on("bastion-sg", "security-group-no-public-ingress")).toEqual([{ level: "mandatory", exempted: false, message: expect.stringContaining("refused: allowInCodeExemptions is false") }]);
        expect(report.findings.find((f) => f.name === "app-logs" && f.policy === "cloudwatch-log-group-retention")?.exemption).toEqual({ source: "tag", reason: "kept by the log pipeline", expires: null });

        const log = sarif(await scan(file, "--config", config, "--format", "sarif"));
        expect(log.runs[0].results.filter((r) => r.suppressions).map((r) => [r.ruleId, r.suppressions])).toEqual([
            ["cloudwatch-log-group-retention", [{ kind: "inSource", status: "accepted", justification: "kept by the log pipeline" }]],
        ]);
    });
});

describe("stack exports", () => {
    it("v3 with encrypted secrets: secrets are unknown (no verdict on them) and the report says how to evaluate them", async () => {
        const report = json(await scan("export-v3-encrypted.json", "--format", "json"));
        expect(report.files[0]).toMatchObject({ kind: "export", deploymentVersion: 3, resources: 5, analyzed: 5, withSourcePosition: 3, secrets: { encrypted: 5, plaintext: 0, blinded: 0 } });
        expect(report.files[0].warnings).toEqual([expect.stringMatching(/^5 secret value\(s\) are encrypted in this export.*--show-secrets/)]);
        expect(report.findings.some((f) => f.policy === "database-password-hardcoded")).toBe(false);
        expect(report.findings.find((f) => f.name === "billing-db")?.location).toEqual({ file: "index.ts", line: 42, column: 20, uri: "project:///index.ts#42,20" });
    });

    it("v3 with --show-secrets: secrets are evaluated, and never appear in any format", async () => {
        const report = json(await scan("export-v3-secrets.json", "--format", "json"));
        expect(report.files[0].secrets).toEqual({ blinded: 0, encrypted: 0, plaintext: 5 });
        expect(report.findings).toEqual(expect.arrayContaining([expect.objectContaining({ policy: "database-password-hardcoded", name: "billing-db", level: "mandatory" })]));
        // The secret bucket name is checked (it lacks the suffix) and shown redacted.
        expect(report.findings.find((f) => f.policy === "resource-name-environment-suffix" && f.name === "audit-logs")?.message).toContain("bucket is [secret]");
        for (const format of ["text", "json", "sarif", "github"]) {
            const run = await scan("export-v3-secrets.json", "--format", format);
            for (const s of SECRETS) {
                expect(run.stdout).not.toContain(s);
                expect(run.stderr).not.toContain(s);
            }
        }
    });

    it("v4 (what the CLI writes once a resource uses a newer feature, here refreshBeforeUpdate): read like v3", async () => {
        const v4 = json(await scan("export-v4.json", "--format", "json"));
        const v3 = json(await scan("export-v3-encrypted.json", "--format", "json"));
        expect(v4.files[0]).toMatchObject({ kind: "export", deploymentVersion: 4, resources: 5, analyzed: 5, withSourcePosition: 3 });
        expect(v4.findings.map((f) => `${f.name} ${f.policy}`)).toEqual(v3.findings.map((f) => `${f.name} ${f.policy}`));
    });

    it("v2 (first-class providers, no source positions): read, and SARIF results are anchored on the project file", async () => {
        const run = await scan("export-v2.json", "--format", "sarif");
        expect(run.code).toBe(1);
        const { results } = sarif(run).runs[0];
        expect(results.some((r) => r.ruleId === "s3-no-public-acl" && r.level === "error")).toBe(true);
        for (const r of results) expect(r.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: "Pulumi.yaml" }, region: { startLine: 1 } });
    });

    it("v1 (defaults, no providers): read; a production stack name applies", async () => {
        const report = json(await scan("export-v1.json", "--format", "json"));
        expect(report.files[0]).toMatchObject({ kind: "export", deploymentVersion: 1, resources: 2, analyzed: 2 });
        expect(report.files[0].notApplicable).toContain("no-protect-option");
        expect(report.findings.map((f) => f.policy)).toContain("cloudwatch-log-group-retention");
    });
});

describe("output and progress", () => {
    it("--output writes the report to a file and one summary line to stdout", async () => {
        const out = path.join(tmp, "report.sarif");
        const run = await scan("good-preview.json", "--format", "sarif", "--output", out);
        expect(run).toMatchObject({ code: 0, stdout: `PASS: 0 mandatory, 1 advisory, 0 exempted in 1 document(s); sarif report written to ${out}\n` });
        expect((JSON.parse(readFileSync(out, "utf8")) as Sarif).version).toBe("2.1.0");
    });

    it("--progress reports on stderr while stdout stays a clean report", async () => {
        const big = path.join(tmp, "preview-600.json");
        writeFileSync(big, JSON.stringify(generatePreview(600)));
        const run = await scan(big, "--format", "json", "--progress");
        const report = json(run);
        expect(report.files[0]).toMatchObject({ resources: 600, analyzed: 600 });
        expect(report.files[0].withSourcePosition).toBeGreaterThan(550);
        expect(run.stderr).toMatch(/analyzed 60\/600 resources \(10 %\)\n[\s\S]*analyzed 600\/600 resources \(100 %\)\n.*running stack policies\n.*done in [\d.]+ s\n$/);
        // Not a terminal and no --progress: silent.
        const quiet = await scan(big, "--format", "json");
        expect(quiet.stderr).toBe("");
    });
});

describe("npm start", () => {
    it("is the scanner's text report over the examples; --demo exits 0 despite mandatory findings", async () => {
        const run = await new Promise<Run>((resolve) => {
            execFile(
                process.execPath,
                [path.join(ROOT, "bin", "cli", "report.js"), "--demo", "--config", "examples/policy-config.json", "examples/bad-stack.json", "examples/good-stack.json"],
                { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
                (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === "number" ? err.code : -1) : 0, stdout, stderr }),
            );
        });
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/^== examples\/bad-stack\.json\n/);
        expect(run.stdout).toMatch(/RESULT bad-stack\.json: FAIL[\s\S]*RESULT good-stack\.json: PASS/);
        expect(run.stdout).toContain("(--demo: exit code 0 although mandatory findings were reported)");
        // A policy's repeated findings are one group: the count, every resource, each distinct text once, what all share once.
        expect(run.stdout).toContain("   advisory  required-tags [low] · 20 findings\n");
        expect(run.stdout.match(/Untagged resources cannot be attributed/g)).toHaveLength(1);
        expect(run.stdout).toContain("     financial-vpc, private-a, private-b, public-a, public-b, financial-db-subnets (6 resources)\n");
        expect(run.stdout).toContain("TOTAL: 30 mandatory, 38 advisory, 2 exempted in 2 documents");
    });
});
