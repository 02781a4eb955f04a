import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, phone, problemLog } from './harness.js';

// The impact pages of the example workspace as a newcomer reads them:
// counted values in the right singular or plural, staircase words kept
// whole at desktop and phone width, and the method hint in the indicator form.

const admin = { email: 'orga@example.org', password: 'ein-langes-passwort' };
const log = problemLog(() => false);
const suite = browserSuite({ admin, log, env: { BILANZ_EXAMPLE: 'true' } });
let base = '';

beforeAll(() => {
  base = `${suite.baseUrl}/w/beispiel`;
});

/**
 * Words of the staircase (step names, indicator names and values) that run
 * over more than one line: each word's range gives one rectangle per line
 * it occupies. Runs in the page.
 */
function splitWords(): string[] {
  const split: string[] = [];
  for (const box of document.querySelectorAll('.staircase-title, .indicator-item')) {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) split.push(match[0]);
      }
    }
  }
  return split;
}

const staircaseText = (page: Page) => page.locator('.staircase').innerText();

for (const [label, device] of [
  ['desktop', {}],
  ['phone', phone],
] as const) {
  describe(`the staircase on a ${label}`, () => {
    it('counts in the singular and the plural, in German and English', async () => {
      const page = await suite.newPage({ ...device, session: suite.client });
      await page.goto(`${base}/indicators`);
      await page.locator('.staircase .indicator-item').first().waitFor();
      const german = await staircaseText(page);
      expect(german).toMatch(/\b1 Förderung(?!en)/);
      expect(german).toMatch(/\b1 Projekt(?!e)/);
      expect(german).toContain('62 Artikel');
      expect(german).toContain('7 Stadtteile');
      expect(german).not.toMatch(/\b1 (Förderungen|Projekte|Stadtteile)\b/);
      // Step 7 is worded as a contribution.
      expect(german).toContain('Beitrag zur Veränderung der Gesellschaft');

      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => staircaseText(page)).toMatch(/\b1 grant(?!s)/);
      const english = await staircaseText(page);
      expect(english).toMatch(/\b1 project(?!s)/);
      expect(english).toContain('7 districts');
      expect(english).toContain('Contribution to change in society');
      await page.context().close();
    });

    it('breaks no word across lines', async () => {
      for (const locale of ['de-DE', 'en-US']) {
        const page = await suite.newPage({ ...device, locale, session: suite.client });
        await page.goto(`${base}/indicators`);
        await page.locator('.staircase .indicator-item').first().waitFor();
        expect(await page.locator('.staircase-title').count()).toBe(7);
        expect(await page.evaluate(splitWords)).toEqual([]);
        await page.context().close();
      }
    });
  });
}

describe('the indicator form', () => {
  it('gives a method hint while an activity count stands on steps 4–7, and none on step 1', async () => {
    const page = await suite.newPage({ session: suite.client });
    await page.goto(`${base}/indicators/new`);
    const hint = page.locator('.indicator-method-hint');
    await page.getByRole('radio', { name: /Aus dem Aktivitätenprotokoll/ }).check();
    await page.locator('select[name="activityType"]').selectOption('district_visit');
    await page.locator('select[name="level"]').selectOption('output');
    await page.locator('select[name="step"]').selectOption('1');
    expect(await hint.count()).toBe(0);
    await page.locator('select[name="level"]').selectOption('outcome');
    await page.locator('select[name="step"]').selectOption('4');
    await expect.poll(() => hint.textContent()).toContain('Stadtteilbesuch');
    // Inside a live region, so that screen readers hear it appear.
    expect(await hint.evaluate((el) => el.closest('[role="status"]') !== null)).toBe(true);
    // A won grant shows members acting differently: no hint on step 5.
    await page.locator('select[name="step"]').selectOption('5');
    await page.locator('select[name="activityType"]').selectOption('grant');
    await expect.poll(() => hint.count()).toBe(0);
    await page.context().close();
  });
});

it('logged no console errors and no CSP violations', () => {
  expect(log.problems).toEqual([]);
});
