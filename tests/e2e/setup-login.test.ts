import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, problemLog, setupLink } from './harness.js';

// First run in a real browser against the built server: setup link, workspace,
// logout, login, language switch, all under the production CSP.

const admin = { name: 'Alex Admin', email: 'alex@example.org', password: 'ein-langes-passwort' };

let page: Page;
let baseUrl: string;
let setupUrl: string;

/**
 * Chromium logs every 4xx response as a console error. These are the answers
 * the app expects and handles: "not logged in" and the deliberately wrong password.
 */
function isExpectedRejection(text: string, url: string): boolean {
  return text.includes('status of 401') && (url.endsWith('/api/v1/auth/me') || url.endsWith('/api/v1/auth/login'));
}

const log = problemLog(isExpectedRejection);
// No admin in the environment: the server prints a one-time setup link.
const suite = browserSuite({ log });

const heading = () => page.getByRole('heading', { level: 1 });

beforeAll(async () => {
  setupUrl = await setupLink(suite.server);
  baseUrl = new URL(setupUrl).origin;
  page = await suite.newPage();
});

describe('first run in the browser', () => {
  it('creates the first admin from the setup link and hides the token', async () => {
    await page.goto(setupUrl);
    await expect.poll(() => heading().textContent()).toBe('Bilanz einrichten');
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');

    await page.getByLabel('Name', { exact: true }).fill(admin.name);
    await page.getByLabel('E-Mail-Adresse').fill(admin.email);
    await page.getByLabel('Passwort', { exact: true }).fill(admin.password);
    await page.getByLabel('Passwort wiederholen').fill(admin.password);
    await page.getByRole('button', { name: 'Konto anlegen' }).click();

    await page.waitForURL(`${baseUrl}/workspaces`);
    await expect.poll(() => heading().textContent()).toBe('Arbeitsbereiche');
    await page.getByText('Es gibt noch keine Arbeitsbereiche.', { exact: false }).waitFor();
  });

  it('creates a workspace and opens it', async () => {
    await page.getByLabel('Name des Arbeitsbereichs').fill('Netzwerk Süd');
    expect(await page.getByLabel('Kurzname').inputValue()).toBe('netzwerk-sued');
    await page.getByRole('button', { name: 'Arbeitsbereich anlegen' }).click();
    await page.getByRole('status').filter({ hasText: 'Arbeitsbereich „Netzwerk Süd“ angelegt.' }).waitFor();

    await page.getByRole('link', { name: 'Netzwerk Süd', exact: true }).click();
    await page.waitForURL(`${baseUrl}/w/netzwerk-sued`);
    await expect.poll(() => heading().textContent()).toBe('Netzwerk Süd');
    await page.getByText('Organisator*in', { exact: true }).waitFor();
    // The new page's heading has the focus, so screen readers announce it.
    await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.tagName')).toBe('H1');
  });

  it('logs out, refuses a wrong password in German, and logs in again', async () => {
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL(`${baseUrl}/login`);
    await expect.poll(() => heading().textContent()).toBe('Anmelden');

    await page.getByLabel('E-Mail-Adresse').fill(admin.email);
    await page.getByLabel('Passwort').fill('das-ist-nicht-richtig');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').filter({ hasText: 'E-Mail-Adresse oder Passwort ist falsch.' }).waitFor();

    await page.getByLabel('Passwort').fill(admin.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`${baseUrl}/workspaces`);
    await page.getByRole('link', { name: 'Netzwerk Süd', exact: true }).waitFor();
  });

  it('switches to English and keeps the choice', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => heading().textContent()).toBe('Workspaces');
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await expect.poll(() => heading().textContent()).toBe('Workspaces');

    await page.goto(`${baseUrl}/no-such-page`);
    await expect.poll(() => heading().textContent()).toBe('Page not found');
  });

  it('logged no console errors and no CSP violations', () => {
    expect(log.problems).toEqual([]);
  });
});
