import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, phone, problemLog, seriousViolations } from './harness.js';

// The account page's API tokens in Chromium: listed without their secrets,
// revoked by keyboard and by pointer, the empty state, and a password change
// that revokes every token (and the list that shows it), in German and English.

const admin = { email: 'ada@example.org', password: 'ein-langes-passwort' };

/** Chromium logs every 4xx as a console error; none is expected on this page. */
const log = problemLog(() => false);
const suite = browserSuite({ admin, log });
let page: Page;

/** Whether a token opens the API: 200, or 401 once revoked. */
const statusWith = (token: string) =>
  fetch(`${suite.baseUrl}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);

const cards = () => page.getByRole('list', { name: /Deine Tokens|Your tokens/ }).getByRole('listitem');

beforeAll(async () => {
  page = await suite.newPage({ ...phone, session: suite.client });
});

describe('API tokens on the account page', () => {
  let monthly: string;
  let backup: string;

  it('lists the tokens with their dates, never their secrets', async () => {
    monthly = (await suite.client.expect<{ token: string }>(201, 'POST', '/auth/tokens', { name: 'Monatsexport' }))
      .token;
    backup = (await suite.client.expect<{ token: string }>(201, 'POST', '/auth/tokens', { name: 'Backup' })).token;
    expect(await statusWith(backup)).toBe(200);

    await page.goto(`${suite.baseUrl}/account`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Dein Konto');
    await expect.poll(() => cards().count()).toBe(2);
    // Newest first; the used one shows the day of its use, the other "Nie".
    expect(await cards().nth(0).getByText('Backup', { exact: true }).count()).toBe(1);
    expect(await cards().nth(0).getByText('Zuletzt benutzt').count()).toBe(1);
    expect(await cards().nth(0).textContent()).not.toContain('Nie');
    expect(await cards().nth(1).getByText('Monatsexport', { exact: true }).count()).toBe(1);
    expect(await cards().nth(1).textContent()).toContain('Nie');
    const html = await page.content();
    expect(html).not.toContain(monthly);
    expect(html).not.toContain(backup);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('revokes a token by keyboard, asking once more, and keeps the focus on the list', async () => {
    await page.getByRole('button', { name: 'Token Backup widerrufen' }).focus();
    await page.keyboard.press('Enter');
    // The question takes the focus on its confirming button.
    const confirm = page.getByRole('button', { name: 'Ja, widerrufen' });
    await expect.poll(() => confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(
      await page
        .getByRole('group', {
          name: 'Token „Backup“ widerrufen? Skripte, die es nutzen, funktionieren dann nicht mehr.',
        })
        .count(),
    ).toBe(1);
    await page.keyboard.press('Enter');

    await page.getByRole('status').filter({ hasText: 'Das Token „Backup“ wurde widerrufen.' }).waitFor();
    await expect.poll(() => cards().count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Deine Tokens');
    expect(await statusWith(backup)).toBe(401);
    expect(await statusWith(monthly)).toBe(200);
  });

  it('cancels a revocation, then revokes the last token in English and shows the empty state', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your account');
    await page.getByRole('button', { name: 'Revoke token Monatsexport' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await statusWith(monthly)).toBe(200);

    await page.getByRole('button', { name: 'Revoke token Monatsexport' }).click();
    await page.getByRole('button', { name: 'Yes, revoke' }).click();
    await page.getByRole('status').filter({ hasText: 'The token “Monatsexport” was revoked.' }).waitFor();
    await page.getByText('You have no API tokens.').waitFor();
    expect(await statusWith(monthly)).toBe(401);
  });

  it('says that a password change revokes every token, and shows them gone after one', async () => {
    const script = (await suite.client.expect<{ token: string }>(201, 'POST', '/auth/tokens', { name: 'Skript' }))
      .token;
    await page.reload();
    await expect.poll(() => cards().count()).toBe(1);
    await page
      .getByText('Changing it logs you out on every other device and revokes all your API tokens', { exact: false })
      .waitFor();

    await page.getByLabel('Current password').fill(admin.password);
    await page.getByLabel('New password').fill('ein-neues-langes-passwort');
    await page.getByLabel('Repeat password').fill('ein-neues-langes-passwort');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page
      .getByRole('status')
      .filter({
        hasText: 'Your password was changed. You were logged out everywhere else, and your API tokens were revoked.',
      })
      .waitFor();
    await page.getByText('You have no API tokens.').waitFor();
    expect(await statusWith(script)).toBe(401);
    // The page's own session stays.
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your account');
  });

  it('logged no console errors and no CSP violations', () => {
    expect(log.problems).toEqual([]);
  });
});
