import type * as aws from "@pulumi/aws";
import { generatedValues } from "../lib/generated";
import { Graph } from "../lib/graph";
import { definePolicy } from "../lib/policy";
import { isSecretName } from "../lib/redact";
import { Resource } from "../lib/resource";
import { REDACTED_SECRET, asArray, asString, get, isRecord, isUnknown, parseJsonish } from "../lib/values";

const LAMBDA = "aws:lambda/function:Function";
const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
const INSTANCE = "aws:ec2/instance:Instance";
const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const LAUNCH_CONFIGURATION = "aws:ec2/launchConfiguration:LaunchConfiguration";
// Resources that generate or hold a secret: a value taken from one of them is not written in the program.
const SECRET_SOURCES = [
    "random:index/randomPassword:RandomPassword",
    "random:index/randomString:RandomString",
    "aws:secretsmanager/secretVersion:SecretVersion",
    "aws:ssm/parameter:Parameter",
    "pulumi:pulumi:StackReference",
];
const ENVIRONMENT: keyof aws.lambda.FunctionArgs = "environment";
const CONTAINERS: keyof aws.ecs.TaskDefinitionArgs = "containerDefinitions";
const USER_DATA: keyof aws.ec2.InstanceArgs & keyof aws.ec2.LaunchTemplateArgs = "userData";
const USER_DATA_BASE64: keyof aws.ec2.InstanceArgs = "userDataBase64";

// AWS access key ids: AKIA (long-term) and ASIA (temporary), 20 characters (IAM User Guide, "IAM identifiers").
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/;
const SECRET_ACCESS_KEY = /aws_secret_access_key\s*[=:]\s*["']?[A-Za-z0-9/+=]{40}/i;
// The variables the AWS SDKs read credentials from.
const SDK_CREDENTIAL_NAME = /^AWS_(SECRET_ACCESS_KEY|SESSION_TOKEN)$/i;
// Names that hold a reference to a credential (its ARN, name, URL, file...), not the credential itself.
const REFERENCE_NAME = /(^|_)(ARN|NAME|ID|URL|URI|ENDPOINT|HOST|DOMAIN|PATH|FILE|REGION|TABLE|BUCKET|QUEUE|TOPIC|PARAM|PARAMETER|HEADER|TYPE|MODE|ENABLED|TTL|TIMEOUT|EXPIRY|LENGTH|VERSION|PROVIDER|ISSUER|AUDIENCE|SCOPE|STAGE|LEVEL|PORT|USER|USERNAME|METHOD|STRATEGY|ALGORITHM)$/i;
// A `NAME=value` assignment in a script.
const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*["']?([^\s"']+)/gm;

/** A literal that looks like a credential: long enough, one token, not a reference (ARN, URL, path, ${...}, $(...)). */
function credentialLike(value: string): boolean {
    const v = value.trim();
    if (v.length < 8 || /\s/.test(v) || /^(true|false|\d+)$/i.test(v)) return false;
    return !/^(arn:|[a-z][a-z0-9+.-]*:\/\/|\/|\$|`|\{\{resolve:)/i.test(v);
}

function credentialName(name: string): boolean {
    return isSecretName(name) && !REFERENCE_NAME.test(name.trim()) && !/author/i.test(name);
}

interface Finding {
    id: "accessKey" | "namedSecret";
    where: string;
    name?: string;
}

/** Findings in one text value (an environment value or a script), named by `where`. */
function scanText(text: string, where: string, name?: string): Finding[] {
    if (ACCESS_KEY_ID.test(text) || SECRET_ACCESS_KEY.test(text) || (name !== undefined && SDK_CREDENTIAL_NAME.test(name) && credentialLike(text))) {
        return [{ id: "accessKey", where, name }];
    }
    if (name !== undefined) return credentialName(name) && credentialLike(text) ? [{ id: "namedSecret", where, name }] : [];
    return [...text.matchAll(ASSIGNMENT)].filter((m) => credentialName(m[1]) && credentialLike(m[2])).map((m) => ({ id: "namedSecret" as const, where, name: m[1] }));
}

/** Base64 user data as text; undefined when it does not decode to text. */
function decodeBase64(value: string): string | undefined {
    if (!/^[A-Za-z0-9+/=\s]+$/.test(value)) return undefined;
    const text = Buffer.from(value, "base64").toString("utf8");
    return /[\u0000-\u0008\uFFFD]/.test(text) ? undefined : text;
}

/** Environment variables of a Lambda function or of each container of a task definition: [where, name, value]. */
function variablesOf(r: Resource): [string, string, unknown][] {
    if (r.type === LAMBDA) {
        const vars = get(r.props, `${ENVIRONMENT}.variables`);
        return isRecord(vars) ? Object.entries(vars).map(([k, v]) => [`${ENVIRONMENT}.variables.${k}`, k, v]) : [];
    }
    const containers = parseJsonish(get(r.props, CONTAINERS));
    return asArray(isUnknown(containers) ? [] : containers).flatMap((c, i) =>
        asArray(get(c, "environment")).map((e, j): [string, string, unknown] => [`${CONTAINERS}[${i}].environment[${j}]`, asString(get(e, "name")) ?? "", get(e, "value")]),
    );
}

/** Every string inside a value (a resource's properties), for matching values that came from it. */
function stringsIn(value: unknown, out: Set<string>, depth = 0): Set<string> {
    if (typeof value === "string") out.add(value);
    else if (depth < 16 && (Array.isArray(value) || isRecord(value))) Object.values(value).forEach((v) => stringsIn(v, out, depth + 1));
    return out;
}

/** What one resource writes into its environment or user data. */
function findingsOf(graph: Graph, resource: Resource, stored: ReadonlySet<string>): Finding[] {
    const findings: Finding[] = [];
    if (resource.type === LAMBDA || resource.type === TASK_DEFINITION) {
        const property = resource.type === LAMBDA ? ENVIRONMENT : CONTAINERS;
        // A value equal to one a secret generator or store in this stack holds came from it, not from the program;
        // without property dependencies (imported resources) the generated values themselves show it.
        const generated = new Set<string>(stored);
        const fromSources = new Set<string>();
        for (const source of graph.sourcesOf(resource, property)) if (SECRET_SOURCES.includes(source.type)) stringsIn(source.props, fromSources);
        fromSources.forEach((v) => generated.add(v));
        // A source whose value an offline export redacted may be where any of these values came from.
        const unreadableSource = fromSources.has(REDACTED_SECRET);
        for (const [where, name, value] of variablesOf(resource)) {
            const text = asString(value);
            if (text === undefined) continue;
            findings.push(...scanText(text, where, name).filter((f) => f.id === "accessKey" || (!generated.has(text) && !unreadableSource)));
        }
    } else {
        for (const property of [USER_DATA, USER_DATA_BASE64]) {
            const raw = asString(get(resource.props, property));
            if (raw === undefined) continue;
            const base64 = property === USER_DATA_BASE64 || resource.type === LAUNCH_TEMPLATE;
            const text = base64 ? decodeBase64(raw) : raw;
            if (text !== undefined) findings.push(...scanText(text, property));
        }
    }
    return findings;
}

export default definePolicy({
    // A stack policy: property dependencies tell a generated secret from a literal one.
    kind: "stack",
    name: "credentials-in-environment",
    family: "secrets",
    description: "No AWS access key or other credential is written as a literal into a Lambda function's environment, an ECS container's environment or EC2 user data.",
    enforcementLevel: "mandatory",
    severity: "critical",
    types: [LAMBDA, TASK_DEFINITION, INSTANCE, LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION],
    messages: {
        accessKey:
            "{{property}} holds an AWS access key (value not shown): anyone who can read the function or task configuration, the launch template or " +
            "the stack's state can use it, and a long-term key is never rotated. Give the workload an IAM role (Lambda execution role, ECS task role, " +
            "instance profile) and remove the key; then deactivate it.",
        namedSecret:
            "{{property}} ({{name}}) is a literal credential (value not shown): it is readable by anyone with read access to the configuration " +
            "(lambda:GetFunctionConfiguration, ecs:DescribeTaskDefinition, ec2:DescribeInstanceAttribute) and sits in the program and the stack's state. " +
            "Store it in Secrets Manager or SSM Parameter Store and pass its ARN ({{instead}}).",
    },
    remediationSteps:
        "Use IAM roles instead of access keys. Put other credentials in Secrets Manager or an SSM SecureString and reference them: ECS `secrets: " +
        "[{ name, valueFrom: <secret ARN> }]`, a Lambda environment variable holding the secret's ARN that the code reads (or the Parameters and " +
        "Secrets extension), and user data that fetches the value with the AWS CLI at boot. Values computed from other resources (a generated " +
        "password marked secret) are not reported. Counterparts: checkov CKV_AWS_45 (Lambda environment), CKV_AWS_46 (EC2 user data); trivy AWS-0036 " +
        "(ECS environment); Security Hub FSBP ECS.8 (secrets not passed as container environment variables).",
    check({ graph, report }) {
        const stored = generatedValues(graph).values;
        for (const resource of graph.ofType(LAMBDA, TASK_DEFINITION, INSTANCE, LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION)) {
            for (const f of findingsOf(graph, resource, stored)) {
                const instead = resource.type === TASK_DEFINITION ? "`secrets: [{ name, valueFrom }]`" : resource.type === LAMBDA ? "the secret's ARN, read by the code" : "a fetch at boot";
                report(f.id, { property: f.where, name: f.name ?? "", instead }, resource);
            }
        }
    },
});
