import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { Resource, regionOf, sameRegion } from "../lib/resource";
import { asArray, asString, get } from "../lib/values";
import { fromOpaqueSource, parseArn } from "../lib/wiring";

const PLAN = "aws:backup/plan:Plan";
const VAULT_TYPES = ["aws:backup/vault:Vault", "aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault"];
const RULES: keyof aws.backup.PlanArgs = "rules";
const VAULT_KEYS = ["arn", "name"];

/** Whether `vault` is the one a known destination ARN names: its ARN, or its name in the ARN's Region. */
function isDestination(vault: Resource, destination: string): boolean {
    if (asString(get(vault.props, "arn")) === destination) return true;
    const arn = parseArn(destination);
    const name = asString(get(vault.props, "name"));
    if (!arn || !name || arn.service !== "backup") return false;
    const [kind, vaultName] = arn.resource.split(":");
    return (kind === "backup-vault" || kind === "logically-air-gapped-backup-vault") && vaultName === name && sameRegion(arn.region, regionOf(vault));
}

export default definePolicy({
    kind: "stack",
    name: "backup-copy-destination-exists",
    family: "wiring",
    description: "Every backup plan copy action (rules[].copyActions[].destinationVaultArn) copies to a backup vault that the stack creates.",
    enforcementLevel: "advisory",
    severity: "high",
    types: [PLAN, ...VAULT_TYPES],
    messages: {
        noVault:
            "{{property}} is {{value}}, and no aws.backup.Vault in this stack has that ARN (nor that name in Region {{region}}); unless the vault is " +
            "created elsewhere, every copy job fails and no backup reaches the other Region or account. Create the vault (with a provider for its Region) " +
            "and pass `destinationVaultArn: vault.arn`.",
    },
    remediationSteps:
        "Create the destination vault in the stack, e.g. `new aws.backup.Vault(\"dr-vault\", { ... }, { provider: drProvider })`, and set " +
        "`copyActions: [{ destinationVaultArn: drVault.arn }]` so the plan depends on it. If the vault is managed in another stack or account, exempt the plan.",
    check({ graph, report }) {
        const vaults = graph.ofType(...VAULT_TYPES);
        for (const plan of graph.ofType(PLAN)) {
            // A destination computed from a vault whose name and ARN are still unknown may be that vault.
            if (fromOpaqueSource(graph, plan, RULES, VAULT_TYPES, VAULT_KEYS)) continue;
            // Unknown rules or copy actions read as one unknown entry, whose destination is no known string.
            asArray(get(plan.props, RULES)).forEach((rule, i) => {
                asArray(get(rule, "copyActions")).forEach((copy, j) => {
                    const destination = asString(get(copy, "destinationVaultArn"));
                    if (!destination || vaults.some((v) => isDestination(v, destination))) return;
                    const property = `rules[${i}].copyActions[${j}].destinationVaultArn`;
                    report("noVault", { property, value: destination, region: parseArn(destination)?.region || "(not an ARN)" }, plan);
                });
            });
        }
    },
});
