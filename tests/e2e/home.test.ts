import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../api/src/modules/questionnaires/definition-walk.js';
import { generateAnswers, seededRandom } from '../fixtures/answer-generator.js';
import { browserSuite, desktop, phone, problemLog, seriousViolations, type ApiClient } from './harness.js';

// The workspace home as an overview: in the example workspace (indicators on
// the staircase, recent activities, an open wave added here) and in a new
// empty workspace (the next steps as a checklist); the settings on their own
// page; an empty wave's page. axe in German and English, desktop and phone.

const admin = { email: 'neu@example.org', password: 'ein-langes-passwort' };
const ws = 'beispiel';
const log = problemLog(() => false);
const suite = browserSuite({ admin, env: { BILANZ_EXAMPLE: 'true' }, log });

let client: ApiClient;
let baseUrl: string;
let page: Page;
let openWave: { id: string; key: string; url: string };

beforeAll(async () => {
  client = suite.client;
  baseUrl = suite.baseUrl;
  const definition = JSON.parse(await readFile('surveys/mitgliederumfrage.json', 'utf8')) as JsonObject;
  // An open link wave in the example, with 6 answers today and 1 started, and an empty one.
  openWave = await client.expect(201, 'POST', `/workspaces/${ws}/waves`, {
    questionnaire: 'mitglieder',
    version: 1,
    title: 'Nachbefragung 2015',
    access: 'link',
  });
  for (let i = 0; i < 7; i++)
    await client.expect(201, 'POST', `/public/waves/${openWave.key}/responses`, {
      id: randomUUID(),
      data: generateAnswers(definition, seededRandom(i)),
      status: i < 6 ? 'complete' : 'partial',
    });
  await client.expect(201, 'POST', '/workspaces', { slug: 'neu', name: 'Neues Netzwerk' });
  page = await suite.newPage({ session: client });
}, 120_000);

const h1 = () => page.getByRole('heading', { level: 1 });

describe('workspace home', () => {
  it('shows the example’s open wave, staircase, activities and report at a glance', async () => {
    await page.goto(`${baseUrl}/w/${ws}`);
    await expect.poll(() => h1().textContent()).toBe('Beispiel: Stuttgarter Stadtteilvernetzer');
    const waves = page.getByRole('region', { name: 'Offene Wellen' });
    const card = waves.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Nachbefragung 2015' }) });
    await card.waitFor();
    expect(await card.getByRole('link', { name: 'Nachbefragung 2015' }).getAttribute('href')).toBe(
      `/w/${ws}/waves/${openWave.id}`,
    );
    // 6 of 7 started responses completed: 85.7 %, with one decimal as every share in the app.
    await card.getByText('85,7 % (6 von 7 begonnenen Antworten abgeschlossen)').waitFor();
    await card.getByRole('heading', { name: 'Antworten pro Tag' }).waitFor();
    await card.getByRole('img', { name: /Antworten pro Tag/ }).waitFor();
    // The staircase: the example's members indicator on step 2.
    const steps = page.getByRole('region', { name: 'Wirkungstreppe: letzte Werte' });
    const step2 = steps.getByRole('listitem').filter({ hasText: 'Stufe 2:' }).first();
    await step2.getByRole('link', { name: 'Mitglieder des Netzwerks' }).waitFor();
    // Recent activities: five, newest first, and a link to all of them.
    const activities = page.getByRole('region', { name: 'Letzte Aktivitäten' });
    expect(await activities.getByRole('listitem').count()).toBe(5);
    const all = activities.getByRole('link', { name: /^Alle \d+ Aktivitäten ansehen$/ });
    expect(await all.getAttribute('href')).toBe(`/w/${ws}/activities`);
    await page.getByRole('region', { name: 'Bericht', exact: true }).getByRole('link').first().waitFor();
    // Answers exist: no checklist of first steps.
    expect(await page.getByRole('region', { name: 'Nächste Schritte' }).count()).toBe(0);
    // What the strategy session decided: the action plan's next due actions, with a link to the whole plan.
    const actions = page.getByRole('region', { name: 'Nächste Maßnahmen aus dem Maßnahmenplan' });
    await actions.getByRole('listitem').first().waitFor();
    expect(await actions.getByRole('listitem').count()).toBe(3);
    expect(await actions.getByRole('link', { name: 'Der ganze Maßnahmenplan' }).getAttribute('href')).toBe(
      `/w/${ws}/plan`,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a new workspace its next step as a checklist', async () => {
    await page.goto(`${baseUrl}/w/neu`);
    await expect.poll(() => h1().textContent()).toBe('Neues Netzwerk');
    const next = page.getByRole('region', { name: 'Nächste Schritte' });
    const items = next.getByRole('listitem');
    await items.first().waitFor();
    expect(await items.count()).toBe(4);
    expect(await items.nth(0).getAttribute('aria-current')).toBe('step');
    const first = items.nth(0).getByRole('link', { name: 'Fragebogen anlegen und veröffentlichen' });
    expect(await first.getAttribute('href')).toBe('/w/neu/questionnaires');
    expect(await items.nth(0).textContent()).toContain('Als Nächstes');
    expect(await items.nth(1).textContent()).toContain('Danach');
    await page.getByText('Gerade ist keine Welle offen.').waitFor();
    await page.getByText('Noch kein Bericht.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A published questionnaire: that step is done, the wave is next.
    await client.expect(201, 'POST', '/workspaces/neu/questionnaires', { slug: 'm', template: 'mitgliederumfrage' });
    await client.expect(201, 'POST', '/workspaces/neu/questionnaires/m/publish', {});
    await page.reload();
    await expect.poll(() => items.nth(0).textContent()).toContain('Erledigt');
    expect(await items.nth(1).getAttribute('aria-current')).toBe('step');
  });

  it('keeps the settings on their own page, reached from the navigation', async () => {
    await page.goto(`${baseUrl}/w/neu`);
    await page
      .getByRole('navigation', { name: 'Arbeitsbereich Neues Netzwerk' })
      .getByRole('link', { name: 'Einstellungen' })
      .click();
    await page.waitForURL(`${baseUrl}/w/neu/settings`);
    await expect.poll(() => h1().textContent()).toBe('Einstellungen');
    await page.getByLabel('Name des Arbeitsbereichs').fill('Netzwerk Nord');
    await page.getByLabel('Mindestgruppengröße').fill('6');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Gespeichert' }).waitFor();
    const { body } = await client.call<{ workspace: { name: string; minGroupSize: number } }>('GET', '/workspaces/neu');
    expect(body.workspace).toMatchObject({ name: 'Netzwerk Nord', minGroupSize: 6 });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('says of an empty wave that nobody has answered yet, with its link and QR code', async () => {
    const empty = await client.expect<{ id: string; url: string }>(201, 'POST', `/workspaces/${ws}/waves`, {
      questionnaire: 'mitglieder',
      version: 1,
      title: 'Leere Welle',
      access: 'link',
    });
    await page.goto(`${baseUrl}/w/${ws}/waves/${empty.id}`);
    await page.getByRole('heading', { level: 2, name: 'Noch niemand hat geantwortet.' }).waitFor();
    expect(await page.getByLabel('Link zur Befragung').inputValue()).toBe(empty.url);
    await page.getByRole('img', { name: `QR-Code des Links ${empty.url}` }).waitFor();
    // No "fewer than 5" and no advice to remove a filter that is not set.
    expect(await page.getByTestId('n').textContent()).toBe('–');
    expect(await page.getByText('Zu wenige Antworten', { exact: false }).count()).toBe(0);
    expect(await page.getByText('Entferne einen Filter', { exact: false }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/w/${ws}/waves/${empty.id}/settings`);
    await page.getByText('Noch niemand hat geantwortet.').waitFor();
  });

  for (const [device, size] of [
    ['desktop', desktop],
    ['phone', phone],
  ] as const) {
    for (const lang of ['de-DE', 'en-GB']) {
      it(
        `has no serious accessibility violations on the home, settings, wave and activities pages (${device}, ${lang})`,
        { timeout: 180_000 },
        async () => {
          const other = await suite.newPage({ session: client, ...size, locale: lang });
          for (const path of [
            `/w/${ws}`,
            '/w/neu',
            `/w/${ws}/settings`,
            `/w/${ws}/waves/${openWave.id}`,
            `/w/${ws}/activities`,
          ]) {
            await other.goto(`${baseUrl}${path}`);
            await other.getByRole('heading', { level: 1 }).waitFor();
            await other.locator('main [role="status"].loading').waitFor({ state: 'detached' });
            expect(await seriousViolations(other), `${path} ${device} ${lang}`).toEqual([]);
          }
          await other.context().close();
        },
      );
    }
  }

  it('logged no console errors or CSP violations', () => {
    expect(log.problems).toEqual([]);
  });
});
