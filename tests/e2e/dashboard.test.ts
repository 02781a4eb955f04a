import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../api/src/modules/questionnaires/definition-walk.js';
import { generateAnswers, seededRandom } from '../fixtures/answer-generator.js';
import { browserSuite, problemLog, type ApiClient } from './harness.js';

// An organiser opens the results of a wave with 30 responses in German:
// headline, a filter that goes into the URL and the request, the table
// alternative of a chart; under the production CSP.

const admin = { email: 'orga@example.org', password: 'ein-langes-passwort' };
const ws = 'netzwerk';
const RESPONSES = 30;
const MIN_GROUP = 5;

let page: Page;
let baseUrl: string;
let client: ApiClient;
let wave: { id: string; key: string };
let nonprofit = 0;
const log = problemLog(() => false);

/** The value next to a term of the headline. */
const fact = (term: string): Locator =>
  page.locator('.results-headline dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');

const suite = browserSuite({ admin, log });

beforeAll(async () => {
  baseUrl = suite.baseUrl;
  client = suite.client;
  await client.expect(201, 'POST', '/workspaces', { slug: ws, name: 'Netzwerk' });
  await client.expect(201, 'POST', `/workspaces/${ws}/questionnaires`, {
    slug: 'mitglieder',
    template: 'mitgliederumfrage',
  });
  await client.expect(201, 'POST', `/workspaces/${ws}/questionnaires/mitglieder/publish`, {});
  wave = await client.expect<{ id: string; key: string }>(201, 'POST', `/workspaces/${ws}/waves`, {
    questionnaire: 'mitglieder',
    version: 1,
    title: 'Mitgliederbefragung 2015',
    access: 'link',
  });

  const definition = JSON.parse(await readFile('surveys/mitgliederumfrage.json', 'utf8')) as JsonObject;
  for (let i = 1; i <= RESPONSES; i++) {
    const data = generateAnswers(definition, seededRandom(i));
    if (data.sector === 'nonprofit') nonprofit++;
    await client.expect(201, 'POST', `/public/waves/${wave.key}/responses`, {
      id: randomUUID(),
      data,
      status: 'complete',
      locale: 'de',
    });
  }

  page = await suite.newPage({ session: client });
});

describe('results dashboard', () => {
  it('shows the headline with all 30 complete responses and a chart per question', async () => {
    await page.goto(`${baseUrl}/w/${ws}/waves/${wave.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mitgliederbefragung 2015');
    await expect.poll(() => fact('Vollständige Antworten').textContent()).toBe(String(RESPONSES));
    await expect.poll(() => fact('Gezählte Befragte').textContent()).toBe(String(RESPONSES));
    await page
      .getByText(`Zum Schutz der Befragten zeigen wir keine Zahl, hinter der weniger als ${MIN_GROUP} Personen stehen.`)
      .waitFor();
    const sectorChart = page.getByRole('img', {
      name: 'Diagramm zu „Aus welchem Bereich kommst du?“. Die Zahlen stehen in der Tabelle darunter.',
    });
    await sectorChart.waitFor();
    expect(await sectorChart.evaluate((el) => el.tagName)).toBe('CANVAS');
    // Responses per day: all 30 were completed today, so one day with 30 in the table under the chart.
    const perDay = page.locator('.results-per-day');
    await perDay.getByRole('heading', { name: 'Antworten pro Tag' }).waitFor();
    await perDay.getByText('Als Tabelle zeigen').click();
    expect(await perDay.locator('tbody tr').count()).toBe(1);
    expect(await perDay.locator('tbody td').first().textContent()).toBe(String(RESPONSES));
    // The settings page is one link away.
    expect(
      await page.getByRole('link', { name: 'Einstellungen der Welle, Link und Einladungen' }).getAttribute('href'),
    ).toBe(`/w/${ws}/waves/${wave.id}/settings`);
  });

  it('filters by sector: the filter goes into the URL, n becomes the independent count', async () => {
    await page.getByLabel('Nach Frage filtern').selectOption({ label: 'Aus welchem Bereich kommst du?' });
    await page.getByLabel('Antwort', { exact: true }).selectOption('nonprofit');
    // Scrolled down to the filter bar, as someone working through the page would be.
    const apply = page.getByRole('button', { name: 'Filter anwenden' });
    await apply.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 200));
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(0);
    await apply.focus();
    await page.keyboard.press('Enter');

    await expect.poll(() => new URL(page.url()).searchParams.getAll('where')).toEqual(['sector:nonprofit']);
    await page
      .getByTestId('filter-announcement')
      .filter({ hasText: /^Ergebnisse aktualisiert/ })
      .waitFor();
    // The focus stays on the button and the page stays where it was (it used to jump to the top).
    expect(await apply.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    await page
      .getByRole('button', { name: /^Filter Aus welchem Bereich kommst du\?: Gemeinnützig .* entfernen$/ })
      .waitFor();
    if (nonprofit >= MIN_GROUP) {
      await expect.poll(() => fact('Befragte in dieser Auswahl').textContent()).toBe(String(nonprofit));
    } else {
      await expect.poll(() => fact('Befragte in dieser Auswahl').textContent()).toBe(`weniger als ${MIN_GROUP}`);
      await page
        .getByText(`Zu wenige Antworten für diese Auswahl (mindestens ${MIN_GROUP})`, { exact: false })
        .waitFor();
    }
    expect(nonprofit).toBeGreaterThan(0);
    expect(nonprofit).toBeLessThan(RESPONSES);
  });

  it('keeps the filter on reload and clears it', async () => {
    await page.reload();
    await page.getByRole('button', { name: /^Filter Aus welchem Bereich kommst du\?/ }).waitFor();
    await page.getByRole('button', { name: 'Alle Filter entfernen' }).click();
    await expect.poll(() => fact('Gezählte Befragte').textContent()).toBe(String(RESPONSES));
    expect(new URL(page.url()).searchParams.getAll('where')).toEqual([]);
  });

  it('opens the table alternative with counts that add up to n', async () => {
    const card = page.locator('section.result-card', {
      has: page.getByRole('heading', { name: 'Aus welchem Bereich kommst du?', level: 2 }),
    });
    await card.getByText('Als Tabelle zeigen').click();
    const table = card.getByRole('table');
    await table.waitFor();
    const row = table.getByRole('row', { name: /Gemeinnützig/ });
    const cells = await row.getByRole('cell').allTextContents();
    // Value, count, percent (the label is the row header). Secondary suppression
    // may hide even a cell of 5 or more, so the API's own figure is the reference.
    const { body } = await client.call<{
      questions: Array<{ name: string; choices?: Array<{ value: unknown; count: number | null }> }>;
    }>('GET', `/workspaces/${ws}/waves/${wave.id}/results?locale=de`);
    const count = body.questions.find((q) => q.name === 'sector')!.choices!.find((c) => c.value === 'nonprofit')!.count;
    expect(cells[0]).toBe('nonprofit');
    expect(cells[1]).toBe(count === null ? `weniger als ${MIN_GROUP}` : String(count));
    if (count === null) expect(cells[2]).toBe('–');
    else expect(cells[1]).toBe(String(nonprofit));
  });

  it('draws a trend for one question', async () => {
    await page.getByLabel('Frage', { exact: true }).selectOption({ label: 'Aus welchem Bereich kommst du?' });
    await page
      .getByRole('img', { name: 'Diagramm zu „Verlauf über die Wellen“. Die Zahlen stehen in der Tabelle darunter.' })
      .waitFor();
    expect(new URL(page.url()).searchParams.get('trend')).toBe('sector');
  });

  it('shows the comparison’s outcome right below its selector', async () => {
    const other = await client.expect<{ id: string }>(201, 'POST', `/workspaces/${ws}/waves`, {
      questionnaire: 'mitglieder',
      version: 1,
      title: 'Mitgliederbefragung 2014',
      access: 'link',
    });
    await page.goto(`${baseUrl}/w/${ws}/waves/${wave.id}`);
    const select = page.getByLabel('Mit Welle vergleichen');
    await select.selectOption({ label: 'Mitgliederbefragung 2014' });
    await expect.poll(() => new URL(page.url()).searchParams.get('compare')).toBe(other.id);
    // The empty wave has nothing to compare: said next to the selector, not after the last question.
    const outcome = page.getByText('Zu wenige Antworten in „Mitgliederbefragung 2014“', { exact: false });
    await outcome.waitFor();
    const control = (await select.boundingBox())!;
    const said = (await outcome.boundingBox())!;
    expect(said.y).toBeGreaterThanOrEqual(control.y + control.height);
    expect(said.y - (control.y + control.height)).toBeLessThan(200);
    expect(await outcome.count()).toBe(1);
  });

  it('logged no console errors or CSP violations', () => {
    expect(log.problems).toEqual([]);
  });
});
