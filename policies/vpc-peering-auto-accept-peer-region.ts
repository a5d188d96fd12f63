import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { asBool, asString } from "../lib/values";

const PEERING = "aws:ec2/vpcPeeringConnection:VpcPeeringConnection";
const AUTO_ACCEPT: keyof aws.ec2.VpcPeeringConnectionArgs = "autoAccept";
const PEER_REGION: keyof aws.ec2.VpcPeeringConnectionArgs = "peerRegion";

export default definePolicy({
    kind: "resource",
    name: "vpc-peering-auto-accept-peer-region",
    family: "wiring",
    description: "A new VPC peering connection does not set both `peerRegion` and `autoAccept: true`, which the provider rejects when it creates the connection.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: [PEERING],
    messages: {
        autoAcceptWithPeerRegion:
            "peerRegion is {{value}} and autoAccept is true; the AWS provider refuses to create the connection (\"`peer_region` cannot be set whilst " +
            "`auto_accept` is `true`\"), so the deploy fails midway. autoAccept only works within one account and Region: drop `autoAccept` here and accept " +
            "with an aws.ec2.VpcPeeringConnectionAccepter (`autoAccept: true`) on a provider for {{value}}, or drop peerRegion for a same-Region peering.",
    },
    remediationSteps:
        "For a cross-Region peering remove `autoAccept` from the VpcPeeringConnection and add `new aws.ec2.VpcPeeringConnectionAccepter(name, " +
        "{ vpcPeeringConnectionId: pcx.id, autoAccept: true }, { provider: peerProvider })`. For a same-Region peering remove `peerRegion`.",
    check({ get, report }) {
        // Resource policies see the program's inputs: a peerRegion here was set by the program, which the provider refuses on create.
        if (asBool(get(AUTO_ACCEPT)) !== true) return;
        const peerRegion = get(PEER_REGION);
        if (!asString(peerRegion)) return;
        report("autoAcceptWithPeerRegion", { property: PEER_REGION, value: peerRegion });
    },
});
