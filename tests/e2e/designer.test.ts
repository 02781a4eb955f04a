import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, problemLog } from './harness.js';

// The questionnaire designer in a real browser against the built server, under
// the production CSP: build a questionnaire in the structured editor, preview
// it in both languages, publish it, make a breaking change and publish again.

const admin = { email: 'dana@example.org', password: 'ein-langes-passwort' };
const ws = 'netz';
const slug = 'mitglieder';

let page: Page;
let baseUrl: string;

/** 4xx answers the app expects and handles: "not logged in yet" and the deliberately invalid draft. */
function isExpectedRejection(text: string, url: string): boolean {
  return (
    (text.includes('status of 401') && url.endsWith('/api/v1/auth/me')) ||
    (text.includes('status of 422') && url.endsWith(`/questionnaires/${slug}/draft`))
  );
}

const log = problemLog(isExpectedRejection);
const suite = browserSuite({ admin, host: '127.0.0.1', log });

const heading = () => page.getByRole('heading', { level: 1 });
const card = (name: string): Locator => page.locator(`#element-${name}`);
const status = (text: string) => page.getByRole('status').filter({ hasText: text });

/** Adds an element of a type to page 1 and gives it a name; its card stays open. */
async function addElement(typeLabel: string, name: string): Promise<Locator> {
  const adder = page.getByRole('group', { name: 'Element zu Seite 1 hinzufügen' });
  await adder.getByLabel('Neues Element').selectOption({ label: typeLabel });
  await adder.getByRole('button', { name: 'Hinzufügen' }).click();
  // The new element opens with the focus on its name.
  const nameField = page.locator(':focus');
  await expect.poll(() => nameField.getAttribute('class')).toContain('input-code');
  await nameField.fill(name);
  await nameField.press('Enter');
  await status(`In ${name} umbenannt.`).waitFor();
  return card(name);
}

beforeAll(async () => {
  baseUrl = suite.baseUrl;
  // A server that crashes mid-test fails the final check, with its output.
  const started = suite.server.server;
  void started.exited.then((code) => {
    if (code !== 0 && code !== null) log.problems.push(`server exited with ${code}; output:\n${started.output()}`);
  });
  // Logged out: the test logs in through the form.
  page = await suite.newPage();
});

describe('questionnaire designer in the browser', () => {
  it('logs in and opens the questionnaires of a new workspace', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('E-Mail-Adresse').fill(admin.email);
    await page.getByLabel('Passwort').fill(admin.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`${baseUrl}/workspaces`);

    // The browser's session drives the API as well.
    const created = await page.request.post(`${baseUrl}/api/v1/workspaces`, {
      data: { slug: ws, name: 'Netzwerk Nord' },
    });
    expect(created.status()).toBe(201);

    await page.goto(`${baseUrl}/w/${ws}`);
    // A new workspace's home leads to its first step: the questionnaire.
    await page.getByRole('link', { name: 'Fragebogen anlegen und veröffentlichen' }).click();
    await page.waitForURL(`${baseUrl}/w/${ws}/questionnaires`);
    await expect.poll(() => heading().textContent()).toBe('Fragebögen');
    await page.getByText('Es gibt noch keine Fragebögen.', { exact: false }).waitFor();
    // The template library is offered, each with its size.
    await page
      .getByRole('button', { name: /Diese Vorlage verwenden: „.+“/ })
      .first()
      .waitFor();
  });

  it('creates a blank questionnaire', async () => {
    await page.getByLabel('Kurzname').fill(slug);
    await page.getByLabel('Titel (Deutsch)').fill('Mitgliederbefragung');
    await page.getByRole('button', { name: 'Leeren Fragebogen anlegen' }).click();
    await page.waitForURL(`${baseUrl}/w/${ws}/questionnaires/${slug}`);
    await expect.poll(() => heading().textContent()).toBe('Mitgliederbefragung');
    await page.getByRole('tab', { name: 'Editor', selected: true }).waitFor();
    await status('Alle Änderungen gespeichert').waitFor();
  });

  it('adds a single-choice question with three choices and a question shown only for one of them', async () => {
    const sector = await addElement('Einfachauswahl', 'sector');
    await sector.getByLabel('Frage (Deutsch)').fill('Aus welchem Bereich kommst du?');
    await sector.getByLabel('Frage (Englisch)').fill('Which sector do you work in?');
    const choices = [
      ['civic', 'Bürgerschaftlich', 'Civic'],
      ['nonprofit', 'Gemeinnützig', 'Nonprofit'],
      ['municipal', 'Städtisch', 'Municipal'],
    ];
    for (const [index, [value, de, en]] of choices.entries()) {
      await sector.getByRole('button', { name: 'Eintrag hinzufügen: Antwortmöglichkeiten' }).click();
      await sector.getByLabel(`Wert, Eintrag ${index + 1}`).fill(value!);
      await sector.getByLabel(`Beschriftung (Deutsch), Eintrag ${index + 1}`).fill(de!);
      await sector.getByLabel(`Beschriftung (Englisch), Eintrag ${index + 1}`).fill(en!);
    }
    await status('Ungespeicherte Änderungen').waitFor();

    const details = await addElement('Text', 'civicRole');
    await details.getByLabel('Frage (Deutsch)').fill('Was machst du in deiner Initiative?');
    await details.getByLabel('Frage (Englisch)').fill('What do you do in your initiative?');
    const condition = details.getByRole('group', { name: 'Nur zeigen, wenn' });
    await condition.getByLabel('Frage', { exact: true }).selectOption('sector');
    await condition.getByLabel('Bedingung', { exact: true }).selectOption({ label: 'ist' });
    await condition.getByLabel('Wert', { exact: true }).selectOption({ label: 'Bürgerschaftlich (civic)' });
    await expect.poll(() => condition.getByLabel('Ausdruck (SurveyJS)').inputValue()).toBe("{sector} = 'civic'");

    // The JSON view shows the same draft.
    await page.getByRole('tab', { name: 'JSON' }).click();
    const json = JSON.parse(await page.getByLabel('Definition (SurveyJS-JSON)').inputValue()) as {
      pages: { elements: Record<string, unknown>[] }[];
    };
    expect(json.pages[0]!.elements.map((e) => e.name)).toEqual(['sector', 'civicRole']);
    expect(json.pages[0]!.elements[1]).toMatchObject({ type: 'text', visibleIf: "{sector} = 'civic'" });
    expect(json.pages[0]!.elements[0]!.choices).toHaveLength(3);
  });

  it('shows what the server refuses by question and leads to that question', async () => {
    await page.getByRole('tab', { name: 'Editor' }).click();
    const details = card('civicRole');
    // A condition survey-core cannot read is refused (one on an unknown name is only a warning, as survey-core accepts it).
    await details.getByLabel('Ausdruck (SurveyJS)').fill('{sector} = ');
    await details.locator('.element-toggle').click();
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    const problemList = page.locator('.problems');
    await problemList.getByText('ist nicht lesbar', { exact: false }).waitFor();
    await problemList.getByRole('button', { name: 'civicRole im Editor zeigen' }).click();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value))
      .toBe('civicRole');

    const condition = details.getByRole('group', { name: 'Nur zeigen, wenn' });
    await condition.getByLabel('Frage', { exact: true }).selectOption('sector');
    await condition.getByLabel('Bedingung', { exact: true }).selectOption({ label: 'ist' });
    await condition.getByLabel('Wert', { exact: true }).selectOption({ label: 'Bürgerschaftlich (civic)' });
    await expect.poll(() => condition.getByLabel('Ausdruck (SurveyJS)').inputValue()).toBe("{sector} = 'civic'");
  });

  it('saves the draft', async () => {
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await status('Entwurf gespeichert.').waitFor();
    await status('Alle Änderungen gespeichert').waitFor();
  });

  it('previews the questionnaire with its condition, in German and in English', async () => {
    await page.getByRole('tab', { name: 'Vorschau' }).click();
    const frame = page.locator('.preview-frame');
    await frame.getByText('Aus welchem Bereich kommst du?').waitFor();
    expect(await frame.getByText('Was machst du in deiner Initiative?').count()).toBe(0);
    // SurveyJS hides the radio inputs; the option's text is what people click.
    await frame.getByText('Bürgerschaftlich', { exact: true }).click();
    await frame.getByText('Was machst du in deiner Initiative?').waitFor();

    await page
      .getByRole('group', { name: 'Sprache des Fragebogens' })
      .getByRole('button', { name: 'Englisch' })
      .click();
    await frame.getByText('Which sector do you work in?').waitFor();
    await frame.getByText('What do you do in your initiative?').waitFor();

    await page.getByRole('group', { name: 'Breite' }).getByRole('button', { name: 'Smartphone (375 px)' }).click();
    const width = await frame.evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(375);
    await frame.getByText('Which sector do you work in?').waitFor();
  });

  it('publishes version 1', async () => {
    await page.getByRole('button', { name: 'Veröffentlichen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Version 1 veröffentlichen' });
    await dialog.getByText('Das ist die erste Version des Fragebogens.').waitFor();
    await dialog.getByLabel('Änderungsnotiz').fill('Erste Fassung');
    await dialog.getByRole('button', { name: 'Version 1 veröffentlichen' }).click();
    await status('Version 1 veröffentlicht.').waitFor();
    expect(await page.locator('dialog[open]').count()).toBe(0);
  });

  it('warns about a breaking change and publishes it only when confirmed', async () => {
    await page.getByRole('tab', { name: 'Editor' }).click();
    const sector = card('sector');
    await sector.getByRole('button', { name: 'Eintrag 3 entfernen' }).click();
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await status('Entwurf gespeichert.').waitFor();

    const publishButton = page.getByRole('button', { name: 'Veröffentlichen …' });
    await publishButton.click();
    let dialog = page.getByRole('dialog', { name: 'Version 2 veröffentlichen' });
    await dialog.getByText('Antwortmöglichkeit „municipal“ wurde entfernt.').waitFor();
    // Escape closes the dialog and gives the focus back.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Veröffentlichen …');

    await publishButton.click();
    dialog = page.getByRole('dialog', { name: 'Version 2 veröffentlichen' });
    await dialog.getByText('Einige Änderungen brechen Vergleiche', { exact: false }).waitFor();
    const submit = dialog.getByRole('button', { name: 'Version 2 veröffentlichen' });
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByLabel('Mir ist klar, dass Vergleiche über diese Änderung hinweg markiert werden').check();
    expect(await submit.isEnabled()).toBe(true);
    await dialog.getByLabel('Änderungsnotiz').fill('„Städtisch“ gestrichen');
    await submit.click();
    await status('Version 2 veröffentlicht.').waitFor();
  });

  it('lists both versions, the second marked as breaking, and compares them', async () => {
    await page.getByRole('tab', { name: 'Versionen' }).click();
    const history = page.getByRole('region', { name: 'Versionsgeschichte' });
    const v1 = history.locator('tr[data-version="1"]');
    const v2 = history.locator('tr[data-version="2"]');
    await v2.waitFor();
    expect(await v1.textContent()).toContain('Erste Fassung');
    expect(await v1.getByText('bricht Vergleiche').count()).toBe(0);
    await v2.getByText('bricht Vergleiche').waitFor();
    expect(await v2.textContent()).toContain('„Städtisch“ gestrichen');

    // Version 1 → 2 is the default comparison.
    await page.getByText('Antwortmöglichkeit „municipal“ wurde entfernt.').waitFor();
    expect(await heading().textContent()).toBe('Mitgliederbefragung');
  });

  it('logged no console errors and no CSP violations', () => {
    expect(log.problems).toEqual([]);
  });
});
