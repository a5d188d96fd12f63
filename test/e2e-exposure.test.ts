// End to end, over the Analyzer protocol: the compiled pack on a payments stack (modelled on seeds 003/004) that
// exposes its resources to anyone, on the same stack fixed (each invalid resource's valid twin), and on its preview
// with every value unknown. Issue 16, second class: "resources that anyone may use".
import * as path from "path";
import { EngineResource, PackClient, UNKNOWN_STRING, runEngine, secret, startPack } from "../engine/client";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "..", "..");
const urn = (type: string, name: string) => `urn:pulumi:dev::payments-dr::${type}::${name}`;

/** A resource; `from` maps an input to the names of the resources its value came from. */
function res(type: string, name: string, props: Record<string, unknown>, from: Record<string, string[]> = {}, dependsOn: string[] = []): EngineResource {
    const propertyDependencies = Object.fromEntries(Object.entries(from).map(([k, names]) => [k, names.map((n) => urn(typeOf(n), n))]));
    const dependencies = [...new Set([...Object.values(propertyDependencies).flat(), ...dependsOn.map((n) => urn(typeOf(n), n))])];
    return { type, name, urn: urn(type, name), props, propertyDependencies, dependencies };
}

const TYPES: Record<string, string> = {
    transactions: "aws:s3/bucket:Bucket",
    "transactions-pab": "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "failover-queue": "aws:sqs/queue:Queue",
    failover: "aws:lambda/function:Function",
};
const typeOf = (name: string): string => TYPES[name] ?? "aws:unknown:Unknown";

const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const GITHUB_ARN = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
const AUD = { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" };
const TLS_ONLY = { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::tx", "arn:aws:s3:::tx/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } };

/** The stack, exposed (`open`) or with every exposure fixed. */
function paymentsStack(open: boolean): EngineResource[] {
    return [
        res("aws:s3/bucket:Bucket", "transactions", { bucket: "tx" }),
        res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "transactions-pab", { bucket: "tx", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, { bucket: ["transactions"] }),
        res(
            "aws:s3/bucketPolicy:BucketPolicy",
            "transactions-policy",
            { bucket: "tx", policy: open ? doc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::tx/*" }, TLS_ONLY) : doc(TLS_ONLY) },
            { bucket: ["transactions"] },
        ),
        res("aws:sqs/queue:Queue", "failover-queue", { url: "https://sqs.eu-central-1.amazonaws.com/123456789012/failover" }),
        res(
            "aws:sqs/queuePolicy:QueuePolicy",
            "failover-queue-policy",
            {
                queueUrl: "https://sqs.eu-central-1.amazonaws.com/123456789012/failover",
                policy: doc({ Effect: "Allow", Principal: open ? "*" : { Service: "events.amazonaws.com" }, Action: "sqs:SendMessage", Resource: "*", ...(open ? {} : { Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:events:eu-central-1:123456789012:rule/on-alarm" } } }) }),
            },
            { queueUrl: ["failover-queue"] },
        ),
        res("aws:lambda/function:Function", "failover", {
            runtime: "nodejs20.x",
            environment: { variables: open ? { AWS_ACCESS_KEY_ID: secret("AKIAIOSFODNN7EXAMPLE"), TABLE: "tx" } : { SECRET_ARN: "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db-AbCdEf", TABLE: "tx" } },
        }),
        res("aws:lambda/permission:Permission", "on-alarm", { action: "lambda:InvokeFunction", function: "failover", principal: "events.amazonaws.com", ...(open ? {} : { sourceArn: "arn:aws:events:eu-central-1:123456789012:rule/on-alarm" }) }, { function: ["failover"] }),
        res("aws:lambda/functionUrl:FunctionUrl", "failover-url", { functionName: "failover", authorizationType: open ? "NONE" : "AWS_IAM" }, { functionName: ["failover"] }),
        res("aws:iam/role:Role", "auditor", { assumeRolePolicy: doc({ Effect: "Allow", Principal: open ? { AWS: "*" } : { AWS: "arn:aws:iam::210987654321:root" }, Action: "sts:AssumeRole" }) }),
        res("aws:iam/role:Role", "ci-deploy", {
            assumeRolePolicy: doc({
                Effect: "Allow",
                Principal: { Federated: GITHUB_ARN },
                Action: "sts:AssumeRoleWithWebIdentity",
                Condition: open ? { StringEquals: AUD } : { StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/payments:ref:refs/heads/main" } },
            }),
        }),
        res("aws:rds/clusterSnapshot:ClusterSnapshot", "pre-failover", { dbClusterIdentifier: "financial-db", sharedAccounts: open ? ["all"] : ["210987654321"] }),
        res("aws:ec2/amiLaunchPermission:AmiLaunchPermission", "bastion-ami", open ? { imageId: "ami-1", group: "all" } : { imageId: "ami-1", accountId: "210987654321" }),
        res("aws:eks/cluster:Cluster", "platform", { vpcConfig: { subnetIds: ["subnet-a", "subnet-b"], ...(open ? {} : { endpointPublicAccess: false, endpointPrivateAccess: true }) } }),
        res("aws:ec2/launchTemplate:LaunchTemplate", "nodes", { metadataOptions: { httpTokens: open ? "optional" : "required" } }),
        res("aws:ec2/subnet:Subnet", "public-a", { cidrBlock: "10.0.0.0/24", mapPublicIpOnLaunch: open }),
    ];
}

const EXPOSURE = new Set([
    "resource-policy-public",
    "lambda-permission-public",
    "lambda-function-url-public",
    "eks-endpoint-public",
    "snapshot-public",
    "ec2-public-ip",
    "credentials-in-environment",
    "iam-role-trust-public",
    "ec2-imdsv2-required",
]);

describe("resources that anyone may use, over the Analyzer protocol", () => {
    let pack: PackClient;

    beforeAll(async () => {
        pack = await startPack(ROOT, { stack: "dev", project: "payments-dr", organization: "acme", dryRun: true, env: { ENVIRONMENT_SUFFIX: undefined } });
    });
    afterAll(async () => {
        await pack?.close();
    });

    test("the exposed stack draws each exposure policy, at its level, on the resource at fault; no secret leaks", async () => {
        const run = await runEngine(pack, paymentsStack(true));
        const got = [...new Set(run.findings.filter((f) => EXPOSURE.has(f.policyName)).map((f) => `${f.policyName} ${f.enforcementLevel} on ${f.resource.name}`))].sort();
        expect(got).toEqual(
            [
                "credentials-in-environment mandatory on failover",
                "ec2-imdsv2-required advisory on nodes",
                "ec2-public-ip advisory on public-a",
                "eks-endpoint-public advisory on platform",
                "iam-role-trust-public mandatory on auditor",
                "iam-role-trust-public mandatory on ci-deploy",
                "lambda-function-url-public mandatory on failover-url",
                "lambda-permission-public mandatory on on-alarm",
                "resource-policy-public mandatory on failover-queue-policy",
                "resource-policy-public mandatory on transactions-policy",
                "snapshot-public mandatory on bastion-ami",
                "snapshot-public mandatory on pre-failover",
            ].sort(),
        );
        // The public bucket policy on a bucket whose block refuses it is the deploy failure, named with the block.
        expect(run.findings.find((f) => f.resource.name === "transactions-policy")?.message).toMatch(/transactions-pab.*AccessDenied/);
        expect(JSON.stringify(run.findings)).not.toContain("AKIAIOSFODNN7EXAMPLE");
    });

    test("the fixed stack (each exposure's valid twin) draws none of them", async () => {
        const run = await runEngine(pack, paymentsStack(false));
        expect(run.findings.filter((f) => EXPOSURE.has(f.policyName)).map((f) => `${f.policyName} on ${f.resource.name}: ${f.message}`)).toEqual([]);
    });

    test("a preview where every value is unknown draws no verdict and no can't-run", async () => {
        const unknown = paymentsStack(true).map((r) => ({ ...r, props: Object.fromEntries(Object.keys(r.props).map((k) => [k, UNKNOWN_STRING])) }));
        const run = await runEngine(pack, unknown);
        const mine = run.findings.filter((f) => EXPOSURE.has(f.policyName));
        // With vpcConfig unknown EKS gives no verdict either; every finding left must be about a value the stack knows.
        expect(mine.map((f) => `${f.policyName} on ${f.resource.name}`)).toEqual([]);
        expect(run.findings.filter((f) => /can't run|could not evaluate/.test(f.message))).toEqual([]);
    });
});
