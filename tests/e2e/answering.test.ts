import type { BrowserContext, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, phone, problemLog, seriousViolations, type ApiClient } from './harness.js';

// A member answers the network's member survey on a phone, in German: privacy
// notice, autosave, the resume link on a second device, completion; all under
// the production CSP and checked with axe.

const admin = { email: 'orga@example.org', password: 'ein-langes-passwort' };
const ws = 'netzwerk';

let baseUrl: string;
let client: ApiClient;
let wave: { id: string; key: string };
let resumeLink = '';
// The offline test aborts requests on purpose, and the busy test answers one with 429; Chromium logs each as a console error.
const log = problemLog((text) => text.includes('ERR_INTERNET_DISCONNECTED') || text.includes('status of 429'));
const suite = browserSuite({ admin, log });

/**
 * A new "device": its own cookies and storage, a phone's screen, German as the
 * browser's language; Playwright's default 30 s wait, which the offline test's retries may need.
 */
async function newDevice(): Promise<{ context: BrowserContext; page: Page }> {
  const page = await suite.newPage({ ...phone, timeout: 30_000 });
  return { context: page.context(), page };
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** One SurveyJS question, found by a part of its title. */
const question = (page: Page, title: string): Locator =>
  page.locator('.sd-question').filter({ has: page.locator('.sd-question__title', { hasText: title }) });

/** SurveyJS hides the real radio and checkbox inputs: respondents tap the option's text. */
async function choose(page: Page, questionTitle: string, option: string) {
  await question(page, questionTitle).getByText(option, { exact: true }).click();
}

async function next(page: Page) {
  await page.getByRole('button', { name: 'Weiter' }).click();
}

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
});

describe('answering the member survey on a phone', () => {
  let first: { context: BrowserContext; page: Page };

  it('shows the German privacy notice before the first question, without serious accessibility problems', async () => {
    first = await newDevice();
    const { page } = first;
    await page.goto(`${baseUrl}/s/${wave.key}`);
    await expect.poll(() => heading(page).textContent()).toBe('Zwei Jahre Stadtteilvernetzer – wie geht es weiter?');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await page.getByRole('heading', { name: 'Datenschutz', level: 2 }).waitFor();
    await page.getByText('Diese Befragung führt „Netzwerk“ mit Bilanz durch.').waitFor();
    await page.getByText('Sie ist anonym:', { exact: false }).waitFor();
    expect(await page.locator('.sd-question').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("fetches only the answering page's code, compressed", async () => {
    const { context, page } = await newDevice();
    try {
      const scripts: Array<{ url: string; encoding: string | undefined; length: number | undefined }> = [];
      const sizes: Array<Promise<{ url: string; bytes: number }>> = [];
      page.on('response', (res) => {
        const headers = res.headers();
        if (res.request().resourceType() === 'script') {
          const url = new URL(res.url()).pathname;
          scripts.push({
            url,
            encoding: headers['content-encoding'],
            length: headers['content-length'] ? Number(headers['content-length']) : undefined,
          });
          sizes.push(res.body().then((b) => ({ url, bytes: b.length })));
        }
      });
      await page.goto(`${baseUrl}/s/${wave.key}`);
      await page.getByRole('button', { name: 'Los geht’s' }).click();
      await question(page, 'Aus welchem Bereich kommst du?').waitFor();
      expect(scripts.length).toBeGreaterThan(0);
      // Charts, the designer and the organisers' pages load only where they are used.
      expect(
        scripts
          .map((s) => s.url)
          .filter((u) =>
            /\/(Chart|DesignerPage|ResultsPage|ReportPage|IndicatorPage|WavesPage|MembersPage|WorkspaceHomePage|ProjectorPage)-/.test(
              u,
            ),
          ),
      ).toEqual([]);
      // Compressed, except files under a kilobyte (not worth it; they come with their length).
      for (const s of scripts)
        if (!(s.length !== undefined && s.length < 1024)) expect(['gzip', 'br'], s.url).toContain(s.encoding);
      expect(scripts.filter((s) => s.encoding !== undefined).length).toBeGreaterThanOrEqual(3);
      // A budget for the app's own code on this page, beside the survey library (survey-core, about
      // 1.6 MB, in the chunk named after setup.ts or survey-texts.ts): 0.6 MB now; everything in one
      // bundle, as before the organisers' pages were split off, was 0.95 MB.
      const own = (await Promise.all(sizes))
        .filter((s) => !/\/(setup|survey-texts)-/.test(s.url))
        .reduce((sum, s) => sum + s.bytes, 0);
      // survey-core's texts for other languages are not fetched for a German survey.
      expect(scripts.map((s) => s.url).filter((u) => /\/(french|english|arabic|spanish)-/.test(u))).toEqual([]);
      expect(own).toBeLessThan(750_000);
    } finally {
      await context.close();
    }
  });

  it('starts with the focus on the first question, and passes axe there too', async () => {
    const { page } = first;
    await page.getByRole('button', { name: 'Los geht’s' }).click();
    await question(page, 'Aus welchem Bereich kommst du?').waitFor();
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.closest('.sd-question')?.getAttribute('data-name') ?? null),
      )
      .toBe('sector');
    // The page's own progress is there, counting the visible pages and empty at the start.
    expect(await page.locator('.survey-progress-text').textContent()).toBe('Seite 1 von 6');
    expect(await page.locator('.survey-progress-bar').evaluate((bar: HTMLProgressElement) => bar.value)).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('answers the first page, goes on and autosaves', async () => {
    const { page } = first;
    await choose(page, 'Aus welchem Bereich kommst du?', 'Gemeinnützig (z. B. Verein, freier Träger, Stiftung)');
    await question(page, 'Seit wann bist du bei den Stadtteilvernetzern dabei?').locator('.sd-dropdown').click();
    await page.getByRole('option', { name: 'Seit 2014' }).click();
    await choose(page, 'In welchen Stadtbezirken bist du aktiv?', 'Mitte');
    await choose(page, 'In welchen Stadtbezirken bist du aktiv?', 'West');
    await choose(page, 'Wie oft bist du bei unseren Treffen dabei', 'Oft');
    await next(page);
    await question(page, 'Wie wertvoll sind diese Angebote des Netzwerks für dich?').waitFor();
    await page.getByText('Deine bisherigen Antworten sind gespeichert.').waitFor();

    const stored = await page.evaluate((key) => localStorage.getItem(`bilanz.answer.${key}`), wave.key);
    expect(JSON.parse(stored ?? 'null')).toMatchObject({
      pageNo: 1,
      locale: 'de',
      data: { sector: 'nonprofit', memberSince: 2014, participation: 'often' },
    });

    await page.getByText('Später oder auf einem anderen Gerät weitermachen').click();
    resumeLink = await page.getByLabel('Link zum Weitermachen').inputValue();
    expect(resumeLink).toMatch(new RegExp(`^${baseUrl}/s/${wave.key}#resume=[0-9a-f-]{36}$`));
  });

  it('continues on a second device from the resume link and completes the survey', async () => {
    const { context, page } = await newDevice();
    await page.goto(resumeLink);
    await page.getByText('Deine bisherigen Antworten sind wiederhergestellt.', { exact: false }).waitFor();
    // The response id is a secret of the respondent: it leaves the address bar.
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await page.getByRole('button', { name: 'Weitermachen' }).click();

    const sector = question(page, 'Aus welchem Bereich kommst du?');
    await sector.waitFor();
    await expect.poll(() => sector.getByRole('radio', { name: /Gemeinnützig/ }).isChecked()).toBe(true);
    expect(
      await question(page, 'In welchen Stadtbezirken bist du aktiv?')
        .getByRole('checkbox', { name: 'West' })
        .isChecked(),
    ).toBe(true);
    await next(page);

    // Formats: one row of the matrix.
    const formats = question(page, 'Wie wertvoll sind diese Angebote des Netzwerks für dich?');
    await formats.waitFor();
    await next(page);

    await question(page, 'Was machen die Stadtteilvernetzer aus deiner Sicht richtig gut?')
      .locator('textarea')
      .fill('Die Stadtteilbesuche.');
    await next(page);

    await choose(page, 'Was sollten wir in den nächsten Jahren angehen?', 'Mehr Stadtteilbesuche');
    await next(page);

    await choose(page, 'neue Kontakte geknüpft', 'Ja');
    await choose(page, 'gemeinsames Projekt entstanden', 'Ja');
    await question(page, 'Magst du kurz erzählen, worum es dabei geht?').locator('textarea').fill('Ein Repair-Café.');
    await choose(page, 'etwas von einem anderen Mitglied nutzen können', 'Nein');
    await choose(page, 'Wissen oder Ideen aus dem Netzwerk', 'Nein');
    await next(page);

    // On a phone, SurveyJS shows the 0–10 scale as a list to pick from.
    await question(page, 'Wie wahrscheinlich ist es, dass du anderen empfiehlst').getByRole('combobox').click();
    await page.getByRole('option', { name: '8', exact: true }).click();
    await page.getByRole('button', { name: 'Abschicken' }).click();

    await page.getByText('Vielen Dank fürs Mitmachen!').waitFor();
    await page.getByText('Du kannst diese Seite jetzt schließen.').waitFor();
    expect(await page.evaluate((key) => localStorage.getItem(`bilanz.answer.${key}`), wave.key)).toBeNull();
    await context.close();
  });

  it('counts exactly one complete response and no partial one', async () => {
    const { body } = await client.call<{ wave: { responses: { complete: number; partial: number; held: number } } }>(
      'GET',
      `/workspaces/${ws}/waves/${wave.id}`,
    );
    expect(body.wave.responses).toEqual({ complete: 1, partial: 0, held: 0 });
    await first.context.close();
  });

  it('switches the survey to English', async () => {
    const { context, page } = await newDevice();
    await page.goto(`${baseUrl}/s/${wave.key}`);
    await page.getByRole('heading', { name: 'Datenschutz', level: 2 }).waitFor();
    // The questionnaire's languages, in a select of their own names.
    const language = page.getByLabel('Sprache');
    expect(await language.locator('option').allTextContents()).toEqual(['Deutsch', 'English']);
    await language.selectOption('en');
    await expect
      .poll(() => heading(page).textContent())
      .toBe('Two years of Stadtteilvernetzer – where do we go from here?');
    await page.getByRole('heading', { name: 'Privacy', level: 2 }).waitFor();
    await page.getByText('It is anonymous:', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    await question(page, 'Which sector do you work in?').waitFor();
    await page.getByRole('button', { name: 'Next' }).waitFor();
    await context.close();
  });

  it('keeps the answers on the device while the connection is gone, and saves them when it is back', async () => {
    const { context, page } = await newDevice();
    await page.goto(`${baseUrl}/s/${wave.key}`);
    await page.getByRole('button', { name: 'Los geht’s' }).click();
    // Offline: requests fail without an answer (Chromium logs each as a console error, which is expected here).
    await page.route('**/api/v1/public/waves/*/responses', (route) => route.abort('internetdisconnected'));
    await choose(
      page,
      'Aus welchem Bereich kommst du?',
      'Städtisch (z. B. Bezirksamt, Stadtverwaltung, städtische Einrichtung)',
    );
    await page.getByText('Gerade gibt es keine Verbindung.', { exact: false }).waitFor();
    const stored = await page.evaluate((key) => localStorage.getItem(`bilanz.answer.${key}`), wave.key);
    expect(JSON.parse(stored ?? 'null')).toMatchObject({ data: { sector: 'municipal' } });

    await page.unroute('**/api/v1/public/waves/*/responses');
    await page.getByRole('button', { name: 'Jetzt noch einmal versuchen' }).click();
    await page.getByText('Deine bisherigen Antworten sind gespeichert.').waitFor();
    await context.close();
  });

  it('waits when the server asks to (429 with Retry-After), says so, and saves by itself without a button', async () => {
    const { context, page } = await newDevice();
    await page.goto(`${baseUrl}/s/${wave.key}`);
    await page.getByRole('button', { name: 'Los geht’s' }).click();
    // The first save is refused as a full room's would be; the ones after it reach the server.
    const sent: number[] = [];
    await page.route('**/api/v1/public/waves/*/responses', async (route) => {
      sent.push(Date.now());
      if (sent.length === 1) {
        await route.fulfill({
          status: 429,
          headers: { 'Retry-After': '2', 'Content-Type': 'application/json' },
          body: JSON.stringify({
            error: {
              code: 'rate_limited',
              message: 'Zu viele Versuche. Bitte versuche es in einer Minute noch einmal.',
            },
          }),
        });
      } else await route.continue();
    });
    await choose(
      page,
      'Aus welchem Bereich kommst du?',
      'Bürgerschaftlich (z. B. Bürgerverein, Initiative, Nachbarschaftsgruppe)',
    );
    await page.getByText('Der Server ist gerade ausgelastet', { exact: false }).waitFor();
    // Nothing to press: the page waits the server's two seconds (and up to half again) and saves by itself.
    expect(await page.getByRole('button', { name: 'Jetzt noch einmal versuchen' }).count()).toBe(0);
    await page.getByText('Deine bisherigen Antworten sind gespeichert.').waitFor();
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent[1]! - sent[0]!).toBeGreaterThanOrEqual(2_000);
    await page.unroute('**/api/v1/public/waves/*/responses');
    await context.close();
  });

  it('logged no console errors and no CSP violations', () => {
    expect(log.problems).toEqual([]);
  });
});
