import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SWEEP_PAGES, type SweepIds } from './a11y-pages.js';
import { browserSuite, problemLog, seriousViolations } from './harness.js';

// Every page of the app, in the example workspace, in German and English, on
// a desktop and a phone: axe may find nothing serious or critical. The pages
// are listed in a11y-pages.ts (add new ones there). One browser; per
// viewport and language one logged-in and one logged-out page.

const admin = { email: 'orga@example.org', password: 'ein-langes-passwort' };
// Logged out, the app asks who is logged in (401); the not-found and setup pages provoke 404 and 409.
const log = problemLog((text) => /status of 40[1349]/.test(text));
const suite = browserSuite({ admin, log, env: { BILANZ_EXAMPLE: 'true' } });
const ids: SweepIds = {
  ws: 'beispiel',
  wave: '',
  openWaveKey: '',
  questionnaire: 'mitglieder',
  indicator: 'mitglieder',
  openQuestion: 'strengths',
  shareToken: '',
};

beforeAll(async () => {
  const client = suite.client;
  const { waves } = await client.expect<{ waves: Array<{ id: string; title: string }> }>(
    200,
    'GET',
    `/workspaces/${ids.ws}/waves`,
  );
  ids.wave = waves.find((wave) => wave.title === 'Mitgliederumfrage 2015')!.id;
  const open = await client.expect<{ key: string }>(201, 'POST', `/workspaces/${ids.ws}/waves`, {
    questionnaire: 'mitglieder',
    version: 1,
    title: 'Zugänglichkeit',
    access: 'link',
  });
  ids.openWaveKey = open.key;
  const report = await client.expect<{ id: string }>(201, 'POST', `/workspaces/${ids.ws}/reports`, {
    title: 'Zugänglichkeit',
    wave: ids.wave,
    sections: ['input', 'output', 'outcome_impact', 'survey', 'comparison', 'decisions'].map((kind) => ({ kind })),
  });
  const share = await client.expect<{ token: string }>(201, 'POST', `/workspaces/${ids.ws}/shares`, {
    report: report.id,
  });
  ids.shareToken = share.token;
});

const viewports = [
  { label: 'desktop', viewport: { width: 1280, height: 900 } },
  { label: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
] as const;
const languages = [
  { label: 'German', locale: 'de-DE', lang: 'de' },
  { label: 'English', locale: 'en-US', lang: 'en' },
] as const;

for (const { label, ...device } of viewports) {
  for (const language of languages) {
    describe(`${language.label}, ${label}`, () => {
      // One logged-in and one logged-out page per combination, moving from address to address.
      const pages: { session?: Page; anonymous?: Page } = {};
      beforeAll(async () => {
        const options = { ...device, locale: language.locale, timeout: 30_000 };
        pages.session = await suite.newPage({ ...options, session: suite.client });
        pages.anonymous = await suite.newPage(options);
      });
      afterAll(async () => {
        await pages.session?.context().close();
        await pages.anonymous?.context().close();
      });

      for (const spec of SWEEP_PAGES) {
        it(spec.name, async () => {
          const page = (spec.session === false ? pages.anonymous : pages.session)!;
          await page.goto(`${suite.baseUrl}${spec.path(ids)}`);
          await page.locator('h1').first().waitFor();
          await page.locator('.loading').first().waitFor({ state: 'detached' });
          expect(await page.locator('html').getAttribute('lang')).toBe(language.lang);
          await spec.prepare?.(page);
          expect([...(await seriousViolations(page)), ...((await spec.check?.(page)) ?? [])]).toEqual([]);
        });
      }
    });
  }
}

it('logged no console errors and no CSP violations', () => {
  expect(log.problems).toEqual([]);
});
