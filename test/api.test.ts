// The versioned API: the public declarations of aws-guardrails/library and aws-guardrails/testing must match the
// committed api/*.api.txt. A difference is a change users see: if it is intended, run `npm run api`, record it in
// CHANGELOG.md, and bump the version as semver says (removed or narrowed: major; added: minor).
import { readFileSync } from "fs";
import { API_ENTRIES, apiFile, apiReports } from "../tools/api";

jest.setTimeout(120_000);

let reports: Record<string, string>;
beforeAll(() => {
    reports = apiReports();
});

test.each(Object.keys(API_ENTRIES))("aws-guardrails/%s has the committed API (update: npm run api)", (name) => {
    expect(reports[name]).toBe(readFileSync(apiFile(name), "utf8"));
});
