import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { AnyDb } from '../../platform/db/database.js';
import { NotFound, RuleViolation } from '../../platform/http/errors.js';
import type { Clock } from '../../core/clock/clock.js';
import { romeDate } from '../../shared/dates.js';
import type { VoucherTables } from './vouchers.tables.js';

export interface NewPurchase {
  voucherId: string;
  merchantStructureId: string;
  amountCents: number;
  receiptDocumentId: string | null;
  /** Given by the client: a retried request creates nothing twice. */
  idempotencyKey: string;
  createdBy: string;
}

export interface Movement {
  id: string;
  voucherId: string;
  amountCents: number;
  status: 'in_attesa' | 'confermato' | 'rilasciato';
}

/**
 * "Usa per acquisto": records the purchase "in attesa" and holds its amount on the voucher, in one
 * conditional UPDATE — the balance can never go below zero nor be spent twice, whatever the
 * concurrency. The voucher must be active today (Rome) and not expired. Confirmation by OTP follows.
 */
export async function holdPurchase(db: AnyDb, clock: Clock, input: NewPurchase): Promise<Movement> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    throw new RuleViolation('amount_invalid', 'L’importo deve essere maggiore di zero.', { amountCents: 'L’importo deve essere maggiore di zero.' });
  }
  const now = clock.now();
  const today = romeDate(now);
  const sameRequest = (k: Kysely<VoucherTables>) =>
    k
      .selectFrom('voucher_movements')
      .select(['id', 'voucher_id', 'amount_cents', 'status'])
      .where('merchant_structure_id', '=', input.merchantStructureId)
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
  try {
    return await hold(db, input, now, today, sameRequest);
  } catch (error) {
    // The same request, retried concurrently, inserted first: answer with its movement.
    if ((error as { code?: string }).code === '23505') {
      const winner = await sameRequest(db as Kysely<VoucherTables>);
      if (winner) return toMovement(winner);
    }
    throw error;
  }
}

async function hold(
  db: AnyDb,
  input: NewPurchase,
  now: Date,
  today: string,
  sameRequest: (k: Kysely<VoucherTables>) => Promise<{ id: string; voucher_id: string; amount_cents: number; status: Movement['status'] } | undefined>,
): Promise<Movement> {
  return db.transaction().execute(async (trx) => {
    const k = trx as Kysely<VoucherTables>;
    const existing = await sameRequest(k);
    if (existing) return toMovement(existing);

    const held = await k
      .updateTable('vouchers')
      .set({ available_cents: sql`available_cents - ${input.amountCents}` })
      .where('id', '=', input.voucherId)
      .where('available_cents', '>=', input.amountCents)
      .where('activation_date', '<=', today)
      .where('expiry_date', '>=', today)
      .returning('id')
      .executeTakeFirst();
    if (!held) await explainRefusal(k, input, today);

    const movement = await k
      .insertInto('voucher_movements')
      .values({
        voucher_id: input.voucherId,
        merchant_structure_id: input.merchantStructureId,
        kind: 'acquisto',
        status: 'in_attesa',
        amount_cents: input.amountCents,
        purchase_id: null,
        receipt_document_id: input.receiptDocumentId,
        idempotency_key: input.idempotencyKey,
        created_by: input.createdBy,
        created_at: now,
        confirmed_at: null,
      })
      .returning(['id', 'voucher_id', 'amount_cents', 'status'])
      .executeTakeFirstOrThrow();
    return toMovement(movement);
  });
}

async function explainRefusal(k: Kysely<VoucherTables>, input: NewPurchase, today: string): Promise<never> {
  const voucher = await k.selectFrom('vouchers').select(['available_cents', 'activation_date', 'expiry_date']).where('id', '=', input.voucherId).executeTakeFirst();
  if (!voucher) throw new NotFound('Voucher non trovato.');
  if (voucher.activation_date > today) throw new RuleViolation('voucher_not_active', 'Il voucher non è ancora attivo.');
  if (voucher.expiry_date < today) throw new RuleViolation('voucher_expired', 'Il voucher è scaduto.');
  throw new RuleViolation('amount_exceeds_available', 'L’importo supera la disponibilità del voucher.', {
    amountCents: 'L’importo supera la disponibilità del voucher.',
  });
}

/**
 * Confirms a purchase "in attesa" of this merchant (after its OTP, in the same transaction):
 * the amount was already held, so only the status changes; a second confirmation finds nothing.
 */
export async function confirmPurchase(trx: AnyDb, clock: Clock, movementId: string, merchantStructureId: string): Promise<void> {
  const k = trx as Kysely<VoucherTables>;
  const now = clock.now();
  const result = await k
    .updateTable('voucher_movements')
    .set({ status: 'confermato', confirmed_at: now })
    .where(confirmableToday(movementId, merchantStructureId, now))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return;
  const pending = await k
    .selectFrom('voucher_movements')
    .select('created_at')
    .where('id', '=', movementId)
    .where('merchant_structure_id', '=', merchantStructureId)
    .where('kind', '=', 'acquisto')
    .where('status', '=', 'in_attesa')
    .executeTakeFirst();
  if (pending && !isHoldAlive(pending.created_at, now)) throw new RuleViolation('purchase_expired', STALE_HOLD_MESSAGE);
  throw new RuleViolation('purchase_not_pending', 'L’acquisto non è in attesa di conferma.');
}

/**
 * The purchase "in attesa" of this merchant that can be confirmed at `now`: a hold lives until the
 * end of its day (Rome), even if the end-of-day job has not run yet.
 */
export function confirmableToday(movementId: string, merchantStructureId: string, now: Date): RawBuilder<boolean> {
  return sql<boolean>`id = ${movementId} AND merchant_structure_id = ${merchantStructureId} AND kind = 'acquisto' AND status = 'in_attesa'
    AND (created_at AT TIME ZONE 'Europe/Rome')::date = ${romeDate(now)}::date`;
}

/** Why a purchase left "in attesa" on an earlier day can no longer be authorised. */
export const STALE_HOLD_MESSAGE = 'L’acquisto non è stato confermato nel giorno in cui è stato fatto: l’importo è tornato disponibile. Registra un nuovo acquisto.';

/** Whether a purchase "in attesa" made at `createdAt` can still be authorised at `now` (same day in Rome). */
export function isHoldAlive(createdAt: Date, now: Date): boolean {
  return romeDate(createdAt) === romeDate(now);
}

/**
 * The end-of-day job: purchases left "in attesa" on a day before `now` (Rome) release their hold.
 * Each release is one guarded statement, so it can run on several instances at once.
 */
export async function releaseStaleHolds(db: AnyDb, clock: Clock): Promise<number> {
  const today = romeDate(clock.now());
  const result = await sql<{ n: number }>`
    WITH released AS (
      UPDATE voucher_movements SET status = 'rilasciato'
       WHERE status = 'in_attesa' AND kind = 'acquisto'
         AND (created_at AT TIME ZONE 'Europe/Rome')::date < ${today}::date
      RETURNING voucher_id, amount_cents
    ), per_voucher AS (
      SELECT voucher_id, sum(amount_cents) AS cents, count(*) AS n FROM released GROUP BY voucher_id
    ), restored AS (
      UPDATE vouchers v SET available_cents = v.available_cents + p.cents FROM per_voucher p WHERE v.id = p.voucher_id RETURNING p.n
    )
    SELECT COALESCE(sum(n), 0)::int AS n FROM restored`.execute(db);
  return result.rows[0]?.n ?? 0;
}

function toMovement(row: { id: string; voucher_id: string; amount_cents: number; status: Movement['status'] }): Movement {
  return { id: row.id, voucherId: row.voucher_id, amountCents: Number(row.amount_cents), status: row.status };
}

export interface CancellablePurchase {
  id: string;
  voucherId: string;
  amountCents: number;
}

/**
 * "Cancella Movimento" is offered only for a confirmed purchase of this merchant made today (Rome):
 * seed 000 — "Sarà possibile cancellare un movimento di acquisto solo nello stesso giorno".
 * Another merchant's purchase answers like a missing one.
 */
export async function checkCancellable(db: AnyDb, clock: Clock, purchaseId: string, merchantStructureId: string): Promise<CancellablePurchase> {
  const k = db as Kysely<VoucherTables>;
  const purchase = await k
    .selectFrom('voucher_movements')
    .select(['id', 'voucher_id', 'amount_cents', 'status', 'created_at'])
    .where('id', '=', purchaseId)
    .where('merchant_structure_id', '=', merchantStructureId)
    .where('kind', '=', 'acquisto')
    .executeTakeFirst();
  if (!purchase) throw new NotFound('Movimento non trovato.');
  if (purchase.status !== 'confermato') throw new RuleViolation('purchase_not_confirmed', 'Si può cancellare solo un acquisto confermato.');
  if (romeDate(purchase.created_at) !== romeDate(clock.now())) {
    throw new RuleViolation('cancellation_not_today', 'Un acquisto si può cancellare solo nel giorno in cui è stato fatto.');
  }
  const cancelled = await k
    .selectFrom('voucher_movements')
    .select('id')
    .where('purchase_id', '=', purchaseId)
    .where('kind', '=', 'cancellazione')
    .where('status', '<>', 'rilasciato')
    .executeTakeFirst();
  if (cancelled) throw new RuleViolation('purchase_already_cancelled', 'L’acquisto è già stato cancellato.');
  return { id: purchase.id, voucherId: purchase.voucher_id, amountCents: Number(purchase.amount_cents) };
}

/**
 * Records the confirmed "cancellazione" and gives the amount back to the voucher. Call it in the
 * transaction where the beneficiary's OTP was confirmed; the rules are checked again there, and the
 * unique index on purchase_id makes a concurrent second cancellation fail.
 */
export async function cancelPurchase(
  trx: AnyDb,
  clock: Clock,
  input: { purchaseId: string; merchantStructureId: string; createdBy: string; idempotencyKey: string },
): Promise<{ movementId: string; availableCents: number }> {
  const purchase = await checkCancellable(trx, clock, input.purchaseId, input.merchantStructureId);
  const k = trx as Kysely<VoucherTables>;
  const now = clock.now();
  const movement = await k
    .insertInto('voucher_movements')
    .values({
      voucher_id: purchase.voucherId,
      merchant_structure_id: input.merchantStructureId,
      kind: 'cancellazione',
      status: 'confermato',
      amount_cents: purchase.amountCents,
      purchase_id: purchase.id,
      receipt_document_id: null,
      idempotency_key: input.idempotencyKey,
      created_by: input.createdBy,
      created_at: now,
      confirmed_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch((error: { code?: string }) => {
      // A concurrent cancellation of the same purchase committed first.
      if (error.code === '23505') throw new RuleViolation('purchase_already_cancelled', 'L’acquisto è già stato cancellato.');
      throw error;
    });
  const voucher = await k
    .updateTable('vouchers')
    .set({ available_cents: sql`available_cents + ${purchase.amountCents}` })
    .where('id', '=', purchase.voucherId)
    .returning('available_cents')
    .executeTakeFirstOrThrow();
  return { movementId: movement.id, availableCents: Number(voucher.available_cents) };
}
