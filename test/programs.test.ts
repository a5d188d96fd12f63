// Ordinary, correct AWS programs of the kinds found in public Pulumi TypeScript repositories (test/programs/)
// must get no mandatory verdict from the pack, on an ephemeral stack and on a production one. Set
// GUARDRAILS_PRINT=1 to print every program's findings, to review the advisory ones.
import { GuardrailsResult, checkProgram } from "../testing";
import { aurora } from "./programs/aurora";
import { eks } from "./programs/eks";
import { fargateService } from "./programs/fargate-alb";
import { httpApi } from "./programs/http-api";
import { iamAndSecrets } from "./programs/iam-secrets";
import { messaging } from "./programs/messaging";
import { s3Replication } from "./programs/s3-replication";
import { scheduledJob } from "./programs/scheduled-job";
import { staticWebsite } from "./programs/static-website";
import { uploadProcessing } from "./programs/upload-processing";
import { network } from "./programs/vpc";

jest.setTimeout(30_000);

const programs: [string, () => unknown][] = [
    ["static website on S3 and CloudFront", staticWebsite],
    ["Lambda behind an HTTP API", httpApi],
    ["VPC with public and private subnets and NAT", () => network()],
    ["ECS Fargate service behind an ALB", fargateService],
    ["Aurora PostgreSQL and RDS in a VPC", aurora],
    ["EKS cluster with a managed node group", eks],
    ["SNS to SQS fan-out with DynamoDB", messaging],
    ["EventBridge scheduled Lambda", scheduledJob],
    ["S3 cross-region replication", s3Replication],
    ["IAM roles, KMS and Secrets Manager", iamAndSecrets],
    ["S3 upload notifications, FIFO queues and a Redis AUTH token", uploadProcessing],
];

function show(title: string, result: GuardrailsResult): void {
    if (process.env.GUARDRAILS_PRINT) console.log(`${title}\n${result.summary()}`);
}

describe.each(["dev", "prod"])("stack %s", (stack) => {
    it.each(programs)("%s has no mandatory violations", async (title, program) => {
        const result = await checkProgram(program, { stack, env: { ENVIRONMENT_SUFFIX: stack } });
        show(`${title} (${stack})`, result);
        expect(result).toHaveNoMandatoryViolations();
    });
});
