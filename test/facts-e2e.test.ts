// End to end: facts refreshed from AWS CLI output (test/fixtures/facts) into a folder, the compiled pack started the
// way the engine starts it with AWS_GUARDRAILS_DATA_DIR on that folder, and verdicts that follow AWS's own lists,
// region by region; the stale-facts advisory appears once per preview.
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { EngineResource, EngineRun, PackClient, runEngine, startPack } from "../engine/client";
import { refresh } from "../lib/facts/refresh";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "..", "..");
const fixture = (name: string) => path.join(ROOT, "test", "fixtures", "facts", name);

function cluster(name: string, engineVersion: string, region: string): EngineResource {
    return {
        type: "aws:rds/cluster:Cluster",
        name,
        urn: `urn:pulumi:dev::payments::aws:rds/cluster:Cluster::${name}`,
        props: { engine: "aurora-postgresql", engineVersion, storageEncrypted: true, deletionProtection: false, skipFinalSnapshot: true, backupRetentionPeriod: 7 },
        provider: { type: "pulumi:providers:aws", name: region, urn: `urn:pulumi:dev::payments::pulumi:providers:aws::${region}`, props: { region } },
    };
}

/** The version policies' findings: "policy level on name". */
function versionFindings(run: EngineRun): string[] {
    return run.findings
        .filter((f) => f.policyName === "rds-engine-version" || f.policyName === "version-facts-age")
        .map((f) => `${f.policyName} ${f.enforcementLevel} on ${f.resource.name}`)
        .sort();
}

describe("refreshed facts in a running pack", () => {
    let dir: string;
    let pack: PackClient;

    beforeAll(async () => {
        dir = mkdtempSync(path.join(tmpdir(), "facts-e2e-"));
        refresh({ files: [fixture("rds-eu-west-1.json"), fixture("kafka.json")], region: "eu-west-1", out: dir, asOf: "2026-12-07" });
        refresh({ files: [fixture("rds-us-east-1.json")], region: "us-east-1", out: dir, asOf: "2026-12-07" });
        pack = await startPack(ROOT, {
            stack: "dev",
            project: "payments",
            dryRun: true,
            env: { AWS_GUARDRAILS_DATA_DIR: dir, AWS_GUARDRAILS_TODAY: "2026-12-10", AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined },
        });
    });
    afterAll(async () => {
        await pack?.close();
        rmSync(dir, { recursive: true, force: true });
    });

    test("newly deprecated is mandatory, newly released draws nothing, a version missing from one region's list is reported there only", async () => {
        const run = await runEngine(pack, [
            cluster("deprecated-since", "15.10", "eu-west-1"),
            cluster("released-since", "16.15", "eu-west-1"),
            cluster("missing-in-eu", "16.8", "eu-west-1"),
            cluster("listed-in-us", "16.8", "us-east-1"),
        ]);
        // Every list relied on is three days old: no stale-facts advisory.
        expect(versionFindings(run)).toEqual(["rds-engine-version mandatory on deprecated-since", "rds-engine-version mandatory on missing-in-eu"]);
        const message = (name: string) => run.findings.find((f) => f.policyName === "rds-engine-version" && f.resource.name === name)?.message ?? "";
        expect(message("deprecated-since")).toContain("deprecated for aurora-postgresql in eu-west-1");
        expect(message("deprecated-since")).toContain("(AWS version data as of 2026-12-07 from aws rds describe-db-engine-versions --include-all in eu-west-1.)");
        expect(message("missing-in-eu")).toContain("does not list for aurora-postgresql in eu-west-1");
    });

    test("the same versions under the bundled snapshot judge otherwise (the refresh is what changed the verdicts)", async () => {
        const bundled = await startPack(ROOT, { stack: "dev", project: "payments", dryRun: true, env: { AWS_GUARDRAILS_DATA_DIR: undefined, AWS_GUARDRAILS_TODAY: "2026-12-10", AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined } });
        try {
            const run = await runEngine(bundled, [cluster("deprecated-since", "15.10", "eu-west-1"), cluster("released-since", "16.15", "eu-west-1"), cluster("missing-in-eu", "16.8", "eu-west-1")]);
            expect(versionFindings(run)).toEqual([
                "rds-engine-version advisory on released-since", // unlisted: a note that the data may be old
                "version-facts-age advisory on deprecated-since", // bundled facts of 2026-08-13: stale, said once
            ]);
        } finally {
            await bundled.close();
        }
    });

    test("old refreshed facts draw one advisory per preview naming the date and the refresh command", async () => {
        const later = await startPack(ROOT, { stack: "dev", project: "payments", dryRun: true, env: { AWS_GUARDRAILS_DATA_DIR: dir, AWS_GUARDRAILS_TODAY: "2027-04-01", AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined } });
        try {
            const run = await runEngine(later, [cluster("a", "16.9", "eu-west-1"), cluster("b", "16.14", "eu-west-1"), cluster("c", "16.9", "us-east-1")], { policyConfig: { all: "mandatory" } });
            const stale = run.findings.filter((f) => f.policyName === "version-facts-age");
            expect(stale.map((f) => [f.phase, f.enforcementLevel, f.resource.name])).toEqual([["analyzeStack", "advisory", "a"]]);
            expect(stale[0].message).toContain("as of 2026-12-07 (115 days)");
            expect(stale[0].message).toContain("`aws-guardrails facts refresh --region eu-west-1 rds.json`");
            expect(stale[0].message).toContain("`aws-guardrails facts refresh --region us-east-1 rds.json`");
            expect(run.findings.filter((f) => f.policyName === "rds-engine-version")).toEqual([]);
        } finally {
            await later.close();
        }
    });
});
