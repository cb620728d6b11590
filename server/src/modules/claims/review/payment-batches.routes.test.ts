import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../../test/test-app.js';
import { validatePain001 } from './pain001-schema.testing.js';
import { claimEmails, insertClaim, type ReviewWorld, reviewWorld, signInCampania, testIban } from './review.testing.js';

let t: TestApp;
let w: ReviewWorld;
let region: HttpClient;
const DEBTOR_IBAN = testIban('999000111');
const approved: Awaited<ReturnType<typeof insertClaim>>[] = [];
let pending: Awaited<ReturnType<typeof insertClaim>>;
let elsewhere: Awaited<ReturnType<typeof insertClaim>>;

const tag = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);
const statusOf = async (id: string) => (await t.database.pool.query('SELECT status, payment_batch_id FROM claims WHERE id = $1', [id])).rows[0];
const batchBody = (claimIds: string[], over: Record<string, unknown> = {}) => ({ claimIds, debtorName: 'Regione Campania - Tesoreria', debtorIban: DEBTOR_IBAN, executionDate: '2026-12-10', ...over });
const forward = (body: unknown) => region.api('POST', '/api/claims-review/payment-batches', body);

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-12-03T10:00:00Z'));
  w = await reviewWorld(t);
  approved.push(await insertClaim(t, { merchantId: w.farmacia, regionId: w.campania, year: 2026, index: 1, status: 'approvata', amounts: [1_050, 2_000] }));
  approved.push(await insertClaim(t, { merchantId: w.babyStore, regionId: w.campania, year: 2026, index: 1, status: 'approvata', amounts: [12_990] }));
  approved.push(await insertClaim(t, { merchantId: w.farmacia, regionId: w.campania, year: 2026, index: 2, status: 'approvata', amounts: [5, 95] }));
  pending = await insertClaim(t, { merchantId: w.babyStore, regionId: w.campania, year: 2026, index: 2 });
  elsewhere = await insertClaim(t, { merchantId: w.farmacia, regionId: w.basilicata, year: 2026, index: 1, status: 'approvata' });
  region = await signInCampania(t);
});
afterAll(() => t.close());

describe('forwarding approved claims for the payment decree', () => {
  it('refuses (409, listing them) claims not approved or not of this region, and changes nothing', async () => {
    const r = await forward(batchBody([...approved.map((c) => c.id), pending.id, elsewhere.id]));
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('claims_not_forwardable');
    expect(r.body.detail).toContain(`n. ${pending.number}`);
    expect(r.body.fields).toEqual({
      [pending.id]: `Istanza n. ${pending.number}: è nello stato «Da valutare», non «Approvata».`,
      [elsewhere.id]: 'Istanza non trovata.',
    });
    for (const c of approved) expect((await statusOf(c.id)).status).toBe('approvata');
    expect((await t.database.pool.query('SELECT count(*)::int AS n FROM claim_payment_batches')).rows[0].n).toBe(0);
  });

  it('checks the debtor: Italian IBAN, a name, an execution date from today on (422 per field)', async () => {
    const ids = [approved[0]!.id];
    const cases: [Record<string, unknown>, string][] = [
      [{ debtorIban: 'IT60X0542811101000000123457' }, 'debtorIban'],
      [{ debtorIban: 'DE89370400440532013000' }, 'debtorIban'],
      [{ executionDate: '2026-12-02' }, 'executionDate'],
      [{ executionDate: '2026-02-30' }, 'executionDate'],
      [{ executionDate: '2028-01-01' }, 'executionDate'],
      [{ debtorName: '北京' }, 'debtorName'],
    ];
    for (const [over, field] of cases) {
      const r = await forward(batchBody(ids, over));
      expect(r.status, JSON.stringify(over)).toBe(422);
      expect(r.body.fields).toHaveProperty(field);
    }
    expect((await forward(batchBody([]))).status).toBe(400);
    expect((await forward(batchBody(Array.from({ length: 501 }, () => approved[0]!.id)))).status).toBe(400);
    expect((await forward(batchBody(['non-un-id']))).status).toBe(400);
    expect((await statusOf(approved[0]!.id)).status).toBe('approvata');
  });

  it('creates the batch and its SEPA file (valid pain.001.001.03), and forwards every claim', async () => {
    const r = await forward(batchBody(approved.map((c) => c.id).reverse(), { executionDate: '2026-12-03', debtorIban: DEBTOR_IBAN.replace(/(.{4})/g, '$1 ').toLowerCase() }));
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ id: expect.any(String), messageId: expect.stringMatching(/^ISTANZE-20261203-[0-9A-F]{12}$/) });
    const batch = (await t.database.pool.query('SELECT * FROM claim_payment_batches WHERE id = $1', [r.body.id])).rows[0];
    expect(batch).toMatchObject({ region_structure_id: w.campania, message_id: r.body.messageId, debtor_iban: DEBTOR_IBAN, execution_date: '2026-12-03', claim_count: 3, control_sum_cents: 16_140 });

    const xml = batch.xml as string;
    const validation = await validatePain001(xml);
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);
    expect(tag(xml, 'NbOfTxs')).toEqual(['3', '3']);
    expect(tag(xml, 'CtrlSum')).toEqual(['161.40', '161.40']);
    expect(tag(xml, 'MsgId')).toEqual([r.body.messageId]);
    expect(tag(xml, 'ReqdExctnDt')).toEqual(['2026-12-03']);
    // One transfer per claim, in the order of their numbers, to each claim's IBAN.
    const ibans = await Promise.all(approved.map(async (c) => (await t.database.pool.query('SELECT iban FROM claims WHERE id = $1', [c.id])).rows[0].iban));
    expect(tag(xml, 'EndToEndId')).toEqual(approved.map((c) => `ISTANZA-${c.number}`));
    expect(tag(xml, 'InstdAmt')).toEqual(['30.50', '129.90', '1.00']);
    expect(tag(xml, 'IBAN')).toEqual([DEBTOR_IBAN, ...ibans]);
    expect(tag(xml, 'Nm')).toEqual(['Regione Campania', 'Regione Campania - Tesoreria', 'Farmacia Centrale', 'Baby Store Caserta', 'Farmacia Centrale']);
    expect(tag(xml, 'Ustrd')).toEqual([
      `Rimborso voucher istanza n. ${approved[0]!.number} - 1 quadrimestre 2026`,
      `Rimborso voucher istanza n. ${approved[1]!.number} - 1 quadrimestre 2026`,
      `Rimborso voucher istanza n. ${approved[2]!.number} - 2 quadrimestre 2026`,
    ]);

    for (const c of approved) {
      expect(await statusOf(c.id)).toEqual({ status: 'inoltrata', payment_batch_id: r.body.id });
      const emails = await claimEmails(t, c.number);
      expect(emails).toHaveLength(2);
      expect(emails[0]!.data).toMatchObject({ status: 'Inoltrata per decreto di pagamento', note: `Distinta di pagamento ${r.body.messageId}, data di esecuzione richiesta 03/12/2026.` });
    }
    const detail = await region.api('GET', `/api/claims-review/${approved[0]!.id}`);
    expect(detail.body).toMatchObject({ status: 'inoltrata', paymentBatch: { id: r.body.id, messageId: r.body.messageId } });
    const audit = await t.database.pool.query("SELECT after FROM audit_log WHERE action = 'claim.payment-batch.create' AND subject_id = $1", [r.body.id]);
    expect(audit.rows[0].after).toMatchObject({ claimCount: 3, controlSumCents: 16_140 });

    // Forwarded once: a second batch with them is refused.
    const again = await forward(batchBody([approved[0]!.id]));
    expect(again.status).toBe(409);
    expect(again.body.fields[approved[0]!.id]).toContain('Inoltrata per decreto di pagamento');
  });

  it('lists the batches with the last debtor and downloads the file (audited)', async () => {
    const list = await region.api('GET', '/api/claims-review/payment-batches');
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      items: [{ id: expect.any(String), messageId: expect.any(String), createdAt: '2026-12-03T10:00:00.000Z', executionDate: '2026-12-03', claimCount: 3, controlSumCents: 16_140, debtorName: 'Regione Campania - Tesoreria' }],
      total: 1,
      page: 1,
      pageSize: 25,
      lastDebtor: { name: 'Regione Campania - Tesoreria', iban: DEBTOR_IBAN },
    });
    const { id, messageId } = list.body.items[0];
    const file = await region.raw('GET', `/api/claims-review/payment-batches/${id}/pain001`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="pain001-${messageId}.xml"`);
    const stored = (await t.database.pool.query('SELECT xml FROM claim_payment_batches WHERE id = $1', [id])).rows[0].xml;
    expect(await file.text()).toBe(stored);
    const audit = await t.database.pool.query("SELECT actor_name FROM audit_log WHERE action = 'claim.payment-batch.download' AND subject_id = $1", [id]);
    expect(audit.rows).toEqual([{ actor_name: 'Luca Romano' }]);
    expect((await region.raw('GET', '/api/claims-review/payment-batches/00000000-0000-4000-8000-000000000000/pain001')).status).toBe(404);
  });
});
