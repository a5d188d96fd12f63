// Analyze and Remediate run for every resource of every preview, and the SDK walks every policy of the pack
// for each call. Indexing policies by type token once makes a call cost what the policies for its type cost.
// The SDK's own handler factories do the work, on the subset of policies that can apply to the type.
import type * as sdk from "@pulumi/policy";

type Callback = (err: unknown, response?: unknown) => void;
type Handler = (call: { request: { getType(): string } }, callback: Callback) => void;
type Factory = (name: string, version: string, level: string, policies: sdk.Policies) => Handler;

interface ServerModule {
    serve: (name: string, version: string, level: string, args: sdk.PolicyPackArgs, initialConfig?: unknown) => void;
    makeAnalyzeRpcFun: Factory;
    makeRemediateRpcFun: Factory;
}

interface GrpcModule {
    Server: { prototype: { addService(service: unknown, impl: Record<string, unknown>): void } };
}

function byType(make: (type: string) => Handler): Handler {
    const handlers = new Map<string, Handler>();
    return (call, callback) => {
        const type = call.request.getType();
        let handler = handlers.get(type);
        if (!handler) {
            handler = make(type);
            handlers.set(type, handler);
        }
        handler(call, callback);
    };
}

/** Installs the dispatch; `typesOf` gives the tokens an SDK policy applies to ("*" for all). */
export function installTypeDispatch(typesOf: (p: sdk.Policy) => readonly string[] | undefined): boolean {
    let server: ServerModule;
    let grpc: GrpcModule;
    let RemediateResponse: new () => unknown;
    try {
        server = require("@pulumi/policy/server") as ServerModule;
        grpc = require("@grpc/grpc-js") as GrpcModule;
        RemediateResponse = (require("@pulumi/pulumi/proto/analyzer_pb") as { RemediateResponse: new () => unknown }).RemediateResponse;
    } catch {
        return false;
    }
    if (typeof server.serve !== "function" || typeof server.makeAnalyzeRpcFun !== "function") return false;
    const serve = server.serve;
    server.serve = (name, version, level, args, initialConfig) => {
        const forType = (type: string): sdk.Policies =>
            args.policies.filter((p) => {
                const types = typesOf(p);
                return !types || types.includes(type) || types.includes("*");
            });
        const addService = grpc.Server.prototype.addService;
        grpc.Server.prototype.addService = function (service, impl) {
            const patched = { ...impl };
            if (typeof impl.analyze === "function" && typeof impl.remediate === "function") {
                patched.analyze = byType((type) => server.makeAnalyzeRpcFun(name, version, level, forType(type)));
                patched.remediate = byType((type) => {
                    const policies = forType(type).filter((p) => "remediateResource" in p && p.remediateResource);
                    // Nothing can remediate this type: answer without deserializing the resource.
                    if (policies.length === 0) return (_call, callback) => callback(null, new RemediateResponse());
                    return server.makeRemediateRpcFun(name, version, level, policies);
                });
            }
            return addService.call(this, service, patched);
        };
        try {
            serve(name, version, level, args, initialConfig);
        } finally {
            grpc.Server.prototype.addService = addService;
        }
    };
    return true;
}
