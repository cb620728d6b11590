import { useEffect, useState } from 'react';

const TICK_MS = 15_000;

/**
 * The platform's date now, from an answer of the server (its `now`, received at `receivedAt` by
 * the browser's clock): it runs on between answers, so a page left open does not show a stale
 * time. Only the difference between the two clocks is trusted, not the browser's date itself.
 */
export function usePlatformNow(now: string | undefined, receivedAt: number): Date | null {
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    if (!now) return undefined;
    setTick(Date.now());
    const timer = window.setInterval(() => setTick(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, [now, receivedAt]);
  if (!now) return null;
  const serverNow = Date.parse(now);
  if (Number.isNaN(serverNow)) return null;
  return new Date(serverNow + Math.max(0, tick - receivedAt));
}
