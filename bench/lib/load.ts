import { performance } from 'node:perf_hooks';

export interface LoadResult {
  label: string;
  concurrency: number;
  operations: number;
  errors: number;
  seconds: number;
  perSecond: number;
  /** Latency percentiles of one operation, in milliseconds. */
  p50: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function summarise(label: string, concurrency: number, latencies: number[], errors: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    label,
    concurrency,
    operations: latencies.length,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
  };
}

/**
 * A closed loop: each worker (one merchant's operator) runs its operation again as soon as the
 * previous one ends, for `seconds` after `warmupSeconds`. An operation returns false for an
 * unexpected answer (counted as an error) and null when its worker has no more work.
 */
export async function closedLoop<W>(
  label: string,
  workers: W[],
  operation: (worker: W) => Promise<boolean | null>,
  options: { seconds: number; warmupSeconds?: number },
): Promise<LoadResult> {
  const warmupEnd = performance.now() + (options.warmupSeconds ?? 0) * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let measuring = false;
  let end = Number.POSITIVE_INFINITY;
  let started = 0;
  let lastEnd = 0;

  const run = async (worker: W) => {
    for (;;) {
      const now = performance.now();
      if (!measuring && now >= warmupEnd) {
        measuring = true;
        started = now;
        end = now + options.seconds * 1000;
      }
      if (now >= end) return;
      const t0 = performance.now();
      const ok = await operation(worker);
      const t1 = performance.now();
      if (ok === null) return;
      if (measuring && t0 >= started) {
        if (ok) latencies.push(t1 - t0);
        else errors += 1;
        lastEnd = Math.max(lastEnd, t1);
      }
    }
  };
  await Promise.all(workers.map(run));
  // From the first measured start to the last measured end: operations begun before the deadline count.
  const seconds = (lastEnd - started) / 1000;
  return summarise(label, workers.length, latencies, errors, seconds);
}

export function formatResult(r: LoadResult): string {
  return `${r.label.padEnd(44)} c=${String(r.concurrency).padStart(2)}  ${r.perSecond.toFixed(0).padStart(7)}/s  p50 ${r.p50.toFixed(2).padStart(7)} ms  p99 ${r.p99.toFixed(2).padStart(7)} ms  (${r.operations} ops${r.errors ? `, ${r.errors} errors` : ''} in ${r.seconds.toFixed(1)} s)`;
}

export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}×`;
}
