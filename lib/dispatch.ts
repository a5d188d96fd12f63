// The pack's RPC fast paths. The SDK walks every policy for every Analyze and Remediate call, deserializes each
// resource again for every stack policy, and deserializes every resource for Remediate even when no policy is
// set to remediate. Here:
// - Analyze deserializes the resource once and runs only the policies indexed under its type token;
// - Remediate answers at once when no policy for the type is configured to remediate, else goes to the SDK;
// - AnalyzeStack builds the resource graph once per request and runs every stack policy on it;
// - GetAnalyzerInfo encodes the config schemas directly (lib/analyzer-info), once.
// If a fast path itself fails, the SDK's own handler answers instead.
// Configure and ConfigureStack are observed (and still passed to the SDK) to know levels, settings and tags.
import type * as sdk from "@pulumi/policy";
import { InfoMessage, analyzerInfoBytes } from "./analyzer-info";
import { unmatchedExemptionNote, unmatchedPatterns } from "./exemptions";
import { graphsByStack } from "./graph";
import { Evaluation, Policy, appliesToType, evaluateResource, evaluateStacks } from "./policy";
import { Resource } from "./resource";
import { configMistakes } from "./pack-config";
import { diagnosticsOf, fromWire, noteConfiguredLevels, policyOf, stackOf } from "./sdk";
import { resourceStack } from "./stack";
import { isRecord } from "./values";

type Callback = (err: unknown, response?: unknown) => void;
type Handler = (call: { request: never }, callback: Callback) => void;
type Factory = (name: string, version: string, level: string, policies: sdk.Policies) => Handler;

interface ServerModule {
    serve: (name: string, version: string, level: string, args: sdk.PolicyPackArgs, initialConfig?: unknown) => void;
    makeAnalyzeRpcFun: Factory;
    makeRemediateRpcFun: Factory;
}

interface ProtoUtil {
    makeAnalyzerInfo(name: string, version: string, level: string, args: sdk.PolicyPackArgs, initialConfig: unknown): InfoMessage;
    makeAnalyzeResponse(ds: object[], notApplicable?: unknown[]): unknown;
    convertEnforcementLevel(level: number): string;
    asGrpcError(e: unknown, message?: string): unknown;
}

interface Struct {
    toJavaScript(): Record<string, unknown>;
}

/** An AnalyzeRequest, or (with the optional parts) an AnalyzerResource of an AnalyzeStackRequest. */
interface WireResource {
    getType(): string;
    getName(): string;
    getUrn(): string;
    getProperties(): Struct | undefined;
    getOptions(): { getProtect(): boolean; getParent(): string } | undefined;
    getProvider(): { getType(): string; getName(): string; getUrn(): string; getProperties(): Struct | undefined } | undefined;
    getParent?(): string;
    getDependenciesList?(): string[];
    getPropertydependenciesMap?(): { entries(): Iterable<[string, { getUrnsList(): string[] }]> };
}

interface Modules {
    server: ServerModule;
    protoutil: ProtoUtil;
    grpc: { Server: { prototype: { addService(service: unknown, impl: Record<string, Handler>): void } } };
    proto: {
        RemediateResponse: new () => unknown;
        AnalyzerInfo: new () => { serializeBinary(): Uint8Array };
        PolicyNotApplicable: new () => { setPolicyName(n: string): void; setReason(r: string): void };
    };
}

function load(): Modules | undefined {
    try {
        return {
            server: require("@pulumi/policy/server") as ServerModule,
            protoutil: require("@pulumi/policy/protoutil") as ProtoUtil,
            grpc: require("@grpc/grpc-js") as Modules["grpc"],
            proto: require("@pulumi/pulumi/proto/analyzer_pb") as Modules["proto"],
        };
    } catch {
        return undefined;
    }
}

function memoByType(make: (type: string) => Handler): (type: string) => Handler {
    const handlers = new Map<string, Handler>();
    return (type) => {
        let handler = handlers.get(type);
        if (!handler) {
            handler = make(type);
            handlers.set(type, handler);
        }
        return handler;
    };
}

function appliesTo(p: sdk.Policy, type: string): boolean {
    const types = policyOf(p)?.types;
    return !types || types.includes(type) || types.includes("*");
}

function wireProps(s: Struct | undefined): Record<string, unknown> {
    const v = s ? fromWire(s.toJavaScript()) : {};
    return isRecord(v) ? v : {};
}

function resourceOf(r: WireResource): Resource {
    const provider = r.getProvider();
    const options = r.getOptions();
    const propertyDependencies: Record<string, string[]> = {};
    for (const [k, v] of r.getPropertydependenciesMap?.().entries() ?? []) propertyDependencies[k] = v.getUrnsList();
    const parent = r.getParent?.() || options?.getParent() || undefined;
    return {
        type: r.getType(),
        name: r.getName(),
        urn: r.getUrn(),
        props: wireProps(r.getProperties()),
        opts: { protect: options?.getProtect() ?? false, parent },
        provider: provider ? { type: provider.getType(), name: provider.getName(), urn: provider.getUrn(), props: wireProps(provider.getProperties()) } : undefined,
        parent,
        dependencies: r.getDependenciesList?.() ?? [],
        propertyDependencies,
    };
}

interface Entry {
    sdk: sdk.Policy;
    ours: Policy;
}

function entries(policies: sdk.Policies, keep: (ours: Policy) => boolean): Entry[] {
    return policies.flatMap((p) => {
        const ours = policyOf(p);
        return ours && keep(ours) ? [{ sdk: p, ours }] : [];
    });
}

export function installDispatch(): boolean {
    const m = load();
    if (!m || typeof m.server.serve !== "function" || typeof m.server.makeAnalyzeRpcFun !== "function") return false;
    const serve = m.server.serve;
    m.server.serve = (name, version, packLevel, args, initialConfig) => {
        // The fast paths run only policies made by toSdkPolicy: a pack that adds others is served by the SDK alone.
        if (args.policies.some((p) => !policyOf(p))) return serve(name, version, packLevel, args, initialConfig);
        const configured = new Map<string, { level: string; properties: Record<string, unknown> }>();
        let tags: ReadonlyMap<string, string> = new Map();
        const levelOf = (p: sdk.Policy): string => configured.get(p.name)?.level || p.enforcementLevel || packLevel;

        const fixers = new Map<string, sdk.Policies>();
        const remediateFor = memoByType((type) => {
            const policies = args.policies.filter((p) => appliesTo(p, type) && "remediateResource" in p && p.remediateResource);
            fixers.set(type, policies);
            return m.server.makeRemediateRpcFun(name, version, packLevel, policies);
        });
        const sdkAnalyzeFor = memoByType((type) => m.server.makeAnalyzeRpcFun(name, version, packLevel, args.policies.filter((p) => appliesTo(p, type))));
        const byType = new Map<string, Entry[]>();
        const resourceEntries = (type: string): Entry[] => {
            let list = byType.get(type);
            if (!list) byType.set(type, (list = entries(args.policies, (p) => p.kind === "resource" && appliesToType(p, type))));
            return list;
        };
        const stackEntries = entries(args.policies, (p) => p.kind === "stack");
        const registered = entries(args.policies, () => true).map((e) => e.ours);

        /** Runs the enabled policies of `list` and answers like the SDK: diagnostics plus not-applicable reasons. */
        const respond = (list: Entry[], evaluate: (p: Policy, properties: Record<string, unknown>) => Evaluation, notes: object[] = []): unknown => {
            const ds: object[] = [...notes];
            const na: unknown[] = [];
            for (const { sdk: p, ours } of list) {
                let level = levelOf(p);
                if (level === "disabled") continue;
                if (level === "remediate") level = "mandatory";
                // The effective level goes with the settings: it decides whether in-code exemption tags count.
                const evaluation = evaluate(ours, { ...configured.get(p.name)?.properties, enforcementLevel: levelOf(p) });
                for (const d of diagnosticsOf(evaluation)) {
                    ds.push({
                        policyName: p.name,
                        policyPackName: name,
                        policyPackVersion: version,
                        description: p.description,
                        message: `${p.description}\n${d.message}`,
                        enforcementLevel: d.level ?? level,
                        urn: d.urn,
                        severity: p.severity,
                    });
                }
                if (evaluation.notApplicable) {
                    const entry = new m.proto.PolicyNotApplicable();
                    entry.setPolicyName(p.name);
                    entry.setReason(evaluation.notApplicable);
                    na.push(entry);
                }
            }
            return m.protoutil.makeAnalyzeResponse(ds, na);
        };

        const analyze = (request: WireResource): unknown => {
            let resource: Resource | undefined;
            return respond(resourceEntries(request.getType()), (p, properties) => {
                resource ??= resourceOf(request);
                return p.kind === "resource" ? evaluateResource(p, resource, resourceStack(stackOf(tags), resource.urn), properties) : { findings: [], configErrors: [] };
            });
        };

        /** One advisory note per configured exemption pattern that matches no resource of the stack, on the stack itself. */
        const unmatchedExemptions = (request: { getResourcesList(): WireResource[] }): object[] => {
            const notes: object[] = [];
            let targets: { name: string; urn: string; type: string }[] | undefined;
            for (const p of args.policies) {
                const exemptions = configured.get(p.name)?.properties.exemptions;
                if (!Array.isArray(exemptions) || exemptions.length === 0 || levelOf(p) === "disabled") continue;
                targets ??= request.getResourcesList().map((r) => ({ name: r.getName(), urn: r.getUrn(), type: r.getType() }));
                for (const pattern of unmatchedPatterns(exemptions, targets)) {
                    const message = unmatchedExemptionNote(p.name, pattern, targets.map((t) => t.name));
                    notes.push({ policyName: p.name, policyPackName: name, policyPackVersion: version, description: p.description, message: `${p.description}\n${message}`, enforcementLevel: "advisory", severity: p.severity });
                }
            }
            return notes;
        };

        const analyzeStack = (request: { getResourcesList(): WireResource[] }): unknown => {
            let parts: ReturnType<typeof graphsByStack> | undefined;
            return respond(
                stackEntries,
                (p, properties) => {
                    parts ??= graphsByStack(stackOf(tags), request.getResourcesList().map(resourceOf));
                    return p.kind === "stack" ? evaluateStacks(p, parts, properties) : { findings: [], configErrors: [] };
                },
                unmatchedExemptions(request),
            );
        };

        let infoBytes: Buffer | undefined;
        const analyzerInfo = (): unknown => {
            infoBytes ??= analyzerInfoBytes(args.policies, (policies) => m.protoutil.makeAnalyzerInfo(name, version, packLevel, { ...args, policies }, initialConfig));
            const reply = new m.proto.AnalyzerInfo();
            reply.serializeBinary = () => infoBytes as Buffer;
            return reply;
        };

        const addService = m.grpc.Server.prototype.addService;
        m.grpc.Server.prototype.addService = function (service, impl) {
            if (typeof impl.analyze !== "function" || typeof impl.analyzeStack !== "function") return addService.call(this, service, impl);
            const patched: Record<string, Handler> = {
                ...impl,
                getAnalyzerInfo: (call, callback) => {
                    let response: unknown;
                    try {
                        response = analyzerInfo();
                    } catch {
                        return impl.getAnalyzerInfo(call, callback);
                    }
                    callback(null, response);
                },
                configure: (call, callback) => {
                    const req = call.request as { getPolicyconfigMap(): { entries(): Iterable<[string, { getEnforcementlevel(): number; getProperties(): Struct | undefined }]> } };
                    configured.clear();
                    for (const [policy, c] of req.getPolicyconfigMap().entries()) {
                        configured.set(policy, { level: m.protoutil.convertEnforcementLevel(c.getEnforcementlevel()), properties: c.getProperties()?.toJavaScript() ?? {} });
                    }
                    noteConfiguredLevels([...configured].map(([policy, c]) => [policy, c.level]));
                    // What the engine's schema check let through (unknown names and settings, remediate without a fix) stops the run here.
                    const mistakes = configMistakes(registered, configured);
                    if (mistakes.length > 0) return callback(new Error(`invalid policy config: ${mistakes.join("\n")}`));
                    impl.configure(call, callback);
                },
                configureStack: (call, callback) => {
                    const req = call.request as { getTagsMap(): { entries(): Iterable<[string, string]> } };
                    tags = new Map(req.getTagsMap().entries());
                    impl.configureStack(call, callback);
                },
                analyze: (call, callback) => {
                    let response: unknown;
                    try {
                        response = analyze(call.request as WireResource);
                    } catch {
                        return sdkAnalyzeFor((call.request as WireResource).getType())(call, callback);
                    }
                    callback(null, response);
                },
                remediate: (call, callback) => {
                    const type = (call.request as { getType(): string }).getType();
                    const handler = remediateFor(type);
                    // Nothing for this type is set to remediate: answer without deserializing the resource.
                    if (!(fixers.get(type) ?? []).some((p) => levelOf(p) === "remediate")) return callback(null, new m.proto.RemediateResponse());
                    handler(call, callback);
                },
                analyzeStack: (call, callback) => {
                    let response: unknown;
                    try {
                        response = analyzeStack(call.request as { getResourcesList(): WireResource[] });
                    } catch {
                        return impl.analyzeStack(call, callback);
                    }
                    callback(null, response);
                },
            };
            return addService.call(this, service, patched);
        };
        try {
            serve(name, version, packLevel, args, initialConfig);
        } finally {
            m.grpc.Server.prototype.addService = addService;
        }
    };
    return true;
}
