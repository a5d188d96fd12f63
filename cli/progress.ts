// The progress indicator: stderr only, so stdout (the report) is never garbled. On a terminal one line is redrawn at
// most ten times a second and erased at the end; elsewhere (`--progress` in CI logs) a line every 10 %.
import { ProgressSink } from "./scan";

export type ProgressMode = "auto" | "on" | "off";

export interface ProgressStream {
    isTTY?: boolean;
    write(s: string): unknown;
}

/** Below these a document is analyzed in about a second; an indicator would only flicker. */
const LARGE_RESOURCES = 500;
const LARGE_BYTES = 2 * 1024 * 1024;

export function progressSink(mode: ProgressMode, out: ProgressStream, file: string, total: number, bytes: number): ProgressSink | undefined {
    const tty = out.isTTY === true;
    if (mode === "off" || (mode === "auto" && (!tty || (total < LARGE_RESOURCES && bytes < LARGE_BYTES)))) return undefined;
    const started = Date.now();
    let done = 0;
    let drawn = 0;
    let decile = 0;
    const prefix = `aws-guardrails: ${file}:`;
    const line = (): string => `${prefix} analyzed ${done}/${total} resources (${total > 0 ? Math.floor((done * 100) / total) : 100} %)`;
    const show = (text: string): void => {
        out.write(tty ? `\r\x1b[2K${text}` : `${text}\n`);
    };
    return {
        analyzed() {
            done++;
            if (tty) {
                const now = Date.now();
                if (now - drawn >= 100 || done === total) {
                    drawn = now;
                    show(line());
                }
            } else if (total > 0 && Math.floor((done * 10) / total) > decile) {
                decile = Math.floor((done * 10) / total);
                show(line());
            }
        },
        stack() {
            show(`${prefix} running stack policies`);
        },
        done() {
            if (tty) out.write("\r\x1b[2K");
            else show(`${prefix} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        },
    };
}
