import type * as aws from "@pulumi/aws";
import { definePolicy, flagIsTrue } from "../lib/policy";
import { PRODUCTION_CONFIG, ProductionConfig, productionReason } from "../lib/stack";

const FORCE: keyof aws.backup.VaultArgs = "forceDestroy";

export default definePolicy<ProductionConfig>({
    kind: "resource",
    name: "backup-vault-force-destroy",
    family: "destroyability",
    description: "AWS Backup vaults in ephemeral stacks set forceDestroy, so `pulumi destroy` can delete them once a backup plan has stored recovery points in them.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: ["aws:backup/vault:Vault"],
    config: PRODUCTION_CONFIG,
    notApplicable: (stack, config) => productionReason(stack, config),
    messages: {
        keepsRecoveryPoints:
            "forceDestroy is {{value}} (unset means false); set `forceDestroy: true` in this ephemeral stack. " +
            "AWS refuses to delete a vault that holds recovery points, so once a backup plan has run `pulumi destroy` fails and the vault name stays taken.",
    },
    remediationSteps:
        "Set `forceDestroy: true` (the `remediate` level does this for you) and run `pulumi up` once before destroying, so the flag is in the state; " +
        "destroy then deletes the vault's recovery points first. Production stacks are exempt; see productionStacks.",
    ...flagIsTrue<ProductionConfig>(FORCE, "keepsRecoveryPoints"),
});
