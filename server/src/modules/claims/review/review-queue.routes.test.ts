import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../../test/test-app.js';
import { insertClaim, type ReviewWorld, reviewWorld, signInBasilicata, signInCampania, signInMerchant } from './review.testing.js';

let t: TestApp;
let w: ReviewWorld;
let campania: HttpClient;
let basilicata: HttpClient;
let merchant: HttpClient;
const claims: Record<string, Awaited<ReturnType<typeof insertClaim>>> = {};
const nameOf = (id: string) => Object.entries(claims).find(([, c]) => c.id === id)?.[0] ?? id;
const names = (r: { body: { items: { id: string }[] } }) => r.body.items.map((i) => nameOf(i.id));
const zero = { da_valutare: 0, da_integrare: 0, approvata: 0, rifiutata: 0, scaduta: 0, inoltrata: 0, annullata: 0 };

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-12-03T10:00:00Z'));
  w = await reviewWorld(t);
  claims.E = await insertClaim(t, { merchantId: w.farmacia, regionId: w.campania, year: 2025, index: 3, status: 'approvata', createdAt: '2025-12-05T09:00:00Z' });
  claims.D = await insertClaim(t, { merchantId: w.babyStore, regionId: w.campania, year: 2025, index: 3, status: 'rifiutata', createdAt: '2025-12-10T09:00:00Z' });
  claims.A = await insertClaim(t, { merchantId: w.farmacia, regionId: w.campania, year: 2026, index: 1, status: 'inoltrata', createdAt: '2026-04-20T09:00:00Z' });
  claims.C = await insertClaim(t, { merchantId: w.babyStore, regionId: w.campania, year: 2026, index: 2, createdAt: '2026-08-20T09:00:00Z', withReceipt: true });
  claims.B = await insertClaim(t, { merchantId: w.farmacia, regionId: w.campania, year: 2026, index: 2, status: 'da_integrare', deadline: '2026-12-20', createdAt: '2026-08-25T09:00:00Z', amounts: [700, 800, 900] });
  claims.F = await insertClaim(t, { merchantId: w.farmacia, regionId: w.basilicata, year: 2026, index: 2, createdAt: '2026-08-21T09:00:00Z' });
  [campania, basilicata, merchant] = await Promise.all([signInCampania(t), signInBasilicata(t), signInMerchant(t)]);
});
afterAll(() => t.close());

const queue = (client: HttpClient, query = '') => client.api('GET', `/api/claims-review?${query}`);

describe('the queue of a region', () => {
  it('lists the region’s claims oldest first, with each field, the counts per status and the merchants', async () => {
    const r = await queue(campania);
    expect(r.status).toBe(200);
    expect(names(r)).toEqual(['E', 'D', 'A', 'C', 'B']);
    expect(r.body).toMatchObject({ total: 5, page: 1, pageSize: 25 });
    expect(r.body.counts).toEqual({ ...zero, da_valutare: 1, da_integrare: 1, approvata: 1, rifiutata: 1, inoltrata: 1 });
    expect(r.body.merchants).toEqual([
      { id: w.babyStore, name: 'Baby Store Caserta' },
      { id: w.farmacia, name: 'Farmacia Centrale' },
    ]);
    expect(r.body.items[4]).toEqual({
      id: claims.B!.id,
      number: claims.B!.number,
      merchantId: w.farmacia,
      merchantName: 'Farmacia Centrale',
      period: { year: 2026, index: 2, label: '2° quadrimestre 2026 (maggio – agosto)' },
      amountCents: 2_400,
      purchaseCount: 3,
      status: 'da_integrare',
      statusLabel: 'Da integrare',
      requestedAt: '2026-08-25T09:00:00.000Z',
      integrationDeadline: '2026-12-20',
    });
    expect(r.body.items[2]).toMatchObject({ status: 'inoltrata', statusLabel: 'Inoltrata per decreto di pagamento', integrationDeadline: null });
  });

  it('filters by status; the counts ignore the status filter', async () => {
    const r = await queue(campania, 'status=da_valutare');
    expect(names(r)).toEqual(['C']);
    expect(r.body.total).toBe(1);
    expect(r.body.counts).toEqual({ ...zero, da_valutare: 1, da_integrare: 1, approvata: 1, rifiutata: 1, inoltrata: 1 });
    expect(names(await queue(campania, 'status=scaduta'))).toEqual([]);
  });

  it('filters by period and by merchant, and the counts follow those filters', async () => {
    const period = await queue(campania, 'year=2026&index=2');
    expect(names(period)).toEqual(['C', 'B']);
    expect(period.body.counts).toEqual({ ...zero, da_valutare: 1, da_integrare: 1 });
    expect(names(await queue(campania, 'year=2025'))).toEqual(['E', 'D']);
    const farmacia = await queue(campania, `merchantId=${w.farmacia}`);
    expect(names(farmacia)).toEqual(['E', 'A', 'B']);
    expect(farmacia.body.counts).toEqual({ ...zero, da_integrare: 1, approvata: 1, inoltrata: 1 });
    expect(names(await queue(campania, `merchantId=${w.farmacia}&status=approvata&year=2025&index=3`))).toEqual(['E']);
    // Empty parameters are no filter (as a form sends them).
    expect(names(await queue(campania, 'status=&year=&index=&merchantId='))).toEqual(['E', 'D', 'A', 'C', 'B']);
  });

  it('sorts newest first on request and pages', async () => {
    expect(names(await queue(campania, 'order=newest'))).toEqual(['B', 'C', 'A', 'D', 'E']);
    const second = await queue(campania, 'pageSize=2&page=2');
    expect(names(second)).toEqual(['A', 'C']);
    expect(second.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(names(await queue(campania, 'pageSize=2&page=4'))).toEqual([]);
  });

  it('refuses malformed filters with a message per field', async () => {
    const r = await queue(campania, 'status=sconosciuto&index=4&merchantId=x&pageSize=500');
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.fields).sort()).toEqual(['index', 'merchantId', 'pageSize', 'status']);
  });

  it('another region sees only its own claims, counts and merchants', async () => {
    const r = await queue(basilicata);
    expect(names(r)).toEqual(['F']);
    expect(r.body.counts).toEqual({ ...zero, da_valutare: 1 });
    expect(r.body.merchants).toEqual([{ id: w.farmacia, name: 'Farmacia Centrale' }]);
    expect((await basilicata.api('GET', '/api/claims-review/payment-batches')).body).toMatchObject({ items: [], total: 0, lastDebtor: null });
  });
});

describe('who reaches the back office', () => {
  const reviewRoutes = () => t.routes.filter((r) => r.url.startsWith('/api/claims-review'));

  /** Each route with real ids of Campania's records in place of its parameters. */
  async function campaniaPaths() {
    const batch = (await t.database.pool.query('SELECT payment_batch_id FROM claims WHERE id = $1', [claims.A!.id])).rows[0].payment_batch_id as string;
    const integration = (await t.database.pool.query('SELECT id FROM claim_integrations WHERE claim_id = $1', [claims.B!.id])).rows[0].id as string;
    return reviewRoutes().map((r) => ({
      method: r.method,
      url: r.url,
      path: r.url
        .replace(':claimId', r.url.includes('integrations') ? claims.B!.id : claims.C!.id)
        .replace(':movementId', claims.C!.movementIds[0]!)
        .replace(':integrationId', integration)
        .replace(':batchId', batch),
    }));
  }

  it('declares every route for the claims-review service only', () => {
    expect(reviewRoutes().length).toBeGreaterThanOrEqual(11);
    for (const r of reviewRoutes()) expect(r.access, r.url).toEqual({ service: 'valutazione-istanze' });
  });

  it('a merchant user gets 403 on every route', async () => {
    for (const r of await campaniaPaths()) {
      const response = await merchant.api(r.method, r.path, r.method === 'GET' ? undefined : {});
      expect(response.status, `${r.method} ${r.url}`).toBe(403);
    }
  });

  it('an operator of another region gets 404 on every route of a claim or batch of Campania', async () => {
    const scoped = (await campaniaPaths()).filter((r) => r.url.includes(':claimId') || r.url.includes(':batchId'));
    expect(scoped.length).toBeGreaterThanOrEqual(8);
    for (const r of scoped) {
      const body = r.url.endsWith('rejection') ? { reason: 'x' } : r.url.endsWith('integration-request') ? { text: 'x', deadline: '2026-12-10' } : r.method === 'GET' ? undefined : {};
      const response = await basilicata.api(r.method, r.path, body);
      expect(response.status, `${r.method} ${r.url}`).toBe(404);
    }
    const batches = await basilicata.api('POST', '/api/claims-review/payment-batches', {
      claimIds: [claims.E!.id],
      debtorName: 'Regione Basilicata',
      debtorIban: 'IT60X0542811101000000123456',
      executionDate: '2026-12-10',
    });
    expect(batches.status).toBe(409);
    expect(batches.body.fields).toEqual({ [claims.E!.id]: 'Istanza non trovata.' });
    // Nothing changed for Campania's claims.
    const statuses = await t.database.pool.query('SELECT status FROM claims WHERE id = ANY($1) ORDER BY number', [[claims.E!.id, claims.C!.id, claims.B!.id]]);
    expect(statuses.rows.map((r) => r.status)).toEqual(['approvata', 'da_valutare', 'da_integrare']);
  });
});
