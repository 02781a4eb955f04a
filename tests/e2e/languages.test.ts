import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, phone, problemLog, seriousViolations, type ApiClient } from './harness.js';

// A questionnaire written in English (SurveyJS's default language, no
// `locale`) with German and French translations, answered by someone whose
// browser speaks German: German texts, survey-core's own German buttons and
// messages, lang="de"; then French and back, and the answers are sent in the
// language chosen last.

const admin = { email: 'orga@example.org', password: 'ein-langes-passwort' };
const ws = 'sprachen';

const definition = {
  title: { default: 'Member survey', de: 'Mitgliederumfrage', fr: 'Enquête auprès des membres' },
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'sector',
          isRequired: true,
          title: {
            default: 'Which sector do you work in?',
            de: 'In welchem Bereich arbeitest du?',
            fr: 'Dans quel secteur travaillez-vous ?',
          },
          choices: [
            { value: 'civic', text: { default: 'Civic', de: 'Bürgerschaftlich', fr: 'Civique' } },
            { value: 'nonprofit', text: { default: 'Nonprofit', de: 'Gemeinnützig', fr: 'Associatif' } },
          ],
        },
      ],
    },
    {
      name: 'p2',
      elements: [
        {
          type: 'comment',
          name: 'wish',
          title: { default: 'What do you wish for?', de: 'Was wünschst du dir?', fr: 'Que souhaitez-vous ?' },
        },
      ],
    },
  ],
};

let client: ApiClient;
let wave: { id: string; key: string };
const log = problemLog(() => false);
const suite = browserSuite({ admin, log });

const question = (page: Page, title: string) =>
  page.locator('.sd-question').filter({ has: page.locator('.sd-question__title', { hasText: title }) });
const surveyLang = (page: Page) =>
  page.locator('[lang]:has(> .sd-root-modern), [lang]:has(.sd-root-modern)').last().getAttribute('lang');

beforeAll(async () => {
  client = suite.client;
  await client.expect(201, 'POST', '/workspaces', { slug: ws, name: 'Sprachen' });
  await client.expect(201, 'POST', `/workspaces/${ws}/questionnaires`, { slug: 'mitglieder', definition });
  await client.expect(201, 'POST', `/workspaces/${ws}/questionnaires/mitglieder/publish`, {});
  wave = await client.expect<{ id: string; key: string }>(201, 'POST', `/workspaces/${ws}/waves`, {
    questionnaire: 'mitglieder',
    version: 1,
    title: 'Welle 2015',
    access: 'link',
  });
});

describe('an English questionnaire with German and French translations', () => {
  it('is answered in German, in French, and sent in German', async () => {
    const page = await suite.newPage({ ...phone, timeout: 30_000 });
    const context = page.context();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${suite.baseUrl}/s/${wave.key}`);

    // German: the browser's language, which the questionnaire carries.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mitgliederumfrage');
    const language = page.getByLabel('Sprache');
    expect(await language.inputValue()).toBe('de');
    expect(await language.locator('option').allTextContents()).toEqual(['English', 'Deutsch', 'Français']);
    await page.getByRole('heading', { name: 'Datenschutz', level: 2 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Los geht’s' }).click();
    await question(page, 'In welchem Bereich arbeitest du?').waitFor();
    expect(await surveyLang(page)).toBe('de');
    // survey-core's own button and message, from its German texts (in "du").
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByText('Bitte beantworte diese Frage.').waitFor();
    await question(page, 'In welchem Bereich arbeitest du?').getByText('Gemeinnützig', { exact: true }).click();

    // French: the survey and survey-core's texts switch; the page around it falls back to English.
    await language.selectOption('fr');
    await question(page, 'Dans quel secteur travaillez-vous ?').waitFor();
    await page.getByRole('button', { name: 'Suivant' }).waitFor();
    expect(await surveyLang(page)).toBe('fr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Enquête auprès des membres');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Language').waitFor();
    // The answer given in German stays.
    expect(await question(page, 'Dans quel secteur').getByRole('radio', { name: 'Associatif' }).isChecked()).toBe(true);
    expect(fetched.some((p) => /\/french-[^/]+\.js$/.test(p))).toBe(true);
    expect(fetched.some((p) => /\/(arabic|spanish|italian)-[^/]+\.js$/.test(p))).toBe(false);

    // Back to German, on to the end.
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await question(page, 'Was wünschst du dir?').locator('textarea').fill('Mehr Austausch');
    await page.getByRole('button', { name: 'Abschließen' }).click();
    await page.getByText('Vielen Dank, dass du mitgemacht hast!').waitFor();
    await context.close();

    // Stored with the language it was answered in.
    const csv = await fetch(`${suite.baseUrl}/api/v1/workspaces/${ws}/waves/${wave.id}/export?format=csv`, {
      headers: { Cookie: client.sessionCookie },
    }).then((r) => r.text());
    const [header, row] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    expect(row![header!.indexOf('locale')]).toBe('de');
    expect(row![header!.indexOf('sector')]).toBe('nonprofit');
  });

  it('starts in English for a browser whose language it does not carry, and switches to German', async () => {
    const page = await suite.newPage({ locale: 'it-IT', viewport: { width: 1280, height: 800 }, timeout: 30_000 });
    const context = page.context();
    await page.goto(`${suite.baseUrl}/s/${wave.key}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Member survey');
    await page.getByRole('button', { name: 'Start' }).click();
    await question(page, 'Which sector do you work in?').waitFor();
    await page.getByRole('button', { name: 'Next' }).waitFor();
    expect(await surveyLang(page)).toBe('en');
    await page.getByLabel('Language').selectOption('de');
    await question(page, 'In welchem Bereich arbeitest du?').waitFor();
    await page.getByRole('button', { name: 'Weiter' }).waitFor();
    expect(await surveyLang(page)).toBe('de');
    await context.close();
  });

  it('logged no console errors and no CSP violations', () => {
    expect(log.problems).toEqual([]);
  });
});
