import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskDocumentStore } from '../server/src/core/documents/index.js';
import { DEMO_PEOPLE } from '../server/src/demo/identities.js';
import { demoVoucherMerchants } from '../server/src/modules/vouchers/citizen/demo-merchants.testing.js';
import { seedVouchersDemo } from '../server/src/modules/vouchers/index.js';
import type { TestApp } from '../server/test/test-app.js';
import { expectAccessible, launchChromium, newContext, startAppWithWeb } from './browser.js';

/**
 * The beneficiary's own view (SPEC §2, issue 4): after SPID login Giovanni Ferrari finds "I miei
 * voucher" on his home page, sees his voucher, its balance and its movements at both merchants,
 * and opens the receipt of a purchase; a citizen without vouchers sees the empty state.
 * The vouchers are the demo data `npm start` seeds.
 */
let app: TestApp;
let browser: Browser;
let store: DiskDocumentStore;
let lauraVoucherId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppWithWeb(), launchChromium()]);
  // Receipts go where the app's documents service reads them (removed with the app).
  store = new DiskDocumentStore(app.documentsDir);
  await seedVouchersDemo(app.database.kysely, app.simulatedClock, await demoVoucherMerchants(app.database.kysely), { documentStore: store });
  const laura = await app.database.pool.query('SELECT id FROM vouchers WHERE beneficiary_fiscal_code = $1', [DEMO_PEOPLE.secondCitizen.fiscalCode]);
  lauraVoucherId = laura.rows[0].id;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function signInWithSpid(page: Page, who: string) {
  await page.goto('/accedi');
  await page.getByRole('link', { name: 'Entra con SPID' }).click();
  await page.getByRole('heading', { name: "Scegli l'identità con cui accedere a Sportello" }).waitFor();
  await page.getByRole('button', { name: `Entra come ${who}` }).click();
  await page.getByRole('heading', { level: 1, name: 'Area personale' }).waitFor();
}

describe('I miei voucher', () => {
  it('shows the beneficiary his voucher, balance and movements at every merchant, and a receipt', async () => {
    const context = await newContext(browser, app);
    const page = await context.newPage();
    await signInWithSpid(page, 'Giovanni Ferrari');
    const tile = page.getByRole('link', { name: 'I miei voucher' });
    await tile.waitFor();
    await expect(page.getByText('Non ci sono servizi attivi per te al momento.').count()).resolves.toBe(0);
    await expectAccessible(page, 'area personale con voucher');

    await tile.click();
    await page.getByRole('heading', { level: 1, name: 'I miei voucher' }).waitFor();
    const voucher = page.getByRole('region', { name: 'Voucher Secondogeniti 2026' });
    await voucher.waitFor();
    await expect(voucher.innerText()).resolves.toMatch(/ID Voucher\s+VS-DEMO-0001/);
    await expect(voucher.innerText()).resolves.toMatch(/Stato\s+Attivo/);
    await expect(voucher.innerText()).resolves.toMatch(/Importo disponibile\s+484,55 €/);
    await expect(voucher.innerText()).resolves.toMatch(/Importo iniziale\s+1\.000,00 €/);
    await expect(voucher.innerText()).resolves.toMatch(/Importo utilizzato\s+515,45 €/);
    await expect(voucher.innerText()).resolves.toMatch(/Data di attivazione\s+\d{2}\/\d{2}\/\d{4}/);
    await expectAccessible(page, 'i miei voucher');

    await page.getByRole('link', { name: 'Movimenti del voucher VS-DEMO-0001' }).click();
    await page.getByRole('heading', { level: 1, name: 'Voucher Secondogeniti 2026' }).waitFor();
    const table = page.getByRole('table', { name: /Movimenti del voucher VS-DEMO-0001/ });
    await table.waitFor();
    await expect(table.getByRole('row').count()).resolves.toBe(11); // the header and ten movements
    await expect(table.getByRole('cell', { name: 'Farmacia Centrale' }).count()).resolves.toBeGreaterThan(0);
    await expect(table.getByRole('cell', { name: 'Baby Store Caserta' }).count()).resolves.toBeGreaterThan(0);
    // The same-day cancellation gives 54,00 € back.
    const cancellation = table.getByRole('row').filter({ hasText: 'Cancellazione' });
    await expect(cancellation.innerText()).resolves.toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\s+Baby Store Caserta\s+\+54,00 €\s+Cancellazione\s+Confermato/);
    await page.getByText('Pagina 1 di 2 · 11 movimenti').waitFor();
    await expectAccessible(page, 'movimenti del voucher');

    await page.getByRole('button', { name: 'Pagina 2' }).click();
    await page.getByText('Pagina 2 di 2 · 11 movimenti').waitFor();
    await expect(page.url()).toMatch(/\?pagina=2$/);
    await expect(table.getByRole('row').count()).resolves.toBe(2);
    await expectAccessible(page, 'movimenti, pagina 2');

    // "Visualizza scontrino": the receipt opens in a new window, as a PDF.
    const receipt = table.getByRole('link', { name: /Visualizza scontrino/ });
    await expect(receipt.getAttribute('target')).resolves.toBe('_blank');
    const [response] = await Promise.all([context.waitForEvent('response', (r) => r.url().endsWith('/receipt')), receipt.click()]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const pdf = await context.request.get(response.url());
    expect((await pdf.body()).toString('latin1')).toMatch(/^%PDF-[\s\S]*Pagato con il voucher VS-DEMO-0001/);

    // Somebody else's voucher does not exist for him.
    await page.goto(`/i-miei-voucher/${lauraVoucherId}`);
    await page.getByRole('heading', { name: 'Pagina non trovata' }).waitFor();
    await context.close();
  });

  it('shows a citizen without vouchers no voucher tile, and an empty state on the page', async () => {
    const context = await newContext(browser, app);
    const page = await context.newPage();
    await signInWithSpid(page, 'Marco Fontana');
    // His personal area offers the help desk, not vouchers he does not have.
    await page.getByRole('link', { name: 'Le mie richieste di assistenza' }).waitFor();
    await expect(page.getByRole('link', { name: 'I miei voucher' }).count()).resolves.toBe(0);

    await page.goto('/i-miei-voucher');
    await page.getByRole('heading', { level: 1, name: 'I miei voucher' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Non risultano voucher intestati al tuo codice fiscale.' }).waitFor();
    await expectAccessible(page, 'i miei voucher, nessun voucher');
    await context.close();
  });
});
