import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const LAMBDA = "aws:lambda/function:Function";
const TASK = "aws:ecs/taskDefinition:TaskDefinition";
const INSTANCE = "aws:ec2/instance:Instance";
const TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
// AWS's documented example key pair (IAM User Guide), not a real credential.
const KEY_ID = "AKIAIOSFODNN7EXAMPLE";
const SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

const fn = (variables: unknown, extra: Partial<CaseResource> = {}): CaseResource => ({ type: LAMBDA, name: "api", props: { runtime: "nodejs20.x", environment: { variables } }, ...extra });
const task = (environment: unknown, extra: Partial<CaseResource> = {}): CaseResource => ({
    type: TASK,
    name: "web",
    props: { family: "web", containerDefinitions: JSON.stringify([{ name: "web", image: "nginx", environment }]) },
    ...extra,
});
const base64 = (text: string) => Buffer.from(text).toString("base64");

export const cases: Cases = {
    valid: [
        { why: "secret ARN passed, the code reads it (the twin of a literal password)", resources: [fn({ SECRET_ARN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf", NODE_OPTIONS: "--enable-source-maps" })] },
        { why: "reference-like names and values", resources: [fn({ AUTH_URL: "https://auth.example.com", TOKEN_TABLE: "tokens-dev", PASSWORD_PARAMETER: "/app/db/password", API_KEY_HEADER: "x-api-key", AUTHOR: "someone-long" })] },
        { why: "short or boolean values", resources: [fn({ SECRET_ROTATION: "true", TOKEN_BYTES: "32", API_KEY: "none" })] },
        { why: "ECS secrets through valueFrom", resources: [{ type: TASK, name: "web", props: { containerDefinitions: JSON.stringify([{ name: "web", image: "nginx", secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/db" }] }]) } }] },
        {
            why: "generated password passed from a RandomPassword (known and secret on an update preview)",
            resources: [{ type: "random:index/randomPassword:RandomPassword", name: "pw", props: { length: 24, result: secret("Zx9!generated-value") } }, fn({ DB_PASSWORD: secret("Zx9!generated-value") }, { propertyDependencies: { environment: ["pw"] } })],
        },
        { why: "user data that fetches the secret at boot", resources: [{ type: INSTANCE, name: "vm", props: { userData: "#!/bin/bash\nexport DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)\n" } }] },
        { why: "environment unknown during preview", resources: [fn(UNKNOWN), { type: TASK, name: "t", props: { containerDefinitions: UNKNOWN } }, { type: INSTANCE, name: "vm", props: { userData: UNKNOWN } }] },
        { why: "one variable unknown", resources: [fn({ DB_PASSWORD: UNKNOWN })] },
        {
            why: "malformed environments do not throw",
            resources: [
                fn("garbage"),
                fn({ DB_PASSWORD: 12345678 }),
                task("garbage"),
                task([null, 1, { name: 5, value: KEY_ID.toLowerCase() }]),
                { type: TASK, name: "t2", props: { containerDefinitions: "[{not json" } },
                { type: TEMPLATE, name: "lt", props: { userData: "%%%not base64%%%" } },
            ],
        },
    ],
    invalid: [
        { why: "access key id in a Lambda environment", resources: [fn({ AWS_ACCESS_KEY_ID: KEY_ID, REGION: "us-east-1" })], messageId: "accessKey", on: "api", count: 1, includes: ["environment.variables.AWS_ACCESS_KEY_ID"] },
        { why: "literal password in a Lambda environment", resources: [fn({ DB_PASSWORD: "hunter2-literal" })], messageId: "namedSecret", on: "api", includes: ["DB_PASSWORD", "value not shown"] },
        {
            why: "a password copied from a database's literal input is still a literal (secret or not)",
            resources: [{ type: "aws:rds/cluster:Cluster", name: "db", props: { masterPassword: secret("Copied-Db-Pass-7731") } }, fn({ DB_PASSWORD: secret("Copied-Db-Pass-7731") }, { propertyDependencies: { environment: ["db"] } })],
            messageId: "namedSecret",
            on: "api",
        },
        { why: "literal wrapped in pulumi.secret, no dependency: still a literal", resources: [fn({ STRIPE_API_KEY: secret("sk_live_abcdef123456") })], messageId: "namedSecret", on: "api" },
        { why: "access key pair in an ECS container environment", resources: [task([{ name: "AWS_SECRET_ACCESS_KEY", value: SECRET_KEY }, { name: "AWS_ACCESS_KEY_ID", value: KEY_ID }])], messageId: "accessKey", on: "web", count: 2, includes: ["containerDefinitions[0].environment["] },
        { why: "ECS password literal", resources: [task([{ name: "POSTGRES_PASSWORD", value: "changeme123" }])], messageId: "namedSecret", on: "web", includes: ["secrets: [{ name, valueFrom }]"] },
        { why: "access keys in EC2 user data", resources: [{ type: INSTANCE, name: "vm", props: { userData: `#!/bin/bash\naws configure set aws_access_key_id ${KEY_ID}\n` } }], messageId: "accessKey", on: "vm", includes: ["userData"] },
        { why: "secret access key assignment in a base64 launch template", resources: [{ type: TEMPLATE, name: "lt", props: { userData: base64(`[default]\naws_secret_access_key = ${SECRET_KEY}\n`) } }], messageId: "accessKey", on: "lt" },
        { why: "password exported in user data", resources: [{ type: INSTANCE, name: "vm", props: { userDataBase64: base64("#!/bin/sh\nexport DB_PASSWORD='s3cr3t-literal'\n") } }], messageId: "namedSecret", on: "vm", includes: ["DB_PASSWORD"] },
        { why: "an access key from another resource is still a key in the environment", resources: [fn({ AWS_ACCESS_KEY_ID: secret(KEY_ID) }, { propertyDependencies: { environment: ["key"] } }), { type: "aws:iam/accessKey:AccessKey", name: "key", props: {} }], messageId: "accessKey", on: "api" },
    ],
};
