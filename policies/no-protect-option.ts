import { ANY_TYPE, definePolicy } from "../lib/policy";
import { PRODUCTION_CONFIG, ProductionConfig, productionReason } from "../lib/stack";

export default definePolicy<ProductionConfig>({
    kind: "resource",
    name: "no-protect-option",
    family: "destroyability",
    description: "No resource in an ephemeral stack carries the `protect: true` resource option, which makes `pulumi destroy` refuse to run.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: [ANY_TYPE],
    config: PRODUCTION_CONFIG,
    notApplicable: (stack, config) => productionReason(stack, config),
    messages: {
        protected:
            "the resource option protect is {{value}}; remove `protect: true` from this resource's options in this ephemeral stack. " +
            "Pulumi refuses to delete a protected resource, so `pulumi destroy` fails until someone runs `pulumi state unprotect`.",
    },
    remediationSteps:
        "Drop `protect: true` from the resource options (it is an option, not a property, so no automatic fix), " +
        "or run `pulumi state unprotect <urn>` before destroying. Production stacks are exempt; see productionStacks.",
    check({ resource, report }) {
        if (resource.opts.protect === true) report("protected", { property: "protect", value: true });
    },
});
