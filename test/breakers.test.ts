// Deploy-breakers that span resources, end to end: the media pipeline (test/seeds/media-pipeline.ts) is registered the way
// the engine sees it and sent to the compiled pack over the Analyzer protocol. As written it must draw each breaker at
// mandatory on the resource whose create fails; with each fix, none of them. The jest helper must agree with the pack.
import * as path from "path";
import { PackClient, runEngine, startPack } from "../engine/client";
import { findingKeys, helperVerdicts, packVerdicts, registered } from "./registered";
import { mediaPipeline } from "./seeds/media-pipeline";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "..", "..");
const STACK = "pr7";
const PROJECT = "media";
const CAPTURE = { project: PROJECT, stack: STACK, organization: "acme", preview: true };

/** Each breaker as `policy on resource`, and the create it fails. */
const BREAKERS: readonly [policy: string, on: string, why: string][] = [
    ["s3-notification-destination-permission", "uploads", "no permission for s3.amazonaws.com on the function, no queue policy: PutBucketNotificationConfiguration fails"],
    ["sqs-lambda-trigger-limits", "jobs", "30 s visibility timeout behind a 60 s function: CreateEventSourceMapping fails"],
    ["sqs-lambda-trigger-limits", "ledger", "batch size 100 on a FIFO queue: CreateEventSourceMapping fails"],
    ["sqs-dead-letter-queue-type", "ledger", "a FIFO queue with a standard dead-letter queue: the redrive policy is rejected"],
    ["generated-password-characters", "catalog", "random's default specials include @: CreateDBInstance fails on some runs"],
    ["kms-key-policy-allows-service", "job-worker", "a key policy without the logs principal: CreateLogGroup is denied"],
];
const POLICIES = new Set(BREAKERS.map(([policy]) => policy));

describe("deploy-breakers that span resources, over the Analyzer protocol", () => {
    let pack: PackClient;

    beforeAll(async () => {
        pack = await startPack(ROOT, { stack: STACK, project: PROJECT, organization: "acme", dryRun: true, env: { ENVIRONMENT_SUFFIX: undefined } });
    });
    afterAll(async () => {
        await pack?.close();
    });

    test("as written, each breaker is mandatory on the resource whose create fails", async () => {
        const run = await runEngine(pack, await registered(() => mediaPipeline({ fixed: false }), CAPTURE));
        const got = new Set(findingKeys(run, POLICIES));
        expect(BREAKERS.map(([policy, on]) => `${policy} mandatory on ${on}`).filter((k) => !got.has(k))).toEqual([]);
        expect(run.findings.filter((f) => /can't run|could not evaluate/.test(f.message))).toEqual([]);
        expect(packVerdicts(run, POLICIES)).toEqual(await helperVerdicts(() => mediaPipeline({ fixed: false }), CAPTURE, POLICIES));
    });

    test("with each fix, none of those policies reports anything", async () => {
        const run = await runEngine(pack, await registered(() => mediaPipeline({ fixed: true }), CAPTURE));
        expect(findingKeys(run, POLICIES)).toEqual([]);
        expect(await helperVerdicts(() => mediaPipeline({ fixed: true }), CAPTURE, POLICIES)).toEqual([]);
    });
});
