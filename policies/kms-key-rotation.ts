import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { asBool, asNumber, asString, isSet, isUnknown } from "../lib/values";

type KeyArgs = aws.kms.KeyArgs;
const ROTATION: keyof KeyArgs = "enableKeyRotation";
const PERIOD: keyof KeyArgs = "rotationPeriodInDays";
const SPEC: keyof KeyArgs = "customerMasterKeySpec";
const USAGE: keyof KeyArgs = "keyUsage";
// Keys whose material lives in CloudHSM or an external key store cannot be rotated by KMS.
const CUSTOM_STORE: readonly (keyof KeyArgs)[] = ["customKeyStoreId", "xksKeyId"];
// EnableKeyRotation RotationPeriodInDays range (KMS API reference, provider docs).
const MIN_DAYS = 90;
const MAX_DAYS = 2560;

/** Only symmetric encryption keys with KMS-generated material support automatic rotation; false until that is known. */
function rotatable(get: (path: string) => unknown): boolean {
    // An unknown value is set but not a known string, so it counts as not rotatable.
    const spec = get(SPEC);
    const usage = get(USAGE);
    if (isSet(spec) && asString(spec) !== "SYMMETRIC_DEFAULT") return false;
    if (isSet(usage) && asString(usage) !== "ENCRYPT_DECRYPT") return false;
    return !CUSTOM_STORE.some((k) => isSet(get(k)));
}

export default definePolicy({
    kind: "resource",
    name: "kms-key-rotation",
    family: "encryption",
    description: "Symmetric customer-managed KMS keys rotate their key material automatically.",
    enforcementLevel: "advisory",
    severity: "medium",
    types: withNative(["aws:kms/key:Key"]),
    messages: {
        rotationOff:
            "enableKeyRotation is {{value}} (the default is false); set `enableKeyRotation: true`. Without rotation the same key material " +
            "protects the data indefinitely, which fails common compliance checks (CIS AWS Foundations, PCI-DSS key management) and widens the impact of a leaked key.",
        periodOutOfRange:
            "rotationPeriodInDays is {{value}}; use a whole number of days from 90 to 2560 (365 if unset). KMS rejects any other value and the deploy fails.",
    },
    framework: fsbp("KMS.4", "AWS KMS key rotation should be enabled"),
    remediationSteps:
        "Set `enableKeyRotation: true` on symmetric ENCRYPT_DECRYPT keys (the `remediate` level does this), optionally with " +
        "`rotationPeriodInDays` between 90 and 2560. Asymmetric, HMAC and key-agreement keys, and keys in custom or external key stores, " +
        "cannot rotate automatically and are not checked.",
    check({ get, report }) {
        if (!rotatable(get)) return;
        const period = get(PERIOD);
        if (isSet(period) && !isUnknown(period)) {
            const days = asNumber(period);
            if (days === undefined || !Number.isInteger(days) || days < MIN_DAYS || days > MAX_DAYS) {
                report("periodOutOfRange", { property: PERIOD, value: period });
            }
        }
        const rotation = get(ROTATION);
        if (isUnknown(rotation) || asBool(rotation) === true) return;
        report("rotationOff", { property: ROTATION, value: rotation });
    },
    // Turning rotation on is an in-place update that keeps old key material for decryption: nothing breaks.
    fix: ({ get }) => {
        const rotation = get(ROTATION);
        return isUnknown(rotation) || asBool(rotation) === true ? undefined : { [ROTATION]: true };
    },
});
