// An EKS cluster with a managed node group in private subnets: service roles built from AWS managed policies,
// secrets envelope-encrypted with a KMS key, control-plane logs into a log group with a retention, cluster
// security group rules between node and control plane groups. Modelled on pulumi/examples aws-ts-eks/cluster.ts
// and pulumi/templates kubernetes-aws-typescript (written with plain @pulumi/aws instead of @pulumi/eks).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { network } from "./vpc";

function serviceRole(name: string, service: string, policies: string[]): aws.iam.Role {
    const role = new aws.iam.Role(name, { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: service }) });
    policies.forEach((policy, i) => new aws.iam.RolePolicyAttachment(`${name}-${i}`, { role: role.name, policyArn: `arn:aws:iam::aws:policy/${policy}` }));
    return role;
}

export function eks(): void {
    const suffix = process.env.ENVIRONMENT_SUFFIX ?? pulumi.getStack();
    const net = network("eks", "10.20.0.0/16");
    const clusterName = `platform-${suffix}`;

    const clusterRole = serviceRole("eks-cluster", "eks.amazonaws.com", ["AmazonEKSClusterPolicy"]);
    const nodeRole = serviceRole("eks-nodes", "ec2.amazonaws.com", [
        "AmazonEKSWorkerNodePolicy",
        "AmazonEKS_CNI_Policy",
        "AmazonEC2ContainerRegistryReadOnly",
        "AmazonSSMManagedInstanceCore",
    ]);
    const secretsKey = new aws.kms.Key("eks-secrets", { description: "EKS secrets envelope encryption", enableKeyRotation: true, deletionWindowInDays: 7 });

    const controlPlaneSg = new aws.ec2.SecurityGroup("eks-control-plane", {
        vpcId: net.vpc.id,
        description: "EKS control plane",
        egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
    });
    const nodeSg = new aws.ec2.SecurityGroup("eks-nodes", {
        vpcId: net.vpc.id,
        description: "EKS worker nodes",
        ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true, description: "node to node" }],
        egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }],
    });
    new aws.ec2.SecurityGroupRule("eks-nodes-from-control-plane", {
        type: "ingress",
        securityGroupId: nodeSg.id,
        sourceSecurityGroupId: controlPlaneSg.id,
        protocol: "tcp",
        fromPort: 1025,
        toPort: 65535,
    });
    new aws.ec2.SecurityGroupRule("eks-api-from-nodes", {
        type: "ingress",
        securityGroupId: controlPlaneSg.id,
        sourceSecurityGroupId: nodeSg.id,
        protocol: "tcp",
        fromPort: 443,
        toPort: 443,
    });
    new aws.ec2.SecurityGroupRule("eks-api-from-office", {
        type: "ingress",
        securityGroupId: controlPlaneSg.id,
        cidrBlocks: ["203.0.113.0/24"],
        protocol: "tcp",
        fromPort: 443,
        toPort: 443,
    });

    // EKS creates /aws/eks/<name>/cluster on its own, without a retention, unless it already exists.
    const logs = new aws.cloudwatch.LogGroup("eks-cluster", { name: `/aws/eks/${clusterName}/cluster`, retentionInDays: 30 });
    const cluster = new aws.eks.Cluster(
        "platform",
        {
            name: clusterName,
            version: "1.33",
            roleArn: clusterRole.arn,
            vpcConfig: {
                subnetIds: [...net.privateSubnetIds, ...net.publicSubnetIds],
                securityGroupIds: [controlPlaneSg.id],
                endpointPrivateAccess: true,
                endpointPublicAccess: true,
                publicAccessCidrs: ["203.0.113.0/24"],
            },
            accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true },
            encryptionConfig: { provider: { keyArn: secretsKey.arn }, resources: ["secrets"] },
            enabledClusterLogTypes: ["api", "audit", "authenticator"],
        },
        { dependsOn: [logs] },
    );
    const launchTemplate = new aws.ec2.LaunchTemplate("eks-nodes", {
        vpcSecurityGroupIds: [nodeSg.id],
        metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2, httpEndpoint: "enabled" },
        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 50, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" } }],
    });
    new aws.eks.NodeGroup("platform-default", {
        clusterName: cluster.name,
        nodeRoleArn: nodeRole.arn,
        subnetIds: net.privateSubnetIds,
        amiType: "AL2023_ARM_64_STANDARD",
        instanceTypes: ["m7g.large"],
        capacityType: "ON_DEMAND",
        scalingConfig: { minSize: 2, desiredSize: 2, maxSize: 6 },
        updateConfig: { maxUnavailable: 1 },
        launchTemplate: { id: launchTemplate.id, version: pulumi.interpolate`${launchTemplate.latestVersion}` },
    });
    for (const addon of ["vpc-cni", "coredns", "kube-proxy", "eks-pod-identity-agent"]) {
        new aws.eks.Addon(`platform-${addon}`, { clusterName: cluster.name, addonName: addon, resolveConflictsOnUpdate: "OVERWRITE" });
    }

    // A workload role for pods, granted through EKS Pod Identity.
    const podRole = new aws.iam.Role("platform-reader", {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "pods.eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] }],
        }),
    });
    new aws.iam.RolePolicyAttachment("platform-reader", { role: podRole.name, policyArn: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" });
    new aws.eks.PodIdentityAssociation("platform-reader", { clusterName: cluster.name, namespace: "default", serviceAccount: "reader", roleArn: podRole.arn });
    new aws.eks.AccessEntry("platform-admins", { clusterName: cluster.name, principalArn: "arn:aws:iam::123456789012:role/PlatformAdmins", type: "STANDARD" });
    new aws.eks.AccessPolicyAssociation("platform-admins", {
        clusterName: cluster.name,
        principalArn: "arn:aws:iam::123456789012:role/PlatformAdmins",
        policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
        accessScope: { type: "cluster" },
    });
}
