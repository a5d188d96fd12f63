// A program's registrations as the engine sends them to a pack (wire-form properties, options, provider, dependencies),
// captured under mocks: shared by the end-to-end tests over the Analyzer protocol.
import { EngineResource } from "../engine/client";
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
