// "did you mean …" for a misspelled policy name, setting or exemption pattern: the closest known word by edit distance.

/** Edits (insert, delete, substitute, swap two neighbours) turning `a` into `b`, ignoring case. */
function distance(a: string, b: string): number {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array<number>(t.length).fill(0)]);
    for (let j = 1; j <= t.length; j++) d[0][j] = j;
    for (let i = 1; i <= s.length; i++) {
        for (let j = 1; j <= t.length; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[s.length][t.length];
}

/** The candidate closest to `word`, if it is close enough to be a typo of it (a third of its length, at least 2 edits). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
    const limit = Math.max(2, Math.floor(word.length / 3));
    let best: { word: string; d: number } | undefined;
    for (const c of candidates) {
        if (c === word) continue;
        const d = distance(word, c);
        if (d <= limit && (!best || d < best.d)) best = { word: c, d };
    }
    return best?.word;
}

/** ` (did you mean "x"?)` for the closest candidate, or "" when none is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
    const near = closest(word, candidates);
    return near === undefined ? "" : ` (did you mean ${JSON.stringify(near)}?)`;
}
