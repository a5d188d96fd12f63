import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const PCX = "aws:ec2/vpcPeeringConnection:VpcPeeringConnection";
const ACCEPTER = "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter";
const VPC = "aws:ec2/vpc:Vpc";

const VPCS: CaseResource[] = [
    { type: VPC, name: "primary-vpc", props: { cidrBlock: "10.0.0.0/16", id: UNKNOWN, region: "us-east-1" } },
    { type: VPC, name: "dr-vpc", props: { cidrBlock: "10.1.0.0/16", id: UNKNOWN, region: "us-west-2" } },
];

/** Outputs of a peering connection being created: computed values unknown. */
function pcx(props: Record<string, unknown> = {}, name = "peering"): CaseResource {
    return {
        type: PCX,
        name,
        props: { vpcId: UNKNOWN, peerVpcId: UNKNOWN, peerOwnerId: UNKNOWN, peerRegion: UNKNOWN, acceptStatus: UNKNOWN, region: "us-east-1", ...props },
        propertyDependencies: { vpcId: ["primary-vpc"], peerVpcId: ["dr-vpc"] },
    };
}

function accepter(props: Record<string, unknown> = { autoAccept: true }, name = "peering-accepter", of = "peering"): CaseResource {
    return { type: ACCEPTER, name, props: { vpcPeeringConnectionId: UNKNOWN, region: "us-west-2", ...props }, propertyDependencies: { vpcPeeringConnectionId: [of] } };
}

export const cases: Cases = {
    valid: [
        { why: "seed fix: cross-Region peering with an accepter on the DR provider", resources: [...VPCS, pcx({ peerRegion: "us-west-2" }), accepter()] },
        { why: "same account and Region: autoAccept true", resources: [...VPCS, pcx({ autoAccept: true })] },
        { why: "accepter given the literal connection id", resources: [...VPCS, pcx({ peerRegion: "us-west-2", id: "pcx-0123456789abcdef0" }), { type: ACCEPTER, name: "a", props: { vpcPeeringConnectionId: "pcx-0123456789abcdef0", autoAccept: true } }] },
        { why: "already active (accepted by hand) on an update preview", resources: [...VPCS, pcx({ peerRegion: "us-west-2", acceptStatus: "active" })] },
        { why: "autoAccept unknown during preview", resources: [...VPCS, pcx({ autoAccept: UNKNOWN })] },
        { why: "accepter autoAccept unknown during preview", resources: [...VPCS, pcx({ peerRegion: "us-west-2" }), accepter({ autoAccept: UNKNOWN })] },
        { why: "an accepter whose connection id is unknown and not from a connection", resources: [...VPCS, pcx(), { type: ACCEPTER, name: "a", props: { vpcPeeringConnectionId: UNKNOWN, autoAccept: true } }] },
        { why: "autoAccept with peerRegion while created is the mandatory policy's finding", resources: [...VPCS, pcx({ autoAccept: true, peerRegion: "us-west-2" })] },
        { why: "secret tags with a working accepter", resources: [...VPCS, pcx({ peerRegion: "us-west-2", tags: { Owner: secret("owner-secret-tag") } }), accepter()] },
        { why: "no peering in the stack", resources: VPCS },
        {
            why: "an accepter whose connection id comes from a stack reference may accept this connection",
            resources: [
                ...VPCS,
                pcx({ peerRegion: "us-west-2" }),
                { type: "pulumi:pulumi:StackReference", name: "network", props: { outputs: UNKNOWN } },
                { type: ACCEPTER, name: "a", props: { vpcPeeringConnectionId: UNKNOWN, autoAccept: true }, propertyDependencies: { vpcPeeringConnectionId: ["network"] } },
            ],
        },
        { why: "autoAccept with peerRegion and no status reported yet is the mandatory policy's finding", resources: [...VPCS, pcx({ autoAccept: true, peerRegion: "us-west-2", acceptStatus: undefined })] },
        { why: "update preview: accepted and being set up (provisioning)", resources: [...VPCS, pcx({ peerRegion: "us-west-2", acceptStatus: "provisioning" })] },
    ],
    invalid: [
        {
            why: "seed 004 #4: cross-Region peering never accepted",
            resources: [...VPCS, pcx({ peerRegion: "us-west-2" })],
            messageId: "crossRegionNotAccepted",
            on: "peering",
            count: 1,
            includes: ["us-west-2", "us-east-1", "VpcPeeringConnectionAccepter"],
        },
        {
            why: "same Region without autoAccept",
            resources: [...VPCS, pcx({ autoAccept: false })],
            messageId: "notAccepted",
            on: "peering",
            includes: ["false", "autoAccept: true"],
        },
        { why: "autoAccept left out (defaults to false)", resources: [...VPCS, pcx()], messageId: "notAccepted", on: "peering", includes: ["not set"] },
        {
            why: "accepter without autoAccept only manages options",
            resources: [...VPCS, pcx({ peerRegion: "us-west-2" }), accepter({})],
            messageId: "accepterNotAccepting",
            on: "peering",
            includes: ["peering-accepter"],
        },
        {
            why: "accepter for another connection",
            resources: [...VPCS, pcx({ peerRegion: "us-west-2" }), pcx({ peerRegion: "us-west-2" }, "other"), accepter({ autoAccept: true }, "other-accepter", "other")],
            messageId: "crossRegionNotAccepted",
            on: "peering",
            count: 1,
        },
        {
            why: "update preview: still pending although autoAccept is set on a cross-Region connection",
            resources: [...VPCS, pcx({ peerRegion: "us-west-2", autoAccept: true, acceptStatus: "pending-acceptance" })],
            messageId: "crossRegionNotAccepted",
            on: "peering",
        },
        { why: "secret tags never printed", resources: [...VPCS, pcx({ tags: { Owner: secret("owner-secret-tag") } })], messageId: "notAccepted", on: "peering" },
        { why: "peerRegion set to the connection's own Region: the same-Region advice applies", resources: [...VPCS, pcx({ peerRegion: "us-east-1", autoAccept: false })], messageId: "notAccepted", on: "peering" },
        { why: "own Region unknown during preview: not called cross-Region", resources: [...VPCS, pcx({ peerRegion: "us-west-2", region: UNKNOWN, autoAccept: false })], messageId: "notAccepted", on: "peering" },
        { why: "malformed autoAccept is not acceptance", resources: [...VPCS, pcx({ autoAccept: "yes please", peerRegion: 7 })], messageId: "notAccepted", on: "peering" },
    ],
};
