import { sql } from 'kysely';
import type { AnyDb } from '../../../platform/db/database.js';
import type { RequestStatus } from '../request-status.js';
import type { QueueSort } from './desk.schemas.js';
import { isRareSearch, type QueueFilters, queuePage, statusCounts } from './queue.repository.js';

/**
 * A page of the queue and its counts, in one read-only transaction that steers PostgreSQL where
 * its statistics cannot: never a sequential scan (a count limited to 101 rows, planned as a table
 * scan that "stops early", read all 1,000,000 rows when a status had fewer matches); the GIN index
 * for a rare search, the queue's ordered indexes for everything else (see isRareSearch).
 * Measurements: desk/README.md.
 */
export async function readQueue(db: AnyDb, filters: QueueFilters, status: RequestStatus | undefined, sort: QueueSort, page: { page: number; pageSize: number }) {
  const rare = await isRareSearch(db, filters);
  return db.transaction().execute(async (trx) => {
    await sql`SET TRANSACTION READ ONLY`.execute(trx);
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    // Rare: the GIN index leads (bitmap). Otherwise: walk the queue's indexes in order and stop
    // early; a bitmap of a frequent word's 125,000 matches costs 30 ms per status counted.
    await sql.raw(rare ? 'SET LOCAL enable_indexscan = off' : 'SET LOCAL enable_bitmapscan = off').execute(trx);
    const rows = await queuePage(trx, filters, status, sort, page);
    const counts = await statusCounts(trx, filters);
    return { rows, ...counts };
  });
}
