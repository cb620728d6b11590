import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock/clock.js';
import { type OtpOperation, OtpService } from '../../core/otp/otp.js';
import { RateLimiter } from '../../platform/rate-limit.js';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { confirmPurchaseWithCode } from './purchase-confirmation.js';
import { holdPurchase } from './purchases.js';

let db: TestDatabase;
let clock: ManualClock;
let otp: OtpService;
let programId: string;
const merchant = { id: crypto.randomUUID(), name: 'Farmacia Centrale' };
const operator = crypto.randomUUID();
const actor = { userId: operator, name: 'Mario Rossi', structureId: merchant.id, structureName: merchant.name, ip: '127.0.0.1' };

beforeAll(async () => {
  db = await createTestDatabase();
  const program = await db.pool.query("INSERT INTO voucher_programs (name, face_value_cents, validity_months) VALUES ('Voucher Secondogeniti', 25000, 12) RETURNING id");
  programId = program.rows[0].id;
});
afterAll(() => db.drop());
beforeEach(() => {
  clock = new ManualClock(new Date('2027-04-15T08:00:00Z')); // 10:00 in Rome
  otp = new OtpService({ db: db.kysely, clock, realClock: clock, limiter: new RateLimiter(db.pool), secret: 'x'.repeat(40) });
});

let serial = 0;
/** A purchase of 25,00 € "in attesa" on a voucher of 250,00 €, and the code sent for it. */
async function heldPurchase() {
  serial++;
  const { rows } = await db.pool.query(
    `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                           initial_cents, available_cents, activation_date, expiry_date)
     VALUES ($1, $2, $3, '80380000000000000001', 'Laura', 'Russo', $4, 25000, 25000, '2027-01-01', '2027-12-31') RETURNING id`,
    [`VC-2027-${String(serial).padStart(6, '0')}`, programId, `TSTCNF${String(serial).padStart(10, '0')}`, `+39333200${String(serial).padStart(4, '0')}`],
  );
  const voucherId = rows[0].id as string;
  const movement = await holdPurchase(db.kysely, clock, {
    voucherId,
    merchantStructureId: merchant.id,
    amountCents: 2500,
    receiptDocumentId: null,
    idempotencyKey: crypto.randomUUID(),
    createdBy: operator,
  });
  const { challengeId } = await otp.send(operationOf(movement.id)({ voucherId, amountCents: 2500 }), { phone: `+39333200${String(serial).padStart(4, '0')}`, requestedBy: operator, structureId: merchant.id });
  const sent = await db.pool.query("SELECT data->>'code' AS code FROM outbox_messages WHERE idempotency_key = $1", [`otp:${challengeId}`]);
  return { voucherId, movementId: movement.id, challengeId, code: sent.rows[0].code as string };
}

const operationOf =
  (movementId: string) =>
  ({ voucherId, amountCents }: { voucherId: string; amountCents: number }): OtpOperation => ({
    purpose: 'voucher.purchase',
    fields: { movementId, voucherId, merchantId: merchant.id, amountCents },
    description: "l'acquisto di 25,00 € presso Farmacia Centrale",
  });

const confirm = (p: { movementId: string; challengeId: string }, code: string) =>
  confirmPurchaseWithCode({ db: db.kysely, clock, otp }, { movementId: p.movementId, merchant, challengeId: p.challengeId, code, actor }, operationOf(p.movementId));

async function traces(movementId: string) {
  const status = await db.pool.query('SELECT status FROM voucher_movements WHERE id = $1', [movementId]);
  const audit = await db.pool.query("SELECT after FROM audit_log WHERE action = 'voucher.purchase.confirm' AND subject_id = $1", [movementId]);
  const sms = await db.pool.query('SELECT data FROM outbox_messages WHERE idempotency_key = $1', [`voucher-movement:${movementId}:confirmed`]);
  return { status: status.rows[0].status, audit: audit.rows.map((r) => r.after), sms: sms.rows.map((r) => r.data) };
}

describe('Verifica Codice in one statement', () => {
  it('consumes the code, confirms the purchase, writes its audit row and queues its SMS', async () => {
    const p = await heldPurchase();
    await expect(confirm(p, p.code)).resolves.toEqual({ movement: { id: p.movementId, status: 'confermato', amountCents: 2500 }, availableCents: 22500 });
    expect(await traces(p.movementId)).toEqual({
      status: 'confermato',
      audit: [{ status: 'confermato', amountCents: 2500, availableCents: 22500 }],
      sms: [{ kind: 'acquisto', amountCents: 2500, merchant: 'Farmacia Centrale', balanceCents: 22500 }],
    });
    const challenge = await db.pool.query('SELECT status FROM otp_challenges WHERE id = $1', [p.challengeId]);
    expect(challenge.rows[0].status).toBe('confirmed');
    await expect(confirm(p, p.code)).rejects.toMatchObject({ code: 'purchase_not_pending' });
  });

  it('a wrong code changes nothing but the attempts, which it counts', async () => {
    const p = await heldPurchase();
    const wrong = String((Number(p.code) + 1) % 1_000_000).padStart(6, '0');
    await expect(confirm(p, wrong)).rejects.toMatchObject({ code: 'otp_invalid', attemptsLeft: 4 });
    expect(await traces(p.movementId)).toEqual({ status: 'in_attesa', audit: [], sms: [] });
    await expect(confirm(p, p.code)).resolves.toMatchObject({ movement: { status: 'confermato' } });
  });

  it('a code sent for another purchase does not confirm this one, and is not consumed', async () => {
    const p = await heldPurchase();
    const other = await heldPurchase();
    await expect(confirm({ movementId: p.movementId, challengeId: other.challengeId }, other.code)).rejects.toMatchObject({ code: 'otp_invalid' });
    expect((await traces(p.movementId)).status).toBe('in_attesa');
    await expect(confirm(other, other.code)).resolves.toMatchObject({ movement: { status: 'confermato' } });
  });

  it('the next day the hold is gone: refused, and the code stays unused', async () => {
    const p = await heldPurchase();
    clock.set(new Date('2027-04-15T22:30:00Z')); // 00:30 the next day in Rome; the code is long expired anyway
    await expect(confirm(p, p.code)).rejects.toMatchObject({ code: 'purchase_expired' });
    const challenge = await db.pool.query('SELECT status FROM otp_challenges WHERE id = $1', [p.challengeId]);
    expect(challenge.rows[0].status).toBe('active');
  });

  it('ten concurrent confirmations with the right code confirm once: one audit row, one SMS', async () => {
    const p = await heldPurchase();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => confirm(p, p.code)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(['purchase_not_pending', 'otp_used']).toContain((r.reason as { code: string }).code);
    const t = await traces(p.movementId);
    expect(t.status).toBe('confermato');
    expect(t.audit).toHaveLength(1);
    expect(t.sms).toHaveLength(1);
  });

  it('a malformed challenge is refused as not found', async () => {
    const p = await heldPurchase();
    await expect(confirm({ movementId: p.movementId, challengeId: 'not-a-challenge' }, p.code)).rejects.toMatchObject({ code: 'otp_not_found' });
  });
});
