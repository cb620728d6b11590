import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELPDESK_ATTACHMENT_POLICY, listTypes } from '../server/src/core/documents/document-policy.js';
import { samplePdf, samplePe } from '../server/src/core/documents/documents.samples.js';
import { DEMO_PEOPLE } from '../server/src/demo/identities.js';
import { fiscalCodeCheckCharacter } from '../server/src/shared/fiscal-code.js';
import type { TestApp } from '../server/test/test-app.js';
import { launchChromium, newContext, startAppWithWeb } from './browser.js';
import {
  assignmentPanel,
  awaitEmails,
  CLOSE_AFTER_DAYS,
  emailsTo,
  expectAccessible,
  factText,
  noteToCitizen,
  openOperatorQueue,
  outboxFor,
  runClosingJob,
  shot,
  signInWithCredentials,
  signInWithSpid,
  threadLinkOf,
  updatePanel,
} from './helpdesk-fixture.js';

/**
 * SOL Assistenza (seed 004, SPEC §6), by the manual's labels: a citizen files a request without
 * login from the footer's "Assistenza" (a 2 MB file and an .exe renamed .pdf are refused, a PDF
 * goes) and gets its number on screen and by e-mail; Paolo Colombo assigns it ("OPERATORE" +
 * "Aggiorna"), writes a private note (no e-mail) and a public one asking for information (e-mail
 * with the signed link); the citizen answers through the link; "Risolto", and N days later the
 * closing job makes it "Chiuso". A second request goes "Non di competenza" to the regional desk,
 * the citizen told nothing. ASL Caserta sees none of it; the supervisor's figures open.
 */

let app: TestApp;
let browser: Browser;
let paoloId: string;
/** Paolo Colombo's page, signed in once for the whole journey. */
let paolo: Page;

const CITIZEN = { givenName: 'Anna', familyName: 'Neri', email: 'anna.neri.e2e@example.it', phone: '333 1234567' };
const CITIZEN_CF = 'NRENNA85M41F839';
const CITIZEN_FISCAL_CODE = `${CITIZEN_CF}${fiscalCodeCheckCharacter(CITIZEN_CF)}`;
const DESCRIPTION = 'Il referto della radiografia del 3 marzo non compare tra i miei documenti.';
const PRIVATE_NOTE = 'Verificato con la radiologia: il referto è stato firmato ma non inviato al sistema regionale.';
const QUESTION = 'Può indicarci il numero di prenotazione riportato sul foglio di ritiro?';
const ANSWER = 'Il numero di prenotazione è 2026-RX-4411.';
const RESOLUTION = 'Il referto è stato inviato di nuovo ed è ora consultabile nel Fascicolo sanitario.';
const NOT_OURS = 'La richiesta riguarda la scelta del medico presso un’altra Regione: la inoltriamo all’assistenza regionale.';
const GIOVANNI = DEMO_PEOPLE.citizen;

/** Filled in as the journey goes. */
const first = { number: 0, id: '', link: '' };
const second = { number: 0, id: '' };

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppWithWeb(), launchChromium()]);
  paoloId = (await app.database.pool.query('SELECT id FROM users WHERE fiscal_code = $1', [DEMO_PEOPLE.agencyOperator.fiscalCode])).rows[0].id;
});
afterAll(async () => {
  await app?.simulatedClock.set(null, '00000000-0000-0000-0000-000000000000').catch(() => {});
  await browser?.close();
  await app?.close();
});

/** The request's page as a citizen who filed without login sees it, from his e-mail's link. */
async function citizenThread(link: string): Promise<Page> {
  const page = await (await newContext(browser, app)).newPage();
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: `Richiesta n. ${first.number}` }).waitFor();
  return page;
}

describe('SOL Assistenza, from the citizen’s request to its closing', () => {
  it('a citizen without login files a request from the footer: too large and disguised files are refused, the PDF goes; the number on screen and by e-mail', async () => {
    const page = await (await newContext(browser, app)).newPage();
    await page.goto('/accedi');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expectAccessible(page, 'pagina di accesso');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Assistenza', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuova richiesta di assistenza' }).waitFor();
    await expectAccessible(page, 'Nuova richiesta di assistenza');
    await shot(page, 'nuova-richiesta');
    // "/assistenza", typed or remembered, is the same form.
    await page.goto('/assistenza');
    await page.getByRole('heading', { level: 1, name: 'Nuova richiesta di assistenza' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/assistenza/nuova-richiesta');

    await page.getByLabel('Servizio *').selectOption({ label: 'Ritiro e consultazione documenti (referti)' });
    await page.getByLabel('Ruolo *').selectOption({ label: 'Cittadino' });
    await page.getByLabel('Nome *', { exact: true }).fill(CITIZEN.givenName);
    await page.getByLabel('Cognome *').fill(CITIZEN.familyName);
    await page.getByLabel('Codice fiscale *').fill(CITIZEN_FISCAL_CODE.toLowerCase());
    await page.getByText('16 caratteri su 16').waitFor();
    await expect(page.getByLabel('Codice fiscale *').inputValue()).resolves.toBe(CITIZEN_FISCAL_CODE);
    await page.getByLabel('Email *').fill(CITIZEN.email);
    await page.getByLabel('Recapito telefonico *').fill(CITIZEN.phone);
    await page.getByLabel('ASR di competenza *').selectOption({ label: 'ASL Napoli 1 Centro' });
    await page.getByLabel('Tipologia *').selectOption({ label: 'Referto non trovato' });
    await page.getByLabel('Descrizione della richiesta *').fill(DESCRIPTION);

    // 2 MB: refused as soon as it is chosen, before any upload.
    const attachment = page.getByLabel('Allegato', { exact: true });
    // The message under the field (the summary above the form repeats it as a link to the field).
    const attachmentError = page.locator('#helpdesk-attachment-error');
    await attachment.setInputFiles({ name: 'referto-grande.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(2 * 1024 * 1024, 0x20) });
    await attachmentError.getByText('Il file «referto-grande.pdf» pesa 2 MB: la dimensione massima è 1MB.').waitFor();
    await expect(attachment.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByRole('button', { name: 'INVIA' }).click();
    await page.getByText('La richiesta non è stata inviata: c’è un campo da correggere.').waitFor();
    await expectAccessible(page, 'allegato troppo grande');
    await shot(page, 'allegato-troppo-grande');

    // A Windows program renamed .pdf passes the name check; the server reads its content and refuses it.
    await attachment.setInputFiles({ name: 'referto.pdf', mimeType: 'application/pdf', buffer: samplePe() });
    await expect(attachment.getAttribute('aria-invalid')).resolves.toBe(null);
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/assistenza/requests') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'INVIA' }).click();
    const refusal = await refused;
    expect(refusal.status()).toBe(415);
    const notAllowed = `Formato non ammesso: sono accettati ${listTypes(HELPDESK_ATTACHMENT_POLICY.allowedTypes)}.`;
    expect(((await refusal.json()) as { fields: Record<string, string> }).fields.attachment).toBe(notAllowed);
    await attachmentError.getByText(notAllowed).waitFor();
    await page.getByRole('link', { name: notAllowed }).waitFor();
    await expect(attachment.getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'allegato rifiutato dal server');
    await shot(page, 'allegato-eseguibile');
    expect((await app.database.pool.query('SELECT count(*)::int AS n FROM helpdesk_requests')).rows[0].n).toBe(0);

    // A real PDF: INVIA, and the number on screen.
    await attachment.setInputFiles({ name: 'referto.pdf', mimeType: 'application/pdf', buffer: samplePdf('Foglio di ritiro') });
    await page.getByRole('button', { name: 'INVIA' }).click();
    const done = page.getByRole('heading', { level: 2, name: /^La tua richiesta n\. \d+ è stata inviata\.$/ });
    await done.waitFor();
    first.number = Number(/n\. (\d+)/.exec(await done.innerText())![1]);
    await page.getByText(`Ti abbiamo inviato un’email all’indirizzo ${CITIZEN.email} con il numero della richiesta e il collegamento per seguirla.`).waitFor();
    await expectAccessible(page, 'richiesta inviata');
    await shot(page, 'richiesta-inviata');

    const [received] = await awaitEmails(app, CITIZEN.email, 1);
    expect(received!.subject).toBe(`Richiesta di assistenza n. ${first.number} ricevuta`);
    expect(received!.text).toContain('/assistenza/richiesta?token=');
    await page.context().close();
  });

  it('Paolo Colombo assigns it, writes a private note (no e-mail) and a public one asking for information (e-mail with the link)', async () => {
    paolo = await openOperatorQueue(browser, app, 'operatore.asl', 'ASL Napoli 1 Centro');
    const page = paolo;
    await shot(page, 'coda');
    await page.getByRole('link', { name: `Richiesta n. ${first.number} di Anna Neri` }).click();
    await page.getByRole('heading', { level: 1, name: `Richiesta di assistenza n. ${first.number}` }).waitFor();
    first.id = new URL(page.url()).pathname.split('/').pop()!;
    await expect(factText(page, 'Stato')).resolves.toBe('Nuova');
    await expect(factText(page, 'Codice fiscale')).resolves.toBe(CITIZEN_FISCAL_CODE);
    await expect(factText(page, 'Come riceve le note pubbliche')).resolves.toBe('Per e-mail (ha inviato la richiesta senza accedere)');
    const download = page.getByRole('link', { name: /^Scarica referto\.pdf/ });
    const file = await page.context().request.get((await download.getAttribute('href'))!);
    expect((await file.body()).equals(samplePdf('Foglio di ritiro'))).toBe(true);
    await expectAccessible(page, 'dettaglio richiesta');
    await shot(page, 'dettaglio');

    // "OPERATORE" + "Aggiorna": to Sara Villa, then back to himself.
    await assignmentPanel(page).getByLabel('OPERATORE').selectOption({ label: 'Sara Villa' });
    await assignmentPanel(page).getByRole('button', { name: 'Aggiorna' }).click();
    await page.getByText(`Richiesta n. ${first.number} assegnata a Sara Villa.`).waitFor();
    await expect(factText(page, 'Assegnatario')).resolves.toBe('Sara Villa');
    await expect(factText(page, 'Stato')).resolves.toBe('In lavorazione');
    await assignmentPanel(page).getByLabel('OPERATORE').selectOption({ label: 'Paolo Colombo' });
    await assignmentPanel(page).getByRole('button', { name: 'Aggiorna' }).click();
    await page.getByText(`Richiesta n. ${first.number} assegnata a Paolo Colombo.`).waitFor();
    await expect(factText(page, 'Assegnatario')).resolves.toBe('Paolo Colombo');

    // A private note: the lock left closed, the editor says so.
    const panel = updatePanel(page);
    const lock = panel.getByRole('button', { name: 'Nota pubblica' });
    await expect(lock.getAttribute('aria-pressed')).resolves.toBe('false');
    await panel.getByLabel('Nota', { exact: true }).fill(PRIVATE_NOTE);
    await panel.getByText('Nota privata: la leggeranno solo gli operatori.').waitFor();
    await panel.getByRole('button', { name: 'Aggiorna' }).click();
    await page.getByText(`Richiesta n. ${first.number} aggiornata.`).waitFor();
    await page.getByRole('article', { name: /^Privata – solo operatori, Paolo Colombo/ }).getByText(PRIVATE_NOTE).waitFor();
    expect(await outboxFor(app, CITIZEN.email)).toEqual([{ channel: 'email', template: 'helpdesk-request-received' }]);

    // A public note: the lock pressed, the outline grey, the recipient said; then the confirmation.
    await panel.getByLabel('Nota', { exact: true }).fill(QUESTION);
    await lock.click();
    await expect(lock.getAttribute('aria-pressed')).resolves.toBe('true');
    await panel.getByText(`Nota pubblica: il cittadino riceverà questa nota per e-mail (${CITIZEN.email}).`).waitFor();
    // The outline: grey and solid when public, dashed when private (polled: the colour has a CSS transition).
    const outline = () => panel.getByLabel('Nota', { exact: true }).evaluate((e) => `${getComputedStyle(e).borderTopStyle} ${getComputedStyle(e).borderTopColor}`);
    await expect.poll(outline).toBe('solid rgb(102, 102, 102)');
    await lock.click();
    await expect.poll(outline).toMatch(/^dashed /);
    await lock.click();
    await expect.poll(outline).toBe('solid rgb(102, 102, 102)');
    await panel.getByLabel('STATO').selectOption({ label: 'In attesa di informazioni da utente' });
    await expectAccessible(page, 'nota pubblica');
    await shot(page, 'nota-pubblica');
    await panel.getByRole('button', { name: 'Aggiorna' }).click();
    const confirm = page.getByRole('dialog', { name: 'Conferma l’invio al cittadino' });
    await confirm.getByText(`Stai inviando al cittadino Anna Neri questa nota per e-mail, all’indirizzo ${CITIZEN.email}.`).waitFor();
    await confirm.getByText('Lo stato passerà da «In lavorazione» a «In attesa di informazioni da utente».').waitFor();
    await expectAccessible(page, 'Conferma l’invio al cittadino');
    await shot(page, 'conferma-invio');
    await confirm.getByRole('button', { name: 'Invia al cittadino' }).click();
    await page.getByText(`Richiesta n. ${first.number} aggiornata: la nota è stata inviata al cittadino per e-mail.`).waitFor();
    await expect(factText(page, 'Stato')).resolves.toBe('In attesa di informazioni da utente');
    await page.getByRole('article', { name: /^Pubblica – inviata al cittadino, Paolo Colombo/ }).getByText(QUESTION).waitFor();
    await expectAccessible(page, 'richiesta in attesa');

    const emails = await awaitEmails(app, CITIZEN.email, 2);
    expect(emails).toHaveLength(2);
    expect(emails[1]!.subject).toBe(`Richiesta di assistenza n. ${first.number}: nuovo messaggio (In attesa di informazioni da utente)`);
    expect(emails[1]!.text).toContain(QUESTION);
    expect(emails[1]!.text).not.toContain(PRIVATE_NOTE);
    first.link = threadLinkOf(emails[1]!.text);
  });

  it('the citizen opens the link of the e-mail, reads the public note only and answers: the request is back "In lavorazione"', async () => {
    const page = await citizenThread(first.link);
    await page.getByText('Stato: In attesa di informazioni da utente', { exact: true }).waitFor();
    await page.getByText('L’assistenza ti ha chiesto altre informazioni: rispondi qui sotto.').waitFor();
    await page.getByText(QUESTION).waitFor();
    await page.getByText('Assistenza ASL Napoli 1 Centro').waitFor();
    await expect(page.getByText(PRIVATE_NOTE).count()).resolves.toBe(0);
    await expect(page.getByText('Paolo Colombo').count()).resolves.toBe(0);
    await page.getByRole('link', { name: /^Scarica referto\.pdf/ }).waitFor();
    await expectAccessible(page, 'richiesta dal collegamento');
    await shot(page, 'cittadino-collegamento');

    const answer = page.getByRole('region', { name: 'Rispondi' });
    await answer.getByLabel('La tua risposta *').fill(ANSWER);
    await answer.getByRole('button', { name: 'Invia la risposta' }).click();
    await page.getByText('Risposta inviata. La trovi qui sopra, tra i messaggi.').waitFor();
    await page.getByText('Stato: In lavorazione', { exact: true }).waitFor();
    await page.getByText(ANSWER).waitFor();
    await expectAccessible(page, 'risposta inviata');
    await shot(page, 'cittadino-risposta');
    await page.context().close();

    await paolo.reload();
    await paolo.getByRole('heading', { level: 1, name: `Richiesta di assistenza n. ${first.number}` }).waitFor();
    await expect(factText(paolo, 'Stato')).resolves.toBe('In lavorazione');
    await paolo.getByRole('article', { name: /^Messaggio del cittadino, Il cittadino/ }).getByText(ANSWER).waitFor();
  });

  it(`"Risolto" with its reason; ${CLOSE_AFTER_DAYS} days later the closing job makes it "Chiuso" for the operator and the citizen`, async () => {
    const page = paolo;
    await noteToCitizen(page, RESOLUTION, 'Risolto', 'conferma risolto');
    await page.getByText(`Richiesta n. ${first.number} aggiornata: la nota è stata inviata al cittadino per e-mail.`).waitFor();
    await expect(factText(page, 'Stato')).resolves.toBe('Risolto');
    const emails = await awaitEmails(app, CITIZEN.email, 3);
    expect(emails[2]!.subject).toBe(`Richiesta di assistenza n. ${first.number}: nuovo messaggio (Risolto)`);
    expect(emails[2]!.text).toContain(RESOLUTION);

    // Not before the days have passed; then the job closes it, as the system.
    await app.simulatedClock.advance(CLOSE_AFTER_DAYS * 86_400 - 3_600, paoloId);
    expect(await runClosingJob(app)).toBe(0);
    await app.simulatedClock.advance(2 * 3_600, paoloId);
    expect(await runClosingJob(app)).toBe(1);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Richiesta di assistenza n. ${first.number}` }).waitFor();
    await expect(factText(page, 'Stato')).resolves.toBe('Chiuso');
    await updatePanel(page).getByText('La richiesta è «Chiuso»: lo stato non può più essere cambiato, puoi solo aggiungere una nota.').waitFor();
    await page.getByRole('table', { name: `Storico della richiesta n. ${first.number}` }).getByRole('row', { name: /Stato.*Risolto.*Chiuso.*Sistema/ }).waitFor();
    await expectAccessible(page, 'richiesta chiusa, operatore');
    await shot(page, 'chiusa-operatore');

    const citizen = await citizenThread(first.link);
    await citizen.getByText('Stato: Chiuso', { exact: true }).waitFor();
    await citizen.getByText(RESOLUTION).waitFor();
    await citizen.getByText('La richiesta è chiusa: per un nuovo problema invia una nuova richiesta.').waitFor();
    await expect(citizen.getByRole('button', { name: 'Invia la risposta' }).count()).resolves.toBe(0);
    await expectAccessible(citizen, 'richiesta chiusa, cittadino');
    await shot(citizen, 'chiusa-cittadino');
    await citizen.context().close();
    await app.simulatedClock.set(null, paoloId);
  });

  it('a request "Non di competenza" leaves the agency’s queue for the regional desk, with its note; the citizen receives nothing', async () => {
    // Giovanni Ferrari files it signed in with SPID: his data filled in.
    const citizen = await (await newContext(browser, app)).newPage();
    await signInWithSpid(citizen, `${GIOVANNI.givenName} ${GIOVANNI.familyName}`);
    await citizen.getByRole('heading', { level: 1, name: 'Area personale' }).waitFor();
    await expectAccessible(citizen, 'Area personale');
    await citizen.getByRole('contentinfo').getByRole('link', { name: 'Assistenza', exact: true }).click();
    await citizen.getByRole('heading', { level: 1, name: 'Nuova richiesta di assistenza' }).waitFor();
    await expect(citizen.getByLabel('Codice fiscale *').inputValue()).resolves.toBe(GIOVANNI.fiscalCode);
    await expect(citizen.getByLabel('Email *').inputValue()).resolves.toBe(GIOVANNI.email);
    await citizen.getByLabel('Servizio *').selectOption({ label: 'Scelta e revoca del medico' });
    await citizen.getByLabel('Ruolo *').selectOption({ label: 'Cittadino' });
    await citizen.getByLabel('Recapito telefonico *').fill(GIOVANNI.mobilePhone);
    await citizen.getByLabel('ASR di competenza *').selectOption({ label: 'ASL Napoli 1 Centro' });
    await citizen.getByLabel('Tipologia *').selectOption({ label: 'Altro' });
    await citizen.getByLabel('Descrizione della richiesta *').fill('Devo cambiare il medico di base ma risiedo per lavoro in Lombardia.');
    await expectAccessible(citizen, 'Nuova richiesta, con SPID');
    await citizen.getByRole('button', { name: 'INVIA' }).click();
    const done = citizen.getByRole('heading', { level: 2, name: /^La tua richiesta n\. \d+ è stata inviata\.$/ });
    await done.waitFor();
    second.number = Number(/n\. (\d+)/.exec(await done.innerText())![1]);
    await awaitEmails(app, GIOVANNI.email, 1);

    // Paolo Colombo: "Non di competenza" with its note, confirmed as going to the regional desk.
    const operator = paolo;
    await operator.getByRole('link', { name: 'Torna alle richieste' }).click();
    await operator.getByRole('link', { name: `Richiesta n. ${second.number} di Giovanni Ferrari` }).click();
    await operator.getByRole('heading', { level: 1, name: `Richiesta di assistenza n. ${second.number}` }).waitFor();
    second.id = new URL(operator.url()).pathname.split('/').pop()!;
    await expect(factText(operator, 'Come riceve le note pubbliche')).resolves.toBe('Nella sua area personale (ha inviato la richiesta con SPID o CIE)');
    const panel = updatePanel(operator);
    await panel.getByLabel('STATO').selectOption({ label: 'Non di competenza' });
    await panel.getByLabel('Nota', { exact: true }).fill(NOT_OURS);
    await panel.getByRole('button', { name: 'Nota pubblica' }).click();
    await panel.getByText('La nota andrà all’assistenza regionale, non al cittadino.').waitFor();
    await expectAccessible(operator, 'nota per l’assistenza regionale');
    await shot(operator, 'non-di-competenza');
    await panel.getByRole('button', { name: 'Aggiorna' }).click();
    const confirm = operator.getByRole('dialog', { name: 'Conferma l’inoltro all’assistenza regionale' });
    await confirm.getByText(`Stai inoltrando la richiesta n. ${second.number} all’assistenza regionale con questa nota. Il cittadino non la riceverà.`).waitFor();
    await expectAccessible(operator, 'Conferma l’inoltro all’assistenza regionale');
    await shot(operator, 'conferma-inoltro');
    await confirm.getByRole('button', { name: 'Inoltra all’assistenza regionale' }).click();
    await operator.getByRole('heading', { level: 1, name: 'Richieste di assistenza' }).waitFor();
    await operator
      .getByText(`Richiesta n. ${second.number} inoltrata all’assistenza regionale come «Non di competenza»: non è più nella coda della tua azienda.`)
      .waitFor();
    await operator.getByRole('link', { name: `Richiesta n. ${first.number} di Anna Neri` }).waitFor();
    // The list may show the cached queue for a moment while it is read again.
    await operator.getByRole('link', { name: `Richiesta n. ${second.number} di Giovanni Ferrari` }).waitFor({ state: 'detached' });
    await expectAccessible(operator, 'coda dopo l’inoltro');
    await operator.goto(`/assistenza/operatori/richieste/${second.id}`);
    await operator.getByRole('heading', { level: 1, name: 'Pagina non trovata' }).waitFor();
    await expectAccessible(operator, 'richiesta inoltrata, non più dell’ASL');

    // Stefano De Luca, the regional desk: the request and the note.
    const region = await openOperatorQueue(browser, app, 'assistenza.regione', 'Regione Campania', 'Assistenza regionale: richieste non di competenza delle ASR');
    await region.getByRole('link', { name: `Richiesta n. ${second.number} di Giovanni Ferrari` }).click();
    await region.getByRole('heading', { level: 1, name: `Richiesta di assistenza n. ${second.number}` }).waitFor();
    await expect(factText(region, 'Stato')).resolves.toBe('Non di competenza');
    await expect(factText(region, 'ASR di competenza')).resolves.toBe('ASL Napoli 1 Centro');
    await expect(factText(region, 'In carico a')).resolves.toBe('Regione Campania');
    await region.getByRole('article', { name: /^Nota per l’assistenza regionale, Paolo Colombo/ }).getByText(NOT_OURS).waitFor();
    await region.getByRole('region', { name: 'Invia a un’altra ASR' }).waitFor();
    await expectAccessible(region, 'richiesta all’assistenza regionale');
    await shot(region, 'assistenza-regionale');
    await region.context().close();

    // The citizen: only the "ricevuta" e-mail, no notification, no note in his thread.
    const giovanniId = (await app.database.pool.query('SELECT id FROM users WHERE fiscal_code = $1', [GIOVANNI.fiscalCode])).rows[0].id;
    expect(await outboxFor(app, GIOVANNI.email)).toEqual([{ channel: 'email', template: 'helpdesk-request-received' }]);
    expect(await outboxFor(app, giovanniId)).toEqual([]);
    await app.worker.drain();
    expect((await emailsTo(app, GIOVANNI.email)).map((e) => e.subject)).toEqual([`Richiesta di assistenza n. ${second.number} ricevuta`]);
    await citizen.goto('/assistenza/mie-richieste');
    await citizen.getByRole('heading', { level: 1, name: 'Le mie richieste di assistenza' }).waitFor();
    // The forwarding is internal routing: for him the request is still being worked on.
    await citizen.getByRole('row').filter({ hasText: `n. ${second.number}` }).filter({ hasText: 'In lavorazione' }).waitFor();
    await expectAccessible(citizen, 'Le mie richieste di assistenza');
    await citizen.getByRole('link', { name: `n. ${second.number}`, exact: true }).click();
    await citizen.getByRole('heading', { level: 1, name: `Richiesta n. ${second.number}` }).waitFor();
    expect(new URL(citizen.url()).pathname).toBe(`/assistenza/mie-richieste/${second.id}`);
    await citizen.getByText('Stato: In lavorazione', { exact: true }).waitFor();
    await citizen.getByText('Non ci sono ancora risposte: l’assistenza ti scriverà qui e per email.').waitFor();
    await expect(citizen.getByText(NOT_OURS).count()).resolves.toBe(0);
    await citizen.getByRole('button', { name: 'Notifiche, nessuna non letta' }).waitFor();
    await expectAccessible(citizen, 'la richiesta vista dal cittadino');
    await shot(citizen, 'cittadino-non-di-competenza');
    await citizen.context().close();
  });

  it('an operator of ASL Caserta sees none of ASL Napoli 1 Centro’s requests', async () => {
    const page = await openOperatorQueue(browser, app, 'operatore.asl.caserta', 'ASL Caserta');
    await page.getByText('Non ci sono richieste di assistenza in questo stato.').waitFor();
    await expect(page.getByRole('link', { name: /^Richiesta n\. / }).count()).resolves.toBe(0);
    await shot(page, 'coda-caserta');
    await page.goto(`/assistenza/operatori/richieste/${first.id}`);
    await page.getByRole('heading', { level: 1, name: 'Pagina non trovata' }).waitFor();
    await expect(page.getByText(CITIZEN_FISCAL_CODE).count()).resolves.toBe(0);
    await expectAccessible(page, 'richiesta di un’altra ASR');
    await page.context().close();
  });

  it('Sara Villa, supervisor, was told of the assignment and opens "Supervisione assistenza" with the figures', async () => {
    const page = await (await newContext(browser, app)).newPage();
    await signInWithCredentials(page, 'supervisore.asl');
    await page.getByRole('heading', { level: 1, name: 'ASL Napoli 1 Centro' }).waitFor();
    await expectAccessible(page, 'home della supervisora');
    await page.getByRole('button', { name: 'Notifiche, 1 non letta' }).click();
    await page.getByRole('region', { name: 'Notifiche' }).getByText(`Ti è stata assegnata la richiesta n. ${first.number}`, { exact: false }).first().waitFor();
    await expectAccessible(page, 'notifica di assegnazione');
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Supervisione SOL Assistenza' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Supervisione assistenza' }).waitFor();
    await page.getByRole('heading', { name: 'Richieste aperte per stato' }).waitFor();
    // Both requests were addressed to this agency: the forwarded one still counts, open at the region.
    const openFigure = (status: string) => page.locator('.sportello-panel').filter({ has: page.getByText(status, { exact: true }) }).locator('.helpdesk-figure');
    await expect(openFigure('Non di competenza').innerText()).resolves.toBe('1');
    await expect(openFigure('Nuova').innerText()).resolves.toBe('0');
    await page.getByRole('img', { name: /^Richieste ricevute e risolte per settimana.*: 2 richieste ricevute e 1 risolte in tutto\./ }).waitFor();
    await page.getByRole('table', { name: 'Richieste ricevute e risolte per settimana', exact: true }).waitFor();
    await expectAccessible(page, 'Supervisione assistenza');
    await shot(page, 'supervisione');
    await page.context().close();
  });
});
