// `did you mean --region?`: the known flag nearest a mistyped one.

/** Edit distance with transpositions (`--regoin` is one from `--region`). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The known long flag closest to a mistyped one (at most two edits, and most of it alike). */
export function closestFlag(typed: string, known: readonly string[]): string | undefined {
  if (!typed.startsWith('--')) return undefined;
  let best: { flag: string; d: number } | undefined;
  for (const flag of known) {
    const d = distance(typed.slice(2), flag.slice(2));
    if (d > 2 || d >= Math.max(typed.length, flag.length) - 2 - d) continue;
    if (!best || d < best.d) best = { flag, d };
  }
  return best?.flag;
}
