import { CaseResource, Cases, UNKNOWN, secret } from "../tester";

const CLUSTER = "aws:rds/cluster:Cluster";
const INSTANCE = "aws:rds/instance:Instance";
const RANDOM = "random:index/randomPassword:RandomPassword";
const SECRET_VERSION = "aws:secretsmanager/secretVersion:SecretVersion";
const aurora = { engine: "aurora-postgresql", engineVersion: "15.10", masterUsername: "dbadmin", skipFinalSnapshot: true, storageEncrypted: true };
const generated: CaseResource = { type: RANDOM, name: "db-password", props: { length: 32, special: true } };
const config = (values: Record<string, string>) => ({ PULUMI_CONFIG: JSON.stringify({ "aws:region": "us-east-1", ...values }) });
/** A config object with `leaf` under `levels` nested objects. */
const nested = (levels: number, leaf: string): unknown => (levels === 0 ? leaf : { level: nested(levels - 1, leaf) });

export const cases: Cases = {
    valid: [
        {
            why: "password from random.RandomPassword (known on update, secret)",
            resources: [
                { ...generated, props: { ...generated.props, result: secret("q7Z#generated#kP2") } },
                { type: CLUSTER, name: "db", props: { ...aurora, masterPassword: secret("q7Z#generated#kP2") }, propertyDependencies: { masterPassword: ["db-password"] } },
            ],
        },
        {
            why: "state of an imported cluster (no property dependencies): the password is the RandomPassword's result",
            resources: [
                { ...generated, props: { ...generated.props, result: secret("q7Z#generated#kP2") } },
                { type: CLUSTER, name: "db", props: { ...aurora, masterPassword: secret("q7Z#generated#kP2") } },
            ],
        },
        {
            why: "state without property dependencies: the password is a field of a SecretVersion's JSON",
            resources: [
                { type: SECRET_VERSION, name: "db-secret-v1", props: { secretId: "db-secret", secretString: secret('{"username":"app","password":"from-sm-123456"}') } },
                { type: INSTANCE, name: "db", props: { engine: "postgres", password: secret("from-sm-123456") } },
            ],
        },
        { why: "generated password unknown during the first preview", resources: [generated, { type: CLUSTER, name: "db", props: { ...aurora, masterPassword: UNKNOWN }, propertyDependencies: { masterPassword: ["db-password"] } }] },
        { why: "RDS manages the password in Secrets Manager", resources: [{ type: CLUSTER, name: "db", props: { ...aurora, manageMasterUserPassword: true } }] },
        {
            why: "seed 004 fix: password read from a SecretVersion in the stack",
            resources: [
                { type: SECRET_VERSION, name: "db-secret-v1", props: { secretId: UNKNOWN, secretString: secret("{\"password\":\"from-sm-123456\"}") } },
                { type: INSTANCE, name: "db", props: { engine: "postgres", password: secret("from-sm-123456") }, propertyDependencies: { password: ["db-secret-v1"] } },
            ],
        },
        {
            why: "password from a StackReference output",
            resources: [
                { type: "pulumi:pulumi:StackReference", name: "shared", props: { name: "org/shared/prod", outputs: { dbPassword: secret("shared-stack-pw-9") } } },
                { type: INSTANCE, name: "db", props: { password: secret("shared-stack-pw-9") }, propertyDependencies: { password: ["shared"] } },
            ],
        },
        {
            why: "config secret accepted when allowStackConfig is set",
            env: config({ "shop:dbPassword": "Config-Pass-777" }),
            config: { allowStackConfig: true },
            resources: [{ type: CLUSTER, name: "db", props: { ...aurora, masterPassword: secret("Config-Pass-777") } }],
        },
        { why: "restored from a snapshot: no password", resources: [{ type: CLUSTER, name: "db", props: { ...aurora, snapshotIdentifier: "snap-1" } }] },
        { why: "empty password is not a password", resources: [{ type: INSTANCE, name: "db", props: { password: "" } }] },
        {
            why: "DocumentDB elastic cluster given a Secrets Manager ARN",
            resources: [{ type: "aws:docdb/elasticCluster:ElasticCluster", name: "docs", props: { authType: "SECRET_ARN", adminUserPassword: "arn:aws:secretsmanager:us-east-1:111122223333:secret:docdb-admin" } }],
        },
        { why: "elastic cluster auth type unknown", resources: [{ type: "aws:docdb/elasticCluster:ElasticCluster", name: "docs", props: { authType: UNKNOWN, adminUserPassword: "not-sure-what-this-is" } }] },
        { why: "ElastiCache user with IAM authentication", resources: [{ type: "aws:elasticache/user:User", name: "app-user", props: { userId: "app", userName: "app", engine: "redis", accessString: "on ~* +@all", authenticationMode: { type: "iam" } } }] },
        {
            why: "MQ broker users built from a RandomPassword",
            resources: [
                { ...generated, props: { ...generated.props, result: secret("mq-generated-pw-1") } },
                { type: "aws:mq/broker:Broker", name: "mq", props: { users: [{ username: "admin", password: secret("mq-generated-pw-1") }] }, propertyDependencies: { users: ["db-password"] } },
            ],
        },
        { why: "OpenSearch with an IAM master user", resources: [{ type: "aws:opensearch/domain:Domain", name: "search", props: { advancedSecurityOptions: { enabled: true, masterUserOptions: { masterUserArn: "arn:aws:iam::111122223333:role/search-admin" } } } }] },
        { why: "nested password list unknown", resources: [{ type: "aws:mq/broker:Broker", name: "mq", props: { users: UNKNOWN } }] },
        { why: "one user's password unknown", resources: [{ type: "aws:mq/broker:Broker", name: "mq", props: { users: [{ username: "admin", password: UNKNOWN }] } }] },
        {
            why: "malformed values do not throw",
            resources: [
                { type: INSTANCE, name: "a", props: { password: 12345678 } },
                { type: "aws:mq/broker:Broker", name: "b", props: { users: "garbage" } },
                { type: "aws:elasticache/user:User", name: "c", props: { passwords: [null, 7, { x: 1 }], authenticationMode: "iam" } },
                { type: "aws:opensearch/domain:Domain", name: "d", props: { advancedSecurityOptions: [[{ masterUserOptions: null }]] } },
            ],
        },
        { why: "Neptune has no master password and is not checked", resources: [{ type: "aws:neptune/cluster:Cluster", name: "graph", props: { iamDatabaseAuthenticationEnabled: true } }] },
        { why: "aws-native: RDS manages the password", resources: [{ type: "aws-native:rds:DbCluster", name: "ndb", props: { engine: "aurora-postgresql", manageMasterUserPassword: true } }] },
    ],
    invalid: [
        {
            why: "seed 004: const dbPassword = 'MySecurePassword123!'",
            resources: [{ type: INSTANCE, name: "primary-db", props: { engine: "postgres", username: "dbadmin", password: "MySecurePassword123!" } }],
            messageId: "inProgram",
            on: "primary-db",
            includes: ["password", "manageMasterUserPassword: true", "not shown"],
        },
        {
            why: "seed 002: pulumi.secret('ChangeMe123!Temp') is still written in the program, and never printed",
            resources: [{ type: CLUSTER, name: "aurora-cluster", props: { ...aurora, masterPassword: secret("ChangeMe123!Temp") } }],
            messageId: "inProgram",
            on: "aurora-cluster",
            includes: ["masterPassword", "pulumi.secret()"],
        },
        {
            why: "a dependency on another property does not count",
            resources: [
                generated,
                { type: CLUSTER, name: "db", props: { ...aurora, masterUsername: UNKNOWN, masterPassword: secret("Literal-Pass-1") }, propertyDependencies: { masterUsername: ["db-password"] } },
            ],
            messageId: "inProgram",
            on: "db",
        },
        {
            why: "password from stack config (config.requireSecret)",
            env: config({ "shop:dbPassword": "Config-Pass-777" }),
            resources: [{ type: CLUSTER, name: "db", props: { ...aurora, masterPassword: secret("Config-Pass-777") } }],
            messageId: "inConfig",
            on: "db",
            includes: ["shop:dbPassword", "allowStackConfig"],
        },
        {
            why: "password from a secret config key: said to be encrypted, still static",
            env: { ...config({ "shop:dbPassword": "Config-Pass-778" }), PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(["shop:dbPassword"]) },
            resources: [{ type: CLUSTER, name: "db", props: { ...aurora, masterPassword: secret("Config-Pass-778") } }],
            messageId: "inSecretConfig",
            on: "db",
            includes: ["secret stack config key shop:dbPassword", "encrypted in the stack's config"],
        },
        {
            why: "password inside a structured config object",
            env: config({ "shop:db": JSON.stringify({ user: "admin", password: "Obj3ct-Pass!" }) }),
            resources: [{ type: INSTANCE, name: "db", props: { password: secret("Obj3ct-Pass!") } }],
            messageId: "inConfig",
            on: "db",
            includes: ["shop:db.password"],
        },
        {
            why: "Redshift cluster",
            resources: [{ type: "aws:redshift/cluster:Cluster", name: "warehouse", props: { masterUsername: "admin", masterPassword: "Redshift-Pass1" } }],
            messageId: "inProgram",
            on: "warehouse",
            includes: ["manageMasterPassword: true"],
        },
        { why: "DocumentDB cluster", resources: [{ type: "aws:docdb/cluster:Cluster", name: "docs", props: { masterPassword: "docdb-pass-123" } }], messageId: "inProgram", on: "docs" },
        {
            why: "DocumentDB elastic cluster with a plain-text password",
            resources: [{ type: "aws:docdb/elasticCluster:ElasticCluster", name: "docs", props: { authType: "PLAIN_TEXT", adminUserPassword: "mustbeeightchars" } }],
            messageId: "inProgram",
            on: "docs",
            includes: ["SECRET_ARN"],
        },
        { why: "Redshift Serverless namespace", resources: [{ type: "aws:redshiftserverless/namespace:Namespace", name: "ns", props: { adminUserPassword: "Serverless-Pass1" } }], messageId: "inProgram", on: "ns", includes: ["manageAdminPassword"] },
        {
            why: "ElastiCache auth token",
            resources: [{ type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "cache", props: { transitEncryptionEnabled: true, authToken: secret("redis-auth-token-1234567") } }],
            messageId: "inProgram",
            on: "cache",
            includes: ["authToken"],
        },
        {
            why: "ElastiCache user password list",
            resources: [{ type: "aws:elasticache/user:User", name: "app-user", props: { authenticationMode: { type: "password", passwords: ["user-pass-0123456789"] } } }],
            messageId: "inProgram",
            on: "app-user",
            includes: ["authenticationMode.passwords[0]"],
        },
        { why: "ElastiCache user top-level passwords", resources: [{ type: "aws:elasticache/user:User", name: "u", props: { passwords: ["top-level-pass-12345"] } }], messageId: "inProgram", on: "u", includes: ["passwords[0]"] },
        { why: "MemoryDB user", resources: [{ type: "aws:memorydb/user:User", name: "u", props: { authenticationMode: { type: "password", passwords: [secret("memorydb-pass-123456")] } } }], messageId: "inProgram", on: "u" },
        {
            why: "second MQ user hardcoded",
            resources: [{ type: "aws:mq/broker:Broker", name: "mq", props: { users: [{ username: "svc", password: UNKNOWN }, { username: "admin", password: "mq-admin-pass-1" }] } }],
            messageId: "inProgram",
            on: "mq",
            count: 1,
            includes: ["users[1].password"],
        },
        { why: "DMS endpoint", resources: [{ type: "aws:dms/endpoint:Endpoint", name: "src", props: { engineName: "postgres", password: "dms-pass-1234" } }], messageId: "inProgram", on: "src", includes: ["secretsManagerArn"] },
        {
            why: "OpenSearch internal master user",
            resources: [{ type: "aws:opensearch/domain:Domain", name: "search", props: { advancedSecurityOptions: { enabled: true, internalUserDatabaseEnabled: true, masterUserOptions: { masterUserName: "admin", masterUserPassword: "Search-Admin-1!" } } } }],
            messageId: "inProgram",
            on: "search",
            includes: ["advancedSecurityOptions.masterUserOptions.masterUserPassword", "masterUserArn"],
        },
        { why: "Lightsail database", resources: [{ type: "aws:lightsail/database:Database", name: "ls", props: { masterPassword: "examplepassword123" } }], messageId: "inProgram", on: "ls" },
        { why: "write-only masterPasswordWo on an RDS cluster", resources: [{ type: CLUSTER, name: "db", props: { ...aurora, masterPasswordWo: "WriteOnly-Pass-1", masterPasswordWoVersion: 1 } }], messageId: "inProgram", on: "db", includes: ["masterPasswordWo"] },
        { why: "write-only passwordWo on an RDS instance", resources: [{ type: INSTANCE, name: "db", props: { engine: "mysql", passwordWo: "WriteOnly-Pass-2", passwordWoVersion: 1 } }], messageId: "inProgram", on: "db", includes: ["passwordWo"] },
        {
            why: "write-only masterPasswordWo on DocumentDB: the message names DocumentDB's managed password",
            resources: [{ type: "aws:docdb/cluster:Cluster", name: "docs", props: { masterPasswordWo: "WriteOnly-Pass-3" } }],
            messageId: "inProgram",
            on: "docs",
            includes: ["masterPasswordWo", "DocumentDB keeps the password in Secrets Manager"],
        },
        { why: "write-only masterPasswordWo on Redshift", resources: [{ type: "aws:redshift/cluster:Cluster", name: "warehouse", props: { masterPasswordWo: "WriteOnly-Pass-4" } }], messageId: "inProgram", on: "warehouse", includes: ["masterPasswordWo"] },
        { why: "write-only adminUserPasswordWo on Redshift Serverless", resources: [{ type: "aws:redshiftserverless/namespace:Namespace", name: "ns", props: { adminUserPasswordWo: "WriteOnly-Pass-5" } }], messageId: "inProgram", on: "ns", includes: ["adminUserPasswordWo"] },
        {
            why: "write-only authTokenWo on ElastiCache: the message offers IAM authentication",
            resources: [{ type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "cache", props: { transitEncryptionEnabled: true, authTokenWo: "WriteOnly-Token-6" } }],
            messageId: "inProgram",
            on: "cache",
            includes: ["authTokenWo", "or IAM authentication through `userGroupIds`"],
        },
        {
            why: "write-only passwordsWo on an ElastiCache user: the message offers IAM authentication",
            resources: [{ type: "aws:elasticache/user:User", name: "app-user", props: { passwordsWo: "WriteOnly-Pass-7" } }],
            messageId: "inProgram",
            on: "app-user",
            includes: ["passwordsWo", '`authenticationMode: { type: "iam" }` or a value generated by `random.RandomPassword`'],
        },
        {
            why: "Elasticsearch domain internal master user",
            resources: [{ type: "aws:elasticsearch/domain:Domain", name: "legacy-search", props: { advancedSecurityOptions: { enabled: true, masterUserOptions: { masterUserName: "admin", masterUserPassword: "Legacy-Search-1!" } } } }],
            messageId: "inProgram",
            on: "legacy-search",
            includes: ["advancedSecurityOptions.masterUserOptions.masterUserPassword", "`masterUserArn` (an IAM master user)"],
        },
        {
            why: "MQ broker: the message points to a generated or stored password",
            resources: [{ type: "aws:mq/broker:Broker", name: "mq", props: { users: [{ username: "admin", password: "mq-admin-pass-2" }] } }],
            messageId: "inProgram",
            on: "mq",
            includes: ["Use a value generated by `random.RandomPassword` or read from an `aws.secretsmanager.SecretVersion`"],
        },
        {
            why: "the message names the property the password is in",
            resources: [{ type: INSTANCE, name: "db", props: { engine: "mysql", password: "Plain-Pass-123" } }],
            messageId: "inProgram",
            on: "db",
            includes: ["): password is a fixed value"],
        },
        {
            why: "DocumentDB elastic cluster without authType (AWS requires it): the password is still judged",
            resources: [{ type: "aws:docdb/elasticCluster:ElasticCluster", name: "docs", props: { adminUserPassword: "mustbeeightchars" } }],
            messageId: "inProgram",
            on: "docs",
        },
        {
            why: "a config password that starts with a bracket (not JSON) is still found in config",
            env: config({ "shop:dbPassword": "[Bracketed-Pass-1" }),
            resources: [{ type: INSTANCE, name: "db", props: { password: secret("[Bracketed-Pass-1") } }],
            messageId: "inConfig",
            on: "db",
            includes: ["shop:dbPassword"],
        },
        {
            why: "password in a list inside structured config, next to a null field",
            env: config({ "shop:db": JSON.stringify({ port: null, users: [{ name: "app", password: "App-Pass-0001" }, { name: "admin", password: "Adm1n-Pass-0002" }] }) }),
            resources: [{ type: INSTANCE, name: "db", props: { password: secret("Adm1n-Pass-0002") } }],
            messageId: "inConfig",
            on: "db",
            includes: ["shop:db.users[1].password"],
        },
        { why: "structured config text after leading whitespace is still read as JSON", env: config({ "shop:db": `\n${JSON.stringify({ password: "Ws-Pass-0001" })}` }), resources: [{ type: INSTANCE, name: "db", props: { password: secret("Ws-Pass-0001") } }], messageId: "inConfig", on: "db", includes: ["shop:db.password"] },
        { why: "a password that is itself valid JSON text is found as the whole config value", env: config({ "shop:dbPassword": "[2718281828]" }), resources: [{ type: INSTANCE, name: "db", props: { password: secret("[2718281828]") } }], messageId: "inConfig", on: "db", includes: ["shop:dbPassword"] },
        {
            why: "only the top level of a config value is decoded: JSON text inside structured config, or a quoted config string, is not",
            env: config({ "shop:a": JSON.stringify({ inner: JSON.stringify({ password: "Twice{Pass}01" }) }), "shop:b": JSON.stringify([JSON.stringify({ password: "Twice{Pass}01" })]), "shop:c": JSON.stringify("Twice{Pass}01") }),
            resources: [{ type: INSTANCE, name: "db", props: { password: secret("Twice{Pass}01") } }],
            messageId: "inProgram",
            on: "db",
            count: 1,
        },
        { why: "a password 16 levels deep in structured config is still found", env: config({ "shop:db": JSON.stringify(nested(15, "Deep-Pass-0016")) }), resources: [{ type: INSTANCE, name: "db", props: { password: secret("Deep-Pass-0016") } }], messageId: "inConfig", on: "db" },
        { why: "config nested deeper than 16 levels is not searched", env: config({ "shop:db": JSON.stringify(nested(16, "Deep-Pass-0017")) }), resources: [{ type: INSTANCE, name: "db", props: { password: secret("Deep-Pass-0017") } }], messageId: "inProgram", on: "db" },
        {
            why: "an unknown password elsewhere hides nothing",
            resources: [
                { type: CLUSTER, name: "ok", props: { ...aurora, masterPassword: UNKNOWN } },
                { type: CLUSTER, name: "bad", props: { ...aurora, masterPassword: "Hardcoded-Pass-9" } },
            ],
            messageId: "inProgram",
            on: "bad",
            count: 1,
        },
        { why: "aws-native: masterUserPassword literal on a DbCluster", resources: [{ type: "aws-native:rds:DbCluster", name: "ndb", props: { engine: "aurora-postgresql", masterUserPassword: secret("MySecurePassword123!") } }], messageId: "inProgram", on: "ndb", includes: ["masterUserPassword"] },
    ],
};
