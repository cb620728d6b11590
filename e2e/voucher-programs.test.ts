import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../server/src/demo/identities.js';
import { beneficiaryFor, csvOf, fiscalCodeFor } from '../server/src/modules/vouchers/programs/test-support.js';
import type { TestApp } from '../server/test/test-app.js';
import { expectAccessible, launchChromium, newContext, startAppWithWeb } from './browser.js';

/**
 * "Gestione programmi voucher": the region operator creates a program with an eligible merchant,
 * enrols another and removes it, imports a beneficiaries file holding bad rows, reads the preview
 * with the reasons, confirms, watches the progress to the end and downloads the rejected rows.
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

const luca = DEMO_PEOPLE.regionOperator;

async function signInWithSpid(page: Page, who: string) {
  await page.goto('/accedi');
  await page.getByRole('link', { name: 'Entra con SPID' }).click();
  await page.getByRole('button', { name: `Entra come ${who}` }).click();
}

// Six good rows and three bad ones: a wrong check character (line 3), a landline (line 6), a
// codice fiscale already on line 2 (line 9).
const good = [1, 2, 3, 4, 5, 6].map((n) => beneficiaryFor(n, '15/03/2026'));
const wrongCheck = `${fiscalCodeFor(7).slice(0, 15)}${fiscalCodeFor(7).endsWith('A') ? 'B' : 'A'}`;
const file = csvOf([
  good[0]!,
  { ...beneficiaryFor(7), fiscalCode: wrongCheck },
  good[1]!,
  good[2]!,
  { ...beneficiaryFor(8), mobile: '081 5551234' },
  good[3]!,
  good[4]!,
  { ...beneficiaryFor(9), fiscalCode: good[0]!.fiscalCode },
  good[5]!,
]);

describe('Gestione programmi voucher', () => {
  it('creates a program, enrols and removes a merchant, imports beneficiaries with bad rows and downloads the rejected ones', async () => {
    const page = await (await newContext(browser, app)).newPage();
    await signInWithSpid(page, `${luca.givenName} ${luca.familyName}`);
    await page.getByRole('heading', { level: 1, name: 'Regione Campania' }).waitFor();

    // The list, empty at first.
    await page.goto('/programmi-voucher');
    await page.getByRole('heading', { level: 1, name: 'Programmi voucher' }).waitFor();
    await page.getByText('Non ci sono ancora programmi.', { exact: false }).waitFor();
    await expectAccessible(page, 'programmi voucher, vuoto');

    // Nuovo programma: the checks first, then the program with Farmacia Centrale.
    await page.getByRole('link', { name: 'Nuovo programma' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuovo programma' }).waitFor();
    await page.getByLabel('Valore del voucher (€)').fill('0');
    await page.getByRole('button', { name: 'Crea programma' }).click();
    await page.getByText('Indica il nome del programma.').waitFor();
    await page.getByText('Indica un importo in euro maggiore di zero, es. 1.000,00.').waitFor();
    await expect(page.getByLabel('Nome del programma').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expectAccessible(page, 'nuovo programma, errori');

    await page.getByLabel('Nome del programma').fill('Voucher Secondogeniti 2026');
    await page.getByLabel('Valore del voucher (€)').fill('1.000,00');
    await page.getByLabel('Validità (mesi)').fill('12');
    await page.getByText('Scadenza di ogni voucher: data di attivazione più 12 mesi, meno un giorno (es. attivazione 15/03/2026 → scadenza 14/03/2027)', { exact: false }).waitFor();
    // Bootstrap Italia draws the box on the label, which takes the click.
    await page.locator('label', { hasText: 'Farmacia Centrale' }).click();
    await expect(page.getByRole('checkbox', { name: 'Farmacia Centrale' }).isChecked()).resolves.toBe(true);
    await page.getByText('1 esercente scelto').waitFor();
    await expectAccessible(page, 'nuovo programma, compilato');
    await page.getByRole('button', { name: 'Crea programma' }).click();

    await page.getByRole('heading', { level: 1, name: 'Voucher Secondogeniti 2026' }).waitFor();
    await page.getByRole('status').getByText('Programma «Voucher Secondogeniti 2026» creato.').waitFor();
    await page.getByText('1.000,00 €').waitFor();
    const merchants = page.getByRole('table', { name: 'Esercenti aderenti al programma' });
    await merchants.getByRole('rowheader', { name: 'Farmacia Centrale' }).waitFor();
    await expectAccessible(page, 'dettaglio del programma');

    // Enrol Baby Store Caserta, then remove it (confirmed in a dialog).
    await page.getByLabel('Esercente da aggiungere').selectOption({ label: 'Baby Store Caserta' });
    await page.getByRole('button', { name: 'Aggiungi esercente' }).click();
    await page.getByRole('status').getByText('Baby Store Caserta aderisce ora al programma.').waitFor();
    await merchants.getByRole('rowheader', { name: 'Baby Store Caserta' }).waitFor();
    await expectAccessible(page, 'esercente aggiunto');

    await page.getByRole('button', { name: 'Rimuovi Baby Store Caserta dal programma' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rimuovi esercente' });
    await dialog.getByText('Rimuovere «Baby Store Caserta» dal programma «Voucher Secondogeniti 2026»?', { exact: false }).waitFor({ state: 'visible' });
    await expectAccessible(page, 'conferma rimozione esercente');
    await dialog.getByRole('button', { name: 'Rimuovi' }).click();
    await page.getByRole('status').getByText('Baby Store Caserta non aderisce più al programma.').waitFor();
    await merchants.getByRole('rowheader', { name: 'Baby Store Caserta' }).waitFor({ state: 'detached' });
    await dialog.waitFor({ state: 'detached' });
    await expectAccessible(page, 'esercente rimosso');

    // Importa beneficiari.
    await page.getByRole('link', { name: 'Importa beneficiari' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importa beneficiari' }).waitFor();
    await page.getByText('Ogni riga valida emette un voucher di 1.000,00 €, valido 12 mesi dalla data di attivazione.').waitFor();
    await expectAccessible(page, 'importa beneficiari');
    await page.getByRole('button', { name: 'Carica e verifica' }).click();
    await page.getByText('Scegli il file CSV da caricare.').waitFor();
    await page.getByLabel('File CSV dei beneficiari').setInputFiles({ name: 'beneficiari.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
    await page.getByRole('button', { name: 'Carica e verifica' }).click();

    // The preview: counts and the rejected rows with line and reason.
    await page.getByRole('heading', { level: 1, name: 'Importazione dei beneficiari' }).waitFor();
    const summary = page.getByRole('region', { name: 'Riepilogo' });
    await expect(summary.innerText()).resolves.toMatch(/Righe nel file\s+9\s+Righe valide\s+6\s+Righe scartate\s+3/);
    await page.getByText('Confermando, le 6 righe valide emetteranno un voucher ciascuna di 1.000,00 €.', { exact: false }).waitFor();
    const rejected = page.getByRole('table', { name: 'Righe scartate con il motivo' });
    await rejected.getByRole('row', { name: /^3 .*il carattere di controllo non corrisponde/ }).waitFor();
    await rejected.getByRole('row', { name: /^6 .*non è un numero di cellulare italiano valido/ }).waitFor();
    await rejected.getByRole('row', { name: /^9 .*Codice fiscale ripetuto nel file \(già alla riga 2\)/ }).waitFor();
    await expectAccessible(page, 'anteprima importazione');

    // Conferma importazione: the progress bar runs to the end.
    await page.getByRole('button', { name: 'Conferma importazione' }).click();
    const bar = page.getByRole('progressbar', { name: 'Avanzamento dell’importazione' });
    await bar.waitFor();
    await expect(page.getByRole('heading', { name: 'Avanzamento dell’importazione' }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.getByRole('status').getByText('Importazione completata: 6 voucher emessi.').waitFor();
    await expect(bar.getAttribute('aria-valuenow')).resolves.toBe('100');
    await page.getByText('6 righe elaborate su 6').waitFor();
    await expectAccessible(page, 'importazione completata');

    const { rows } = await app.database.pool.query(
      `SELECT v.code, v.initial_cents, to_char(v.expiry_date, 'DD/MM/YYYY') AS expiry FROM vouchers v JOIN voucher_programs p ON p.id = v.program_id
        WHERE p.name = 'Voucher Secondogeniti 2026' ORDER BY v.code`,
    );
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row).toMatchObject({ code: expect.stringMatching(/^VS-\d{4}-\d{6}$/), initial_cents: 100_000, expiry: '14/03/2027' });

    // The report of the rejected rows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Scarica il rapporto delle righe scartate (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('righe-scartate-beneficiari.csv');
    const report = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(report[0]).toBe('Riga;Codice fiscale;Numero tessera sanitaria;Nome;Cognome;Cellulare;Data di attivazione;Motivo');
    expect(report.slice(1).map((line) => line.split(';')[0])).toEqual(['3', '6', '9']);
    expect(report[3]).toContain('Codice fiscale ripetuto nel file (già alla riga 2).');

    // Back to the program: the import is listed, the vouchers counted.
    await page.getByRole('link', { name: 'Torna al programma' }).click();
    await page.getByRole('heading', { level: 1, name: 'Voucher Secondogeniti 2026' }).waitFor();
    await page.getByRole('table', { name: 'Ultime importazioni del programma' }).getByRole('row', { name: /beneficiari\.csv.*Completata\s+9\s+6/ }).waitFor();
    await expectAccessible(page, 'programma con importazione');
  });
});
