/**
 * How alike two texts are, by their pairs of neighbouring characters: for Chinese these are
 * roughly its words, for English they tolerate small changes of wording. Case, spaces and
 * punctuation do not count.
 */

/** Multiset of character bigrams of a text, ignoring case, spaces and punctuation. */
export function bigrams(text: string): Map<string, number> {
  const chars = [
    ...text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ''),
  ];
  const out = new Map<string, number>();
  const grams = chars.length === 1 ? chars : chars.slice(1).map((c, i) => `${chars[i]}${c}`);
  for (const g of grams) out.set(g, (out.get(g) ?? 0) + 1);
  return out;
}

/** Dice coefficient of two bigram multisets: 1 when they are the same, 0 when they share none. */
export function dice(a: Map<string, number>, b: Map<string, number>): number {
  let total = 0;
  let shared = 0;
  for (const n of a.values()) total += n;
  for (const n of b.values()) total += n;
  if (total === 0) return 0;
  for (const [g, n] of a) shared += Math.min(n, b.get(g) ?? 0);
  return (2 * shared) / total;
}

/** Character-bigram Dice coefficient of two texts (1 = same letters in the same pairs). */
export function textSimilarity(a: string, b: string): number {
  return dice(bigrams(a), bigrams(b));
}

/** The share of `part`'s pairs that are also in `whole` (1: everything `part` says, `whole` says). */
export function containment(part: Map<string, number>, whole: Map<string, number>): number {
  let total = 0;
  let shared = 0;
  for (const [g, n] of part) {
    total += n;
    shared += Math.min(n, whole.get(g) ?? 0);
  }
  return total === 0 ? 1 : shared / total;
}
