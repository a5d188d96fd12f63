import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { asArray, asBool, get, isUnknown } from "../lib/values";

interface ScanConfig {
    registryScanning: boolean;
}

const REPOSITORY = "aws:ecr/repository:Repository";
const REGISTRY_SCANNING = "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration";
const SCANNING: keyof aws.ecr.RepositoryArgs = "imageScanningConfiguration";
const RULES: keyof aws.ecr.RegistryScanningConfigurationArgs = "rules";
// Registry rules that scan new images; MANUAL does not.
const SCANS_NEW_IMAGES = ["SCAN_ON_PUSH", "CONTINUOUS_SCAN"];

/** A registry scanning configuration in the stack that scans pushed images (or may: unknown rules). */
function registryScans(config: { props: Record<string, unknown> }): boolean {
    // Unknown rules read as one unknown rule, whose frequency is unknown too.
    return asArray(get(config.props, RULES)).some((rule) => {
        const frequency = get(rule, "scanFrequency");
        return isUnknown(frequency) || SCANS_NEW_IMAGES.includes(String(frequency));
    });
}

export default definePolicy<ScanConfig>({
    kind: "stack",
    name: "ecr-scan-on-push",
    family: "resilience",
    description: "ECR repositories scan images on push (repository setting or a registry scanning rule), so known vulnerabilities are reported before the image runs.",
    enforcementLevel: "advisory",
    severity: "medium",
    types: [REPOSITORY, REGISTRY_SCANNING],
    config: {
        registryScanning: {
            type: "boolean",
            default: false,
            description: "Set true when the account's registry scanning configuration (managed outside this stack) scans images on push or continuously.",
        },
    },
    notApplicable: (_stack, config) =>
        config.registryScanning === true ? "registryScanning is true: the account's registry scanning configuration scans new images" : undefined,
    messages: {
        notScanned:
            "imageScanningConfiguration.scanOnPush is {{value}} (false unless set) and no aws.ecr.RegistryScanningConfiguration in this stack scans on push, " +
            "so images are pushed and run without a vulnerability scan. Set `imageScanningConfiguration: { scanOnPush: true }`, or add a registry scanning rule " +
            "with scanFrequency SCAN_ON_PUSH or CONTINUOUS_SCAN.",
    },
    framework: fsbp("ECR.1", "ECR private repositories should have image scanning configured"),
    remediationSteps:
        "Set `imageScanningConfiguration: { scanOnPush: true }` on each repository, or scan at registry level with `aws.ecr.RegistryScanningConfiguration` " +
        "(AWS deprecates the repository-level setting in favor of it); if that is managed elsewhere, set registryScanning to true.",
    check({ graph, report }) {
        if (graph.ofType(REGISTRY_SCANNING).some(registryScans)) return;
        for (const repo of graph.ofType(REPOSITORY)) {
            const value = get(repo.props, `${SCANNING}.scanOnPush`);
            if (isUnknown(value) || asBool(value) === true) continue;
            report("notScanned", { property: `${SCANNING}.scanOnPush`, value }, repo);
        }
    },
});
