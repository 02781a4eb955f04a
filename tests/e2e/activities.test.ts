import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, desktop, phone, problemLog, seriousViolations, type ApiClient } from './harness.js';

// An organiser keeps the network's activity log in German: adds an activity
// through the form (and sees the server's field errors), filters by type with
// the filter in the URL, imports a CSV list (a refused one first), edits in
// place, deletes; all under the production CSP and checked with axe.

const admin = { email: 'orga@example.org', password: 'ein-langes-passwort' };
const ws = 'netzwerk';

let page: Page;
let baseUrl: string;
let client: ApiClient;
// Chromium logs the refused form (400) and the refused import (422) as console errors; the page shows them on purpose.
const log = problemLog(
  (text, url) => /status of (400|422)/.test(text) && url.includes(`/api/v1/workspaces/${ws}/activities`),
);

const table = () => page.locator('table.activity-table');
/** The titles in the table, top to bottom (the title is each row's header). */
const titles = () =>
  table()
    .locator('tbody th[scope="row"]')
    .evaluateAll((cells) => cells.map((cell) => cell.firstChild?.textContent ?? ''));
const row = (title: string): Locator =>
  table()
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: title }) });
const filters = () => page.getByRole('group', { name: 'Aktivitäten filtern' });
const createForm = () => page.getByRole('region', { name: 'Aktivität eintragen' });
const importForm = () => page.getByRole('region', { name: 'Liste importieren' });

const suite = browserSuite({ admin, log });

beforeAll(async () => {
  baseUrl = suite.baseUrl;
  client = suite.client;
  await client.expect(201, 'POST', '/workspaces', { slug: ws, name: 'Netzwerk' });
  await client.expect(201, 'POST', `/workspaces/${ws}/activities`, {
    type: 'district_visit',
    title: 'Stadtteilbesuch Degerloch',
    date: '2014-05-12',
    district: 'Degerloch',
    topic: 'Ehrenamt',
  });

  page = await suite.newPage({ session: client });
});

describe('activity log', () => {
  it('is in the workspace navigation and lists the logged activity with a German date', async () => {
    await page.goto(`${baseUrl}/w/${ws}`);
    await page
      .getByRole('navigation', { name: 'Arbeitsbereich Netzwerk' })
      .getByRole('link', { name: 'Aktivitäten' })
      .click();
    await page.waitForURL(`${baseUrl}/w/${ws}/activities`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Aktivitäten');
    expect(await page.getByRole('link', { name: 'Aktivitäten' }).getAttribute('aria-current')).toBe('page');

    await row('Stadtteilbesuch Degerloch').waitFor();
    expect(await row('Stadtteilbesuch Degerloch').getByRole('cell').allTextContents()).toEqual([
      '12.05.2014',
      'Stadtteilbesuch',
      'Degerloch',
      'Ehrenamt',
      'BearbeitenLöschen',
    ]);
    await page.getByText('1 Aktivität', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the server’s field errors, then adds an activity through the form', async () => {
    const form = createForm();
    await form.getByLabel('Art').selectOption({ label: 'Thematischer Austausch' });
    await form.getByLabel('Datum').fill('2015-03-10');
    // Longer than the 200 characters the API takes: the browser lets it through, the server's 400 marks the field.
    await form.getByLabel('Titel').fill('A'.repeat(201));
    await form.getByLabel('Stadtteil').fill('Mitte');
    await form.getByLabel('Thema').fill('Nachbarschaftshilfe');
    await form.getByRole('button', { name: 'Aktivität eintragen' }).click();
    await form.getByRole('alert').filter({ hasText: 'Bitte korrigiere die markierten Felder.' }).waitFor();
    await form.getByText('Bitte gib einen Titel mit höchstens 200 Zeichen ein.').waitFor();
    const title = form.getByLabel('Titel');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await title.fill('Austausch Nachbarschaftshilfe');
    await form.getByRole('button', { name: 'Aktivität eintragen' }).click();
    await form.getByText('„Austausch Nachbarschaftshilfe“ wurde eingetragen.').waitFor();
    // The form is empty again for the next entry.
    expect(await form.getByLabel('Titel').inputValue()).toBe('');
    expect(await form.getByLabel('Titel').getAttribute('aria-invalid')).toBeNull();

    await expect.poll(titles).toEqual(['Austausch Nachbarschaftshilfe', 'Stadtteilbesuch Degerloch']);
    expect(await row('Austausch Nachbarschaftshilfe').getByRole('cell').allTextContents()).toEqual([
      '10.03.2015',
      'Thematischer Austausch',
      'Mitte',
      'Nachbarschaftshilfe',
      'BearbeitenLöschen',
    ]);
  });

  it('filters by type, with the filter in the URL, kept on reload', async () => {
    await filters().getByLabel('Art').selectOption({ label: 'Stadtteilbesuch' });
    await expect.poll(() => new URL(page.url()).searchParams.get('type')).toBe('district_visit');
    await expect.poll(titles).toEqual(['Stadtteilbesuch Degerloch']);

    await page.reload();
    await expect.poll(titles).toEqual(['Stadtteilbesuch Degerloch']);
    expect(await filters().getByLabel('Art').inputValue()).toBe('district_visit');

    // A type nobody logged yet: the empty state names the filter, not an empty log.
    await filters().getByLabel('Art').selectOption({ label: 'Fördermittel' });
    await page.getByText('Keine Aktivität passt zu diesem Filter.').waitFor();

    await filters().getByRole('button', { name: 'Alle Aktivitäten zeigen' }).click();
    await expect.poll(titles).toEqual(['Austausch Nachbarschaftshilfe', 'Stadtteilbesuch Degerloch']);
    expect(new URL(page.url()).search).toBe('');
  });

  it('refuses a CSV with a bad line and names it, then imports a two-row list', async () => {
    // The import sits folded under the entry form.
    await page.getByText('Eine vorhandene Liste importieren (CSV)').click();
    const form = importForm();
    const csv = form.getByLabel('CSV-Text');
    await csv.fill(
      'type;title;date;district;topic;note\narticle;Blogartikel Repair-Café;2016-02-01;West;Reparieren;\nvisit;Falsche Art;2016-13-01;;;\n',
    );
    await form.getByRole('button', { name: 'Importieren' }).click();
    const alert = form.getByRole('alert');
    await alert.getByText('1 Zeile(n) der Datei lassen sich nicht übernehmen; nichts wurde importiert.').waitFor();
    expect(await alert.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/^Zeile 3: .*type/)]);
    expect(await titles()).toHaveLength(2);

    await csv.fill(
      'type;title;date;district;topic;note\n' +
        'article;Blogartikel Repair-Café;2016-02-01;West;Reparieren;Im Blog des Netzwerks\n' +
        'joint_project;Gemeinsames Sommerfest;2016-07-15;Bad Cannstatt;Begegnung;\n',
    );
    await form.getByRole('button', { name: 'Importieren' }).click();
    await form.getByText('2 Aktivitäten wurden importiert.').waitFor();
    expect(await csv.inputValue()).toBe('');
    expect(await form.getByRole('alert').count()).toBe(0);

    await expect
      .poll(titles)
      .toEqual([
        'Gemeinsames Sommerfest',
        'Blogartikel Repair-Café',
        'Austausch Nachbarschaftshilfe',
        'Stadtteilbesuch Degerloch',
      ]);
    await row('Blogartikel Repair-Café').getByText('Im Blog des Netzwerks').waitFor();
    // The imported districts and years join the filters.
    expect(await filters().getByLabel('Stadtteil').locator('option').allTextContents()).toEqual([
      'Alle Stadtteile',
      'Bad Cannstatt',
      'Degerloch',
      'Mitte',
      'West',
    ]);
    expect(await filters().getByLabel('Jahr').locator('option').allTextContents()).toEqual([
      'Alle Jahre',
      '2016',
      '2015',
      '2014',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('edits in place with the keyboard, and Escape leaves without saving', async () => {
    const edit = page.getByRole('button', { name: '„Gemeinsames Sommerfest“ bearbeiten' });
    await edit.click();
    const editor = page.getByRole('region', { name: '„Gemeinsames Sommerfest“ bearbeiten' });
    await expect.poll(() => editor.getByRole('heading').evaluate((el) => el === document.activeElement)).toBe(true);
    await editor.getByLabel('Titel').press('Escape');
    await expect.poll(() => edit.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press('Enter');
    await editor.getByLabel('Thema').fill('Begegnung im Quartier');
    await editor.getByLabel('Thema').press('Enter');
    await page.getByText('„Gemeinsames Sommerfest“ wurde gespeichert.').waitFor();
    await expect
      .poll(() => row('Gemeinsames Sommerfest').getByRole('cell').nth(3).textContent())
      .toBe('Begegnung im Quartier');
    await expect.poll(() => edit.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('filters by year and district', async () => {
    await filters().getByLabel('Jahr').selectOption('2016');
    await expect.poll(titles).toEqual(['Gemeinsames Sommerfest', 'Blogartikel Repair-Café']);
    await filters().getByLabel('Stadtteil').selectOption('West');
    await expect.poll(titles).toEqual(['Blogartikel Repair-Café']);
    const params = new URL(page.url()).searchParams;
    expect([params.get('year'), params.get('district')]).toEqual(['2016', 'West']);
    await filters().getByRole('button', { name: 'Alle Aktivitäten zeigen' }).click();
    await expect.poll(titles).toHaveLength(4);
  });

  it('deletes one activity after asking', async () => {
    await page.getByRole('button', { name: '„Austausch Nachbarschaftshilfe“ löschen' }).click();
    await page
      .getByRole('group', { name: '„Austausch Nachbarschaftshilfe“ löschen?' })
      .getByRole('button', { name: 'Löschen' })
      .click();
    await page.getByText('„Austausch Nachbarschaftshilfe“ wurde gelöscht.').waitFor();
    await expect
      .poll(titles)
      .toEqual(['Gemeinsames Sommerfest', 'Blogartikel Repair-Café', 'Stadtteilbesuch Degerloch']);
    await page.getByText('3 Aktivitäten', { exact: true }).waitFor();

    const { body } = await client.call<{ activities: Array<{ title: string; topic: string | null }> }>(
      'GET',
      `/workspaces/${ws}/activities`,
    );
    expect(body.activities.map((a) => [a.title, a.topic])).toEqual([
      ['Gemeinsames Sommerfest', 'Begegnung im Quartier'],
      ['Blogartikel Repair-Café', 'Reparieren'],
      ['Stadtteilbesuch Degerloch', 'Ehrenamt'],
    ]);
  });

  it('puts the form first, pages the log by 20 and cuts off no button, on a desktop and a phone', async () => {
    const many = Array.from(
      { length: 45 },
      (_, i) => `article,Artikel ${String(i + 1).padStart(2, '0')},2014-01-${String((i % 28) + 1).padStart(2, '0')},,,`,
    );
    await client.expect(201, 'POST', `/workspaces/${ws}/activities/import`, {
      csv: ['type,title,date,district,topic,note', ...many].join('\n'),
    });
    for (const size of [desktop, phone]) {
      const p = await suite.newPage({ session: client, ...size });
      await p.goto(`${baseUrl}/w/${ws}/activities`);
      const form = p.getByRole('region', { name: 'Aktivität eintragen' });
      await form.waitFor();
      const list = p.getByRole('heading', { level: 2, name: 'Erfasste Aktivitäten' });
      expect((await form.boundingBox())!.y).toBeLessThan((await list.boundingBox())!.y);
      const pager = p.getByRole('navigation', { name: 'Seiten der Liste' });
      await pager.getByText(/^Seite 1 von \d+$/).waitFor();
      expect(await p.locator('table.activity-table tbody tr').count()).toBe(20);
      const width = size.viewport.width;
      for (const button of await p.locator('table.activity-table tbody button').all()) {
        const box = (await button.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
      }
      // With the keyboard to the next page: the focus stays on the button.
      const next = pager.getByRole('button', { name: 'Nächste Seite' });
      await next.focus();
      await p.keyboard.press('Enter');
      await pager.getByText(/^Seite 2 von \d+$/).waitFor();
      expect(await next.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(new URL(p.url()).searchParams.get('page')).toBe('2');
      expect(await seriousViolations(p)).toEqual([]);
      await p.context().close();
    }
  });

  it('logged no console errors or CSP violations', () => {
    expect(log.problems).toEqual([]);
  });
});
