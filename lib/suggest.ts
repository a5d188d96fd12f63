// "Did you mean": the nearest of a list of names to a misspelt one, for option and config errors.

/** Edit distance (insert, delete, substitute one character). */
function distance(a: string, b: string): number {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        row = next;
    }
    return row[b.length];
}

/** The known name closest to `given` when it is close enough to be a typo (or a prefix of it), else undefined. */
export function closest(given: string, known: readonly string[]): string | undefined {
    const word = given.toLowerCase();
    let best: { name: string; d: number } | undefined;
    for (const name of known) {
        const d = name.startsWith(word) && word.length >= 3 ? 0.5 : distance(word, name.toLowerCase());
        if (!best || d < best.d) best = { name, d };
    }
    return best && best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.name : undefined;
}

/** ` (did you mean "x"?)` or "". */
export function didYouMean(given: string, known: readonly string[]): string {
    const near = closest(given, known);
    return near ? ` (did you mean ${JSON.stringify(near)}?)` : "";
}
