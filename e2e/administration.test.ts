import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PIN } from '../server/src/demo/identities.js';
import { DEMO_ADMIN } from '../server/src/demo/seed.js';
import type { TestApp } from '../server/test/test-app.js';
import { expectAccessible, launchChromium, newContext, startAppWithWeb } from './browser.js';

/**
 * The administrator's tools: "Data simulata" (the banner on every page follows the date) and
 * "Registro attività" (the changes of date and his own login, filtered, with their details).
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

async function signInWithCredentials(page: Page, username: string, pin?: string) {
  await page.goto('/accedi');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  if (pin) await page.getByLabel('PIN').fill(pin);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
}

/** The banner under the header, by its name. */
const banner = (page: Page) => page.getByRole('region', { name: 'Avviso data simulata' });
const goHome = (page: Page) => page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Home' }).click();

describe('Administration', () => {
  it('the administrator moves the date, sees it on every page, goes back to the real date and finds it all in the log', async () => {
    const page = await (await newContext(browser, app)).newPage();
    await signInWithCredentials(page, DEMO_ADMIN.username, DEMO_PIN);

    // He may enter any structure: he chooses one, and finds his tools among the tiles.
    await page.waitForURL('**/seleziona-struttura');
    await page.getByRole('button', { name: /Farmacia Centrale/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Farmacia Centrale' }).waitFor();
    expect(await banner(page).count()).toBe(0);

    // Data simulata: the real date to begin with.
    await page.getByRole('link', { name: 'Data simulata' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data simulata' }).waitFor();
    await page.getByText('Data reale', { exact: true }).waitFor();
    await expectAccessible(page, 'data simulata');

    // 15/04/2027 10:00, Italian (summer) time.
    await page.getByLabel('Data', { exact: true }).fill('2027-04-15');
    await page.getByLabel('Ora', { exact: true }).fill('10:00');
    await page.getByRole('button', { name: 'Imposta data' }).click();
    await page.getByRole('status').getByText('Data simulata impostata: 15/04/2027 10:00.').waitFor();
    expect(app.simulatedClock.now().toISOString()).toBe('2027-04-15T08:00:00.000Z');
    await banner(page).waitFor();
    await expectAccessible(page, 'data simulata impostata');

    // The banner stands on every page, with a way back to the clock.
    await goHome(page);
    await page.getByRole('heading', { level: 1, name: 'Farmacia Centrale' }).waitFor();
    await expect(banner(page).innerText()).resolves.toContain('Data simulata: 15/04/2027 10:00 — le regole che dipendono dal tempo usano questa data.');
    await expectAccessible(page, 'home con data simulata');

    await banner(page).getByRole('link', { name: 'Cambia la data simulata' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data simulata' }).waitFor();
    await page.getByRole('button', { name: 'Avanza di 1 giorno' }).click();
    await page.getByText('Data avanzata: ora è 16/04/2027 10:00.').waitFor();
    await expect(banner(page).innerText()).resolves.toContain('Data simulata: 16/04/2027 10:00');

    // Back to the real date, confirmed: the banner goes.
    await page.getByRole('button', { name: 'Torna alla data reale' }).click();
    const dialog = page.getByRole('dialog', { name: 'Torna alla data reale' });
    await dialog.getByText('Riportare la piattaforma alla data reale?').waitFor({ state: 'visible' });
    await expectAccessible(page, 'conferma data reale');
    await dialog.getByRole('button', { name: 'Torna alla data reale' }).click();
    await page.getByText(/La piattaforma usa di nuovo la data reale/).waitFor();
    await banner(page).waitFor({ state: 'detached' });
    await page.getByText('Data reale', { exact: true }).waitFor();
    expect(app.simulatedClock.isSimulated).toBe(false);
    await expectAccessible(page, 'data reale');

    // Registro attività: the three changes of date and his login.
    await goHome(page);
    await page.getByRole('link', { name: 'Registro attività' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registro attività' }).waitFor();
    await page.getByText('Pagina 1 di 1 · 4 attività').waitFor();
    await expect(page.getByRole('row', { name: /Amministratore Sportello.*Modifica data simulata/ }).count()).resolves.toBe(3);
    await page.getByRole('row', { name: /Amministratore Sportello.*Accesso/ }).waitFor();
    await expectAccessible(page, 'registro attività');

    // Only the changes of date; the filter goes into the address.
    await page.getByLabel('Azione', { exact: true }).selectOption({ label: 'Modifica data simulata' });
    await page.getByRole('button', { name: 'Cerca' }).click();
    await page.waitForURL(/azione=clock\.set/);
    await page.getByText('Pagina 1 di 1 · 3 attività').waitFor();
    expect(await page.getByRole('row', { name: /Accesso/ }).count()).toBe(0);

    // The most recent one: from 16/04/2027 10:00 back to the real date.
    const details = page.getByRole('button', { name: /^Dettagli/ }).first();
    await details.click();
    await expect(details.getAttribute('aria-expanded')).resolves.toBe('true');
    const changes = page.getByRole('table', { name: 'Valori' });
    await changes.getByRole('row', { name: /Data della piattaforma.*16\/04\/2027 10:00/ }).waitFor();
    await expectAccessible(page, 'registro attività, dettagli');
    await details.click();
    await changes.waitFor({ state: 'detached' });

    // The period is checked by the server, and its message stands under "Al".
    await page.getByLabel('Dal', { exact: true }).fill('2027-05-02');
    await page.getByLabel('Al', { exact: true }).fill('2027-05-01');
    await page.getByRole('button', { name: 'Cerca' }).click();
    await page.getByText('La data iniziale non può seguire quella finale.').waitFor();
    await expect(page.getByLabel('Al', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByRole('alert').waitFor({ state: 'visible' });
    await expectAccessible(page, 'registro attività, periodo non valido');

    // Reload keeps the filters; "Azzera i filtri" empties them.
    await page.getByLabel('Dal', { exact: true }).fill('');
    await page.getByLabel('Al', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Cerca' }).click();
    await page.getByText('Pagina 1 di 1 · 3 attività').waitFor();
    await page.reload();
    await page.getByText('Pagina 1 di 1 · 3 attività').waitFor();
    await expect(page.getByLabel('Azione', { exact: true }).inputValue()).resolves.toBe('clock.set');
    await page.getByRole('button', { name: 'Azzera i filtri' }).click();
    await page.getByText('Pagina 1 di 1 · 4 attività').waitFor();
  });

  it('is reserved to administrators', async () => {
    const page = await (await newContext(browser, app)).newPage();
    await signInWithCredentials(page, 'operatore.asl', DEMO_PIN);
    await page.getByRole('heading', { level: 1, name: 'ASL Napoli 1 Centro' }).waitFor();
    expect(await page.getByRole('link', { name: 'Registro attività' }).count()).toBe(0);

    await page.goto('/amministrazione/registro-attivita');
    await page.getByRole('heading', { level: 1, name: 'Funzione riservata agli amministratori' }).waitFor();
    await expectAccessible(page, 'funzione riservata');
    await page.goto('/amministrazione/data-simulata');
    await page.getByRole('heading', { level: 1, name: 'Funzione riservata agli amministratori' }).waitFor();
  });
});
