import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, phone, problemLog, seriousViolations, type ApiClient } from './harness.js';

// The strategy session: an organiser opens a prioritisation session, the
// projector view is on the wall, 25 phones vote (five real phone pages, one
// of which changes its vote, and twenty more through the public API, as the
// phone page sends them) and the projector follows without a reload: first
// "one more needed" (minimum group size 5), then the totals. The organiser
// closes voting, adopts an option into the action plan, fills in decision,
// funding, owner, due date and an indicator target, and the action shows in
// the report's plans chapter. axe checks every page of the feature in German
// and English, on a desktop and on a phone.

const admin = { email: 'orga@example.org', password: 'ein-langes-passwort' };
const ws = 'netz';
const OPTIONS = ['Koordinationsstelle', 'Webseite', 'Netzwerktreffen'];
// The vote page answers 410 once voting has closed, which Chromium logs as a console error.
const log = problemLog((text) => text.includes('status of 410'));
const suite = browserSuite({ admin, log });

let client: ApiClient;
let organiser: Page;
let projector: Page;
let sessionId = '';
let sessionKey = '';
let optionIds: string[] = [];

beforeAll(async () => {
  client = suite.client;
  await client.expect(201, 'POST', '/workspaces', { slug: ws, name: 'Stadtteilvernetzer' });
  await client.expect(201, 'POST', `/workspaces/${ws}/indicators`, {
    key: 'mitglieder',
    name: 'Mitglieder des Netzwerks',
    unit: 'Personen',
    level: 'output',
    step: 2,
    direction: 'up',
    source: { kind: 'manual' },
  });
  await client.expect(201, 'POST', `/workspaces/${ws}/reports`, { title: 'Strategiebericht 2015' });
  organiser = await suite.newPage({ session: client });
});

/** A phone page that casts `plus` dots per option label through the page's own buttons. */
async function votePhone(plus: Record<string, number>, lang: 'de' | 'en' = 'de'): Promise<Page> {
  const page = await suite.newPage({ ...phone, ...(lang === 'en' && { locale: 'en-GB' }) });
  await page.goto(`${suite.baseUrl}/v/${sessionKey}`);
  for (const [label, n] of Object.entries(plus))
    for (let i = 0; i < n; i++)
      await page
        .getByRole('button', { name: lang === 'de' ? `Einen Punkt mehr für ${label}` : `One more point for ${label}` })
        .click();
  await page.getByRole('button', { name: lang === 'de' ? 'Stimme abgeben' : 'Send vote' }).click();
  await page
    .getByText(lang === 'de' ? 'Danke, deine Stimme ist gezählt.' : 'Thank you, your vote has been counted.')
    .waitFor();
  return page;
}

const apiVote = (votes: Record<string, number>) =>
  fetch(`${suite.baseUrl}/api/v1/public/sessions/${sessionKey}/ballots/${randomUUID()}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ votes }),
  });

/** The projector's bars as "label: value" lines, largest first. */
const bars = (page: Page) =>
  page
    .locator('.projector-bars li')
    .evaluateAll((items) =>
      items.map(
        (li) =>
          `${li.querySelector('.projector-bar-label')?.textContent}: ${li.querySelector('.projector-bar-value')?.textContent}`,
      ),
    );

describe('a live prioritisation session', () => {
  it('is opened by the organiser with options added by hand, and shown on the projector', async () => {
    await organiser.goto(`${suite.baseUrl}/w/${ws}/sessions`);
    await organiser.getByRole('heading', { level: 1, name: 'Priorisierung' }).waitFor();
    await organiser.getByText('Noch keine Abstimmung.').waitFor();
    await organiser.getByLabel('Titel').fill('Strategiesitzung Mai 2015');
    await organiser.getByLabel('Weitere Optionen').fill(OPTIONS.join('\n'));
    await organiser.getByRole('button', { name: 'Abstimmung eröffnen und Beamer-Ansicht zeigen' }).click();
    await organiser.getByRole('heading', { level: 1, name: 'Strategiesitzung Mai 2015' }).waitFor();
    projector = organiser;
    sessionId = /\/sessions\/([^/]+)\/projector/.exec(projector.url())![1]!;
    const session = await client.expect<{ key: string; options: Array<{ id: string }> }>(
      200,
      'GET',
      `/workspaces/${ws}/sessions/${sessionId}`,
    );
    sessionKey = session.key;
    optionIds = session.options.map((o) => o.id);
    // The QR code and the phones' link are on the wall (waited for: the code is drawn after the session has loaded).
    await projector.getByRole('img', { name: /QR/ }).waitFor();
    await projector.getByRole('link', { name: `${suite.baseUrl}/v/${sessionKey}` }).waitFor();
    await projector.getByText('0 Personen haben abgestimmt').waitFor();
    await projector.getByText('Das Ergebnis erscheint ab 5 Personen: Es fehlen noch 5.').waitFor();
    // Marks this document: a reload would lose it.
    await projector.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  });

  it('follows 25 phones live: hidden below five participants, then every vote', { timeout: 240_000 }, async () => {
    const [k, w, n] = optionIds as [string, string, string];
    const phones: Page[] = [];
    // Four real phones: two dots for the coordination office, one for the website each.
    for (let i = 0; i < 4; i++) phones.push(await votePhone({ Koordinationsstelle: 2, Webseite: 1 }));
    await projector.getByText('4 Personen haben abgestimmt').waitFor();
    await projector.getByText('Das Ergebnis erscheint ab 5 Personen: Es fehlt noch 1.').waitFor();
    expect(await projector.locator('.projector-bars').count()).toBe(0);

    // The fifth, in English: now the totals show.
    phones.push(await votePhone({ Koordinationsstelle: 2, Webseite: 1 }, 'en'));
    await projector.getByText('5 Personen haben abgestimmt').waitFor();
    await projector.getByText('10 Punkte').waitFor();
    expect(await bars(projector)).toEqual([
      'Koordinationsstelle: 10 Punkte',
      'Webseite: 5 Punkte',
      'Netzwerktreffen: 0 Punkte',
    ]);

    // Twenty more phones through the public API, as the phone page sends them: 7 × all on k, 7 × all on w, 6 × all on n.
    for (let i = 0; i < 20; i++) {
      const res = await apiVote({ [[k, w, n][i % 3]!]: 3 });
      expect(res.status).toBe(200);
    }
    // The first phone changes its vote: one dot moves from the office to the meetings.
    const first = phones[0]!;
    await first.getByRole('button', { name: 'Meine Stimme ändern' }).click();
    await first.getByRole('button', { name: 'Einen Punkt weniger für Koordinationsstelle' }).click();
    await first.getByRole('button', { name: 'Einen Punkt mehr für Netzwerktreffen' }).click();
    await first.getByRole('button', { name: 'Geänderte Stimme abgeben' }).click();
    await first.getByText('Danke, deine Stimme ist gezählt.').waitFor();

    await projector.getByText('25 Personen haben abgestimmt').waitFor();
    await projector.getByText('30 Punkte').waitFor();
    expect(await bars(projector)).toEqual([
      'Koordinationsstelle: 30 Punkte',
      'Webseite: 26 Punkte',
      'Netzwerktreffen: 19 Punkte',
    ]);
    expect(await projector.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(await seriousViolations(projector)).toEqual([]);
    for (const p of phones) await p.context().close();
  });

  it('closes voting: the result stays, phones see the closed state and cannot vote', async () => {
    await projector.getByRole('button', { name: 'Abstimmung beenden' }).click();
    await projector.getByRole('heading', { name: 'Die Abstimmung ist beendet' }).waitFor();
    await projector.getByText('25 Personen haben abgestimmt').waitFor();
    expect(await bars(projector)).toEqual([
      'Koordinationsstelle: 30 Punkte',
      'Webseite: 26 Punkte',
      'Netzwerktreffen: 19 Punkte',
    ]);
    expect((await apiVote({ [optionIds[0]!]: 1 })).status).toBe(410);
    const late = await suite.newPage(phone);
    await late.goto(`${suite.baseUrl}/v/${sessionKey}`);
    await late.getByText('Die Abstimmung ist beendet.').waitFor();
    expect(await late.getByRole('button', { name: 'Stimme abgeben' }).count()).toBe(0);
    expect(await seriousViolations(late)).toEqual([]);
    await late.context().close();
  });

  it('adopts an option into the action plan, where the organiser fills it in', async () => {
    await projector.getByRole('button', { name: '„Koordinationsstelle“ übernehmen' }).click();
    await projector.getByText('Im Maßnahmenplan').waitFor();
    expect(await seriousViolations(projector)).toEqual([]);
    await projector.getByRole('link', { name: 'Maßnahmenplan öffnen' }).click();
    await projector.getByRole('heading', { level: 1, name: 'Maßnahmenplan' }).waitFor();
    await projector.getByRole('button', { name: 'Koordinationsstelle bearbeiten' }).click();
    const card = projector.locator('.action-card', { hasText: 'Koordinationsstelle' });
    await card.getByLabel('Beschluss').fill('Eine halbe Stelle für die Koordination beantragen.');
    await card.getByLabel('Getragen von').selectOption('funding');
    await card.getByLabel('Geschätzte Kosten (€)').fill('24000');
    await card.getByLabel('Finanzierungsquelle').fill('Stiftung Bürgerengagement');
    await card.getByLabel('Verantwortlich').fill('Sprecherkreis');
    await card.getByLabel('Termin').fill('2015-10-31');
    await card.getByRole('button', { name: 'Indikator hinzufügen' }).click();
    await card.getByLabel('Indikator 1').selectOption('mitglieder');
    await card.getByLabel('Zielwert 1').fill('100');
    await card.getByRole('button', { name: 'Speichern' }).click();
    await card.getByText('Eine halbe Stelle für die Koordination beantragen.').waitFor();
    const facts = await card.locator('.action-facts').innerText();
    expect(facts).toMatch(/Braucht Förderung \(24\.000\s€, Stiftung Bürgerengagement\)/);
    expect(facts).toContain('Sprecherkreis');
    expect(facts).toContain('31.10.2015');
    expect(facts).toContain('Mitglieder des Netzwerks: 100 Personen');
    expect(facts).toContain('30 Punkte');
    expect(await seriousViolations(projector)).toEqual([]);
  });

  it("shows the action in the report's plans chapter", async () => {
    await projector.goto(`${suite.baseUrl}/w/${ws}/report`);
    const chapter = projector.locator('.report-section-plan');
    await chapter.getByRole('heading', { name: 'Planung und Ziele' }).waitFor();
    const text = await chapter.innerText();
    expect(text).toContain('Koordinationsstelle');
    expect(text).toContain('Eine halbe Stelle für die Koordination beantragen.');
    expect(text).toMatch(/24\.000\s€/);
    expect(text).toContain('Sprecherkreis');
  });
});

describe('accessibility of the session pages', () => {
  const pages = () => [`/w/${ws}/sessions`, `/w/${ws}/sessions/${sessionId}/projector`, `/w/${ws}/plan`];
  for (const [name, size] of [
    ['desktop', {}],
    ['phone', phone],
  ] as const) {
    for (const locale of ['de-DE', 'en-GB']) {
      it(`has no serious axe violations on the sessions, projector and plan pages (${name}, ${locale})`, async () => {
        const page = await suite.newPage({ ...size, locale, session: client });
        for (const path of pages()) {
          await page.goto(`${suite.baseUrl}${path}`);
          await page.locator('h1').first().waitFor();
          await page.locator('[role="status"].loading').waitFor({ state: 'detached' });
          expect(await seriousViolations(page), `${path} (${name}, ${locale})`).toEqual([]);
        }
        await page.context().close();
      });
    }
  }

  it('has no serious axe violations on an open vote page (phone and desktop, German and English)', async () => {
    const open = await client.expect<{ key: string }>(201, 'POST', `/workspaces/${ws}/sessions`, {
      title: 'Wichtigkeit',
      method: 'rating',
      options: ['A', 'B'],
    });
    for (const size of [phone, {}])
      for (const lang of ['de', 'en']) {
        const page = await suite.newPage(size);
        await page.goto(`${suite.baseUrl}/v/${open.key}?lang=${lang}`);
        await page.getByRole('heading', { level: 1, name: 'Wichtigkeit' }).waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        expect(await seriousViolations(page), lang).toEqual([]);
        await page.context().close();
      }
  });

  it('logged no console errors and no CSP violations', () => {
    expect(log.problems).toEqual([]);
  });
});
