import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { asArray, asBool, asString, get, isRecord, isUnknown } from "../lib/values";

const VPC_CONFIG: keyof aws.eks.ClusterArgs = "vpcConfig";
const PUBLIC: keyof aws.types.input.eks.ClusterVpcConfig = "endpointPublicAccess";
const CIDRS: keyof aws.types.input.eks.ClusterVpcConfig = "publicAccessCidrs";
const EVERYWHERE = ["0.0.0.0/0", "::/0"];

export default definePolicy({
    kind: "resource",
    name: "eks-endpoint-public",
    family: "public-access",
    description: "An EKS cluster's public API endpoint is limited to known CIDR ranges (or turned off), not open to 0.0.0.0/0.",
    // Advisory: the endpoint still requires IAM authentication and Kubernetes RBAC, and a public endpoint is EKS's default.
    enforcementLevel: "advisory",
    severity: "medium",
    types: ["aws:eks/cluster:Cluster"],
    messages: {
        openToAll:
            "{{property}} is {{value}}: the Kubernetes API server of this cluster answers anyone on the internet (EKS's default when endpointPublicAccess " +
            "is unset or true and publicAccessCidrs is unset). Requests still need valid AWS credentials and RBAC, but the API server is exposed to " +
            "scanning, credential stuffing and any API-server vulnerability. Set `vpcConfig.publicAccessCidrs` to your office/VPN/CI ranges, or " +
            "`endpointPublicAccess: false` with `endpointPrivateAccess: true`.",
    },
    remediationSteps:
        "Set `vpcConfig: { endpointPrivateAccess: true, endpointPublicAccess: false }` and reach the API through the VPC (VPN, bastion, CI runners in the " +
        "VPC), or keep the public endpoint with `publicAccessCidrs` listing only the ranges that run kubectl. Advisory by default: a public endpoint " +
        "with IAM authentication is EKS's default and common. Counterparts: Security Hub FSBP EKS.1 (endpoint not publicly accessible), " +
        "checkov CKV_AWS_39 (public access disabled) and CKV_AWS_38 (public CIDRs not 0.0.0.0/0).",
    check({ get: read, report }) {
        const config = read(VPC_CONFIG);
        if (isUnknown(config) || (config !== undefined && !isRecord(config))) return;
        const enabled = get(config, PUBLIC);
        if (isUnknown(enabled) || asBool(enabled) === false) return;
        const cidrs = get(config, CIDRS);
        if (isUnknown(cidrs) || asArray(cidrs).some(isUnknown)) return;
        const list = asArray(cidrs).map(asString);
        const open = list.length === 0 ? undefined : list.find((c) => c !== undefined && EVERYWHERE.includes(c.trim()));
        if (list.length === 0) report("openToAll", { property: `${VPC_CONFIG}.${CIDRS}`, value: "not set (defaults to 0.0.0.0/0)" });
        else if (open) report("openToAll", { property: `${VPC_CONFIG}.${CIDRS}`, value: list });
    },
});
