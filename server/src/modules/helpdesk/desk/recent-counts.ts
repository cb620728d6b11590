import { RecentMap } from '../../../shared/recently-read.js';
import type { QueueFilters, StatusCounts } from './queue.repository.js';

/** Counts older than this are read again: what other processes changed shows within it. */
const TTL_MS = 2_000;
/** Distinct filter combinations remembered (most are the default queue of each desk). */
const MAX_ENTRIES = 500;

/**
 * The counts per status of a queue under given filters, shared by every operator of the process
 * for two seconds: counting costs more than the page itself (bench/RESULTS.md, help desk), and
 * operators of a desk mostly look at the same views. Any change made through this process's help
 * desk (a request filed, answered, assigned, moved, closed) forgets them all at once, so the
 * operator who acted sees exact counts; changes made by another process show within two seconds.
 */
export class RecentCounts {
  private readonly recent = new RecentMap<string, StatusCounts>(TTL_MS, MAX_ENTRIES);

  get(filters: QueueFilters): StatusCounts | undefined {
    return this.recent.get(keyOf(filters));
  }

  set(filters: QueueFilters, counts: StatusCounts): void {
    this.recent.set(keyOf(filters), counts);
  }

  forget(): void {
    this.recent.clear();
  }
}

function keyOf(f: QueueFilters): string {
  const s = f.search;
  const search = !s ? null : s.kind === 'number' ? ['n', s.number] : s.kind === 'fiscalCode' ? ['cf', s.fiscalCode] : ['t', s.text];
  return JSON.stringify([f.queueStructureId, f.category ?? null, f.assignee ?? null, f.age ?? null, f.today, search]);
}
