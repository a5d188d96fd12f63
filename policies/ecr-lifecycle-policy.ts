import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { get, isUnknown } from "../lib/values";

const REPOSITORY = "aws:ecr/repository:Repository";
const LIFECYCLE = "aws:ecr/lifecyclePolicy:LifecyclePolicy";
const TARGET: keyof aws.ecr.LifecyclePolicyArgs = "repository";

export default definePolicy({
    kind: "stack",
    name: "ecr-lifecycle-policy",
    family: "resilience",
    description: "Every ECR repository has an aws.ecr.LifecyclePolicy, so old and untagged images expire instead of piling up.",
    enforcementLevel: "advisory",
    severity: "low",
    types: [REPOSITORY, LIFECYCLE],
    config: {},
    messages: {
        noLifecyclePolicy:
            "no aws.ecr.LifecyclePolicy refers to this repository, so ECR keeps every image pushed to it forever: storage (billed per GB-month) grows with each " +
            "build and untagged images pile up. Add one with `repository: <repo>.name` that expires untagged images and keeps the last N tagged ones.",
    },
    framework: fsbp("ECR.3", "ECR repositories should have at least one lifecycle policy configured"),
    remediationSteps:
        "Add `new aws.ecr.LifecyclePolicy(name, { repository: repo.name, policy: ... })` with rules that expire untagged images after a few days " +
        "and keep a bounded number of tagged images (awsx.ecr.Repository adds one by default).",
    check({ graph, report }) {
        const policies = graph.ofType(LIFECYCLE);
        // A lifecycle policy whose repository cannot be told at preview may be this one's.
        if (policies.some((p) => isUnknown(get(p.props, TARGET)) && graph.sourcesOf(p, TARGET).length === 0)) return;
        for (const repo of graph.ofType(REPOSITORY)) {
            // A repository's id is its name.
            if (graph.referrers(repo, [LIFECYCLE], TARGET, ["name"]).length === 0) report("noLifecyclePolicy", {}, repo);
        }
    },
});
