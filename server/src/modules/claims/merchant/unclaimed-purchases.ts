import { type Kysely, sql } from 'kysely';
import type { AnyDb } from '../../../platform/db/database.js';
import { type ClaimablePurchasesFilter, claimablePurchases } from '../../vouchers/index.js';
import type { ClaimTables } from '../claims.tables.js';

/**
 * What a new claim would hold: the vouchers module's claimable purchases (confirmed, never
 * cancelled, made before the claim's Rome day) that no live claim holds yet. A purchase of an
 * earlier quadrimestre never claimed, or released by a withdrawn, rejected or expired claim, is
 * claimable again. Still a query: callers page it, aggregate it or INSERT ... SELECT it.
 */
export function unclaimedPurchases(db: AnyDb, filter: ClaimablePurchasesFilter) {
  return (db as Kysely<ClaimTables>)
    .selectFrom(claimablePurchases(db, filter).as('p'))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('claim_purchases as cp')
            .select(sql`1`.as('one'))
            .whereRef('cp.movement_id', '=', 'p.movement_id')
            .where('cp.live', '=', true),
        ),
      ),
    );
}

export interface DraftTotals {
  regionStructureId: string;
  /** Rome days of the first and last purchase. */
  transactionsFrom: string;
  transactionsTo: string;
  amountCents: number;
  purchaseCount: number;
}

/** "Inserimento rimborso": one draft per region whose vouchers paid unclaimed purchases (normally one). */
export async function draftTotals(db: AnyDb, filter: ClaimablePurchasesFilter): Promise<DraftTotals[]> {
  const rows = await unclaimedPurchases(db, filter)
    .select([
      'p.region_structure_id',
      sql<string>`(min(p.purchased_at) AT TIME ZONE 'Europe/Rome')::date`.as('transactions_from'),
      sql<string>`(max(p.purchased_at) AT TIME ZONE 'Europe/Rome')::date`.as('transactions_to'),
      sql<number>`sum(p.amount_cents)::bigint`.as('amount_cents'),
      sql<number>`count(*)::int`.as('purchase_count'),
    ])
    .groupBy('p.region_structure_id')
    .orderBy('p.region_structure_id')
    .execute();
  return rows.map((r) => ({
    regionStructureId: r.region_structure_id,
    transactionsFrom: r.transactions_from,
    transactionsTo: r.transactions_to,
    amountCents: Number(r.amount_cents),
    purchaseCount: Number(r.purchase_count),
  }));
}
