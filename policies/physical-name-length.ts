import { isAutoName } from "../lib/autoname";
import { matchesAny } from "../lib/glob";
import { GENERATED_SUFFIX_LENGTH, NAME_LIMITS_AS_OF, NAME_TYPES, NameSpec } from "../lib/name-limits";
import { definePolicy } from "../lib/policy";
import { withNative } from "../lib/native";
import { asNumber, asString, isRecord } from "../lib/values";

interface NameLengthConfig {
    ignoreTypes: string[];
    maxLengths: Record<string, number>;
}

const DATA = `(AWS naming rules as of ${NAME_LIMITS_AS_OF}, data/name-limits.json.)`;

/** The longest name AWS accepts here, and what it is called; an unknown deciding property gets the larger limit; a configured one wins. */
function limitOf(spec: NameSpec, read: (path: string) => unknown, what: string, configured: number | undefined): { max: number; what: string } {
    if (configured !== undefined) return { max: configured, what };
    const when = spec.maxWhen;
    const decider = when ? asString(read(when.property)) : undefined;
    if (when && decider !== undefined && when.values.includes(decider)) return { max: when.max, what: when.says };
    return { max: spec.max, what };
}

// On a resource in the state the name was accepted once: the limit bites when it is created again.
const ACCEPTED_ONCE =
    "This resource is already in the stack's state, so AWS accepted the name when it was created (or the limit is newer); the limit applies again when the resource is replaced or the name is reused by a new deployment.";

export default definePolicy<NameLengthConfig>({
    kind: "resource",
    name: "physical-name-length",
    family: "names",
    description: "Physical names and name prefixes fit AWS's length and character rules for their resource type, so the create call is not rejected.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: withNative([...NAME_TYPES.keys()]),
    config: {
        ignoreTypes: {
            type: "array",
            items: { type: "string", minLength: 1 },
            default: [],
            description: 'Type tokens (globs allowed, e.g. "aws:iam/*") whose names are not checked.',
        },
        maxLengths: {
            type: "object",
            additionalProperties: { type: "integer", minimum: 1 },
            default: {},
            description: `Longest name per type token, where AWS has changed a limit since the pack's data (as of ${NAME_LIMITS_AS_OF}), e.g. {"aws:lb/targetGroup:TargetGroup": 32}.`,
        },
    },
    messages: {
        tooLong:
            "{{property}} is {{value}}, {{length}} characters, but {{what}} can have at most {{max}}, so AWS rejects the create call. " +
            `Shorten it to {{max}} characters or fewer (keep the environment suffix). ${DATA}`,
        autonameTooLong:
            "{{property}} is {{value}}, {{length}} characters, which Pulumi autonaming made from the logical name and a random suffix; " +
            "{{what}} can have at most {{max}}, so the create call fails. Shorten the logical name to at most {{room}} characters, or set {{property}} explicitly. " +
            DATA,
        tooShort: `{{property}} is {{value}}, {{length}} characters, but {{what}} needs at least {{min}}, so AWS rejects the create call. Use a longer name. ${DATA}`,
        invalidName: `{{property}} is {{value}}, but {{what}} allows {{rule}}, so AWS rejects the create call. Rename it to fit. ${DATA}`,
        autonameInvalid:
            "{{property}} is {{value}}, which Pulumi autonaming made from the logical name, but {{what}} allows {{rule}}, so the create call fails. " +
            `Rename the resource (its logical name) to fit, or set {{property}} explicitly. ${DATA}`,
        prefixTooLong:
            "{{property}} is {{value}}, {{length}} characters; the provider appends a {{generated}}-character unique suffix and {{what}} can have at most {{max}}, " +
            `so the prefix can have at most {{prefixMax}} and the create call fails. Shorten the prefix, or leave it unset so Pulumi autonames the resource. ${DATA}`,
    },
    existingResources: {
        tooLong: ACCEPTED_ONCE,
        autonameTooLong: ACCEPTED_ONCE,
        tooShort: ACCEPTED_ONCE,
    },
    remediationSteps:
        "Shorten or rename the physical name (name, bucket, clusterIdentifier, ...) to the length and characters AWS allows for the type, keeping the " +
        "environment suffix; for an autonamed resource shorten its logical name. A name prefix must leave room for the 26-character unique suffix.",
    check({ resource, config, get, report }) {
        const spec = NAME_TYPES.get(resource.type);
        if (!spec || matchesAny(resource.type, config.ignoreTypes ?? [])) return;
        const configured = isRecord(config.maxLengths) ? asNumber(config.maxLengths[resource.type]) : undefined;
        for (const [property, rule] of Object.entries(spec.names)) {
            const value = get(property);
            // Unknown, absent or not a string: nothing to judge at preview.
            const name = asString(value);
            if (name === undefined || (rule.skip !== undefined && name.includes(rule.skip))) continue;
            const auto = isAutoName(resource.name, name);
            const limit = limitOf(rule, get, spec.what, configured);
            const data = { property, value, length: name.length, what: limit.what, max: limit.max, min: rule.min };
            if (name.length > limit.max) {
                report(auto ? "autonameTooLong" : "tooLong", { ...data, room: Math.max(0, limit.max - (name.length - resource.name.length)) });
            } else if (name.length < rule.min) {
                report("tooShort", data);
            } else {
                const broken = rule.rules.find((r) => r.test.test(name) !== r.mustMatch);
                if (broken) report(auto ? "autonameInvalid" : "invalidName", { ...data, rule: broken.says });
            }
        }
        const longest = Object.values(spec.names).reduce((m, r) => Math.max(m, r.max), 0);
        for (const [property, dataPrefixMax] of Object.entries(spec.prefixes)) {
            const value = get(property);
            const prefix = asString(value);
            // A configured maximum moves the prefix's room by as much as it moves the name's.
            const prefixMax = configured === undefined ? dataPrefixMax : dataPrefixMax + configured - longest;
            if (prefix === undefined || prefix.length <= prefixMax) continue;
            report("prefixTooLong", { property, value, length: prefix.length, what: spec.what, max: configured ?? longest, prefixMax, generated: GENERATED_SUFFIX_LENGTH });
        }
    },
});
