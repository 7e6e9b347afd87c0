/**
 * This person's tag for new ids, set while a shared map is open (see {@link setIdTag}); null for
 * a local map.
 */
let idTag: string | null = null;

/**
 * In a shared map, two people who add a node at the same moment would both take the next number
 * and the shared document would keep one of the two nodes. While a tag is set (the app sets a
 * short one per person when it opens a shared map, and clears it when the map closes), new ids
 * carry it: `n151.k3f`. Local maps keep plain ids.
 */
export function setIdTag(tag: string | null): void {
  if (tag !== null && !/^[a-z0-9]{1,12}$/.test(tag)) throw new Error(`Bad id tag "${tag}"`);
  idTag = tag;
}

/**
 * A fresh id `prefix` + number, one past the highest number already used with that prefix, so ids
 * are short, readable, and never reused while the higher ones exist; with this person's tag after
 * a dot while a shared map is open ({@link setIdTag}).
 */
export function nextId(prefix: string, taken: Iterable<string>): string {
  let max = 0;
  for (const id of taken) {
    if (!id.startsWith(prefix)) continue;
    const rest = id.slice(prefix.length);
    const dot = rest.indexOf('.');
    const n = Number(dot < 0 ? rest : rest.slice(0, dot));
    if (rest !== '' && Number.isInteger(n) && n > max) max = n;
  }
  return idTag ? `${prefix}${max + 1}.${idTag}` : `${prefix}${max + 1}`;
}
