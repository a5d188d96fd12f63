// A Lambda function behind an API Gateway HTTP API, with its own log groups, a role built from an assume-role
// policy and the AWS managed basic-execution policy, and an inline policy from aws.iam.getPolicyDocument.
// Modelled on pulumi/examples aws-ts-apigatewayv2-http-api and aws-ts-lambda-secrets.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export function httpApi(): void {
    const suffix = process.env.ENVIRONMENT_SUFFIX ?? pulumi.getStack();

    const role = new aws.iam.Role("api-handler", {
        assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
    });
    new aws.iam.RolePolicyAttachment("api-handler-logs", { role: role.name, policyArn: aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole });

    const secret = new aws.secretsmanager.Secret("api-token", { description: "Token the handler forwards to the upstream API" });
    const readSecret = aws.iam.getPolicyDocumentOutput({
        statements: [
            { effect: "Allow", actions: ["secretsmanager:GetSecretValue"], resources: [secret.arn] },
            { effect: "Allow", actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], resources: ["*"] },
        ],
    });
    new aws.iam.RolePolicy("api-handler-secret", { role: role.id, policy: readSecret.json });

    // The function's log group, created here so it has a retention and disappears with the stack.
    const fnName = `api-handler-${suffix}`;
    const fnLogs = new aws.cloudwatch.LogGroup("api-handler", { name: `/aws/lambda/${fnName}`, retentionInDays: 14 });
    const fn = new aws.lambda.Function(
        "api-handler",
        {
            name: fnName,
            runtime: aws.lambda.Runtime.NodeJS20dX,
            architectures: ["arm64"],
            handler: "index.handler",
            role: role.arn,
            memorySize: 256,
            timeout: 10,
            tracingConfig: { mode: "Active" },
            code: new pulumi.asset.AssetArchive({
                "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({ statusCode: 200, body: 'ok' });"),
            }),
            environment: { variables: { SECRET_ARN: secret.arn, NODE_OPTIONS: "--enable-source-maps" } },
        },
        { dependsOn: [fnLogs] },
    );

    const api = new aws.apigatewayv2.Api("http-api", { protocolType: "HTTP", corsConfiguration: { allowOrigins: ["https://example.org"], allowMethods: ["GET"] } });
    new aws.lambda.Permission("http-api-invoke", {
        action: "lambda:InvokeFunction",
        function: fn.name,
        principal: "apigateway.amazonaws.com",
        sourceArn: pulumi.interpolate`${api.executionArn}/*/*`,
    });
    const integration = new aws.apigatewayv2.Integration("http-api", {
        apiId: api.id,
        integrationType: "AWS_PROXY",
        integrationUri: fn.invokeArn,
        payloadFormatVersion: "2.0",
    });
    const route = new aws.apigatewayv2.Route("http-api-default", {
        apiId: api.id,
        routeKey: "GET /hello",
        target: pulumi.interpolate`integrations/${integration.id}`,
    });
    const accessLogs = new aws.cloudwatch.LogGroup("http-api-access", { retentionInDays: 30 });
    new aws.apigatewayv2.Stage(
        "http-api",
        {
            apiId: api.id,
            name: "$default",
            autoDeploy: true,
            defaultRouteSettings: { throttlingBurstLimit: 100, throttlingRateLimit: 50 },
            accessLogSettings: {
                destinationArn: accessLogs.arn,
                format: JSON.stringify({ requestId: "$context.requestId", status: "$context.status", path: "$context.path" }),
            },
        },
        { dependsOn: [route] },
    );

    new aws.cloudwatch.MetricAlarm("api-handler-errors", {
        namespace: "AWS/Lambda",
        metricName: "Errors",
        dimensions: { FunctionName: fn.name },
        statistic: "Sum",
        period: 300,
        evaluationPeriods: 1,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        treatMissingData: "notBreaching",
    });
    new aws.cloudwatch.MetricAlarm("api-handler-duration", {
        namespace: "AWS/Lambda",
        metricName: "Duration",
        dimensions: { FunctionName: fn.name },
        extendedStatistic: "p95",
        period: 300,
        evaluationPeriods: 3,
        threshold: 8000,
        comparisonOperator: "GreaterThanThreshold",
    });
}
