import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, problemLog, seriousViolations, type ApiClient } from './harness.js';

// An organiser reads the open answers of a wave in German, searches them,
// builds a small codebook, codes answers and filters by a code; all under the
// production CSP.

const admin = { email: 'orga@example.org', password: 'ein-langes-passwort' };
const ws = 'netzwerk';
const texts = [
  'Neue Kontakte im Stadtteil geknüpft',
  'Mehr Sichtbarkeit für unsere Arbeit',
  'Kontakte zu anderen Trägern',
  'Zeit für Austausch',
  'Gute Moderation der Treffen',
  '<b>Kein HTML</b> bitte',
];

let page: Page;
let baseUrl: string;
let client: ApiClient;
let wave: { id: string; key: string };
const log = problemLog(() => false);

const answers = () => page.getByTestId('answer');
const codebook = () => page.getByRole('region', { name: 'Codebuch' });
const answerWith = (text: string) => answers().filter({ hasText: text });

const suite = browserSuite({ admin, log });

beforeAll(async () => {
  baseUrl = suite.baseUrl;
  client = suite.client;
  await client.expect(201, 'POST', '/workspaces', { slug: ws, name: 'Netzwerk' });
  const definition = {
    locale: 'de',
    pages: [
      {
        name: 'p1',
        elements: [{ type: 'comment', name: 'strengths', title: { default: 'Stärken', en: 'Strengths' } }],
      },
    ],
  };
  await client.expect(201, 'POST', `/workspaces/${ws}/questionnaires`, { slug: 'kurz', definition });
  await client.expect(201, 'POST', `/workspaces/${ws}/questionnaires/kurz/publish`, {});
  wave = await client.expect<{ id: string; key: string }>(201, 'POST', `/workspaces/${ws}/waves`, {
    questionnaire: 'kurz',
    version: 1,
    title: 'Kurzbefragung 2025',
    access: 'link',
  });
  for (const text of texts) {
    await client.expect(201, 'POST', `/public/waves/${wave.key}/responses`, {
      id: crypto.randomUUID(),
      status: 'complete',
      data: { strengths: text },
    });
  }

  // The browser shares the script's session, so that no page sees a 401 on the way in.
  page = await suite.newPage({ session: client });
});

describe('open answers board', () => {
  it('reaches the board from the wave settings', async () => {
    await page.goto(`${baseUrl}/w/${ws}/waves/${wave.id}/settings`);
    const section = page.getByRole('region', { name: 'Offene Antworten' });
    await section.getByRole('link', { name: 'Stärken' }).click();
    await page.waitForURL(`${baseUrl}/w/${ws}/waves/${wave.id}/answers/strengths`);
  });

  it('shows all six answers as plain text, and the empty codebook', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Stärken');
    await page.getByText('Offene Antworten · Kurzbefragung 2025').waitFor();
    await expect.poll(() => answers().count()).toBe(6);
    await page.getByText('6 Antworten', { exact: true }).waitFor();
    // Markup in an answer stays text.
    await page.getByText('<b>Kein HTML</b> bitte').waitFor();
    expect(await page.locator('.answer-text b').count()).toBe(0);
    await codebook().getByText('Noch keine Codes – lege Codes an wie „Kontakte“, „Sichtbarkeit“, „Zeit“.').waitFor();

    expect(await seriousViolations(page)).toEqual([]);
  });

  it('searches, with the search kept in the address', async () => {
    await page.getByRole('searchbox', { name: 'Antworten durchsuchen' }).fill('kontakte');
    await page.getByText('2 von 6 Antworten angezeigt').waitFor();
    await expect.poll(() => answers().count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('search')).toBe('kontakte');
  });

  it('creates a code, tags two answers and counts them', async () => {
    await codebook().getByLabel('Neuer Code').fill('Kontakte');
    await codebook().getByRole('button', { name: 'Code anlegen' }).click();
    await codebook().getByText('Code „Kontakte“ angelegt.').waitFor();

    for (const text of ['Neue Kontakte im Stadtteil geknüpft', 'Kontakte zu anderen Trägern']) {
      const toggle = answerWith(text).getByRole('button', { name: 'Kontakte', exact: true });
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    }
    await codebook().getByRole('button', { name: 'Kontakte 2', exact: true }).waitFor();
  });

  it('filters by the code across all answers', async () => {
    await page.getByRole('searchbox', { name: 'Antworten durchsuchen' }).fill('');
    await page.getByText('6 Antworten', { exact: true }).waitFor();
    await expect.poll(() => answers().count()).toBe(6);

    const filter = codebook().getByRole('button', { name: 'Kontakte 2', exact: true });
    await filter.click();
    await expect.poll(() => filter.getAttribute('aria-pressed')).toBe('true');
    await page.getByText('Nur Antworten mit dem Code „Kontakte“.').waitFor();
    await expect.poll(() => answers().count()).toBe(2);
    await page.getByText('2 von 6 Antworten angezeigt').waitFor();

    await page.getByRole('button', { name: 'Alle Antworten zeigen' }).click();
    await expect.poll(() => answers().count()).toBe(6);
  });

  it('renames and deletes the code, with a confirmation', async () => {
    await codebook().getByRole('button', { name: 'Kontakte umbenennen' }).click();
    await codebook().getByLabel('Neuer Name für „Kontakte“').fill('Netzwerk');
    await codebook().getByRole('button', { name: 'Speichern' }).click();
    await codebook().getByRole('button', { name: 'Netzwerk 2', exact: true }).waitFor();
    await answerWith('Kontakte zu anderen Trägern')
      .getByRole('listitem')
      .getByText('Netzwerk', { exact: true })
      .waitFor();

    await codebook().getByRole('button', { name: 'Netzwerk löschen' }).click();
    await codebook().getByRole('button', { name: 'Code löschen' }).click();
    await codebook().getByText('Code „Netzwerk“ gelöscht.').waitFor();
    await codebook().getByText('Noch keine Codes', { exact: false }).waitFor();
    expect(await page.locator('.code-chip').count()).toBe(0);
  });

  it('logged no console errors or CSP violations', () => {
    expect(log.problems).toEqual([]);
  });
});
