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
 * in hand (and the next, being read) is held in memory. The next batch's query runs while the
 * consumer encodes the current one — PostgreSQL and Node work side by side — and no further one
 * starts until the consumer asks (backpressure). Once `signal` aborts (the client went away) no
 * query starts any more.
 */
export async function* readMovementBatches(
  db: Kysely<VoucherTables>,
  merchantId: string,
  filters: MovementFilters,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): AsyncGenerator<ExportRow[]> {
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const base = exportQuery(db, merchantId, filters).limit(batchSize);
  const read = (after: { at: string; id: string } | null) =>
    (after ? base.where(sql<boolean>`(m.created_at, m.id) < (${after.at}::timestamptz, ${after.id}::uuid)`) : base).execute();

  /** The batch as the encoders take it, and where the next one starts (the pg rows die here). */
  const toBatch = (rows: Awaited<ReturnType<typeof read>>) => {
    const last = rows[rows.length - 1];
    return {
      after: rows.length === batchSize && last ? { at: last.at, id: last.id } : null,
      batch: rows.map(
        (r): ExportRow => ({
          romeTime: r.rome_time,
          code: movementCode(r.id),
          voucherCode: r.voucher_code,
          fiscalCode: r.beneficiary_fiscal_code,
          kind: r.kind,
          status: r.status,
          amountCents: Number(r.amount_cents),
        }),
      ),
    };
  };

  let next: ReturnType<typeof read> | null = options.signal?.aborted ? null : read(null);
  try {
    while (next) {
      const { batch, after } = toBatch(await next);
      next = after && !options.signal?.aborted ? read(after) : null;
      if (batch.length === 0) return;
      // Let the next query leave (the pool hands out connections on the next tick) before this
      // batch is encoded, which takes the thread for a few milliseconds.
      if (next) await new Promise((resolve) => setImmediate(resolve));
      yield batch;
    }
  } finally {
    // A batch read ahead that nobody will take: let it end quietly.
    next?.catch(() => {});
  }
}
