// A program's registrations as the engine sends them to a pack (wire-form properties, options, provider, dependencies),
// captured under mocks: shared by the end-to-end tests over the Analyzer protocol.
import { EngineResource, EngineRun } from "../engine/client";
import { checkProgram } from "../testing";
import { RunOptions, captureProgram } from "../testing/capture";

export async function registered(program: () => unknown, options: RunOptions): Promise<EngineResource[]> {
    const captured = await captureProgram(program, options);
    return captured.resources.map(
        (r): EngineResource => ({
            type: r.type,
            name: r.name,
            urn: r.urn,
            props: captured.wire.get(r.urn) ?? {},
            options: { protect: r.opts.protect, ignoreChanges: r.opts.ignoreChanges },
            provider: r.provider && { ...r.provider, props: captured.wire.get(r.provider.urn) ?? {} },
            parent: r.parent,
            dependencies: r.dependencies,
            propertyDependencies: r.propertyDependencies,
        }),
    );
}

/** The pack's findings of `policies` as `policy level on resource`, sorted. */
export function findingKeys(run: EngineRun, policies: ReadonlySet<string>): string[] {
    return run.findings.filter((f) => policies.has(f.policyName)).map((f) => `${f.policyName} ${f.enforcementLevel} on ${f.resource.name}`).sort();
}

/** The pack's findings of `policies` keyed as helperVerdicts keys the jest helper's: `policy|urn|level`, sorted. */
export function packVerdicts(run: EngineRun, policies: ReadonlySet<string>): string[] {
    return run.findings.filter((f) => policies.has(f.policyName)).map((f) => `${f.policyName}|${f.resource.urn}|${f.enforcementLevel}`).sort();
}

/** What the jest helper (checkProgram) reports for the same program and policies, keyed as packVerdicts. */
export async function helperVerdicts(program: () => unknown, options: RunOptions, policies: ReadonlySet<string>): Promise<string[]> {
    const checked = await checkProgram(program, { stack: options.stack, project: options.project, organization: options.organization });
    return checked.findings.filter((f) => policies.has(f.policy)).map((f) => `${f.policy}|${f.urn}|${f.level}`).sort();
}
