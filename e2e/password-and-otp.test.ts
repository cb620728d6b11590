import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../server/src/demo/identities.js';
import type { TestApp } from '../server/test/test-app.js';
import { expectAccessible, launchChromium, newContext, startAppWithWeb } from './browser.js';

/**
 * "Ho smarrito la password" (seed 003 §1.1) from the login page to the new password, and the OTP
 * confirmation every module uses (SPEC §1.3), tried on the demo's pretend payment. E-mails and SMS
 * are read from the demo inbox, as a person trying the demo would.
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

interface Inbox {
  emails: { id: string; subject: string; links: string[] }[];
  sms: { id: string; text: string }[];
}

async function inbox(to: string): Promise<Inbox> {
  const response = await fetch(`${app.baseUrl}/api/demo/inbox?to=${encodeURIComponent(to)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Inbox;
}

/** Waits for the worker to deliver something new (by id) to `to`, and returns the newest. */
async function nextMessage<K extends 'emails' | 'sms'>(to: string, kind: K, seen: Set<string>): Promise<Inbox[K][number]> {
  const until = Date.now() + 15_000;
  for (;;) {
    const fresh = (await inbox(to))[kind].filter((m) => !seen.has(m.id));
    if (fresh[0]) {
      for (const m of fresh) seen.add(m.id);
      return fresh[0] as Inbox[K][number];
    }
    if (Date.now() > until) throw new Error(`nothing new in the demo inbox for ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function seenIds(to: string, kind: 'emails' | 'sms'): Promise<Set<string>> {
  return new Set((await inbox(to))[kind].map((m) => m.id));
}

const mario = DEMO_PEOPLE.merchantOwner;
const giovanni = DEMO_PEOPLE.citizen;
const NEW_PASSWORD = 'Girasole!Blu2026';

async function signInWithCredentials(page: Page, username: string, password: string) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
}

describe('Ho smarrito la password', () => {
  it('asks by name, surname and codice fiscale, e-mails a link, refuses a weak password, sets a good one once', async () => {
    const page = await (await newContext(browser, app)).newPage();
    const emailsBefore = await seenIds(mario.email, 'emails');

    await page.goto('/accedi');
    await page.getByRole('link', { name: 'Ho smarrito la password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ho smarrito la password' }).waitFor();
    await expectAccessible(page, 'ho smarrito la password');

    // A wrong check character: the server's message under the field.
    await page.getByLabel('Nome', { exact: true }).fill(mario.givenName);
    await page.getByLabel('Cognome').fill(mario.familyName);
    await page.getByLabel('Codice fiscale').fill(`${mario.fiscalCode.slice(0, 15)}${mario.fiscalCode.endsWith('A') ? 'B' : 'A'}`.toLowerCase());
    await expect(page.getByLabel('Codice fiscale').inputValue()).resolves.toMatch(/^[A-Z0-9]{16}$/);
    await page.getByRole('button', { name: 'Invia' }).click();
    await page.getByText('carattere di controllo').waitFor();
    await expectAccessible(page, 'ho smarrito la password, codice fiscale errato');

    await page.getByLabel('Codice fiscale').fill(mario.fiscalCode);
    await page.getByRole('button', { name: 'Invia' }).click();
    await page.getByText('Richiesta inviata').waitFor();
    await page.getByText('riceverai a breve un’e-mail con il collegamento').waitFor();
    // The form is gone: nothing to resend by mistake.
    await expect(page.getByRole('button', { name: 'Invia', exact: true }).count()).resolves.toBe(0);
    await expectAccessible(page, 'richiesta inviata');

    const email = await nextMessage(mario.email, 'emails', emailsBefore);
    const link = email.links.find((l) => l.includes('/reimposta-password?token='));
    expect(link).toBeDefined();

    await page.goto(link!);
    await page.getByRole('heading', { level: 1, name: 'Imposta la nuova password' }).waitFor();
    const password = page.getByLabel('Nuova password', { exact: true });
    await password.waitFor();
    // The policy, from the server, is read with the field.
    const policyId = (await password.getAttribute('aria-describedby'))!;
    await expect(page.locator(`[id="${policyId}"]`).innerText()).resolves.toContain('Almeno 12 caratteri');
    await expectAccessible(page, 'imposta la nuova password');

    await password.fill('corta');
    await page.getByLabel('Ripeti la nuova password').fill('corta');
    await page.getByRole('button', { name: 'Imposta password' }).click();
    await page.getByText('La nuova password non rispetta i requisiti.').waitFor();
    await page.getByText('Deve avere almeno 12 caratteri.').waitFor();
    await expect(password.getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'password debole');

    await password.fill(NEW_PASSWORD);
    await page.getByLabel('Ripeti la nuova password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Imposta password' }).click();
    await page.getByText('Password aggiornata: accedi con la nuova password.').waitFor();
    await expectAccessible(page, 'password aggiornata');

    await page.getByRole('link', { name: 'Vai alla pagina di accesso' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accedi a Sportello' }).waitFor();
    await signInWithCredentials(page, 'farmacia.centrale', NEW_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/accedi'));
    await page.getByRole('button', { name: 'Esci' }).waitFor();

    // The link served once.
    await page.goto(link!);
    await page.getByText('Il collegamento è già stato usato').waitFor();
    await page.getByRole('link', { name: 'Ho smarrito la password' }).waitFor();
    await expectAccessible(page, 'collegamento già usato');
  });
});

describe('Conferma OTP (demo)', () => {
  it('sends a code to the signed-in person, refuses a wrong one with the attempts left, confirms the right one, and the server refuses an expired one', async () => {
    const page = await (await newContext(browser, app)).newPage();
    const phone = giovanni.mobilePhone;
    const smsSeen = await seenIds(phone, 'sms');

    // Signed-in users only.
    await page.goto('/demo/conferma-otp');
    await page.waitForURL('**/accedi');
    await page.getByRole('link', { name: 'Entra con SPID' }).click();
    await page.getByRole('button', { name: `Entra come ${giovanni.givenName} ${giovanni.familyName}` }).click();
    await page.waitForURL((url) => url.pathname === '/');

    await page.getByRole('contentinfo').getByRole('link', { name: 'Prova la conferma OTP' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prova della conferma OTP' }).waitFor();
    await expect(page.getByRole('link', { name: /Apri la casella dimostrativa/ }).getAttribute('href')).resolves.toBe('/demo/inbox');
    await expectAccessible(page, 'prova della conferma OTP');

    await page.getByLabel('Importo').fill('25,00');
    await page.getByRole('button', { name: 'Salva e invia OTP' }).click();
    await page.getByText('Codice inviato al numero di cellulare').waitFor();
    await expect(page.getByRole('timer').innerText()).resolves.toMatch(/^Il codice scade tra 1[78]\d secondi$/);
    const verify = page.getByRole('button', { name: 'Verifica Codice' });
    await expect(verify.isDisabled()).resolves.toBe(true);
    await expectAccessible(page, 'codice inviato');

    const sms = await nextMessage(phone, 'sms', smsSeen);
    expect(sms.text).toContain('25,00 €');
    const code = /\b(\d{6})\b/.exec(sms.text)![1]!;

    await page.getByLabel('Codice OTP').fill(code === '000000' ? '111111' : '000000');
    await expect(verify.isDisabled()).resolves.toBe(false);
    await verify.click();
    await page.getByRole('alert').filter({ hasText: 'Tentativi rimasti: 4' }).waitFor();
    await expect(page.getByLabel('Codice OTP').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'codice errato');

    await page.getByLabel('Codice OTP').fill(code);
    await verify.click();
    await page.getByText('Pagamento di prova confermato.').waitFor();
    await expectAccessible(page, 'pagamento confermato');

    // A new code, then 181 seconds on the server's clock: the server refuses it as expired,
    // whatever the page's own countdown (which runs on the browser's time) still says.
    await page.getByRole('button', { name: 'Nuovo pagamento di prova' }).click();
    await page.getByRole('button', { name: 'Salva e invia OTP' }).click();
    await page.getByRole('timer').waitFor();
    const second = /\b(\d{6})\b/.exec((await nextMessage(phone, 'sms', smsSeen)).text)![1]!;
    await page.getByLabel('Codice OTP').fill(second);
    app.clock.advance(181_000);
    await verify.click();
    await page.getByRole('alert').filter({ hasText: 'Il codice è scaduto: invia un nuovo codice.' }).waitFor();
    await expect(verify.isDisabled()).resolves.toBe(true);
    await expectAccessible(page, 'codice scaduto');

    // "Invia un nuovo codice" starts again: empty field, full countdown.
    await page.getByRole('button', { name: 'Invia un nuovo codice' }).click();
    const third = /\b(\d{6})\b/.exec((await nextMessage(phone, 'sms', smsSeen)).text)![1]!;
    // The SMS can arrive before the page has handled the server's answer: wait for the reset.
    await expect.poll(() => page.getByLabel('Codice OTP').inputValue()).toBe('');
    await expect.poll(() => verify.isDisabled()).toBe(true);
    await page.getByLabel('Codice OTP').fill(third);
    await verify.click();
    await page.getByText('Pagamento di prova confermato.').waitFor();
  });
});
