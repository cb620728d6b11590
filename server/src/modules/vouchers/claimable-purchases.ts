import { type Kysely, sql } from 'kysely';
import type { AnyDb } from '../../platform/db/database.js';
import type { VoucherTables } from './vouchers.tables.js';

/** A purchase a merchant may claim back from the region that runs the voucher's program. */
export interface ClaimablePurchase {
  movement_id: string;
  /** When the purchase was made (the movement's time). */
  purchased_at: Date;
  voucher_code: string;
  beneficiary_fiscal_code: string;
  amount_cents: number;
  receipt_document_id: string | null;
  region_structure_id: string;
}

export interface ClaimablePurchasesFilter {
  merchantStructureId: string;
  /** Rome calendar day "YYYY-MM-DD": only purchases made on earlier days (today's may still be cancelled). */
  beforeDay: string;
  /** Only the purchases paid with vouchers of this region's programs. */
  regionStructureId?: string;
}

/**
 * The merchant's confirmed purchases made before a Rome day and never cancelled (a confirmed
 * cancellation revokes the whole amount), paid with vouchers of a program that a region runs.
 * Pending ("in attesa") and released ("rilasciato") purchases are not money the merchant is owed.
 *
 * Returns the query, not the rows: the claims module composes it (INSERT ... SELECT, aggregates,
 * pages) so that a claim over 100,000 purchases never brings them into Node. Whether a purchase
 * is already claimed is the claims module's business, not this one's.
 */
export function claimablePurchases(db: AnyDb, filter: ClaimablePurchasesFilter) {
  let query = (db as Kysely<VoucherTables>)
    .selectFrom('voucher_movements as m')
    .innerJoin('vouchers as v', 'v.id', 'm.voucher_id')
    .innerJoin('voucher_programs as p', 'p.id', 'v.program_id')
    .where('m.merchant_structure_id', '=', filter.merchantStructureId)
    .where('m.kind', '=', 'acquisto')
    .where('m.status', '=', 'confermato')
    .where('m.created_at', '<', sql<Date>`(${filter.beforeDay}::date::timestamp AT TIME ZONE 'Europe/Rome')`)
    .where('p.region_structure_id', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('voucher_movements as c')
            .select(sql`1`.as('one'))
            .whereRef('c.purchase_id', '=', 'm.id')
            .where('c.kind', '=', 'cancellazione')
            .where('c.status', '=', 'confermato'),
        ),
      ),
    );
  if (filter.regionStructureId !== undefined) query = query.where('p.region_structure_id', '=', filter.regionStructureId);
  return query.select([
    'm.id as movement_id',
    'm.created_at as purchased_at',
    'v.code as voucher_code',
    'v.beneficiary_fiscal_code',
    'm.amount_cents',
    'm.receipt_document_id',
    sql<string>`p.region_structure_id`.as('region_structure_id'),
  ]);
}
