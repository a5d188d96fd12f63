import { Cases, UNKNOWN, secret } from "../tester";

const REPO = "aws:ecr/repository:Repository";
const REGISTRY = "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration";

export const cases: Cases = {
    valid: [
        { why: "seed: repository with scanning enabled", resources: [{ type: REPO, name: "app", props: { name: "app-pr12", imageScanningConfiguration: { scanOnPush: true } } }] },
        { why: "scanOnPush unknown during preview", resources: [{ type: REPO, name: "app", props: { imageScanningConfiguration: { scanOnPush: UNKNOWN } } }] },
        {
            why: "registry scanning rule scans on push",
            resources: [
                { type: REPO, name: "app", props: { name: "app" } },
                { type: REGISTRY, name: "scanning", props: { scanType: "BASIC", rules: [{ scanFrequency: "SCAN_ON_PUSH", repositoryFilters: [{ filter: "*", filterType: "WILDCARD" }] }] } },
            ],
        },
        {
            why: "enhanced continuous scanning",
            resources: [{ type: REPO, name: "app", props: {} }, { type: REGISTRY, name: "scanning", props: { scanType: "ENHANCED", rules: [{ scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [] }] } }],
        },
        { why: "registry rules unknown", resources: [{ type: REPO, name: "app", props: {} }, { type: REGISTRY, name: "scanning", props: { scanType: "ENHANCED", rules: UNKNOWN } }] },
        { why: "secret-wrapped true", resources: [{ type: REPO, name: "app", props: { imageScanningConfiguration: { scanOnPush: secret(true) } } }] },
        {
            why: "one registry rule scans on push, another leaves some repositories to manual scans",
            resources: [
                { type: REPO, name: "app", props: {} },
                {
                    type: REGISTRY,
                    name: "scanning",
                    props: {
                        scanType: "BASIC",
                        rules: [
                            { scanFrequency: "SCAN_ON_PUSH", repositoryFilters: [{ filter: "*", filterType: "WILDCARD" }] },
                            { scanFrequency: "MANUAL", repositoryFilters: [{ filter: "sandbox-*", filterType: "WILDCARD" }] },
                        ],
                    },
                },
            ],
        },
    ],
    invalid: [
        { why: "scanning not configured (false by default)", resources: [{ type: REPO, name: "app", props: { name: "app-pr12" } }], messageId: "notScanned", on: "app", includes: ["not set"] },
        { why: "explicitly off", resources: [{ type: REPO, name: "app", props: { imageScanningConfiguration: { scanOnPush: false } } }], messageId: "notScanned", on: "app", includes: ["false"] },
        {
            why: "registry rule is MANUAL only",
            resources: [{ type: REPO, name: "app", props: {} }, { type: REGISTRY, name: "scanning", props: { scanType: "BASIC", rules: [{ scanFrequency: "MANUAL", repositoryFilters: [] }] } }],
            messageId: "notScanned",
            on: "app",
        },
        { why: "malformed value", resources: [{ type: REPO, name: "app", props: { imageScanningConfiguration: "on" } }], messageId: "notScanned", on: "app" },
        { why: "the message shows the repository's own setting", resources: [{ type: REPO, name: "app", props: { imageScanningConfiguration: { scanOnPush: false } } }], messageId: "notScanned", on: "app", includes: ["scanOnPush is false"] },
        { why: "secret repository name never printed", resources: [{ type: REPO, name: "app", props: { name: secret("secret-repo-name") } }], messageId: "notScanned", on: "app" },
    ],
    notApplicable: [{ why: "registry scanning managed elsewhere", resources: [{ type: REPO, name: "app", props: {} }], config: { registryScanning: true } }],
};
