// Source positions: where the program registered a resource. The engine records them as `project:///<path>#<line>[,<column>]`
// (pulumi/pulumi pkg/resource/deploy/source_eval.go sourcePositions.parseSourcePosition: the SDK's file URI made relative
// to the project root, column left out when the SDK sent none) in apitype.ResourceV3.SourcePosition
// (sdk/go/common/apitype/core.go, JSON `sourcePosition`), which both `pulumi stack export` and the step states of
// `pulumi preview --json` carry (pkg/resource/stack/deployment.go SerializeResource, pkg/backend/display/json.go).
import * as path from "path";

export interface SourceLocation {
    /** The position as Pulumi recorded it, e.g. `project:///index.ts#12,7`. */
    uri: string;
    /** The file relative to the repository root (the project-relative path under --source-root), forward slashes. */
    path: string;
    /** 1-based. */
    line: number;
    /** 1-based; absent when the SDK did not record one. */
    column?: number;
}

const POSITION = /^project:\/\/(\/[^#]*)#(\d+)(?:,(\d+))?$/;

/** The parsed position, or undefined for anything that is not a well-formed project position (never a guess). */
export function parseSourcePosition(raw: unknown, sourceRoot = ""): SourceLocation | undefined {
    if (typeof raw !== "string") return undefined;
    const m = POSITION.exec(raw);
    if (!m) return undefined;
    let file: string;
    try {
        file = decodeURIComponent(m[1]);
    } catch {
        return undefined;
    }
    const line = Number(m[2]);
    const column = m[3] === undefined ? undefined : Number(m[3]);
    if (!Number.isSafeInteger(line) || line < 1 || (column !== undefined && (!Number.isSafeInteger(column) || column < 1))) return undefined;
    const projectPath = path.posix.normalize(file.slice(1));
    if (projectPath === "." || projectPath === "") return undefined;
    const repoPath = underRoot(projectPath, sourceRoot);
    // A file outside the project is recorded as `project:///../x.ts`; outside the repository there is nothing to annotate.
    if (repoPath === ".." || repoPath.startsWith("../")) return undefined;
    return { uri: raw, path: repoPath, line, column };
}

/** `--source-root infra` turns `index.ts` into `infra/index.ts`. */
function underRoot(projectPath: string, sourceRoot: string): string {
    const root = sourceRoot.replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/\/+$/, "");
    return root === "" || root === "." ? projectPath : path.posix.normalize(`${root}/${projectPath}`);
}

/** The Pulumi project file, `Pulumi.yaml` under `--source-root`. */
export function projectFileOf(sourceRoot = ""): string {
    return underRoot("Pulumi.yaml", sourceRoot);
}

/** `index.ts:12:7`, as editors and terminals link it. */
export function formatLocation(l: SourceLocation): string {
    return `${l.path}:${l.line}${l.column !== undefined ? `:${l.column}` : ""}`;
}
