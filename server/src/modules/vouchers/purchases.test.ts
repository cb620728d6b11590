import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock/clock.js';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { confirmPurchase, holdPurchase, releaseStaleHolds } from './purchases.js';

let db: TestDatabase;
let clock: ManualClock;
let programId: string;
const merchant = crypto.randomUUID();
const operator = crypto.randomUUID();

beforeAll(async () => {
  db = await createTestDatabase();
  const program = await db.pool.query("INSERT INTO voucher_programs (name, face_value_cents, validity_months) VALUES ('Voucher Secondogeniti', 25000, 12) RETURNING id");
  programId = program.rows[0].id;
});
afterAll(() => db.drop());
beforeEach(() => {
  clock = new ManualClock(new Date('2027-04-15T08:00:00Z')); // 10:00 in Rome
});

let serial = 0;
async function voucher(availableCents: number, activation = '2027-01-01', expiry = '2027-12-31'): Promise<string> {
  serial++;
  const { rows } = await db.pool.query(
    `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                           initial_cents, available_cents, activation_date, expiry_date)
     VALUES ($1, $2, $3, '80380000000000000001', 'Laura', 'Russo', '+393331000013', $4, $4, $5, $6) RETURNING id`,
    [`VS-2027-${String(serial).padStart(6, '0')}`, programId, `TSTVCH${String(serial).padStart(10, '0')}`, availableCents, activation, expiry],
  );
  return rows[0].id;
}

/** The ledger is the truth: the voucher's balance must equal what its movements say. */
async function ledgerBalance(voucherId: string): Promise<{ available: number; fromLedger: number }> {
  const { rows } = await db.pool.query(
    `SELECT v.available_cents AS available,
            v.initial_cents
              - COALESCE(sum(m.amount_cents) FILTER (WHERE m.kind = 'acquisto' AND m.status IN ('in_attesa', 'confermato')), 0)
              + COALESCE(sum(m.amount_cents) FILTER (WHERE m.kind = 'cancellazione' AND m.status = 'confermato'), 0) AS from_ledger
       FROM vouchers v LEFT JOIN voucher_movements m ON m.voucher_id = v.id
      WHERE v.id = $1 GROUP BY v.id`,
    [voucherId],
  );
  return { available: Number(rows[0].available), fromLedger: Number(rows[0].from_ledger) };
}

const purchase = (voucherId: string, amountCents: number, key = crypto.randomUUID()) => ({
  voucherId,
  merchantStructureId: merchant,
  amountCents,
  receiptDocumentId: null,
  idempotencyKey: key,
  createdBy: operator,
});

describe('voucher purchases: the ledger', () => {
  it('of 50 concurrent purchases at a voucher that can afford 10, exactly 10 go through, and the balance is exact', async () => {
    const id = await voucher(25_000); // 10 × 25,00 €
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => holdPurchase(db.kysely, clock, purchase(id, 2_500))));
    const held = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof holdPurchase>>> => r.status === 'fulfilled');
    expect(held).toHaveLength(10);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.code === 'amount_exceeds_available')).toBe(true);

    await Promise.all(held.map((h) => db.kysely.transaction().execute((trx) => confirmPurchase(trx, clock, h.value.id, merchant))));
    const confirmed = await db.pool.query("SELECT count(*)::int AS n FROM voucher_movements WHERE voucher_id = $1 AND status = 'confermato'", [id]);
    expect(confirmed.rows[0].n).toBe(10);
    expect(await ledgerBalance(id)).toEqual({ available: 0, fromLedger: 0 });
  });

  it('creates nothing twice for a retried request with the same idempotency key', async () => {
    const id = await voucher(10_000);
    const key = crypto.randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => holdPurchase(db.kysely, clock, purchase(id, 3_000, key))));
    const again = await holdPurchase(db.kysely, clock, purchase(id, 3_000, key));
    expect(new Set([...answers, again].map((m) => m.id)).size).toBe(1);
    expect(await ledgerBalance(id)).toEqual({ available: 7_000, fromLedger: 7_000 });
  });

  it('refuses zero, more than available, a voucher not yet active and an expired one, changing nothing', async () => {
    const id = await voucher(5_000);
    await expect(holdPurchase(db.kysely, clock, purchase(id, 0))).rejects.toMatchObject({ code: 'amount_invalid' });
    await expect(holdPurchase(db.kysely, clock, purchase(id, 5_001))).rejects.toMatchObject({ code: 'amount_exceeds_available' });
    const future = await voucher(5_000, '2027-04-16');
    await expect(holdPurchase(db.kysely, clock, purchase(future, 100))).rejects.toMatchObject({ code: 'voucher_not_active' });
    const expired = await voucher(5_000, '2026-01-01', '2027-04-14');
    await expect(holdPurchase(db.kysely, clock, purchase(expired, 100))).rejects.toMatchObject({ code: 'voucher_expired' });
    expect(await ledgerBalance(id)).toEqual({ available: 5_000, fromLedger: 5_000 });
    const movements = await db.pool.query('SELECT count(*)::int AS n FROM voucher_movements WHERE voucher_id = ANY($1)', [[id, future, expired]]);
    expect(movements.rows[0].n).toBe(0);
  });

  it('takes a purchase on its last valid day until midnight in Rome, not UTC', async () => {
    const id = await voucher(5_000, '2027-01-01', '2027-04-15');
    clock.set(new Date('2027-04-15T21:30:00Z')); // 23:30 in Rome, still the 15th
    await holdPurchase(db.kysely, clock, purchase(id, 100));
    clock.set(new Date('2027-04-15T22:00:00Z')); // 00:00 on the 16th in Rome
    await expect(holdPurchase(db.kysely, clock, purchase(id, 100))).rejects.toMatchObject({ code: 'voucher_expired' });
  });

  it('confirms a pending purchase once; the end-of-day job releases the holds left pending', async () => {
    const id = await voucher(10_000);
    const kept = await holdPurchase(db.kysely, clock, purchase(id, 2_000));
    const forgotten = await holdPurchase(db.kysely, clock, purchase(id, 3_000));
    await db.kysely.transaction().execute((trx) => confirmPurchase(trx, clock, kept.id, merchant));
    await expect(db.kysely.transaction().execute((trx) => confirmPurchase(trx, clock, kept.id, merchant))).rejects.toMatchObject({ code: 'purchase_not_pending' });
    await expect(db.kysely.transaction().execute((trx) => confirmPurchase(trx, clock, forgotten.id, crypto.randomUUID()))).rejects.toMatchObject({ code: 'purchase_not_pending' });

    expect(await releaseStaleHolds(db.kysely, clock)).toBe(0); // same day: still held
    expect((await ledgerBalance(id)).available).toBe(5_000);
    clock.set(new Date('2027-04-15T22:00:01Z')); // past midnight in Rome
    // Before the job has run, yesterday's hold can no longer be authorised either.
    await expect(db.kysely.transaction().execute((trx) => confirmPurchase(trx, clock, forgotten.id, merchant))).rejects.toMatchObject({ code: 'purchase_expired' });
    expect(await releaseStaleHolds(db.kysely, clock)).toBeGreaterThanOrEqual(1);
    expect(await ledgerBalance(id)).toEqual({ available: 8_000, fromLedger: 8_000 });
    await expect(db.kysely.transaction().execute((trx) => confirmPurchase(trx, clock, forgotten.id, merchant))).rejects.toMatchObject({ code: 'purchase_not_pending' });
  });
});
