import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../../demo/identities.js';
import type { HttpClient } from '../../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../../test/test-app.js';
import { BENEFICIARY, claimEmails, insertClaim, type ReviewWorld, reviewWorld, signInCampania, storeDocument } from './review.testing.js';

let t: TestApp;
let w: ReviewWorld;
let region: HttpClient;
const OWNER = DEMO_PEOPLE.merchantOwner.email; // titolare of Farmacia Centrale
const CLAIM_EMAIL = 'amministrazione@example.it';

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-12-03T10:00:00Z'));
  w = await reviewWorld(t);
  region = await signInCampania(t);
});
afterAll(() => t.close());

const newClaim = (over: Partial<Parameters<typeof insertClaim>[1]> = {}) => insertClaim(t, { merchantId: w.farmacia, regionId: w.campania, year: 2026, index: 2, ...over });
const post = (claimId: string, action: string, body?: unknown) => region.api('POST', `/api/claims-review/${claimId}/${action}`, body ?? {});
const audits = async (action: string, subjectId: string) =>
  (await t.database.pool.query('SELECT actor_name, structure_name, person_fiscal_code, after FROM audit_log WHERE action = $1 AND subject_id = $2', [action, subjectId])).rows;

describe('the detail of a claim', () => {
  it('shows the claim, its history, what may be done, and records the view', async () => {
    const claim = await newClaim({ year: 2026, index: 1, createdAt: '2026-04-28T08:00:00Z', amounts: [1_000, 2_550] });
    const r = await region.api('GET', `/api/claims-review/${claim.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      id: claim.id,
      number: claim.number,
      merchantId: w.farmacia,
      merchantName: 'Farmacia Centrale',
      status: 'da_valutare',
      statusLabel: 'Da valutare',
      period: { year: 2026, index: 1, label: '1° quadrimestre 2026 (gennaio – aprile)' },
      requestedAt: '2026-04-28T08:00:00.000Z',
      amountCents: 3_550,
      purchaseCount: 2,
      transactionsFrom: '2026-01-05',
      transactionsTo: '2026-01-20',
      iban: expect.stringMatching(/^IT\d{2}[A-Z]\d{10}[0-9A-Z]{12}$/),
      email: CLAIM_EMAIL,
      rejectionReason: null,
      paymentBatch: null,
      history: [{ fromStatus: null, toStatus: 'da_valutare', toLabel: 'Da valutare', actorKind: 'merchant', actorName: null, note: null, at: '2026-04-28T08:00:00.000Z' }],
      integrations: [],
      actions: { approve: true, reject: true, requestIntegration: true },
    });
    expect(await audits('claim.view', claim.id)).toEqual([expect.objectContaining({ actor_name: 'Luca Romano', structure_name: 'Regione Campania' })]);
    expect((await region.api('GET', '/api/claims-review/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('lists the transactions with the beneficiaries’ codici fiscali (recorded) and sends a receipt', async () => {
    const claim = await newClaim({ year: 2025, index: 1, amounts: [300, 200, 100], withReceipt: true });
    const r = await region.api('GET', `/api/claims-review/${claim.id}/transactions?pageSize=2`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(r.body.items).toEqual([
      { movementId: claim.movementIds[0], purchasedAt: '2025-01-05T09:00:00.000Z', fiscalCode: BENEFICIARY, voucherCode: expect.stringMatching(/^VS-TEST-/), amountCents: 300, hasReceipt: true },
      expect.objectContaining({ movementId: claim.movementIds[1], amountCents: 200, hasReceipt: false }),
    ]);
    expect((await region.api('GET', `/api/claims-review/${claim.id}/transactions?page=2&pageSize=2`)).body.items.map((i: { amountCents: number }) => i.amountCents)).toEqual([100]);
    expect(await audits('claim.transactions.view', claim.id)).toHaveLength(2);

    const receipt = await region.raw('GET', `/api/claims-review/${claim.id}/transactions/${claim.movementIds[0]}/receipt`);
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toBe('application/pdf');
    expect((await receipt.text()).startsWith('%PDF-')).toBe(true);
    const documentId = (await t.database.pool.query('SELECT receipt_document_id FROM claim_purchases WHERE movement_id = $1', [claim.movementIds[0]])).rows[0].receipt_document_id;
    expect(await audits('document.view', documentId)).toEqual([expect.objectContaining({ person_fiscal_code: BENEFICIARY, structure_name: 'Regione Campania' })]);
    // A purchase without a receipt, or of another claim: not found.
    expect((await region.raw('GET', `/api/claims-review/${claim.id}/transactions/${claim.movementIds[1]}/receipt`)).status).toBe(404);
    const other = await newClaim({ year: 2025, index: 2, withReceipt: true });
    expect((await region.raw('GET', `/api/claims-review/${claim.id}/transactions/${other.movementIds[0]}/receipt`)).status).toBe(404);
  });

  it('shows an integration’s document once the merchant sent it, not while it is his draft', async () => {
    const claim = await newClaim({ year: 2024, index: 3, status: 'da_integrare', deadline: '2026-12-20' });
    const sent = await storeDocument(t, w.farmacia, 'integration');
    const integration = (await t.database.pool.query('SELECT id FROM claim_integrations WHERE claim_id = $1', [claim.id])).rows[0].id as string;
    await t.database.pool.query('UPDATE claim_integrations SET document_id = $2, document_uploaded_at = now() WHERE id = $1', [integration, sent]);
    const path = `/api/claims-review/${claim.id}/integrations/${integration}/document`;
    const draft = await region.api('GET', `/api/claims-review/${claim.id}`);
    expect(draft.body.integrations).toEqual([
      { id: integration, requestText: 'Inviare gli scontrini', deadline: '2026-12-20', requestedAt: expect.any(String), submittedAt: null, document: null },
    ]);
    expect((await region.raw('GET', path)).status).toBe(404);

    await t.database.pool.query("UPDATE claim_integrations SET submitted_at = '2026-12-02T10:00:00Z' WHERE id = $1", [integration]);
    const detail = await region.api('GET', `/api/claims-review/${claim.id}`);
    expect(detail.body.integrations[0]).toMatchObject({ submittedAt: '2026-12-02T10:00:00.000Z', document: { id: sent, fileName: 'integrazione.pdf', sizeBytes: expect.any(Number) } });
    const file = await region.raw('GET', path);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect((await region.raw('GET', `/api/claims-review/${claim.id}/integrations/00000000-0000-4000-8000-000000000000/document`)).status).toBe(404);
  });
});

describe('approving', () => {
  it('moves a claim "Da valutare" to "Approvata", with history, audit and an e-mail to the owner and the claim’s address', async () => {
    const claim = await newClaim({ year: 2023, index: 1 });
    const r = await post(claim.id, 'approval');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: claim.id, status: 'approvata', statusLabel: 'Approvata', actions: { approve: false, reject: false, requestIntegration: false } });
    expect(r.body.history.at(-1)).toMatchObject({ fromStatus: 'da_valutare', toStatus: 'approvata', toLabel: 'Approvata', actorKind: 'region', actorName: 'Luca Romano' });
    const row = (await t.database.pool.query('SELECT evaluated_at FROM claims WHERE id = $1', [claim.id])).rows[0];
    expect(row.evaluated_at).not.toBeNull();
    expect(await audits('claim.status.approvata', claim.id)).toHaveLength(1);
    const emails = await claimEmails(t, claim.number);
    expect(emails.map((e) => e.recipient).sort()).toEqual([CLAIM_EMAIL, OWNER].sort());
    expect(emails.every((e) => e.data.status === 'Approvata')).toBe(true);
  });

  it('refuses with 409 any claim not "Da valutare", and changes nothing', async () => {
    for (const [i, status] of (['approvata', 'annullata', 'da_integrare', 'rifiutata', 'scaduta', 'inoltrata'] as const).entries()) {
      const claim = await newClaim({ year: 2010 + i, index: 1, status });
      const r = await post(claim.id, 'approval');
      expect(r.status, status).toBe(409);
      expect(r.body.code).toBe('claim_transition_refused');
      expect(r.body.detail).toContain(`L'istanza n. ${claim.number} è nello stato`);
      expect((await t.database.pool.query('SELECT status FROM claims WHERE id = $1', [claim.id])).rows[0].status).toBe(status);
      expect(await claimEmails(t, claim.number)).toEqual([]);
    }
  });
});

describe('rejecting', () => {
  it('needs a reason: missing, blank or longer than 2000 characters answer 422', async () => {
    const claim = await newClaim({ year: 2021, index: 1 });
    for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(2001) }]) {
      const r = await post(claim.id, 'rejection', body);
      expect(r.status).toBe(422);
      expect(r.body.fields).toHaveProperty('reason');
    }
    expect((await t.database.pool.query('SELECT status FROM claims WHERE id = $1', [claim.id])).rows[0].status).toBe('da_valutare');
  });

  it('rejects with the reason, gives the purchases back and tells the merchant why', async () => {
    const claim = await newClaim({ year: 2021, index: 2 });
    const r = await post(claim.id, 'rejection', { reason: '  Scontrini non leggibili.  ' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'rifiutata', statusLabel: 'Rifiutata', rejectionReason: 'Scontrini non leggibili.' });
    expect(r.body.history.at(-1)).toMatchObject({ toStatus: 'rifiutata', note: 'Motivo del rifiuto: Scontrini non leggibili.' });
    const live = await t.database.pool.query('SELECT bool_or(live) AS any FROM claim_purchases WHERE claim_id = $1', [claim.id]);
    expect(live.rows[0].any).toBe(false);
    const emails = await claimEmails(t, claim.number);
    expect(emails).toHaveLength(2);
    expect(emails[0]!.data).toMatchObject({ status: 'Rifiutata', note: 'Motivo del rifiuto: Scontrini non leggibili.' });
  });

  it('may reject a claim "Da integrare", never an approved or forwarded one', async () => {
    const waiting = await newClaim({ year: 2020, index: 1, status: 'da_integrare' });
    expect((await post(waiting.id, 'rejection', { reason: 'Integrazione insufficiente.' })).body.status).toBe('rifiutata');
    for (const [year, status] of [[2020, 'approvata'], [2019, 'inoltrata'], [2018, 'rifiutata']] as const) {
      const claim = await newClaim({ year, index: 2, status });
      expect((await post(claim.id, 'rejection', { reason: 'No.' })).status, status).toBe(409);
    }
  });
});

describe('requesting an integration', () => {
  it('refuses (422) a missing text and a deadline today, in the past, beyond 90 days or malformed', async () => {
    const claim = await newClaim({ year: 2017, index: 1 });
    const cases: [unknown, string][] = [
      [{ deadline: '2026-12-10' }, 'text'],
      [{ text: 'Inviare le ricevute', deadline: '2026-12-03' }, 'deadline'],
      [{ text: 'Inviare le ricevute', deadline: '2026-11-30' }, 'deadline'],
      [{ text: 'Inviare le ricevute', deadline: '2027-03-04' }, 'deadline'],
      [{ text: 'Inviare le ricevute', deadline: '10/12/2026' }, 'deadline'],
      [{ text: 'Inviare le ricevute' }, 'deadline'],
    ];
    for (const [body, field] of cases) {
      const r = await post(claim.id, 'integration-request', body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.fields).toHaveProperty(field);
    }
    expect((await t.database.pool.query('SELECT count(*)::int AS n FROM claim_integrations WHERE claim_id = $1', [claim.id])).rows[0].n).toBe(0);
  });

  it('records what is missing and by when, moves the claim to "Da integrare" and tells the merchant', async () => {
    const claim = await newClaim({ year: 2017, index: 2 });
    const r = await post(claim.id, 'integration-request', { text: 'Inviare gli scontrini di maggio.', deadline: '2027-03-03' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'da_integrare', actions: { approve: false, reject: true, requestIntegration: false } });
    expect(r.body.integrations).toEqual([
      { id: expect.any(String), requestText: 'Inviare gli scontrini di maggio.', deadline: '2027-03-03', requestedAt: '2026-12-03T10:00:00.000Z', submittedAt: null, document: null },
    ]);
    const note = 'Inviare gli scontrini di maggio.\nTermine: 03/03/2027';
    expect(r.body.history.at(-1)).toMatchObject({ toStatus: 'da_integrare', note });
    expect((await claimEmails(t, claim.number)).map((e) => e.data.note)).toEqual([note, note]);
    const listed = await region.api('GET', '/api/claims-review?year=2017&index=2');
    expect(listed.body.items[0]).toMatchObject({ id: claim.id, integrationDeadline: '2027-03-03' });

    // A second request while the first is open is refused, and leaves one request.
    expect((await post(claim.id, 'integration-request', { text: 'Altro', deadline: '2027-01-10' })).status).toBe(409);
    expect((await t.database.pool.query('SELECT count(*)::int AS n FROM claim_integrations WHERE claim_id = $1', [claim.id])).rows[0].n).toBe(1);
  });
});
