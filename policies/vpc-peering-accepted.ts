import type * as aws from "@pulumi/aws";
import { Graph } from "../lib/graph";
import { definePolicy } from "../lib/policy";
import { Resource, regionOf } from "../lib/resource";
import { asBool, asString, get, isUnknown } from "../lib/values";

const PEERING = "aws:ec2/vpcPeeringConnection:VpcPeeringConnection";
const ACCEPTER = "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter";

const AUTO_ACCEPT: keyof aws.ec2.VpcPeeringConnectionArgs & keyof aws.ec2.VpcPeeringConnectionAccepterArgs = "autoAccept";
const PEER_REGION: keyof aws.ec2.VpcPeeringConnectionArgs = "peerRegion";
const CONNECTION_ID: keyof aws.ec2.VpcPeeringConnectionAccepterArgs = "vpcPeeringConnectionId";
// Output only: known once the connection exists ("active" after someone accepted it, maybe by hand).
const ACCEPT_STATUS = "acceptStatus";

/** The peer region when it is known and differs from the connection's own known region. */
function otherPeerRegion(pcx: Resource): string | undefined {
    const peer = asString(get(pcx.props, PEER_REGION));
    const own = regionOf(pcx);
    return peer && own && peer !== own ? peer : undefined;
}

/** An accepter whose connection cannot be told at preview may accept any connection. */
function unresolved(graph: Graph, accepter: Resource): boolean {
    return isUnknown(get(accepter.props, CONNECTION_ID)) && !graph.sourcesOf(accepter, CONNECTION_ID).some((s) => s.type === PEERING);
}

export default definePolicy({
    kind: "stack",
    name: "vpc-peering-accepted",
    family: "wiring",
    description:
        "Every VPC peering connection is accepted in the stack: `autoAccept: true` within one account and region, otherwise a VpcPeeringConnectionAccepter with `autoAccept: true`.",
    enforcementLevel: "advisory",
    severity: "high",
    types: [PEERING, ACCEPTER],
    messages: {
        crossRegionNotAccepted:
            "this peering connection goes to peerRegion {{value}} (the connection is in {{region}}) and no aws.ec2.VpcPeeringConnectionAccepter refers to it; " +
            "a cross-Region request can only be accepted in the peer Region, so it stays pending-acceptance, no traffic flows and routes to it are blackholes. " +
            "Add `new aws.ec2.VpcPeeringConnectionAccepter(name, { vpcPeeringConnectionId: pcx.id, autoAccept: true }, { provider: peerRegionProvider })`.",
        notAccepted:
            "autoAccept is {{value}} and no aws.ec2.VpcPeeringConnectionAccepter refers to this peering connection, so it stays pending-acceptance and " +
            "no traffic flows. Set `autoAccept: true` when both VPCs are in this account and Region; for another account (peerOwnerId) add a " +
            "VpcPeeringConnectionAccepter with `autoAccept: true` using a provider for that account.",
        accepterNotAccepting:
            "its accepter {{accepter}} leaves autoAccept unset or false (the default), so the accepter only manages its side's options and the " +
            "connection stays pending-acceptance with no traffic. Set `autoAccept: true` on the VpcPeeringConnectionAccepter.",
    },
    remediationSteps:
        "Same account and Region: set `autoAccept: true` on the VpcPeeringConnection. Cross-Region or cross-account: keep `autoAccept` unset on the " +
        "connection and add an aws.ec2.VpcPeeringConnectionAccepter with `vpcPeeringConnectionId: pcx.id` and `autoAccept: true`, created with a " +
        "provider for the peer Region/account; then add routes on both sides. If the peer accepts in its own stack, exempt the connection.",
    check({ graph, report }) {
        const accepters = graph.ofType(ACCEPTER);
        if (accepters.some((a) => unresolved(graph, a))) return;
        for (const pcx of graph.ofType(PEERING)) {
            const status = get(pcx.props, ACCEPT_STATUS);
            // Accepted (or being set up) already, perhaps by hand.
            if (status === "active" || status === "provisioning") continue;
            const autoAccept = get(pcx.props, AUTO_ACCEPT);
            if (isUnknown(autoAccept)) continue;
            const peerRegion = otherPeerRegion(pcx);
            // autoAccept with a peerRegion is vpc-peering-auto-accept-peer-region's finding while the connection is created.
            if (asBool(autoAccept) === true && (!peerRegion || isUnknown(status) || status === undefined)) continue;
            const mine = graph.referrers(pcx, [ACCEPTER], CONNECTION_ID, ["id"]);
            if (mine.some((a) => asBool(get(a.props, AUTO_ACCEPT)) === true || isUnknown(get(a.props, AUTO_ACCEPT)))) continue;
            if (mine.length > 0) {
                report("accepterNotAccepting", { accepter: mine.map((a) => a.name) }, pcx);
            } else if (peerRegion) {
                report("crossRegionNotAccepted", { property: PEER_REGION, value: peerRegion, region: regionOf(pcx) ?? "" }, pcx);
            } else {
                report("notAccepted", { property: AUTO_ACCEPT, value: autoAccept }, pcx);
            }
        }
    },
});
