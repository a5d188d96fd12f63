// The incident write-ups, end to end: each seed program (test/seeds/) is registered the way the engine sees it,
// sent to the compiled pack over the Analyzer protocol (Remediate + Analyze per resource, then AnalyzeStack), and
// must draw every finding its write-up calls for; the fixed variant must draw none of them. The jest helper
// (checkProgram) must reach exactly the same verdicts as the pack does over the protocol.
import * as path from "path";
import { EngineResource, EngineRun, PackClient, runEngine, startPack } from "../engine/client";
import { policies } from "../policies";
import { checkProgram } from "../testing";
import { registered } from "./registered";
import { DrOptions, SEED_MOCKS, drFailover } from "./seeds/dr-failover";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "..", "..");
const STACK = "pr42";
const PROJECT = "payments-dr";
const levels = new Map(policies.map((p) => [p.name, p.enforcementLevel]));

/** What each write-up calls for, as `policy on resource`. */
const DR_EXPECTS: readonly [policy: string, on: string, seed: string, level?: "advisory"][] = [
    ["rds-engine-version", "payments", "002: Aurora PostgreSQL 15.3 is deprecated"],
    ["rds-engine-version", "payments-primary", "002: the cluster takes the global cluster's 15.3"],
    ["database-password-hardcoded", "payments-primary", "004 #1: literal master password"],
    ["rds-log-exports", "payments-primary", "004 #15: no CloudWatch log exports"],
    ["resource-name-environment-suffix", "db", "002 #3: KMS alias without the suffix"],
    ["alb-listener-https", "http", "003 #2: HTTP listener forwarding payment traffic"],
    ["route53-health-check-matches-listener", "primary", "004 #6: HTTPS:443 health check on an HTTP:80 ALB"],
    ["cloudwatch-alarm-dimension-arn-suffix", "unhealthy-hosts", "004 #9: full ARNs as alarm dimensions"],
    ["cloudwatch-alarm-threshold-unit", "replication-lag", "003 #3: 5 for AuroraGlobalDBReplicationLag, reported in ms"],
    ["eventbridge-rule-has-target", "on-failover", "004 #10: rule without a target"],
    ["eventbridge-lambda-permission", "on-alarm", "004 #10: Lambda target without a permission"],
    ["lambda-async-failure-destination", "failover", "003 #5: no dead-letter queue"],
    ["cloudwatch-log-group-retention", "failover", "003 #9: log group without retention"],
    ["vpc-peering-accepted", "primary-to-dr", "004 #4: cross-region peering without accepter"],
    ["backup-copy-destination-exists", "daily", "004 #11: copy to a DR vault that is never created"],
    ["s3-replication-destination-exists", "transactions", "003 #7: replication to a bucket that is never created"],
    ["s3-public-access-block", "transactions", "003 #4: bucket without a public access block (a note: AWS blocks public access on new buckets)", "advisory"],
    ["iam-no-admin-wildcard", "failover", "000/001: Action * on Resource *"],
    ["duplicate-physical-name", "cdr-replay", "001: two resources with one physical name"],
    ["physical-name-length", "payments", "target group name over 32 characters"],
    ["customer-managed-key", "sessions", "004 #14: DynamoDB with an AWS-owned key"],
    ["nat-gateway-per-az", "nat-0", "000: one NAT gateway for every zone"],
];

interface Scenario {
    resources: EngineResource[];
    /** `policy|urn|level` of every finding checkProgram reports. */
    helper: string[];
}

/** The program's registrations as the engine sends them to a pack, and the jest helper's verdicts on the same program. */
async function scenario(options: DrOptions): Promise<Scenario> {
    const program = () => drFailover(options);
    const resources = await registered(program, { project: PROJECT, stack: STACK, organization: "acme", preview: true, mocks: SEED_MOCKS });
    const checked = await checkProgram(program, { stack: STACK, project: PROJECT, organization: "acme", mocks: SEED_MOCKS });
    return { resources, helper: checked.findings.map((f) => `${f.policy}|${f.urn}|${f.level}`).sort() };
}

function keys(run: EngineRun): string[] {
    return run.findings.map((f) => `${f.policyName}|${f.resource.urn}|${f.enforcementLevel}`).sort();
}

function found(run: EngineRun): Set<string> {
    return new Set(run.findings.map((f) => `${f.policyName} ${f.enforcementLevel} on ${f.resource.name}`));
}

describe("seeds 000-004: a multi-region DR stack, over the Analyzer protocol", () => {
    let pack: PackClient;

    beforeAll(async () => {
        pack = await startPack(ROOT, { stack: STACK, project: PROJECT, organization: "acme", dryRun: true, env: { ENVIRONMENT_SUFFIX: undefined } });
    });
    afterAll(async () => {
        await pack?.close();
    });

    test("as generated, it draws every finding its write-ups call for, at each policy's level", async () => {
        const { resources, helper } = await scenario({ suffix: STACK, fixed: false });
        const run = await runEngine(pack, resources);
        const got = found(run);
        const missing = DR_EXPECTS.map(([policy, on, seed, level]) => [`${policy} ${level ?? levels.get(policy)} on ${on}`, seed]).filter(([key]) => !got.has(key));
        expect(missing).toEqual([]);
        expect(run.findings.filter((f) => /can't run|could not evaluate/.test(f.message))).toEqual([]);
        // The literal password travelled as a secret: evaluated, never shown.
        expect(run.findings.filter((f) => f.message.includes("MySecurePassword123!"))).toEqual([]);
        expect(keys(run)).toEqual(helper);
    });

    test("with each write-up's fix, none of those findings remain and nothing is mandatory", async () => {
        const { resources, helper } = await scenario({ suffix: STACK, fixed: true });
        const run = await runEngine(pack, resources);
        const got = found(run);
        expect(DR_EXPECTS.filter(([policy, on, , level]) => got.has(`${policy} ${level ?? levels.get(policy)} on ${on}`))).toEqual([]);
        expect(run.findings.filter((f) => f.enforcementLevel === "mandatory").map((f) => `${f.policyName} on ${f.resource.name}`)).toEqual([]);
        expect(keys(run)).toEqual(helper);
    });
});
