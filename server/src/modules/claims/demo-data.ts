import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../../core/clock/clock.js';
import type { AnyDb } from '../../platform/db/database.js';
import { romeDate } from '../../shared/dates.js';
import { type ClaimStatus } from './claim-status.js';
import { type ClaimPeriod, periodOfDay, windowOf } from './claim-window.js';
import type { ClaimTables } from './claims.tables.js';
import { cinOf, ibanCheckDigits } from './merchant/iban.js';
import { unclaimedPurchases } from './merchant/unclaimed-purchases.js';
import { messageIdOf, remittanceOf } from './review/forward-for-payment.js';
import { pain001Xml } from './review/pain001.js';
import { shiftDay } from './review/rome-days.js';

/**
 * The claims' demo data (issue 5), on top of the vouchers' demo purchases. Farmacia Centrale has
 * the claim of the quadrimestre before last "Inoltrata per decreto di pagamento" (with its payment
 * batch) and the last one's "Da integrare" (deadline in the future); Baby Store Caserta has the
 * last one's "Da valutare". Each claim holds the merchant's real unclaimed purchases made before
 * its filing day, so amounts add up; the purchases of the current quadrimestre stay unclaimed, for
 * "Inserisci una nuova istanza" in its last month. Dates follow the clock's today in Rome.
 */

export interface DemoClaimsMerchant {
  structureId: string;
  name: string;
  /** Who filed the claims (the owner). */
  userId: string;
  /** The claim's e-mail address. */
  email: string;
}

export interface DemoClaimsOptions {
  clock: Clock;
  regionStructureId: string;
  regionName: string;
  /** The region's evaluator who decided (Luca Romano in the demo). */
  regionOperator: { userId: string; name: string };
  farmacia: DemoClaimsMerchant;
  babyStore: DemoClaimsMerchant;
}

/** A valid Italian IBAN (CIN and check digits computed) for a demo account. */
export function demoIban(abi: string, cab: string, account: string): string {
  const rest = `${abi}${cab}${account.padStart(12, '0')}`;
  const bban = cinOf(rest) + rest;
  return `IT${ibanCheckDigits(bban)}${bban}`;
}

export const DEMO_DEBTOR = { name: 'Regione Campania - Tesoreria regionale', iban: demoIban('01030', '03400', '000000123456') };
export const DEMO_INTEGRATION_TEXT =
  'Inviare copia leggibile degli scontrini di giugno e luglio e la dichiarazione sostitutiva compilata sul modello (Download Template).';

const previous = (p: ClaimPeriod): ClaimPeriod => (p.index === 1 ? { year: p.year - 1, index: 3 } : { year: p.year, index: p.index - 1 });
/** The instant of a Rome wall time. */
const romeInstant = (day: string, time: string) => sql<Date>`((${day}::date + ${time}::time) AT TIME ZONE 'Europe/Rome')`;
const instantOf = async (db: AnyDb, day: string, time: string) => (await sql<{ at: Date }>`SELECT ${romeInstant(day, time)} AS at`.execute(db)).rows[0]!.at;

interface Step {
  to: ClaimStatus;
  actor: 'region' | 'system';
  day: string;
  note?: string;
}

/**
 * Seeds the claims once, in the caller's transaction (false if Farmacia Centrale already has
 * claims). Nothing is dated after the clock's today; no e-mail is queued for these past events.
 */
export async function seedClaimsDemo(db: AnyDb, options: DemoClaimsOptions): Promise<boolean> {
  const k = db as Kysely<ClaimTables>;
  const existing = await k.selectFrom('claims').select('id').where('merchant_structure_id', '=', options.farmacia.structureId).executeTakeFirst();
  if (existing) return false;
  const now = options.clock.now();
  const today = romeDate(now);
  const last = previous(periodOfDay(today));
  const beforeLast = previous(last);

  /** Files a claim of `period` on `filedOn` with every unclaimed purchase before that day; null if none. */
  async function file(merchant: DemoClaimsMerchant, period: ClaimPeriod, filedOn: string, account: string, steps: Step[], extra: { paymentBatchId?: string } = {}) {
    const purchases = await unclaimedPurchases(db, { merchantStructureId: merchant.structureId, regionStructureId: options.regionStructureId, beforeDay: filedOn })
      .select(['p.movement_id', 'p.purchased_at', 'p.voucher_code', 'p.beneficiary_fiscal_code', 'p.amount_cents', 'p.receipt_document_id'])
      .orderBy('p.purchased_at')
      .execute();
    if (purchases.length === 0) return null;
    const filedAt = await instantOf(db, filedOn, '10:30');
    const final = steps.at(-1)?.to ?? 'da_valutare';
    const lastAt = steps.length ? await instantOf(db, steps.at(-1)!.day, '11:00') : filedAt;
    const claim = await k
      .insertInto('claims')
      .values({
        merchant_structure_id: merchant.structureId,
        region_structure_id: options.regionStructureId,
        period_year: period.year,
        period_index: period.index,
        status: final,
        amount_cents: purchases.reduce((sum, p) => sum + Number(p.amount_cents), 0),
        purchase_count: purchases.length,
        transactions_from: romeDate(purchases[0]!.purchased_at),
        transactions_to: romeDate(purchases.at(-1)!.purchased_at),
        iban: demoIban('05428', '11101', account),
        email: merchant.email,
        evaluated_at: steps.some((s) => s.actor === 'region') ? await instantOf(db, steps.find((s) => s.actor === 'region')!.day, '11:00') : null,
        payment_batch_id: extra.paymentBatchId ?? null,
        created_by: merchant.userId,
        created_at: filedAt,
        status_changed_at: lastAt,
      })
      .returning(['id', 'number', 'amount_cents', 'period_year', 'period_index', 'iban'])
      .executeTakeFirstOrThrow();
    await k
      .insertInto('claim_purchases')
      .values(
        purchases.map((p) => ({
          claim_id: claim.id,
          movement_id: p.movement_id,
          purchased_at: p.purchased_at,
          voucher_code: p.voucher_code,
          beneficiary_fiscal_code: p.beneficiary_fiscal_code,
          amount_cents: Number(p.amount_cents),
          receipt_document_id: p.receipt_document_id,
        })),
      )
      .execute();
    let from: ClaimStatus | null = null;
    const history = [{ to: 'da_valutare' as ClaimStatus, actor: 'merchant' as const, day: filedOn, note: 'Istanza inserita.' }, ...steps];
    for (const step of history) {
      await k
        .insertInto('claim_history')
        .values({
          claim_id: claim.id,
          from_status: from,
          to_status: step.to,
          actor_kind: step.actor,
          actor_user_id: step.actor === 'region' ? options.regionOperator.userId : step.actor === 'merchant' ? merchant.userId : null,
          actor_name: step.actor === 'region' ? options.regionOperator.name : step.actor === 'merchant' ? null : 'Sistema',
          note: step.note ?? null,
          occurred_at: step === history[0] ? filedAt : await instantOf(db, step.day, '11:00'),
        })
        .execute();
      from = step.to;
    }
    return claim;
  }

  // 1. The quadrimestre before last: approved, then forwarded in a payment batch.
  const oldWindow = windowOf(beforeLast);
  const oldFiled = shiftDay(oldWindow.closes, -2);
  const approvedOn = shiftDay(oldWindow.closes, 10);
  const forwardedOn = shiftDay(oldWindow.closes, 25);
  const batchId = randomUUID();
  const messageId = messageIdOf(batchId, forwardedOn);
  // The batch goes in first (the claim refers to it); its totals are fixed below from the claim.
  const batchAt = await instantOf(db, forwardedOn, '11:00');
  await k
    .insertInto('claim_payment_batches')
    .values({
      id: batchId,
      region_structure_id: options.regionStructureId,
      message_id: messageId,
      debtor_name: DEMO_DEBTOR.name,
      debtor_iban: DEMO_DEBTOR.iban,
      execution_date: shiftDay(forwardedOn, 5),
      claim_count: 1,
      control_sum_cents: 1,
      xml: '',
      created_by: options.regionOperator.userId,
      created_at: batchAt,
    })
    .execute();
  const forwarded = await file(
    options.farmacia,
    beforeLast,
    oldFiled,
    '000000004521',
    [
      { to: 'approvata', actor: 'region', day: approvedOn },
      { to: 'inoltrata', actor: 'region', day: forwardedOn, note: `Distinta di pagamento ${messageId}.` },
    ],
    { paymentBatchId: batchId },
  );
  if (forwarded) {
    const xml = pain001Xml({
      messageId,
      createdAt: batchAt,
      initiatingPartyName: options.regionName,
      debtor: DEMO_DEBTOR,
      executionDate: shiftDay(forwardedOn, 5),
      transfers: [
        { endToEndId: `ISTANZA-${forwarded.number}`, amountCents: forwarded.amount_cents, creditorName: options.farmacia.name, creditorIban: forwarded.iban, remittance: remittanceOf(forwarded) },
      ],
    });
    await k.updateTable('claim_payment_batches').set({ control_sum_cents: forwarded.amount_cents, xml }).where('id', '=', batchId).execute();
  } else {
    await k.deleteFrom('claim_payment_batches').where('id', '=', batchId).execute();
  }

  // 2. The last quadrimestre: Farmacia Centrale was asked to integrate (deadline ahead), Baby Store waits.
  const lastWindow = windowOf(last);
  const requestedOn = [shiftDay(today, -10), shiftDay(lastWindow.closes, 1)].sort().at(-1)!;
  const deadline = shiftDay(today, 20);
  const asked = await file(options.farmacia, last, lastWindow.closes, '000000004521', [
    { to: 'da_integrare', actor: 'region', day: requestedOn, note: `${DEMO_INTEGRATION_TEXT}\nTermine: ${deadline.split('-').reverse().join('/')}` },
  ]);
  if (asked) {
    await k
      .insertInto('claim_integrations')
      .values({ claim_id: asked.id, request_text: DEMO_INTEGRATION_TEXT, deadline, requested_by: options.regionOperator.userId, requested_at: await instantOf(db, requestedOn, '11:00') })
      .execute();
  }
  await file(options.babyStore, last, shiftDay(lastWindow.closes, -1), '000000007788', []);
  return true;
}
