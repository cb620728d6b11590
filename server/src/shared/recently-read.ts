/**
 * Remembers what an async read returned, per key, for `ttlMs`: for data read on every page of a
 * busy screen that changes rarely and where a few seconds' delay harms no one (lists for menus,
 * catalogues). Never for what decides access or money. A failed read is not remembered; keys are
 * few (one per structure, say), so entries are only replaced, never swept.
 */
export function recentlyRead<K, V>(ttlMs: number, read: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const entries = new Map<K, { at: number; value: Promise<V> }>();
  return (key) => {
    const now = performance.now();
    const hit = entries.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value;
    const value = read(key);
    const entry = { at: now, value };
    entries.set(key, entry);
    value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return value;
  };
}
