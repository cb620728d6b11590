import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePng } from '../server/src/core/documents/documents.samples.js';
import { DEMO_PEOPLE } from '../server/src/demo/identities.js';
import { romeDate } from '../server/src/shared/dates.js';
import { fiscalCodeCheckCharacter } from '../server/src/shared/fiscal-code.js';
import type { TestApp } from '../server/test/test-app.js';
import { expectAccessible, launchChromium, newContext, startAppWithWeb } from './browser.js';

/**
 * The merchant's day with "Voucher secondogeniti" (seed 000 §04–08), by the manual's labels:
 * Ricerca Beneficiario → Usa per acquisto with the receipt and the beneficiary's OTP (read from the
 * demo SMS inbox) → Visualizza scontrino → Cancella Movimento the same day → the day after
 * (settable clock) no cancellation → Elenco Movimenti and Esporta movimenti. Another merchant sees
 * none of it.
 */

let app: TestApp;
let browser: Browser;
const BENEFICIARY = `BNCLCU85M01F839`;
const FISCAL_CODE = `${BENEFICIARY}${fiscalCodeCheckCharacter(BENEFICIARY)}`;
const HEALTH_CARD = '80380000000000123456';
const PHONE = '+393339990001';
let voucherId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppWithWeb(), launchChromium()]);
  const db = app.database.pool;
  const merchants = (await db.query("SELECT id FROM organisations WHERE name IN ('Farmacia Centrale', 'Baby Store Caserta')")).rows;
  const program = await db.query("INSERT INTO voucher_programs (name, face_value_cents, validity_months) VALUES ('Voucher Secondogeniti E2E', 50000, 12) RETURNING id");
  for (const m of merchants) await db.query('INSERT INTO voucher_program_merchants (program_id, merchant_structure_id) VALUES ($1, $2)', [program.rows[0].id, m.id]);
  const year = Number(romeDate(app.simulatedClock.now()).slice(0, 4));
  const voucher = await db.query(
    `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                           initial_cents, available_cents, activation_date, expiry_date)
     VALUES ('VS-E2E-000001', $1, $2, $3, 'Luca', 'Bianco', $4, 50000, 50000, $5, $6) RETURNING id`,
    [program.rows[0].id, FISCAL_CODE, HEALTH_CARD, PHONE, `${year - 1}-06-01`, `${year + 1}-05-31`],
  );
  voucherId = voucher.rows[0].id;
});
afterAll(async () => {
  await app?.simulatedClock.set(null, '00000000-0000-0000-0000-000000000000').catch(() => {});
  await browser?.close();
  await app?.close();
});

async function signInWithSpid(page: Page, who: string) {
  await page.goto('/accedi');
  await page.getByRole('link', { name: 'Entra con SPID' }).click();
  await page.getByRole('button', { name: `Entra come ${who}` }).click();
  // Back from the identity provider, signed in, on the home page.
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

async function smsCodes(): Promise<string[]> {
  const response = await fetch(`${app.baseUrl}/api/demo/inbox?to=${encodeURIComponent(PHONE)}`);
  const inbox = (await response.json()) as { sms: { id: string; text: string }[] };
  return inbox.sms.map((m) => m.text);
}

/** The newest SMS to the beneficiary that was not there before, waiting for the worker. */
async function nextSms(seen: number): Promise<string> {
  const until = Date.now() + 15_000;
  for (;;) {
    const all = await smsCodes();
    if (all.length > seen) return all[0]!;
    if (Date.now() > until) throw new Error('no SMS for the beneficiary');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
/** E2E_SCREENSHOTS=dir keeps a picture of each step, to look at the pages. */
async function shot(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}.png`, fullPage: true });
}
const otpOf = (text: string) => /\b(\d{6})\b/.exec(text)![1]!;

/** "Salva e invia OTP" (or the given label), then the code from the SMS, then "Verifica Codice". */
async function confirmWithOtp(page: Page, sendLabel = 'Salva e invia OTP') {
  const before = (await smsCodes()).length;
  await page.getByRole('button', { name: sendLabel }).click();
  await page.getByRole('timer').waitFor();
  const sms = await nextSms(before);
  await page.getByLabel('Codice OTP').fill(otpOf(sms));
  await page.getByRole('button', { name: 'Verifica Codice' }).click();
  return sms;
}

async function openMenuOfRow(page: Page, rowText: string) {
  const row = page.getByRole('row').filter({ hasText: rowText }).first();
  await row.getByRole('button', { name: /Azioni per il movimento/ }).click();
}

describe('Voucher secondogeniti, the merchant', () => {
  it('searches, buys with receipt and OTP, views the receipt, cancels the same day, not the day after, lists and exports', async () => {
    const context = await newContext(browser, app);
    const page = await context.newPage();
    await signInWithSpid(page, `${DEMO_PEOPLE.merchantOperator.givenName} ${DEMO_PEOPLE.merchantOperator.familyName}`);

    await page.getByRole('link', { name: 'Voucher secondogeniti' }).click();
    await page.getByRole('heading', { level: 1, name: 'Voucher secondogeniti' }).waitFor();
    await expectAccessible(page, 'Voucher secondogeniti');
    await shot(page, 'voucher-secondogeniti');

    // A code with a wrong check character is refused before any lookup, on the field.
    await page.getByLabel('Codice Fiscale del beneficiario', { exact: true }).fill(`${BENEFICIARY}${fiscalCodeCheckCharacter(BENEFICIARY) === 'A' ? 'B' : 'A'}`);
    await page.getByRole('button', { name: 'Cerca Beneficiario' }).click();
    await page.getByText(/carattere di controllo/i).waitFor();
    await expect(page.getByLabel('Codice Fiscale del beneficiario', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'codice fiscale errato');
    await shot(page, 'codice-fiscale-errato');

    // By tessera sanitaria.
    await page.getByText('Tessera Sanitaria', { exact: true }).click(); // the label, as a person clicks it
    await page.getByLabel('Numero della Tessera Sanitaria').fill(HEALTH_CARD);
    await page.getByRole('button', { name: 'Cerca Beneficiario' }).click();
    await page.getByRole('heading', { name: 'ID Voucher VS-E2E-000001' }).waitFor();
    await expect(page.getByText('500,00 €').first().isVisible()).resolves.toBe(true);
    await page.getByText('Nessuna transazione di questa struttura con il voucher.').waitFor();
    await expectAccessible(page, 'Voucher Beneficiario');
    await shot(page, 'voucher-beneficiario');

    // Usa per acquisto: the receipt is required; then receipt, amount, OTP.
    await page.getByRole('button', { name: 'Usa per acquisto' }).click();
    await page.getByRole('heading', { name: 'Inserimento acquisto' }).waitFor();
    await page.getByText('500,00 €').waitFor(); // importo residuo, read-only
    await page.getByLabel('Importo speso').fill('12,50');
    await page.getByRole('button', { name: 'Salva e invia OTP' }).click();
    await page.getByText('Allega lo scontrino.').waitFor();
    await expectAccessible(page, 'Inserimento acquisto senza scontrino');
    await shot(page, 'inserimento-acquisto-senza-scontrino');
    await page.getByLabel('Scontrino').setInputFiles({ name: 'scontrino.png', mimeType: 'image/png', buffer: samplePng() });
    const purchaseSms = await confirmWithOtp(page);
    expect(purchaseSms).toContain('12,50 €');
    await page.getByText('Acquisto di 12,50 € confermato. Importo residuo sul voucher: 487,50 €.').waitFor();
    await page.getByRole('row').filter({ hasText: 'Acquisto' }).filter({ hasText: 'Confermato' }).waitFor();
    await expectAccessible(page, 'acquisto confermato');
    await shot(page, 'acquisto-confermato');

    // The beneficiary gets an SMS with the amount, the merchant and the new balance.
    const notice = await nextSms((await smsCodes()).length - 1);
    expect(notice).toMatch(/12,50 €[\s\S]*Farmacia Centrale[\s\S]*487,50 €/);

    // Visualizza scontrino: the very file, in a new tab.
    await openMenuOfRow(page, '12,50 €');
    const [receipt] = await Promise.all([page.waitForEvent('popup'), page.getByRole('menuitem', { name: 'Visualizza scontrino' }).click()]);
    await receipt.waitForLoadState();
    expect(receipt.url()).toMatch(/\/api\/vouchers\/purchases\/[0-9a-f-]+\/receipt$/);
    const bytes = await (await context.request.get(receipt.url())).body();
    expect(bytes.equals(samplePng())).toBe(true);
    await receipt.close();

    // Cancella Movimento, the same day.
    await openMenuOfRow(page, '12,50 €');
    await page.getByRole('menuitem', { name: 'Cancella Movimento' }).click();
    await page.getByRole('heading', { name: 'Cancellazione movimento' }).waitFor();
    await page.getByText('Importo da revocare').waitFor();
    await expectAccessible(page, 'Cancellazione movimento');
    await shot(page, 'cancellazione-movimento');
    await confirmWithOtp(page);
    await page.getByText('Movimento cancellato: 12,50 € restituiti al voucher. Importo disponibile: 500,00 €.').waitFor();
    await page.getByRole('row').filter({ hasText: 'Cancellazione' }).waitFor();
    await expectAccessible(page, 'movimento cancellato');
    await shot(page, 'movimento-cancellato');

    // A purchase left "in attesa", then "Autorizza pagamento" from the menu.
    await page.getByRole('button', { name: 'Usa per acquisto' }).click();
    await page.getByLabel('Scontrino').setInputFiles({ name: 'scontrino.png', mimeType: 'image/png', buffer: samplePng() });
    await page.getByLabel('Importo speso').fill('30');
    await page.getByRole('button', { name: 'Salva e invia OTP' }).click();
    await page.getByRole('timer').waitFor();
    await page.getByRole('link', { name: 'Torna al voucher' }).click();
    await page.getByRole('row').filter({ hasText: '30,00 €' }).filter({ hasText: 'In attesa' }).waitFor();
    await openMenuOfRow(page, '30,00 €');
    await page.getByRole('menuitem', { name: 'Autorizza pagamento' }).click();
    await page.getByRole('heading', { name: 'Autorizza pagamento' }).waitFor();
    await expectAccessible(page, 'Autorizza pagamento');
    await shot(page, 'autorizza-pagamento');
    await confirmWithOtp(page, 'Invia OTP');
    await page.getByText('Pagamento di 30,00 € autorizzato. Importo residuo sul voucher: 470,00 €.').waitFor();

    // The day after: the purchase offers only its receipt.
    const operator = await app.database.pool.query('SELECT id FROM users WHERE fiscal_code = $1', [DEMO_PEOPLE.merchantOperator.fiscalCode]);
    await app.simulatedClock.advance(24 * 3600, operator.rows[0].id);
    await page.reload();
    await page.getByRole('row').filter({ hasText: '30,00 €' }).waitFor();
    await openMenuOfRow(page, '30,00 €');
    await expect(page.getByRole('menuitem').allInnerTexts()).resolves.toEqual(['Visualizza scontrino']);
    await page.keyboard.press('Escape');
    await app.simulatedClock.set(null, operator.rows[0].id);

    // Elenco Movimenti for this beneficiary, then its export.
    await page.getByRole('link', { name: 'Voucher secondogeniti' }).first().click();
    await page.getByLabel('Codice Fiscale del beneficiario (facoltativo)').fill(FISCAL_CODE);
    await page.getByRole('button', { name: 'Cerca Movimenti' }).click();
    await page.getByText('3 movimenti').first().waitFor();
    await expect(page.getByRole('table', { name: 'Movimenti della struttura' }).getByRole('row').count()).resolves.toBe(4);
    await expectAccessible(page, 'Elenco Movimenti');
    await shot(page, 'elenco-movimenti');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Esporta movimenti (CSV)' }).click()]);
    const csv = await (await context.request.get(download.url())).text();
    expect(csv).toContain('Data e ora;Codice identificativo');
    expect(csv).toContain('12,50');
    await context.close();
  });

  it('another merchant finds the voucher but none of these movements', async () => {
    const context = await newContext(browser, app);
    const page = await context.newPage();
    await signInWithSpid(page, `${DEMO_PEOPLE.secondMerchantOperator.givenName} ${DEMO_PEOPLE.secondMerchantOperator.familyName}`);
    await page.goto('/voucher-secondogeniti');
    await page.getByLabel('Codice Fiscale del beneficiario', { exact: true }).fill(FISCAL_CODE);
    await page.getByRole('button', { name: 'Cerca Beneficiario' }).click();
    await page.getByRole('heading', { name: 'ID Voucher VS-E2E-000001' }).waitFor();
    await page.getByText('Nessuna transazione di questa struttura con il voucher.').waitFor();
    await page.getByRole('link', { name: 'Nuova ricerca' }).click();
    await page.getByLabel('Codice Fiscale del beneficiario (facoltativo)').fill(FISCAL_CODE);
    await page.getByRole('button', { name: 'Cerca Movimenti' }).click();
    await page.getByText('Nessun movimento per questa ricerca.').waitFor();
    await expectAccessible(page, 'Elenco Movimenti vuoto');
    await shot(page, 'elenco-movimenti-vuoto');
    await context.close();
  });
});
