import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportContent } from '../../web/src/api/types.js';
import { browserSuite, phone, problemLog, seriousViolations } from './harness.js';

// The example workspace ships a finished report, "Strategiesitzung Mai
// 2015", with a share link. Printed by Chromium to A4, it must fit in at
// most 12 pages and carry its figures as text: every survey percentage,
// every chart's category labels and the indicators' values, computed here
// from the API's content (not written into the test). The same for the
// share page; and axe finds nothing serious on either, in German and
// English, on a desktop and a phone.

const admin = { email: 'orga@example.org', password: 'ein-langes-passwort' };
const ws = 'beispiel';
const TITLE = 'Strategiesitzung Mai 2015';
const SHARE = '/share/beispiel-strategiesitzung-mai-2015';

const log = problemLog(() => false);
const suite = browserSuite({ admin, env: { BILANZ_EXAMPLE: 'true' }, log });

let reportId = '';
const content: Partial<Record<'de' | 'en', ReportContent>> = {};

beforeAll(async () => {
  const list = await suite.client.expect<{ reports: Array<{ id: string; title: string }> }>(
    200,
    'GET',
    `/workspaces/${ws}/reports`,
  );
  reportId = list.reports.find((r) => r.title === TITLE)?.id ?? '';
  expect(reportId).not.toBe('');
  for (const locale of ['de', 'en'] as const)
    content[locale] = await suite.client.expect<ReportContent>(
      200,
      'GET',
      `/workspaces/${ws}/reports/${reportId}/content?locale=${locale}`,
    );
});

/** Spaces of any kind (line breaks, no-break spaces between a number and "%") read as one. */
const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** What the printed report must say: the survey's percentages and labels, the indicators' values. */
function expectedTexts(c: ReportContent, locale: 'de' | 'en'): string[] {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const out: string[] = [];
  for (const section of c.sections) {
    if (section.kind === 'survey') {
      expect(section.questions.length).toBeGreaterThan(5);
      for (const q of section.questions) {
        out.push(q.title);
        for (const choice of q.choices ?? []) {
          out.push(choice.label);
          if (choice.count !== null && q.n) out.push(percent.format(choice.count / q.n));
        }
        for (const row of q.rows ?? []) {
          out.push(row.label);
          for (const cell of row.choices)
            if (cell.count !== null && row.n) out.push(`${cell.count} (${percent.format(cell.count / row.n)})`);
        }
      }
    }
    if (section.kind === 'key_figures')
      for (const step of section.staircase)
        for (const i of step.indicators) {
          expect(i.value).not.toBeNull();
          out.push(`${i.name}: ${number.format(i.value!.value)}${i.unit ? ` ${i.unit}` : ''}`);
        }
  }
  return out.map(flat);
}

/** Prints the page as Chromium does on "Save as PDF" and reads it back. */
async function printed(page: Page): Promise<{ pages: number; text: string }> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return { pages: document.numPages, text: flat(text) };
}

async function checkPrint(page: Page, locale: 'de' | 'en') {
  const c = content[locale]!;
  await page.getByRole('heading', { name: TITLE }).first().waitFor();
  await page.locator('article.report-document canvas').first().waitFor();
  const { pages, text } = await printed(page);
  expect(pages).toBeGreaterThan(1);
  expect(pages).toBeLessThanOrEqual(12);
  const wanted = expectedTexts(c, locale);
  expect(wanted.length).toBeGreaterThan(40);
  const missing = wanted.filter((w) => !text.includes(w));
  expect(missing).toEqual([]);
  // Nothing meant for the editor on paper.
  for (const hint of ['Wähle eine Vergleichswelle', 'Bericht speichern', 'Freigabelink erstellen', 'Choose a wave'])
    expect(text).not.toContain(hint);
}

describe('the example report on paper', () => {
  it(
    'prints the report page to at most 12 A4 pages with every figure and label as text',
    { timeout: 180_000 },
    async () => {
      const page = await suite.newPage({ session: suite.client, timeout: 90_000 });
      await page.goto(`${suite.baseUrl}/w/${ws}/report?report=${reportId}`);
      await checkPrint(page, 'de');
      // Activities are summarised by quarter; the 62 blog posts are not listed one by one.
      const { text } = await printed(page);
      expect(text).not.toContain('Blogartikel 17:');
    },
  );

  it('prints the share page the same way, in English too', { timeout: 240_000 }, async () => {
    for (const locale of ['de', 'en'] as const) {
      const page = await suite.newPage({ locale: locale === 'de' ? 'de-DE' : 'en-GB', timeout: 90_000 });
      await page.goto(`${suite.baseUrl}${SHARE}`);
      await checkPrint(page, locale);
      await page.context().close();
    }
  });
});

// axe reads the whole page, charts and tables included: slow on a shared machine, hence the long timeouts.
describe('the report and share pages with axe', () => {
  for (const [name, size] of [
    ['desktop', {}],
    ['phone', phone],
  ] as const)
    for (const locale of ['de-DE', 'en-GB'])
      for (const who of ['report', 'share'] as const)
        it(`the ${who} page has no serious violations (${name}, ${locale})`, { timeout: 240_000 }, async () => {
          const page = await suite.newPage({
            ...size,
            locale,
            timeout: 90_000,
            ...(who === 'report' && { session: suite.client }),
          });
          await page.goto(`${suite.baseUrl}${who === 'report' ? `/w/${ws}/report?report=${reportId}` : SHARE}`);
          await page.locator('article.report-document canvas').first().waitFor();
          expect(await seriousViolations(page)).toEqual([]);
          await page.context().close();
        });
});
