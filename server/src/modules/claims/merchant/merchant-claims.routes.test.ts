import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf, samplePng } from '../../../core/documents/documents.samples.js';
import { DEMO_PEOPLE } from '../../../demo/identities.js';
import { HttpClient } from '../../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../../test/test-app.js';
import {
  type ClaimsFixture,
  forwardForPayment,
  requestIntegration,
  seedCancellation,
  seedClaimsFixture,
  seedPurchase,
  seedVoucher,
  setToday,
} from './test-support.js';

/**
 * The merchant's "Istanza di rimborso" over HTTP, on a real PostgreSQL, one story in order:
 * closed window, draft, filing (once, even concurrently), rectification, withdrawal and a new
 * claim, integration, payment started. Today is 15 April 2027 (Rome, summer time).
 */
let t: TestApp;
let f: ClaimsFixture;
let owner: HttpClient;
let otherOwner: HttpClient;
const purchases: Record<string, string> = {};
let firstClaimId: string;
let secondClaimId: string;
let voucherId: string;

const TODAY = '2027-04-15T10:00:00+02:00';
const IBAN = 'IT60X0542811101000000123456';
const OTHER_IBAN = 'IT13K0306909606100000063489';
const CLAIM_EMAIL = 'amministrazione@farmaciacentrale.example.it';

const q = async (text: string, values: unknown[] = []) => (await t.database.pool.query(text, values)).rows;

beforeAll(async () => {
  t = await startTestApp();
  f = await seedClaimsFixture(t);
  const voucher = await seedVoucher(t, f.programId);
  voucherId = voucher;
  const voucher2 = await seedVoucher(t, f.programId);
  const orphanVoucher = await seedVoucher(t, f.orphanProgramId);

  // The operator uploads a receipt as "Usa per acquisto" does.
  const operator = new HttpClient(t.baseUrl);
  await operator.signInWithSpid(DEMO_PEOPLE.merchantOperator.fiscalCode);
  const receipt = await operator.upload(`/api/vouchers/${voucher}/receipts`, { name: 'scontrino.png', content: samplePng(), type: 'image/png' });
  expect(receipt.status).toBe(201);

  const buy = (name: string, at: string, amountCents: number, extra: { status?: 'confermato' | 'in_attesa' | 'rilasciato'; voucherId?: string; merchantId?: string; receiptDocumentId?: string } = {}) =>
    seedPurchase(t, { voucherId: extra.voucherId ?? voucher, merchantId: extra.merchantId ?? f.farmaciaId, at, amountCents, status: extra.status, receiptDocumentId: extra.receiptDocumentId, createdBy: f.operatorUserId }).then(
      (id) => {
        purchases[name] = id;
      },
    );
  // Claimed: a purchase of the last quadrimestre never claimed, one with its receipt, one late yesterday.
  await buy('november', '2026-11-20T10:00:00+01:00', 1_000);
  await buy('january', '2027-01-10T09:30:00+01:00', 2_500, { receiptDocumentId: receipt.body.id, voucherId: voucher2 });
  await buy('yesterday', '2027-04-14T23:30:00+02:00', 3_000);
  // Not claimed: today's (10 past midnight in Rome, still 14 April in UTC), cancelled, released, pending,
  // another merchant's, a program without a region.
  await buy('today', '2027-04-15T00:10:00+02:00', 4_000);
  await buy('cancelled', '2027-03-01T11:00:00+01:00', 5_000);
  await seedCancellation(t, purchases.cancelled!, '2027-03-01T12:00:00+01:00');
  await buy('released', '2027-02-02T11:00:00+01:00', 6_000, { status: 'rilasciato' });
  await buy('pending', '2027-02-03T11:00:00+01:00', 7_000, { status: 'in_attesa' });
  await buy('babyStore', '2027-02-04T11:00:00+01:00', 800, { merchantId: f.babyStoreId });
  await buy('orphan', '2027-02-05T11:00:00+01:00', 900, { voucherId: orphanVoucher });

  owner = new HttpClient(t.baseUrl);
  await owner.signInWithSpid(DEMO_PEOPLE.merchantOwner.fiscalCode);
  await owner.selectStructure('Farmacia Centrale');
  otherOwner = new HttpClient(t.baseUrl);
  await otherOwner.signInWithSpid(DEMO_PEOPLE.secondMerchantOwner.fiscalCode);
  await otherOwner.selectStructure('Baby Store Caserta');
});
afterAll(() => t.close());

const CLOSED_MESSAGE = 'Le istanze del 1° quadrimestre 2027 si possono inserire dal 01/04/2027 al 30/04/2027.';

describe('Istanza di rimborso: the merchant owner', () => {
  it('outside the window sees when the next one opens and cannot file', async () => {
    await setToday(t, '2027-03-31T23:59:00+02:00');
    const window = await owner.api('GET', '/api/claims/window');
    expect(window.status).toBe(200);
    expect(window.body).toMatchObject({ open: false, opens: '2027-04-01', closes: '2027-04-30', period: { year: 2027, index: 1 }, canFile: false, message: CLOSED_MESSAGE });
    expect(window.body.legend).toEqual([
      { index: 1, label: '1° quadrimestre', months: 'gennaio – aprile' },
      { index: 2, label: '2° quadrimestre', months: 'maggio – agosto' },
      { index: 3, label: '3° quadrimestre', months: 'settembre – dicembre' },
    ]);
    const draft = await owner.api('GET', '/api/claims/draft');
    expect(draft.status).toBe(409);
    expect(draft.body).toMatchObject({ code: 'claim_window_closed', detail: CLOSED_MESSAGE });
    const filed = await owner.api('POST', '/api/claims', { regionStructureId: f.regionId, iban: IBAN, email: CLAIM_EMAIL });
    expect(filed.status).toBe(409);
    expect(filed.body.code).toBe('claim_window_closed');
  });

  it('in April sees the draft: confirmed purchases of earlier days, net of cancellations', async () => {
    await setToday(t, TODAY);
    const window = await owner.api('GET', '/api/claims/window');
    expect(window.body).toMatchObject({ open: true, canFile: true, alreadyFiled: false, message: null });
    const draft = await owner.api('GET', '/api/claims/draft');
    expect(draft.status).toBe(200);
    expect(draft.body).toEqual({
      drafts: [{ regionStructureId: f.regionId, regionName: 'Regione Campania', transactionsFrom: '2026-11-20', transactionsTo: '2027-04-14', amountCents: 6_500, purchaseCount: 3 }],
      email: DEMO_PEOPLE.merchantOwner.email,
      iban: null,
    });
    const list = await owner.api('GET', `/api/claims/draft/transactions?regionStructureId=${f.regionId}&page=1&pageSize=2`);
    expect(list.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(list.body.items.map((i: { movementId: string }) => i.movementId)).toEqual([purchases.november, purchases.january]);
    expect(list.body.items[0]).toMatchObject({ purchasedAt: '2026-11-20T09:00:00.000Z', amountCents: 1_000, voucherCode: expect.stringMatching(/^VS-TEST-/) });
  });

  it('refuses an invalid IBAN and e-mail field by field', async () => {
    const bad = await owner.api('POST', '/api/claims', { regionStructureId: f.regionId, iban: 'IT61X0542811101000000123456', email: 'non-una-email' });
    expect(bad.status).toBe(422);
    expect(bad.body.fields).toEqual({ iban: expect.stringMatching(/^IBAN non valido: /), email: 'Indirizzo e-mail non valido (es. nome@dominio.it).' });
    const missing = await owner.api('POST', '/api/claims', { regionStructureId: f.regionId, iban: ' ', email: '' });
    expect(missing.body.fields).toEqual({ iban: "Inserisci l'IBAN.", email: "Inserisci l'indirizzo e-mail." });
    expect(await q('SELECT 1 FROM claims')).toHaveLength(0);
  });

  it('files one claim even when "Conferma e salva" is sent twice at once', async () => {
    const body = { regionStructureId: f.regionId, iban: 'it60 x054 2811 1010 0000 0123 456', email: CLAIM_EMAIL };
    const [a, b] = await Promise.all([owner.api('POST', '/api/claims', body), owner.api('POST', '/api/claims', body)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const created = a.status === 201 ? a : b;
    const refused = a.status === 201 ? b : a;
    expect(refused.body.code).toBe('claim_already_filed');
    firstClaimId = created.body.id;
    expect(created.body.number).toEqual(expect.any(Number));

    const detail = await owner.api('GET', `/api/claims/${firstClaimId}`);
    expect(detail.body).toMatchObject({
      number: created.body.number,
      status: 'da_valutare',
      statusLabel: 'Da valutare',
      period: { year: 2027, index: 1, label: '1° quadrimestre 2027 (gennaio – aprile)' },
      amountCents: 6_500,
      purchaseCount: 3,
      transactionsFrom: '2026-11-20',
      transactionsTo: '2027-04-14',
      iban: IBAN,
      email: CLAIM_EMAIL,
      regionName: 'Regione Campania',
      rejectionReason: null,
      integration: null,
      actions: { rectifyIban: true, rectifyEmail: true, withdraw: true, integrate: false },
    });
    expect(detail.body.requestedAt).toBe(new Date(TODAY).toISOString());
    expect(detail.body.history).toEqual([
      { fromStatus: null, toStatus: 'da_valutare', toLabel: 'Da valutare', actorKind: 'merchant', actorName: 'Mario Rossi', note: 'Istanza inserita.', at: new Date(TODAY).toISOString() },
    ]);

    // The e-mail of the filing, to the claim's address and to the owner, once each.
    const mails = await q("SELECT recipient, idempotency_key, data FROM outbox_messages WHERE template = 'claim-status-changed' ORDER BY recipient");
    expect(mails.map((m) => m.recipient)).toEqual([CLAIM_EMAIL, DEMO_PEOPLE.merchantOwner.email]);
    expect(mails[0].idempotency_key).toBe(`claim:${firstClaimId}:created:${CLAIM_EMAIL}`);
    expect(mails[0].data).toMatchObject({ merchant: 'Farmacia Centrale', claimNumber: created.body.number, amountCents: 6_500, status: 'Da valutare', note: 'Istanza inserita.' });
    expect(mails[0].data.link).toBe(`${t.baseUrl}/istanze-rimborso/${firstClaimId}`);
    const audit = await q("SELECT after FROM audit_log WHERE action = 'claim.create'");
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ amountCents: 6_500, purchaseCount: 3, iban: IBAN });

    const list = await owner.api('GET', '/api/claims');
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 25 });
    expect(list.body.items[0]).toEqual({
      id: firstClaimId,
      number: created.body.number,
      amountCents: 6_500,
      purchaseCount: 3,
      period: { year: 2027, index: 1, label: '1° quadrimestre 2027 (gennaio – aprile)' },
      status: 'da_valutare',
      statusLabel: 'Da valutare',
      requestedAt: new Date(TODAY).toISOString(),
      actions: { rectifyIban: true, rectifyEmail: true, withdraw: true, integrate: false },
    });
  });

  it('refuses a second claim in the same quadrimestre, saying when the next one can be filed', async () => {
    const again = await owner.api('POST', '/api/claims', { regionStructureId: f.regionId, iban: IBAN, email: CLAIM_EMAIL });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('claim_already_filed');
    expect(again.body.detail).toMatch(/La prossima si potrà inserire dal 01\/08\/2027 al 31\/08\/2027\.$/);
    const window = await owner.api('GET', '/api/claims/window');
    expect(window.body).toMatchObject({ open: true, alreadyFiled: true, canFile: false, message: again.body.detail });
    expect((await owner.api('GET', '/api/claims/draft')).body.code).toBe('claim_already_filed');
  });

  it('lists the claim’s transactions with their detail and receipt', async () => {
    const list = await owner.api('GET', `/api/claims/${firstClaimId}/transactions?pageSize=10`);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((i: { movementId: string }) => i.movementId)).toEqual([purchases.november, purchases.january, purchases.yesterday]);
    expect(list.body.items[1]).toMatchObject({ amountCents: 2_500, hasReceipt: true, fiscalCode: expect.stringMatching(/^[A-Z0-9]{16}$/) });
    const one = await owner.api('GET', `/api/claims/${firstClaimId}/transactions/${purchases.january}`);
    expect(one.body).toEqual(list.body.items[1]);
    const receipt = await owner.raw('GET', `/api/claims/${firstClaimId}/transactions/${purchases.january}/receipt`);
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toBe('image/png');
    expect((await owner.raw('GET', `/api/claims/${firstClaimId}/transactions/${purchases.november}/receipt`)).status).toBe(404);
    expect((await owner.api('GET', `/api/claims/${firstClaimId}/transactions/${purchases.today}`)).status).toBe(404);
  });

  it('rectifies IBAN and e-mail while the claim was never evaluated, with audit', async () => {
    const bad = await owner.api('PATCH', `/api/claims/${firstClaimId}`, { email: 'senza-chiocciola' });
    expect(bad.status).toBe(422);
    expect(bad.body.fields.email).toBeTruthy();
    const done = await owner.api('PATCH', `/api/claims/${firstClaimId}`, { iban: OTHER_IBAN, email: 'nuova@farmaciacentrale.example.it' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ iban: OTHER_IBAN, email: 'nuova@farmaciacentrale.example.it', status: 'da_valutare' });
    expect(done.body.history.at(-1)).toMatchObject({ fromStatus: 'da_valutare', toStatus: 'da_valutare', note: 'Rettifica: IBAN ed e-mail modificati.' });
    const audit = await q("SELECT before, after FROM audit_log WHERE action = 'claim.rectify'");
    expect(audit).toEqual([{ before: { iban: IBAN, email: CLAIM_EMAIL }, after: { iban: OTHER_IBAN, email: 'nuova@farmaciacentrale.example.it' } }]);
  });

  it('withdraws the claim, which gives its purchases back to a new claim', async () => {
    const withdrawn = await owner.api('POST', `/api/claims/${firstClaimId}/withdrawal`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'annullata', statusLabel: 'Annullata', actions: { rectifyIban: false, rectifyEmail: false, withdraw: false, integrate: false } });
    expect(await q('SELECT count(*)::int AS n FROM claim_purchases WHERE claim_id = $1 AND live', [firstClaimId])).toEqual([{ n: 0 }]);
    const mail = await q("SELECT data FROM outbox_messages WHERE template = 'claim-status-changed' AND data->>'status' = 'Annullata'");
    expect(mail.length).toBeGreaterThanOrEqual(1);
    expect((await owner.api('PATCH', `/api/claims/${firstClaimId}`, { email: 'altra@example.it' })).body.code).toBe('email_not_rectifiable');
    expect((await owner.api('POST', `/api/claims/${firstClaimId}/withdrawal`)).status).toBe(409);

    const draft = await owner.api('GET', '/api/claims/draft');
    expect(draft.body.drafts[0]).toMatchObject({ amountCents: 6_500, purchaseCount: 3 });
    expect(draft.body).toMatchObject({ email: 'nuova@farmaciacentrale.example.it', iban: OTHER_IBAN }); // the last claim's
    const again = await owner.api('POST', '/api/claims', { regionStructureId: f.regionId, iban: IBAN, email: CLAIM_EMAIL });
    expect(again.status).toBe(201);
    secondClaimId = again.body.id;
    // Every purchase in at most one live claim: the new one holds them all.
    const live = await q('SELECT movement_id, count(*)::int AS n FROM claim_purchases WHERE live GROUP BY movement_id');
    expect(live).toHaveLength(3);
    expect(live.every((r) => r.n === 1)).toBe(true);
    expect(await q('SELECT DISTINCT claim_id FROM claim_purchases WHERE live')).toEqual([{ claim_id: secondClaimId }]);
    expect((await owner.api('POST', '/api/claims', { regionStructureId: f.regionId, iban: IBAN, email: CLAIM_EMAIL })).status).toBe(409);
  });

  it('files each merchant’s claim apart, and answers 422 when there is nothing to claim', async () => {
    // Baby Store Caserta's owner claims his own one purchase of the region's vouchers.
    const babyStore = await otherOwner.api('POST', '/api/claims', { regionStructureId: f.regionId, iban: IBAN, email: CLAIM_EMAIL });
    expect(babyStore.status).toBe(201);
    expect((await otherOwner.api('GET', `/api/claims/${babyStore.body.id}`)).body).toMatchObject({ amountCents: 800, purchaseCount: 1 });
    // No vouchers of this "region" ever paid Farmacia Centrale.
    const none = await owner.api('POST', '/api/claims', { regionStructureId: f.farmaciaId, iban: IBAN, email: CLAIM_EMAIL });
    expect(none.status).toBe(422);
    expect(none.body).toMatchObject({ code: 'nothing_to_claim', detail: 'Non ci sono transazioni da rimborsare.' });
  });

  it('integrates a claim "Da integrare": template, one replaceable PDF, submission', async () => {
    expect((await owner.raw('GET', `/api/claims/${secondClaimId}/integration/template`)).status).toBe(409);
    await requestIntegration(t, secondClaimId, 'Inviare le ricevute degli acquisti di gennaio.\nAllegare la visura camerale.', '2027-05-15');

    const detail = await owner.api('GET', `/api/claims/${secondClaimId}`);
    expect(detail.body).toMatchObject({
      status: 'da_integrare',
      integration: { requestText: 'Inviare le ricevute degli acquisti di gennaio.\nAllegare la visura camerale.', deadline: '2027-05-15', document: null, submittedAt: null },
      actions: { rectifyIban: false, rectifyEmail: true, withdraw: true, integrate: true },
    });
    const iban = await owner.api('PATCH', `/api/claims/${secondClaimId}`, { iban: OTHER_IBAN });
    expect(iban.status).toBe(422);
    expect(iban.body.code).toBe('iban_not_rectifiable');
    expect((await owner.api('PATCH', `/api/claims/${secondClaimId}`, { email: 'ufficio@farmaciacentrale.example.it' })).body.email).toBe('ufficio@farmaciacentrale.example.it');

    const template = await owner.raw('GET', `/api/claims/${secondClaimId}/integration/template`);
    expect(template.status).toBe(200);
    expect(template.headers.get('content-disposition')).toBe(`attachment; filename="integrazione-istanza-${detail.body.number}.docx"`);
    const zip = await JSZip.loadAsync(Buffer.from(await template.arrayBuffer()));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(`Richiesta di integrazione – Istanza di rimborso n. ${detail.body.number}`);
    expect(xml).toContain('Farmacia Centrale');
    expect(xml).toContain('Allegare la visura camerale.');
    expect(xml).toContain('15/05/2027');
    expect(xml).toContain('65,00 €');

    const early = await owner.api('POST', `/api/claims/${secondClaimId}/integration/submission`);
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('integration_document_missing');

    const png = await owner.upload(`/api/claims/${secondClaimId}/integration/document`, { name: 'integrazione.pdf', content: samplePng(), type: 'application/pdf' });
    expect(png.status).toBe(415);
    const first = await owner.upload(`/api/claims/${secondClaimId}/integration/document`, { name: 'integrazione.pdf', content: samplePdf('prima'), type: 'application/pdf' });
    expect(first.status).toBe(200);
    expect(first.body.integration.document).toMatchObject({ fileName: 'integrazione.pdf', sizeBytes: samplePdf('prima').length });
    const second = await owner.upload(`/api/claims/${secondClaimId}/integration/document`, { name: 'integrazione-firmata.pdf', content: samplePdf('seconda versione'), type: 'application/pdf' });
    expect(second.status).toBe(200);
    expect(second.body.integration.document.fileName).toBe('integrazione-firmata.pdf');
    expect(await q("SELECT original_name FROM documents WHERE purpose = 'claim-integration'")).toEqual([{ original_name: 'integrazione-firmata.pdf' }]);
    const downloaded = await owner.raw('GET', `/api/claims/${secondClaimId}/integration/document`);
    expect(Buffer.from(await downloaded.arrayBuffer()).toString()).toContain('seconda versione');

    const sent = await owner.api('POST', `/api/claims/${secondClaimId}/integration/submission`);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'da_valutare', actions: { integrate: false, rectifyIban: false } });
    expect(sent.body.integration.submittedAt).toBe(new Date(TODAY).toISOString());
    expect(sent.body.history.at(-1)).toMatchObject({ fromStatus: 'da_integrare', toStatus: 'da_valutare', actorKind: 'merchant', actorName: 'Mario Rossi' });
    const late = await owner.upload(`/api/claims/${secondClaimId}/integration/document`, { name: 'tardi.pdf', content: samplePdf(), type: 'application/pdf' });
    expect(late.status).toBe(409);
    const statuses = await q(
      "SELECT data->>'status' AS status FROM outbox_messages WHERE template = 'claim-status-changed' AND data->>'claimNumber' = $1 AND recipient = $2 ORDER BY created_at, id",
      [String(detail.body.number), DEMO_PEOPLE.merchantOwner.email],
    );
    expect(statuses.map((s) => s.status)).toEqual(['Da valutare', 'Da integrare', 'Da valutare']);
  });

  it('cannot withdraw once the payment procedure has started', async () => {
    await forwardForPayment(t, secondClaimId, f.regionId);
    const refused = await owner.api('POST', `/api/claims/${secondClaimId}/withdrawal`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'claim_not_withdrawable', detail: "L'istanza non può essere annullata: è già avviata la procedura di pagamento." });
    const detail = await owner.api('GET', `/api/claims/${secondClaimId}`);
    expect(detail.body).toMatchObject({ status: 'inoltrata', statusLabel: 'Inoltrata per decreto di pagamento', actions: { withdraw: false, rectifyIban: false, rectifyEmail: true } });
  });

  it('in the next window claims only what no live claim holds, with April’s same-day purchase', async () => {
    await seedPurchase(t, { voucherId, merchantId: f.farmaciaId, at: '2027-05-20T17:45:00+02:00', amountCents: 1_234, createdBy: f.operatorUserId });
    await setToday(t, '2027-08-03T09:00:00+02:00');
    const draft = await owner.api('GET', '/api/claims/draft');
    expect(draft.body.drafts).toEqual([
      // The purchase made on the day of the April claim waited for this one.
      { regionStructureId: f.regionId, regionName: 'Regione Campania', transactionsFrom: '2027-04-15', transactionsTo: '2027-05-20', amountCents: 5_234, purchaseCount: 2 },
    ]);
    const filed = await owner.api('POST', '/api/claims', { regionStructureId: f.regionId, iban: IBAN, email: CLAIM_EMAIL });
    expect(filed.status).toBe(201);
    const detail = await owner.api('GET', `/api/claims/${filed.body.id}`);
    expect(detail.body).toMatchObject({ period: { year: 2027, index: 2 }, amountCents: 5_234, purchaseCount: 2 });
    const held = await q('SELECT movement_id FROM claim_purchases WHERE claim_id = $1 ORDER BY purchased_at', [filed.body.id]);
    expect(held.map((r) => r.movement_id)).toEqual([purchases.today, expect.any(String)]);
    expect(await q('SELECT count(*)::int AS n FROM claim_purchases WHERE claim_id = $1 AND live', [secondClaimId])).toEqual([{ n: 3 }]);
    await setToday(t, TODAY);
  });

  it('answers another structure’s owner on every claim route exactly like a missing claim', async () => {
    const paths = [
      ['GET', `/api/claims/${secondClaimId}`],
      ['GET', `/api/claims/${secondClaimId}/transactions`],
      ['GET', `/api/claims/${secondClaimId}/transactions/${purchases.january}`],
      ['GET', `/api/claims/${secondClaimId}/transactions/${purchases.january}/receipt`],
      ['PATCH', `/api/claims/${secondClaimId}`],
      ['POST', `/api/claims/${secondClaimId}/withdrawal`],
      ['GET', `/api/claims/${secondClaimId}/integration/template`],
      ['GET', `/api/claims/${secondClaimId}/integration/document`],
      ['POST', `/api/claims/${secondClaimId}/integration/submission`],
    ] as const;
    for (const [method, path] of paths) {
      const foreign = await otherOwner.api(method, path, method === 'PATCH' ? { email: 'x@example.it' } : undefined);
      const missing = await otherOwner.api(method, path.replace(secondClaimId, crypto.randomUUID()), method === 'PATCH' ? { email: 'x@example.it' } : undefined);
      expect(foreign.status, `${method} ${path}`).toBe(404);
      expect(foreign.body, `${method} ${path}`).toEqual(missing.body);
    }
    const upload = await otherOwner.upload(`/api/claims/${secondClaimId}/integration/document`, { name: 'x.pdf', content: samplePdf() });
    expect(upload.status).toBe(404);
    const list = await otherOwner.api('GET', '/api/claims');
    expect(list.body.items.every((c: { id: string }) => c.id !== secondClaimId && c.id !== firstClaimId)).toBe(true);
  });

  it('is not open to an operator without the service', async () => {
    const operator = new HttpClient(t.baseUrl);
    await operator.signInWithSpid(DEMO_PEOPLE.merchantOperator.fiscalCode);
    expect((await operator.api('GET', '/api/claims')).status).toBe(403);
  });
});
