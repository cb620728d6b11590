import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/test-app.js';
import { samplePdf, samplePe, samplePng } from '../../../core/documents/documents.samples.js';
import { DEMO_PEOPLE } from '../../../demo/identities.js';
import { requestOfToken } from '../thread-link.js';
import { agencyIds, anonymous, fileMultipart, query, signedIn, storedFiles, tokenOf, validForm } from './citizen.testing.js';

/** "Nuova richiesta di assistenza" over HTTP on a real PostgreSQL: catalogue, filing, validation, abuse. */
let t: TestApp;
let agencies: Awaited<ReturnType<typeof agencyIds>>;

beforeAll(async () => {
  t = await startTestApp();
  agencies = await agencyIds(t);
});
afterAll(() => t.close());
// Every test starts with fresh abuse counters (all calls come from 127.0.0.1).
beforeEach(async () => {
  await query(t, 'DELETE FROM rate_limits');
});

const count = async (table: string) => Number((await query(t, `SELECT count(*) AS n FROM ${table}`))[0].n);

describe('the catalogue', () => {
  it('offers the active catalogues and the health agencies, with no prefill to a stranger', async () => {
    const client = await anonymous(t);
    const { status, body } = await client.api('GET', '/api/assistenza/catalogue');
    expect(status).toBe(200);
    expect(body.services[0]).toEqual({ code: 'ritiro-referti', label: 'Ritiro e consultazione documenti (referti)' });
    expect(body.roles.map((r: { code: string }) => r.code)).toEqual(['cittadino', 'delegato', 'operatore-assistenza']);
    expect(body.categories).toHaveLength(6);
    expect(body.agencies).toEqual([
      { id: agencies.caserta, name: 'ASL Caserta' },
      { id: agencies.napoli, name: 'ASL Napoli 1 Centro' },
    ]);
    expect(body.prefill).toBeNull();
    expect(body.limits).toMatchObject({ descriptionMaxLength: 4000, attachmentMaxBytes: 1024 * 1024 });
  });

  it('leaves out a deactivated entry', async () => {
    await query(t, "UPDATE helpdesk_categories SET active = false WHERE code = 'altro'");
    const { body } = await (await anonymous(t)).api('GET', '/api/assistenza/catalogue');
    await query(t, "UPDATE helpdesk_categories SET active = true WHERE code = 'altro'");
    expect(body.categories.map((c: { code: string }) => c.code)).not.toContain('altro');
  });

  it('prefills the form from the signed-in citizen', async () => {
    const giovanni = await signedIn(t, DEMO_PEOPLE.citizen.fiscalCode);
    const { body } = await giovanni.api('GET', '/api/assistenza/catalogue');
    expect(body.prefill).toEqual({
      givenName: 'Giovanni',
      familyName: 'Ferrari',
      fiscalCode: DEMO_PEOPLE.citizen.fiscalCode,
      email: DEMO_PEOPLE.citizen.email,
      phone: DEMO_PEOPLE.citizen.mobilePhone,
    });
  });
});

describe('filing', () => {
  it('files anonymously: the row, its history and audit, the e-mail with the signed link', async () => {
    const client = await anonymous(t);
    const form = validForm(agencies.napoli);
    const { status, body } = await client.api('POST', '/api/assistenza/requests', form);
    expect(status).toBe(201);
    expect(body).toEqual({ id: expect.any(String), number: expect.any(Number), link: expect.stringMatching(/^\/assistenza\/richiesta\?token=/) });
    expect(requestOfToken('x', tokenOf(body.link))).toBeNull(); // signed with the platform's secret, not guessable

    const [row] = await query(t, 'SELECT * FROM helpdesk_requests WHERE id = $1', [body.id]);
    expect(row).toMatchObject({
      number: body.number,
      status: 'nuova',
      agency_structure_id: agencies.napoli,
      queue_structure_id: agencies.napoli,
      citizen_user_id: null,
      fiscal_code: DEMO_PEOPLE.secondCitizen.fiscalCode, // upper-cased
      phone: '+393331234567', // spaces dropped
      attachment_document_id: null,
    });
    expect(await query(t, 'SELECT change, to_value, actor_kind FROM helpdesk_history WHERE request_id = $1', [body.id])).toEqual([{ change: 'created', to_value: 'nuova', actor_kind: 'citizen' }]);
    const [audit] = await query(t, "SELECT actor_name, person_fiscal_code FROM audit_log WHERE action = 'helpdesk.request.create' AND subject_id = $1", [body.id]);
    expect(audit).toEqual({ actor_name: 'Anna Marino', person_fiscal_code: DEMO_PEOPLE.secondCitizen.fiscalCode });

    const [mail] = await query(t, "SELECT recipient, data FROM outbox_messages WHERE template = 'helpdesk-request-received' AND idempotency_key = $1", [`helpdesk-request:${body.id}:received`]);
    expect(mail.recipient).toBe(form.email);
    expect(mail.data).toEqual({ name: 'Anna Marino', number: body.number, service: 'Ritiro e consultazione documenti (referti)', link: `${t.baseUrl}${body.link}` });
    // The link opens the thread.
    const thread = await client.api('GET', `/api/assistenza/thread?token=${encodeURIComponent(tokenOf(body.link))}`);
    expect(thread.status).toBe(200);
    expect(thread.body).toMatchObject({ id: body.id, number: body.number, status: 'nuova', agencyName: 'ASL Napoli 1 Centro', canAnswer: true, messages: [] });
  });

  it('files signed in: linked to the citizen, followed in the web app, with a PDF attachment', async () => {
    const giovanni = await signedIn(t, DEMO_PEOPLE.citizen.fiscalCode);
    // The codice fiscale is his identity's, whatever the form says.
    const form = validForm(agencies.caserta, { givenName: 'Giovanni', familyName: 'Ferrari', fiscalCode: DEMO_PEOPLE.secondCitizen.fiscalCode });
    const { status, body } = await fileMultipart(t, giovanni, form, { name: 'referto.pdf', content: samplePdf(), type: 'application/pdf' });
    expect(status).toBe(201);
    expect(body.link).toBe(`/assistenza/mie-richieste/${body.id}`);
    const [row] = await query(t, 'SELECT r.citizen_user_id, u.fiscal_code, r.fiscal_code AS filed_fiscal_code, r.attachment_document_id FROM helpdesk_requests r JOIN users u ON u.id = r.citizen_user_id WHERE r.id = $1', [body.id]);
    expect(row.fiscal_code).toBe(DEMO_PEOPLE.citizen.fiscalCode);
    expect(row.filed_fiscal_code).toBe(DEMO_PEOPLE.citizen.fiscalCode);
    const [document] = await query(t, 'SELECT purpose, owner_structure_id, uploaded_by, media_type FROM documents WHERE id = $1', [row.attachment_document_id]);
    expect(document).toEqual({ purpose: 'helpdesk-attachment', owner_structure_id: agencies.caserta, uploaded_by: row.citizen_user_id, media_type: 'application/pdf' });
    const [mail] = await query(t, 'SELECT data FROM outbox_messages WHERE idempotency_key = $1', [`helpdesk-request:${body.id}:received`]);
    expect(mail.data.link).toBe(`${t.baseUrl}/assistenza/mie-richieste/${body.id}`);

    const thread = await giovanni.api('GET', `/api/assistenza/my-requests/${body.id}`);
    expect(thread.body.request.attachment).toEqual({ fileName: 'referto.pdf', sizeBytes: samplePdf().length, url: `/api/assistenza/my-requests/${body.id}/attachment` });
    const download = await giovanni.raw('GET', thread.body.request.attachment.url);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(samplePdf())).toBe(true);
  });

  it('takes a PNG from a citizen without login (no uploader recorded)', async () => {
    const { status, body } = await fileMultipart(t, await anonymous(t), validForm(agencies.napoli), { name: 'schermata.png', content: samplePng(), type: 'image/png' });
    expect(status).toBe(201);
    const [document] = await query(t, 'SELECT d.media_type, d.uploaded_by, d.owner_structure_id FROM documents d JOIN helpdesk_requests r ON r.attachment_document_id = d.id WHERE r.id = $1', [body.id]);
    expect(document).toEqual({ media_type: 'image/png', uploaded_by: null, owner_structure_id: agencies.napoli });
    const thread = await (await anonymous(t)).api('GET', `/api/assistenza/thread?token=${encodeURIComponent(tokenOf(body.link))}`);
    const download = await (await anonymous(t)).raw('GET', thread.body.request.attachment.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
  });

  it.each([
    ['a file of 2 MB', { name: 'grande.pdf', content: Buffer.concat([samplePdf(), Buffer.alloc(2 * 1024 * 1024, 0x20)]) }, 413, 'Il file supera la dimensione massima di 1 MB.'],
    ['an executable renamed .pdf', { name: 'referto.pdf', content: samplePe() }, 415, 'Formato non ammesso: sono accettati PDF, JPEG, PNG, GIF, DOC, DOCX, XLS, XLSX e ZIP.'],
  ])('refuses %s, storing nothing and filing nothing', async (_label, file, status, message) => {
    const before = { requests: await count('helpdesk_requests'), documents: await count('documents'), files: storedFiles(t).length, mails: await count('outbox_messages') };
    const reply = await fileMultipart(t, await anonymous(t), validForm(agencies.napoli), file);
    expect(reply.status).toBe(status);
    expect(reply.body.detail).toBe(message);
    expect(reply.body.fields).toEqual({ attachment: message });
    expect({ requests: await count('helpdesk_requests'), documents: await count('documents'), files: storedFiles(t).length, mails: await count('outbox_messages') }).toEqual(before);
  });

  it('wants the data before the file', async () => {
    const reply = await fileMultipart(t, await anonymous(t), validForm(agencies.napoli), { name: 'a.png', content: samplePng() }, 'file-first');
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('data_first');
  });
});

describe('validation', () => {
  it('names every missing field at once', async () => {
    const { status, body } = await (await anonymous(t)).api('POST', '/api/assistenza/requests', {});
    expect(status).toBe(422);
    expect(body.code).toBe('request_invalid');
    expect(body.fields).toEqual({
      serviceCode: 'Scegli il servizio.',
      roleCode: 'Scegli il ruolo.',
      givenName: 'Inserisci il nome.',
      familyName: 'Inserisci il cognome.',
      fiscalCode: 'Inserisci il codice fiscale.',
      email: "Inserisci l'indirizzo e-mail.",
      phone: 'Inserisci il recapito telefonico.',
      agencyId: "Scegli l'ASR di competenza.",
      categoryCode: 'Scegli la tipologia del problema.',
      description: 'Descrivi il problema riscontrato.',
    });
  });

  it('treats blanks as missing, in multipart too', async () => {
    const reply = await fileMultipart(t, await anonymous(t), validForm(agencies.napoli, { givenName: '   ', description: '\n' }));
    expect(reply.status).toBe(422);
    expect(reply.body.fields).toEqual({ givenName: 'Inserisci il nome.', description: 'Descrivi il problema riscontrato.' });
  });

  it('explains each wrong value', async () => {
    const fiscalCode = DEMO_PEOPLE.citizen.fiscalCode;
    const wrongCheck = fiscalCode.slice(0, 15) + (fiscalCode[15] === 'A' ? 'B' : 'A');
    const { status, body } = await (await anonymous(t)).api(
      'POST',
      '/api/assistenza/requests',
      validForm(agencies.napoli, {
        serviceCode: 'astrologia',
        roleCode: 'passante',
        categoryCode: 'meteo',
        givenName: 'x'.repeat(101),
        fiscalCode: wrongCheck,
        email: 'anna.marino@',
        phone: '333-ABC-1234',
        agencyId: agencies.region, // a region, not a health agency
        description: 'd'.repeat(4001),
      }),
    );
    expect(status).toBe(422);
    expect(body.fields).toEqual({
      serviceCode: 'Il servizio scelto non è tra quelli disponibili.',
      roleCode: 'Il ruolo scelto non è tra quelli disponibili.',
      categoryCode: 'La tipologia scelta non è tra quelle disponibili.',
      givenName: 'Il nome può avere al massimo 100 caratteri.',
      fiscalCode: 'Il codice fiscale non è valido: il carattere di controllo non corrisponde.',
      email: "L'indirizzo e-mail non è valido.",
      phone: 'Il recapito telefonico può contenere solo cifre, con il prefisso + facoltativo.',
      agencyId: "L'ASR scelta non è tra quelle disponibili.",
      description: 'La descrizione può avere al massimo 4000 caratteri.',
    });
  });

  it('checks the length of the codice fiscale and of the phone, and the agency id', async () => {
    const { body } = await (await anonymous(t)).api('POST', '/api/assistenza/requests', validForm(agencies.napoli, { fiscalCode: 'RSSMRA80', phone: '+39 12', agencyId: 'asl-1' }));
    expect(body.fields).toEqual({
      fiscalCode: 'Il codice fiscale deve essere di 16 caratteri.',
      phone: 'Il recapito telefonico deve avere da 6 a 20 caratteri.',
      agencyId: "Scegli l'ASR di competenza.",
    });
  });

  it('files nothing when invalid', async () => {
    const before = await count('helpdesk_requests');
    await (await anonymous(t)).api('POST', '/api/assistenza/requests', validForm(agencies.napoli, { email: 'no' }));
    expect(await count('helpdesk_requests')).toBe(before);
  });
});

describe('abuse', () => {
  it('answers a filled honeypot exactly like a success, storing and sending nothing', async () => {
    const before = { requests: await count('helpdesk_requests'), mails: await count('outbox_messages'), documents: await count('documents') };
    const bot = await anonymous(t);
    const { status, body } = await fileMultipart(t, bot, validForm(agencies.napoli, { sitoWeb: 'https://offerte.example.com' }), { name: 'a.png', content: samplePng(), type: 'image/png' });
    expect(status).toBe(201);
    expect(body).toEqual({ id: expect.any(String), number: expect.any(Number), link: expect.stringMatching(/^\/assistenza\/richiesta\?token=/) });
    expect(body.number).toBeGreaterThan(0);
    expect({ requests: await count('helpdesk_requests'), mails: await count('outbox_messages'), documents: await count('documents') }).toEqual(before);
    // Its link leads nowhere.
    expect((await bot.api('GET', `/api/assistenza/thread?token=${encodeURIComponent(tokenOf(body.link))}`)).status).toBe(404);
  });

  it('refuses a sixth request in an hour for the same e-mail', async () => {
    const client = await anonymous(t);
    const email = 'ripetuto@example.it';
    for (let i = 0; i < 5; i++) expect((await client.api('POST', '/api/assistenza/requests', validForm(agencies.napoli, { email }))).status).toBe(201);
    const refused = await client.api('POST', '/api/assistenza/requests', validForm(agencies.napoli, { email: 'Ripetuto@example.it' }));
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/^Per questo indirizzo e-mail sono state inviate troppe richieste di assistenza: riprova tra 60 minuti\./);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500);
    // Another e-mail still passes; an hour later the same one does too.
    expect((await client.api('POST', '/api/assistenza/requests', validForm(agencies.napoli))).status).toBe(201);
    t.clock.advance(3600_000);
    expect((await client.api('POST', '/api/assistenza/requests', validForm(agencies.napoli, { email }))).status).toBe(201);
  });

  it('refuses an eleventh request in an hour from the same address, before reading it', async () => {
    const client = await anonymous(t);
    for (let i = 0; i < 10; i++) expect((await client.api('POST', '/api/assistenza/requests', validForm(agencies.caserta))).status).toBe(201);
    const before = await count('helpdesk_requests');
    const refused = await fileMultipart(t, client, validForm(agencies.caserta), { name: 'a.pdf', content: samplePdf() });
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toBe('Da questa connessione sono state inviate troppe richieste di assistenza: riprova tra 60 minuti.');
    expect(refused.headers.get('retry-after')).toBeTruthy();
    // Even an invalid form is refused now: nothing is read.
    expect((await client.api('POST', '/api/assistenza/requests', {})).status).toBe(429);
    expect(await count('helpdesk_requests')).toBe(before);
  });
});
