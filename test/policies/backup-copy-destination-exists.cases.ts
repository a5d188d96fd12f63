import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const PLAN = "aws:backup/plan:Plan";
const VAULT = "aws:backup/vault:Vault";
const DR_ARN = "arn:aws:backup:us-west-2:123456789012:backup-vault:dr-backup-vault-dev";

function vault(name: string, props: Record<string, unknown> = {}): CaseResource {
    return { type: VAULT, name, props: { name: UNKNOWN, arn: UNKNOWN, kmsKeyArn: UNKNOWN, ...props } };
}

/** A plan whose one rule targets `primary` and copies to `destination` (the value), depending on `deps`. */
function plan(destination: unknown, deps: string[] = ["primary-vault"], extra: Record<string, unknown> = {}): CaseResource {
    return {
        type: PLAN,
        name: "plan",
        props: {
            name: "dr-plan",
            rules: [{ ruleName: "daily", targetVaultName: UNKNOWN, schedule: "cron(0 3 * * ? *)", copyActions: [{ destinationVaultArn: destination, lifecycle: { deleteAfter: 30 } }] }],
            ...extra,
        },
        propertyDependencies: { rules: deps },
    };
}

export const cases: Cases = {
    valid: [
        {
            why: "seed fix: DR vault created on the DR provider, ARN by dependency (unknown at preview)",
            resources: [vault("primary-vault"), vault("dr-vault", { region: "us-west-2" }), plan(UNKNOWN, ["primary-vault", "dr-vault"])],
        },
        {
            why: "update preview: destination is the DR vault's known ARN",
            resources: [vault("primary-vault", { name: "primary", arn: "arn:aws:backup:us-east-1:123456789012:backup-vault:primary" }), vault("dr-vault", { name: "dr-backup-vault-dev", arn: DR_ARN }), plan(DR_ARN, ["primary-vault", "dr-vault"])],
        },
        {
            why: "ARN built from the DR vault's literal name, vault in that Region",
            resources: [vault("primary-vault", { name: "primary" }), vault("dr-vault", { name: "dr-backup-vault-dev", region: "us-west-2" }), plan(DR_ARN)],
        },
        { why: "destination computed from a vault whose name is still unknown", resources: [vault("primary-vault", { name: "primary" }), vault("dr-vault"), plan(DR_ARN, ["primary-vault", "dr-vault"])] },
        { why: "logically air-gapped vault as destination", resources: [{ type: "aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault", name: "lag", props: { name: "dr-backup-vault-dev", arn: UNKNOWN } }, plan(DR_ARN, [])] },
        { why: "no copy actions", resources: [vault("primary-vault"), { type: PLAN, name: "plan", props: { rules: [{ ruleName: "daily", targetVaultName: UNKNOWN }] }, propertyDependencies: { rules: ["primary-vault"] } }] },
        { why: "rules unknown during preview", resources: [vault("primary-vault"), { type: PLAN, name: "plan", props: { rules: UNKNOWN } }] },
        { why: "secret tags on the plan", resources: [vault("dr-vault", { name: "dr-backup-vault-dev" }), plan(DR_ARN, [], { tags: { Owner: secret("owner-secret-tag") } })] },
        { why: "malformed rules", resources: [vault("v"), { type: PLAN, name: "plan", props: { rules: [null, 7, { copyActions: "x" }, { copyActions: [{ destinationVaultArn: 5 }] }] } }] },
        { why: "a vault's known ARN settles it even while its name is unknown", resources: [vault("dr-vault", { arn: DR_ARN }), plan(DR_ARN, [])] },
        { why: "copy actions unknown during preview", resources: [vault("primary-vault"), { type: PLAN, name: "plan", props: { rules: [{ ruleName: "daily", targetVaultName: "primary", copyActions: UNKNOWN }] } }] },
    ],
    invalid: [
        {
            why: "seed 004 #11: copy to a DR vault that is never created",
            resources: [vault("primary-vault", { name: "primary-backup-vault-dev", region: "us-east-1" }), plan(DR_ARN)],
            messageId: "noVault",
            on: "plan",
            count: 1,
            includes: ["rules[0].copyActions[0].destinationVaultArn", "dr-backup-vault-dev", "us-west-2"],
        },
        {
            why: "a vault of that name exists, but in the primary Region",
            resources: [vault("primary-vault", { name: "dr-backup-vault-dev", region: "us-east-1" }), plan(DR_ARN)],
            messageId: "noVault",
            on: "plan",
        },
        {
            why: "depends on the primary vault only (target), destination literal",
            resources: [vault("primary-vault", { name: "primary" }), plan(DR_ARN, ["primary-vault"])],
            messageId: "noVault",
            on: "plan",
        },
        { why: "not even an ARN", resources: [plan("dr-vault")], messageId: "noVault", on: "plan", includes: ["(not an ARN)"] },
        {
            why: "the vault's name where its ARN belongs, with that vault in the stack (AWS takes only an ARN)",
            resources: [vault("dr-vault", { name: "dr-backup-vault-dev", region: "us-west-2" }), plan("dr-backup-vault-dev", [])],
            messageId: "noVault",
            on: "plan",
            includes: ["(not an ARN)"],
        },
        { why: "secret tags never printed", resources: [plan(DR_ARN, [], { tags: { Owner: secret("owner-secret-tag") } })], messageId: "noVault", on: "plan" },
        {
            why: "a typo in the ARN's service names no vault, whatever the vault's name",
            resources: [vault("dr-vault", { name: "dr-backup-vault-dev", region: "us-west-2" }), plan("arn:aws:backups:us-west-2:123456789012:backup-vault:dr-backup-vault-dev", [])],
            messageId: "noVault",
            on: "plan",
            includes: ["arn:aws:backups:"],
        },
        {
            why: "a backup plan's ARN where the vault's belongs, though it ends in the vault's name",
            resources: [vault("dr-vault", { name: "dr-backup-vault-dev", region: "us-west-2" }), plan("arn:aws:backup:us-west-2:123456789012:backup-plan:dr-backup-vault-dev", [])],
            messageId: "noVault",
            on: "plan",
            includes: ["backup-plan:dr-backup-vault-dev"],
        },
    ],
};
