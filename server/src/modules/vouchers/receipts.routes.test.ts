import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf, samplePng } from '../../core/documents/documents.samples.js';
import { DEMO_PEOPLE } from '../../demo/identities.js';
import { romeDate } from '../../shared/dates.js';
import { HttpClient } from '../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let farmacia: HttpClient;
let babyStore: HttpClient;
let voucherId: string;

async function codeOf(challengeId: string): Promise<string> {
  const { rows } = await t.database.pool.query("SELECT data->>'code' AS code FROM outbox_messages WHERE idempotency_key = $1", [`otp:${challengeId}`]);
  return rows[0].code;
}
const documentsCount = async () => Number((await t.database.pool.query('SELECT count(*) FROM documents')).rows[0].count);
const uploadReceipt = (client: HttpClient, content = samplePdf(), name = 'scontrino.pdf') =>
  client.upload(`/api/vouchers/${voucherId}/receipts`, { name, content, type: 'application/pdf' });
const search = async (client = farmacia) => (await client.api('GET', `/api/vouchers/search?fiscalCode=${DEMO_PEOPLE.citizen.fiscalCode}`)).body;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.pool;
  const merchants = (await db.query("SELECT id FROM organisations WHERE name IN ('Farmacia Centrale', 'Baby Store Caserta')")).rows;
  const program = await db.query("INSERT INTO voucher_programs (name, face_value_cents, validity_months) VALUES ('Voucher Secondogeniti', 25000, 12) RETURNING id");
  for (const m of merchants) await db.query('INSERT INTO voucher_program_merchants (program_id, merchant_structure_id) VALUES ($1, $2)', [program.rows[0].id, m.id]);
  const year = Number(romeDate(t.simulatedClock.now()).slice(0, 4));
  const voucher = await db.query(
    `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                           initial_cents, available_cents, activation_date, expiry_date)
     VALUES ('VS-TEST-000001', $1, $2, '80380000000000000002', 'Giovanni', 'Ferrari', '+393331000012', 25000, 25000, $3, $4) RETURNING id`,
    [program.rows[0].id, DEMO_PEOPLE.citizen.fiscalCode, `${year - 1}-01-01`, `${year + 1}-12-31`],
  );
  voucherId = voucher.rows[0].id;
  farmacia = new HttpClient(t.baseUrl);
  await farmacia.signInWithSpid(DEMO_PEOPLE.merchantOperator.fiscalCode);
  babyStore = new HttpClient(t.baseUrl);
  await babyStore.signInWithSpid(DEMO_PEOPLE.secondMerchantOperator.fiscalCode);
});
afterAll(() => t.close());

describe('lo scontrino di un acquisto', () => {
  it('is required, checked by its content and kept only when admitted', async () => {
    const missing = await farmacia.api('POST', `/api/vouchers/${voucherId}/purchases`, { amountCents: 1_000, idempotencyKey: crypto.randomUUID() });
    expect(missing.status).toBe(400);
    expect(missing.body.fields.receiptDocumentId).toBe('Allega lo scontrino.');

    const before = await documentsCount();
    const disguised = await uploadReceipt(farmacia, Buffer.from('MZ not really a pdf at all'), 'scontrino.pdf');
    expect(disguised.status).toBe(415);
    expect(disguised.body.detail).toMatch(/PDF, JPEG e PNG/);
    const tooLarge = await uploadReceipt(farmacia, Buffer.concat([samplePdf(), Buffer.alloc(5 * 1024 * 1024)]));
    expect(tooLarge.status).toBe(413);
    expect(await documentsCount()).toBe(before);
    expect((await search()).movements).toEqual([]);
  });

  it('belongs to one purchase of the merchant who uploaded it, and is shown to him only', async () => {
    const receipt = await farmacia.upload(`/api/vouchers/${voucherId}/receipts`, { name: 'scontrino.png', content: samplePng(), type: 'image/png' });
    expect(receipt.status).toBe(201);
    expect(receipt.body).toMatchObject({ name: 'scontrino.png', mediaType: 'image/png' });

    // Another merchant cannot attach it to his purchase.
    const stolen = await babyStore.api('POST', `/api/vouchers/${voucherId}/purchases`, { amountCents: 500, idempotencyKey: crypto.randomUUID(), receiptDocumentId: receipt.body.id });
    expect(stolen.status).toBe(400);
    expect(stolen.body.fields.receiptDocumentId).toMatch(/non è stato trovato/);

    const key = crypto.randomUUID();
    const created = await farmacia.api('POST', `/api/vouchers/${voucherId}/purchases`, { amountCents: 1_500, idempotencyKey: key, receiptDocumentId: receipt.body.id });
    expect(created.status).toBe(201);
    // The same receipt on a second purchase is refused; the same request retried is the same purchase.
    const reused = await farmacia.api('POST', `/api/vouchers/${voucherId}/purchases`, { amountCents: 700, idempotencyKey: crypto.randomUUID(), receiptDocumentId: receipt.body.id });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('receipt_already_used');

    // Pending today: receipt and "autorizza pagamento" in the menu.
    const pending = (await search()).movements[0];
    expect(pending).toMatchObject({ id: created.body.movement.id, status: 'in_attesa', actions: ['visualizza-scontrino', 'autorizza-pagamento'] });
    expect(pending.code).toMatch(/^MOV-[0-9A-F]{8}$/);

    const shown = await farmacia.raw('GET', `/api/vouchers/purchases/${created.body.movement.id}/receipt`);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await shown.arrayBuffer()).equals(samplePng())).toBe(true);
    expect((await babyStore.raw('GET', `/api/vouchers/purchases/${created.body.movement.id}/receipt`)).status).toBe(404);

    // "Autorizza pagamento": a new code, then confirmed; the menu now offers receipt and cancellation.
    const again = await farmacia.api('POST', `/api/vouchers/purchases/${created.body.movement.id}/otp`);
    expect(again.status).toBe(200);
    const confirmed = await farmacia.api('POST', `/api/vouchers/purchases/${created.body.movement.id}/confirm`, { challengeId: again.body.challengeId, code: await codeOf(again.body.challengeId) });
    expect(confirmed.status).toBe(200);
    const result = await search();
    expect(result.movements[0]).toMatchObject({ status: 'confermato', actions: ['visualizza-scontrino', 'cancella-movimento'] });
    expect(result.voucher).toMatchObject({ state: 'attivo', availableCents: 23_500, usedCents: 1_500 });
    expect(result.today).toBe(romeDate(t.simulatedClock.now()));
    // Baby Store sees none of Farmacia's transactions on the same voucher.
    expect((await search(babyStore)).movements).toEqual([]);
  });

  it('the day after: a pending purchase can no longer be authorised, a confirmed one only shows its receipt', async () => {
    const receipt = await uploadReceipt(farmacia);
    const created = await farmacia.api('POST', `/api/vouchers/${voucherId}/purchases`, { amountCents: 900, idempotencyKey: crypto.randomUUID(), receiptDocumentId: receipt.body.id });
    expect(created.status).toBe(201);
    const userId = (await farmacia.session()).user.id;
    await t.simulatedClock.advance(24 * 3_600, userId);
    try {
      const movements = (await search()).movements;
      expect(movements.find((m: { id: string }) => m.id === created.body.movement.id).actions).toEqual([]);
      expect(movements.filter((m: { status: string }) => m.status === 'confermato').map((m: { actions: string[] }) => m.actions)).toEqual([['visualizza-scontrino']]);
      const late = await farmacia.api('POST', `/api/vouchers/purchases/${created.body.movement.id}/otp`);
      expect(late.status).toBe(422);
      expect(late.body.code).toBe('purchase_expired');
      const hidden = await farmacia.raw('GET', `/api/vouchers/purchases/${created.body.movement.id}/receipt`);
      expect(hidden.status).toBe(404);
    } finally {
      await t.simulatedClock.set(null, userId);
    }
  });
});
