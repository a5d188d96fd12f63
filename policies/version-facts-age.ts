import { today } from "../lib/clock";
import { FactsUsed, factsRegion, observeFacts } from "../lib/facts/lists";
import { resolveConfig } from "../lib/config";
import { ResourcePolicy, appliesToType, definePolicy } from "../lib/policy";
import { Resource } from "../lib/resource";
import { StackInfo } from "../lib/stack";
import { get } from "../lib/values";
import docdbEngineVersion from "./docdb-engine-version";
import eksClusterVersion from "./eks-cluster-version";
import elasticacheEngineVersion from "./elasticache-engine-version";
import lambdaRuntime from "./lambda-runtime";
import mskKafkaVersion from "./msk-kafka-version";
import neptuneEngineVersion from "./neptune-engine-version";
import opensearchEngineVersion from "./opensearch-engine-version";
import rdsEngineVersion from "./rds-engine-version";

interface FactsAgeConfig {
    maxAgeDays: number;
}

// The policies whose verdicts rest on dated lists; replaying their checks tells which lists this stack relies on.
const VERSION_POLICIES: readonly ResourcePolicy<unknown>[] = [rdsEngineVersion, docdbEngineVersion, neptuneEngineVersion, elasticacheEngineVersion, opensearchEngineVersion, mskKafkaVersion, eksClusterVersion, lambdaRuntime];

const DAY_MS = 86_400_000;

const defaults = new Map<string, unknown>();

// Thrown by the observer once a check has read its list: a check reads at most one, and its verdict is not needed here.
const READ_ITS_LIST = Object.freeze({ replayStopped: true });

/** The lists a version policy's check reads for a resource (default config; the check stops once it has read one). */
function listsReadBy(policy: ResourcePolicy<unknown>, resource: Resource, stack: StackInfo): FactsUsed[] {
    let config = defaults.get(policy.name);
    if (config === undefined) defaults.set(policy.name, (config = resolveConfig(policy.name, policy.config ?? {}, {}).config));
    const read: FactsUsed[] = [];
    const record = (used: FactsUsed) => {
        read.push(used);
        throw READ_ITS_LIST;
    };
    try {
        observeFacts(record, () => policy.check({ config, stack, resource, props: resource.props, get: (path) => get(resource.props, path), report: () => undefined }));
    } catch {
        // READ_ITS_LIST, or a throw the policy itself reports.
    }
    return read;
}

function ageInDays(asOf: string, now: string): number {
    return Math.floor((Date.parse(now) - Date.parse(asOf)) / DAY_MS);
}

/** "rds" for "aws rds describe-db-engine-versions --include-all": the file name the README's recipe uses. */
function fileOf(command: string): string {
    return `${command.split(" ")[1] ?? "facts"}.json`;
}

function describe(u: FactsUsed, now: string): string {
    const origin = u.region ? `refreshed from ${u.source}` : `bundled, from ${u.source}`;
    return `${u.what}: ${origin}, as of ${u.asOf} (${ageInDays(u.asOf, now)} days)`;
}

/** The commands that renew the stale lists: per region, the AWS CLI calls and one refresh of their outputs. */
function refreshSteps(stale: readonly { used: FactsUsed; region?: string }[]): string {
    const byRegion = new Map<string, Set<string>>();
    const manual = new Set<string>();
    for (const { used, region } of stale) {
        if (!used.refresh.startsWith("aws ")) {
            manual.add(used.refresh);
            continue;
        }
        const where = used.region ?? region ?? "REGION";
        byRegion.set(where, (byRegion.get(where) ?? new Set()).add(used.refresh));
    }
    const steps = [...byRegion].map(([region, commands]) => {
        const calls = [...commands].map((c) => `\`${c} --region ${region} > ${fileOf(c)}\``);
        return `${calls.join(", ")}, then \`aws-guardrails facts refresh --region ${region} ${[...commands].map(fileOf).join(" ")}\``;
    });
    return [...steps, ...manual].join("; ");
}

export default definePolicy<FactsAgeConfig>({
    kind: "stack",
    name: "version-facts-age",
    family: "versions",
    description: "The version facts the version policies relied on in this stack are recent enough (a refresh is due after `maxAgeDays`).",
    enforcementLevel: "advisory",
    severity: "low",
    types: [...new Set(VERSION_POLICIES.flatMap((p) => p.types))],
    config: {
        maxAgeDays: {
            type: "integer",
            minimum: 1,
            default: 90,
            description: "Age in days (from each list's as-of date) after which the version policies' facts are reported as stale.",
        },
    },
    messages: {
        stale:
            "the version facts behind this stack's version checks (this resource's first) are older than {{maxAgeDays}} days: {{lists}}. AWS deprecates engine versions every few months, " +
            "so a version deprecated since then passes here and still fails at deploy. Renew them (README, \"Facts about AWS\"): {{refresh}}. Then republish the pack.",
    },
    // Old facts are a reason to refresh, never a reason to stop a deploy.
    advisoryMessages: ["stale"],
    remediationSteps:
        "Run the AWS CLI calls the message names in each region you deploy to, pass their output to `aws-guardrails facts refresh --region REGION FILE...`, " +
        "commit the regional lists (or point AWS_GUARDRAILS_DATA_DIR at them) and republish the pack. Lambda runtime dates have no listing API: update data/lambda-runtimes.json.",
    check({ graph, stack, config, report }) {
        const now = today();
        const maxAgeDays = typeof config.maxAgeDays === "number" ? config.maxAgeDays : 90;
        const stale = new Map<string, { used: FactsUsed; region?: string }>();
        let first: Resource | undefined;
        const ages = new Map<string, number>();
        const ageOf = (asOf: string) => ages.get(asOf) ?? ages.set(asOf, ageInDays(asOf, now)).get(asOf) ?? 0;
        for (const resource of graph.resources) {
            for (const policy of VERSION_POLICIES) {
                if (!appliesToType(policy, resource.type)) continue;
                for (const used of listsReadBy(policy, resource, stack)) {
                    if (ageOf(used.asOf) <= maxAgeDays) continue;
                    stale.set(`${used.what}\0${used.region ?? ""}`, { used, region: factsRegion(resource) });
                    first ??= resource;
                }
            }
        }
        if (first === undefined) return;
        const found = [...stale.values()].sort((a, b) => a.used.what.localeCompare(b.used.what));
        // Once per stack, on the first resource that relied on old facts (an advisory of its own, never another policy's verdict).
        report(
            "stale",
            { maxAgeDays, lists: found.map((s) => describe(s.used, now)).join("; "), refresh: refreshSteps(found) },
            first,
        );
    },
});
