import { Graph } from "../lib/graph";
import { definePolicy } from "../lib/policy";
import { Resource } from "../lib/resource";
import { asBool, asNumber, asString, get, isUnknown } from "../lib/values";

const RANDOM_PASSWORD = "random:index/randomPassword:RandomPassword";
const RANDOM_STRING = "random:index/randomString:RandomString";
const GENERATORS = [RANDOM_PASSWORD, RANDOM_STRING];
const SECRET_VERSION = "aws:secretsmanager/secretVersion:SecretVersion";

// The random provider's special characters when overrideSpecial is unset (terraform-provider-random / @pulumi/random docs).
const RANDOM_DEFAULT_SPECIAL = "!@#$%&*()-_=+[]{}<>:?";
const PRINTABLE_SPECIAL = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ ";

/** What a service accepts in a password, per the AWS API reference of its create call (all regions; checked 2026-12-07). */
interface Rules {
    service: string;
    paths: readonly string[];
    /** Special characters (and space) the service rejects. */
    forbidden(r: Resource): string;
    /** Length limits; undefined when they depend on something unknown. */
    length(r: Resource): { min: number; max: number } | undefined;
    /** Character classes the service requires (Redshift). */
    requiresClasses?: boolean;
    source: string;
    /** The resource takes no password at this path (another authentication type). */
    skip?(r: Resource): boolean;
}

const RDS_FORBIDDEN = "/\"@ ";

/** RDS for <engine> password lengths, from the CreateDBInstance MasterUserPassword constraints. */
function rdsInstanceLength(r: Resource): { min: number; max: number } | undefined {
    const engine = asString(get(r.props, "engine"))?.toLowerCase();
    if (!engine) return undefined;
    if (engine === "mysql" || engine === "mariadb") return { min: 8, max: 41 };
    if (engine.startsWith("oracle")) return { min: 8, max: 30 };
    if (engine === "postgres" || engine.startsWith("sqlserver")) return { min: 8, max: 128 };
    if (engine.startsWith("db2")) return { min: 8, max: 255 };
    return undefined;
}

const TARGETS: Record<string, Rules> = {
    "aws:rds/instance:Instance": {
        service: "RDS",
        paths: ["password", "passwordWo"],
        forbidden: (r) => (asString(get(r.props, "engine"))?.toLowerCase().startsWith("oracle") ? `${RDS_FORBIDDEN}&'` : RDS_FORBIDDEN),
        length: rdsInstanceLength,
        source: "RDS API reference, CreateDBInstance MasterUserPassword",
    },
    "aws:rds/cluster:Cluster": { service: "RDS", paths: ["masterPassword", "masterPasswordWo"], forbidden: () => RDS_FORBIDDEN, length: () => undefined, source: "RDS API reference, CreateDBCluster MasterUserPassword" },
    "aws:docdb/cluster:Cluster": {
        service: "DocumentDB",
        paths: ["masterPassword", "masterPasswordWo"],
        forbidden: () => "/\"@",
        length: () => ({ min: 8, max: 100 }),
        source: "DocumentDB API reference, CreateDBCluster MasterUserPassword",
    },
    "aws:docdb/elasticCluster:ElasticCluster": {
        service: "DocumentDB elastic clusters",
        paths: ["adminUserPassword"],
        forbidden: () => "/\"@",
        length: () => ({ min: 8, max: 100 }),
        source: "DocumentDB elastic clusters API reference, CreateCluster adminUserPassword",
        skip: (r) => asString(get(r.props, "authType"))?.toUpperCase() !== "PLAIN_TEXT",
    },
    "aws:redshift/cluster:Cluster": {
        service: "Redshift",
        paths: ["masterPassword", "masterPasswordWo"],
        forbidden: () => "'\"\\/@ ",
        length: () => ({ min: 8, max: 64 }),
        requiresClasses: true,
        source: "Redshift API reference, CreateCluster MasterUserPassword",
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": {
        service: "ElastiCache",
        paths: ["authToken", "authTokenWo"],
        forbidden: () => [...PRINTABLE_SPECIAL].filter((c) => !"!&#$^<>-".includes(c)).join(""),
        length: () => ({ min: 16, max: 128 }),
        source: "ElastiCache API reference, CreateReplicationGroup AuthToken",
    },
};

/** What a generator can produce, from its (non-secret) inputs; undefined when an input is unknown. */
interface Generated {
    resource: Resource;
    specials: string;
    length?: number;
    /** Character classes switched off (upper, lower, numeric). */
    classesOff: string[];
}

function generatedBy(random: Resource): Generated | undefined {
    const read = (key: string) => get(random.props, key);
    const keys = ["special", "overrideSpecial", "length", "upper", "lower", "numeric", "number"];
    if (keys.some((k) => isUnknown(read(k)))) return undefined;
    const override = asString(read("overrideSpecial"));
    const specials = asBool(read("special")) === false ? "" : override ? override : RANDOM_DEFAULT_SPECIAL;
    const classesOff = ["upper", "lower", "numeric"].filter((c) => asBool(read(c)) === false || (c === "numeric" && asBool(read("number")) === false));
    return { resource: random, specials, length: asNumber(read("length")), classesOff };
}

/** The generator a property's value came from: directly, or through the secret string of an aws.secretsmanager.SecretVersion. */
function generatorOf(graph: Graph, r: Resource, property: string): Resource | undefined {
    const sources = graph.sourcesOf(r, property);
    const direct = sources.find((s) => GENERATORS.includes(s.type));
    if (direct) return direct;
    for (const version of sources.filter((s) => s.type === SECRET_VERSION)) {
        const inner = graph.sourcesOf(version, "secretString").find((s) => GENERATORS.includes(s.type));
        if (inner) return inner;
    }
    return undefined;
}

/** Characters as a readable list for messages: `@`, `/`, space. */
function charList(chars: string): string {
    return [...new Set(chars)].map((c) => (c === " " ? "space" : `\`${c}\``)).join(", ");
}

export default definePolicy({
    kind: "stack",
    name: "generated-password-characters",
    family: "secrets",
    description:
        "A database or cache password generated by random.RandomPassword (or RandomString) can only produce characters and lengths the service accepts; " +
        "random's default special characters include `@`, which RDS, DocumentDB and Redshift reject, so creates fail on some runs.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: [...GENERATORS, SECRET_VERSION, ...Object.keys(TARGETS)],
    messages: {
        mayContain:
            "{{property}} comes from {{generator}}, whose special characters ({{specials}}) include {{rejected}}, which {{service}} rejects in this password; " +
            "the create fails on the runs where the generated value contains one. Set `overrideSpecial` on {{generator}} to characters {{service}} accepts " +
            "(e.g. {{suggestion}}), or `special: false`. ({{source}}; all regions; checked 2026-12-07.)",
        mayContainOnReplace:
            "{{property}} comes from {{generator}}, whose special characters ({{specials}}) include {{rejected}}, which {{service}} rejects; the current value passed, " +
            "but a new stack or a replaced password fails on the runs that draw one. Set `overrideSpecial` on {{generator}} to characters {{service}} accepts (e.g. {{suggestion}}). " +
            "({{source}}; all regions; checked 2026-12-07.)",
        valueRejected:
            "{{property}} holds a value generated by {{generator}} (not shown) that contains a character {{service}} rejects ({{rejected}}); the create fails. " +
            "Set `overrideSpecial` on {{generator}} to characters {{service}} accepts (e.g. {{suggestion}}) and let it generate a new value. ({{source}}; checked 2026-12-07.)",
        lengthOutOfRange:
            "{{property}} comes from {{generator}} with length {{length}}, but {{service}} accepts {{min}} to {{max}} characters here; the create fails. " +
            "Set `length` on {{generator}} within that range. ({{source}}; checked 2026-12-07.)",
        missingClass:
            "{{property}} comes from {{generator}} with {{classes}} switched off, but {{service}} requires at least one uppercase letter, one lowercase letter and one digit; " +
            "the create fails. Leave upper, lower and numeric on (and set minUpper, minLower, minNumeric to 1). ({{source}}; checked 2026-12-07.)",
    },
    advisoryMessages: ["mayContainOnReplace"],
    remediationSteps:
        "Give the random.RandomPassword that feeds a database or cache password an `overrideSpecial` the service accepts — RDS and DocumentDB: no `/`, `\"`, `@` or space " +
        "(RDS for Oracle also no `&` or `'`); Redshift: no `'`, `\"`, `\\`, `/`, `@` or space; ElastiCache AUTH tokens: only `!&#$^<>-` — or set `special: false`, " +
        "and a `length` the engine accepts (MySQL/MariaDB 8-41, Oracle 8-30, DocumentDB 8-100, Redshift 8-64, ElastiCache 16-128). Better still, let the service " +
        "manage the password (`manageMasterUserPassword: true`).",
    counterparts: "none in FSBP or checkov; cfn-lint validates only literal passwords against the schema, not a generator's character set",
    check({ graph, report }) {
        for (const r of graph.ofType(...Object.keys(TARGETS))) {
            const rules = TARGETS[r.type];
            if (rules.skip?.(r)) continue;
            for (const property of rules.paths) {
                const random = generatorOf(graph, r, property);
                const generated = random ? generatedBy(random) : undefined;
                if (!generated) continue;
                const forbidden = rules.forbidden(r);
                const rejected = [...generated.specials].filter((c) => forbidden.includes(c)).join("");
                const accepted = [...generated.specials].filter((c) => !forbidden.includes(c)).join("") || [...RANDOM_DEFAULT_SPECIAL].filter((c) => !forbidden.includes(c)).join("");
                const data = { property, generator: generated.resource.name, service: rules.service, source: rules.source, specials: generated.specials, rejected: charList(rejected), suggestion: `\`overrideSpecial: "${accepted}"\`` };
                const limits = rules.length(r);
                if (limits && generated.length !== undefined && (generated.length < limits.min || generated.length > limits.max)) {
                    report("lengthOutOfRange", { ...data, length: generated.length, min: limits.min, max: limits.max }, r);
                }
                if (rules.requiresClasses && generated.classesOff.length > 0) report("missingClass", { ...data, classes: generated.classesOff.join(", ") }, r);
                if (rejected === "") continue;
                const value = asString(get(r.props, property));
                if (value === undefined) report("mayContain", data, r);
                else if ([...value].some((c) => forbidden.includes(c))) report("valueRejected", { ...data, rejected: charList(forbidden) }, r);
                else report("mayContainOnReplace", data, r);
            }
        }
    },
});
