import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../../test/test-app.js';
import { type DeskWorld, deskWorld, operator } from '../desk/desk.testing.js';

let t: TestApp;
let w: DeskWorld;
let paolo: HttpClient;
let sara: HttpClient;
let giorgia: HttpClient;
let globalId: string;
let casertaId: string;

const insertReply = async (structureId: string | null, title: string, body: string) =>
  (await t.database.pool.query("INSERT INTO helpdesk_canned_replies (structure_id, title, body, updated_at) VALUES ($1, $2, $3, now()) RETURNING id", [structureId, title, body])).rows[0].id as string;
const titles = (res: { body: { title: string }[] }) => res.body.map((r) => r.title);
const manage = '/api/assistenza/supervision/canned-replies';

beforeAll(async () => {
  t = await startTestApp();
  w = await deskWorld(t);
  globalId = await insertReply(null, 'A - Comune a tutti', 'Gentile utente, il pagamento con IUV {{iuv}} non risulta.');
  casertaId = await insertReply(w.caserta, 'B - Di Caserta', 'Testo di Caserta.');
  [paolo, sara, giorgia] = await Promise.all([
    operator(t, 'operatore.asl', 'ASL Napoli 1 Centro'),
    operator(t, 'supervisore.asl', 'ASL Napoli 1 Centro'),
    operator(t, 'operatore.asl.caserta', 'ASL Caserta'),
  ]);
});
afterAll(() => t?.close());

describe('canned replies', () => {
  it('a supervisor creates, edits and deactivates his structure’s replies; operators use the active ones', async () => {
    const created = await sara.api('POST', manage, {
      title: 'C - Referto prodotto',
      body: 'Il referto è stato prodotto in data {{data}} e ha il seguente identificativo {{identificativo}}',
      suggestedStatus: 'non_di_competenza',
      audience: 'regional_desk',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ placeholders: ['data', 'identificativo'], suggestedStatus: 'non_di_competenza', audience: 'regional_desk', active: true, global: false });

    const forPaolo = await paolo.api('GET', '/api/assistenza/canned-replies');
    expect(titles(forPaolo)).toEqual(['A - Comune a tutti', 'C - Referto prodotto']);
    expect(forPaolo.body[0]).toEqual({ id: globalId, title: 'A - Comune a tutti', body: expect.any(String), placeholders: ['iuv'], suggestedStatus: null, audience: 'citizen' });
    expect(titles(await giorgia.api('GET', '/api/assistenza/canned-replies'))).toEqual(['A - Comune a tutti', 'B - Di Caserta']);

    const edited = await sara.api('PUT', `${manage}/${created.body.id}`, { title: 'C - Referto prodotto (FSE)', body: 'Prodotto il {{data}}.', suggestedStatus: 'non_di_competenza', audience: 'regional_desk' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'C - Referto prodotto (FSE)', placeholders: ['data'] });

    expect((await sara.api('DELETE', `${manage}/${created.body.id}`)).status).toBe(204);
    expect(titles(await paolo.api('GET', '/api/assistenza/canned-replies'))).toEqual(['A - Comune a tutti']);
    const list = await sara.api('GET', manage);
    expect(list.body.map((r: { title: string; active: boolean; global: boolean }) => [r.title, r.active, r.global])).toEqual([
      ['A - Comune a tutti', true, true],
      ['C - Referto prodotto (FSE)', false, false],
    ]);
    const audit = await t.database.pool.query("SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY occurred_at, id", [created.body.id]);
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['helpdesk.canned.create', 'helpdesk.canned.deactivate', 'helpdesk.canned.update']);
  });

  it('global replies are read-only, another structure’s are not found', async () => {
    const body = { title: 'X', body: 'Testo.' };
    expect((await sara.api('PUT', `${manage}/${globalId}`, body)).status).toBe(403);
    expect((await sara.api('DELETE', `${manage}/${globalId}`)).status).toBe(403);
    expect((await sara.api('PUT', `${manage}/${casertaId}`, body)).status).toBe(404);
    expect((await sara.api('DELETE', `${manage}/${casertaId}`)).status).toBe(404);
  });

  it('validates: only our placeholders, a regional-desk reply goes with "non di competenza", title and body present', async () => {
    const unknown = await sara.api('POST', manage, { title: 'Y', body: 'Gentile {{nome}}, in data {{data}}.' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail).toBe('Campi non riconosciuti: {{nome}}. Usa {{data}}, {{identificativo}}, {{iuv}}.');
    expect((await sara.api('POST', manage, { title: 'Y', body: 'Testo.', audience: 'regional_desk', suggestedStatus: 'risolto' })).status).toBe(422);
    const empty = await sara.api('POST', manage, { title: ' ', body: '' });
    expect(empty.status).toBe(400);
    expect((await sara.api('POST', manage, { title: 'Y', body: 'Testo.', suggestedStatus: 'chiuso' })).status).toBe(400);
  });

  it('is for supervisors only', async () => {
    expect((await paolo.api('GET', manage)).status).toBe(403);
    expect((await paolo.api('POST', manage, { title: 'Z', body: 'Testo.' })).status).toBe(403);
    expect((await paolo.api('GET', '/api/assistenza/supervision/figures')).status).toBe(403);
  });
});
