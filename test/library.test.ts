// aws-guardrails/library: options, selection and what a selected or custom policy carries; written as a
// TypeScript consumer would (test/consumer.test.ts runs a plain JavaScript one over the protocol).
import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import * as path from "path";
import { GuardrailsOptions, GuardrailsOptionsError, ResourcePolicy, StackInfo, asString, definePolicy, guardrails, isUnknown } from "../library";
import { policyOf } from "../lib/sdk";
import { policies } from "../policies";

const ROOT = path.resolve(__dirname, "..", "..");

interface MaxSizeConfig {
    maxGiB: number;
}

// A typed custom policy: the config type reaches the check.
const volumeSize: ResourcePolicy<MaxSizeConfig> = definePolicy<MaxSizeConfig>({
    kind: "resource",
    name: "ebs-volume-max-size",
    family: "resilience",
    description: "EBS volumes stay under the team's size limit.",
    enforcementLevel: "advisory",
    severity: "low",
    types: ["aws:ebs/volume:Volume"],
    config: { maxGiB: { type: "integer", minimum: 1, default: 500 } },
    messages: { tooLarge: "size is {{value}} GiB, over {{maxGiB}}; ask the platform team first." },
    remediationSteps: "Use a smaller volume.",
    check({ get, config, report }) {
        const size = get("size");
        if (!isUnknown(size) && typeof size === "number" && size > config.maxGiB) report("tooLarge", { value: size, maxGiB: config.maxGiB });
    },
    notApplicable: (stack: StackInfo) => (asString(stack.name) === "sandbox" ? "sandbox stacks have no size limit" : undefined),
});

const names = (options?: GuardrailsOptions): string[] => guardrails(options).map((p) => p.name);
const errorOf = (options: unknown): string => {
    try {
        guardrails(options as GuardrailsOptions);
    } catch (e) {
        expect(e).toBeInstanceOf(GuardrailsOptionsError);
        return (e as Error).message;
    }
    throw new Error("no error");
};

test("importing the library starts nothing, prints nothing and loads neither the SDK nor the registry", () => {
    const script = `const before = new Set(Object.keys(require.cache)); require(${JSON.stringify(path.join(ROOT, "bin", "library"))});
process.on("exit", () => require("fs").writeSync(3, JSON.stringify(Object.keys(require.cache).filter((k) => !before.has(k)))));`;
    // It exits by itself (no server holds the event loop); fd 3 carries what it loaded.
    const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe", "pipe"], timeout: 30_000 });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: "", stderr: "" });
    const loaded = JSON.parse(String(run.output[3])) as string[];
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((m) => m.includes("node_modules") || m.includes(`${path.sep}policies${path.sep}`) || m.includes("dispatch"))).toEqual([]);
});

test("no options: every policy of the catalog, in catalog order (the pack itself)", () => {
    expect(names()).toEqual(policies.map((p) => p.name));
});

test("families, policies and exclude select from the catalog; custom policies come last", () => {
    const encryption = policies.filter((p) => p.family === "encryption").map((p) => p.name);
    expect(names({ families: ["encryption"] })).toEqual(encryption);
    expect(names({ families: ["encryption"], policies: ["required-tags"], exclude: ["kms-key-rotation"] })).toEqual(
        policies.filter((p) => (p.family === "encryption" || p.name === "required-tags") && p.name !== "kms-key-rotation").map((p) => p.name),
    );
    expect(names({ policies: ["required-tags"], custom: [volumeSize] })).toEqual(["required-tags", "ebs-volume-max-size"]);
    expect(names({ families: [], custom: [volumeSize] })).toEqual(["ebs-volume-max-size"]);
    expect(names({ custom: [volumeSize], exclude: ["ebs-volume-max-size"] })).toEqual(policies.map((p) => p.name));
});

test("a custom policy gets the pack's config schema (its settings with defaults, plus exemptions) and maps back to itself", () => {
    const [sdkPolicy] = guardrails({ families: [], custom: [volumeSize] });
    expect(sdkPolicy).toMatchObject({ name: "ebs-volume-max-size", enforcementLevel: "advisory", severity: "low", remediationSteps: "Use a smaller volume." });
    expect(sdkPolicy.configSchema?.properties).toEqual({
        maxGiB: { type: "integer", minimum: 1, default: 500 },
        exemptions: expect.objectContaining({ type: "array", default: [] }),
        allowInCodeExemptions: expect.objectContaining({ type: "boolean" }),
    });
    expect(policyOf(sdkPolicy)).toBe(volumeSize);
});

test.each([
    ["a misspelt family", { families: ["encryptoin"] }, /^guardrails\(\): families: "encryptoin" is not a family \(did you mean "encryption"\?\); the families are: .*destroyability/],
    ["a misspelt option", { famlies: ["encryption"] }, /"famlies" is not an option \(did you mean "families"\?\); the options are: families, policies, exclude, custom/],
    ["a misspelt policy", { policies: ["kms-rotation"] }, /policies: "kms-rotation" is not a policy \(did you mean "kms-key-rotation"\?\)/],
    ["a misspelt exclusion", { exclude: ["s3-force-destory"] }, /exclude: "s3-force-destory" is not a policy \(did you mean "s3-force-destroy"\?\)/],
    ["a name list given as a string", { policies: "required-tags" }, /policies must be an array of names, got "required-tags"/],
    ["a family far from any", { families: ["zzz"] }, /"zzz" is not a family; the families are/],
    ["options that are not an object", "encryption", /options must be an object/],
    ["custom given as one policy", { custom: volumeSize }, /custom must be an array of policies made with definePolicy/],
    ["a custom policy with a catalog name", { custom: [{ ...volumeSize, name: "required-tags" }] }, /custom\[0\] \(required-tags\): required-tags is already the name of a policy of aws-guardrails/],
    ["two custom policies of one name", { custom: [volumeSize, volumeSize] }, /custom\[1\] \(ebs-volume-max-size\): two custom policies are named ebs-volume-max-size/],
    ["a custom policy missing parts", { custom: [{ ...volumeSize, check: undefined, types: [], family: "cost" }] }, /custom\[0\] \(ebs-volume-max-size\): family must be one of .*, got "cost"; types must be a non-empty array .*; check must be a function/],
    ["a custom setting every policy has", { custom: [{ ...volumeSize, config: { exemptions: { type: "array" } } }] }, /config.exemptions is a setting every policy already has/],
    ["a custom policy with a bad name, level and messages", { custom: [{ ...volumeSize, name: "Volume Size", enforcementLevel: "remediate", messages: {} }] }, /name must be lower-case words joined by dashes.*enforcementLevel must be "advisory" or "mandatory", got "remediate".*messages must map/],
    ["a custom setting without a default", { custom: [{ ...volumeSize, config: { maxGiB: { type: "integer" } } }] }, /config.maxGiB has no default; give one, so the policy runs without config/],
    ["a custom setting whose default its schema refuses", { custom: [{ ...volumeSize, config: { maxGiB: { type: "integer", minimum: 1, default: 0 } } }] }, /config.maxGiB.default must be >= 1, got 0/],
    ["a custom policy that is null", { custom: [null] }, /custom\[0\]: is not an object made with definePolicy/],
])("%s is refused with a clear message", (_why, options, expected) => {
    expect(errorOf(options)).toMatch(expected);
});

test("a policy guardrails() already returned is refused as custom, with what to pass instead", () => {
    const [sdkPolicy] = guardrails({ families: [], custom: [volumeSize] });
    expect(errorOf({ custom: [sdkPolicy] })).toMatch(/custom\[0\] \(ebs-volume-max-size\): is already a @pulumi\/policy policy \(from guardrails\(\)\); pass the definePolicy object instead/);
});

describe("README's worked custom policy is the example pack's, as tested", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const example = (file: string): string => readFileSync(path.join(ROOT, "examples", "custom-pack", file), "utf8");
    /** The file without its leading comment lines. */
    const code = (text: string): string => text.replace(/^(\/\/.*\n)+/, "");

    test.each(["s3-bucket-name-prefix.js", "index.js"])("%s is in README.md whole", (file) => {
        expect(readme).toContain("```js\n" + code(example(file)) + "```");
    });

    test("every line of README.md's testPolicy table is in the example's test", () => {
        const block = /```js\n(const \{ UNKNOWN, secret, testPolicy \}[\s\S]*?)```/.exec(readme)?.[1] ?? "";
        expect(block).toContain("testPolicy(s3BucketNamePrefix");
        const lines = example("s3-bucket-name-prefix.test.js").split("\n");
        for (const line of block.split("\n").filter((l) => l.trim() !== "")) expect(lines).toContain(line);
    });
});
