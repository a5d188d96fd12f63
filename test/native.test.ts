// End to end over the Analyzer protocol: an aws-native (Cloud Control) program modelled on seeds 002-004, its
// corrected form, and a program that mixes @pulumi/aws and @pulumi/aws-native resources.
import * as path from "path";
import { EngineResource, EngineRun, PackClient, UNKNOWN_STRING, runEngine, secret, startPack } from "../engine/client";
import { classicView, isNativeType, nativeFix, originOf } from "../lib/native";
import { Resource } from "../lib/resource";
import { UNKNOWN, isUnknown } from "../lib/values";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "..", "..");
const PASSWORD = "MySecurePassword123!";
const PROVIDER = { type: "pulumi:providers:aws-native", name: "default", urn: "urn:pulumi:dev::payments-dr::pulumi:providers:aws-native::default", props: { region: "us-east-1" } };

function res(type: string, name: string, props: Record<string, unknown>, deps: Record<string, string[]> = {}): EngineResource {
    const urn = (n: string, t = type) => `urn:pulumi:dev::payments-dr::${t}::${n}`;
    return {
        type,
        name,
        urn: urn(name),
        props,
        provider: type.startsWith("aws-native:") ? PROVIDER : undefined,
        propertyDependencies: Object.fromEntries(Object.entries(deps).map(([k, [t, n]]) => [k, [urn(n, t)]])),
        dependencies: Object.values(deps).map(([t, n]) => urn(n, t)),
    };
}

// Seed 002's Aurora cluster and its neighbours, written with @pulumi/aws-native.
const BAD: EngineResource[] = [
    res("aws-native:rds:DbCluster", "financial-db-cluster", {
        engine: "aurora-postgresql",
        engineVersion: "15.3",
        dbClusterIdentifier: "financial-db",
        deletionProtection: true,
        masterUsername: "dbadmin",
        masterUserPassword: secret(PASSWORD),
        storageEncrypted: false,
    }),
    res("aws-native:rds:DbInstance", "reporting-db", { engine: "postgres", dbInstanceClass: "db.t3.micro", allocatedStorage: "20", storageEncrypted: false, publiclyAccessible: true }),
    res("aws-native:ec2:SecurityGroup", "bastion-sg", { groupDescription: "bastion", securityGroupIngress: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIp: "0.0.0.0/0" }] }),
    res("aws-native:s3:Bucket", "transaction-logs", { bucketName: "transaction-logs" }),
    res("aws-native:logs:LogGroup", "app-logs", { logGroupName: "/payments/app" }),
    res("aws-native:kms:Key", "financial-db-kms", { pendingWindowInDays: 30 }),
    res("aws-native:ecr:Repository", "app-images", {}),
];

const BAD_EXPECTS = [
    "rds-engine-version mandatory on financial-db-cluster",
    "resource-name-environment-suffix mandatory on financial-db-cluster",
    "deletion-protection-disabled mandatory on financial-db-cluster",
    "database-password-hardcoded mandatory on financial-db-cluster",
    "rds-storage-encrypted mandatory on reporting-db",
    "database-not-publicly-accessible mandatory on reporting-db",
    "security-group-no-public-ingress mandatory on bastion-sg",
    "s3-public-access-block advisory on transaction-logs",
    "s3-force-destroy advisory on transaction-logs",
    "skip-final-snapshot advisory on financial-db-cluster",
    "cloudwatch-log-group-retention advisory on app-logs",
    "kms-deletion-window advisory on financial-db-kms",
    "ecr-force-delete mandatory on app-images",
];

// The same program corrected: autonamed, current versions, encrypted, private, destroyable.
const GOOD: EngineResource[] = [
    res("random:index/randomPassword:RandomPassword", "db-password", { length: 32 }),
    res(
        "aws-native:rds:DbCluster",
        "financial-db-cluster",
        { engine: "aurora-postgresql", engineVersion: "15.10", deletionProtection: false, masterUsername: "dbadmin", masterUserPassword: UNKNOWN_STRING, storageEncrypted: true, backupRetentionPeriod: 7 },
        { masterUserPassword: ["random:index/randomPassword:RandomPassword", "db-password"] },
    ),
    res("aws-native:rds:DbInstance", "financial-db-instance-1", { engine: "aurora-postgresql", dbInstanceClass: "db.r6g.large", dbClusterIdentifier: UNKNOWN_STRING, publiclyAccessible: false }),
    res("aws-native:ec2:SecurityGroup", "web-sg", { groupDescription: "web", securityGroupIngress: [{ ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIp: "0.0.0.0/0" }] }),
    res("aws-native:s3:Bucket", "transaction-logs", {
        publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
        bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN_STRING }, bucketKeyEnabled: true }] },
    }),
    res("aws-native:logs:LogGroup", "app-logs", { retentionInDays: 30 }),
    res("aws-native:kms:Key", "financial-db-kms", { pendingWindowInDays: 7, enableKeyRotation: true }),
    res("aws-native:ecr:Repository", "app-images", { emptyOnDelete: true, imageScanningConfiguration: { scanOnPush: true } }),
];

function keys(run: EngineRun, level?: string): string[] {
    return [...new Set(run.findings.filter((f) => !level || f.enforcementLevel === level).map((f) => `${f.policyName} ${f.enforcementLevel} on ${f.resource.name}`))].sort();
}

describe("aws-native programs over the Analyzer protocol", () => {
    let pack: PackClient;

    beforeAll(async () => {
        pack = await startPack(ROOT, { stack: "dev", project: "payments-dr", organization: "acme", dryRun: true, env: { ENVIRONMENT_SUFFIX: undefined } });
    });
    afterAll(async () => {
        await pack?.close();
    });

    test("the aws-native bad stack draws the seeds' findings, named in aws-native terms, with no secret shown", async () => {
        const run = await runEngine(pack, BAD);
        const got = keys(run);
        expect(BAD_EXPECTS.filter((k) => !got.includes(k))).toEqual([]);
        const text = run.findings.map((f) => f.message).join("\n");
        expect(text).not.toContain(PASSWORD);
        expect(text).toContain("dbClusterIdentifier is \"financial-db\"");
        expect(text).toContain("securityGroupIngress[0].cidrIp");
        expect(text).toContain("emptyOnDelete");
        expect(text).not.toMatch(/could not evaluate|can't run/);
        expect(run.findings.find((f) => f.policyName === "rds-storage-encrypted" && f.resource.name === "reporting-db")?.resource.type).toBe("aws-native:rds:DbInstance");
    });

    test("the corrected aws-native stack draws nothing mandatory", async () => {
        const run = await runEngine(pack, GOOD);
        expect(keys(run, "mandatory")).toEqual([]);
    });

    test("mixed providers: a classic BucketPublicAccessBlock and encryption configuration on an aws-native bucket count for it", async () => {
        const mixed = [
            res("aws-native:s3:Bucket", "data", { bucketName: UNKNOWN_STRING }),
            res(
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                "data-pab",
                { bucket: UNKNOWN_STRING, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
                { bucket: ["aws-native:s3:Bucket", "data"] },
            ),
            res(
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                "data-sse",
                { bucket: UNKNOWN_STRING, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN_STRING } }] },
                { bucket: ["aws-native:s3:Bucket", "data"] },
            ),
            res("aws:s3/bucket:Bucket", "classic-logs", { bucket: "classic-logs-dev" }),
        ];
        const run = await runEngine(pack, mixed);
        const got = keys(run);
        expect(got.filter((k) => k.includes(" on data"))).not.toContainEqual(expect.stringMatching(/^s3-(public-access-block|bucket-encryption) /));
        expect(got).toContain("s3-public-access-block advisory on classic-logs");
    });
});

describe("the aws-native mapping (lib/native)", () => {
    const native = (type: string, props: Record<string, unknown>): Resource => ({ type, name: "r", urn: `urn:pulumi:dev::p::${type}::r`, props, opts: {}, dependencies: [], propertyDependencies: {} });

    test("reads an aws-native resource as its classic counterpart, once, and remembers where it came from", () => {
        const r = native("aws-native:rds:DbInstance", { dbInstanceIdentifier: "orders-dev", masterUserPassword: "x", tags: [{ key: "Team", value: "a" }] });
        const view = classicView(r);
        expect(view.type).toBe("aws:rds/instance:Instance");
        expect(view.props).toMatchObject({ identifier: "orders-dev", password: "x", tags: { Team: "a" } });
        expect(classicView(r)).toBe(view);
        expect(originOf(view)).toBe(r);
        expect(classicView(native("aws-native:rds:DbInstance", { dbClusterIdentifier: UNKNOWN })).type).toBe("aws:rds/clusterInstance:ClusterInstance");
    });

    test("odd input: prototype names, unknown tag entries, other types", () => {
        expect(isNativeType("constructor")).toBe(false);
        const plain = native("aws:s3/bucket:Bucket", {});
        expect(classicView(plain)).toBe(plain);
        const odd = classicView(native("aws-native:sqs:Queue", JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1, "tags": [{"key": "__proto__", "value": "v"}]}') as Record<string, unknown>));
        expect(Object.getPrototypeOf(odd.props)).toBe(Object.prototype);
        expect(odd.props.constructor).toBe(1);
        expect(Object.getOwnPropertyDescriptor(odd.props.tags, "__proto__")?.value).toBe("v");
        expect(isUnknown(classicView(native("aws-native:sqs:Queue", { tags: [{ key: UNKNOWN, value: "v" }] })).props.tags)).toBe(true);
    });

    test("a classic fix is set under the aws-native name, or not at all when the property exists only in the classic view", () => {
        const repo = classicView(native("aws-native:ecr:Repository", {}));
        expect(nativeFix(repo, { forceDelete: true })).toEqual({ emptyOnDelete: true });
        const lb = classicView(native("aws-native:elasticloadbalancingv2:LoadBalancer", {}));
        expect(nativeFix(lb, { enableDeletionProtection: false })).toBeUndefined();
    });
});
