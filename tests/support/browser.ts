import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import { isolatedSystem } from './isolated';

export const SCREENSHOT_DIR = join(__dirname, '..', 'e2e', 'screenshots');

/** Debian's Chromium (scripts/devstack/chromium.ts), headless, with the flags that work in containers. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.SRO_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * An isolated API and worker listening on a real port (the API serves the built web app at `/`),
 * and a browser. Console errors and CSP violations are collected: a journey ends with none.
 */
export async function webSystem(name: string) {
  const system = await isolatedSystem(name);
  await new Promise<void>((resolve) => system.api.http.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(system.api.http.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1366, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    // Refused API calls (403/404) log as failed resources; those are part of the journeys.
    if (message.type() === 'error' && !/status of (400|403|404|409)/.test(message.text())) consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return {
    ...system,
    baseUrl,
    browser,
    page,
    consoleErrors,
    async close() {
      await browser.close();
      await system.close();
    },
  };
}

/** Signs in through the dev-mode picker as the demo user with this display name. */
export async function signInAs(page: Page, displayName: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: `Anmelden als ${displayName}` }).click();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The error message a field points at with aria-describedby (the last id: hints come first). */
export async function describedBy(page: Page, field: Locator): Promise<Locator> {
  const ids = (await field.getAttribute('aria-describedby'))?.split(' ') ?? [];
  if (ids.length === 0) throw new Error('the field describes no error');
  return page.locator(`[id="${ids[ids.length - 1]}"]`);
}

/**
 * WCAG 2.1 A and AA violations of the page as axe-core finds them (rule id, impact and the first
 * offending elements). Automated checks catch only part of WCAG; labels, contrast, ARIA and
 * structure are in that part.
 */
export async function accessibilityViolations(page: Page): Promise<Array<{ rule: string; impact: string | null; nodes: string[] }>> {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy forbids injected script tags, rightly.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  // A string, so that the test's TypeScript needs no DOM types; it runs in the page.
  return page.evaluate(`(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  })()`);
}

/** Words that appear in English messages and never in German ones (whole words, any case). */
const ENGLISH =
  /\b(must|should|the|is|are|was|were|not|invalid|required|error|failed|cannot|forbidden|unauthorized|found|expected|value|property|each|longer|shorter|than|equal|internal|server|request|unknown|please|characters?|allowed|exists?|elements?|contain|string|number|array|object|empty|missing|conflict|denied|timeout)\b/i;

/**
 * Messages the page shows (alerts, field errors, status lines, dialogs) that read as English. A
 * journey asserts none: everything a user reads is German.
 */
export async function englishMessages(page: Page): Promise<string[]> {
  const texts = await page.locator('[role="alert"], [role="status"], .field-error, .error-summary, dialog[open], .hint').allInnerTexts();
  return texts.map((t) => t.trim()).filter((t) => ENGLISH.test(t));
}
