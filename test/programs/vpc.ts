// A VPC with public and private subnets in two zones, one NAT gateway per zone, an S3 gateway endpoint and flow
// logs to CloudWatch. Modelled on pulumi/templates base-networking-aws-typescript and
// pulumi/examples aws-stackreference-architecture/networking/src/vpc.ts. The other programs build on it.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface Network {
    vpc: aws.ec2.Vpc;
    publicSubnetIds: pulumi.Output<string>[];
    privateSubnetIds: pulumi.Output<string>[];
}

export function network(name = "main", cidr = "10.0.0.0/16", opts: pulumi.CustomResourceOptions = {}): Network {
    const zones = ["us-east-1a", "us-east-1b"];
    const vpc = new aws.ec2.Vpc(name, { cidrBlock: cidr, enableDnsHostnames: true, enableDnsSupport: true, tags: { Name: name } }, opts);
    const igw = new aws.ec2.InternetGateway(name, { vpcId: vpc.id, tags: { Name: name } }, opts);
    const publicRoutes = new aws.ec2.RouteTable(`${name}-public`, { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }] }, opts);
    const octets = cidr.split(".");
    const publicSubnetIds: pulumi.Output<string>[] = [];
    const privateSubnetIds: pulumi.Output<string>[] = [];
    const privateRouteTableIds: pulumi.Output<string>[] = [];
    zones.forEach((az, i) => {
        const pub = new aws.ec2.Subnet(
            `${name}-public-${az}`,
            { vpcId: vpc.id, availabilityZone: az, cidrBlock: `${octets[0]}.${octets[1]}.${i}.0/24`, mapPublicIpOnLaunch: true, tags: { Name: `${name}-public-${az}` } },
            opts,
        );
        new aws.ec2.RouteTableAssociation(`${name}-public-${az}`, { subnetId: pub.id, routeTableId: publicRoutes.id }, opts);
        const eip = new aws.ec2.Eip(`${name}-nat-${az}`, { domain: "vpc" }, opts);
        const nat = new aws.ec2.NatGateway(`${name}-${az}`, { subnetId: pub.id, allocationId: eip.id, tags: { Name: `${name}-${az}` } }, { ...opts, dependsOn: [igw] });
        const priv = new aws.ec2.Subnet(
            `${name}-private-${az}`,
            { vpcId: vpc.id, availabilityZone: az, cidrBlock: `${octets[0]}.${octets[1]}.${100 + i}.0/24`, tags: { Name: `${name}-private-${az}` } },
            opts,
        );
        const routes = new aws.ec2.RouteTable(`${name}-private-${az}`, { vpcId: vpc.id }, opts);
        new aws.ec2.Route(`${name}-private-${az}-default`, { routeTableId: routes.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nat.id }, opts);
        new aws.ec2.RouteTableAssociation(`${name}-private-${az}`, { subnetId: priv.id, routeTableId: routes.id }, opts);
        publicSubnetIds.push(pub.id);
        privateSubnetIds.push(priv.id);
        privateRouteTableIds.push(routes.id);
    });
    new aws.ec2.VpcEndpoint(`${name}-s3`, { vpcId: vpc.id, serviceName: "com.amazonaws.us-east-1.s3", vpcEndpointType: "Gateway", routeTableIds: privateRouteTableIds }, opts);

    // The default security group of a new VPC allows all traffic between its members: take every rule away.
    new aws.ec2.DefaultSecurityGroup(name, { vpcId: vpc.id }, opts);

    const flowLogs = new aws.cloudwatch.LogGroup(`${name}-flow-logs`, { retentionInDays: 90 }, opts);
    const flowRole = new aws.iam.Role(
        `${name}-flow-logs`,
        {
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole" }],
            }),
        },
        opts,
    );
    new aws.iam.RolePolicy(
        `${name}-flow-logs`,
        {
            role: flowRole.id,
            policy: pulumi.jsonStringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                        Resource: [flowLogs.arn, pulumi.interpolate`${flowLogs.arn}:*`],
                    },
                ],
            }),
        },
        opts,
    );
    new aws.ec2.FlowLog(`${name}`, { vpcId: vpc.id, trafficType: "ALL", logDestination: flowLogs.arn, iamRoleArn: flowRole.arn }, opts);
    return { vpc, publicSubnetIds, privateSubnetIds };
}
