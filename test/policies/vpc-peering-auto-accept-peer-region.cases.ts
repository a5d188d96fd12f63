import { Cases, UNKNOWN, secret } from "../tester";

// Resource policies see the program's inputs.
const BASE = { vpcId: UNKNOWN, peerVpcId: UNKNOWN };

export const cases: Cases = {
    valid: [
        { why: "seed fix: cross-Region request without autoAccept (accepted by an accepter)", props: { ...BASE, peerRegion: "us-west-2" } },
        { why: "same-Region peering with autoAccept", props: { ...BASE, autoAccept: true } },
        { why: "autoAccept false with peerRegion", props: { ...BASE, autoAccept: false, peerRegion: "us-west-2" } },
        { why: "autoAccept unknown during preview", props: { ...BASE, autoAccept: UNKNOWN, peerRegion: "us-west-2" } },
        { why: "peerRegion unknown during preview", props: { ...BASE, autoAccept: true, peerRegion: UNKNOWN } },
        { why: "cross-account in one Region: accepter in the other account", props: { ...BASE, peerOwnerId: "210987654321" } },
        { why: "secret tags", props: { ...BASE, autoAccept: true, tags: { Owner: secret("owner-secret-tag") } } },
        { why: "malformed values", props: { autoAccept: "sure", peerRegion: ["us-west-2"] } },
    ],
    invalid: [
        {
            why: "seed 004 #4 variant: cross-Region with autoAccept",
            props: { ...BASE, autoAccept: true, peerRegion: "us-west-2" },
            messageId: "autoAcceptWithPeerRegion",
            count: 1,
            includes: ["\"us-west-2\"", "VpcPeeringConnectionAccepter"],
        },
        { why: "string boolean", props: { ...BASE, autoAccept: "true", peerRegion: "eu-west-1" }, messageId: "autoAcceptWithPeerRegion" },
        { why: "secret tags never printed", props: { ...BASE, autoAccept: true, peerRegion: "us-west-2", tags: { Owner: secret("owner-secret-tag") } }, messageId: "autoAcceptWithPeerRegion" },
    ],
};
