import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, problemLog, seriousViolations, type ApiClient } from './harness.js';

// An organiser of the example network prepares the strategy session's
// report in the browser (German): period, wave, sections chosen and
// reordered with the keyboard, key questions, the strengths question with a
// picked quote, the decisions text. The report is checked with axe, printed
// to PDF by Chromium (A4, page numbers, no navigation) and shared by link; the
// link opens in a fresh browser without cookies and shows no free text.

const admin = { email: 'orga@example.org', password: 'ein-langes-passwort' };
const ws = 'beispiel';
const TITLE = 'Strategietag Mai 2015';
const DECISIONS =
  'Wir besuchen 2016 Bad Cannstatt und Zuffenhausen.\n\nDie Strategiegruppe trifft sich vierteljährlich.';

let page: Page;
let baseUrl: string;
let client: ApiClient;
let waveId: string;
/** Every open-answer text of the example wave: none may show on a share link. */
let openTexts: string[] = [];
let shareUrl = '';
// The unknown share link answers 404, which Chromium logs as a console error.
const log = problemLog((text) => text.includes('status of 404'));

const suite = browserSuite({ admin, env: { BILANZ_EXAMPLE: 'true' }, log });

beforeAll(async () => {
  baseUrl = suite.baseUrl;
  client = suite.client;
  const waves = await client.expect<{ waves: Array<{ id: string }> }>(200, 'GET', `/workspaces/${ws}/waves`);
  waveId = waves.waves[0]!.id;
  // Code some strengths, so that the report has top codes with counts.
  const code = await client.expect<{ id: string }>(201, 'POST', `/workspaces/${ws}/questionnaires/mitglieder/codes`, {
    label: 'Austausch',
  });
  const strengths = await client.expect<{ answers: Array<{ id: string; text: string }> }>(
    200,
    'GET',
    `/workspaces/${ws}/waves/${waveId}/answers/strengths`,
  );
  for (const a of strengths.answers.slice(0, 8))
    await client.expect(200, 'PUT', `/workspaces/${ws}/waves/${waveId}/answers/strengths/${a.id}/codes`, {
      codes: [code.id],
    });
  for (const question of [
    'strengths',
    'weaknesses',
    'topicWishes',
    'jointProjectDetails',
    'knowledgeTransferDetails',
    'finalComments',
  ]) {
    const list = await client.expect<{ answers: Array<{ text: string }> }>(
      200,
      'GET',
      `/workspaces/${ws}/waves/${waveId}/answers/${question}`,
    );
    openTexts.push(...list.answers.map((a) => a.text));
  }
  // A few synthetic answers repeat the titles of logged activities (organiser-written, shown on purpose): those are no test of free text.
  const activities = await client.expect<{ activities: Array<{ title: string }> }>(
    200,
    'GET',
    `/workspaces/${ws}/activities`,
  );
  openTexts = [...new Set(openTexts)].filter((text) => !activities.activities.some((a) => a.title.includes(text)));

  page = await suite.newPage({ session: client });
});

describe('the strategy report', () => {
  it('is composed in the browser, saved and rendered with its sections', async () => {
    await page.goto(`${baseUrl}/w/${ws}/report`);
    await page.getByRole('heading', { level: 1, name: 'Strategiebericht' }).waitFor();
    await page.getByRole('link', { name: 'Bericht' }).waitFor();
    await page.getByLabel('Titel eines neuen Berichts').fill(TITLE);
    await page.getByRole('button', { name: 'Bericht anlegen' }).click();
    await page.getByRole('heading', { name: 'Bericht zusammenstellen' }).waitFor();

    await page.getByLabel('Von', { exact: true }).fill('2013-06-01');
    await page.getByLabel('Bis', { exact: true }).fill('2015-05-31');
    await page.getByLabel('Welle', { exact: true }).selectOption({ label: 'Mitgliederumfrage 2015 (mitglieder)' });
    await page.getByRole('checkbox', { name: 'Aus welchem Bereich kommst du?' }).check();
    await page.getByRole('checkbox', { name: /Wie wahrscheinlich ist es/ }).check();
    await page.getByLabel('Stärken', { exact: true }).selectOption('strengths');
    await page.getByText(/Beispielzitate \(0 gewählt\)/).click();
    // Where quotes are picked, the organiser reads that share links never show them.
    await page
      .locator('.report-quote-picker')
      .getByText('Ein Freigabelink zeigt keine Zitate: Freitextantworten werden nie öffentlich gezeigt.', {
        exact: false,
      })
      .waitFor();
    const quote = page.locator('.report-quote-picker input[type=checkbox]').first();
    // Answers with the same text are one entry, its label saying how many gave it; the report quotes the text once.
    const quoteLabel = (await page.locator('.report-quote-picker label').first().textContent()) ?? '';
    const quoteText = quoteLabel.replace(/ \(\d+ Antworten mit diesem Text\)$/, '');
    await quote.check();
    // Decisions first: moved up seven places (past the key figures) with the keyboard.
    const up = page.getByRole('button', { name: '„Beschlüsse und nächste Schritte“ nach oben' });
    await up.focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('Enter');
    // At the top the button is disabled: the focus stays on the row, on its other button.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('„Beschlüsse und nächste Schritte“ nach unten');
    await page.getByText('„Beschlüsse und nächste Schritte“ steht jetzt an Position 1.').waitFor({ state: 'attached' });
    await page.getByRole('textbox', { name: 'Beschlüsse und nächste Schritte' }).fill(DECISIONS);
    await page.getByText('Ungespeicherte Änderungen', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Bericht speichern' }).click();
    await page.getByText('Alles gespeichert').waitFor();

    const doc = page.locator('article.report-document');
    await doc.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    // The document follows once the saved report has been read back.
    await expect
      .poll(() => doc.locator('h3[id^=report-section-]').allTextContents())
      .toEqual([
        'Beschlüsse und nächste Schritte',
        'Das Wichtigste in Zahlen',
        'Input: eingesetzte Ressourcen',
        'Output: Aktivitäten und Reichweite',
        'Outcome und Beitrag zum Impact',
        'Zentrale Ergebnisse der Mitgliederumfrage',
        'Stärken, Schwächen und Entwicklungsoptionen',
        'Was gestiegen ist, was gesunken ist',
        // The example's action plan, from its strategy session: always the last chapter.
        'Planung und Ziele',
      ]);
    await doc.getByRole('heading', { level: 4, name: 'Aus welchem Bereich kommst du?' }).waitFor();
    await doc.locator('canvas').first().waitFor();
    // Charts are drawn at three device pixels per CSS pixel, so that they stay crisp on paper.
    const ratio = await doc
      .locator('canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) => c.width / c.getBoundingClientRect().width);
    expect(ratio).toBeGreaterThan(2.9);
    expect(await doc.locator('.report-paragraph').allTextContents()).toEqual(DECISIONS.split('\n\n'));
    const codes = doc.locator('#report-open-strengths').locator('xpath=..').locator('table');
    expect(await codes.locator('tbody tr').first().textContent()).toBe('Austausch8');
    await expect.poll(() => doc.locator('blockquote').allTextContents()).toEqual([quoteText]);

    // Saved: a reload shows the same report and order.
    await page.reload();
    await page.getByText('Alles gespeichert').waitFor();
    expect(await page.locator('article.report-document h3[id^=report-section-]').first().textContent()).toBe(
      'Beschlüsse und nächste Schritte',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('prints to A4 PDF pages with page numbers, its headings and no navigation', async () => {
    await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(300);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const document = await getDocumentProxy(new Uint8Array(pdf));
    expect(document.numPages).toBeGreaterThan(1);
    for (let i = 1; i <= document.numPages; i++) {
      const [, , width, height] = (await document.getPage(i)).view;
      // A4 is 595 × 842 points.
      expect(Math.abs(width! - 595.3)).toBeLessThan(2);
      expect(Math.abs(height! - 841.9)).toBeLessThan(2);
    }
    const { text } = await extractText(document, { mergePages: false });
    const pages = text;
    pages.forEach((pageText, i) => expect(pageText, `page ${i + 1}`).toContain(`${i + 1} / ${document.numPages}`));
    const all = pages.join('\n');
    for (const heading of [
      TITLE,
      'Beschlüsse und nächste Schritte',
      'Input: eingesetzte Ressourcen',
      'Output: Aktivitäten und Reichweite',
      'Outcome und Beitrag zum Impact',
      'Zentrale Ergebnisse der Mitgliederumfrage',
      'Stärken, Schwächen und Entwicklungsoptionen',
    ]) {
      expect(all.replace(/\s+/g, ' ')).toContain(heading);
    }
    for (const navigation of [
      'Fragebögen',
      'Erhebungswellen',
      'Abmelden',
      'Arbeitsbereiche',
      'Zum Inhalt springen',
      'Bericht zusammenstellen',
      'Freigabelink erstellen',
      'Bericht speichern',
      'Drucken oder als PDF speichern',
    ]) {
      expect(all, navigation).not.toContain(navigation);
    }
  });

  it('is shared by a link that a browser without cookies opens: figures, no free text', async () => {
    await page.getByRole('button', { name: 'Freigabelink erstellen' }).click();
    const field = page.getByLabel('Link zum Bericht (wird nur jetzt gezeigt)');
    await field.waitFor();
    shareUrl = await field.inputValue();
    expect(shareUrl).toMatch(new RegExp(`/share/[A-Za-z0-9_-]{43}$`));
    await page.locator('.report-share tbody tr').first().getByText('nie').waitFor();

    const fresh = await suite.browser.newContext({ locale: 'de-DE' });
    expect(await fresh.cookies()).toEqual([]);
    const visitor = log.watch(await fresh.newPage());
    await visitor.goto(
      shareUrl.replace('http://localhost', baseUrl.replace(/:\d+$/, '')).replace(/^http:\/\/[^/]+/, baseUrl),
    );
    await visitor.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await visitor.getByRole('heading', { level: 2, name: 'Zentrale Ergebnisse der Mitgliederumfrage' }).waitFor();
    await visitor.locator('canvas').first().waitFor();
    // No app navigation on the public page.
    expect(await visitor.getByRole('link', { name: 'Fragebögen' }).count()).toBe(0);
    const body = await visitor.locator('body').innerText();
    expect(openTexts.length).toBeGreaterThan(10);
    for (const text of openTexts) expect(body, text).not.toContain(text);
    expect(await visitor.locator('blockquote').count()).toBe(0);
    // The organiser's decisions are theirs to share.
    expect(body).toContain('Die Strategiegruppe trifft sich vierteljährlich.');
    expect(await seriousViolations(visitor)).toEqual([]);

    await visitor.goto(`${baseUrl}/share/${'x'.repeat(43)}`);
    await visitor.getByRole('heading', { name: 'Dieser Link funktioniert nicht' }).waitFor();
    await fresh.close();

    // The organiser sees the day of the visit.
    await page.reload();
    const today = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date());
    await page.locator('.report-share tbody tr').first().getByText(today).first().waitFor();
    expect(log.problems).toEqual([]);
  });
});
