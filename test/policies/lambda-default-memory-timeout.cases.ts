import { Cases, UNKNOWN, secret } from "../tester";

const BASE = { runtime: "nodejs20.x", handler: "index.handler", role: "arn:aws:iam::123456789012:role/exec" };

export const cases: Cases = {
    valid: [
        { why: "seed fix: tuned memory and timeout", props: { ...BASE, memorySize: 512, timeout: 30 } },
        { why: "only the timeout tuned", props: { ...BASE, memorySize: 128, timeout: 15 } },
        { why: "only the memory tuned", props: { ...BASE, memorySize: 1024, timeout: 3 } },
        { why: "memory unknown during preview", props: { ...BASE, memorySize: UNKNOWN, timeout: 3 } },
        { why: "timeout unknown during preview", props: { ...BASE, timeout: UNKNOWN } },
        { why: "string numbers", props: { ...BASE, memorySize: "256", timeout: "10" } },
        { why: "secret-wrapped values still evaluated", props: { ...BASE, memorySize: secret(512), timeout: secret(60) } },
        { why: "either mode with both tuned", props: { ...BASE, memorySize: 256, timeout: 10 }, config: { flagWhen: "either" } },
        { why: "either mode waits for an unknown memory size before reporting the default timeout", props: { ...BASE, memorySize: UNKNOWN, timeout: 3 }, config: { flagWhen: "either" } },
    ],
    invalid: [
        { why: "seed: defaults filled in by the provider", props: { ...BASE, memorySize: 128, timeout: 3 }, messageId: "defaults", includes: ["memorySize is 128", "timeout is 3", "visibilityTimeoutSeconds of at least the new timeout"] },
        { why: "both left out", props: BASE, messageId: "defaults" },
        { why: "either mode: timeout still 3 s", props: { ...BASE, memorySize: 512, timeout: 3 }, config: { flagWhen: "either" }, messageId: "defaults", includes: ["512"] },
        { why: "malformed values are not tuning", props: { ...BASE, memorySize: null, timeout: null }, messageId: "defaults" },
        { why: "left out: the message shows the defaults Lambda applies", props: BASE, messageId: "defaults", includes: ["memorySize is 128 and timeout is 3,"] },
        { why: "secret environment never printed", props: { ...BASE, environment: { variables: { API_KEY: secret("sk-live-secret-key") } } }, messageId: "defaults" },
    ],
};
