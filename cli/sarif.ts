// `--format sarif`: SARIF 2.1.0 (OASIS) as GitHub code scanning reads it (github/codeql-action/upload-sarif): one run,
// a rule per policy of the pack, a result per finding with the resource as a logical location and, when Pulumi recorded
// where the resource was registered, a physical location relative to the repository root.
import { PolicyInfo } from "../engine/client";
import { Family } from "../lib/policy";
import { Finding, ScanResult } from "./scan";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/** Families whose findings are security problems; the others (names, versions, retention...) break deploys or hygiene. */
const SECURITY: ReadonlySet<Family> = new Set<Family>(["encryption", "public-access", "secrets", "transport", "iam"]);
/** GitHub's bands: critical > 9.0, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9. */
const SECURITY_SEVERITY: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

type Level = "error" | "warning" | "note" | "none";

let families: ReadonlyMap<string, Family> | undefined;

/** Loaded when a report is written, after the pack has started: a broken data file stops the scan there, with one line. */
function familyOf(policy: string): Family | undefined {
    families ??= new Map((require("../policies") as typeof import("../policies")).policies.map((p) => [p.name, p.family]));
    return families.get(policy);
}

function levelOf(f: Finding): Level {
    if (f.exempted) return "note";
    return f.level === "mandatory" ? "error" : "warning";
}

/** SARIF wants a rule name distinct from its id: the id in PascalCase (resource-name-environment-suffix -> ResourceNameEnvironmentSuffix). */
function ruleName(id: string): string {
    return id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());
}

/** The description's main clause, before the reason (", so …") or any further clause. */
function shortText(description: string): string {
    const cut = description.search(/, so |; |: /);
    return (cut > 0 ? description.slice(0, cut) : description).replace(/\.$/, "");
}

/** The policy's page: the URL the pack reports, else its docs page in this package (docs/policies/<name>.md). */
function helpUriOf(p: PolicyInfo): string {
    return /^https?:\/\//.test(p.url) ? p.url : `docs/policies/${encodeURIComponent(p.name)}.md`;
}

function rule(p: PolicyInfo, configured: string | undefined): Record<string, unknown> {
    const family = familyOf(p.name);
    const security = family !== undefined && SECURITY.has(family);
    const level = configured ?? p.enforcementLevel;
    const help = p.remediationSteps || p.description;
    return {
        id: p.name,
        name: ruleName(p.name),
        shortDescription: { text: shortText(p.description) },
        fullDescription: { text: p.description },
        help: { text: help, markdown: `**${p.description}**\n\n${help}\n\n[${p.name}](${helpUriOf(p)})` },
        helpUri: helpUriOf(p),
        defaultConfiguration: level === "disabled" ? { enabled: false, level: "none" } : { level: level === "advisory" ? "warning" : "error" },
        properties: {
            tags: [...(family ? [family] : []), ...(security ? ["security"] : []), "pulumi", "aws"],
            enforcementLevel: level,
            ...(p.severity ? { severity: p.severity } : {}),
            ...(security && p.severity ? { "security-severity": SECURITY_SEVERITY[p.severity] } : {}),
        },
    };
}

function uriOf(repoPath: string): string {
    return repoPath.split("/").map(encodeURIComponent).join("/");
}

function sarifResult(f: Finding, ruleIndex: Map<string, number>, projectFile: string): Record<string, unknown> {
    const logicalLocations = [{ fullyQualifiedName: f.urn, name: f.name, kind: "resource" }];
    // GitHub refuses a whole upload when one result has no file: a resource without a recorded position is anchored
    // on the project's Pulumi.yaml, line 1, never on a guessed line of code; the URN stays its logical location.
    const physicalLocation = f.location
        ? {
              artifactLocation: { uri: uriOf(f.location.path) },
              region: { startLine: f.location.line, ...(f.location.column !== undefined ? { startColumn: f.location.column } : {}) },
          }
        : { artifactLocation: { uri: uriOf(projectFile) }, region: { startLine: 1 } };
    const location = { physicalLocation, logicalLocations };
    const index = ruleIndex.get(f.policy);
    return {
        ruleId: f.policy,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: levelOf(f),
        message: { text: f.message },
        locations: [location],
        // SARIF's own record of a waived result: from the program's tags (inSource) or the policy config (external).
        ...(f.exemption
            ? {
                  suppressions: [
                      {
                          kind: f.exemption.source === "tag" ? "inSource" : "external",
                          status: "accepted",
                          justification: f.exemption.expires ? `${f.exemption.reason} (until ${f.exemption.expires})` : f.exemption.reason,
                      },
                  ],
              }
            : {}),
        properties: {
            document: f.file,
            resourceType: f.type,
            enforcementLevel: f.level,
            exempted: f.exempted,
            sourcePositionKnown: f.location !== undefined,
            ...(f.severity ? { severity: f.severity } : {}),
        },
    };
}

export function renderSarif(scan: ScanResult): string {
    const rules = scan.pack.policies.map((p) => rule(p, scan.pack.config[p.name]?.enforcementLevel));
    const ruleIndex = new Map(scan.pack.policies.map((p, i) => [p.name, i]));
    const notifications = [
        ...scan.failures.map((x) => ({ level: "error", message: { text: x.message } })),
        ...scan.files.flatMap((f) => f.warnings.map((w) => ({ level: "warning", message: { text: `${f.file}: ${w}` } }))),
    ];
    const log = {
        $schema: SCHEMA,
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: scan.tool.name,
                        version: scan.tool.version,
                        semanticVersion: scan.tool.version,
                        rules,
                    },
                },
                invocations: [{ executionSuccessful: scan.failures.length === 0, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
                columnKind: "utf16CodeUnits",
                results: scan.files.flatMap((f) => f.findings.map((x) => sarifResult(x, ruleIndex, scan.projectFile))),
            },
        ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}
