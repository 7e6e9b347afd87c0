/** Appends `value` to the list under `key`, creating it: no copy of the list (loops stay linear). */
export function pushTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}
