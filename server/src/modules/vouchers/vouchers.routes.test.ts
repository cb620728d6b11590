import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../../core/documents/documents.samples.js';
import { renderTemplate } from '../../core/notifications/templates/index.js';
import { DEMO_PEOPLE } from '../../demo/identities.js';
import { fiscalCodeCheckCharacter } from '../../shared/fiscal-code.js';
import { romeDate } from '../../shared/dates.js';
import { HttpClient } from '../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

const LAURA = DEMO_PEOPLE.secondCitizen;
const PHONE = '+393331000013';
const HEALTH_CARD = '80380000000000000001';

let t: TestApp;
let farmacia: HttpClient;
let voucherId: string;
let farmaciaId: string;

/** The code the beneficiary received by SMS for this challenge (the outbox keeps it until delivered). */
async function codeOf(challengeId: string): Promise<string> {
  const { rows } = await t.database.pool.query("SELECT data->>'code' AS code FROM outbox_messages WHERE template = 'otp-code' AND idempotency_key = $1", [`otp:${challengeId}`]);
  expect(rows).toHaveLength(1);
  return rows[0].code;
}

async function availableCents(): Promise<number> {
  const { rows } = await t.database.pool.query('SELECT available_cents FROM vouchers WHERE id = $1', [voucherId]);
  return Number(rows[0].available_cents);
}

async function auditCount(action: string): Promise<number> {
  const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]);
  return rows[0].n;
}

/** "Usa per acquisto" as the page does it: the receipt first, then the purchase that carries it. */
async function purchase(client: HttpClient, amountCents: number, id = voucherId) {
  const receipt = await client.upload(`/api/vouchers/${id}/receipts`, { name: 'scontrino.pdf', content: samplePdf(), type: 'application/pdf' });
  if (receipt.status !== 201) return receipt;
  return client.api('POST', `/api/vouchers/${id}/purchases`, { amountCents, idempotencyKey: crypto.randomUUID(), receiptDocumentId: receipt.body.id });
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.pool;
  farmaciaId = (await db.query("SELECT id FROM organisations WHERE name = 'Farmacia Centrale'")).rows[0].id;
  const program = await db.query("INSERT INTO voucher_programs (name, face_value_cents, validity_months) VALUES ('Voucher Secondogeniti', 25000, 12) RETURNING id");
  await db.query('INSERT INTO voucher_program_merchants (program_id, merchant_structure_id) VALUES ($1, $2)', [program.rows[0].id, farmaciaId]);
  const today = romeDate(t.simulatedClock.now());
  const year = Number(today.slice(0, 4));
  const voucher = await db.query(
    `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                           initial_cents, available_cents, activation_date, expiry_date)
     VALUES ('VS-TEST-000001', $1, $2, $3, 'Laura', 'Russo', $4, 25000, 25000, $5, $6) RETURNING id`,
    [program.rows[0].id, LAURA.fiscalCode, HEALTH_CARD, PHONE, `${year - 1}-01-01`, `${year + 1}-12-31`],
  );
  voucherId = voucher.rows[0].id;
  farmacia = new HttpClient(t.baseUrl);
  await farmacia.signInWithSpid(DEMO_PEOPLE.merchantOperator.fiscalCode);
});
afterAll(() => t.close());

describe('Ricerca Beneficiario', () => {
  it('refuses a malformed codice fiscale, or one with a wrong check character, before any lookup', async () => {
    const views = await auditCount('voucher.view');
    const short = await farmacia.api('GET', '/api/vouchers/search?fiscalCode=RSSLRA91A62');
    expect(short.status).toBe(400);
    expect(short.body.fields.fiscalCode).toBe('Il codice fiscale deve essere di 16 caratteri.');

    const first15 = LAURA.fiscalCode.slice(0, 15);
    const wrong = String.fromCharCode(((fiscalCodeCheckCharacter(first15).charCodeAt(0) - 65 + 1) % 26) + 65);
    const badCheck = await farmacia.api('GET', `/api/vouchers/search?fiscalCode=${first15}${wrong}`);
    expect(badCheck.status).toBe(400);
    expect(badCheck.body.fields.fiscalCode).toMatch(/carattere di controllo|non è valido|controllo/i);

    const card = await farmacia.api('GET', '/api/vouchers/search?healthCard=8038000000');
    expect(card.status).toBe(400);
    expect(card.body.fields.healthCard).toBe('Il numero della tessera sanitaria deve avere 20 cifre.');

    expect((await farmacia.api('GET', '/api/vouchers/search')).status).toBe(400);
    expect((await farmacia.api('GET', `/api/vouchers/search?fiscalCode=${LAURA.fiscalCode}&healthCard=${HEALTH_CARD}`)).status).toBe(400);
    expect(await auditCount('voucher.view')).toBe(views);
  });

  it('finds the voucher by codice fiscale (any case) and by health card, and records the view', async () => {
    const byCode = await farmacia.api('GET', `/api/vouchers/search?fiscalCode=${LAURA.fiscalCode.toLowerCase()}`);
    expect(byCode.status).toBe(200);
    expect(byCode.body.voucher).toMatchObject({
      id: voucherId,
      code: 'VS-TEST-000001',
      givenName: 'Laura',
      familyName: 'Russo',
      fiscalCode: LAURA.fiscalCode,
      healthCardNumber: HEALTH_CARD,
      initialCents: 25000,
    });
    const byCard = await farmacia.api('GET', `/api/vouchers/search?healthCard=${HEALTH_CARD}`);
    expect(byCard.status).toBe(200);
    expect(byCard.body.voucher.id).toBe(voucherId);

    const { rows } = await t.database.pool.query("SELECT subject_id, person_fiscal_code, structure_id FROM audit_log WHERE action = 'voucher.view'");
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.subject_id === voucherId && r.person_fiscal_code === LAURA.fiscalCode && r.structure_id === farmaciaId)).toBe(true);
  });

  it('answers 404 for an unknown beneficiary', async () => {
    const nobody = `ZZZZZZ90A01F839${fiscalCodeCheckCharacter('ZZZZZZ90A01F839')}`;
    const r = await farmacia.api('GET', `/api/vouchers/search?fiscalCode=${nobody}`);
    expect(r.status).toBe(404);
    expect(r.body.detail).toBe('Nessun voucher trovato per il beneficiario.');
  });
});

describe('Usa per acquisto, confirmed by OTP', () => {
  it('holds, refuses a wrong code, confirms with the right one, lowers the balance and tells the beneficiary', async () => {
    const before = await availableCents();
    const created = await purchase(farmacia, 2500);
    expect(created.status).toBe(201);
    expect(created.body.movement).toMatchObject({ status: 'in_attesa', amountCents: 2500 });
    expect(created.body.expiresInSeconds).toBe(180);
    const movementId = created.body.movement.id;
    expect(await availableCents()).toBe(before - 2500); // held

    const code = await codeOf(created.body.challengeId);
    const sms = await t.database.pool.query("SELECT recipient, data->>'operation' AS operation FROM outbox_messages WHERE idempotency_key = $1", [`otp:${created.body.challengeId}`]);
    expect(sms.rows[0]).toEqual({ recipient: PHONE, operation: "l'acquisto di 25,00 € presso Farmacia Centrale" });

    const wrongCode = code === '000000' ? '111111' : '000000';
    const refused = await farmacia.api('POST', `/api/vouchers/purchases/${movementId}/confirm`, { challengeId: created.body.challengeId, code: wrongCode });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('otp_invalid');
    const pending = await t.database.pool.query('SELECT status FROM voucher_movements WHERE id = $1', [movementId]);
    expect(pending.rows[0].status).toBe('in_attesa');

    const confirmed = await farmacia.api('POST', `/api/vouchers/purchases/${movementId}/confirm`, { challengeId: created.body.challengeId, code });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ movement: { id: movementId, status: 'confermato', amountCents: 2500 }, availableCents: before - 2500 });
    expect(await availableCents()).toBe(before - 2500);

    // Twice: refused, nothing changes.
    const again = await farmacia.api('POST', `/api/vouchers/purchases/${movementId}/confirm`, { challengeId: created.body.challengeId, code });
    expect(again.status).toBe(422);
    expect(await availableCents()).toBe(before - 2500);

    const notified = await t.database.pool.query("SELECT recipient, data FROM outbox_messages WHERE template = 'voucher-movement' AND idempotency_key = $1", [
      `voucher-movement:${movementId}:confirmed`,
    ]);
    expect(notified.rows).toHaveLength(1);
    expect(notified.rows[0].recipient).toBe(PHONE);
    expect(notified.rows[0].data).toEqual({ kind: 'acquisto', amountCents: 2500, merchant: 'Farmacia Centrale', balanceCents: before - 2500 });
    expect(before).toBe(25000);
    expect(renderTemplate('voucher-movement', 'sms', notified.rows[0].data).text).toBe('Acquisto di 25,00 € presso Farmacia Centrale confermato. Saldo del voucher: 225,00 €.');

    const audit = await t.database.pool.query(
      "SELECT action, person_fiscal_code FROM audit_log WHERE subject_id = $1 AND action IN ('voucher.purchase.create', 'voucher.purchase.confirm') ORDER BY id",
      [movementId],
    );
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['voucher.purchase.confirm', 'voucher.purchase.create']);
    expect(audit.rows.every((r) => r.person_fiscal_code === LAURA.fiscalCode)).toBe(true);

    // "Transazioni per esercente": the movement in the search, newest first.
    const found = await farmacia.api('GET', `/api/vouchers/search?fiscalCode=${LAURA.fiscalCode}`);
    expect(found.body.voucher).toMatchObject({ availableCents: before - 2500, usedCents: 25000 - before + 2500 });
    expect(found.body.movements[0]).toMatchObject({ id: movementId, kind: 'acquisto', status: 'confermato', amountCents: 2500, merchantName: 'Farmacia Centrale' });
  });

  it('a code sent for one purchase cannot confirm another; "Invia un nuovo codice" gives a working one', async () => {
    const a = await purchase(farmacia, 1000);
    const b = await purchase(farmacia, 1500);
    expect([a.status, b.status]).toEqual([201, 201]);
    const codeA = await codeOf(a.body.challengeId);

    const crossed = await farmacia.api('POST', `/api/vouchers/purchases/${b.body.movement.id}/confirm`, { challengeId: a.body.challengeId, code: codeA });
    expect(crossed.status).toBe(422);
    expect(crossed.body.code).toBe('otp_invalid');
    const statuses = await t.database.pool.query('SELECT id, status FROM voucher_movements WHERE id = ANY($1)', [[a.body.movement.id, b.body.movement.id]]);
    expect(statuses.rows.every((r) => r.status === 'in_attesa')).toBe(true);

    // A new code for B voids B's first one.
    const resent = await farmacia.api('POST', `/api/vouchers/purchases/${b.body.movement.id}/otp`);
    expect(resent.status).toBe(200);
    expect(resent.body.challengeId).not.toBe(b.body.challengeId);
    const oldB = await farmacia.api('POST', `/api/vouchers/purchases/${b.body.movement.id}/confirm`, { challengeId: b.body.challengeId, code: await codeOf(b.body.challengeId) });
    expect(oldB.status).toBe(410);
    const okB = await farmacia.api('POST', `/api/vouchers/purchases/${b.body.movement.id}/confirm`, { challengeId: resent.body.challengeId, code: await codeOf(resent.body.challengeId) });
    expect(okB.status).toBe(200);
    expect(okB.body.movement.status).toBe('confermato');

    // A is still pending and its own code still confirms it.
    const okA = await farmacia.api('POST', `/api/vouchers/purchases/${a.body.movement.id}/confirm`, { challengeId: a.body.challengeId, code: codeA });
    expect(okA.status).toBe(200);

    // No new code for a purchase no longer pending.
    expect((await farmacia.api('POST', `/api/vouchers/purchases/${a.body.movement.id}/otp`)).status).toBe(422);
  });

  it('refuses an amount that is not a positive integer, or beyond the balance', async () => {
    expect((await purchase(farmacia, 0)).status).toBe(400);
    expect((await purchase(farmacia, 12.5)).status).toBe(400);
    const tooMuch = await purchase(farmacia, 1_000_000);
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('amount_exceeds_available');
  });
});

describe('a merchant not enrolled in the program', () => {
  it('finds nothing and cannot buy, confirm or resend: 404 like a missing voucher, nothing changes', async () => {
    const babyStore = new HttpClient(t.baseUrl);
    await babyStore.signInWithSpid(DEMO_PEOPLE.secondMerchantOperator.fiscalCode);
    const before = await availableCents();
    const movements = (await t.database.pool.query('SELECT count(*)::int AS n FROM voucher_movements')).rows[0].n;

    const byCode = await babyStore.api('GET', `/api/vouchers/search?fiscalCode=${LAURA.fiscalCode}`);
    expect(byCode.status).toBe(404);
    expect(byCode.body.detail).toBe('Nessun voucher trovato per il beneficiario.');
    expect((await babyStore.api('GET', `/api/vouchers/search?healthCard=${HEALTH_CARD}`)).status).toBe(404);
    expect((await purchase(babyStore, 1000)).status).toBe(404);

    // A pending purchase of the Farmacia: the other merchant can neither resend nor confirm it.
    const pending = await purchase(farmacia, 500);
    const code = await codeOf(pending.body.challengeId);
    expect((await babyStore.api('POST', `/api/vouchers/purchases/${pending.body.movement.id}/otp`)).status).toBe(404);
    expect((await babyStore.api('POST', `/api/vouchers/purchases/${pending.body.movement.id}/confirm`, { challengeId: pending.body.challengeId, code })).status).toBe(404);
    const still = await t.database.pool.query('SELECT status FROM voucher_movements WHERE id = $1', [pending.body.movement.id]);
    expect(still.rows[0].status).toBe('in_attesa');
    expect(await availableCents()).toBe(before - 500);
    expect((await t.database.pool.query('SELECT count(*)::int AS n FROM voucher_movements')).rows[0].n).toBe(movements + 1);
  });
});
