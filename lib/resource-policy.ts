// Resource-based policies (key, queue and topic policies): whether a document lets an AWS service principal act.
// Documents arrive as JSON strings or objects; Statement, Principal and Action may each be one value or a list.
import { globToRegExp } from "./glob";
import { asArray, asString, isRecord, isUnknown, parseJsonish } from "./values";

/** true: some Allow statement grants it; false: the known document grants it nowhere; undefined: cannot tell (unknown parts). */
export type Verdict = boolean | undefined;

/** Strings of a one-or-many field, and whether any entry (or the field) is unknown. */
function entries(raw: unknown): { values: string[]; unknown: boolean } {
    if (isUnknown(raw)) return { values: [], unknown: true };
    const list = asArray(raw);
    return { values: list.map(asString).filter((v): v is string => v !== undefined), unknown: list.some(isUnknown) };
}

/** Whether a Principal lets the service in: "*", {AWS: "*"} or a matching {Service: ...} entry. */
function principalAdmits(principal: unknown, isService: (name: string) => boolean): Verdict {
    if (isUnknown(principal)) return undefined;
    if (asString(principal) === "*") return true;
    if (!isRecord(principal)) return false;
    const aws = entries(principal.AWS);
    const service = entries(principal.Service);
    if (aws.values.includes("*") || service.values.some((s) => isService(s.trim().toLowerCase()))) return true;
    return aws.unknown || service.unknown || isUnknown(principal.AWS) ? undefined : false;
}

/** Whether Action (or NotAction) covers the action; patterns may hold wildcards and any case. */
function actionCovered(statement: Record<string, unknown>, action: string): Verdict {
    if (statement.NotAction !== undefined) {
        const not = entries(statement.NotAction);
        if (not.values.some((a) => globToRegExp(a.trim()).test(action))) return false;
        return not.unknown ? undefined : true;
    }
    const allowed = entries(statement.Action);
    if (allowed.values.some((a) => globToRegExp(a.trim()).test(action))) return true;
    return allowed.unknown ? undefined : false;
}

/**
 * Whether the document has an Allow statement letting a service principal (`isService` gets it lower-cased) perform
 * `action`. Conditions are not evaluated (they can only narrow a grant), so a conditioned grant counts as a grant.
 * A document that is not a policy at all grants nothing.
 */
export function allowsService(document: unknown, isService: (name: string) => boolean, action: string): Verdict {
    const doc = parseJsonish(document);
    if (isUnknown(doc)) return undefined;
    if (!isRecord(doc)) return false;
    if (isUnknown(doc.Statement)) return undefined;
    let unsure = false;
    for (const s of asArray(doc.Statement)) {
        if (isUnknown(s)) unsure = true;
        if (!isRecord(s)) continue;
        const effect = isUnknown(s.Effect) ? undefined : asString(s.Effect)?.trim().toLowerCase();
        if (effect === "deny") continue;
        // NotPrincipal with Allow admits everyone not listed: too rare and too odd to judge.
        const who = s.NotPrincipal !== undefined ? undefined : principalAdmits(s.Principal, isService);
        const what = actionCovered(s, action);
        if (effect === "allow" && who === true && what === true) return true;
        if (who !== false && what !== false && (effect === undefined ? isUnknown(s.Effect) : true)) unsure = true;
    }
    return unsure ? undefined : false;
}

/** Whether any of the documents lets the service perform any of the actions: true if one grants, undefined if one cannot be judged. */
export function anyAllows(documents: readonly unknown[], isService: (name: string) => boolean, actions: readonly string[]): Verdict {
    const verdicts = documents.flatMap((d) => actions.map((a) => allowsService(d, isService, a)));
    if (verdicts.includes(true)) return true;
    return verdicts.includes(undefined) ? undefined : false;
}

/** A matcher for one global service principal ("s3.amazonaws.com"), also in its China-partition form. */
export function servicePrincipal(service: string): (name: string) => boolean {
    return (name) => name === `${service}.amazonaws.com` || name === `${service}.amazonaws.com.cn`;
}
