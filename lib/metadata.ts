// What Pulumi Cloud's policy views show about a policy besides its name: a display name, tags, a link to its docs
// page and the published control it maps to (GetAnalyzerInfo's PolicyInfo displayName, tags, url, framework).

/** Where the docs pages (docs/policies/<name>.md) are published; the repository's main branch. */
export const POLICY_DOCS_URL = "https://github.com/aws-guardrails/aws-guardrails/blob/main/docs/policies/";

/** A published control a policy checks, as the engine's PolicyComplianceFramework carries it. */
export interface Framework {
    name: string;
    version: string;
    /** The control's id in the framework, e.g. "RDS.3". */
    reference: string;
    /** The control's title, as the framework words it. */
    specification: string;
}

/**
 * A control of the AWS Foundational Security Best Practices standard (Security Hub), with its title as in the
 * Security Hub controls reference (docs.aws.amazon.com/securityhub/latest/userguide, read 2026-12).
 */
export function fsbp(control: string, title: string): Framework {
    return { name: "AWS Foundational Security Best Practices", version: "v1.0.0", reference: control, specification: title };
}

// Words of policy names written as AWS writes them.
const WORDS: Readonly<Record<string, string>> = {
    acl: "ACL",
    alb: "ALB",
    arn: "ARN",
    az: "AZ",
    cloudwatch: "CloudWatch",
    docdb: "DocumentDB",
    dynamodb: "DynamoDB",
    ebs: "EBS",
    ecr: "ECR",
    efs: "EFS",
    eks: "EKS",
    elasticache: "ElastiCache",
    eventbridge: "EventBridge",
    https: "HTTPS",
    iam: "IAM",
    kms: "KMS",
    msk: "MSK",
    nat: "NAT",
    opensearch: "OpenSearch",
    rds: "RDS",
    route53: "Route 53",
    s3: "S3",
    sqs: "SQS",
    tls: "TLS",
    vpc: "VPC",
};

/** "rds-storage-encrypted" -> "RDS storage encrypted". */
export function displayNameOf(name: string): string {
    const words = name.split("-").map((w) => WORDS[w] ?? w);
    const first = words[0] ?? "";
    return [first === first.toLowerCase() ? first.charAt(0).toUpperCase() + first.slice(1) : first, ...words.slice(1)].join(" ");
}
