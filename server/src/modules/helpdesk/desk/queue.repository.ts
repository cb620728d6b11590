import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { AnyDb } from '../../../platform/db/database.js';
import { shiftDay } from './rome-days.js';
import type { HelpdeskTables } from '../helpdesk.tables.js';
import { REQUEST_STATUS_CODES, type RequestStatus } from '../request-status.js';
import type { AgeBucket, QueueSort } from './desk.schemas.js';
import { PROBE_WINDOW, RARE_BELOW, type TextSearch } from './queue-search.js';

/** SQL of a desk's queue; every query is scoped to one queue (queue_structure_id). */

export interface QueueFilters {
  queueStructureId: string;
  category?: string;
  /** A user id, or 'none' for requests nobody has taken. */
  assignee?: string;
  age?: AgeBucket;
  /** Today in Rome ("YYYY-MM-DD"): the age buckets count from it. */
  today: string;
  search?: TextSearch;
}

const k = (db: AnyDb) => db as Kysely<HelpdeskTables>;

/** The first instant of a Rome day. */
const romeMidnight = (day: string) => sql<Date>`(${day}::date::timestamp AT TIME ZONE 'Europe/Rome')`;

/** Age buckets are cumulative on Rome days: today; the last 7 days; the last 30; before those 30. */
function ageCondition(age: AgeBucket, today: string): Expression<SqlBool> {
  switch (age) {
    case 'today':
      return sql<SqlBool>`r.created_at >= ${romeMidnight(today)}`;
    case 'week':
      return sql<SqlBool>`r.created_at >= ${romeMidnight(shiftDay(today, -6))}`;
    case 'month':
      return sql<SqlBool>`r.created_at >= ${romeMidnight(shiftDay(today, -29))}`;
    case 'older':
      return sql<SqlBool>`r.created_at < ${romeMidnight(shiftDay(today, -29))}`;
  }
}

/** The tsquery of a text search (see queue-search.ts), as SQL. */
export function tsqueryOf(search: Extract<TextSearch, { kind: 'text' }>) {
  return search.advanced
    ? sql`(websearch_to_tsquery('italian', ${search.text}) || websearch_to_tsquery('simple', ${search.text}))`
    : sql`${search.tsquery}::tsquery`;
}

function scoped(db: AnyDb, f: QueueFilters) {
  let query = k(db).selectFrom('helpdesk_requests as r').where('r.queue_structure_id', '=', f.queueStructureId);
  if (f.category !== undefined) query = query.where('r.category_code', '=', f.category);
  if (f.assignee === 'none') query = query.where('r.assignee_user_id', 'is', null);
  else if (f.assignee !== undefined) query = query.where('r.assignee_user_id', '=', f.assignee);
  if (f.age !== undefined) query = query.where(ageCondition(f.age, f.today));
  const search = f.search;
  if (search?.kind === 'number') query = query.where('r.number', '=', search.number);
  // The codice fiscale is in the 'simple' part of the search vector: the GIN index finds it, the equality confirms it.
  if (search?.kind === 'fiscalCode') {
    query = query.where(sql<SqlBool>`r.search @@ plainto_tsquery('simple', ${search.fiscalCode.toLowerCase()})`).where('r.fiscal_code', '=', search.fiscalCode);
  }
  if (search?.kind === 'text') query = query.where(sql<SqlBool>`r.search @@ ${tsqueryOf(search)}`);
  return query;
}

/** Workflow order of sort=status: what needs work first. */
export const STATUS_SORT: readonly RequestStatus[] = ['nuova', 'in_lavorazione', 'in_attesa_utente', 'non_di_competenza', 'risolto', 'chiuso'];

const COLUMNS = [
  'r.id',
  'r.number',
  'r.created_at',
  'r.status_changed_at',
  'r.status',
  'r.service_code',
  'r.category_code',
  'r.given_name',
  'r.family_name',
  'r.fiscal_code',
  'r.agency_structure_id',
  'r.assignee_user_id',
] as const;

/**
 * One page of the queue. Newest/oldest walk the index (queue_structure_id, created_at DESC, id DESC),
 * or with a status its partial index (open: queue_structure_id, status, created_at DESC, id DESC;
 * chiuso: queue_structure_id, created_at DESC, id DESC): the first page reads only its rows.
 * sort=status reads each status's first rows through those, in workflow order.
 */
export function queuePageQuery(db: AnyDb, filters: QueueFilters, status: RequestStatus | undefined, sort: QueueSort, page: { page: number; pageSize: number }) {
  const offset = (page.page - 1) * page.pageSize;
  const base = status === undefined ? scoped(db, filters) : scoped(db, filters).where('r.status', '=', status);
  if (sort === 'status' && status === undefined) {
    const first = offset + page.pageSize;
    // Each branch in a subquery of its own: PostgreSQL refuses ORDER BY / LIMIT on a bare UNION member.
    const branches = STATUS_SORT.map((s, i) =>
      k(db)
        .selectFrom(
          scoped(db, filters)
            .where('r.status', '=', s)
            .select([...COLUMNS, sql<number>`${i}::int`.as('rank')])
            .orderBy('r.created_at', 'desc')
            .orderBy('r.id', 'desc')
            .limit(first)
            .as(`s${i}`),
        )
        .selectAll(),
    );
    const union = branches.slice(1).reduce((acc, b) => acc.unionAll(b), branches[0]!);
    return k(db)
      .selectFrom(union.as('u'))
      .selectAll()
      .orderBy('u.rank')
      .orderBy('u.created_at', 'desc')
      .orderBy('u.id', 'desc')
      .limit(page.pageSize)
      .offset(offset);
  }
  let query = base.select(COLUMNS);
  if (sort === 'relevance' && filters.search?.kind === 'text') {
    query = query.orderBy(sql`ts_rank(r.search, ${tsqueryOf(filters.search)})`, 'desc');
  }
  const direction = sort === 'oldest' ? 'asc' : 'desc';
  return query.orderBy('r.created_at', direction).orderBy('r.id', direction).limit(page.pageSize).offset(offset);
}

/** A row of the page, as the route reads it. */
export interface QueueRow {
  id: string;
  number: number;
  created_at: Date;
  status_changed_at: Date;
  status: string;
  service_code: string;
  category_code: string;
  given_name: string;
  family_name: string;
  fiscal_code: string;
  agency_structure_id: string;
  assignee_user_id: string | null;
}

/** Counts stop here: past it a tab says "1000+" (counting 900,000 closed requests at each page view is not worth 300 ms). */
export const COUNT_CAP = 1000;
/** With a text search each counted row costs a match of its vector: a lower cap keeps the page fast. */
export const SEARCH_COUNT_CAP = 100;

export interface StatusCounts {
  counts: Record<RequestStatus, number>;
  /** Statuses with more requests than their count says (the count is the cap). */
  capped: RequestStatus[];
}

/**
 * How many requests in each status, under the same filters but the status, each counted up to a
 * cap: one short index range per status (the partial indexes of open and closed requests) instead
 * of a GROUP BY over every request the queue ever held. A rare search (see isRareSearch) counts its
 * few matches in one pass over the search index instead (rareCountsQuery), grouped by status: six
 * ranges of the status indexes, each intersected with the search index, cost ten times more.
 */
export function statusCountsQuery(db: AnyDb, filters: QueueFilters) {
  const cap = countCap(filters);
  const branches = REQUEST_STATUS_CODES.map((s) =>
    k(db)
      .selectFrom(scoped(db, filters).where('r.status', '=', s).select(sql<number>`1`.as('one')).limit(cap + 1).as('x'))
      .select([sql<RequestStatus>`${s}::text`.as('status'), (eb) => eb.fn.countAll<number>().as('n')]),
  );
  return branches.slice(1).reduce((acc, b) => acc.unionAll(b), branches[0]!);
}

/** At most this many matches of a rare search are counted in one pass; past it, count per status. */
export const rareCountLimit = (filters: QueueFilters) => REQUEST_STATUS_CODES.length * (countCap(filters) + 1);

/** The counts of a rare search: its matches through the search index, grouped by status. */
export function rareCountsQuery(db: AnyDb, filters: QueueFilters) {
  return k(db)
    .selectFrom(scoped(db, filters).select('r.status').limit(rareCountLimit(filters)).as('x'))
    .select([sql<RequestStatus>`x.status`.as('status'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('x.status');
}

export const countCap = (filters: QueueFilters) => (filters.search?.kind === 'text' ? SEARCH_COUNT_CAP : COUNT_CAP);

/** Counts per status as the queue shows them: each at most the cap, the statuses past it listed. */
export function cappedCounts(rows: { status: RequestStatus; n: number }[], cap: number): StatusCounts {
  const counts = Object.fromEntries(REQUEST_STATUS_CODES.map((s) => [s, 0])) as Record<RequestStatus, number>;
  const capped: RequestStatus[] = [];
  for (const row of rows) {
    const n = Number(row.n);
    counts[row.status] = Math.min(n, cap);
    if (n > cap) capped.push(row.status);
  }
  return { counts, capped };
}

/**
 * Whether a search is rare enough for the search (GIN) index to lead: fewer than 5 matches among
 * the newest 1000 requests of the queue. A frequent word is found fastest walking the queue newest
 * first; a rare one (or a codice fiscale) through the GIN index — PostgreSQL cannot tell them apart
 * from its statistics and walked all 900,000 rows of a queue for a word found nowhere (650 ms).
 */
export async function isRareSearch(db: AnyDb, filters: QueueFilters): Promise<boolean> {
  const search = filters.search;
  if (!search || search.kind === 'number') return false;
  if (search.kind === 'fiscalCode') return true;
  // parseSearch counts them in the round trip that builds the query.
  if (search.newestMatches !== undefined) return search.newestMatches < RARE_BELOW;
  const newest = k(db)
    .selectFrom('helpdesk_requests as r')
    .select('r.search')
    .where('r.queue_structure_id', '=', filters.queueStructureId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(PROBE_WINDOW)
    .as('w');
  const row = await k(db)
    .selectFrom(newest)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<SqlBool>`w.search @@ ${tsqueryOf(search)}`)
    .executeTakeFirstOrThrow();
  return Number(row.n) < RARE_BELOW;
}
