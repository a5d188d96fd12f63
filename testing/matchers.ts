// Jest matchers over a GuardrailsResult. Importing aws-guardrails/testing registers them on jest's global
// `expect` (and augments jest's Matchers type); `guardrailsMatchers` is exported for an explicit expect.extend.
import { policies } from "../policies";
import { FindingLevel, GuardrailsFinding, GuardrailsResult, formatFindings } from "./result";

export interface ViolationQuery {
    /** The logical name of the resource the finding is on (the first argument of its constructor). */
    resourceName?: string;
    level?: FindingLevel;
}

export interface GuardrailsMatchers<R> {
    /** Passes when no enabled policy reports a mandatory finding (what would make `pulumi preview` fail). */
    toHaveNoMandatoryViolations(): R;
    /** Passes when `policy` reports a finding, optionally on the named resource and at the given level. */
    toHaveViolation(policy: string, where?: ViolationQuery): R;
}

declare global {
    // Jest's own typings (@types/jest) declare their matchers here; the type parameters must match theirs.
    namespace jest {
        interface Matchers<R, T = {}> extends GuardrailsMatchers<R> {}
    }
}

interface MatcherContext {
    isNot?: boolean;
}

interface MatcherResult {
    pass: boolean;
    message(): string;
}

const LEVELS: readonly FindingLevel[] = ["mandatory", "advisory"];

/** A result from checkProgram (checked by shape: the test may load this module through another path). */
function resultOf(received: unknown, matcher: string): GuardrailsResult {
    if (received instanceof Promise) {
        throw new Error(`${matcher}: received a Promise; write \`expect(await checkProgram(...)).${matcher}(...)\``);
    }
    const r = received as Partial<GuardrailsResult> | null;
    if (!r || !Array.isArray(r.findings) || typeof r.summary !== "function" || !Array.isArray(r.resources)) {
        throw new Error(`${matcher}: expected the result of checkProgram(...), got ${received === null ? "null" : typeof received}`);
    }
    return r as GuardrailsResult;
}

function listed(findings: readonly GuardrailsFinding[], result: GuardrailsResult): string {
    return findings.length === 0 ? "  (none)" : formatFindings(findings, result.resources);
}

function toHaveNoMandatoryViolations(this: MatcherContext, received: unknown): MatcherResult {
    const result = resultOf(received, "toHaveNoMandatoryViolations");
    const mandatory = result.mandatory();
    return {
        pass: mandatory.length === 0,
        message: () =>
            mandatory.length === 0
                ? `expected mandatory violations, found none.\n\n${result.summary()}`
                : `expected no mandatory violations, found ${mandatory.length}:\n${listed(mandatory, result)}\n\n${result.summary()}`,
    };
}

function toHaveViolation(this: MatcherContext, received: unknown, policy: string, where: ViolationQuery = {}): MatcherResult {
    const result = resultOf(received, "toHaveViolation");
    // A misspelt name would make `.not.toHaveViolation` pass vacuously.
    if (!policies.some((p) => p.name === policy)) {
        throw new Error(`toHaveViolation: ${JSON.stringify(policy)} is not a policy of aws-guardrails (known: ${policies.map((p) => p.name).sort().join(", ")})`);
    }
    if (where.level !== undefined && !LEVELS.includes(where.level)) {
        throw new Error(`toHaveViolation: level must be "mandatory" or "advisory", got ${JSON.stringify(where.level)}`);
    }
    const matches = result.findings.filter(
        (f) => f.policy === policy && (where.resourceName === undefined || f.resourceName === where.resourceName) && (where.level === undefined || f.level === where.level),
    );
    const what = `${where.level ? `${where.level} ` : ""}violation of ${policy}${where.resourceName !== undefined ? ` on ${where.resourceName}` : ""}`;
    return {
        pass: matches.length > 0,
        message: () =>
            matches.length > 0
                ? `expected no ${what}, found ${matches.length}:\n${listed(matches, result)}`
                : `expected a ${what}, found none.\n\n${result.summary()}`,
    };
}

/** For `expect.extend(guardrailsMatchers)` where jest's `expect` is not a global (e.g. `@jest/globals`). */
export const guardrailsMatchers = { toHaveNoMandatoryViolations, toHaveViolation };

interface Expect {
    extend(matchers: Record<string, (this: never, ...args: never[]) => MatcherResult>): void;
}

/** Registers the matchers on jest's global `expect`, if there is one; true when it did. */
export function registerMatchers(): boolean {
    const expect = (globalThis as { expect?: Partial<Expect> }).expect;
    if (typeof expect?.extend !== "function") return false;
    expect.extend(guardrailsMatchers);
    return true;
}
