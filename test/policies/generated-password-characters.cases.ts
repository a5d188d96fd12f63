import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const RANDOM = "random:index/randomPassword:RandomPassword";
const CLUSTER = "aws:rds/cluster:Cluster";
const INSTANCE = "aws:rds/instance:Instance";
const DOCDB = "aws:docdb/cluster:Cluster";
const REDSHIFT = "aws:redshift/cluster:Cluster";
const REDIS = "aws:elasticache/replicationGroup:ReplicationGroup";
const SECRET_VERSION = "aws:secretsmanager/secretVersion:SecretVersion";

function random(props: Record<string, unknown> = {}): CaseResource {
    return { type: RANDOM, name: "db-password", props: { length: 32, special: true, result: UNKNOWN, ...props } };
}

function db(type: string, property: string, props: Record<string, unknown> = {}, name = "db"): CaseResource {
    return { type, name, props: { [property]: UNKNOWN, ...props }, propertyDependencies: { [property]: ["db-password"] } };
}

const cluster = (props: Record<string, unknown> = {}) => db(CLUSTER, "masterPassword", { engine: "aurora-postgresql", ...props });

export const cases: Cases = {
    valid: [
        { why: "overrideSpecial without the characters RDS rejects", resources: [random({ overrideSpecial: "!#$%&*()-_=+[]{}<>:?" }), cluster()] },
        { why: "special: false", resources: [random({ special: false }), cluster()] },
        { why: "ElastiCache AUTH token with only the specials it accepts", resources: [random({ overrideSpecial: "!&#$^<>-" }), db(REDIS, "authToken")] },
        { why: "Redshift with safe specials and every class on", resources: [random({ overrideSpecial: "!#$%^&*-_", length: 24 }), db(REDSHIFT, "masterPassword")] },
        { why: "MySQL instance with a 32-character password without @", resources: [random({ overrideSpecial: "_-", length: 32 }), db(INSTANCE, "password", { engine: "mysql" })] },
        { why: "generator inputs unknown during preview", resources: [random({ overrideSpecial: UNKNOWN }), cluster()] },
        { why: "password not from a generator (managed elsewhere)", resources: [{ type: CLUSTER, name: "db", props: { masterPassword: UNKNOWN, engine: "aurora-mysql" } }] },
        {
            why: "through a Secrets Manager secret version, safe specials",
            resources: [
                random({ overrideSpecial: "_-" }),
                { type: SECRET_VERSION, name: "db-secret", props: { secretString: secret("{}") }, propertyDependencies: { secretString: ["db-password"] } },
                { type: CLUSTER, name: "db", props: { masterPassword: UNKNOWN }, propertyDependencies: { masterPassword: ["db-secret"] } },
            ],
        },
        { why: "state: known secret value with safe specials", resources: [random({ overrideSpecial: "!#$%", result: secret("Abc!def#ghi$jkl%mno") }), cluster({ masterPassword: secret("Abc!def#ghi$jkl%mno") })] },
        { why: "DocumentDB elastic cluster authenticating with a secret ARN", resources: [random(), db("aws:docdb/elasticCluster:ElasticCluster", "adminUserPassword", { authType: "SECRET_ARN" })] },
        { why: "malformed generator inputs (no specials)", resources: [random({ special: false, overrideSpecial: 42, length: "long", upper: "no" }), db(REDSHIFT, "masterPassword")] },
    ],
    invalid: [
        {
            why: "random's default specials (with @) into an Aurora master password",
            resources: [random(), cluster()],
            messageId: "mayContain",
            on: "db",
            count: 1,
            includes: ["db-password", "`@`", "RDS", "overrideSpecial"],
        },
        { why: "overrideSpecial with / for DocumentDB", resources: [random({ overrideSpecial: "/_-" }), db(DOCDB, "masterPassword")], messageId: "mayContain", on: "db", includes: ["`/`", "DocumentDB"] },
        { why: "default specials into an ElastiCache AUTH token", resources: [random(), db(REDIS, "authToken")], messageId: "mayContain", on: "db", includes: ["ElastiCache"] },
        { why: "RDS for Oracle rejects &", resources: [random({ overrideSpecial: "&_", length: 20 }), db(INSTANCE, "password", { engine: "oracle-se2" })], messageId: "mayContain", on: "db", includes: ["`&`"] },
        {
            why: "through a Secrets Manager secret version",
            resources: [
                random(),
                { type: SECRET_VERSION, name: "db-secret", props: { secretString: UNKNOWN }, propertyDependencies: { secretString: ["db-password"] } },
                { type: REDSHIFT, name: "warehouse", props: { masterPassword: UNKNOWN }, propertyDependencies: { masterPassword: ["db-secret"] } },
            ],
            messageId: "mayContain",
            on: "warehouse",
        },
        { why: "64 characters for MySQL (8-41)", resources: [random({ special: false, length: 64 }), db(INSTANCE, "password", { engine: "mysql" })], messageId: "lengthOutOfRange", on: "db", includes: ["64", "41"] },
        { why: "ElastiCache token shorter than 16", resources: [random({ special: false, length: 12 }), db(REDIS, "authToken")], messageId: "lengthOutOfRange", on: "db" },
        { why: "Redshift password without digits", resources: [random({ special: false, numeric: false }), db(REDSHIFT, "masterPassword")], messageId: "missingClass", on: "db", includes: ["numeric"] },
        { why: "malformed overrideSpecial falls back to the default specials", resources: [random({ overrideSpecial: 42, special: "maybe" }), cluster()], messageId: "mayContain", on: "db" },
        {
            why: "state: the known value (secret) contains @",
            resources: [random({ result: secret("abc@defghij12345") }), cluster({ masterPassword: secret("abc@defghij12345") })],
            messageId: "valueRejected",
            on: "db",
        },
        {
            why: "state: the known value passed, the generator still may draw @ (advisory)",
            resources: [random({ result: secret("abcdefghij12345XY") }), cluster({ masterPassword: secret("abcdefghij12345XY") })],
            messageId: "mayContainOnReplace",
            on: "db",
            level: "advisory",
        },
    ],
};
