import { Cases, UNKNOWN, secret } from "../tester";

const ALL = { Environment: "dev", Project: "payments", CostCenter: "1234" };
const BUCKET = "aws:s3/bucket:Bucket";

export const cases: Cases = {
    valid: [
        { why: "bucket with the three tags", type: BUCKET, props: { bucket: "logs-dev", tags: ALL } },
        {
            why: "ordinary program: tags merged by the provider into tags and tagsAll",
            type: "aws:lambda/function:Function",
            props: { name: "api-7f3a9c1", runtime: "nodejs20.x", tags: ALL, tagsAll: ALL },
        },
        {
            why: "provider defaultTags (JSON string, as the SDK sends provider inputs) carry them",
            type: "aws:ec2/vpc:Vpc",
            props: { cidrBlock: "10.0.0.0/16" },
            provider: { props: { region: "us-east-1", defaultTags: JSON.stringify({ tags: ALL }) } },
        },
        {
            why: "provider defaultTags as an object, resource adds the rest",
            type: "aws:rds/cluster:Cluster",
            props: { tags: { CostCenter: "1234" } },
            provider: { props: { defaultTags: { tags: { Environment: "dev", Project: "payments" } } } },
        },
        { why: "tags unknown during preview", type: BUCKET, props: { tags: UNKNOWN } },
        { why: "a tag value unknown: the key is there", type: BUCKET, props: { tags: { Environment: UNKNOWN, Project: "p", CostCenter: "c" } } },
        { why: "provider defaultTags unknown", type: BUCKET, props: {}, provider: { props: { defaultTags: UNKNOWN } } },
        { why: "secret tag values still count", type: BUCKET, props: { tags: { Environment: secret("prod-secret-env"), Project: "p", CostCenter: "c" } } },
        { why: "not taggable: a bucket policy has no tags", type: "aws:s3/bucketPolicy:BucketPolicy", props: { bucket: "b", policy: "{}" } },
        { why: "not taggable: an IAM role policy attachment", type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", props: {} },
        { why: "not an AWS resource", type: "random:index/randomString:RandomString", props: { length: 8 } },
        { why: "type ignored by config", type: "aws:ec2/subnet:Subnet", props: {}, config: { ignoreTypes: ["aws:ec2/*"] } },
        { why: "custom required keys", type: BUCKET, props: { tags: { owner: "team-a" } }, config: { tags: ["owner"] } },
        { why: "no required keys configured", type: BUCKET, props: {}, config: { tags: [] } },
        { why: "update preview: tagsAll (the provider's merge) carries the keys the program left to defaultTags", type: BUCKET, props: { bucket: "logs-dev", tagsAll: ALL } },
        { why: "aws-native: tag list carries the keys", type: "aws-native:s3:Bucket", props: { tags: [{ key: "Environment", value: "dev" }, { key: "Project", value: secret("p-native") }, { key: "CostCenter", value: UNKNOWN }] } },
        { why: "aws-native: provider defaultTags carry them", type: "aws-native:logs:LogGroup", props: {}, provider: { type: "pulumi:providers:aws-native", props: { defaultTags: JSON.stringify({ tags: ALL }) } } },
        { why: "aws-native: tag list unknown during preview", type: "aws-native:sqs:Queue", props: { tags: UNKNOWN } },
    ],
    invalid: [
        {
            why: "seed: resources tagged with Name only",
            type: "aws:rds/cluster:Cluster",
            props: { clusterIdentifier: "primary-db-dev", tags: { Name: "primary-db" } },
            messageId: "missingTags",
            includes: ["Environment, Project, CostCenter", "defaultTags"],
        },
        { why: "no tags at all", type: BUCKET, props: { bucket: "logs-dev" }, messageId: "missingTags", count: 1 },
        {
            why: "defaultTags cover some, one key still missing",
            type: BUCKET,
            props: { tags: { Project: "p" } },
            provider: { props: { defaultTags: JSON.stringify({ tags: { Environment: "dev" } }) } },
            messageId: "missingTags",
            includes: ["CostCenter"],
        },
        { why: "tag keys are case-sensitive", type: BUCKET, props: { tags: { environment: "dev", project: "p", costcenter: "c" } }, messageId: "missingTags", includes: ["Environment"] },
        { why: "a null tag value is no tag", type: BUCKET, props: { tags: { Environment: null, Project: "p", CostCenter: "c" } }, messageId: "missingTags", includes: ["Environment"] },
        { why: "malformed tags (a list)", type: BUCKET, props: { tags: ["Environment", "Project"] }, messageId: "missingTags" },
        { why: "malformed provider defaultTags (not JSON)", type: BUCKET, props: {}, provider: { props: { defaultTags: "{not json" } }, messageId: "missingTags" },
        { why: "secret tags of another key: reported, value never printed", type: BUCKET, props: { tags: { Owner: secret("alice-secret-owner") } }, messageId: "missingTags" },
        { why: "BucketV2 token", type: "aws:s3/bucketV2:BucketV2", props: { tags: { Environment: "dev" } }, messageId: "missingTags", includes: ["Project, CostCenter"] },
        { why: "other types are not ignored", type: BUCKET, props: {}, config: { ignoreTypes: ["aws:ec2/*"] }, messageId: "missingTags" },
        { why: "a tag whose value is null is not set", type: BUCKET, props: { bucket: "logs-dev", tags: { Environment: "dev", Project: "payments", CostCenter: null } }, messageId: "missingTags", includes: ["tags lacks CostCenter"] },
        { why: "aws-native: tag list missing keys, malformed entry", type: "aws-native:s3:Bucket", props: { tags: [{ key: "Environment", value: "dev" }, "Project"] }, messageId: "missingTags", includes: ["Project", "CostCenter"] },
    ],
};
