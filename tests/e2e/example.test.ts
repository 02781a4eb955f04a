import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, problemLog, seriousViolations, type ApiClient } from './harness.js';

// A newcomer's first start with the example workspace (BILANZ_EXAMPLE on):
// it is labelled as example data everywhere, its dashboard and its
// Wirkungstreppe are populated at once, an indicator opens with its chart,
// and the organiser deletes it in one step.

const admin = { email: 'neu@example.org', password: 'ein-langes-passwort' };
const ws = 'beispiel';
/** The example's closed wave holds this many synthetic responses (api/src/modules/example). */
const EXAMPLE_RESPONSES = 70;

let page: Page;
let baseUrl: string;
let client: ApiClient;
const log = problemLog(() => false);

const step = (n: number): Locator =>
  page
    .locator('ol.staircase > li')
    .filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^Stufe ${n}:`) }) });
const fact = (term: string): Locator =>
  page.locator('.results-headline dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
const banner = () => page.getByRole('note').filter({ hasText: 'Beispieldaten' });

const suite = browserSuite({ admin, env: { BILANZ_EXAMPLE: 'true' }, log });

beforeAll(async () => {
  baseUrl = suite.baseUrl;
  client = suite.client;
  page = await suite.newPage({ session: client });
});

describe('the example workspace on a first start', () => {
  it('is listed with the admin as organiser and labelled as example data', async () => {
    await page.goto(`${baseUrl}/workspaces`);
    const card = page.locator('.card', {
      has: page.getByRole('link', { name: 'Beispiel: Stuttgarter Stadtteilvernetzer' }),
    });
    await card.waitFor();
    expect(await card.locator('.badge').allTextContents()).toEqual(['Organisator*in', 'Beispieldaten']);
  });

  it('shows the closed member-survey wave on a populated dashboard', async () => {
    const { waves } = await client.expect<{
      waves: Array<{ id: string; title: string; status: string }>;
    }>(200, 'GET', `/workspaces/${ws}/waves`);
    expect(waves.map((w) => [w.title, w.status])).toEqual([['Mitgliederumfrage 2015', 'closed']]);
    await page.goto(`${baseUrl}/w/${ws}/waves/${waves[0]!.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mitgliederumfrage 2015');
    await banner().waitFor();
    await expect.poll(() => fact('Vollständige Antworten').textContent()).toBe(String(EXAMPLE_RESPONSES));
    await page
      .getByRole('img', {
        name: 'Diagramm zu „Aus welchem Bereich kommst du?“. Die Zahlen stehen in der Tabelle darunter.',
      })
      .waitFor();
  });

  it('stands output, outcome and impact on the Wirkungstreppe, from all three sources', async () => {
    await page.goto(`${baseUrl}/w/${ws}/indicators`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Wirkung');
    await banner().waitFor();
    // Activity log: seven districts, Neckarvorstadt included.
    const districts = step(1)
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Besuchte Bezirke und Stadtteile' }) });
    await districts.waitFor();
    expect(await districts.textContent()).toContain('7 Stadtteile');
    // Manual measurements: 8 in June 2013, 79 in May 2015.
    const members = step(2)
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Mitglieder des Netzwerks' }) });
    expect(await members.textContent()).toContain('79 Personen');
    // Survey: a share of the 70 respondents.
    const contacts = step(4)
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Anteil der Mitglieder mit neuen hilfreichen Kontakten' }) });
    expect(await contacts.textContent()).toMatch(/\d+(,\d+)?\s%/);
    expect(await step(6).getByRole('link', { name: 'Anderswo übernommene Transferprojekte' }).count()).toBe(1);
    // A won grant shows members acting differently (step 5); step 7 is a change in the city, to which the network contributes.
    expect(await step(5).getByRole('link', { name: 'Eingeworbene Förderungen für gemeinsame Projekte' }).count()).toBe(
      1,
    );
    expect(
      await step(7)
        .getByRole('link', { name: 'Stadtteile mit dauerhaften Kooperationen von Bürgerschaft, Trägern und Stadt' })
        .count(),
    ).toBe(1);
    // The banner included.
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('opens the members indicator with its chart and every point traced to its entry', async () => {
    await step(2).getByRole('link', { name: 'Mitglieder des Netzwerks' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mitglieder des Netzwerks');
    const chart = page.getByRole('img', { name: /^Diagramm zu „Mitglieder des Netzwerks“/ });
    await chart.waitFor();
    expect(await chart.evaluate((el) => el.tagName)).toBe('CANVAS');
    const rows = page.getByRole('table', { name: 'Werte und ihre Herkunft' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(5);
    expect(await rows.nth(0).locator('th').textContent()).toBe('01.06.2013');
    expect(await rows.nth(0).locator('td').nth(0).textContent()).toBe('8 Personen');
    expect(await rows.nth(4).locator('td').nth(0).textContent()).toBe('79 Personen');
  });

  it('is deleted in one step by its organiser, and real workspaces cannot be', async () => {
    await client.expect(201, 'POST', '/workspaces', { slug: 'echt', name: 'Echt' });
    expect((await client.call('DELETE', '/workspaces/echt')).status).toBe(409);

    // Deleting is a setting: it is on the workspace's settings page.
    await page.goto(`${baseUrl}/w/${ws}/settings`);
    await page.getByRole('heading', { level: 2, name: 'Beispiel löschen' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Beispiel-Arbeitsbereich löschen' }).click();
    await page.getByRole('button', { name: 'Ja, löschen' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/workspaces');
    await page.getByRole('link', { name: 'Echt' }).waitFor();
    expect(await page.getByRole('link', { name: 'Beispiel: Stuttgarter Stadtteilvernetzer' }).count()).toBe(0);
    expect((await client.call('GET', `/workspaces/${ws}`)).status).toBe(404);
    // A real workspace has no delete section.
    await page.goto(`${baseUrl}/w/echt/settings`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Einstellungen');
    await page.getByLabel('Name des Arbeitsbereichs').waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Beispiel löschen' }).count()).toBe(0);
    expect(await page.getByRole('note').count()).toBe(0);
  });

  it('logged no console errors or CSP violations', () => {
    expect(log.problems).toEqual([]);
  });
});
