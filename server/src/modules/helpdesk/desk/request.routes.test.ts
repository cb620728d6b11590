import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../../test/test-app.js';
import { type DeskWorld, deskWorld, insertRequest, operator, outboxMark, outboxSince } from './desk.testing.js';

let t: TestApp;
let w: DeskWorld;
let paolo: HttpClient;
let sara: HttpClient;
let giorgia: HttpClient;
let stefano: HttpClient;

const detail = (client: HttpClient, id: string) => client.api('GET', `/api/assistenza/desk/requests/${id}`);
const update = (client: HttpClient, id: string, body: unknown) => client.api('POST', `/api/assistenza/desk/requests/${id}/updates`, body);
const assign = (client: HttpClient, id: string, assigneeId: string | null) => client.api('POST', `/api/assistenza/desk/requests/${id}/assignment`, { assigneeId });
const forward = (client: HttpClient, id: string, body: unknown) => client.api('POST', `/api/assistenza/desk/requests/${id}/forwarding`, body);
const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);
const fresh = (extra: Partial<Parameters<typeof insertRequest>[1]> = {}) => insertRequest(t, { agencyId: w.napoli, createdAt: '2026-12-01T09:00:00Z', ...extra });

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-12-03T10:00:00Z'));
  w = await deskWorld(t);
  [paolo, sara, giorgia, stefano] = await Promise.all([
    operator(t, 'operatore.asl', 'ASL Napoli 1 Centro'),
    operator(t, 'supervisore.asl', 'ASL Napoli 1 Centro'),
    operator(t, 'operatore.asl.caserta', 'ASL Caserta'),
    operator(t, 'assistenza.regione', 'Regione Campania'),
  ]);
});
afterAll(() => t?.close());

describe('the detail of a request', () => {
  it('shows the request, its notes of every audience and its history, and is audited', async () => {
    const r = await fresh({ status: 'in_lavorazione', email: 'anna.test@example.it' });
    await t.database.pool.query(
      `INSERT INTO helpdesk_notes (request_id, author_kind, author_name, author_structure_id, audience, body, created_at)
       VALUES ($1, 'operator', 'Sara Villa', $2, 'internal', 'Verificare sul sistema aziendale.', '2026-12-02T09:00:00Z')`,
      [r.id, w.napoli],
    );
    const res = await detail(paolo, r.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: r.id,
      number: r.number,
      status: 'in_lavorazione',
      statusLabel: 'In lavorazione',
      service: { code: 'ritiro-referti' },
      category: { code: 'referto-non-trovato', label: 'Referto non trovato' },
      role: { code: 'cittadino', label: 'Cittadino' },
      agency: { id: w.napoli, name: 'ASL Napoli 1 Centro' },
      queue: { id: w.napoli, name: 'ASL Napoli 1 Centro' },
      citizen: { givenName: 'Anna', email: 'anna.test@example.it', phone: '3331234567', signedIn: false },
      attachment: null,
      assignee: null,
      isRegionalDesk: false,
      canForward: false,
      agencies: [],
    });
    expect(res.body.notes).toEqual([
      expect.objectContaining({ audience: 'internal', authorKind: 'operator', authorName: 'Sara Villa', authorStructureName: 'ASL Napoli 1 Centro', body: 'Verificare sul sistema aziendale.' }),
    ]);
    expect(res.body.history).toEqual([expect.objectContaining({ change: 'created', to: 'nuova', toLabel: 'Nuova', actorKind: 'citizen' })]);
    expect(res.body.allowedStatuses.map((s: { code: string }) => s.code)).toEqual(['in_attesa_utente', 'risolto', 'non_di_competenza']);
    const audit = await t.database.pool.query("SELECT person_fiscal_code FROM audit_log WHERE action = 'helpdesk.request.view' AND subject_id = $1", [r.id]);
    expect(audit.rows).toEqual([{ person_fiscal_code: res.body.citizen.fiscalCode }]);
  });
});

describe('assignment ("OPERATORE" + "Aggiorna")', () => {
  it('assigns to another operator of the agency, who is told in the app; a new request goes in lavorazione', async () => {
    const r = await fresh();
    const mark = await outboxMark(t);
    const res = await assign(paolo, r.id, w.users.sara);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ assignee: { id: w.users.sara, name: 'Sara Villa' }, status: 'in_lavorazione' });
    expect(res.body.history.map((h: { change: string; toLabel: string | null }) => [h.change, h.toLabel])).toEqual([
      ['created', 'Nuova'],
      ['assignee', 'Sara Villa'],
      ['status', 'In lavorazione'],
    ]);
    const sent = await outboxSince(t, mark);
    expect(sent).toEqual([
      expect.objectContaining({ channel: 'in_app', recipient: w.users.sara, template: 'in-app', data: expect.objectContaining({ title: `Ti è stata assegnata la richiesta n. ${r.number}`, link: `/assistenza/operatori/richieste/${r.id}` }) }),
    ]);
    // Sara finds it under "assigned to me".
    expect(ids(await sara.api('GET', '/api/assistenza/desk/requests?assignee=me'))).toContain(r.id);
    // Unassigning needs no bell.
    const mark2 = await outboxMark(t);
    expect((await assign(paolo, r.id, null)).body.assignee).toBeNull();
    expect(await outboxSince(t, mark2)).toEqual([]);
  });

  it('refuses an operator of another agency or someone without the service; another agency cannot assign', async () => {
    const r = await fresh();
    const other = await assign(paolo, r.id, w.users.giorgia);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('assignee_not_operator');
    expect((await assign(paolo, r.id, w.users.maria)).status).toBe(422);
    expect((await assign(giorgia, r.id, w.users.giorgia)).status).toBe(404);
    expect((await detail(paolo, r.id)).body.assignee).toBeNull();
  });
});

describe('notes and statuses ("Aggiorna")', () => {
  it('a private note stays among operators: no message to the citizen', async () => {
    const r = await fresh({ status: 'in_lavorazione' });
    const mark = await outboxMark(t);
    const res = await update(paolo, r.id, { note: { body: 'Chiedere al laboratorio.', public: false } });
    expect(res.status).toBe(200);
    expect(res.body.notes).toEqual([expect.objectContaining({ audience: 'internal', body: 'Chiedere al laboratorio.', authorName: 'Paolo Colombo' })]);
    expect(await outboxSince(t, mark)).toEqual([]);
  });

  it('a public note reaches an anonymous filer by e-mail, a signed-in one in the app; on a new request it starts the work', async () => {
    const anonymous = await fresh({ email: 'filer@example.it' });
    let mark = await outboxMark(t);
    const res = await update(paolo, anonymous.id, { note: { body: 'Stiamo verificando con il laboratorio.', public: true } });
    expect(res.body.status).toBe('in_lavorazione');
    const mail = await outboxSince(t, mark);
    expect(mail).toEqual([expect.objectContaining({ channel: 'email', recipient: 'filer@example.it', template: 'helpdesk-public-note' })]);
    expect(mail[0]!.data).toMatchObject({ number: anonymous.number, status: 'In lavorazione', note: 'Stiamo verificando con il laboratorio.' });

    const signedIn = await fresh({ citizenUserId: w.users.giovanni, status: 'in_lavorazione' });
    mark = await outboxMark(t);
    const asked = await update(paolo, signedIn.id, { note: { body: 'Può indicarci la data della visita?', public: true }, status: 'in_attesa_utente' });
    expect(asked.body.status).toBe('in_attesa_utente');
    expect(await outboxSince(t, mark)).toEqual([expect.objectContaining({ channel: 'in_app', recipient: w.users.giovanni, template: 'in-app' })]);
  });

  it('"risolto" and "in attesa" need a public note; "chiuso" is never an operator’s', async () => {
    const r = await fresh({ status: 'in_lavorazione' });
    for (const status of ['risolto', 'in_attesa_utente']) {
      const bare = await update(paolo, r.id, { status });
      expect(bare.status).toBe(422);
      expect(bare.body.code).toBe('public_note_required');
      expect((await update(paolo, r.id, { status, note: { body: 'Nota interna.', public: false } })).status).toBe(422);
    }
    const closed = await update(paolo, r.id, { status: 'chiuso', note: { body: 'Chiudo.', public: true } });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('status_closed_by_system');
    expect((await update(paolo, r.id, {})).status).toBe(422);
    expect((await update(paolo, r.id, { note: { body: '   ', public: true } })).status).toBe(422);
    expect((await update(paolo, r.id, { note: { body: 'x'.repeat(4001), public: false } })).status).toBe(422);
    const resolved = await update(paolo, r.id, { status: 'risolto', note: { body: 'Il referto è ora disponibile.', public: true } });
    expect(resolved.body).toMatchObject({ status: 'risolto', allowedStatuses: [] });
    // Nothing was written by the refused attempts.
    expect(resolved.body.notes).toHaveLength(1);
  });

  it('refuses a note that still holds a placeholder of a canned reply', async () => {
    const r = await fresh();
    const res = await update(paolo, r.id, { note: { body: 'Il referto è stato prodotto in data {{data}} e ha il seguente identificativo {{identificativo}}', public: true } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('placeholders_unfilled');
    expect(res.body.detail).toBe('Completa i campi della risposta predefinita: {{data}}, {{identificativo}}.');
  });

  it('"non di competenza" sends it to the regional desk with a note for the regional operator only; the agency no longer sees it', async () => {
    const r = await fresh({ email: 'ndc@example.it', assigneeId: w.users.paolo, status: 'in_lavorazione' });
    expect((await update(paolo, r.id, { status: 'non_di_competenza' })).status).toBe(422);
    const mark = await outboxMark(t);
    const res = await update(paolo, r.id, { status: 'non_di_competenza', note: { body: 'Il referto non risulta appartenere alla nostra ASR.', public: true } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: r.id, status: 'non_di_competenza', leftQueue: true, queue: { id: w.region, name: 'Regione Campania' } });
    expect(await outboxSince(t, mark)).toEqual([]);
    expect((await detail(paolo, r.id)).status).toBe(404);
    expect(ids(await paolo.api('GET', '/api/assistenza/desk/requests'))).not.toContain(r.id);

    const atRegion = await detail(stefano, r.id);
    expect(atRegion.status).toBe(200);
    expect(atRegion.body).toMatchObject({ status: 'non_di_competenza', assignee: null, isRegionalDesk: true, canForward: true, queue: { id: w.region } });
    expect(atRegion.body.notes).toEqual([expect.objectContaining({ audience: 'regional_desk', authorStructureName: 'ASL Napoli 1 Centro' })]);
    expect(atRegion.body.history.map((h: { change: string }) => h.change)).toEqual(['created', 'status', 'queue', 'assignee']);
    expect(atRegion.body.agencies).toEqual([
      { id: w.caserta, name: 'ASL Caserta' },
      { id: w.napoli, name: 'ASL Napoli 1 Centro' },
    ]);
    // The regional desk has no desk above it: it answers, or sends to another agency.
    expect(atRegion.body.allowedStatuses.map((s: { code: string }) => s.code)).toEqual(['in_lavorazione', 'in_attesa_utente', 'risolto']);
  });
});

describe('the regional desk', () => {
  it('sends a request to another agency of the region, back to "nuova", with a private note', async () => {
    const r = await fresh({ queueId: w.region, status: 'non_di_competenza', assigneeId: w.users.stefano });
    expect((await forward(paolo, r.id, { agencyId: w.caserta })).status).toBe(403);
    const farmacia = (await t.database.pool.query("SELECT id FROM organisations WHERE name = 'Farmacia Centrale'")).rows[0].id;
    for (const agencyId of [farmacia, w.region]) {
      const wrong = await forward(stefano, r.id, { agencyId });
      expect(wrong.status).toBe(422);
      expect(wrong.body.code).toBe('agency_not_of_region');
    }
    const res = await forward(stefano, r.id, { agencyId: w.caserta, note: 'Il referto è stato emesso dall’ASL Caserta.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'nuova', leftQueue: true, queue: { id: w.caserta, name: 'ASL Caserta' } });
    expect((await detail(stefano, r.id)).status).toBe(404);
    const atCaserta = await detail(giorgia, r.id);
    expect(atCaserta.body).toMatchObject({ status: 'nuova', assignee: null, agency: { id: w.napoli }, queue: { id: w.caserta } });
    expect(atCaserta.body.notes).toEqual([expect.objectContaining({ audience: 'internal', body: 'Il referto è stato emesso dall’ASL Caserta.', authorName: 'Stefano De Luca' })]);
    expect(atCaserta.body.history.at(-2)).toMatchObject({ change: 'queue', fromLabel: 'Regione Campania', toLabel: 'ASL Caserta', actorKind: 'regional_desk' });
  });

  it('forwards only "non di competenza" requests; answers itself with a public note that reaches the citizen', async () => {
    const r = await fresh({ queueId: w.region, status: 'non_di_competenza', email: 'answered@example.it' });
    const mark = await outboxMark(t);
    const res = await update(stefano, r.id, { status: 'risolto', note: { body: 'Il referto è disponibile nel fascicolo.', public: true } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'risolto', queue: { id: w.region } });
    expect(await outboxSince(t, mark)).toEqual([expect.objectContaining({ channel: 'email', recipient: 'answered@example.it' })]);
    expect((await forward(stefano, r.id, { agencyId: w.caserta })).status).toBe(409);
    const other = await fresh({ queueId: w.region, status: 'in_lavorazione' });
    const refused = await update(stefano, other.id, { status: 'non_di_competenza', note: { body: 'Non nostra.', public: true } });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('no_regional_desk_above');
  });
});
