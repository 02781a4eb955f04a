import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { answersOf, definition } from '../fixtures/figures-survey.js';
import { browserSuite, problemLog, seriousViolations, type ApiClient } from './harness.js';

// An organiser reads, in German, the dashboard of a wave whose questionnaire
// has a multiple text, a ranking, a slider, a dropdown matrix, a dynamic
// matrix and a dynamic panel: each shows its figures (a table cell with the
// right number), and axe finds nothing serious; under the production CSP.

const admin = { email: 'orga@example.org', password: 'ein-langes-passwort' };
const ws = 'netzwerk';
const RESPONSES = 10;

let page: Page;
let baseUrl: string;
let client: ApiClient;
let wave: { id: string; key: string };
const log = problemLog(() => false);

/** The dashboard card of a question, by its heading. */
const card = (title: string, level = 2): Locator =>
  page.locator('section', { has: page.getByRole('heading', { name: title, level, exact: true }) }).last();

/** The cells of the table row whose header is `label`, inside `scope`. */
async function rowCells(scope: Locator, label: string): Promise<string[]> {
  const row = scope
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) })
    .first();
  // Numbers are formatted with (narrow) no-break spaces before "%": compare them as plain spaces.
  return (await row.getByRole('cell').allTextContents()).map((t) => t.replace(/[\u00a0\u202f]/g, ' '));
}

/** Opens every "show as table" of a card. */
async function openTables(scope: Locator): Promise<void> {
  const closed = scope.locator('details:not([open]) > summary');
  while ((await closed.count()) > 0) await closed.first().click();
}

const suite = browserSuite({ admin, log });

beforeAll(async () => {
  baseUrl = suite.baseUrl;
  client = suite.client;
  await client.expect(201, 'POST', '/workspaces', { slug: ws, name: 'Netzwerk' });
  await client.expect(201, 'POST', `/workspaces/${ws}/questionnaires`, { slug: 'check', definition });
  await client.expect(201, 'POST', `/workspaces/${ws}/questionnaires/check/publish`, {});
  wave = await client.expect<{ id: string; key: string }>(201, 'POST', `/workspaces/${ws}/waves`, {
    questionnaire: 'check',
    version: 1,
    title: 'Netzwerk-Check 2025',
    access: 'link',
  });
  for (let i = 0; i < RESPONSES; i++) {
    await client.expect(201, 'POST', `/public/waves/${wave.key}/responses`, {
      id: crypto.randomUUID(),
      status: 'complete',
      data: answersOf(i),
    });
  }

  page = await suite.newPage({ session: client });
});

describe('dashboard figures of every kind', () => {
  it('opens the dashboard with all responses', async () => {
    await page.goto(`${baseUrl}/w/${ws}/waves/${wave.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Netzwerk-Check 2025');
    await expect.poll(() => page.getByTestId('complete').textContent()).toBe(String(RESPONSES));
  });

  it('shows a multiple text: respondents per field and the mean of the number field', async () => {
    const person = card('Angaben zu dir');
    await person
      .getByRole('img', { name: 'Diagramm zu „Angaben zu dir“. Die Zahlen stehen in der Tabelle darunter.' })
      .waitFor();
    await openTables(person);
    expect(await rowCells(person, 'Stadtteil')).toEqual(['10', '']);
    // Ages 30 to 39: mean 34.5.
    expect(await rowCells(person, 'Alter')).toEqual(['10', '34,5']);
  });

  it('shows a ranking by mean rank, best first, and says that lower is better', async () => {
    const ranking = card('Was ist dir im Netzwerk am wichtigsten?');
    await ranking.getByText('niedriger ist also besser', { exact: false }).waitFor();
    await openTables(ranking);
    expect(await rowCells(ranking, 'Zeit für Austausch')).toEqual(['10', '1,3']);
    expect(await rowCells(ranking, 'Geld für Projekte')).toEqual(['10', '1,7']);
    expect(await rowCells(ranking, 'Räume für Treffen')).toEqual(['10', '3,0']);
    const order = await ranking.locator('tbody th').allTextContents();
    expect(order).toEqual(['Zeit für Austausch', 'Geld für Projekte', 'Räume für Treffen']);
  });

  it('shows a slider with its mean and the counts over its steps', async () => {
    const slider = card('Wie zufrieden bist du insgesamt?');
    await slider.getByText('Mittelwert: 8,0').waitFor();
    await openTables(slider);
    expect(await rowCells(slider, '7')).toEqual(['7', '5', '50 %']);
    expect(await rowCells(slider, '9')).toEqual(['9', '5', '50 %']);
    expect(await rowCells(slider, '3')).toEqual(['3', '0', '0 %']);
  });

  it('shows a dropdown matrix as rows × columns with shares and means', async () => {
    const matrix = card('Welche Angebote nutzt du, und wie gut sind sie?');
    const table = matrix.getByRole('table', { name: 'Welche Angebote nutzt du, und wie gut sind sie?' });
    const [usedMeetings, ratingMeetings] = await rowCells(table, 'Netzwerktreffen');
    expect(usedMeetings).toContain('Ja: 10 (100 %)');
    expect(ratingMeetings).toContain('Mittelwert: 4,5');
    const [usedNewsletter, ratingNewsletter] = await rowCells(table, 'Newsletter');
    expect(usedNewsletter).toContain('Ja: 5 (50 %)');
    expect(usedNewsletter).toContain('Nein: 5 (50 %)');
    expect(ratingNewsletter).toContain('Mittelwert: 3,0');
    await matrix.getByRole('heading', { name: 'Antworten in „Genutzt“' }).waitFor();
    await matrix.getByRole('heading', { name: 'Mittelwert von „Bewertung“' }).waitFor();
  });

  it('shows a dynamic matrix: rows per respondent and figures per column', async () => {
    const matrix = card('Deine Projekte im letzten Jahr');
    await matrix.getByText('10 Befragte haben 15 Zeilen ausgefüllt (1,5 pro Person).').waitFor();
    const [kind] = await rowCells(matrix, 'Art');
    expect(kind).toContain('10 Befragte');
    expect(kind).toContain('Nachbarschaft: 10 (100 %)');
    expect(kind).toContain('Bildung: 5 (50 %)');
    // Ratings over all 15 rows: (5 × 4 + 5 × 4 + 5 × 5) / 15 = 4.33.
    expect((await rowCells(matrix, 'Wirkung'))[0]).toContain('Mittelwert: 4,3');
  });

  it('shows a dynamic panel: how many entered how much, then each inner question as a card', async () => {
    const panel = card('Deine Veranstaltungen');
    await panel.getByText('10 Befragte haben 20 Einträge angelegt (2,0 pro Person).').waitFor();
    const format = card('Format', 3);
    await format
      .getByRole('img', { name: 'Diagramm zu „Format“. Die Zahlen stehen in der Tabelle darunter.' })
      .waitFor();
    await openTables(format);
    expect(await rowCells(format, 'Vor Ort')).toEqual(['praesenz', '10', '100 %']);
    expect(await rowCells(format, 'Online')).toEqual(['online', '5', '50 %']);
    // A number field is averaged: 5 × 12, 5 × 20 and 5 × 8 over 15 entries = 13.3.
    const participants = card('Teilnehmende', 3);
    await participants.getByText('Beantwortet von: 10').waitFor();
    await participants.getByText('Mittelwert: 13,3').waitFor();
  });

  it('filters on choice cells: grouped under their question, applied, named in the chip, and removed', async () => {
    const select = page.getByLabel('Nach Frage filtern');
    // Choice and rating cells only: the number fields, the slider and free text are not offered.
    expect(
      await select
        .locator('optgroup')
        .evaluateAll((groups) =>
          groups.map((g) => [g.getAttribute('label'), [...g.querySelectorAll('option')].map((o) => o.textContent)]),
        ),
    ).toEqual([
      [
        'Welche Angebote nutzt du, und wie gut sind sie?',
        ['Netzwerktreffen – Genutzt', 'Netzwerktreffen – Bewertung', 'Newsletter – Genutzt', 'Newsletter – Bewertung'],
      ],
      ['Deine Projekte im letzten Jahr', ['Art', 'Wirkung']],
      ['Deine Veranstaltungen', ['Format']],
    ]);
    await select.selectOption({ label: 'Format' });
    await page.getByLabel('Antwort', { exact: true }).selectOption({ label: 'Online' });
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    // The five who held an online event, every one of them rating 9.
    await page.getByText('Deine Veranstaltungen – Format: Online').waitFor();
    await card('Wie zufrieden bist du insgesamt?').getByText('Mittelwert: 9,0').waitFor();
    expect(page.url()).toContain(`where=${encodeURIComponent('veranstaltungen:format:online')}`);
    await page.getByRole('button', { name: 'Filter Deine Veranstaltungen – Format: Online entfernen' }).click();
    await card('Wie zufrieden bist du insgesamt?').getByText('Mittelwert: 8,0').waitFor();
  });

  it('offers each dynamic panel and matrix as a long table of its own, one row per entry', async () => {
    const link = page.getByRole('link', { name: '„Deine Veranstaltungen“: eine Zeile je Eintrag (CSV)' });
    await page.getByRole('link', { name: '„Deine Projekte im letzten Jahr“: eine Zeile je Eintrag (CSV)' }).waitFor();
    const csv = await page.request.get(new URL((await link.getAttribute('href'))!, baseUrl).toString());
    expect(csv.status()).toBe(200);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toBe('response_id,veranstaltungen.panel,veranstaltungen.format,veranstaltungen.teilnehmende');
    // Five respondents with one event, five with three.
    expect(lines).toHaveLength(1 + 5 * 1 + 5 * 3);
  });

  it('passes axe with every table open, on a wide screen and on a phone', async () => {
    await openTables(page.locator('main'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('logged no console errors or CSP violations', () => {
    expect(log.problems).toEqual([]);
  });
});
