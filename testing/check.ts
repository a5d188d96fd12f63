// checkProgram: a Pulumi program's resources, captured under mocks, judged by every policy of the pack with the
// same core functions the policy pack runs (lib/policy), in the engine's order: per resource remediate then
// analyze, then the stack policies once over all resources.
import { Graph } from "../lib/graph";
import { PolicySettings, readPackConfigFile, resolvePackConfig } from "../lib/pack-config";
import { Evaluation, Policy, appliesToType, evaluateResource, evaluateStack, remediation } from "../lib/policy";
import { carrySecrets } from "../lib/redact";
import { Resource } from "../lib/resource";
import { StackInfo } from "../lib/stack";
import { policies } from "../policies";
import { CapturedProgram, MockOverrides, captureProgram } from "./capture";
import { CheckedResource, GuardrailsFinding, GuardrailsResult, NotApplicable, Remediation } from "./result";

export interface CheckOptions {
    /** Stack name (default "stack", as Pulumi's mocks): production-only policies and the naming suffix read it. */
    stack?: string;
    /** Project name (default "project"). */
    project?: string;
    organization?: string;
    /** A `--policy-pack-config` file path, or the parsed object: policy name -> level string or {enforcementLevel?, ...settings}; "all" sets every level. */
    config?: string | object;
    /** Stack tags, as `pulumi preview` passes them to the pack (productionStackTags reads them). */
    stackTags?: Record<string, string>;
    /** Environment variables set while the program runs and the policies evaluate (e.g. ENVIRONMENT_SUFFIX, AWS_REGION). */
    env?: Record<string, string>;
    /** Run as a preview (default true): outputs the mocks do not return, such as ARNs, are unknown, as on a first `pulumi preview`. */
    preview?: boolean;
    /** Outputs for resources and results for invokes, where the program needs them. */
    mocks?: MockOverrides;
}

function settingsOf(config: CheckOptions["config"]): Map<string, PolicySettings> {
    return resolvePackConfig(policies, typeof config === "string" ? readPackConfigFile(config) : config);
}

/** Sets `env` for the duration of `run`, then puts back what was there. */
async function withEnv<T>(env: Record<string, string>, run: () => Promise<T>): Promise<T> {
    const saved = Object.keys(env).map((k) => [k, process.env[k]] as const);
    Object.assign(process.env, env);
    try {
        return await run();
    } finally {
        for (const [k, v] of saved) {
            if (v === undefined) delete process.env[k];
            else process.env[k] = v;
        }
    }
}

interface Enabled {
    policy: Policy;
    /** "remediate" analyzes as mandatory, as in the engine. */
    level: "mandatory" | "advisory";
    remediate: boolean;
    properties: Record<string, unknown>;
}

function evaluate({ resources, sources, remote }: CapturedProgram, stack: StackInfo, settings: Map<string, PolicySettings>, stackName: string): GuardrailsResult {
    const enabled: Enabled[] = [];
    for (const policy of policies) {
        const s = settings.get(policy.name);
        if (!s || s.level === "disabled") continue;
        // The effective level goes with the settings, as in the pack: it decides whether in-code exemption tags count.
        enabled.push({ policy, level: s.level === "advisory" ? "advisory" : "mandatory", remediate: s.level === "remediate", properties: { ...s.properties, enforcementLevel: s.level } });
    }
    const findings: GuardrailsFinding[] = [];
    const remediations: Remediation[] = [];
    const notApplicable = new Map<string, string>();
    const final: Resource[] = [];
    const rootUrn = `urn:pulumi:${stack.name}::${stack.project}::pulumi:pulumi:Stack::${stack.project}-${stack.name}`;

    const collect = (e: Enabled, evaluation: Evaluation, byUrn: ReadonlyMap<string, Resource>): void => {
        for (const f of evaluation.findings) {
            const target = f.urn ? byUrn.get(f.urn) : undefined;
            const source = target && sources.get(target.urn);
            findings.push({
                policy: e.policy.name,
                level: f.level ?? e.level,
                severity: e.policy.severity,
                message: f.message,
                urn: target?.urn ?? f.urn ?? rootUrn,
                resourceName: target?.name ?? `${stack.project}-${stack.name}`,
                resourceType: target?.type ?? "pulumi:pulumi:Stack",
                ...(source ? { source } : {}),
                ...(f.exemption ? { exemption: f.exemption } : {}),
            });
        }
        if (evaluation.notApplicable && !notApplicable.has(e.policy.name)) notApplicable.set(e.policy.name, evaluation.notApplicable);
    };

    for (const original of resources) {
        let r = original;
        for (const e of enabled) {
            if (!e.remediate || e.policy.kind !== "resource" || !appliesToType(e.policy, r.type)) continue;
            const fix = remediation(e.policy, r, stack, e.properties);
            if (!fix) continue;
            const props = { ...r.props, ...fix };
            carrySecrets(r.props, props);
            r = { ...r, props };
            remediations.push({ policy: e.policy.name, urn: r.urn, resourceName: r.name, resourceType: r.type, properties: Object.keys(fix).sort() });
        }
        const self = new Map([[r.urn, r]]);
        for (const e of enabled) if (e.policy.kind === "resource") collect(e, evaluateResource(e.policy, r, stack, e.properties), self);
        final.push(r);
    }
    const graph = new Graph(final);
    for (const e of enabled) if (e.policy.kind === "stack") collect(e, evaluateStack(e.policy, graph, stack, e.properties), graph.byUrn);

    const checked = final.map((r): CheckedResource => ({ urn: r.urn, name: r.name, type: r.type, ...(sources.has(r.urn) ? { source: sources.get(r.urn) } : {}) }));
    return new GuardrailsResult(
        findings,
        checked,
        remediations,
        [...notApplicable].map(([policy, reason]): NotApplicable => ({ policy, reason })),
        stackName,
        checked.filter((r) => remote.has(r.urn)),
    );
}

// Pulumi's runtime (and its mocks) is process-wide state: checks run one at a time.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `program` (which creates resources, e.g. `() => new TapStack("x", args)`) under Pulumi mocks, without cloud
 * credentials, and returns the verdicts of every enabled policy of aws-guardrails. Throws on invalid config (naming
 * the policy and field) and when the program throws or a resource fails to register.
 */
export function checkProgram(program: () => unknown, options: CheckOptions = {}): Promise<GuardrailsResult> {
    const run = async (): Promise<GuardrailsResult> => {
        const settings = settingsOf(options.config);
        const stackName = options.stack ?? "stack";
        const project = options.project ?? "project";
        const organization = options.organization ?? "organization";
        return withEnv(options.env ?? {}, async () => {
            const captured = await captureProgram(program, { project, stack: stackName, organization, preview: options.preview ?? true, mocks: options.mocks });
            const suffix = process.env.ENVIRONMENT_SUFFIX?.trim();
            const stack: StackInfo = { name: stackName, project, organization, tags: { ...options.stackTags }, environmentSuffix: suffix || undefined };
            return evaluate(captured, stack, settings, stackName);
        });
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
}
