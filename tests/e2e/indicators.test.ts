import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, problemLog, seriousViolations, setupLink, type ApiClient } from './harness.js';

// An organiser looks at the network's impact in German: the Wirkungstreppe
// with a manual indicator on step 2 and an activity count on step 1, one
// indicator's chart and its table with where each value comes from, a
// measurement entered and deleted, and a new indicator made through the form
// (a survey source picked question by question); under the production CSP
// and checked with axe.

const account = { email: 'anna@example.org', password: 'ein-langes-passwort', name: 'Anna' };
const ws = 'netzwerk';

let page: Page;
let baseUrl: string;
let client: ApiClient;
// The form is sent once with a key that exists: Chromium logs the 409 as a console error.
const log = problemLog((text) => text.includes('status of 409'));
// No admin in the environment: the server prints a one-time setup link, whose account gets a name.
const suite = browserSuite({ log });

/** One step of the staircase, found by its heading. */
const step = (n: number): Locator =>
  page
    .locator('ol.staircase > li')
    .filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^Stufe ${n}:`) }) });

beforeAll(async () => {
  const token = new URL(await setupLink(suite.server)).hash.replace(/^#token=/, '');
  baseUrl = suite.baseUrl;
  client = suite.client;
  await client.expect(201, 'POST', '/auth/setup', { token, ...account });
  await client.expect(200, 'POST', '/auth/login', { email: account.email, password: account.password });
  await client.expect(201, 'POST', `/workspaces`, { slug: ws, name: 'Netzwerk' });
  await client.expect(201, 'POST', `/workspaces/${ws}/questionnaires`, {
    slug: 'mitglieder',
    template: 'mitgliederumfrage',
  });
  await client.expect(201, 'POST', `/workspaces/${ws}/questionnaires/mitglieder/publish`, {});

  await client.expect(201, 'POST', `/workspaces/${ws}/indicators`, {
    key: 'neue-kontakte',
    name: 'Neue Kontakte',
    description: 'Mitglieder, die über das Netzwerk neue Kontakte geknüpft haben.',
    unit: 'Personen',
    level: 'output',
    step: 2,
    direction: 'up',
    baseline: { date: '2015-01-01', value: 10 },
    target: { date: '2026-12-31', value: 50 },
    source: { kind: 'manual' },
  });
  await client.expect(201, 'POST', `/workspaces/${ws}/indicators/neue-kontakte/measurements`, {
    date: '2024-05-01',
    value: 20,
    note: 'Zählung beim Netzwerktreffen',
  });
  await client.expect(201, 'POST', `/workspaces/${ws}/indicators/neue-kontakte/measurements`, {
    date: '2025-05-01',
    value: 32,
  });

  await client.expect(201, 'POST', `/workspaces/${ws}/indicators`, {
    key: 'stadtteilbesuche',
    name: 'Stadtteilbesuche',
    unit: 'Besuche',
    level: 'output',
    step: 1,
    direction: 'up',
    source: { kind: 'activities', activityType: 'district_visit', measure: 'count' },
  });
  await client.expect(201, 'POST', `/workspaces/${ws}/activities`, {
    type: 'district_visit',
    title: 'Besuch in Nord',
    date: '2025-03-10',
    district: 'Nord',
  });
  await client.expect(201, 'POST', `/workspaces/${ws}/activities`, {
    type: 'district_visit',
    title: 'Besuch in Mitte',
    date: '2025-04-02',
    district: 'Mitte',
  });

  page = await suite.newPage({ session: client });
});

describe('impact pages', () => {
  it('draws the Wirkungstreppe with both indicators on their steps', async () => {
    await page.goto(`${baseUrl}/w/${ws}/indicators`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Wirkung');
    expect(
      await page
        .getByRole('navigation', { name: /Netzwerk/ })
        .getByRole('link', { name: 'Wirkung' })
        .getAttribute('aria-current'),
    ).toBe('page');
    await page.getByRole('tab', { name: 'Wirkungstreppe', selected: true }).waitFor();

    await step(1).waitFor();
    expect(await page.locator('ol.staircase > li').count()).toBe(7);
    expect(
      await page.getByRole('heading', { level: 3, name: 'Stufe 7: Beitrag zur Veränderung der Gesellschaft' }).count(),
    ).toBe(1);

    const contacts = step(2)
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Neue Kontakte' }) });
    await contacts.waitFor();
    expect(await contacts.textContent()).toContain('32 Personen');
    expect(await contacts.getByText('Trend: steigend, in die gewünschte Richtung').count()).toBe(1);

    const visits = step(1)
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Stadtteilbesuche' }) });
    expect(await visits.textContent()).toContain('2 Stadtteilbesuche');
    // Neither stands on another step.
    expect(await step(1).getByRole('link', { name: 'Neue Kontakte' }).count()).toBe(0);
    expect(await step(3).getByText('Noch kein Indikator.').count()).toBe(1);
    await page.getByRole('heading', { level: 2, name: 'Input: Ressourcen' }).waitFor();

    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the IOOI columns on the second tab', async () => {
    await page.getByRole('tab', { name: 'IOOI-Modell' }).click();
    const output = page.locator('section.iooi-column', {
      has: page.getByRole('heading', { level: 3, name: 'Output' }),
    });
    await output.getByRole('link', { name: 'Neue Kontakte' }).waitFor();
    await output.getByRole('link', { name: 'Stadtteilbesuche' }).waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('iooi');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Wirkungstreppe' }).click();
    await step(2).waitFor();
  });

  it('opens an indicator with its chart, progress and a table that says where each value comes from', async () => {
    await step(2).getByRole('link', { name: 'Neue Kontakte' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Neue Kontakte');
    await page.getByText('Von Hand eingetragene Messwerte').waitFor();

    const chart = page.getByRole('img', {
      name: 'Diagramm zu „Neue Kontakte“: Verlauf mit Ausgangs- und Zielwert. Die Zahlen stehen in der Tabelle darunter.',
    });
    await chart.waitFor();
    expect(await chart.evaluate((el) => el.tagName)).toBe('CANVAS');

    // (32 − 10) / (50 − 10) of the way from the baseline to the target.
    expect(await page.locator('progress').getAttribute('value')).toBe('55');
    await page.getByText(/^55\s%\sdes Wegs vom Ausgangswert zum Ziel$/).waitFor();

    const table = page.getByRole('table', { name: 'Werte und ihre Herkunft' });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('th').textContent()).toBe('01.05.2024');
    expect(await rows.nth(0).locator('td').nth(0).textContent()).toBe('20 Personen');
    expect(await rows.nth(0).locator('td').nth(1).textContent()).toBe(
      'eingetragen von Anna: Zählung beim Netzwerktreffen',
    );
    expect(await rows.nth(1).locator('td').nth(1).textContent()).toBe('eingetragen von Anna');

    expect(await seriousViolations(page)).toEqual([]);
  });

  it('enters a measurement with a decimal comma and deletes it again', async () => {
    await page.getByLabel('Datum', { exact: true }).fill('2025-09-01');
    await page.getByLabel('Wert', { exact: true }).fill('40,5');
    await page.getByLabel('Notiz', { exact: true }).fill('Nachzählung');
    await page.getByRole('button', { name: 'Messwert eintragen' }).click();
    await page.getByText('Der Messwert wurde eingetragen.').waitFor();

    const rows = page.getByRole('table', { name: 'Werte und ihre Herkunft' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(2).locator('td').nth(0).textContent()).toBe('40,5 Personen');
    expect(await rows.nth(2).locator('td').nth(1).textContent()).toBe('eingetragen von Anna: Nachzählung');

    await page.getByRole('button', { name: 'Messwert vom 01.09.2025 löschen' }).click();
    await page.getByRole('button', { name: 'Messwert löschen' }).click();
    await page.getByText('Der Messwert wurde gelöscht.').waitFor();
    await expect.poll(() => rows.count()).toBe(2);
  });

  it('counts activities, each point naming its activities', async () => {
    await page.getByRole('link', { name: 'Alle Indikatoren' }).click();
    await step(1).getByRole('link', { name: 'Stadtteilbesuche' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Stadtteilbesuche');
    await page
      .getByText('Aktivitätenprotokoll: Zahl der Aktivitäten der Art „Stadtteilbesuch“, über die Zeit aufsummiert')
      .waitFor();
    await page.getByRole('img', { name: /^Diagramm zu „Stadtteilbesuche“/ }).waitFor();
    const rows = page.getByRole('table', { name: 'Werte und ihre Herkunft' }).locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('td').allTextContents()).toEqual([
      '1 Stadtteilbesuch',
      '1 Aktivität: Besuch in Nord',
    ]);
    expect(await rows.nth(1).locator('td').allTextContents()).toEqual([
      '2 Stadtteilbesuche',
      '1 Aktivität: Besuch in Mitte',
    ]);
    // Computed from the log: no measurement form.
    expect(await page.getByRole('heading', { name: 'Messwert eintragen' }).count()).toBe(0);
  });

  it('creates an indicator through the form, with errors shown at the fields', async () => {
    await page.getByRole('link', { name: 'Alle Indikatoren' }).click();
    await page.getByRole('link', { name: 'Neuer Indikator' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Neuer Indikator');

    // Checked in the browser first: the key's pattern and the name.
    const key = page.getByLabel('Schlüssel');
    await key.fill('Teilnahme!');
    await page.getByRole('button', { name: 'Indikator anlegen' }).click();
    await page
      .getByText('Verwende 2 bis 48 Zeichen: Kleinbuchstaben, Ziffern und Bindestriche, am Anfang ein Buchstabe.')
      .waitFor();
    expect(await key.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => key.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.getByLabel('Name', { exact: true }).fill('Regelmäßige Teilnahme');
    await page.getByLabel('Einheit').fill('%');

    // Only the steps of the chosen level are offered.
    const level = page.getByLabel('Ebene (IOOI)');
    const stepSelect = page.getByLabel('Stufe der Wirkungstreppe');
    await level.selectOption('outcome');
    expect(await stepSelect.locator('option').allTextContents()).toEqual([
      'Keine Stufe',
      'Stufe 4: Zielgruppen verändern ihr Bewusstsein bzw. ihre Fähigkeiten',
      'Stufe 5: Zielgruppen ändern ihr Handeln',
      'Stufe 6: Lebenslage der Zielgruppen ändert sich',
    ]);
    await level.selectOption('input');
    expect(await stepSelect.count()).toBe(0);
    await page.getByText('Inputs stehen auf keiner Stufe.').waitFor();
    await level.selectOption('output');
    await stepSelect.selectOption({ label: 'Stufe 3: Zielgruppen akzeptieren die Angebote' });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Ausgangswert: Datum').fill('2015-06-30');
    await page.getByLabel('Ausgangswert: Wert').fill('40');
    await page.getByLabel('Zielwert: Datum').fill('2026-06-30');
    await page.getByLabel('Zielwert: Wert').fill('60');

    // The source: questionnaire → question → figure → the answers that count.
    await page.getByLabel('Aus einer Umfrage').check();
    await page.getByLabel('Fragebogen').selectOption('mitglieder');
    await page.getByLabel('Frage', { exact: true }).selectOption('participation');
    expect(await page.getByLabel('Kennzahl').inputValue()).toBe('share');
    await page.getByLabel(/^Fast immer/).check();
    await page.getByLabel(/^Oft/).check();
    expect(await seriousViolations(page)).toEqual([]);

    // A key that exists already: the server's answer shows at the key.
    await key.fill('neue-kontakte');
    await page.getByRole('button', { name: 'Indikator anlegen' }).click();
    await page.getByText('Einen Indikator „neue-kontakte“ gibt es schon.').waitFor();
    expect(await key.getAttribute('aria-invalid')).toBe('true');

    await key.fill('teilnahme');
    await page.getByRole('button', { name: 'Indikator anlegen' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/w/${ws}/indicators/teilnahme`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Regelmäßige Teilnahme');
    await page
      .getByText(
        'Umfrage „Zwei Jahre Stadtteilvernetzer – wie geht es weiter?“, Frage „Wie oft bist du bei unseren Treffen dabei – bei Stadtteilbesuchen oder beim thematischen Austausch?“: Anteil der Befragten (%), die „Fast immer“ oder „Oft“ geantwortet haben',
      )
      .waitFor();
    await page.getByText('Stufe 3: Zielgruppen akzeptieren die Angebote').waitFor();
    // No wave yet: no values, so no chart.
    await page.getByText('Noch keine Werte.').waitFor();

    const saved = await client.expect<{ source: unknown; step: number; baseline: unknown }>(
      200,
      'GET',
      `/workspaces/${ws}/indicators/teilnahme`,
    );
    expect(saved.source).toEqual({
      kind: 'survey',
      questionnaire: 'mitglieder',
      question: 'participation',
      measure: 'share',
      values: ['every', 'often'],
    });
    expect(saved.step).toBe(3);
    expect(saved.baseline).toEqual({ date: '2015-06-30', value: 40 });

    await page.getByRole('link', { name: 'Alle Indikatoren' }).click();
    await step(3).getByRole('link', { name: 'Regelmäßige Teilnahme' }).waitFor();
  });

  it('edits an indicator: the form comes filled in', async () => {
    await page.goto(`${baseUrl}/w/${ws}/indicators/teilnahme/edit`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('„Regelmäßige Teilnahme“ bearbeiten');
    expect(await page.getByLabel('Frage', { exact: true }).inputValue()).toBe('participation');
    expect(await page.getByLabel(/^Fast immer/).isChecked()).toBe(true);
    expect(await page.getByLabel(/^Selten/).isChecked()).toBe(false);
    await page.getByLabel('Name', { exact: true }).fill('Teilnahme an Treffen');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Teilnahme an Treffen');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('logged no console errors or CSP violations', () => {
    expect(log.problems).toEqual([]);
  });
});
