/**
 * Aligning the sentences of a text before and after a correction (used by ./reanchor), in three
 * passes, most certain first:
 * 1. *Unchanged*: an LCS over whole sentence texts (after stripping the common head and tail), so
 *    unchanged sentences keep their ids in order; among equally long alignments (repeated
 *    sentences) the one whose pairs moved the fewest characters wins, i.e. the nearest position.
 * 2. *Edited*: between two consecutive unchanged pairs, the leftover old and new sentences are
 *    paired by a second alignment that maximises total similarity, counting only pairs at least
 *    {@link SIMILAR} alike (character LCS: 2·lcs / (|a| + |b|)). A sentence whose typo was fixed
 *    sits between the same unchanged neighbours and stays highly similar, so it keeps its id and
 *    its whole-sentence refs; a rewritten sentence does not.
 * 3. *Moved*: a leftover old sentence whose exact text is a leftover new sentence elsewhere.
 */

/** How alike (0–1, character LCS) an edited sentence must stay to keep its id. */
export const SIMILAR = 0.6;

/** A sentence: its text and where it is. */
export interface Piece {
  text: string;
  start: number;
  end: number;
}

/** `match[i]`: the new index of old sentence `i`, if it has one. */
export type Match = (number | undefined)[];

/**
 * Aligns old sentences with new ones in the three passes of the module comment: `match[i]` is the
 * new index of old sentence `i`; `moved` holds the old indices of pass 3, which break text order.
 */
export function alignSentences(olds: Piece[], news: Piece[]): { match: Match; moved: Set<number> } {
  const match: Match = olds.map(() => undefined);
  // Pass 1: common head and tail, then an LCS of the middle (one more pair outweighs any sum of
  // distances; among equals, the pairs that moved least).
  let lo = 0;
  while (lo < olds.length && lo < news.length && olds[lo]!.text === news[lo]!.text)
    match[lo] = lo++;
  let hiO = olds.length;
  let hiN = news.length;
  while (hiO > lo && hiN > lo && olds[hiO - 1]!.text === news[hiN - 1]!.text) match[--hiO] = --hiN;
  bestPairs([lo, hiO, lo, hiN], match, (a, b) =>
    olds[a]!.text === news[b]!.text ? 2 ** 40 - Math.abs(olds[a]!.start - news[b]!.start) : 0,
  );
  // Pass 2: edited sentences, within each gap between consecutive unchanged pairs; a large gap
  // only compares sentences near the same relative place, to keep the cost bounded.
  let prevO = -1;
  let prevN = -1;
  for (let i = 0; i <= olds.length; i++) {
    const j = i < olds.length ? match[i] : news.length;
    if (j === undefined) continue;
    const [o0, n0, n, m] = [prevO + 1, prevN + 1, i - prevO - 1, j - prevN - 1];
    if (n > 0 && m > 0)
      bestPairs([o0, i, n0, j], match, (a, b) => {
        const near = n * m <= 400 || Math.abs((a - o0) / n - (b - n0) / m) * Math.max(n, m) <= 8;
        const alike = near ? similarity(olds[a]!.text, news[b]!.text) : 0;
        return alike >= SIMILAR ? alike : 0;
      });
    [prevO, prevN] = [i, j];
  }
  // Pass 3: moved sentences, exact text elsewhere, nearest first.
  const moved = new Set<number>();
  const free = new Set(news.keys());
  for (const j of match) if (j !== undefined) free.delete(j);
  olds.forEach((old, i) => {
    if (match[i] !== undefined) return;
    const dist = (j: number) => Math.abs(news[j]!.start - old.start);
    let best: number | undefined;
    for (const j of free)
      if (news[j]!.text === old.text && (best === undefined || dist(j) < dist(best))) best = j;
    if (best === undefined) return;
    match[i] = best;
    moved.add(i);
    free.delete(best);
  });
  return { match, moved };
}

/**
 * The order-keeping pairing of old `[o0, o1)` with new `[n0, n1)` that maximises the total
 * `gain` of its pairs (a gain of 0 forbids the pair); written into `match`.
 */
function bestPairs(
  [o0, o1, n0, n1]: [number, number, number, number],
  match: Match,
  gain: (a: number, b: number) => number,
): void {
  const [n, m, W] = [o1 - o0, n1 - n0, n1 - n0 + 1];
  const gains = new Float64Array(n * m).map((_, k) => gain(o0 + Math.floor(k / m), n0 + (k % m)));
  const best = new Float64Array((n + 1) * W);
  const pair = (i: number, j: number) =>
    gains[i * m + j]! > 0 ? best[(i + 1) * W + j + 1]! + gains[i * m + j]! : -Infinity;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      best[i * W + j] = Math.max(best[(i + 1) * W + j]!, best[i * W + j + 1]!, pair(i, j));
  for (let i = 0, j = 0; i < n && j < m;) {
    if (best[i * W + j] === pair(i, j)) match[o0 + i++] = n0 + j++;
    else if (best[i * W + j] === best[(i + 1) * W + j]) i++;
    else j++;
  }
}

/** How alike two sentences are, 0–1: twice their longest common subsequence over their lengths. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const total = a.length + b.length;
  if ((2 * Math.min(a.length, b.length)) / total < SIMILAR) return 0; // cannot reach the bar
  let row = new Uint32Array(b.length + 1);
  let next = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      next[j] = a[i - 1] === b[j - 1] ? row[j - 1]! + 1 : Math.max(row[j]!, next[j - 1]!);
    [row, next] = [next, row];
  }
  return (2 * row[b.length]!) / total;
}
