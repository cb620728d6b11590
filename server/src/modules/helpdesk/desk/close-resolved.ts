import type { Kysely } from 'kysely';
import type { HelpdeskDeps } from '../helpdesk.deps.js';
import type { HelpdeskTables } from '../helpdesk.tables.js';
import { lockRequest, moveRequest, SYSTEM_ACTOR } from '../request-thread.js';

/** Requests handled per transaction: short transactions, yet few round trips. */
const BATCH = 100;
const DAY_MS = 86_400_000;

/**
 * Requests "risolto" for closeAfterDays days (on the one clock) become "chiuso" (seed 004 §2.5:
 * operators never set it). Safe with several instances running it: each transaction takes its
 * requests with FOR UPDATE SKIP LOCKED, so two runs never take the same one, and a request a
 * citizen is reopening at that moment is simply left for the next run. Returns how many closed.
 */
export async function closeResolved(deps: HelpdeskDeps): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - deps.closeAfterDays * DAY_MS);
  let closed = 0;
  for (;;) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const due = await (trx as Kysely<HelpdeskTables>)
        .selectFrom('helpdesk_requests')
        .select('id')
        .where('status', '=', 'risolto')
        .where('resolved_at', '<=', before)
        .orderBy('resolved_at')
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const { id } of due) {
        const request = await lockRequest(trx, id);
        await moveRequest(trx, deps, request, 'chiuso', SYSTEM_ACTOR);
      }
      return due.length;
    });
    closed += done;
    if (done < BATCH) return closed;
  }
}
