import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startTestApp, type TestApp } from '../server/test/test-app.js';

/** Debian's Chromium, headless, without the background traffic this closed network refuses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'],
  });
}

/** The platform with the built web app (`vite build` runs before the suite). */
export function startAppWithWeb(): Promise<TestApp> {
  return startTestApp({ webDist: resolve('web/dist') });
}

export async function newContext(browser: Browser, app: TestApp): Promise<BrowserContext> {
  return browser.newContext({ baseURL: app.baseUrl, locale: 'it-IT', timezoneId: 'Europe/Rome' });
}

/** WCAG 2.1 AA: no serious or critical violation on the page as it stands. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Colours mid-transition (a floating label, a toggled button) are not what a person reads: let them finish.
  // A dialog's fade starts a frame after it opens (Bootstrap adds "show" after a reflow): give it that frame, then wait.
  await page.waitForTimeout(150);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(bad, `axe on ${label}`).toEqual([]);
}
