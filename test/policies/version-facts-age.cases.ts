import { REFRESHED } from "../fixtures/versions";
import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const cluster = (name: string, engineVersion: unknown, region?: unknown): CaseResource => ({
    type: "aws:rds/cluster:Cluster",
    name,
    props: { engine: "aurora-postgresql", engineVersion },
    ...(region === undefined ? {} : { provider: { props: { region } } }),
});
const fn = (name: string, props: Record<string, unknown>): CaseResource => ({ type: "aws:lambda/function:Function", name, props });

/** The refreshed fixture (eu-west-1 as of 2026-11-02, bundled lists of 2026-08-13 and 2026-08-16) on a given day. */
const on = (day: string) => ({ ...REFRESHED, AWS_GUARDRAILS_TODAY: day });

export const cases: Cases = {
    valid: [
        { why: "a regional refresh 35 days old", resources: [cluster("db", "16.9", "eu-west-1")], env: on("2026-12-07") },
        { why: "bundled lists younger than 90 days", resources: [cluster("db", "16.9", "us-east-1"), fn("api", { runtime: "nodejs22.x" })], env: on("2026-10-01") },
        { why: "maxAgeDays raised to a year", resources: [cluster("db", "16.9", "us-east-1")], config: { maxAgeDays: 365 }, env: on("2026-12-07") },
        { why: "no version set: AWS picks its default, no facts relied on", resources: [cluster("db", undefined, "us-east-1")], env: on("2027-06-01") },
        { why: "version unknown during preview: no facts relied on", resources: [cluster("db", UNKNOWN, "us-east-1")], env: on("2027-06-01") },
        { why: "malformed version (a number, a list): not judged, so no facts relied on", resources: [cluster("db", 16, "us-east-1"), cluster("db2", ["16.9"])], env: on("2027-06-01") },
        { why: "a container-image function brings its own runtime", resources: [fn("img", { packageType: "Image", imageUri: "x" })], env: on("2027-06-01") },
        { why: "a stack without versioned resources", resources: [{ type: "aws:s3/bucket:Bucket", name: "b", props: {} }], env: on("2027-06-01") },
    ],
    invalid: [
        {
            why: "bundled lists past 90 days: one advisory for the whole stack, naming each list's date and the refresh",
            resources: [cluster("a", "16.9", "us-east-1"), cluster("b", "16.14", "us-east-1"), fn("api", { runtime: "nodejs22.x" })],
            env: on("2026-12-07"),
            messageId: "stale",
            level: "advisory",
            count: 1,
            on: "a",
            includes: [
                "(this resource's first) are older than 90 days",
                "aurora-postgresql: bundled, from bundled test fixture (us-east-1 list), as of 2026-08-13 (116 days)",
                "Lambda runtimes: bundled, from lambda test fixture, as of 2026-08-16 (113 days)",
                "`aws rds describe-db-engine-versions --include-all --region us-east-1 > rds.json`, then `aws-guardrails facts refresh --region us-east-1 rds.json`",
                "edit data/lambda-runtimes.json",
            ],
        },
        {
            why: "a regional refresh past maxAgeDays names its region and command",
            resources: [cluster("db", "16.9", "eu-west-1")],
            config: { maxAgeDays: 30 },
            env: on("2026-12-07"),
            messageId: "stale",
            level: "advisory",
            count: 1,
            on: "db",
            includes: ["aurora-postgresql: refreshed from aws rds describe-db-engine-versions --include-all in eu-west-1, as of 2026-11-02 (35 days)", "facts refresh --region eu-west-1 rds.json"],
        },
        {
            why: "a version that draws a violation still relied on the facts (reported apart from it, on the stack)",
            resources: [cluster("db", "15.10", "eu-west-1")],
            env: on("2027-03-01"),
            messageId: "stale",
            level: "advisory",
            count: 1,
            on: "db",
            includes: ["as of 2026-11-02 (119 days)"],
        },
        {
            why: "a secret version is judged like a plain one and never shown",
            resources: [cluster("db", secret("16.14"), "us-east-1")],
            env: on("2026-12-07"),
            messageId: "stale",
            level: "advisory",
            count: 1,
            on: "db",
        },
        { why: "no region anywhere: the command leaves REGION to fill in", resources: [cluster("db", "16.9")], env: on("2026-12-07"), messageId: "stale", level: "advisory", on: "db", includes: ["--region REGION"] },
    ],
};
