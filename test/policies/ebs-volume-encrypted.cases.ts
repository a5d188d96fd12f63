import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const VOLUME = "aws:ebs/volume:Volume";
const INSTANCE = "aws:ec2/instance:Instance";
const LT = "aws:ec2/launchTemplate:LaunchTemplate";
const BY_DEFAULT = "aws:ebs/encryptionByDefault:EncryptionByDefault";

const volume = (name: string, props: Record<string, unknown>): CaseResource => ({ type: VOLUME, name, props: { availabilityZone: "us-east-1a", size: 20, ...props } });
// What a typical program writes: AMI from a lookup, no block device settings at all.
const webServer: CaseResource = { type: INSTANCE, name: "web", props: { ami: UNKNOWN, instanceType: "t3.micro", subnetId: UNKNOWN, vpcSecurityGroupIds: [UNKNOWN] } };

export const cases: Cases = {
    valid: [
        { why: "encrypted volume", resources: [volume("data", { encrypted: true, kmsKeyId: UNKNOWN })] },
        { why: "ordinary instance that never mentions block devices", resources: [webServer] },
        { why: "encrypted value unknown at preview", resources: [volume("data", { encrypted: UNKNOWN })] },
        { why: "string true", resources: [volume("data", { encrypted: "true" })] },
        { why: "volume from a snapshot takes the snapshot's encryption", resources: [volume("restored", { snapshotId: "snap-0123456789abcdef0" })] },
        {
            why: "instance with encrypted root and data devices",
            resources: [{ type: INSTANCE, name: "db", props: { rootBlockDevice: { volumeSize: 30, encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] } }],
        },
        { why: "root device sized but encryption left to the AMI", resources: [{ type: INSTANCE, name: "app", props: { rootBlockDevice: { volumeSize: 50, volumeType: "gp3" } } }] },
        {
            why: "launch template with string \"true\"",
            resources: [{ type: LT, name: "lt", props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20, encrypted: "true" } }] } }],
        },
        { why: "launch template devices unknown", resources: [{ type: LT, name: "lt", props: { blockDeviceMappings: UNKNOWN } }] },
        { why: "EBS encryption by default in the same stack and region", resources: [{ type: BY_DEFAULT, name: "ebs-default", props: { enabled: true } }, volume("data", {})] },
        { why: "EBS encryption by default, enabled left to its default (true)", resources: [{ type: BY_DEFAULT, name: "ebs-default", props: {} }, volume("data", { encrypted: false })] },
        {
            why: "EBS encryption by default also covers an instance's block device that says encrypted: false",
            resources: [{ type: BY_DEFAULT, name: "ebs-default", props: { enabled: true } }, { type: INSTANCE, name: "web", props: { ami: UNKNOWN, rootBlockDevice: { volumeSize: 30, encrypted: false } } }],
        },
        { why: "account default declared in config", config: { accountEncryptionByDefault: true }, resources: [volume("data", {})] },
        { why: "secret KMS key on an encrypted volume", resources: [volume("data", { encrypted: true, kmsKeyId: secret("arn:aws:kms:us-east-1:111122223333:key/ebs-secret-key") })] },
        { why: "aws-native: encrypted volume", resources: [{ type: "aws-native:ec2:Volume", name: "nvol", props: { availabilityZone: "us-east-1a", size: 20, encrypted: true, kmsKeyId: UNKNOWN } }] },
    ],
    invalid: [
        { why: "volume without encrypted", resources: [volume("data", {})], messageId: "volumeNotEncrypted", on: "data", includes: ["encrypted", "not set"] },
        { why: "volume explicitly unencrypted", resources: [volume("data", { encrypted: false })], messageId: "volumeNotEncrypted", on: "data", includes: ["false"] },
        { why: "explicit false beats a snapshot", resources: [volume("data", { snapshotId: UNKNOWN, encrypted: "false" })], messageId: "volumeNotEncrypted", on: "data" },
        {
            why: "root device explicitly unencrypted",
            resources: [{ type: INSTANCE, name: "web", props: { ami: UNKNOWN, rootBlockDevice: { volumeSize: 30, encrypted: false } } }],
            messageId: "deviceNotEncrypted",
            on: "web",
            includes: ["rootBlockDevice.encrypted"],
        },
        {
            why: "one of two data devices unencrypted",
            resources: [{ type: INSTANCE, name: "web", props: { ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }, { deviceName: "/dev/sdg", encrypted: false }] } }],
            messageId: "deviceNotEncrypted",
            on: "web",
            count: 1,
            includes: ["ebsBlockDevices[1].encrypted"],
        },
        {
            why: "launch template mapping with string \"false\"",
            resources: [{ type: LT, name: "lt", props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }] } }],
            messageId: "deviceNotEncrypted",
            on: "lt",
            includes: ["blockDeviceMappings[0].ebs.encrypted"],
        },
        { why: "account default switched off does not cover", resources: [{ type: BY_DEFAULT, name: "ebs-default", props: { enabled: false } }, volume("data", {})], messageId: "volumeNotEncrypted", on: "data" },
        {
            why: "account default for another region does not cover",
            resources: [{ type: BY_DEFAULT, name: "ebs-default", props: { enabled: true }, provider: { name: "west", props: { region: "us-west-2" } } }, volume("data", { region: "eu-west-1" })],
            messageId: "volumeNotEncrypted",
            on: "data",
        },
        {
            why: "an unknown value elsewhere hides nothing",
            resources: [volume("ok", { encrypted: UNKNOWN }), webServer, volume("bad", { tags: UNKNOWN })],
            messageId: "volumeNotEncrypted",
            on: "bad",
            count: 1,
        },
        { why: "malformed values do not throw", resources: [volume("data", { encrypted: [1, { x: null }], snapshotId: "" }), { type: INSTANCE, name: "i", props: { rootBlockDevice: "gp3", ebsBlockDevices: { encrypted: 1 } } }], messageId: "volumeNotEncrypted", on: "data", count: 1 },
        { why: "secret KMS key id is not printed", resources: [volume("data", { encrypted: false, kmsKeyId: secret("arn:aws:kms:us-east-1:111122223333:key/ebs-secret-key") })], messageId: "volumeNotEncrypted", on: "data" },
        { why: "aws-native: volume explicitly unencrypted", resources: [{ type: "aws-native:ec2:Volume", name: "nvol", props: { availabilityZone: "us-east-1a", encrypted: false } }], messageId: "volumeNotEncrypted", on: "nvol", includes: ["false"] },
    ],
};
