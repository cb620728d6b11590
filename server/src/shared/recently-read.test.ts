import { describe, expect, it, vi } from 'vitest';
import { recentlyRead } from './recently-read.js';

describe('recentlyRead', () => {
  it('reads once per key within the time to live, again after it', async () => {
    vi.useFakeTimers();
    try {
      const read = vi.fn(async (key: string) => `${key}:${read.mock.calls.length}`);
      const cached = recentlyRead(1000, read);
      expect(await cached('a')).toBe('a:1');
      expect(await cached('a')).toBe('a:1');
      expect(await cached('b')).toBe('b:2');
      vi.advanceTimersByTime(1001);
      expect(await cached('a')).toBe('a:3');
      expect(read).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not remember a failed read', async () => {
    let fail = true;
    const cached = recentlyRead(60_000, async () => {
      if (fail) throw new Error('database down');
      return 42;
    });
    await expect(cached('k')).rejects.toThrow('database down');
    fail = false;
    expect(await cached('k')).toBe(42);
  });

  it('keeps at most maxEntries keys, dropping the oldest', async () => {
    const read = vi.fn(async (key: number) => key * 10);
    const cached = recentlyRead(60_000, read, 2);
    await cached(1);
    await cached(2);
    await cached(3);
    await cached(2);
    expect(read).toHaveBeenCalledTimes(3);
    await cached(1);
    expect(read).toHaveBeenCalledTimes(4);
  });
});
