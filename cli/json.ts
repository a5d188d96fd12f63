// `--format json`: one JSON object, stable for scripts. `schemaVersion` changes only when a field is removed or changes
// meaning; new fields may appear. No timings and no property values: the same input gives the same bytes.
//
// {
//   "schemaVersion": 1,
//   "tool":   { "name": "aws-guardrails", "version": "<package version>" },
//   "pack":   { "name": "aws-guardrails", "version": "<pack version>", "policies": <number of policies> },
//   "files":  [ { "path": <as given>, "kind": "preview" | "export", "deploymentVersion": 1 | 2 | 3 | 4 | null,
//                 "stack": string | null, "project": string | null, "resources": n, "analyzed": n,
//                 "withSourcePosition": n, "secrets": { "blinded": n, "encrypted": n, "plaintext": n },
//                 "warnings": [string], "environment": ["NAME=value (where from)"], "notApplicable": [policy name],
//                 "counts": { "mandatory": n, "advisory": n, "exempted": n }, "result": "pass" | "fail" } ],
//   "findings": [ { "file": <document path>, "policy": <policy name>, "level": "mandatory" | "advisory",
//                   "exempted": boolean (advisory kept by an exemption), "severity": "low" | "medium" | "high" | "critical" | "",
//                   "exemption": { "source": "config" | "tag", "reason": string, "expires": "YYYY-MM-DD" | null } | null,
//                   "urn", "type", "name", "message": <the policy's message, secrets redacted>,
//                   "location": { "file": <path under --source-root>, "line": n, "column": n | null,
//                                 "uri": "project:///index.ts#12,7" } | null } ],
//   "remediations": [ { "file", "policy", "urn", "type", "name", "properties": [changed top-level property] } ],
//   "notScanned": [ { "file": <as given>, "message": why it could not be read } ],
//   "summary": { "files": n, "resources": n, "mandatory": n, "advisory": n, "exempted": n,
//                "result": "pass" | "fail", "exitCode": 0 | 1 }
// }
import { ScanResult, countsOf, exitCodeOf } from "./scan";

export function renderJson(result: ScanResult): string {
    const all = result.files.flatMap((f) => f.findings);
    const exitCode = exitCodeOf(result);
    const out = {
        schemaVersion: 1,
        tool: result.tool,
        pack: { name: result.pack.name, version: result.pack.version, policies: result.pack.policies.length },
        files: result.files.map((f) => {
            const counts = countsOf(f.findings);
            return {
                path: f.file,
                kind: f.kind,
                deploymentVersion: f.deploymentVersion ?? null,
                stack: f.stack ?? null,
                project: f.project ?? null,
                resources: f.resources,
                analyzed: f.analyzed,
                withSourcePosition: f.withLocation,
                secrets: f.secrets,
                warnings: f.warnings,
                environment: f.environment,
                notApplicable: f.notApplicable,
                counts,
                result: counts.mandatory > 0 ? "fail" : "pass",
            };
        }),
        findings: all.map((x) => ({
            file: x.file,
            policy: x.policy,
            level: x.level,
            exempted: x.exempted,
            exemption: x.exemption ? { source: x.exemption.source, reason: x.exemption.reason, expires: x.exemption.expires ?? null } : null,
            severity: x.severity,
            urn: x.urn,
            type: x.type,
            name: x.name,
            message: x.message,
            location: x.location ? { file: x.location.path, line: x.location.line, column: x.location.column ?? null, uri: x.location.uri } : null,
        })),
        remediations: result.files.flatMap((f) => f.remediations),
        notScanned: result.failures,
        summary: {
            files: result.files.length,
            resources: result.files.reduce((n, f) => n + f.resources, 0),
            ...countsOf(all),
            result: exitCode === 1 ? "fail" : "pass",
            exitCode,
        },
    };
    return `${JSON.stringify(out, null, 2)}\n`;
}
