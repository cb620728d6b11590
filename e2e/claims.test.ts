import { readFile } from 'node:fs/promises';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../server/src/core/documents/documents.samples.js';
import { DEMO_PEOPLE } from '../server/src/demo/identities.js';
import { validatePain001 } from '../server/src/modules/claims/review/pain001-schema.testing.js';
import type { TestApp } from '../server/test/test-app.js';
import { expectAccessible, launchChromium, newContext, startAppWithWeb } from './browser.js';
import { type ClaimsJourney, euro, groupedIban, italianIban, seedClaimsJourney } from './claims-fixture.js';

/**
 * "Istanza di rimborso" and its evaluation (seed 000 §09), by the manual's labels, with the
 * "Data simulata": in March the window is closed; on 15 April the merchant files the claim,
 * corrects the IBAN; the region asks for an integration, the merchant downloads the template and
 * sends the PDF; the region approves and forwards it for the payment decree and downloads the
 * pain.001. A second claim in the quadrimestre and a claim in March are refused; one e-mail per
 * change of status; another merchant sees none of it.
 */

let app: TestApp;
let browser: Browser;
let data: ClaimsJourney;
let claimId: string;
let claimNumber: number;

const FIRST_IBAN = 'IT60X0542811101000000123456';
const NEW_IBAN = italianIban('03069', '09606', '100000012345');
const DEBTOR_IBAN = italianIban('01030', '03400', '000001234567');
const CLAIM_EMAIL = 'amministrazione@babystore-caserta.example.it';
const OWNER_EMAIL = DEMO_PEOPLE.secondMerchantOwner.email;

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppWithWeb(), launchChromium()]);
  data = await seedClaimsJourney(app);
});
afterAll(async () => {
  await app?.simulatedClock.set(null, '00000000-0000-0000-0000-000000000000').catch(() => {});
  await browser?.close();
  await app?.close();
});

/** The "Data simulata" at this Rome wall-clock instant (with its offset). */
const setClock = (at: string) => app.simulatedClock.set(new Date(at), data.adminId);

async function signInWithSpid(page: Page, who: string) {
  await page.goto('/accedi');
  await page.getByRole('link', { name: 'Entra con SPID' }).click();
  await page.getByRole('button', { name: `Entra come ${who}` }).click();
}
const fullName = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

/** E2E_SCREENSHOTS=dir keeps a picture of each step, to look at the pages. */
async function shot(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/claims-${name}.png`, fullPage: true });
}

/** The value shown under a label of the read-only data ("Importo rimborso" → "1.250,00 €"). */
function fact(page: Page, label: string) {
  return page
    .locator('dt')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');
}
const factText = async (page: Page, label: string) => (await fact(page, label).innerText()).trim();

async function downloaded(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}

/** POST /api/claims from the page, as the web client sends it (session cookie, CSRF header). */
async function fileClaimFromPage(page: Page, body: { regionStructureId: string; iban: string; email: string }) {
  return page.evaluate(async (claim) => {
    const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
    const response = await fetch('/api/claims', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      credentials: 'same-origin',
      body: JSON.stringify(claim),
    });
    return { status: response.status, body: (await response.json()) as { code?: string; detail?: string } };
  }, body);
}

async function emailSubjects(to: string): Promise<string[]> {
  const response = await fetch(`${app.baseUrl}/api/demo/inbox?to=${encodeURIComponent(to)}`);
  const inbox = (await response.json()) as { emails: { subject: string }[] };
  return inbox.emails.map((m) => m.subject);
}

/** The e-mails to an address once the outbox worker has delivered `count` of them. */
async function awaitEmails(to: string, count: number): Promise<string[]> {
  const until = Date.now() + 15_000;
  for (;;) {
    const subjects = await emailSubjects(to);
    if (subjects.length >= count) return subjects;
    if (Date.now() > until) throw new Error(`only ${subjects.length} e-mails to ${to}: ${subjects.join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Istanza di rimborso, from the merchant to the payment decree', () => {
  it('files in April only, corrects the IBAN, integrates, is approved and forwarded; the pain.001 and the e-mails follow', async () => {
    const { year } = data;
    const claimedCents = data.claimed.reduce((sum, p) => sum + p.cents, 0);
    const merchant = await (await newContext(browser, app)).newPage();

    // 1. 20 March: the window of the 1st quadrimestre is not open yet.
    await setClock(`${year}-03-20T10:00:00+01:00`);
    await signInWithSpid(merchant, fullName(DEMO_PEOPLE.secondMerchantOwner));
    await merchant.getByRole('heading', { level: 1, name: 'Baby Store Caserta' }).waitFor();
    await merchant.getByRole('link', { name: 'Istanza di rimborso' }).first().click();
    await merchant.getByRole('heading', { level: 1, name: 'Istanza di rimborso' }).waitFor();
    await merchant.getByText('Non ci sono ancora istanze di rimborso per questa struttura.').waitFor();
    const addButton = merchant.getByRole('button', { name: 'Inserisci una nuova istanza' });
    await expect(addButton.isDisabled()).resolves.toBe(true);
    await merchant.getByText(`Le istanze del 1° quadrimestre ${year} si possono inserire dal 01/04/${year} al 30/04/${year}.`).waitFor();
    await expect(addButton.getAttribute('aria-describedby')).resolves.toBe('new-claim-reason');
    await expectAccessible(merchant, 'Istanza di rimborso, finestra chiusa');
    await shot(merchant, 'marzo');

    await merchant.getByRole('button', { name: 'Legenda dei periodi' }).click();
    const legend = merchant.getByRole('dialog', { name: 'Legenda dei periodi' });
    await legend.getByRole('row', { name: /1° quadrimestre.*gennaio – aprile/ }).waitFor();
    await legend.getByText(/un’unica istanza di rimborso per quadrimestre durante l’ultimo mese/).waitFor();
    await expectAccessible(merchant, 'Legenda dei periodi');
    await shot(merchant, 'legenda');
    await legend.getByRole('button', { name: 'Chiudi' }).last().click();
    await legend.waitFor({ state: 'detached' });

    // A claim in March is refused by the server too.
    const inMarch = await fileClaimFromPage(merchant, { regionStructureId: data.regionId, iban: FIRST_IBAN, email: CLAIM_EMAIL });
    expect(inMarch.status).toBe(409);
    expect(inMarch.body.detail).toBe(`Le istanze del 1° quadrimestre ${year} si possono inserire dal 01/04/${year} al 30/04/${year}.`);

    // 2. 15 April: "Inserisci una nuova istanza" → "Inserimento rimborso".
    await setClock(`${year}-04-15T10:00:00+02:00`);
    await merchant.reload();
    await merchant.getByText(`Puoi inserire l’istanza del 1° quadrimestre ${year} (gennaio – aprile) fino al 30/04/${year}.`).waitFor();
    await merchant.getByRole('link', { name: 'Inserisci una nuova istanza' }).click();
    await merchant.getByRole('heading', { level: 2, name: 'Inserimento rimborso' }).waitFor();
    await expect(factText(merchant, 'Data di riferimento di inizio transazioni')).resolves.toBe(`03/03/${year}`);
    await expect(factText(merchant, 'Data di riferimento di fine transazioni')).resolves.toBe(`19/03/${year}`);
    // The cancelled purchase and the other merchant's are left out.
    expect(claimedCents).toBe(125000);
    await expect(factText(merchant, 'Importo rimborso')).resolves.toBe('1.250,00 €');
    await expect(factText(merchant, 'Numero di transazioni')).resolves.toBe('3');
    await merchant.getByRole('heading', { level: 2, name: 'Elenco transazioni' }).waitFor();
    const draftRows = merchant.getByRole('table', { name: 'Transazioni da rimborsare' }).getByRole('row');
    await draftRows.filter({ hasText: euro(103460) }).waitFor();
    await expect(draftRows.count()).resolves.toBe(4);
    await expect(merchant.getByText(euro(data.cancelledCents)).count()).resolves.toBe(0);
    await expect(merchant.getByText(euro(data.otherMerchantCents)).count()).resolves.toBe(0);
    await expectAccessible(merchant, 'Inserimento rimborso');
    await shot(merchant, 'inserimento-rimborso');

    // A mistyped IBAN (one digit changed) is refused on its field.
    const typo = `${FIRST_IBAN.slice(0, -1)}${FIRST_IBAN.endsWith('7') ? '8' : '7'}`;
    await merchant.getByLabel('IBAN').fill(typo);
    await merchant.getByLabel('Email').fill(CLAIM_EMAIL);
    await merchant.getByRole('button', { name: 'Conferma e salva' }).click();
    await merchant.getByText('IBAN non valido: le cifre di controllo non corrispondono (controlla di averlo copiato correttamente).').waitFor();
    await expect(merchant.getByLabel('IBAN').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(merchant, 'Inserimento rimborso con IBAN errato');
    await shot(merchant, 'iban-errato');

    await merchant.getByLabel('IBAN').fill(groupedIban(FIRST_IBAN));
    await merchant.getByRole('button', { name: 'Conferma e salva' }).click();
    const title = merchant.getByRole('heading', { level: 1, name: /^Istanza di rimborso n\. \d+$/ });
    await title.waitFor();
    claimNumber = Number((await title.innerText()).replace(/\D+/g, ''));
    claimId = new URL(merchant.url()).pathname.split('/').pop()!;
    await merchant.getByText(`Istanza di rimborso n. ${claimNumber} inserita. Riceverai un’email a ogni cambio di stato.`).waitFor();
    await expect(factText(merchant, 'Stato')).resolves.toBe('Da valutare');
    await expect(factText(merchant, 'Importo rimborso')).resolves.toBe('1.250,00 €');
    await expect(factText(merchant, 'IBAN')).resolves.toBe(groupedIban(FIRST_IBAN));
    await expect(factText(merchant, 'Email')).resolves.toBe(CLAIM_EMAIL);
    await expect(factText(merchant, 'Periodo di riferimento')).resolves.toBe(`1° quadrimestre ${year} (gennaio – aprile)`);
    await expectAccessible(merchant, 'Istanza di rimborso, dettaglio');
    await shot(merchant, 'dettaglio');

    // A transaction's detail, from "Elenco transazioni".
    await merchant.getByRole('button', { name: new RegExp(`Dettaglio della transazione del .* di ${euro(12550)}`) }).click();
    const transaction = merchant.getByRole('dialog', { name: 'Dettaglio della transazione' });
    await transaction.getByText('VS-E2E-IST-0001').waitFor();
    await transaction.getByText('Nessuno scontrino allegato.').waitFor();
    await expectAccessible(merchant, 'Dettaglio della transazione');
    await transaction.getByRole('button', { name: 'Chiudi' }).last().click();
    await transaction.waitFor({ state: 'detached' });

    // 3. A second claim in the quadrimestre: the button is disabled, the direct page and the API refuse it.
    const alreadyFiled =
      `Hai già inserito l'istanza di rimborso del 1° quadrimestre ${year} (n. ${claimNumber}): se ne può inserire una sola per quadrimestre. ` +
      `La prossima si potrà inserire dal 01/08/${year} al 31/08/${year}.`;
    await merchant.getByRole('navigation', { name: /percorso|breadcrumb/i }).getByRole('link', { name: 'Istanza di rimborso' }).click();
    await merchant.getByRole('heading', { level: 2, name: 'Elenco istanze di rimborso' }).waitFor();
    await merchant.getByText(alreadyFiled).waitFor();
    await expect(merchant.getByRole('button', { name: 'Inserisci una nuova istanza' }).isDisabled()).resolves.toBe(true);
    const listRow = merchant.getByRole('row').filter({ hasText: `n. ${claimNumber}` });
    await expect(listRow.innerText()).resolves.toMatch(new RegExp(`1\\.250,00 €[\\s\\S]*1° quadrimestre ${year}[\\s\\S]*Da valutare[\\s\\S]*15/04/${year}`));
    await expectAccessible(merchant, 'Elenco istanze di rimborso');
    await shot(merchant, 'elenco');

    const second = await fileClaimFromPage(merchant, { regionStructureId: data.regionId, iban: FIRST_IBAN, email: CLAIM_EMAIL });
    expect(second.status).toBe(409);
    expect(second.body.detail).toBe(alreadyFiled);
    await merchant.goto('/istanze-rimborso/nuova');
    await merchant.getByRole('heading', { level: 1, name: 'Inserisci una nuova istanza' }).waitFor();
    await merchant.getByText(alreadyFiled).waitFor();
    await expect(merchant.getByRole('button', { name: 'Conferma e salva' }).count()).resolves.toBe(0);
    await expectAccessible(merchant, 'Inserisci una nuova istanza, già inserita');

    // 4. "Rettifica" from the actions menu: a new IBAN.
    await merchant.goBack();
    await merchant.getByRole('button', { name: `Azioni per l’istanza n. ${claimNumber}` }).click();
    await expectAccessible(merchant, 'menù azioni aperto');
    await expect(merchant.getByRole('menuitem').allInnerTexts()).resolves.toEqual(['Dettaglio', 'Rettifica', 'Annulla istanza']);
    await merchant.getByRole('menuitem', { name: 'Rettifica' }).click();
    await merchant.getByRole('heading', { level: 1, name: 'Rettifica' }).waitFor();
    await expect(merchant.getByLabel('IBAN').inputValue()).resolves.toBe(groupedIban(FIRST_IBAN));
    await expectAccessible(merchant, 'Rettifica');
    await shot(merchant, 'rettifica');
    await merchant.getByLabel('IBAN').fill(NEW_IBAN);
    await merchant.getByRole('button', { name: 'Salva' }).click();
    await merchant.getByText(`Rettifica dell’istanza n. ${claimNumber} salvata.`).waitFor();
    await merchant.getByRole('heading', { level: 1, name: `Istanza di rimborso n. ${claimNumber}` }).waitFor();
    await expect(factText(merchant, 'IBAN')).resolves.toBe(groupedIban(NEW_IBAN));
    await expect(factText(merchant, 'Stato')).resolves.toBe('Da valutare');
    // The confirmation is news once: a reload does not announce it again.
    await merchant.reload();
    await merchant.getByRole('heading', { level: 1, name: `Istanza di rimborso n. ${claimNumber}` }).waitFor();
    await expect(merchant.getByText(`Rettifica dell’istanza n. ${claimNumber} salvata.`).count()).resolves.toBe(0);

    // 5. The region, in its own browser: the queue, the claim, "Richiedi integrazione".
    const region = await (await newContext(browser, app)).newPage();
    await signInWithSpid(region, fullName(DEMO_PEOPLE.regionOperator));
    await region.getByRole('heading', { level: 1, name: 'Regione Campania' }).waitFor();
    await region.getByRole('link', { name: 'Valutazione istanze di rimborso' }).first().click();
    await region.getByRole('heading', { level: 1, name: 'Istanze di rimborso da valutare' }).waitFor();
    const queueLink = region.getByRole('link', { name: `Istanza N. ${claimNumber} di Baby Store Caserta` });
    await queueLink.waitFor();
    await expect(region.getByRole('row').filter({ has: queueLink }).innerText()).resolves.toMatch(/1\.250,00 €[\s\S]*3[\s\S]*Da valutare/);
    await expectAccessible(region, 'Istanze di rimborso da valutare');
    await shot(region, 'coda');
    await queueLink.click();
    await region.getByRole('heading', { level: 1, name: `Istanza di rimborso N. ${claimNumber}` }).waitFor();
    await expect(factText(region, 'IBAN')).resolves.toBe(NEW_IBAN);
    await expect(factText(region, 'Importo del rimborso')).resolves.toBe('1.250,00 €');
    await expectAccessible(region, 'Istanza di rimborso, valutazione');
    await shot(region, 'valutazione');

    const requestText = 'Inviare gli scontrini delle transazioni del 3 e del 19 marzo.';
    await region.getByRole('button', { name: 'Richiedi integrazione' }).click();
    const integration = region.getByRole('dialog', { name: 'Richiedi integrazione' });
    await integration.getByLabel('Documentazione richiesta').fill(requestText);
    await integration.getByLabel('Termine per l’integrazione').fill(`${year}-04-30`);
    await expectAccessible(region, 'Richiedi integrazione');
    await shot(region, 'richiedi-integrazione');
    await integration.getByRole('button', { name: 'Richiedi integrazione' }).click();
    await region.getByText(`Integrazione richiesta per l’istanza N. ${claimNumber}, entro il 30/04/${year}.`).waitFor();
    await expect(factText(region, 'Stato')).resolves.toBe('Da integrare');

    // 6. The merchant: "Integrazione", "Download Template", "Upload del documento (pdf)", "Integra documentazione".
    await merchant.reload();
    await merchant.getByRole('heading', { level: 2, name: 'Integrazione' }).waitFor();
    await expect(factText(merchant, 'Stato')).resolves.toBe('Da integrare');
    await expect(factText(merchant, 'Richiesta della regione')).resolves.toBe(requestText);
    await expect(factText(merchant, 'Da integrare entro il')).resolves.toBe(`30/04/${year}`);
    await expectAccessible(merchant, 'Istanza da integrare');
    await shot(merchant, 'da-integrare');

    const [template] = await Promise.all([merchant.waitForEvent('download'), merchant.getByRole('link', { name: 'Download Template' }).click()]);
    expect(template.suggestedFilename()).toMatch(/\.docx$/);
    expect((await downloaded(template)).subarray(0, 2).toString('latin1')).toBe('PK');

    await merchant.getByLabel('Upload del documento (pdf)').setInputFiles({ name: 'integrazione.pdf', mimeType: 'application/pdf', buffer: samplePdf('Scontrini di marzo') });
    await merchant.getByText('Documento integrazione.pdf caricato.').waitFor();
    await merchant.getByRole('button', { name: 'Integra documentazione' }).click();
    const confirmIntegration = merchant.getByRole('dialog', { name: 'Integra documentazione' });
    await confirmIntegration.getByText(/Vuoi inviare alla regione il documento integrazione\.pdf\?/).waitFor();
    await expectAccessible(merchant, 'Integra documentazione');
    await shot(merchant, 'integra-documentazione');
    await confirmIntegration.getByRole('button', { name: 'Invia integrazione' }).click();
    await merchant.getByText('Documentazione integrata: l’istanza è di nuovo in valutazione.').waitFor();
    await expect(factText(merchant, 'Stato')).resolves.toBe('Da valutare');
    await merchant.getByRole('heading', { level: 2, name: 'Integrazione inviata' }).waitFor();
    await expectAccessible(merchant, 'integrazione inviata');

    // 7. The region approves, then forwards it for the payment decree and downloads the pain.001.
    await region.reload();
    await expect(factText(region, 'Stato')).resolves.toBe('Da valutare');
    await region.getByRole('link', { name: /Scarica integrazione\.pdf/ }).waitFor();
    await region.getByRole('button', { name: 'Approva' }).click();
    const approve = region.getByRole('dialog', { name: 'Approva l’istanza' });
    await approve.getByText(`Approvare l’istanza N. ${claimNumber} di Baby Store Caserta per 1.250,00 €?`, { exact: false }).waitFor();
    await expectAccessible(region, 'Approva l’istanza');
    await approve.getByRole('button', { name: 'Approva' }).click();
    await region.getByText(`Istanza N. ${claimNumber} approvata.`).waitFor();
    await expect(factText(region, 'Stato')).resolves.toBe('Approvata');

    await region.getByRole('link', { name: 'Torna all’elenco delle istanze' }).first().click();
    await region.getByRole('heading', { level: 1, name: 'Istanze di rimborso da valutare' }).waitFor();
    await region.getByRole('group', { name: /Numero di istanze per stato/ }).getByRole('button', { name: /^Approvata/ }).click();
    await region.getByRole('heading', { level: 3, name: 'Inoltro per decreto di pagamento' }).waitFor();
    // The box a person clicks is the checkbox's label (Bootstrap Italia draws it there).
    const select = region.getByLabel(`Seleziona l’istanza N. ${claimNumber} di Baby Store Caserta`);
    await region.locator(`label[for="queue-select-${claimId}"]`).click();
    await expect(select.isChecked()).resolves.toBe(true);
    await region.getByText('1 istanza selezionata, per 1.250,00 €.').waitFor();
    await expectAccessible(region, 'istanze approvate, selezione');
    await shot(region, 'approvate');
    await region.getByRole('button', { name: 'Inoltra per decreto di pagamento' }).click();

    await region.getByRole('heading', { level: 1, name: 'Inoltra per decreto di pagamento' }).waitFor();
    await region.getByRole('table', { name: 'Istanze da inoltrare con il loro importo' }).getByText(NEW_IBAN).waitFor();
    await region.getByLabel('Ordinante', { exact: true }).fill('Regione Campania');
    await region.getByLabel('IBAN dell’ordinante').fill(DEBTOR_IBAN);
    await region.getByLabel('Data di esecuzione', { exact: true }).fill(`${year}-04-20`);
    await expectAccessible(region, 'Inoltra per decreto di pagamento');
    await shot(region, 'inoltra');
    await region.getByRole('button', { name: 'Inoltra per decreto di pagamento' }).click();
    const forward = region.getByRole('dialog', { name: 'Conferma l’inoltro' });
    await forward.getByText(`Inoltrare 1 istanza per 1.250,00 €, con bonifico da Regione Campania il 20/04/${year}?`, { exact: false }).waitFor();
    await expectAccessible(region, 'Conferma l’inoltro');
    await forward.getByRole('button', { name: 'Conferma e inoltra' }).click();

    await region.getByRole('heading', { level: 1, name: 'Decreti di pagamento' }).waitFor();
    await region.getByText(/Inoltro registrato: messaggio .+\. Scarica il file SEPA/).waitFor();
    await expectAccessible(region, 'Decreti di pagamento');
    await shot(region, 'decreti');
    const [sepa] = await Promise.all([region.waitForEvent('download'), region.getByRole('link', { name: /Scarica file SEPA \(pain\.001\)/ }).first().click()]);
    const xml = (await downloaded(sepa)).toString('utf8');
    const validation = await validatePain001(xml);
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);
    expect(xml).toContain('<InstdAmt Ccy="EUR">1250.00</InstdAmt>');
    expect(xml).toContain(`<IBAN>${NEW_IBAN}</IBAN>`);
    expect(xml).toContain(`<IBAN>${DEBTOR_IBAN}</IBAN>`);
    expect(xml).not.toContain(FIRST_IBAN);
    expect(xml).toContain(`<ReqdExctnDt>${year}-04-20</ReqdExctnDt>`);

    await region.goto(`/valutazione-istanze/${claimId}`);
    await region.getByRole('heading', { level: 1, name: `Istanza di rimborso N. ${claimNumber}` }).waitFor();
    await expect(factText(region, 'Stato')).resolves.toBe('Inoltrata per decreto di pagamento');
    await expect(region.getByRole('button', { name: 'Approva' }).count()).resolves.toBe(0);

    // The payment procedure has started: the merchant can no longer withdraw the claim.
    await merchant.reload();
    await expect(factText(merchant, 'Stato')).resolves.toBe('Inoltrata per decreto di pagamento');
    await expect(merchant.getByRole('button', { name: 'Annulla istanza' }).count()).resolves.toBe(0);
    await expectAccessible(merchant, 'istanza inoltrata');
    await shot(merchant, 'inoltrata');
    await merchant.goto('/istanze-rimborso');
    await merchant.getByRole('button', { name: `Azioni per l’istanza n. ${claimNumber}` }).click();
    await expect(merchant.getByRole('menuitem').allInnerTexts()).resolves.not.toContain('Annulla istanza');
    await merchant.keyboard.press('Escape');

    // 8. One e-mail per change of status, to the owner and to the claim's address.
    const expected = ['Da valutare', 'Da integrare', 'Da valutare', 'Approvata', 'Inoltrata per decreto di pagamento']
      .map((status) => `Istanza di rimborso n. ${claimNumber}: ${status}`)
      .sort();
    for (const to of [OWNER_EMAIL, CLAIM_EMAIL]) {
      const subjects = await awaitEmails(to, expected.length);
      expect([...subjects].sort(), `e-mails to ${to}`).toEqual(expected);
    }

    await merchant.context().close();
    await region.context().close();
  });

  it("another merchant's owner sees none of these claims", async () => {
    const page = await (await newContext(browser, app)).newPage();
    await signInWithSpid(page, fullName(DEMO_PEOPLE.merchantOwner));
    // Owner of two structures: he chooses Farmacia Centrale.
    await page.waitForURL('**/seleziona-struttura');
    await page.getByRole('button', { name: /Farmacia Centrale/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Farmacia Centrale' }).waitFor();
    await page.getByRole('link', { name: 'Istanza di rimborso' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Istanza di rimborso' }).waitFor();
    await page.getByText('Non ci sono ancora istanze di rimborso per questa struttura.').waitFor();
    await expectAccessible(page, 'Istanza di rimborso, altro esercente');

    await page.goto(`/istanze-rimborso/${claimId}`);
    // The module's own "not found" (the server's 404 message), or the app's not-found page.
    await page.getByText('Istanza di rimborso non trovata.').or(page.getByRole('heading', { level: 1, name: 'Pagina non trovata' })).waitFor();
    await expect(page.getByText(`n. ${claimNumber}`).count()).resolves.toBe(0);
    await expect(page.getByText(groupedIban(NEW_IBAN)).count()).resolves.toBe(0);
    await expectAccessible(page, 'istanza di un altro esercente');
    await shot(page, 'non-trovata');
    await page.context().close();
  });
});
