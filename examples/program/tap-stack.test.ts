// The example program's unit test, with the pack's verdicts as assertions. In your own project write
// `import { checkProgram } from "aws-guardrails/testing";` (this file is inside the pack, so it imports by path).
import * as aws from "@pulumi/aws";
import { checkProgram } from "../../testing";
import { TapStack, TapStackArgs } from "./tap-stack";

jest.setTimeout(60_000);

const args: TapStackArgs = {
    environmentSuffix: "dev",
    vpcId: "vpc-0a1b2c3d",
    privateSubnetIds: ["subnet-0aaa1111", "subnet-0bbb2222"],
    appCidrBlock: "10.0.0.0/16",
};
// The naming policy wants the suffix of the deployment: ENVIRONMENT_SUFFIX, else the stack name.
const options = { stack: "dev", env: { ENVIRONMENT_SUFFIX: "dev" } };

describe("TapStack", () => {
    it("passes every mandatory guardrail", async () => {
        expect(await checkProgram(() => new TapStack("tap", args), options)).toHaveNoMandatoryViolations();
    });

    it("is caught pinning an Aurora PostgreSQL version AWS no longer offers (seed 002: 15.3)", async () => {
        const result = await checkProgram(() => new TapStack("tap", { ...args, engineVersion: "15.3" }), options);
        expect(result).toHaveViolation("rds-engine-version", { resourceName: "tap-db-dev", level: "mandatory" });
        expect(result).not.toHaveNoMandatoryViolations();
    });

    it("is caught when the program adds a bucket without a public access block", async () => {
        const result = await checkProgram(() => {
            new TapStack("tap", args);
            new aws.s3.Bucket("uploads", { forceDestroy: true });
        }, options);
        expect(result).toHaveViolation("s3-public-access-block", { resourceName: "uploads" });
        expect(result).not.toHaveViolation("s3-public-access-block", { resourceName: "tap-artifacts-dev" });
    });
});
