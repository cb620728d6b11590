import { sql } from 'kysely';
import type { AnyDb } from '../../../platform/db/database.js';
import type { RequestStatus } from '../request-status.js';
import type { QueueSort } from './desk.schemas.js';
import {
  cappedCounts,
  countCap,
  isRareSearch,
  type QueueFilters,
  type QueueRow,
  queuePageQuery,
  rareCountLimit,
  rareCountsQuery,
  type StatusCounts,
  statusCountsQuery,
} from './queue.repository.js';

type CountRow = { status: RequestStatus; n: number };
/** A page row as json_agg writes it: instants as ISO strings. */
type JsonQueueRow = Omit<QueueRow, 'created_at' | 'status_changed_at'> & { created_at: string; status_changed_at: string };

/**
 * A page of the queue and its counts, in one read-only transaction that steers PostgreSQL where
 * its statistics cannot: never a sequential scan (a count limited to 101 rows, planned as a table
 * scan that "stops early", read all 1,000,000 rows when a status had fewer matches); the GIN index
 * for a rare search, the queue's ordered indexes for everything else (see isRareSearch).
 *
 * Each round trip to PostgreSQL costs more CPU (both sides) than these queries take to run, and at
 * 8 concurrent operators the CPU is the limit (bench/RESULTS.md, help desk): the transaction is
 * opened and steered in one simple query (BEGIN and the SETs), page and counts come in one
 * statement, then COMMIT — three round trips where Kysely's transaction took seven.
 * Measurements: desk/README.md.
 */
export async function readQueue(
  db: AnyDb,
  filters: QueueFilters,
  status: RequestStatus | undefined,
  sort: QueueSort,
  page: { page: number; pageSize: number },
): Promise<{ rows: QueueRow[] } & StatusCounts> {
  const rare = await isRareSearch(db, filters);
  // Rare: the GIN index leads (bitmap). Otherwise: walk the queue's indexes in order and stop
  // early; a bitmap of a frequent word's 125,000 matches costs 30 ms per status counted.
  // A query without parameters goes as one simple query, which may hold several statements.
  const steer = `BEGIN READ ONLY; SET LOCAL enable_seqscan = off; SET LOCAL ${rare ? 'enable_indexscan' : 'enable_bitmapscan'} = off`;
  return db.connection().execute(async (conn) => {
    try {
      // Inside the try: a failed SET leaves the transaction open (aborted) until ROLLBACK.
      await sql.raw(steer).execute(conn);
      const counts = rare ? rareCountsQuery(conn, filters) : statusCountsQuery(conn, filters);
      // json_agg keeps the order of the page's sorted subquery.
      const { rows } = await sql<{ page: JsonQueueRow[]; counts: CountRow[] }>`
        SELECT (SELECT coalesce(json_agg(p), '[]'::json) FROM (${queuePageQuery(conn, filters, status, sort, page)}) p) AS page,
               (SELECT coalesce(json_agg(c), '[]'::json) FROM (${counts}) c) AS counts`.execute(conn);
      let countRows = rows[0]!.counts;
      // A "rare" search with many matches long ago: its one pass stopped at the limit. Count per
      // status as a frequent word is counted (walking the status indexes, stopping at the cap):
      // bitmaps of that many matches, one per status, took seconds.
      if (rare && countRows.reduce((sum, row) => sum + row.n, 0) >= rareCountLimit(filters)) {
        await sql.raw('SET LOCAL enable_indexscan = on; SET LOCAL enable_bitmapscan = off').execute(conn);
        countRows = (await statusCountsQuery(conn, filters).execute()) as CountRow[];
      }
      await sql.raw('COMMIT').execute(conn);
      return {
        rows: rows[0]!.page.map((r) => ({ ...r, created_at: new Date(r.created_at), status_changed_at: new Date(r.status_changed_at) })),
        ...cappedCounts(countRows, countCap(filters)),
      };
    } catch (error) {
      await sql.raw('ROLLBACK').execute(conn).catch(() => {});
      throw error;
    }
  });
}
