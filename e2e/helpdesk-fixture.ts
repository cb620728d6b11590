import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../server/src/config.js';
import { DEMO_PASSWORD, DEMO_PIN } from '../server/src/demo/identities.js';
import type { HelpdeskDeps } from '../server/src/modules/helpdesk/index.js';
import { closeResolved } from '../server/src/modules/helpdesk/desk/close-resolved.js';
import type { TestApp } from '../server/test/test-app.js';
import { expectAccessible as expectAccessibleNow, newContext } from './browser.js';

/** Helpers of the SOL Assistenza journey (e2e/helpdesk.test.ts): pages, sign-ins, the demo inbox, the closing job. */

/** The TestApp sets no HELPDESK_CLOSE_AFTER_DAYS: the configuration's default applies. */
export const CLOSE_AFTER_DAYS = loadConfig({ NODE_ENV: 'test' }).helpdeskCloseAfterDays;

/**
 * The periodic job "helpdesk.close-resolved" (main.ts runs it every minute; the TestApp does not
 * run or expose the jobs), on the app's database and its simulated clock.
 */
export function runClosingJob(app: TestApp): Promise<number> {
  const deps = { db: app.database.kysely, clock: app.simulatedClock, closeAfterDays: CLOSE_AFTER_DAYS } as unknown as HelpdeskDeps;
  return closeResolved(deps);
}

/** Username, password and PIN on the login page, as operators sign in (seed 004 §2.1). */
export async function signInWithCredentials(page: Page, username: string) {
  await page.goto('/accedi');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByLabel('PIN').fill(DEMO_PIN);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
}

export async function signInWithSpid(page: Page, who: string) {
  await page.goto('/accedi');
  await page.getByRole('link', { name: 'Entra con SPID' }).click();
  await page.getByRole('button', { name: `Entra come ${who}` }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

export interface DemoEmail {
  subject: string;
  text: string;
}

export async function emailsTo(app: TestApp, to: string): Promise<DemoEmail[]> {
  const response = await fetch(`${app.baseUrl}/api/demo/inbox?to=${encodeURIComponent(to)}`);
  const inbox = (await response.json()) as { emails: { subject: string; text: string | null }[] };
  // Newest first in the inbox: oldest first here, as they were sent.
  return inbox.emails.map((m) => ({ subject: m.subject, text: m.text ?? '' })).reverse();
}

/** The e-mails to an address once the outbox worker has delivered at least `count`. */
export async function awaitEmails(app: TestApp, to: string, count: number): Promise<DemoEmail[]> {
  const until = Date.now() + 15_000;
  for (;;) {
    const emails = await emailsTo(app, to);
    if (emails.length >= count) return emails;
    if (Date.now() > until) throw new Error(`only ${emails.length} e-mails to ${to}: ${emails.map((e) => e.subject).join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What the platform queued for someone (e-mail address or user id), every channel: "received nothing" is proved here. */
export async function outboxFor(app: TestApp, recipient: string): Promise<{ channel: string; template: string }[]> {
  const { rows } = await app.database.pool.query('SELECT channel, template FROM outbox_messages WHERE recipient = $1 ORDER BY created_at', [recipient]);
  return rows;
}

/** The link in an e-mail's text to the thread by token, made relative to the app. */
export function threadLinkOf(text: string): string {
  const match = /https?:\/\/\S+(\/assistenza\/richiesta\?token=\S+)/.exec(text);
  if (!match) throw new Error(`no thread link in: ${text}`);
  return match[1]!;
}

/**
 * axe once the page has settled: buttons that change state (the lock, "Aggiorna") fade their
 * colours with a CSS transition, and mid-way their contrast is neither the old nor the new one.
 */
export async function expectAccessible(page: Page, label: string) {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  await expectAccessibleNow(page, label);
}

/** E2E_SCREENSHOTS=dir keeps a picture of each step, to look at the pages. */
export async function shot(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/helpdesk-${name}.png`, fullPage: true });
}

/** The value shown under a label of the read-only data ("Stato" → "In lavorazione"). */
export async function factText(page: Page, label: string): Promise<string> {
  const value = page
    .locator('dt')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');
  return (await value.innerText()).trim();
}

/** The panels of the operator's detail, by their headings. */
export const assignmentPanel = (page: Page) => page.getByRole('region', { name: 'Assegnazione' });
export const updatePanel = (page: Page) => page.getByRole('region', { name: 'Aggiorna la richiesta' });

/** An operator's browser, signed in with username, password and PIN: his queue, from the home page's tile. */
export async function openOperatorQueue(browser: Browser, app: TestApp, username: string, structure: string, queueTitle = 'Richieste di assistenza') {
  const page = await (await newContext(browser, app)).newPage();
  await signInWithCredentials(page, username);
  await page.getByRole('heading', { level: 1, name: structure }).waitFor();
  await expectAccessible(page, `home di ${username}`);
  await page.getByRole('link', { name: 'SOL Assistenza' }).first().click();
  await page.getByRole('heading', { level: 1, name: queueTitle }).waitFor();
  await page.getByRole('group', { name: /^Numero di richieste per stato/ }).waitFor();
  await expectAccessible(page, `coda di ${username}`);
  return page;
}

/** "Aggiorna la richiesta" with a public note to the citizen (the lock pressed) and a new STATO, confirmed in the dialog. */
export async function noteToCitizen(page: Page, note: string, status: string, label: string) {
  const panel = updatePanel(page);
  await panel.getByLabel('Nota', { exact: true }).fill(note);
  await panel.getByRole('button', { name: 'Nota pubblica' }).click();
  await panel.getByLabel('STATO').selectOption({ label: status });
  await panel.getByRole('button', { name: 'Aggiorna' }).click();
  const dialog = page.getByRole('dialog', { name: 'Conferma l’invio al cittadino' });
  await dialog.getByText(note).waitFor();
  await expectAccessible(page, label);
  await shot(page, label.replace(/\W+/g, '-'));
  await dialog.getByRole('button', { name: 'Invia al cittadino' }).click();
  await dialog.waitFor({ state: 'detached' });
}
