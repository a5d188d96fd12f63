// Tests run on the compiled output (npm test builds first), so the suite checks exactly what ships; the plain
// JavaScript example pack is run as written.
module.exports = {
    testEnvironment: "node",
    roots: ["<rootDir>/bin/test", "<rootDir>/bin/examples", "<rootDir>/examples/custom-pack"],
    testMatch: ["**/*.test.js"],
    // The example pack requires the package by name, as a consumer does; here that name is this checkout's build.
    moduleNameMapper: { "^aws-guardrails/(library|testing)$": "<rootDir>/bin/$1/index.js" },
};
