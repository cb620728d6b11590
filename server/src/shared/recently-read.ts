/**
 * Values remembered for `ttlMs`, at most `maxEntries` keys (past it the oldest is dropped): for
 * data read on every page of a busy screen that changes rarely and where a moment's delay harms no
 * one (lists for menus, catalogues, counts). Never for what decides access or money.
 */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, { at: number; value: V }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  get(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (performance.now() - hit.at < this.ttlMs) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: K, value: V): void {
    // A Map iterates in insertion order: re-inserted, the key becomes the newest.
    this.entries.delete(key);
    this.entries.set(key, { at: performance.now(), value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** An async read remembered per key (a RecentMap of its promises); a failed read is not remembered. */
export function recentlyRead<K, V>(ttlMs: number, read: (key: K) => Promise<V>, maxEntries = 1000): (key: K) => Promise<V> {
  const recent = new RecentMap<K, Promise<V>>(ttlMs, maxEntries);
  return (key) => {
    const hit = recent.get(key);
    if (hit) return hit;
    const value = read(key);
    recent.set(key, value);
    value.catch(() => {
      if (recent.get(key) === value) recent.delete(key);
    });
    return value;
  };
}
