// Tests run on the compiled output (npm test builds first), so the suite checks exactly what ships.
module.exports = {
    testEnvironment: "node",
    roots: ["<rootDir>/bin/test", "<rootDir>/bin/examples"],
    testMatch: ["**/*.test.js"],
};
