import { type Kysely, sql } from 'kysely';
import { type AuditActor, auditStatement } from '../../core/audit/audit.js';
import type { Clock } from '../../core/clock/clock.js';
import { notificationStatement } from '../../core/notifications/index.js';
import type { OtpOperation, OtpService } from '../../core/otp/otp.js';
import type { AnyDb } from '../../platform/db/database.js';
import { NotFound, RuleViolation } from '../../platform/http/errors.js';
import { confirmableToday, isHoldAlive, STALE_HOLD_MESSAGE } from './purchases.js';
import type { VoucherTables } from './vouchers.tables.js';

export interface PurchaseConfirmationDeps {
  db: AnyDb;
  clock: Clock;
  otp: OtpService;
}

export interface CodeOfPurchase {
  movementId: string;
  merchant: { id: string; name: string };
  challengeId: string;
  code: string;
  actor: AuditActor;
}

const NOT_PENDING = 'L’acquisto non è in attesa di conferma.';

/**
 * "Verifica Codice" of a purchase "in attesa": the beneficiary's code is consumed, the purchase
 * confirmed, its audit row and the beneficiary's SMS queued — all in **one statement**, so one
 * round trip after reading the purchase (the hot path of a merchant's day; bench/RESULTS.md).
 * Each part is the owning module's own statement (OTP, audit, outbox), chained by guards: the
 * code is consumed only if the purchase is still confirmable (locked for the statement), the
 * purchase confirmed only if the code was consumed, and the rest only if it was confirmed. A
 * refused code is then counted by the OTP service, outside the statement.
 * `operationOf` is the OTP operation the code was sent for (the purchase's fields).
 */
export async function confirmPurchaseWithCode(
  deps: PurchaseConfirmationDeps,
  input: CodeOfPurchase,
  operationOf: (purchase: { voucherId: string; amountCents: number }) => OtpOperation,
): Promise<{ movement: { id: string; status: 'confermato'; amountCents: number }; availableCents: number }> {
  const now = deps.clock.now();
  const purchase = await (deps.db as Kysely<VoucherTables>)
    .selectFrom('voucher_movements as m')
    .innerJoin('vouchers as v', 'v.id', 'm.voucher_id')
    .select(['m.id', 'm.voucher_id', 'm.amount_cents', 'm.status', 'm.created_at', 'v.mobile_phone', 'v.beneficiary_fiscal_code', 'v.available_cents'])
    .where('m.id', '=', input.movementId)
    .where('m.merchant_structure_id', '=', input.merchant.id)
    .where('m.kind', '=', 'acquisto')
    .executeTakeFirst();
  if (!purchase) throw new NotFound('Acquisto non trovato.');
  if (purchase.status !== 'in_attesa') throw new RuleViolation('purchase_not_pending', NOT_PENDING);
  if (!isHoldAlive(purchase.created_at, now)) throw new RuleViolation('purchase_expired', STALE_HOLD_MESSAGE);

  const amountCents = Number(purchase.amount_cents);
  // The amount was held when the purchase was made: confirming it leaves the balance as it is.
  const availableCents = Number(purchase.available_cents);
  const consume = deps.otp.consumeStatement(
    input.challengeId,
    input.code,
    operationOf({ voucherId: purchase.voucher_id, amountCents }),
    sql`EXISTS (SELECT 1 FROM target)`,
  );
  if (!consume) return deps.otp.refuse(input.challengeId);
  const audit = auditStatement(
    input.actor,
    {
      action: 'voucher.purchase.confirm',
      subject: { type: 'voucher_movement', id: purchase.id },
      personFiscalCode: purchase.beneficiary_fiscal_code,
      before: { status: 'in_attesa' },
      after: { status: 'confermato', amountCents, availableCents },
    },
    sql`EXISTS (SELECT 1 FROM confirmed)`,
  );
  const sms = notificationStatement(
    {
      channel: 'sms',
      recipient: purchase.mobile_phone,
      template: 'voucher-movement',
      data: { kind: 'acquisto', amountCents, merchant: input.merchant.name, balanceCents: availableCents },
      idempotencyKey: `voucher-movement:${purchase.id}:confirmed`,
    },
    sql`EXISTS (SELECT 1 FROM confirmed)`,
  );
  const { rows } = await sql<{ pending: number; consumed: number; confirmed: number }>`
    WITH target AS (
      SELECT id FROM voucher_movements WHERE ${confirmableToday(purchase.id, input.merchant.id, now)} FOR UPDATE
    ), otp AS (${consume}
    ), confirmed AS (
      UPDATE voucher_movements SET status = 'confermato', confirmed_at = ${now}
       WHERE id IN (SELECT id FROM target) AND EXISTS (SELECT 1 FROM otp)
      RETURNING id
    ), audit AS (${audit}
    ), sms AS (${sms.insert})
    SELECT (SELECT count(*) FROM target)::int AS pending, (SELECT count(*) FROM otp)::int AS consumed,
           (SELECT count(*) FROM confirmed)::int AS confirmed, ${sms.notify('sms')} AS notified`.execute(deps.db);
  const outcome = rows[0]!;
  if (outcome.confirmed === 1) return { movement: { id: purchase.id, status: 'confermato', amountCents }, availableCents };
  // Confirmed, cancelled or released between the read and the statement.
  if (outcome.pending === 0) throw new RuleViolation('purchase_not_pending', NOT_PENDING);
  return deps.otp.refuse(input.challengeId);
}
