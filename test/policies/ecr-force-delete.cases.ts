import { Cases, UNKNOWN, secret } from "../tester";

export const cases: Cases = {
    valid: [
        { why: "forceDelete on", props: { name: "app-pr123", forceDelete: true, imageScanningConfiguration: { scanOnPush: true } } },
        { why: "string form of true", props: { forceDelete: "true" } },
        { why: "unknown during preview", props: { forceDelete: UNKNOWN } },
        { why: "secret true", props: { forceDelete: secret(true) } },
        { why: "aws-native: emptyOnDelete true", type: "aws-native:ecr:Repository", props: { emptyOnDelete: true } },
    ],
    invalid: [
        { why: "seed 002: repository without forceDelete", props: { name: "app-pr123", imageScanningConfiguration: { scanOnPush: true } }, messageId: "keepsImages", count: 1, includes: ["forceDelete", "not set"] },
        { why: "explicitly false", props: { forceDelete: false }, messageId: "keepsImages" },
        { why: "malformed string", props: { forceDelete: "yes" }, messageId: "keepsImages" },
        { why: "malformed object", props: { forceDelete: { value: true } }, messageId: "keepsImages" },
        { why: "secret malformed value is not printed", props: { forceDelete: secret("nope") }, messageId: "keepsImages", includes: ["[secret]"] },
        { why: "aws-native: emptyOnDelete unset", type: "aws-native:ecr:Repository", props: { repositoryName: "app-test" }, messageId: "keepsImages", includes: ["emptyOnDelete"] },
    ],
    notApplicable: [{ why: "production stack by name", stack: "prod", props: {} }],
};
