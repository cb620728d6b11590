import { sql } from 'kysely';
import type { AnyDb, PlannerSettings } from '../../../platform/db/database.js';
import type { RequestStatus } from '../request-status.js';
import type { QueueSort } from './desk.schemas.js';
import type { RecentCounts } from './recent-counts.js';
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

/** Never a sequential scan; a rare search reads the GIN index (bitmap), anything else walks the queue's indexes in order. */
const RARE: PlannerSettings = { enable_seqscan: 'off', enable_indexscan: 'off' };
const ORDERED: PlannerSettings = { enable_seqscan: 'off', enable_bitmapscan: 'off' };

/**
 * A page of the queue and its counts, in one statement on connections whose planner is steered
 * where its statistics cannot: never a sequential scan (a count limited to 101 rows, planned as a
 * table scan that "stops early", read all 1,000,000 rows when a status had fewer matches); the GIN
 * index for a rare search, the queue's ordered indexes for everything else (see isRareSearch).
 *
 * Each round trip to PostgreSQL costs more CPU (both sides) than these queries take to run, and at
 * 8 concurrent operators the CPU is the limit (bench/RESULTS.md, help desk): page and counts come
 * in one statement, on connections steered once (Database.tuned) — one round trip, where a
 * transaction with SET LOCAL took three and Kysely's transaction seven — and the counts, when
 * another operator's view counted them a moment ago (RecentCounts), are not counted again.
 * Measurements: desk/README.md.
 */
export async function readQueue(
  tunedDb: (settings: PlannerSettings) => AnyDb,
  filters: QueueFilters,
  status: RequestStatus | undefined,
  sort: QueueSort,
  page: { page: number; pageSize: number },
  recentCounts: RecentCounts,
): Promise<{ rows: QueueRow[] } & StatusCounts> {
  const ordered = tunedDb(ORDERED);
  const rare = await isRareSearch(ordered, filters);
  const db = rare ? tunedDb(RARE) : ordered;
  const pageQuery = queuePageQuery(db, filters, status, sort, page);
  const known = recentCounts.get(filters);
  if (known) {
    const rows = await pageQuery.execute();
    return { rows, ...known };
  }
  const counts = rare ? rareCountsQuery(db, filters) : statusCountsQuery(db, filters);
  // json_agg keeps the order of the page's sorted subquery.
  const { rows } = await sql<{ page: JsonQueueRow[]; counts: CountRow[] }>`
    SELECT (SELECT coalesce(json_agg(p), '[]'::json) FROM (${pageQuery}) p) AS page,
           (SELECT coalesce(json_agg(c), '[]'::json) FROM (${counts}) c) AS counts`.execute(db);
  let countRows = rows[0]!.counts;
  // A "rare" search with many matches long ago: its one pass stopped at the limit. Count per
  // status as a frequent word is counted (walking the status indexes, stopping at the cap):
  // bitmaps of that many matches, one per status, took seconds.
  if (rare && countRows.reduce((sum, row) => sum + row.n, 0) >= rareCountLimit(filters)) {
    countRows = (await statusCountsQuery(ordered, filters).execute()) as CountRow[];
  }
  const statusCounts = cappedCounts(countRows, countCap(filters));
  recentCounts.set(filters, statusCounts);
  return {
    rows: rows[0]!.page.map((r) => ({ ...r, created_at: new Date(r.created_at), status_changed_at: new Date(r.status_changed_at) })),
    ...statusCounts,
  };
}
