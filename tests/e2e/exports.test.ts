import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../api/src/modules/questionnaires/definition-walk.js';
import { generateAnswers, seededRandom } from '../fixtures/answer-generator.js';
import { ApiClient, browserSuite, problemLog, seriousViolations } from './harness.js';

// An organiser downloads a wave's responses from the dashboard's export panel
// (a plain link the browser streams to disk); an analyst sees only the
// results table's downloads. Under the production CSP, checked with axe.

const admin = { email: 'orga@example.org', password: 'ein-langes-passwort' };
const analyst = { email: 'analyse@example.org', password: 'noch-ein-langes-passwort' };
const ws = 'netzwerk';
const RESPONSES = 12;

let baseUrl: string;
let client: ApiClient;
let wave: { id: string; key: string };
const log = problemLog(() => false);
const suite = browserSuite({ admin, log });

async function pageAs(who: ApiClient): Promise<Page> {
  return suite.newPage({ session: who, acceptDownloads: true });
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
  const definition = JSON.parse(await readFile('surveys/mitgliederumfrage.json', 'utf8')) as JsonObject;
  for (let i = 1; i <= RESPONSES; i++) {
    await client.expect(201, 'POST', `/public/waves/${wave.key}/responses`, {
      id: randomUUID(),
      data: generateAnswers(definition, seededRandom(i)),
      status: 'complete',
      locale: 'de',
    });
  }
  const invite = await client.expect<{ inviteToken: string }>(201, 'POST', `/workspaces/${ws}/members`, {
    email: analyst.email,
    role: 'analyst',
  });
  await new ApiClient(baseUrl).expect(200, 'POST', '/auth/invitations/accept', {
    token: invite.inviteToken,
    password: analyst.password,
  });
});

describe('export panel', () => {
  it('lets an organiser download the responses as CSV that parses, one row per response', async () => {
    const page = await pageAs(client);
    await page.goto(`${baseUrl}/w/${ws}/waves/${wave.id}`);
    const panel = page.getByRole('region', { name: 'Export' });
    await panel.waitFor();
    for (const name of [
      'Ergebnistabelle (CSV)',
      'Ergebnistabelle (Excel)',
      'Antworten (CSV)',
      'Antworten mit Codebuch (Excel)',
      'Codebuch (CSV)',
    ]) {
      expect(await panel.getByRole('link', { name }).getAttribute('download')).not.toBeNull();
    }

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('link', { name: 'Antworten (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^mitgliederbefragung-2015-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = await download.path();
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes, { bom: true });
    expect(header!.slice(0, 4)).toEqual(['response_id', 'completed_on', 'locale', 'sector']);
    expect(rows).toHaveLength(RESPONSES);

    // The results table follows the dashboard's filters.
    await page.goto(`${baseUrl}/w/${ws}/waves/${wave.id}?where=sector:civic`);
    const filtered = page.getByRole('region', { name: 'Export' }).getByRole('link', { name: 'Ergebnistabelle (CSV)' });
    expect(await filtered.getAttribute('href')).toBe(
      `/api/v1/workspaces/${ws}/waves/${wave.id}/results/export?format=csv&where=sector%3Acivic&locale=de`,
    );
    const results = await seriousViolations(page, '[data-testid="export-panel"]');
    expect(results).toEqual([]);
    expect(log.problems).toEqual([]);
  });

  it('shows an analyst only the results table downloads, and their CSV downloads', async () => {
    const analystClient = new ApiClient(baseUrl);
    await analystClient.expect(200, 'POST', '/auth/login', analyst);
    const page = await pageAs(analystClient);
    await page.goto(`${baseUrl}/w/${ws}/waves/${wave.id}`);
    const panel = page.getByRole('region', { name: 'Export' });
    await panel.getByRole('link', { name: 'Ergebnistabelle (CSV)' }).waitFor();
    expect(await panel.getByRole('link').count()).toBe(2);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('link', { name: 'Ergebnistabelle (CSV)' }).click(),
    ]);
    const [header, ...rows] = parseCsv(await readFile(await download.path()), { bom: true });
    expect(header![0]).toBe('question');
    expect(rows.some((r) => r[0] === 'sector')).toBe(true);
    expect(log.problems).toEqual([]);
  });

  it('offers each published version as a JSON download on the questionnaire page', async () => {
    const page = await pageAs(client);
    await page.goto(`${baseUrl}/w/${ws}/questionnaires/mitglieder`);
    await page.getByRole('tab', { name: /Versionen/ }).click();
    const link = page.getByRole('link', {
      name: 'Version 1 als JSON mit ihren Veröffentlichungsangaben herunterladen',
    });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('mitglieder-v1.json');
    const body = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      slug: string;
      version: number;
      definition: JsonObject;
    };
    expect(body).toMatchObject({ slug: 'mitglieder', version: 1 });
    expect(body.definition.pages).toBeDefined();
    expect(log.problems).toEqual([]);
  });
});
