import { beforeAll, expect, it } from 'vitest';
import { SWEEP_PAGES, type SweepIds } from './a11y-pages.js';
import { browserSuite, problemLog, seriousViolations } from './harness.js';

// Every page of the app, in the example workspace, in German and English, on
// a desktop and a phone: axe may find nothing serious or critical. The pages
// are listed in a11y-pages.ts (add new ones there). One browser; per
// viewport and language one logged-in and one logged-out page.

const admin = { email: 'orga@example.org', password: 'ein-langes-passwort' };
// The not-found page's address and the setup page (already set up) are refused by the API on purpose.
const log = problemLog((text) => /status of 40[349]/.test(text));
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

// The four combinations run side by side, each moving one logged-in and one
// logged-out page through the list; a combination reports every page's problems at once.
for (const { label, ...device } of viewports) {
  for (const language of languages) {
    it.concurrent(
      `${language.label}, ${label}: every page without serious axe violations`,
      { timeout: 900_000 },
      async () => {
        const options = { ...device, locale: language.locale, timeout: 30_000 };
        const session = await suite.newPage({ ...options, session: suite.client });
        const anonymous = await suite.newPage(options);
        const problems: Record<string, string[]> = {};
        try {
          for (const spec of SWEEP_PAGES) {
            const page = spec.session === false ? anonymous : session;
            await page.goto(`${suite.baseUrl}${spec.path(ids)}`);
            await page.locator('h1').first().waitFor();
            await page.locator('.loading').first().waitFor({ state: 'detached' });
            const found: string[] = [];
            const lang = await page.locator('html').getAttribute('lang');
            if (lang !== language.lang) found.push(`html lang="${lang}", not "${language.lang}"`);
            await spec.prepare?.(page);
            found.push(...(await seriousViolations(page)), ...((await spec.check?.(page)) ?? []));
            if (found.length > 0) problems[spec.name] = found;
          }
        } finally {
          await session.context().close();
          await anonymous.context().close();
        }
        expect(problems).toEqual({});
      },
    );
  }
}

it('logged no console errors and no CSP violations', () => {
  expect(log.problems).toEqual([]);
});
