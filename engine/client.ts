// The engine side of the Analyzer protocol, one import for its users (the scanner, the tests, the bench), one file
// per concern: wire.ts (values and messages), pack.ts (the pack process and its client), policy-config.ts (config
// reconcile and validation), replay.ts (the engine's call sequence for a preview).
export * from "./wire";
export * from "./pack";
export * from "./policy-config";
export * from "./replay";
