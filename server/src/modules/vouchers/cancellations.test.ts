import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock/clock.js';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { cancelPurchase, checkCancellable, confirmPurchase, holdPurchase } from './purchases.js';

let db: TestDatabase;
let clock: ManualClock;
let programId: string;
const merchant = crypto.randomUUID();
const operator = crypto.randomUUID();
let serial = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  programId = (await db.pool.query("INSERT INTO voucher_programs (name, face_value_cents, validity_months) VALUES ('Voucher Secondogeniti', 25000, 12) RETURNING id")).rows[0].id;
});
afterAll(() => db.drop());
beforeEach(() => {
  clock = new ManualClock(new Date('2027-04-15T08:00:00Z')); // 10:00 in Rome
});

async function confirmedPurchase(amountCents: number): Promise<{ voucherId: string; purchaseId: string }> {
  serial++;
  const voucherId = (
    await db.pool.query(
      `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                             initial_cents, available_cents, activation_date, expiry_date)
       VALUES ($1, $2, $3, '80380000000000000002', 'Laura', 'Russo', '+393331000013', 25000, 25000, '2027-01-01', '2027-12-31') RETURNING id`,
      [`VC-2027-${String(serial).padStart(6, '0')}`, programId, `TSTCNC${String(serial).padStart(10, '0')}`],
    )
  ).rows[0].id;
  const held = await holdPurchase(db.kysely, clock, {
    voucherId,
    merchantStructureId: merchant,
    amountCents,
    receiptDocumentId: null,
    idempotencyKey: crypto.randomUUID(),
    createdBy: operator,
  });
  await db.kysely.transaction().execute((trx) => confirmPurchase(trx, clock, held.id, merchant));
  return { voucherId, purchaseId: held.id };
}

const cancel = (purchaseId: string, merchantStructureId = merchant) =>
  db.kysely.transaction().execute((trx) => cancelPurchase(trx, clock, { purchaseId, merchantStructureId, createdBy: operator, idempotencyKey: crypto.randomUUID() }));

async function available(voucherId: string): Promise<number> {
  return Number((await db.pool.query('SELECT available_cents FROM vouchers WHERE id = $1', [voucherId])).rows[0].available_cents);
}

describe('Cancella Movimento', () => {
  it('cancels a purchase of today and gives the amount back, once', async () => {
    const { voucherId, purchaseId } = await confirmedPurchase(4_000);
    expect(await available(voucherId)).toBe(21_000);
    clock.set(new Date('2027-04-15T21:59:00Z')); // 23:59 in Rome, same day
    const result = await cancel(purchaseId);
    expect(result.availableCents).toBe(25_000);
    await expect(cancel(purchaseId)).rejects.toMatchObject({ code: 'purchase_already_cancelled' });
    expect(await available(voucherId)).toBe(25_000);
  });

  it('is refused the day after (Rome), for a pending purchase, and for another merchant', async () => {
    const { voucherId, purchaseId } = await confirmedPurchase(4_000);
    clock.set(new Date('2027-04-15T22:00:00Z')); // 00:00 on the 16th in Rome
    await expect(checkCancellable(db.kysely, clock, purchaseId, merchant)).rejects.toMatchObject({ code: 'cancellation_not_today' });
    await expect(cancel(purchaseId)).rejects.toMatchObject({ code: 'cancellation_not_today' });
    expect(await available(voucherId)).toBe(21_000);

    clock.set(new Date('2027-04-16T08:00:00Z'));
    const pending = await holdPurchase(db.kysely, clock, { voucherId, merchantStructureId: merchant, amountCents: 1_000, receiptDocumentId: null, idempotencyKey: crypto.randomUUID(), createdBy: operator });
    await expect(cancel(pending.id)).rejects.toMatchObject({ code: 'purchase_not_confirmed' });
    await expect(cancel(purchaseId, crypto.randomUUID())).rejects.toMatchObject({ status: 404 });
  });

  it('lets only one of two concurrent cancellations through', async () => {
    const { voucherId, purchaseId } = await confirmedPurchase(4_000);
    const results = await Promise.allSettled([cancel(purchaseId), cancel(purchaseId)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'purchase_already_cancelled' } });
    expect(await available(voucherId)).toBe(25_000);
  });
});
