import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../../../test/http-client.js';
import { startTestApp, type TestApp } from '../../../../test/test-app.js';
import { DEMO_PEOPLE } from '../../../demo/identities.js';
import { threadToken } from '../thread-link.js';
import { agencyIds, anonymous, query, signedIn, tokenOf, validForm } from './citizen.testing.js';

/**
 * The citizen's side of the thread over HTTP: his list, only public notes, answers that bring a
 * waiting request back to work, the signed link, and another citizen's requests out of reach.
 */
let t: TestApp;
let agencies: Awaited<ReturnType<typeof agencyIds>>;
let giovanni: HttpClient;
let laura: HttpClient;
let operatorUserId: string;

beforeAll(async () => {
  t = await startTestApp();
  agencies = await agencyIds(t);
  giovanni = await signedIn(t, DEMO_PEOPLE.citizen.fiscalCode);
  laura = await signedIn(t, DEMO_PEOPLE.secondCitizen.fiscalCode);
  [{ id: operatorUserId }] = await query(t, 'SELECT id FROM users WHERE fiscal_code = $1', [DEMO_PEOPLE.agencyOperator.fiscalCode]);
});
afterAll(() => t.close());
beforeEach(async () => {
  await query(t, 'DELETE FROM rate_limits');
});

async function file(client: HttpClient, overrides: Record<string, unknown> = {}) {
  const reply = await client.api('POST', '/api/assistenza/requests', validForm(agencies.napoli, overrides));
  expect(reply.status).toBe(201);
  return reply.body as { id: string; number: number; link: string };
}

/** What an operator would write, straight into the table (the desk's routes are not this module's). */
async function note(requestId: string, audience: 'citizen' | 'internal' | 'regional_desk', body: string, at: string) {
  await query(
    t,
    `INSERT INTO helpdesk_notes (request_id, author_kind, author_user_id, author_name, author_structure_id, audience, body, created_at)
     VALUES ($1, 'operator', $2, 'Paolo Colombo', $3, $4, $5, $6)`,
    [requestId, operatorUserId, agencies.napoli, audience, body, at],
  );
}

const setStatus = async (requestId: string, ...statuses: string[]) => {
  for (const status of statuses) await query(t, 'UPDATE helpdesk_requests SET status = $2 WHERE id = $1', [requestId, status]);
};

const threadByToken = (client: HttpClient, token: string) => client.api('GET', `/api/assistenza/thread?token=${encodeURIComponent(token)}`);

describe('my requests', () => {
  it('lists only his own, newest first, with status labels', async () => {
    const first = await file(giovanni, { categoryCode: 'accesso' });
    t.clock.advance(60_000);
    const second = await file(giovanni);
    await file(laura);
    await file(await anonymous(t), { fiscalCode: DEMO_PEOPLE.citizen.fiscalCode }); // his code, but not filed signed in
    await setStatus(first.id, 'in_attesa_utente');

    const { status, body } = await giovanni.api('GET', '/api/assistenza/my-requests?pageSize=1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(body.items).toEqual([
      {
        id: second.id,
        number: second.number,
        service: 'Ritiro e consultazione documenti (referti)',
        category: 'Referto non trovato',
        status: 'nuova',
        statusLabel: 'Nuova',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    ]);
    const page2 = await giovanni.api('GET', '/api/assistenza/my-requests?page=2&pageSize=1');
    expect(page2.body.items).toMatchObject([{ id: first.id, category: 'Problemi di accesso', status: 'in_attesa_utente', statusLabel: 'In attesa di informazioni da utente' }]);
  });

  it("answers 404 for another citizen's request, exactly like a missing one", async () => {
    const mine = await file(giovanni);
    const missing = await laura.api('GET', '/api/assistenza/my-requests/00000000-0000-4000-8000-000000000000');
    const other = await laura.api('GET', `/api/assistenza/my-requests/${mine.id}`);
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect((await laura.api('POST', `/api/assistenza/my-requests/${mine.id}/answers`, { body: 'Intrusione' })).status).toBe(404);
    expect((await laura.api('GET', `/api/assistenza/my-requests/${mine.id}/attachment`)).status).toBe(404);
    expect(await query(t, 'SELECT 1 FROM helpdesk_notes WHERE request_id = $1', [mine.id])).toEqual([]);
  });

  it('needs a signed-in person', async () => {
    expect((await (await anonymous(t)).api('GET', '/api/assistenza/my-requests')).status).toBe(401);
  });
});

describe('the thread', () => {
  it('shows only the public notes, operators by their structure', async () => {
    const request = await file(giovanni);
    await note(request.id, 'citizen', 'Può indicarci la data della visita?', '2026-03-01T09:00:00Z');
    await note(request.id, 'internal', 'Nota privata: verificare col laboratorio', '2026-03-01T09:01:00Z');
    await note(request.id, 'regional_desk', 'Referto prodotto in data 01/03/2026', '2026-03-01T09:02:00Z');

    const { body } = await giovanni.api('GET', `/api/assistenza/my-requests/${request.id}`);
    expect(body).toMatchObject({
      id: request.id,
      number: request.number,
      service: 'Ritiro e consultazione documenti (referti)',
      category: 'Referto non trovato',
      agencyName: 'ASL Napoli 1 Centro',
      status: 'nuova',
      statusLabel: 'Nuova',
      canAnswer: true,
      request: { givenName: 'Anna', familyName: 'Marino', description: 'Non trovo il referto della visita del 3 marzo.', attachment: null },
    });
    expect(body.messages).toEqual([{ id: expect.any(String), from: 'operator', authorName: 'Assistenza ASL Napoli 1 Centro', body: 'Può indicarci la data della visita?', createdAt: '2026-03-01T09:00:00.000Z' }]);
    expect(JSON.stringify(body)).not.toMatch(/privata|Referto prodotto|Paolo|Colombo/);
  });

  it("returns a waiting request to work on the citizen's answer and tells the assignee", async () => {
    const request = await file(giovanni);
    await note(request.id, 'citizen', 'Ci serve il numero della prenotazione.', '2026-03-01T09:00:00Z');
    await setStatus(request.id, 'in_attesa_utente');
    await query(t, 'UPDATE helpdesk_requests SET assignee_user_id = $2 WHERE id = $1', [request.id, operatorUserId]);

    const { status, body } = await giovanni.api('POST', `/api/assistenza/my-requests/${request.id}/answers`, { body: '  Prenotazione n. 4521.  ' });
    expect(status).toBe(200);
    expect(body.status).toBe('in_lavorazione');
    expect(body.messages.at(-1)).toMatchObject({ from: 'citizen', authorName: 'Anna Marino', body: 'Prenotazione n. 4521.' });
    expect(await query(t, "SELECT from_value, to_value, actor_kind, actor_user_id IS NOT NULL AS by_user FROM helpdesk_history WHERE request_id = $1 AND change = 'status'", [request.id])).toEqual([
      { from_value: 'in_attesa_utente', to_value: 'in_lavorazione', actor_kind: 'citizen', by_user: true },
    ]);
    const [bell] = await query(t, "SELECT recipient, data FROM outbox_messages WHERE channel = 'in_app' AND idempotency_key LIKE 'helpdesk-note:%:assignee' AND data->>'link' = $1", [`/assistenza/operatori/richieste/${request.id}`]);
    expect(bell.recipient).toBe(operatorUserId);
    expect(bell.data.title).toBe(`Richiesta di assistenza n. ${request.number}: risposta del cittadino`);
    // His own answer is not echoed back to him (no bell, no e-mail).
    const [{ id: giovanniId }] = await query(t, 'SELECT id FROM users WHERE fiscal_code = $1', [DEMO_PEOPLE.citizen.fiscalCode]);
    expect(await query(t, "SELECT 1 FROM outbox_messages WHERE idempotency_key LIKE 'helpdesk-note:%' AND recipient <> $1", [operatorUserId])).toEqual([]);
    expect(await query(t, 'SELECT 1 FROM outbox_messages WHERE recipient = $1', [giovanniId])).toEqual([]);
  });

  it('shows a request held by the regional desk as being worked on: the routing is internal', async () => {
    const request = await file(giovanni);
    await setStatus(request.id, 'non_di_competenza');
    const { body } = await giovanni.api('GET', `/api/assistenza/my-requests/${request.id}`);
    expect(body).toMatchObject({ status: 'in_lavorazione', statusLabel: 'In lavorazione' });
    const list = await giovanni.api('GET', '/api/assistenza/my-requests');
    expect(list.body.items.find((i: { id: string }) => i.id === request.id)).toMatchObject({ status: 'in_lavorazione' });
  });

  it('keeps the status of a request being worked on', async () => {
    const request = await file(giovanni);
    await setStatus(request.id, 'in_lavorazione');
    const { body } = await giovanni.api('POST', `/api/assistenza/my-requests/${request.id}/answers`, { body: 'Aggiungo un dettaglio.' });
    expect(body.status).toBe('in_lavorazione');
    expect(await query(t, "SELECT 1 FROM helpdesk_history WHERE request_id = $1 AND change = 'status'", [request.id])).toEqual([]);
  });

  it('refuses an answer to a closed request, and an empty or too long one', async () => {
    const request = await file(giovanni);
    const empty = await giovanni.api('POST', `/api/assistenza/my-requests/${request.id}/answers`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.fields).toEqual({ body: 'Scrivi la risposta.' });
    const long = await giovanni.api('POST', `/api/assistenza/my-requests/${request.id}/answers`, { body: 'a'.repeat(4001) });
    expect(long.body.fields).toEqual({ body: 'La risposta può avere al massimo 4000 caratteri.' });

    await setStatus(request.id, 'risolto', 'chiuso');
    const closed = await giovanni.api('POST', `/api/assistenza/my-requests/${request.id}/answers`, { body: 'Ancora una cosa' });
    expect(closed.status).toBe(409);
    expect(closed.body).toMatchObject({ code: 'request_closed', detail: 'La richiesta è chiusa: per un nuovo problema invia una nuova richiesta.' });
    expect((await giovanni.api('GET', `/api/assistenza/my-requests/${request.id}`)).body).toMatchObject({ status: 'chiuso', canAnswer: false, messages: [] });
  });
});

describe('the signed link', () => {
  it('reads and answers the thread without login; a resolved request is reopened', async () => {
    const client = await anonymous(t);
    const request = await file(client);
    const token = tokenOf(request.link);
    await note(request.id, 'citizen', 'Il referto è disponibile: lo trova nella sezione referti.', '2026-03-02T09:00:00Z');
    await note(request.id, 'internal', 'Chiusa dopo verifica', '2026-03-02T09:01:00Z');
    await setStatus(request.id, 'risolto');

    const thread = await threadByToken(client, token);
    expect(thread.body.messages.map((m: { body: string }) => m.body)).toEqual(['Il referto è disponibile: lo trova nella sezione referti.']);

    const answer = await client.api('POST', '/api/assistenza/thread/answers', { token, body: 'Non lo trovo ancora.' });
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('in_lavorazione');
    expect(answer.body.messages.at(-1)).toMatchObject({ from: 'citizen', authorName: 'Anna Marino', body: 'Non lo trovo ancora.' });
    const [history] = await query(t, "SELECT actor_kind, actor_user_id, actor_name FROM helpdesk_history WHERE request_id = $1 AND change = 'status'", [request.id]);
    expect(history).toEqual({ actor_kind: 'citizen', actor_user_id: null, actor_name: 'Anna Marino' });
  });

  it('answers 404 to a forged token and to the token of another request', async () => {
    const client = await anonymous(t);
    const a = await file(client);
    const b = await file(client);
    const message = 'Richiesta non trovata o collegamento non valido.';
    const forged = [
      threadToken('another-secret', a.id),
      `${a.id}.${tokenOf(b.link).split('.')[1]}`, // b's signature on a's id
      tokenOf(a.link).slice(0, -2),
      'nonsense',
      threadToken('x', '00000000-0000-4000-8000-000000000000'),
    ];
    for (const token of forged) {
      const read = await threadByToken(client, token);
      expect(read.status, token).toBe(404);
      expect(read.body.detail).toBe(message);
      const answer = await client.api('POST', '/api/assistenza/thread/answers', { token, body: 'Prova' });
      expect(answer.status).toBe(404);
      expect(answer.body.detail).toBe(message);
    }
    expect(await query(t, 'SELECT 1 FROM helpdesk_notes WHERE request_id IN ($1, $2)', [a.id, b.id])).toEqual([]);
  });

  it('limits answers per address', async () => {
    const client = await anonymous(t);
    const request = await file(client);
    const token = tokenOf(request.link);
    for (let i = 0; i < 20; i++) expect((await client.api('POST', '/api/assistenza/thread/answers', { token, body: `Messaggio ${i}` })).status).toBe(200);
    const refused = await client.api('POST', '/api/assistenza/thread/answers', { token, body: 'Ancora' });
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toBe('Da questa connessione sono state inviate troppe risposte: riprova tra 60 minuti.');
  });
});
