// Values that resources of a stack generate or hold as secrets, for telling a generated secret from a literal one by value
// where a state has no property dependencies (imported or discovered resources).
import { Graph } from "./graph";
import { REDACTED_SECRET, asString, isRecord, parseJsonish } from "./values";

const RANDOM_PASSWORD = "random:index/randomPassword:RandomPassword";
const SECRET_VERSION = "aws:secretsmanager/secretVersion:SecretVersion";

const STACK_REFERENCE = "pulumi:pulumi:StackReference";

/**
 * Known passwords that resources of the stack generate or hold (RandomPassword results, SecretVersion strings and
 * their JSON fields, StackReference outputs), and whether one of them is redacted ("[secret]"), so may be any password.
 */
export function generatedValues(graph: Graph): { values: Set<string>; redacted: boolean } {
    const values = new Set<string>();
    let redacted = false;
    const add = (v: unknown): void => {
        if (v === REDACTED_SECRET) redacted = true;
        const text = asString(v);
        if (text) values.add(text);
    };
    for (const r of graph.ofType(RANDOM_PASSWORD)) add(r.props.result);
    for (const r of graph.ofType(SECRET_VERSION)) {
        add(r.props.secretString);
        const parsed = parseJsonish(r.props.secretString);
        if (isRecord(parsed)) Object.values(parsed).forEach(add);
    }
    for (const r of graph.ofType(STACK_REFERENCE)) {
        const outputs = r.props.outputs;
        if (outputs === REDACTED_SECRET) redacted = true;
        if (isRecord(outputs)) Object.values(outputs).forEach(add);
    }
    return { values, redacted };
}

