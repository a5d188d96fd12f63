// Runs a Pulumi program under the SDK's mocks and records every resource registration as the pack sees it:
// inputs (secrets unwrapped and remembered), options, provider, parent, dependencies and property dependencies.
import { createHash } from "crypto";
import * as path from "path";
import { fileURLToPath } from "url";
import * as pulumi from "@pulumi/pulumi";
import type { RegisterResourceRequest, RegisterResourceResponse } from "@pulumi/pulumi/proto/resource_pb";
import * as settings from "@pulumi/pulumi/runtime/settings";
import { NAME_TYPES } from "../lib/name-limits";
import { ProviderInfo, Resource } from "../lib/resource";
import { fromWire } from "../lib/sdk";
import { Props, isRecord } from "../lib/values";

export interface MockOverrides {
    /** Outputs (and/or an id) for a resource, merged over the default outputs (its inputs); undefined keeps the default. */
    newResource?(args: pulumi.runtime.MockResourceArgs): Partial<pulumi.runtime.MockResourceResult> | undefined;
    /** Result of a provider function (invoke), e.g. aws.getAvailabilityZones; the default returns the call's inputs. */
    call?(args: pulumi.runtime.MockCallArgs): Record<string, unknown> | Promise<Record<string, unknown>>;
}

export interface RunOptions {
    project: string;
    stack: string;
    organization: string;
    /** Run as `pulumi preview` does: outputs the mocks do not return (arn, endpoint...) stay unknown. */
    preview: boolean;
    mocks?: MockOverrides;
}

type Callback = (err: Error | null, response?: RegisterResourceResponse) => void;

/** The one method of the SDK's MockMonitor that we observe. */
interface Monitor {
    registerResource(req: RegisterResourceRequest, callback: Callback): unknown;
}

/** Exported by @pulumi/pulumi/runtime/settings but marked internal (absent from its typings). */
interface InternalSettings {
    waitForRPCs?: () => Promise<void>;
}

interface Registration {
    request: RegisterResourceRequest;
    urn: string;
}

function props(request: RegisterResourceRequest): Props {
    // fromWire unwraps secret envelopes and teaches lib/redact their values, so no message can print them.
    const value = fromWire(request.getObject()?.toJavaScript() ?? {});
    return isRecord(value) ? value : {};
}

function toResource(reg: Registration, providers: ReadonlyMap<string, ProviderInfo>): Resource {
    const req = reg.request;
    const propertyDependencies: Record<string, string[]> = {};
    for (const [key, deps] of req.getPropertydependenciesMap().entries()) propertyDependencies[key] = deps.getUrnsList();
    const parent = req.getParent() || undefined;
    // A provider reference is "<provider urn>::<provider id>".
    const providerRef = req.getProvider();
    const provider = providerRef ? providers.get(providerRef.slice(0, providerRef.lastIndexOf("::"))) : undefined;
    return {
        type: req.getType(),
        name: req.getName(),
        urn: reg.urn,
        props: props(req),
        opts: {
            protect: req.getProtect() ?? false,
            parent,
            ignoreChanges: req.getIgnorechangesList(),
            deleteBeforeReplace: req.getDeletebeforereplacedefined() ? req.getDeletebeforereplace() : undefined,
        },
        provider,
        parent,
        dependencies: req.getDependenciesList(),
        propertyDependencies,
    };
}

/** Where the program created the resource (the SDK's `file://` source position), relative to the working directory. */
function sourceOf(req: RegisterResourceRequest): string | undefined {
    const pos = req.getSourceposition();
    if (!pos || !pos.getUri().startsWith("file://") || pos.getLine() < 1) return undefined;
    let file: string;
    try {
        file = fileURLToPath(pos.getUri());
    } catch {
        return undefined;
    }
    const relative = path.relative(process.cwd(), file).split(path.sep).join("/");
    return `${relative}:${pos.getLine()}${pos.getColumn() > 0 ? `:${pos.getColumn()}` : ""}`;
}

export interface CapturedProgram {
    /** In registration order. */
    resources: Resource[];
    /** URN to `file:line:column` where the SDK recorded one. */
    sources: Map<string, string>;
    /** URN to the inputs as the engine sends them to a pack: secrets in their envelopes, unknowns as sentinels. */
    wire: Map<string, Props>;
    /** URNs of remote components (awsx 3, eks 4...): a provider plugin builds their children, and mocks run no plugin. */
    remote: Set<string>;
}

/**
 * The physical name the provider would give a resource whose program sets none (`<logical name>-<7 hex>`, S3 in lower
 * case), so names built from it (`/aws/lambda/${fn.name}`) are judged as in a real preview, where the autoname is known.
 */
function autoNamed(type: string, name: string, inputs: Record<string, unknown>): Record<string, string> {
    const spec = NAME_TYPES.get(type);
    const property = spec ? Object.keys(spec.names)[0] : undefined;
    if (!spec || !property || inputs[property] !== undefined || Object.keys(spec.prefixes).some((p) => inputs[p] !== undefined)) return {};
    const random = createHash("sha256").update(`${type}::${name}`).digest("hex").slice(0, 7);
    const value = `${name}-${random}`;
    return { [property]: type.startsWith("aws:s3/") ? value.toLowerCase() : value };
}

/** Lets pending work (applies that register more resources) run before we look again. */
function macrotask(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs `program` under mocks and returns its resources in registration order, with their source positions. Throws what the program throws, and
 * an Error naming every resource whose registration failed.
 */
export async function captureProgram(program: () => unknown, options: RunOptions): Promise<CapturedProgram> {
    const overrides = options.mocks ?? {};
    const registrations: Registration[] = [];
    const failures: string[] = [];
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                let extra: Partial<pulumi.runtime.MockResourceResult> | undefined;
                try {
                    extra = overrides.newResource?.(args);
                } catch (e) {
                    // Reported by checkProgram: a failed registration would reject every output as an unhandled rejection.
                    failures.push(`${args.name} (${args.type}): mocks.newResource threw: ${e instanceof Error ? e.message : String(e)}`);
                }
                const inputs = (args.inputs ?? {}) as Record<string, unknown>;
                return { id: extra?.id ?? `${args.name}-id`, state: { ...inputs, ...autoNamed(args.type, args.name, inputs), ...(extra?.state ?? {}) } };
            },
            call: (args) => (overrides.call ? overrides.call(args) : (args.inputs as Record<string, unknown>)),
        },
        options.project,
        options.stack,
        options.preview,
        options.organization,
    );
    const waitForRPCs = (settings as InternalSettings).waitForRPCs;
    const monitor = settings.getMonitor() as unknown as Monitor | undefined;
    if (typeof waitForRPCs !== "function" || !monitor || typeof monitor.registerResource !== "function") {
        throw new Error("aws-guardrails/testing: this @pulumi/pulumi version does not expose the mock monitor the helper observes");
    }

    // Observe the mock monitor setMocks just installed: the request carries what the engine would pass to the
    // pack (options, provider reference, property dependencies), which the Mocks interface never sees.
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (request, callback) =>
        register(request, (err, response) => {
            if (err) failures.push(`${request.getName()} (${request.getType()}): ${err.message}`);
            else if (response) registrations.push({ request, urn: response.getUrn() });
            callback(err, response);
        });

    let thrown: { error: unknown } | undefined;
    try {
        await program();
    } catch (error) {
        thrown = { error };
    }
    // Registrations finish asynchronously, and an apply may register more once its inputs resolve: wait until quiet,
    // also after a throw, so that no registration of this program lands in the next one's capture.
    let seen = -1;
    while (seen !== registrations.length + failures.length) {
        seen = registrations.length + failures.length;
        await waitForRPCs();
        await macrotask();
    }
    if (thrown) throw thrown.error;
    if (failures.length > 0) throw new Error(`the program failed to register ${failures.length} resource(s):\n  ${failures.join("\n  ")}`);

    const providers = new Map<string, ProviderInfo>();
    for (const reg of registrations) {
        const type = reg.request.getType();
        if (type.startsWith("pulumi:providers:")) providers.set(reg.urn, { type, name: reg.request.getName(), urn: reg.urn, props: props(reg.request) });
    }
    const sources = new Map<string, string>();
    for (const reg of registrations) {
        const source = sourceOf(reg.request);
        if (source) sources.set(reg.urn, source);
    }
    const wire = new Map(registrations.map((reg) => [reg.urn, reg.request.getObject()?.toJavaScript() ?? {}]));
    const remote = new Set(registrations.filter((reg) => reg.request.getRemote()).map((reg) => reg.urn));
    return { resources: registrations.map((reg) => toResource(reg, providers)), sources, wire, remote };
}
