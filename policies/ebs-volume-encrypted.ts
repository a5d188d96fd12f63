import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { Resource, regionOf, sameRegion } from "../lib/resource";
import { asArray, asBool, get, isSet, isUnknown } from "../lib/values";

const VOLUME = "aws:ebs/volume:Volume";
const INSTANCE = "aws:ec2/instance:Instance";
const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const BY_DEFAULT = "aws:ebs/encryptionByDefault:EncryptionByDefault";

const ENCRYPTED: keyof aws.ebs.VolumeArgs = "encrypted";
const SNAPSHOT: keyof aws.ebs.VolumeArgs = "snapshotId";
const ROOT: keyof aws.ec2.InstanceArgs = "rootBlockDevice";
const EBS_DEVICES: keyof aws.ec2.InstanceArgs = "ebsBlockDevices";
const MAPPINGS: keyof aws.ec2.LaunchTemplateArgs = "blockDeviceMappings";
const ENABLED: keyof aws.ebs.EncryptionByDefaultArgs = "enabled";

interface Config {
    accountEncryptionByDefault: boolean;
}

/** Block devices an instance or launch template configures explicitly: where their `encrypted` lives. */
function devicesOf(r: Resource): { property: string; value: unknown }[] {
    if (r.type === INSTANCE) {
        const ebs = asArray(get(r.props, EBS_DEVICES)).map((d, i) => ({ property: `${EBS_DEVICES}[${i}].encrypted`, value: get(d, "encrypted") }));
        return [{ property: `${ROOT}.encrypted`, value: get(r.props, `${ROOT}.encrypted`) }, ...ebs];
    }
    return asArray(get(r.props, MAPPINGS)).map((m, i) => ({ property: `${MAPPINGS}[${i}].ebs.encrypted`, value: get(m, "ebs.encrypted") }));
}

export default definePolicy<Config>({
    kind: "stack",
    name: "ebs-volume-encrypted",
    family: "encryption",
    description: "EBS volumes are encrypted, and no instance or launch template block device sets `encrypted: false`.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative([VOLUME, INSTANCE, LAUNCH_TEMPLATE, BY_DEFAULT]),
    config: {
        accountEncryptionByDefault: {
            type: "boolean",
            default: false,
            description:
                "Set true when EBS encryption by default is on in every account and region this stack deploys to (managed outside the stack); " +
                "AWS then encrypts every new volume and nothing is reported.",
        },
    },
    messages: {
        volumeNotEncrypted:
            "encrypted is {{value}}; EBS creates the volume unencrypted unless it is true (or EBS encryption by default is on). " +
            "Set `encrypted: true` (optionally `kmsKeyId`): the volume and every snapshot taken from it are otherwise stored in plaintext, " +
            "and encrypting later means copying the data to a new volume.",
        deviceNotEncrypted:
            "{{property}} is {{value}}; remove it or set it to true. The block device is created unencrypted, so its data and its snapshots " +
            "are stored in plaintext, and encrypting later means replacing the instance's volume.",
    },
    framework: fsbp("EC2.3", "Attached Amazon EBS volumes should be encrypted at-rest"),
    remediationSteps:
        "Set `encrypted: true` on aws.ebs.Volume, and remove `encrypted: false` from instance and launch template block devices; or turn on " +
        "EBS encryption by default for the account and region (`new aws.ebs.EncryptionByDefault(\"default\", { enabled: true })`), which this " +
        "policy recognises in the same stack and region, or declare it with `accountEncryptionByDefault`. Not checked: AMI root volumes and " +
        "block devices that do not mention `encrypted` (they follow the AMI or snapshot and the account default), and volumes created from a " +
        "snapshot without an explicit `encrypted: false` (they take the snapshot's encryption).",
    // No fix: changing `encrypted` on an existing volume or block device forces its replacement, which loses its data.
    check({ graph, config, report }) {
        if (config.accountEncryptionByDefault === true) return;
        // An account default that is unknown at preview covers nothing: it must not hide a known plaintext volume.
        const defaultOn = graph.ofType(BY_DEFAULT).filter((d) => {
            const enabled = get(d.props, ENABLED);
            return !isSet(enabled) || asBool(enabled) === true;
        });
        const covered = (r: Resource): boolean => defaultOn.some((d) => sameRegion(regionOf(d), regionOf(r)));
        for (const volume of graph.ofType(VOLUME)) {
            if (covered(volume)) continue;
            const encrypted = get(volume.props, ENCRYPTED);
            if (isUnknown(encrypted) || asBool(encrypted) === true) continue;
            if (isSet(get(volume.props, SNAPSHOT)) && asBool(encrypted) !== false) continue;
            report("volumeNotEncrypted", { property: ENCRYPTED, value: encrypted }, volume);
        }
        for (const r of graph.ofType(INSTANCE, LAUNCH_TEMPLATE)) {
            if (covered(r)) continue;
            for (const device of devicesOf(r)) {
                if (asBool(device.value) === false) report("deviceNotEncrypted", device, r);
            }
        }
    },
});
