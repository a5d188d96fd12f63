// The engine's preview sequence, replayed against a running pack (pkg/resource/deploy/step_generator.go):
// ConfigureStack, GetAnalyzerInfo, config, Configure; Remediate then Analyze per resource; AnalyzeStack at the end.
import { isRecord } from "../lib/values";
import { PackClient, RpcError } from "./pack";
import { ConfigError, configErrorMessage, reconcileConfig } from "./policy-config";
import { AnalyzeResult, AnalyzerInfo, Diagnostic, EngineResource, NotApplicable, PolicyPackConfig, RemediateResult } from "./wire";

export type Phase = "remediate" | "analyze" | "analyzeStack";

export interface Finding extends Diagnostic {
    phase: Phase;
    /** The resource the engine attributes the finding to (stack findings without a known URN go to the root stack). */
    resource: { urn: string; type: string; name: string };
}

export interface Remediated {
    resource: { urn: string; type: string; name: string };
    policyName: string;
    /** Top-level properties whose value changed. */
    changed: string[];
    /** The inputs after this remediation (wire form). */
    properties: Record<string, unknown>;
}

export interface NotApplicableEntry extends NotApplicable {
    phase: Phase;
    urn?: string;
}

export interface EngineRun {
    info: AnalyzerInfo;
    config: PolicyPackConfig;
    configWarnings: string[];
    findings: Finding[];
    remediated: Remediated[];
    notApplicable: NotApplicableEntry[];
    /** The resources as sent to AnalyzeStack (inputs after remediation where no outputs exist). */
    resources: EngineResource[];
}

export interface EngineOptions {
    /** A parsed `--policy-pack-config` document. */
    policyConfig?: unknown;
    /** Stack tags for ConfigureStack. */
    stackTags?: Record<string, string>;
    /**
     * Replay `pulumi policy analyze` over existing state (pkg/resource/deploy/analyze_snapshot.go) instead of a
     * preview: no ConfigureStack, and remediations are reported but not applied (Analyze sees the state inputs).
     */
    existingState?: boolean;
    /** Resources analyzed at once (default PARALLEL_STEPS). */
    parallel?: number;
}

/** Enough requests in flight to keep the pack busy while the client decodes answers; more only queues. */
export const PARALLEL_STEPS = 8;

interface Step {
    /** The resource as analyzed: its inputs after remediation. */
    resource: EngineResource;
    findings: Finding[];
    remediated: Remediated[];
    notApplicable: NotApplicableEntry[];
}

export class EngineError extends Error {}

/** The engine fills an unspecified diagnostic severity from the policy's. */
function withSeverity(info: AnalyzerInfo): (d: Diagnostic) => Diagnostic {
    const severities = new Map(info.policies.map((p) => [p.name, p.severity]));
    return (d) => (d.severity ? d : { ...d, severity: severities.get(d.policyName) ?? "" });
}

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

function ref(r: EngineResource): Finding["resource"] {
    return { urn: r.urn, type: r.type, name: r.name };
}

/** JSON with sorted keys: struct fields come back from the wire in any order. */
function canonical(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
    if (isRecord(value)) {
        return `{${Object.keys(value)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
            .join(",")}}`;
    }
    return JSON.stringify(value) ?? "null";
}

function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].filter((k) => canonical(before[k]) !== canonical(after[k])).sort();
}

/**
 * Replays the engine's preview: ConfigureStack, GetAnalyzerInfo, config reconcile + validation, Configure; then per
 * registered resource Remediate (its properties become the new inputs) and Analyze; then AnalyzeStack.
 */
export async function runEngine(client: PackClient, resources: readonly EngineResource[], options: EngineOptions = {}): Promise<EngineRun> {
    if (!options.existingState) await client.configureStack(options.stackTags ?? {});
    const info = await client.getAnalyzerInfo();
    const { config, errors, warnings } = reconcileConfig(info, options.policyConfig);
    if (errors.length > 0) throw new ConfigError(configErrorMessage(info, errors), errors);
    try {
        if (Object.keys(config).length > 0) await client.configure(config);
    } catch (e) {
        // The pack refuses what the engine's schema check let through (lib/pack-config configMistakes).
        if (!(e instanceof RpcError)) throw e;
        const problems = e.details.replace(/^invalid policy config: /, "").split("\n");
        throw new ConfigError(`configuring policy pack ${info.name}: ${e.details}`, problems);
    }
    // @pulumi/policy's Remediate runs only policies at the remediate level: with none, every call would answer nothing.
    const remediating = info.policies.some((p) => (config[p.name]?.enforcementLevel ?? p.enforcementLevel) === "remediate");

    const severity = withSeverity(info);
    const findings: Finding[] = [];
    const remediated: Remediated[] = [];
    const notApplicable: NotApplicableEntry[] = [];

    /** Remediate then Analyze one resource, as the engine does for each step. */
    const step = async (original: EngineResource): Promise<Step> => {
        const out: Step = { resource: original, findings: [], remediated: [], notApplicable: [] };
        if (original.stackOnly) return out;
        let r = original;
        let rem: RemediateResult = { remediations: [], notApplicable: [] };
        try {
            if (remediating) rem = await client.remediate(r);
        } catch (e) {
            throw new EngineError(`failed to run remediation: ${e instanceof RpcError ? e.details : String(e)}`);
        }
        for (const x of rem.remediations) {
            if (x.diagnostic) {
                // A remediation that could not run (e.g. it read an unknown) is shown as advisory.
                const d: Diagnostic = {
                    policyName: x.policyName,
                    policyPackName: x.policyPackName,
                    policyPackVersion: x.policyPackVersion,
                    description: x.description,
                    message: x.diagnostic,
                    enforcementLevel: "advisory",
                    severity: "",
                    urn: r.urn,
                };
                out.findings.push({ ...severity(d), phase: "remediate", resource: ref(r) });
            } else if (x.properties) {
                const props = x.properties;
                const changed = changedKeys(r.props, props);
                out.remediated.push({ resource: ref(r), policyName: x.policyName, changed, properties: props });
                if (options.existingState) continue;
                // The provider echoes changed inputs into its preview outputs.
                const outputs = r.outputs ? { ...r.outputs, ...Object.fromEntries(changed.map((k) => [k, props[k]])) } : undefined;
                r = { ...r, props, outputs };
            }
        }
        out.notApplicable.push(...rem.notApplicable.map((n) => ({ ...n, phase: "remediate" as const, urn: r.urn })));

        let res: AnalyzeResult;
        try {
            res = await client.analyze(r);
        } catch (e) {
            throw new EngineError(`failed to run policy: ${e instanceof RpcError ? e.details : String(e)}`);
        }
        for (const d of res.diagnostics) {
            // A remediate-level violation that survived remediation is reported as mandatory.
            const level = d.enforcementLevel === "remediate" ? "mandatory" : d.enforcementLevel;
            out.findings.push({ ...severity(d), enforcementLevel: level, urn: r.urn, phase: "analyze", resource: ref(r) });
        }
        out.notApplicable.push(...res.notApplicable.map((n) => ({ ...n, phase: "analyze" as const, urn: r.urn })));
        out.resource = r;
        return out;
    };

    // Like the engine, several steps are in flight at once; results are merged in registration order.
    const steps: Step[] = new Array(resources.length);
    let next = 0;
    const worker = async (): Promise<void> => {
        while (next < resources.length) {
            const i = next++;
            steps[i] = await step(resources[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(options.parallel ?? PARALLEL_STEPS, resources.length) }, worker));
    const final: EngineResource[] = [];
    for (const s of steps) {
        findings.push(...s.findings);
        remediated.push(...s.remediated);
        notApplicable.push(...s.notApplicable);
        final.push(s.resource);
    }

    let stack: AnalyzeResult;
    try {
        stack = await client.analyzeStack(final);
    } catch (e) {
        throw new EngineError(`failed to run stack policy: ${e instanceof RpcError ? e.details : String(e)}`);
    }
    const byUrn = new Map(final.map((r) => [r.urn, r]));
    const root = final.find((r) => r.type === ROOT_STACK_TYPE);
    for (const d of stack.diagnostics) {
        const level = d.enforcementLevel === "remediate" ? "mandatory" : d.enforcementLevel;
        const target = byUrn.get(d.urn) ?? root;
        const resource = target ? ref(target) : { urn: d.urn, type: ROOT_STACK_TYPE, name: "(stack)" };
        findings.push({ ...severity(d), enforcementLevel: level, phase: "analyzeStack", resource });
    }
    notApplicable.push(...stack.notApplicable.map((n) => ({ ...n, phase: "analyzeStack" as const })));
    return { info, config, configWarnings: warnings, findings, remediated, notApplicable, resources: final };
}
