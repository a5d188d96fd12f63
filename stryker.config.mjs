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
        config: {
            testMatch: ["<rootDir>/bin/test/policies.test.js", "<rootDir>/bin/test/meta.test.js"],
            transform: {},
            // Every mutant run loads both test files afresh, and @pulumi/pulumi (under @pulumi/policy) eagerly requires
            // typescript and @npmcli/arborist for closure serialization, which policies never use: compiling them was about
            // half of each run. They resolve to an inert module here (any JSON file); if a test ever needed them, the
            // initial test run would fail instead of the scores going wrong.
            moduleNameMapper: { "^typescript$": "<rootDir>/package.json", "^@npmcli/arborist$": "<rootDir>/package.json" },
        },
        enableFindRelatedTests: false,
    },
    coverageAnalysis: "perTest",
    concurrency: 2,
    // Jest run again and again in one process keeps some of every run alive: a worker's run took ~0.7 s of CPU at the start and
    // ~3 s after a few hundred mutants. A fresh worker every 40 runs (a ~2 s restart) keeps every run at the fast end.
    maxTestRunnerReuse: 40,
    // A static mutant reloads every module for its run (~2-3 s); on a shared 2-core machine the default 5 s slack
    // turned ordinary runs into spurious "Timeout"s (counted as detected). A real infinite loop still times out.
    timeoutMS: 20000,
    reporters: ["clear-text", "progress", "html", "json"],
    htmlReporter: { fileName: "reports/mutation/mutation.html" },
    jsonReporter: { fileName: "reports/mutation/mutation.json" },
    tempDirName: ".stryker-tmp",
};
