import type { Kysely } from 'kysely';
import type { AnyDb } from '../../../platform/db/database.js';
import { CLAIM_STATUS_CODES, type ClaimStatus } from '../claim-status.js';
import type { ClaimTables } from '../claims.tables.js';

/** SQL of the region's back office; every query is scoped to one region. */

export interface QueueFilters {
  status?: ClaimStatus;
  year?: number;
  index?: number;
  merchantId?: string;
}

const k = (db: AnyDb) => db as Kysely<ClaimTables>;

function scoped(db: AnyDb, regionId: string, filters: Omit<QueueFilters, 'status'>) {
  let query = k(db).selectFrom('claims as c').where('c.region_structure_id', '=', regionId);
  if (filters.year !== undefined) query = query.where('c.period_year', '=', filters.year);
  if (filters.index !== undefined) query = query.where('c.period_index', '=', filters.index);
  if (filters.merchantId !== undefined) query = query.where('c.merchant_structure_id', '=', filters.merchantId);
  return query;
}

/** One page of the queue, with the deadline of the open integration request if any. */
export async function queuePage(db: AnyDb, regionId: string, filters: QueueFilters, page: { page: number; pageSize: number; order: 'oldest' | 'newest' }) {
  let base = scoped(db, regionId, filters);
  if (filters.status !== undefined) base = base.where('c.status', '=', filters.status);
  const direction = page.order === 'oldest' ? 'asc' : 'desc';
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .leftJoin('claim_integrations as ci', (join) => join.onRef('ci.claim_id', '=', 'c.id').on('ci.submitted_at', 'is', null))
      .select([
        'c.id',
        'c.number',
        'c.merchant_structure_id',
        'c.period_year',
        'c.period_index',
        'c.amount_cents',
        'c.purchase_count',
        'c.status',
        'c.created_at',
        'ci.deadline as integration_deadline',
      ])
      .orderBy('c.created_at', direction)
      .orderBy('c.number', direction)
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
  ]);
  return { total: Number(total), rows };
}

/** How many claims in each status, under the same filters but the status. */
export async function statusCounts(db: AnyDb, regionId: string, filters: Omit<QueueFilters, 'status'>): Promise<Record<ClaimStatus, number>> {
  const rows = await scoped(db, regionId, filters)
    .select(['c.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('c.status')
    .execute();
  const counts = Object.fromEntries(CLAIM_STATUS_CODES.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  for (const row of rows) counts[row.status as ClaimStatus] = Number(row.n);
  return counts;
}

/** The merchants that have claims in this region (for the queue's filter). */
export async function merchantIdsOf(db: AnyDb, regionId: string): Promise<string[]> {
  const rows = await k(db).selectFrom('claims').select('merchant_structure_id').distinct().where('region_structure_id', '=', regionId).execute();
  return rows.map((r) => r.merchant_structure_id);
}

export function findRegionClaim(db: AnyDb, regionId: string, claimId: string) {
  return k(db).selectFrom('claims').selectAll().where('id', '=', claimId).where('region_structure_id', '=', regionId).executeTakeFirst();
}

export function historyOf(db: AnyDb, claimId: string) {
  return k(db).selectFrom('claim_history').selectAll().where('claim_id', '=', claimId).orderBy('id').execute();
}

export function integrationsOf(db: AnyDb, claimId: string) {
  return k(db).selectFrom('claim_integrations').selectAll().where('claim_id', '=', claimId).orderBy('requested_at').orderBy('id').execute();
}

export function integrationOf(db: AnyDb, claimId: string, integrationId: string) {
  return k(db).selectFrom('claim_integrations').selectAll().where('claim_id', '=', claimId).where('id', '=', integrationId).executeTakeFirst();
}

/** The claim's purchases as they were when claimed ("Elenco transazioni"), oldest first. */
export async function purchasesPage(db: AnyDb, claimId: string, page: { page: number; pageSize: number }) {
  const base = k(db).selectFrom('claim_purchases').where('claim_id', '=', claimId);
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('purchased_at')
      .orderBy('movement_id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
  ]);
  return { total: Number(total), rows };
}

export function purchaseOf(db: AnyDb, claimId: string, movementId: string) {
  return k(db).selectFrom('claim_purchases').selectAll().where('claim_id', '=', claimId).where('movement_id', '=', movementId).executeTakeFirst();
}

export function paymentBatchRef(db: AnyDb, batchId: string) {
  return k(db).selectFrom('claim_payment_batches').select(['id', 'message_id']).where('id', '=', batchId).executeTakeFirst();
}
