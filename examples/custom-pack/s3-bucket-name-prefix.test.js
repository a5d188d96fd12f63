// The policy's table, run by jest through the same SDK semantics as aws-guardrails' own tables.
const { UNKNOWN, secret, testPolicy } = require("aws-guardrails/testing");
const s3BucketNamePrefix = require("./s3-bucket-name-prefix");

testPolicy(s3BucketNamePrefix, {
    valid: [
        { why: "a name with the prefix", props: { bucket: "acme-invoices" } },
        { why: "a bucketPrefix with the prefix", props: { bucketPrefix: "acme-" } },
        { why: "no name set: the logical name has the prefix", name: "acme-logs", props: {} },
        { why: "the prefix is configurable", props: { bucket: "payments-ledger" }, config: { prefix: "payments-" } },
        { why: "a name unknown during preview", props: { bucket: UNKNOWN } },
        { why: "a secret name with the prefix", props: { bucket: secret("acme-hidden") } },
    ],
    invalid: [
        { why: "a name without the prefix", props: { bucket: "invoices" }, messageId: "wrongPrefix", includes: ["bucket is \"invoices\"", "acme-"] },
        { why: "a bucketPrefix without the prefix", props: { bucketPrefix: "tmp-" }, messageId: "wrongPrefix" },
        { why: "no name set and a logical name without the prefix", name: "logs", props: {}, messageId: "wrongPrefix", includes: ["the logical name"] },
        { why: "a secret name is checked, and not shown", props: { bucket: secret("private-ledger") }, messageId: "wrongPrefix", includes: ["[secret]"] },
        { why: "a malformed name falls back to the logical name", name: "logs", props: { bucket: 42 }, messageId: "wrongPrefix" },
        { why: "an in-code exemption is refused for a mandatory policy", props: { bucket: "legacy", tags: { "guardrails:exempt:s3-bucket-name-prefix": "imported" } }, messageId: "wrongPrefix", includes: ["refused"] },
        {
            why: "an exemption in policy config keeps the finding, as advisory",
            name: "legacy",
            props: { bucket: "legacy" },
            config: { exemptions: [{ resources: ["legacy"], reason: "imported in 2019", expires: "2099-01-01" }] },
            messageId: "wrongPrefix",
            level: "advisory",
            includes: ["EXEMPTED"],
        },
    ],
});
