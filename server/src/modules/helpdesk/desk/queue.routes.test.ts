import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../../demo/identities.js';
import type { HttpClient } from '../../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../../test/test-app.js';
import { type DeskWorld, deskWorld, insertRequest, operator, spidIn, testFiscalCode } from './desk.testing.js';

let t: TestApp;
let w: DeskWorld;
let napoli: HttpClient;
let caserta: HttpClient;
let region: HttpClient;
const r: Record<string, { id: string; number: number }> = {};
const nameOf = (id: string) => Object.entries(r).find(([, x]) => x.id === id)?.[0] ?? id;
const names = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => nameOf(i.id));
const zero = { nuova: 0, in_lavorazione: 0, in_attesa_utente: 0, risolto: 0, chiuso: 0, non_di_competenza: 0 };
const queue = (client: HttpClient, query = '') => client.api('GET', `/api/assistenza/desk/requests?${query}`);
/** The counts per status are remembered for two seconds (RecentCounts). */
const countsExpire = () => new Promise((resolve) => setTimeout(resolve, 2_100));

beforeAll(async () => {
  t = await startTestApp();
  // Thursday 3 December 2026, 11:00 in Rome.
  t.clock.set(new Date('2026-12-03T10:00:00Z'));
  w = await deskWorld(t);
  r.E = await insertRequest(t, { agencyId: w.napoli, status: 'chiuso', createdAt: '2026-09-01T08:00:00Z', resolvedAt: '2026-09-03T08:00:00Z' });
  r.D = await insertRequest(t, { agencyId: w.napoli, status: 'risolto', createdAt: '2026-10-01T08:00:00Z', resolvedAt: '2026-10-05T08:00:00Z' });
  r.C = await insertRequest(t, { agencyId: w.napoli, status: 'in_attesa_utente', createdAt: '2026-11-20T08:00:00Z', fiscalCode: testFiscalCode(7) });
  r.G = await insertRequest(t, { agencyId: w.napoli, queueId: w.region, status: 'non_di_competenza', createdAt: '2026-11-25T08:00:00Z' });
  r.B = await insertRequest(t, {
    agencyId: w.napoli,
    status: 'in_lavorazione',
    createdAt: '2026-12-01T09:00:00Z',
    category: 'pagamento-non-registrato',
    service: 'pagamento-ticket',
    assigneeId: w.users.paolo,
    givenName: 'Luigi',
    familyName: 'Verdi',
    description: 'Ho pagato il ticket ma il pagamento non risulta.',
  });
  r.F = await insertRequest(t, { agencyId: w.caserta, createdAt: '2026-12-02T09:00:00Z', description: 'Risonanza magnetica: referto mancante.' });
  // 23:30 on 2 December in Rome is yesterday; 23:30 UTC of the 2nd is already the 3rd in Rome.
  r.A = await insertRequest(t, {
    agencyId: w.napoli,
    createdAt: '2026-12-02T23:30:00Z',
    givenName: 'Giovanni',
    familyName: 'Ferrari',
    description: 'Il referto della risonanza magnetica non compare nel fascicolo.',
  });
  [napoli, caserta, region] = await Promise.all([
    operator(t, 'operatore.asl', 'ASL Napoli 1 Centro'),
    operator(t, 'operatore.asl.caserta', 'ASL Caserta'),
    operator(t, 'assistenza.regione', 'Regione Campania'),
  ]);
});
afterAll(() => t?.close());

describe('the queue of a desk', () => {
  it('lists only the agency’s own queue, newest first, with counts, operators and each field', async () => {
    const res = await queue(napoli);
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(res.body).toMatchObject({ total: 5, page: 1, pageSize: 25, isRegionalDesk: false });
    expect(res.body.counts).toEqual({ ...zero, nuova: 1, in_lavorazione: 1, in_attesa_utente: 1, risolto: 1, chiuso: 1 });
    expect(res.body.operators).toEqual([
      { id: w.users.paolo, name: 'Paolo Colombo' },
      { id: w.users.sara, name: 'Sara Villa' },
    ]);
    expect(res.body.categories.map((c: { code: string }) => c.code)).toContain('referto-non-trovato');
    expect(res.body.items[1]).toEqual({
      id: r.B!.id,
      number: r.B!.number,
      createdAt: '2026-12-01T09:00:00.000Z',
      statusChangedAt: '2026-12-01T09:00:00.000Z',
      status: 'in_lavorazione',
      statusLabel: 'In lavorazione',
      service: { code: 'pagamento-ticket', label: 'Pagamento ticket' },
      category: { code: 'pagamento-non-registrato', label: 'Mancato pagamento o registrazione del referto' },
      citizenName: 'Luigi Verdi',
      fiscalCode: expect.stringMatching(/^[A-Z0-9]{16}$/),
      agencyName: 'ASL Napoli 1 Centro',
      assignee: { id: w.users.paolo, name: 'Paolo Colombo' },
      ageDays: 2,
    });
    expect(res.body.items[0]).toMatchObject({ ageDays: 0, assignee: null });
  });

  it('another agency sees only its own, the regional desk only what was forwarded to it', async () => {
    expect(names(await queue(caserta))).toEqual(['F']);
    const desk = await queue(region);
    expect(names(desk)).toEqual(['G']);
    expect(desk.body).toMatchObject({ isRegionalDesk: true, operators: [{ id: w.users.stefano, name: 'Stefano De Luca' }] });
    expect(desk.body.items[0]).toMatchObject({ status: 'non_di_competenza', agencyName: 'ASL Napoli 1 Centro' });
    // Another queue's request answers like a missing one, detail and attachment alike.
    for (const id of [r.F!.id, r.G!.id]) {
      expect((await napoli.api('GET', `/api/assistenza/desk/requests/${id}`)).status).toBe(404);
      expect((await napoli.api('GET', `/api/assistenza/desk/requests/${id}/attachment`)).status).toBe(404);
    }
    expect((await region.api('GET', `/api/assistenza/desk/requests/${r.A!.id}`)).status).toBe(404);
    // Searching by number does not reach across queues either.
    expect(names(await queue(napoli, `q=${r.F!.number}`))).toEqual([]);
  });

  it('filters by status, category, assignee and age; the counts ignore only the status', async () => {
    const nuova = await queue(napoli, 'status=nuova');
    expect(names(nuova)).toEqual(['A']);
    expect(nuova.body.total).toBe(1);
    expect(nuova.body.counts).toEqual({ ...zero, nuova: 1, in_lavorazione: 1, in_attesa_utente: 1, risolto: 1, chiuso: 1 });
    const category = await queue(napoli, 'category=referto-non-trovato');
    expect(names(category)).toEqual(['A', 'C', 'D', 'E']);
    expect(names(await queue(napoli, 'category=pagamento-non-registrato'))).toEqual(['B']);
    expect(names(await queue(napoli, 'assignee=me'))).toEqual(['B']);
    expect(names(await queue(napoli, 'assignee=none'))).toEqual(['A', 'C', 'D', 'E']);
    expect(names(await queue(napoli, `assignee=${w.users.sara}`))).toEqual([]);
    expect(names(await queue(napoli, 'age=today'))).toEqual(['A']);
    expect(names(await queue(napoli, 'age=week'))).toEqual(['A', 'B']);
    expect(names(await queue(napoli, 'age=month'))).toEqual(['A', 'B', 'C']);
    const older = await queue(napoli, 'age=older');
    expect(names(older)).toEqual(['D', 'E']);
    expect(older.body.counts).toEqual({ ...zero, risolto: 1, chiuso: 1 });
    // Empty parameters are no filter (as a form sends them).
    expect(names(await queue(napoli, 'status=&category=&assignee=&age=&q=&sort='))).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect((await queue(napoli, 'age=yesterday')).status).toBe(400);
    expect((await queue(napoli, 'assignee=someone')).status).toBe(400);
  });

  it('searches in Italian full text, by number and by codice fiscale', async () => {
    expect(names(await queue(napoli, 'q=risonanza'))).toEqual(['A']);
    expect(names(await queue(napoli, `q=${encodeURIComponent('pagati ticket')}`))).toEqual(['B']);
    expect(names(await queue(napoli, 'q=Ferrari'))).toEqual(['A']);
    expect(names(await queue(napoli, `q=${encodeURIComponent('ferrari risonanza')}`))).toEqual(['A']);
    expect(names(await queue(napoli, `q=${encodeURIComponent('il referto non compare')}`))).toEqual(['A']);
    expect(names(await queue(napoli, `q=${r.B!.number}`))).toEqual(['B']);
    expect(names(await queue(napoli, `q=${testFiscalCode(7).toLowerCase()}`))).toEqual(['C']);
    expect(names(await queue(napoli, `q=${encodeURIComponent('referto -risonanza')}`))).toEqual(['C', 'D', 'E']);
    const relevant = await queue(napoli, `q=referto&sort=relevance`);
    expect(names(relevant).sort()).toEqual(['A', 'C', 'D', 'E']);
    const counted = await queue(napoli, 'q=referto');
    expect(counted.body.total).toBe(4);
    expect(counted.body.counts).toEqual({ ...zero, nuova: 1, in_attesa_utente: 1, risolto: 1, chiuso: 1 });
  });

  it('sorts oldest first or by status, and pages', async () => {
    expect(names(await queue(napoli, 'sort=oldest'))).toEqual(['E', 'D', 'C', 'B', 'A']);
    expect(names(await queue(napoli, 'sort=status'))).toEqual(['A', 'B', 'C', 'D', 'E']);
    const page = await queue(napoli, 'sort=status&pageSize=2&page=2');
    expect(names(page)).toEqual(['C', 'D']);
    expect(page.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(names(await queue(napoli, 'pageSize=2&page=3'))).toEqual(['E']);
    expect(names(await queue(napoli, 'pageSize=2&page=4'))).toEqual([]);
    expect((await queue(napoli, 'pageSize=500')).status).toBe(400);
  });

  it('refuses whoever lacks the service in the current structure', async () => {
    // Maria Bianchi owns the agency but is not enabled for SOL Assistenza.
    const owner = await spidIn(t, DEMO_PEOPLE.agencyOwner.fiscalCode, 'ASL Napoli 1 Centro');
    expect((await queue(owner)).status).toBe(403);
    expect((await owner.api('GET', `/api/assistenza/desk/requests/${r.A!.id}`)).status).toBe(403);
    expect((await owner.api('GET', '/api/assistenza/canned-replies')).status).toBe(403);
  });

  it('counts each status up to 1000, and says so', async () => {
    await t.database.pool.query(
      `INSERT INTO helpdesk_requests (service_code, role_code, category_code, given_name, family_name, fiscal_code, email, phone, description,
                                      agency_structure_id, queue_structure_id, status, created_at, status_changed_at, resolved_at, closed_at)
       SELECT 'ritiro-referti', 'cittadino', 'altro', 'Anna', 'Neri', 'NRENNA80A41F839X', 'anna@example.it', '3331234567', 'Richiesta chiusa.',
              $1, $1, 'chiuso', ts, ts, ts, ts
       FROM generate_series(1, 1002) g, LATERAL (SELECT timestamptz '2026-06-01T08:00:00Z' + g * interval '1 hour' AS ts) t`,
      [w.caserta],
    );
    // Written beside the help desk (as by another process): the counts show it once the ones
    // remembered by the earlier reads have expired.
    await countsExpire();
    const res = await queue(caserta);
    expect(res.body.counts).toEqual({ ...zero, nuova: 1, chiuso: 1000 });
    expect(res.body).toMatchObject({ cappedCounts: ['chiuso'], total: 1001, totalCapped: true });
    expect(names(res)[0]).toBe('F');
    expect((await queue(caserta, 'status=nuova')).body).toMatchObject({ total: 1, totalCapped: false });
  });

  it('shares the counts for two seconds, but a change made through the help desk shows at once', async () => {
    await countsExpire();
    const before = (await queue(caserta)).body.counts;
    const extra = await insertRequest(t, { agencyId: w.caserta, createdAt: '2026-05-01T08:00:00Z' });
    expect((await queue(caserta)).body.counts).toEqual(before);
    expect((await queue(caserta, 'status=nuova')).body.items.map((i: { id: string }) => i.id)).toContain(extra.id);
    // Assigning a "nuova" request puts it "in lavorazione".
    expect((await caserta.api('POST', `/api/assistenza/desk/requests/${extra.id}/assignment`, { assigneeId: w.users.giorgia })).status).toBe(200);
    expect((await queue(caserta)).body.counts).toEqual({ ...before, in_lavorazione: before.in_lavorazione + 1 });
  });
});
