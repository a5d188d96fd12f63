import { Cases, UNKNOWN, secret } from "../tester";

export const cases: Cases = {
    valid: [
        { why: "fixed name, force delete", props: { name: "db-password-pr123", recoveryWindowInDays: 0 } },
        { why: "string 0", props: { name: "db-password-pr123", recoveryWindowInDays: "0" } },
        { why: "ordinary program: autonamed, default window", props: { description: "db password" } },
        { why: "name Pulumi autonamed from the logical name", name: "db-password", props: { name: "db-password-7c1e9a0" } },
        { why: "name prefix: AWS adds a unique part", props: { namePrefix: "db-password-", recoveryWindowInDays: 30 } },
        { why: "name unknown during preview", props: { name: UNKNOWN } },
        { why: "window unknown during preview", props: { name: "db-password-pr123", recoveryWindowInDays: UNKNOWN } },
        { why: "secret name still evaluated", props: { name: secret("db-password-pr123-x"), recoveryWindowInDays: 0 } },
        { why: "malformed name", props: { name: { nested: ["x"] }, recoveryWindowInDays: 30 } },
    ],
    invalid: [
        {
            why: "fixed name, default 30-day window",
            props: { name: "db-password-pr123" },
            messageId: "nameReserved",
            count: 1,
            includes: ["recoveryWindowInDays", "not set", "db-password-pr123", "`recoveryWindowInDays: 0`"],
        },
        { why: "fixed name, 7 days", props: { name: "db-password-pr123", recoveryWindowInDays: 7 }, messageId: "nameReserved", includes: ["7"] },
        { why: "fixed name, 30 days", props: { name: "api-key-pr123", recoveryWindowInDays: 30 }, messageId: "nameReserved" },
        { why: "secret name is not printed", props: { name: secret("prod-master-credential"), recoveryWindowInDays: 30 }, messageId: "nameReserved", includes: ["[secret]"] },
        { why: "malformed window", props: { name: "db-password-pr123", recoveryWindowInDays: "none" }, messageId: "nameReserved" },
        { why: "null window", props: { name: "db-password-pr123", recoveryWindowInDays: null }, messageId: "nameReserved" },
    ],
    notApplicable: [{ why: "production stack by tag", stack: "main", stackTags: { environment: "prod" }, props: { name: "db-password" } }],
};
