/**
 * A fresh id `prefix` + number, one past the highest number already used with that prefix, so ids
 * are short, readable, and never reused while the higher ones exist.
 */
export function nextId(prefix: string, taken: Iterable<string>): string {
  let max = 0;
  for (const id of taken) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${max + 1}`;
}
