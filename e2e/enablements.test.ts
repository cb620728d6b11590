import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PIN } from '../server/src/demo/identities.js';
import type { TestApp } from '../server/test/test-app.js';
import { expectAccessible, launchChromium, newContext, startAppWithWeb } from './browser.js';

/**
 * The first journey of the manual (seed 000 §01–03): SPID login, "Seleziona Struttura",
 * "Gestione Struttura" → "Gestione delle Abilitazioni", a new employee, his service, his disabling.
 */
let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  [app, browser] = await Promise.all([startAppWithWeb(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function signInWithSpid(page: Page, who: string, provider: 'SPID' | 'CIE' = 'SPID') {
  await page.goto('/accedi');
  await page.getByRole('link', { name: `Entra con ${provider}` }).click();
  await page.getByRole('heading', { name: "Scegli l'identità con cui accedere a Sportello" }).waitFor();
  await page.getByRole('button', { name: `Entra come ${who}` }).click();
}

const marco = DEMO_PEOPLE.newcomer;

describe('Gestione delle Abilitazioni, as the manual tells it', () => {
  it('the owner adds an employee and associates a service; the employee signs in and sees its tile; disabled, he cannot', async () => {
    const owner = await (await newContext(browser, app)).newPage();
    await owner.goto('/');
    await owner.waitForURL('**/accedi');
    await expectAccessible(owner, 'accedi');

    await owner.getByRole('link', { name: 'Entra con SPID' }).click();
    await owner.getByRole('heading', { name: "Scegli l'identità con cui accedere a Sportello" }).waitFor();
    await expectAccessible(owner, 'demo identity provider');
    await owner.getByRole('button', { name: 'Entra come Mario Rossi' }).click();

    // Two structures: he chooses.
    await owner.waitForURL('**/seleziona-struttura');
    await expectAccessible(owner, 'seleziona struttura');
    await owner.getByRole('button', { name: /Farmacia Centrale/ }).click();
    await owner.getByRole('heading', { level: 1, name: 'Farmacia Centrale' }).waitFor();
    await expectAccessible(owner, 'home');
    // The structure stands in the top bar and opens "Seleziona Struttura".
    await expect(owner.getByRole('button', { name: /Farmacia Centrale.*Seleziona Struttura/ }).isVisible()).resolves.toBe(true);

    await owner.getByRole('link', { name: /Gestione struttura/i }).click();
    await owner.getByRole('heading', { level: 1, name: 'Gestione Struttura' }).waitFor();
    await expectAccessible(owner, 'gestione struttura');
    await owner.getByRole('link', { name: /Gestione delle Abilitazioni/ }).click();
    await owner.getByRole('heading', { level: 1, name: 'Gestione delle Abilitazioni' }).waitFor();
    await owner.getByRole('cell', { name: 'Gallo', exact: true }).waitFor();
    await expectAccessible(owner, 'gestione delle abilitazioni');

    // Aggiungi Dipendenti: a wrong check character is refused with the server's message.
    await owner.getByRole('button', { name: 'Aggiungi Dipendenti' }).click();
    const dialog = owner.getByRole('dialog');
    await dialog.getByLabel('Codice Fiscale').fill(`${marco.fiscalCode.slice(0, 15)}${marco.fiscalCode.endsWith('A') ? 'B' : 'A'}`);
    await dialog.getByLabel('Nome', { exact: true }).fill(marco.givenName);
    await dialog.getByLabel('Cognome').fill(marco.familyName);
    await expectAccessible(owner, 'aggiungi dipendenti');
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await dialog.getByText('carattere di controllo').waitFor();
    await expectAccessible(owner, 'aggiungi dipendenti con errore');
    await dialog.getByLabel('Codice Fiscale').fill(marco.fiscalCode);
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await owner.getByRole('cell', { name: 'Fontana', exact: true }).waitFor();
    await owner.getByText('Marco Fontana è stato aggiunto ai dipendenti della struttura.').waitFor();

    // Associa un nuovo servizio from his quick menu.
    await owner.getByRole('button', { name: 'Azioni per Marco Fontana' }).or(owner.getByRole('link', { name: 'Azioni per Marco Fontana' })).click();
    await expectAccessible(owner, 'menù azioni aperto');
    await owner.getByRole('button', { name: 'Associa un nuovo servizio' }).or(owner.getByRole('menuitem', { name: 'Associa un nuovo servizio' })).click();
    await owner.getByRole('dialog').getByLabel('Servizio').selectOption({ label: 'Voucher secondogeniti' });
    await owner.getByRole('dialog').getByRole('button', { name: 'Associa' }).click();
    await owner.getByText('Servizio «Voucher secondogeniti» associato a Marco Fontana.').waitFor();
    await owner.getByRole('row', { name: /Fontana.*Voucher secondogeniti/ }).waitFor();

    // He signs in, in his own browser, and finds the service's tile.
    const employee = await (await newContext(browser, app)).newPage();
    await signInWithSpid(employee, 'Marco Fontana');
    await employee.getByRole('heading', { level: 1, name: 'Farmacia Centrale' }).waitFor();
    await employee.getByText('Voucher secondogeniti').first().waitFor();
    expect(await employee.getByText('Gestione struttura', { exact: true }).count()).toBe(0);

    // The owner disables him: his open page loses its session, and he cannot sign in again.
    await owner.getByRole('button', { name: 'Azioni per Marco Fontana' }).or(owner.getByRole('link', { name: 'Azioni per Marco Fontana' })).click();
    await owner.getByRole('button', { name: "Disabilita l'utenza" }).or(owner.getByRole('menuitem', { name: "Disabilita l'utenza" })).click();
    await owner.getByText("Disabilitare l'utenza di Marco Fontana?").waitFor();
    await expectAccessible(owner, 'conferma disabilitazione');
    await owner.getByRole('dialog').getByRole('button', { name: 'Disabilita' }).click();
    await owner.getByRole('row', { name: /Fontana.*Disabilitato/ }).waitFor();

    await employee.reload();
    await employee.waitForURL('**/accedi');
    await signInWithSpid(employee, 'Marco Fontana');
    await employee.waitForURL('**/accedi?errore=user_disabled');
    await employee.getByText('La tua utenza è disabilitata').waitFor();
    await expectAccessible(employee, 'accedi con errore');
  });

  it('an operator signs in with username, password and PIN; a wrong PIN is refused like a wrong password', async () => {
    const page = await (await newContext(browser, app)).newPage();
    await page.goto('/accedi');
    await page.getByLabel('Username').fill('operatore.asl');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByLabel('PIN').fill('000000');
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.getByText('Credenziali non valide').waitFor();
    await expectAccessible(page, 'accedi con credenziali errate');

    await page.getByLabel('PIN').fill(DEMO_PIN);
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'ASL Napoli 1 Centro' }).waitFor();
    await page.getByText('SOL Assistenza').first().waitFor();
  });

  it('switches identity in the same browser through CIE, and shows a citizen his personal area', async () => {
    const page = await (await newContext(browser, app)).newPage();
    await signInWithSpid(page, 'Giovanni Ferrari', 'CIE');
    await page.getByRole('heading', { level: 1, name: 'Area personale' }).waitFor();
    await page.getByRole('link', { name: 'Le mie richieste di assistenza' }).waitFor();
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.waitForURL('**/accedi');
    await signInWithSpid(page, 'Laura Russo', 'CIE');
    await page.getByRole('heading', { level: 1, name: 'Area personale' }).waitFor();
    await page.getByText('Laura Russo').first().waitFor();
  });

  it('speaks English when asked, documents the API accessibly, and answers unknown pages with "Pagina non trovata"', async () => {
    const page = await (await newContext(browser, app)).newPage();
    await page.goto('/pagina-che-non-esiste');
    await page.getByRole('heading', { name: 'Pagina non trovata' }).waitFor();
    await expectAccessible(page, '404');
    await page.goto('/api/docs');
    await page.getByRole('heading', { level: 1, name: "Documentazione dell'API" }).waitFor();
    await page.getByRole('heading', { name: /POST \/api\/structure\/employees$/ }).waitFor();
    await expectAccessible(page, 'documentazione API');
    await page.goto('/accedi');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: /Sign in with SPID/ }).waitFor();
    await expectAccessible(page, 'accedi in English');
  });
});
