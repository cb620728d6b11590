/**
 * Remembers what an async read returned, per key, for `ttlMs`: for data read on every page of a
 * busy screen that changes rarely and where a few seconds' delay harms no one (lists for menus,
 * catalogues). Never for what decides access or money. A failed read is not remembered; past
 * `maxEntries` keys the oldest is dropped.
 */
export function recentlyRead<K, V>(ttlMs: number, read: (key: K) => Promise<V>, maxEntries = 1000): (key: K) => Promise<V> {
  const entries = new Map<K, { at: number; value: Promise<V> }>();
  return (key) => {
    const now = performance.now();
    const hit = entries.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value;
    const value = read(key);
    const entry = { at: now, value };
    // A Map iterates in insertion order: re-inserted, the key becomes the newest.
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return value;
  };
}
