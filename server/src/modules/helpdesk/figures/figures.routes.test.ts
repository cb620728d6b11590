import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/test-app.js';
import { type DeskWorld, deskWorld, insertRequest, operator } from '../desk/desk.testing.js';

let t: TestApp;
let w: DeskWorld;

beforeAll(async () => {
  t = await startTestApp();
  // Thursday 3 December 2026: the last three weeks start on 16, 23 and 30 November.
  t.clock.set(new Date('2026-12-03T10:00:00Z'));
  w = await deskWorld(t);
  const napoli = w.napoli;
  await insertRequest(t, { agencyId: napoli, status: 'risolto', createdAt: '2026-11-17T09:00:00Z', firstAnswerAt: '2026-11-17T11:00:00Z', resolvedAt: '2026-11-18T09:00:00Z' });
  await insertRequest(t, { agencyId: napoli, status: 'chiuso', createdAt: '2026-11-24T09:00:00Z', firstAnswerAt: '2026-11-24T13:00:00Z', resolvedAt: '2026-11-25T21:00:00Z' });
  await insertRequest(t, { agencyId: napoli, status: 'in_attesa_utente', createdAt: '2026-12-01T09:00:00Z', firstAnswerAt: '2026-12-01T15:00:00Z' });
  await insertRequest(t, { agencyId: napoli, createdAt: '2026-12-02T09:00:00Z' });
  await insertRequest(t, { agencyId: napoli, queueId: w.region, status: 'non_di_competenza', createdAt: '2026-12-02T10:00:00Z' });
  // Filed long ago, resolved within the period: counts for the resolution time, not the first answer.
  await insertRequest(t, { agencyId: napoli, status: 'risolto', createdAt: '2026-10-01T10:00:00Z', firstAnswerAt: '2026-10-01T11:00:00Z', resolvedAt: '2026-11-30T10:00:00Z' });
  await insertRequest(t, { agencyId: w.caserta, status: 'in_lavorazione', createdAt: '2026-12-01T09:00:00Z' });
  // Addressed to Caserta, sent by the region to Napoli: Napoli works it now.
  await insertRequest(t, { agencyId: w.caserta, queueId: napoli, status: 'in_lavorazione', createdAt: '2026-12-02T11:00:00Z' });
  // The regional desk needs the supervision service for its figures (the demo gives it already).
  await t.database.pool.query(
    "INSERT INTO membership_services (organisation_id, user_id, service_code) VALUES ($1, $2, 'supervisione-assistenza') ON CONFLICT DO NOTHING",
    [w.region, w.users.stefano],
  );
});
afterAll(() => t?.close());

describe('the figures of a structure', () => {
  it('counts the open requests, the median times and the requests per week of an agency', async () => {
    const sara = await operator(t, 'supervisore.asl', 'ASL Napoli 1 Centro');
    const res = await sara.api('GET', '/api/assistenza/supervision/figures?weeks=3');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      openByStatus: { nuova: 1, in_lavorazione: 1, in_attesa_utente: 1, non_di_competenza: 1 },
      medianFirstAnswerHours: 4,
      medianResolutionHours: 36,
      perWeek: [
        { weekStart: '2026-11-16', created: 1, resolved: 1 },
        { weekStart: '2026-11-23', created: 1, resolved: 1 },
        { weekStart: '2026-11-30', created: 4, resolved: 1 },
      ],
    });
    expect((await sara.api('GET', '/api/assistenza/supervision/figures')).body.perWeek).toHaveLength(12);
    expect((await sara.api('GET', '/api/assistenza/supervision/figures?weeks=60')).status).toBe(400);
  });

  it('the regional desk counts what it holds', async () => {
    const stefano = await operator(t, 'assistenza.regione', 'Regione Campania');
    const res = await stefano.api('GET', '/api/assistenza/supervision/figures?weeks=1');
    expect(res.body).toEqual({
      openByStatus: { nuova: 0, in_lavorazione: 0, in_attesa_utente: 0, non_di_competenza: 1 },
      medianFirstAnswerHours: null,
      medianResolutionHours: null,
      perWeek: [{ weekStart: '2026-11-30', created: 1, resolved: 0 }],
    });
  });
});
