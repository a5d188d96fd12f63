// Mutation testing over policies/ (`npm run mutation`; one policy: `npm run mutation -- --mutate policies/<name>.ts`).
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
    // Mutate the .ts sources so mutants and reports map to the code we write; index.ts is only the registry.
    mutate: ["policies/*.ts", "!policies/index.ts"],
    // The tests run on compiled output (they find case tables and data/ by __dirname), so the sandbox compiles the
    // instrumented sources into its own bin/; Stryker marks mutated files @ts-nocheck, so a mutant never fails the build.
    buildCommand: "tsc -p tsconfig.json",
    // The sandbox builds its own bin/; a stale copy of ours would only slow the copy down.
    ignorePatterns: ["/bin", "/reports"],
    testRunner: "jest",
    jest: {
        projectType: "custom",
        // Only the fast suites that observe policies: the case tables and the metadata/docs checks.
        // transform: {} because the tests are already compiled JS; babel-jest would only add time to every mutant run.
        config: { testMatch: ["<rootDir>/bin/test/policies.test.js", "<rootDir>/bin/test/meta.test.js"], transform: {} },
        enableFindRelatedTests: false,
    },
    coverageAnalysis: "perTest",
    concurrency: 2,
    reporters: ["clear-text", "progress", "html", "json"],
    htmlReporter: { fileName: "reports/mutation/mutation.html" },
    jsonReporter: { fileName: "reports/mutation/mutation.json" },
    tempDirName: ".stryker-tmp",
};
