import { Cases, UNKNOWN, secret } from "../tester";

export const cases: Cases = {
    valid: [
        { why: "typical key from seed 004", props: { description: "db key", deletionWindowInDays: 10, enableKeyRotation: true } },
        { why: "custom rotation period in range", props: { enableKeyRotation: true, rotationPeriodInDays: 180 } },
        { why: "rotation unknown", props: { enableKeyRotation: UNKNOWN } },
        { why: "asymmetric signing key cannot rotate", props: { customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" } },
        { why: "HMAC key cannot rotate", props: { customerMasterKeySpec: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC" } },
        { why: "asymmetric encryption key cannot rotate", props: { customerMasterKeySpec: "RSA_4096", keyUsage: "ENCRYPT_DECRYPT" } },
        { why: "key spec unknown", props: { customerMasterKeySpec: UNKNOWN } },
        { why: "key usage unknown during preview", props: { keyUsage: UNKNOWN } },
        { why: "a signing usage without a spec is not a rotatable key", props: { keyUsage: "SIGN_VERIFY" } },
        { why: "key in a CloudHSM key store", props: { customKeyStoreId: "cks-1234567890abcdef0" } },
        { why: "key in an external key store", props: { customKeyStoreId: UNKNOWN, xksKeyId: "ext-key-1" } },
        { why: "secret policy document", props: { enableKeyRotation: true, policy: secret("{\"Statement\":[\"kms-secret-policy\"]}") } },
        { why: "period unknown", props: { enableKeyRotation: true, rotationPeriodInDays: UNKNOWN } },
        { why: "period at the 90-day minimum", props: { enableKeyRotation: true, rotationPeriodInDays: 90 } },
        { why: "period at the 2560-day maximum", props: { enableKeyRotation: true, rotationPeriodInDays: 2560 } },
        { why: "aws-native: rotation on", type: "aws-native:kms:Key", props: { enableKeyRotation: true, keyPolicy: { Version: "2012-10-17", Statement: [] } } },
    ],
    invalid: [
        { why: "rotation not set (default false)", props: { description: "app key", deletionWindowInDays: 7 }, messageId: "rotationOff", includes: ["enableKeyRotation", "not set"] },
        { why: "rotation explicitly off on a symmetric key", props: { customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", enableKeyRotation: false }, messageId: "rotationOff" },
        { why: "period too short", props: { enableKeyRotation: true, rotationPeriodInDays: 30 }, messageId: "periodOutOfRange", includes: ["rotationPeriodInDays", "30"], fixes: false },
        { why: "period too long", props: { enableKeyRotation: true, rotationPeriodInDays: 3000 }, messageId: "periodOutOfRange", fixes: false },
        { why: "fractional period", props: { enableKeyRotation: true, rotationPeriodInDays: 90.5 }, messageId: "periodOutOfRange", fixes: false },
        { why: "malformed period", props: { enableKeyRotation: true, rotationPeriodInDays: { days: 1 } }, messageId: "periodOutOfRange", fixes: false },
        { why: "malformed rotation flag", props: { enableKeyRotation: "yes please" }, messageId: "rotationOff" },
        { why: "the message shows the flag's value", props: { enableKeyRotation: false }, messageId: "rotationOff", includes: ["enableKeyRotation is false (the default is false)"] },
        { why: "secret policy is not printed", props: { policy: secret("{\"Statement\":[\"kms-secret-policy\"]}") }, messageId: "rotationOff" },
        { why: "aws-native: rotation unset", type: "aws-native:kms:Key", props: { pendingWindowInDays: 7 }, messageId: "rotationOff", includes: ["enableKeyRotation"] },
    ],
};
