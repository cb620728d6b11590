import { type Kysely, sql } from 'kysely';
import { movementCode } from '../movement-code.js';
import type { VoucherTables } from '../vouchers.tables.js';
import type { ExportRow } from './export-row.js';

/** The filters of "Elenco Movimenti" (validated by its `movementsQuery`), without paging. */
export interface MovementFilters {
  /** First Rome day, "YYYY-MM-DD". */
  from?: string;
  /** Last Rome day, included. */
  to?: string;
  fiscalCode?: string;
}

/** Rows per query: big enough to keep round trips cheap, small enough to stop soon after an abort. */
export const EXPORT_BATCH_SIZE = 2000;

/**
 * The export's query: the merchant's movements matching the filters, newest first, with what each
 * column needs (the Rome wall-clock time computed by PostgreSQL). The benchmark runs this very
 * query under COPY as its baseline.
 */
export function exportQuery(db: Kysely<VoucherTables>, merchantId: string, filters: MovementFilters) {
  let query = db
    .selectFrom('voucher_movements as m')
    .innerJoin('vouchers as v', 'v.id', 'm.voucher_id')
    .select([
      'm.id',
      sql<string>`m.created_at::text`.as('at'),
      sql<string>`to_char(m.created_at AT TIME ZONE 'Europe/Rome', 'YYYY-MM-DD"T"HH24:MI:SS')`.as('rome_time'),
      'v.code as voucher_code',
      'v.beneficiary_fiscal_code',
      'm.kind',
      'm.status',
      'm.amount_cents',
    ])
    .where('m.merchant_structure_id', '=', merchantId);
  // Rome days, cut at Rome midnight: the same bounds as the listing.
  if (filters.from !== undefined) {
    query = query.where('m.created_at', '>=', sql<Date>`(${filters.from}::date::timestamp AT TIME ZONE 'Europe/Rome')`);
  }
  if (filters.to !== undefined) {
    query = query.where('m.created_at', '<', sql<Date>`((${filters.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Rome')`);
  }
  if (filters.fiscalCode !== undefined) query = query.where('v.beneficiary_fiscal_code', '=', filters.fiscalCode);
  return query.orderBy('m.created_at', 'desc').orderBy('m.id', 'desc');
}

/**
 * Reads the export's rows in keyset batches on (created_at, id): each batch is one short query
 * starting where the previous one stopped, so no transaction stays open and nothing but the batch
 * in hand is held in memory. The consumer pulls the next batch only when it wants it (backpressure);
 * once `signal` aborts (the client went away) no further query runs.
 */
export async function* readMovementBatches(
  db: Kysely<VoucherTables>,
  merchantId: string,
  filters: MovementFilters,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): AsyncGenerator<ExportRow[]> {
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const base = exportQuery(db, merchantId, filters).limit(batchSize);
  let after: { at: string; id: string } | null = null;
  for (;;) {
    if (options.signal?.aborted) return;
    const position: { at: string; id: string } | null = after;
    const query: typeof base = position
      ? base.where(sql<boolean>`(m.created_at, m.id) < (${position.at}::timestamptz, ${position.id}::uuid)`)
      : base;
    const rows = await query.execute();
    if (rows.length === 0) return;
    const batch = rows.map(
      (r): ExportRow => ({
        id: r.id,
        at: r.at,
        romeTime: r.rome_time,
        code: movementCode(r.id),
        voucherCode: r.voucher_code,
        fiscalCode: r.beneficiary_fiscal_code,
        kind: r.kind,
        status: r.status,
        amountCents: Number(r.amount_cents),
      }),
    );
    yield batch;
    if (rows.length < batchSize) return;
    const last: ExportRow = batch[batch.length - 1]!;
    after = { at: last.at, id: last.id };
  }
}
