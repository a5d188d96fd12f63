import { Cases, UNKNOWN, secret } from "../tester";

const REPO = "aws:ecr/repository:Repository";
const LIFECYCLE = "aws:ecr/lifecyclePolicy:LifecyclePolicy";
const KEEP_10 = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 10 }, action: { type: "expire" } }] });

export const cases: Cases = {
    valid: [
        {
            why: "seed: keep the last 10 images (wired by dependency)",
            resources: [{ type: REPO, name: "app", props: { name: "app-7c1d2e3" } }, { type: LIFECYCLE, name: "app-lifecycle", props: { repository: UNKNOWN, policy: KEEP_10 }, propertyDependencies: { repository: ["app"] } }],
        },
        {
            why: "lifecycle policy given the literal repository name",
            resources: [{ type: REPO, name: "app", props: { name: "financial-app-pr12" } }, { type: LIFECYCLE, name: "lp", props: { repository: "financial-app-pr12", policy: KEEP_10 } }],
        },
        {
            why: "a lifecycle policy whose repository is unknown may be this one's",
            resources: [{ type: REPO, name: "app", props: { name: "app" } }, { type: LIFECYCLE, name: "lp", props: { repository: UNKNOWN, policy: KEEP_10 } }],
        },
        { why: "secret policy document", resources: [{ type: REPO, name: "app", props: { name: "app" } }, { type: LIFECYCLE, name: "lp", props: { repository: "app", policy: secret(KEEP_10) } }] },
        { why: "no repositories", resources: [{ type: LIFECYCLE, name: "lp", props: { repository: "elsewhere", policy: KEEP_10 } }] },
    ],
    invalid: [
        { why: "repository without a lifecycle policy", resources: [{ type: REPO, name: "app", props: { name: "app-pr12", imageScanningConfiguration: { scanOnPush: true } } }], messageId: "noLifecyclePolicy", on: "app" },
        {
            why: "the lifecycle policy belongs to another repository",
            resources: [
                { type: REPO, name: "api", props: { name: "api-pr12" } },
                { type: REPO, name: "worker", props: { name: "worker-pr12" } },
                { type: LIFECYCLE, name: "api-lp", props: { repository: UNKNOWN, policy: KEEP_10 }, propertyDependencies: { repository: ["api"] } },
            ],
            messageId: "noLifecyclePolicy",
            on: "worker",
            count: 1,
        },
        { why: "malformed repository reference", resources: [{ type: REPO, name: "app", props: { name: "app" } }, { type: LIFECYCLE, name: "lp", props: { repository: 7 } }], messageId: "noLifecyclePolicy", on: "app" },
        { why: "secret repository name never printed", resources: [{ type: REPO, name: "app", props: { name: secret("secret-repo-name") } }], messageId: "noLifecyclePolicy", on: "app" },
    ],
};
