// Deploy-breakers that span resources (issue 16, part B), end to end: the storefront (test/seeds/storefront.ts) is
// registered the way the engine sees it and sent to the compiled pack over the Analyzer protocol. As written it must
// draw each breaker at mandatory on the resource whose create fails, and each flapping setup at advisory; with each
// fix, none of them. The jest helper must agree with the pack.
import * as path from "path";
import { PackClient, runEngine, startPack } from "../engine/client";
import { findingKeys, helperVerdicts, packVerdicts, registered } from "./registered";
import { storefront } from "./seeds/storefront";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "..", "..");
const STACK = "pr9";
const PROJECT = "storefront";
const CAPTURE = { project: PROJECT, stack: STACK, organization: "acme", preview: true };

/** Each finding as `policy level on resource`, and why. */
const EXPECTED: readonly [policy: string, level: string, on: string, why: string][] = [
    ["alb-subnets-two-zones", "mandatory", "web", "both subnets in us-east-1a: CreateLoadBalancer fails"],
    ["s3-replication-versioning", "mandatory", "replication", "the replica bucket is not versioned: PutBucketReplication fails"],
    ["rds-cluster-instance-matches-cluster", "mandatory", "writer", "db.serverless without the cluster's Serverless v2 scaling: CreateDBInstance fails"],
    ["rds-cluster-instance-matches-cluster", "mandatory", "reader", "aurora-mysql instance in an aurora-postgresql cluster: CreateDBInstance fails"],
    ["rds-instance-class-available", "mandatory", "reporting", "db.serverless on RDS for PostgreSQL: CreateDBInstance fails"],
    ["security-group-inline-and-separate-rules", "advisory", "alb", "inline ingress plus a SecurityGroupIngressRule: flapping diff"],
    ["iam-role-inline-and-separate-policies", "advisory", "exporter", "managedPolicyArns plus a RolePolicyAttachment: flapping diff"],
];
const POLICIES = new Set(EXPECTED.map(([policy]) => policy));

describe("storefront: deploy-breakers that span resources, over the Analyzer protocol", () => {
    let pack: PackClient;

    beforeAll(async () => {
        pack = await startPack(ROOT, { stack: STACK, project: PROJECT, organization: "acme", dryRun: true, env: { ENVIRONMENT_SUFFIX: undefined, AWS_REGION: "us-east-1" } });
    });
    afterAll(async () => {
        await pack?.close();
    });

    test("as written, each breaker is reported at its level on the resource it concerns, and nothing else of those policies", async () => {
        const run = await runEngine(pack, await registered(() => storefront({ fixed: false }), CAPTURE));
        expect(findingKeys(run, POLICIES)).toEqual(EXPECTED.map(([policy, level, on]) => `${policy} ${level} on ${on}`).sort());
        expect(run.findings.filter((f) => /can't run|could not evaluate/.test(f.message))).toEqual([]);
        expect(packVerdicts(run, POLICIES)).toEqual(await helperVerdicts(() => storefront({ fixed: false }), CAPTURE, POLICIES));
    });

    test("with each fix, none of those policies reports anything", async () => {
        const run = await runEngine(pack, await registered(() => storefront({ fixed: true }), CAPTURE));
        expect(findingKeys(run, POLICIES)).toEqual([]);
        expect(await helperVerdicts(() => storefront({ fixed: true }), CAPTURE, POLICIES)).toEqual([]);
    });
});
