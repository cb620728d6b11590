import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePng } from '../../core/documents/documents.samples.js';
import { DEMO_PEOPLE } from '../../demo/identities.js';
import { romeDate } from '../../shared/dates.js';
import { HttpClient } from '../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let farmacia: HttpClient;
let voucherId: string;

async function codeOf(challengeId: string): Promise<string> {
  const { rows } = await t.database.pool.query("SELECT data->>'code' AS code FROM outbox_messages WHERE idempotency_key = $1", [`otp:${challengeId}`]);
  return rows[0].code;
}

async function availableCents(): Promise<number> {
  return Number((await t.database.pool.query('SELECT available_cents FROM vouchers WHERE id = $1', [voucherId])).rows[0].available_cents);
}

/** "Usa per acquisto" up to "Salva e invia OTP": the receipt, then the purchase that carries it. */
async function pendingPurchase(amountCents: number) {
  const receipt = await farmacia.upload(`/api/vouchers/${voucherId}/receipts`, { name: 'scontrino.png', content: samplePng(), type: 'image/png' });
  expect(receipt.status).toBe(201);
  return farmacia.api('POST', `/api/vouchers/${voucherId}/purchases`, { amountCents, idempotencyKey: crypto.randomUUID(), receiptDocumentId: receipt.body.id });
}

/** A confirmed purchase made now, through the API as the operator makes it. */
async function confirmedPurchase(amountCents: number): Promise<string> {
  const created = await pendingPurchase(amountCents);
  expect(created.status).toBe(201);
  const confirmed = await farmacia.api('POST', `/api/vouchers/purchases/${created.body.movement.id}/confirm`, {
    challengeId: created.body.challengeId,
    code: await codeOf(created.body.challengeId),
  });
  expect(confirmed.status).toBe(200);
  return created.body.movement.id;
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.pool;
  const farmaciaId = (await db.query("SELECT id FROM organisations WHERE name = 'Farmacia Centrale'")).rows[0].id;
  const program = await db.query("INSERT INTO voucher_programs (name, face_value_cents, validity_months) VALUES ('Voucher Secondogeniti', 25000, 12) RETURNING id");
  await db.query('INSERT INTO voucher_program_merchants (program_id, merchant_structure_id) VALUES ($1, $2)', [program.rows[0].id, farmaciaId]);
  const year = Number(romeDate(t.simulatedClock.now()).slice(0, 4));
  voucherId = (
    await db.query(
      `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                             initial_cents, available_cents, activation_date, expiry_date)
       VALUES ('VS-TEST-000002', $1, $2, '80380000000000000002', 'Giovanni', 'Ferrari', '+393331000012', 25000, 25000, $3, $4) RETURNING id`,
      [program.rows[0].id, DEMO_PEOPLE.citizen.fiscalCode, `${year - 1}-01-01`, `${year + 1}-12-31`],
    )
  ).rows[0].id;
  farmacia = new HttpClient(t.baseUrl);
  await farmacia.signInWithSpid(DEMO_PEOPLE.merchantOperator.fiscalCode);
});
afterAll(() => t.close());

describe('Cancella Movimento over HTTP', () => {
  it('revokes today’s purchase with the beneficiary’s code, once, and texts him the new balance', async () => {
    const purchaseId = await confirmedPurchase(4_000);
    expect(await availableCents()).toBe(21_000);
    const sent = await farmacia.api('POST', `/api/vouchers/purchases/${purchaseId}/cancellation/otp`);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ purchaseAmountCents: 4_000, amountToRevokeCents: 4_000, expiresInSeconds: 180 });
    const sms = await t.database.pool.query("SELECT recipient FROM outbox_messages WHERE idempotency_key = $1", [`otp:${sent.body.challengeId}`]);
    expect(sms.rows[0].recipient).toBe('+393331000012');

    const wrong = await farmacia.api('POST', `/api/vouchers/purchases/${purchaseId}/cancellation`, { challengeId: sent.body.challengeId, code: '000000', idempotencyKey: crypto.randomUUID() });
    const code = await codeOf(sent.body.challengeId);
    if (code !== '000000') expect(wrong.body.code).toBe('otp_invalid');
    const done = await farmacia.api('POST', `/api/vouchers/purchases/${purchaseId}/cancellation`, { challengeId: sent.body.challengeId, code, idempotencyKey: crypto.randomUUID() });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ movement: { kind: 'cancellazione', status: 'confermato', amountCents: 4_000 }, availableCents: 25_000 });
    expect(await availableCents()).toBe(25_000);
    const notice = await t.database.pool.query("SELECT data FROM outbox_messages WHERE template = 'voucher-movement' AND data->>'kind' = 'cancellazione'");
    expect(notice.rows[0].data).toMatchObject({ amountCents: 4_000, balanceCents: 25_000, merchant: 'Farmacia Centrale' });
    const audit = await t.database.pool.query("SELECT person_fiscal_code FROM audit_log WHERE action = 'voucher.purchase.cancel'");
    expect(audit.rows).toEqual([{ person_fiscal_code: DEMO_PEOPLE.citizen.fiscalCode }]);

    const again = await farmacia.api('POST', `/api/vouchers/purchases/${purchaseId}/cancellation/otp`);
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('purchase_already_cancelled');
  });

  it('does not let a purchase code confirm a cancellation', async () => {
    const created = await pendingPurchase(1_000);
    const purchaseCode = await codeOf(created.body.challengeId);
    await farmacia.api('POST', `/api/vouchers/purchases/${created.body.movement.id}/confirm`, { challengeId: created.body.challengeId, code: purchaseCode });
    const sent = await farmacia.api('POST', `/api/vouchers/purchases/${created.body.movement.id}/cancellation/otp`);
    const misuse = await farmacia.api('POST', `/api/vouchers/purchases/${created.body.movement.id}/cancellation`, {
      challengeId: created.body.challengeId,
      code: purchaseCode,
      idempotencyKey: crypto.randomUUID(),
    });
    expect(misuse.status).toBeGreaterThanOrEqual(400);
    expect(await availableCents()).toBe(24_000);
    expect(sent.status).toBe(200);
  });

  it('is refused the day after, and for another merchant like a missing purchase', async () => {
    const purchaseId = await confirmedPurchase(2_000);
    const other = new HttpClient(t.baseUrl);
    await other.signInWithSpid(DEMO_PEOPLE.secondMerchantOperator.fiscalCode);
    const foreign = await other.api('POST', `/api/vouchers/purchases/${purchaseId}/cancellation/otp`);
    expect(foreign.status).toBe(404);

    const tomorrow = new Date(t.simulatedClock.now().getTime() + 86_400_000);
    await t.simulatedClock.set(tomorrow, (await farmacia.session()).user.id);
    const late = await farmacia.api('POST', `/api/vouchers/purchases/${purchaseId}/cancellation/otp`);
    expect(late.status).toBe(422);
    expect(late.body.detail).toBe('Un acquisto si può cancellare solo nel giorno in cui è stato fatto.');
    await t.simulatedClock.set(null, (await farmacia.session()).user.id);
  });
});
