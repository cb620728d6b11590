import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueNotification } from '../server/src/core/notifications/index.js';
import { DEMO_PEOPLE } from '../server/src/demo/identities.js';
import type { TestApp } from '../server/test/test-app.js';
import { expectAccessible, launchChromium, newContext, startAppWithWeb } from './browser.js';

/**
 * Real-time notifications in the web app (SPEC §1.4): the bell in the top bar counts them, they
 * arrive while the page is open, and are marked read one by one or all together. The demo inbox
 * page shows the e-mail and SMS the platform "sent".
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

async function signInWithSpid(page: Page, who: string) {
  await page.goto('/accedi');
  await page.getByRole('link', { name: 'Entra con SPID' }).click();
  await page.getByRole('heading', { name: "Scegli l'identità con cui accedere a Sportello" }).waitFor();
  await page.getByRole('button', { name: `Entra come ${who}` }).click();
}

/**
 * axe on a page showing an e-mail: the e-mail's HTML sits in a sandboxed frame without scripts,
 * where axe cannot run (it would wait for it forever), so the frame is left out; it is the
 * message, not the page.
 */
async function expectAccessibleOutsideFrames(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('iframe').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  expect(bad, `axe on ${label}`).toEqual([]);
}

async function notify(fiscalCode: string, key: string, data: { title: string; body?: string; link?: string }) {
  const user = await app.database.kysely.selectFrom('users').select('id').where('fiscal_code', '=', fiscalCode).executeTakeFirstOrThrow();
  await enqueueNotification(app.database.kysely, { channel: 'in_app', recipient: user.id as string, template: 'in-app', data, idempotencyKey: key });
}

describe('the notification bell', () => {
  it('shows notifications arriving live, with the unread count in its name, and marks them read', async () => {
    const page = await (await newContext(browser, app)).newPage();
    await signInWithSpid(page, 'Giovanni Ferrari');
    await page.getByRole('heading', { level: 1, name: 'Area personale' }).waitFor();
    const bell = page.getByRole('button', { name: /^Notifiche,/ });
    await expect(bell.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.getByRole('button', { name: 'Notifiche, nessuna non letta' }).waitFor();

    // Two arrive while the page is open: no reload.
    await notify(DEMO_PEOPLE.citizen.fiscalCode, 'e2e-bell-1', { title: 'Domanda ricevuta', body: 'La tua domanda è stata protocollata.', link: '/' });
    await page.getByRole('button', { name: 'Notifiche, 1 non letta' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Nuova notifica: Domanda ricevuta' }).waitFor();
    await notify(DEMO_PEOPLE.citizen.fiscalCode, 'e2e-bell-2', { title: 'Documento richiesto', body: 'Integra la documentazione entro 10 giorni.' });
    await page.getByRole('button', { name: 'Notifiche, 2 non lette' }).click();
    await expect(bell.getAttribute('aria-expanded')).resolves.toBe('true');
    const panel = page.getByRole('region', { name: 'Notifiche' });
    await panel.getByText('Integra la documentazione entro 10 giorni.').waitFor();
    await expectAccessible(page, 'pannello notifiche');

    await panel.getByRole('button', { name: 'Segna come letta: Documento richiesto' }).click();
    await page.getByRole('button', { name: 'Notifiche, 1 non letta' }).waitFor();
    // Esc closes the panel and gives focus back to the bell.
    await page.keyboard.press('Escape');
    await expect(panel.isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.classList.contains('sportello-bell-button'))).resolves.toBe(true);

    await page.getByRole('button', { name: 'Notifiche, 1 non letta' }).click();
    await panel.getByRole('button', { name: 'Segna tutte come lette' }).click();
    await page.getByRole('button', { name: 'Notifiche, nessuna non letta' }).waitFor();
    await expectAccessible(page, 'notifiche lette');

    // English too.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
  });

  it('lists the demo e-mail and SMS on an accessible page, and opens an e-mail with its link', async () => {
    await enqueueNotification(app.database.kysely, {
      channel: 'email',
      recipient: 'laura.russo@example.it',
      template: 'password-reset',
      data: { name: 'Laura Russo', link: `${app.baseUrl}/reimposta-password?token=e2e` },
      idempotencyKey: 'e2e-inbox-mail',
    });
    await enqueueNotification(app.database.kysely, {
      channel: 'sms',
      recipient: DEMO_PEOPLE.secondCitizen.mobilePhone,
      template: 'otp-code',
      data: { code: '135790', operation: "l'invio della domanda" },
      idempotencyKey: 'e2e-inbox-sms',
    });
    const page = await (await newContext(browser, app)).newPage();
    // The worker delivers within a moment; the page is server-rendered, so reload until both are there.
    for (const until = Date.now() + 15_000; Date.now() < until; await page.waitForTimeout(200)) {
      await page.goto('/demo/inbox');
      const sms = await page.getByRole('cell', { name: /135790/ }).count();
      const mail = await page.getByRole('link', { name: 'Sportello: imposta una nuova password' }).count();
      if (sms > 0 && mail > 0) break;
    }
    await page.getByRole('heading', { level: 1, name: 'Posta e SMS dimostrativi' }).waitFor();
    await expectAccessible(page, 'demo inbox');

    await page.getByRole('link', { name: 'Sportello: imposta una nuova password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sportello: imposta una nuova password' }).waitFor();
    await expectAccessibleOutsideFrames(page, 'demo inbox e-mail');
    const frame = page.frameLocator('iframe[title="Versione HTML dell’e-mail"]');
    await frame.getByRole('link', { name: 'Imposta la nuova password' }).waitFor();
    await page.getByRole('link', { name: `${app.baseUrl}/reimposta-password?token=e2e` }).click();
    await page.waitForURL(/\/reimposta-password/);
  });
});
