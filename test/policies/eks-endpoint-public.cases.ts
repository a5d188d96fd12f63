import { Cases, UNKNOWN, secret } from "../tester";

const vpc = { subnetIds: ["subnet-a", "subnet-b"] };

export const cases: Cases = {
    valid: [
        { why: "public endpoint limited to an office range (the eks program)", props: { vpcConfig: { ...vpc, endpointPrivateAccess: true, endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] } } },
        { why: "private endpoint only", props: { vpcConfig: { ...vpc, endpointPrivateAccess: true, endpointPublicAccess: false } } },
        { why: "string false", props: { vpcConfig: { ...vpc, endpointPublicAccess: "false" } } },
        { why: "vpcConfig unknown during preview", props: { vpcConfig: UNKNOWN } },
        { why: "CIDRs unknown", props: { vpcConfig: { ...vpc, publicAccessCidrs: UNKNOWN } } },
        { why: "one CIDR unknown", props: { vpcConfig: { ...vpc, publicAccessCidrs: [UNKNOWN] } } },
        { why: "flag unknown", props: { vpcConfig: { ...vpc, endpointPublicAccess: UNKNOWN } } },
        { why: "secret CIDR", props: { vpcConfig: { ...vpc, publicAccessCidrs: [secret("198.51.100.7/32")] } } },
        { why: "malformed vpcConfig does not throw", props: { vpcConfig: "garbage" } },
    ],
    invalid: [
        { why: "EKS default: public endpoint, no CIDRs", props: { vpcConfig: vpc }, messageId: "openToAll", includes: ["vpcConfig.publicAccessCidrs", "0.0.0.0/0"] },
        { why: "explicitly open to 0.0.0.0/0", props: { vpcConfig: { ...vpc, endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] } }, messageId: "openToAll", includes: ["0.0.0.0/0"] },
        { why: "IPv6 everything", props: { vpcConfig: { ...vpc, publicAccessCidrs: ["10.0.0.0/8", "::/0"] } }, messageId: "openToAll" },
        { why: "no vpcConfig at all", props: { name: "c" }, messageId: "openToAll" },
        { why: "secret cluster name not printed", props: { name: secret("cluster-secret-name"), vpcConfig: vpc }, messageId: "openToAll" },
    ],
};
