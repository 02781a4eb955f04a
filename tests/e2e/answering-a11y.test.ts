import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, problemLog, type ApiClient } from './harness.js';
import { contrastRatio, parseColours } from './contrast.js';

// The answering page for people who rely on a screen reader, a keyboard or a
// clear view of where they are: the language of the questionnaire in `lang`,
// a visible focus ring (at least 3:1 against what surrounds it) and a progress
// display that counts the pages actually shown.

const admin = { email: 'orga@example.org', password: 'ein-langes-passwort' };
const ws = 'netzwerk';
const log = problemLog(() => false);
const suite = browserSuite({ admin, log });
let client: ApiClient;
const keys: Record<string, string> = {};

/** Four pages; the third is shown only to those who answer "ja" on the first. */
const definition = (locale: 'de' | 'en') => {
  const de = locale === 'de';
  return {
    locale,
    title: de ? 'Kurze Umfrage' : 'Short survey',
    pages: [
      {
        name: 'p1',
        elements: [
          {
            type: 'radiogroup',
            name: 'member',
            title: de ? 'Bist du Mitglied?' : 'Are you a member?',
            choices: [
              { value: 'ja', text: de ? 'Ja' : 'Yes' },
              { value: 'nein', text: de ? 'Nein' : 'No' },
            ],
          },
          { type: 'text', name: 'name', title: de ? 'Dein Stadtteil' : 'Your district' },
        ],
      },
      {
        name: 'p2',
        elements: [{ type: 'rating', name: 'rate', title: de ? 'Wie zufrieden bist du?' : 'How satisfied are you?' }],
      },
      {
        name: 'p3',
        visibleIf: "{member} = 'ja'",
        elements: [{ type: 'comment', name: 'why', title: de ? 'Was bringt es dir?' : 'What does it give you?' }],
      },
      {
        name: 'p4',
        elements: [{ type: 'checkbox', name: 'topics', title: de ? 'Themen' : 'Topics', choices: ['A', 'B'] }],
      },
    ],
  };
};

beforeAll(async () => {
  client = suite.client;
  await client.expect(201, 'POST', '/workspaces', { slug: ws, name: 'Netzwerk' });
  for (const locale of ['de', 'en'] as const) {
    const slug = `kurz-${locale}`;
    await client.expect(201, 'POST', `/workspaces/${ws}/questionnaires`, { slug, definition: definition(locale) });
    await client.expect(201, 'POST', `/workspaces/${ws}/questionnaires/${slug}/publish`, {});
    const wave = await client.expect<{ key: string }>(201, 'POST', `/workspaces/${ws}/waves`, {
      questionnaire: slug,
      version: 1,
      title: slug,
      access: 'link',
    });
    keys[locale] = wave.key;
  }
});

async function openSurvey(locale: 'de' | 'en', browserLocale: string): Promise<Page> {
  const page = await suite.newPage({ locale: browserLocale });
  await page.goto(`${suite.baseUrl}/s/${keys[locale]}`);
  await page.locator('.answer-start button.button-primary').click();
  await page.locator('.sd-root-modern .sd-question').first().waitFor();
  return page;
}

/** The best contrast any part of the focus ring has against the background around it. */
function contrastOf(found: { indicator: string; background: string } | null): number {
  if (!found) return 0;
  const background = parseColours(found.background)[0]!;
  return Math.max(0, ...parseColours(found.indicator).map((c) => contrastRatio(c, background)));
}

const progressText = (page: Page) => page.locator('.survey-progress-text').textContent();
const progressValue = (page: Page) =>
  page.locator('.survey-progress-bar').evaluate((bar: HTMLProgressElement) => [bar.value, bar.max]);

describe('lang follows the questionnaire', () => {
  it('marks a German questionnaire lang="de", even in an English browser', async () => {
    const page = await openSurvey('de', 'en-US');
    expect(await page.locator('.sd-root-modern').getAttribute('lang')).toBe('de');
    expect(
      await page
        .locator('.sd-root-modern')
        .evaluate((el) => el.closest('[lang]:not(.sd-root-modern)')?.getAttribute('lang')),
    ).toBe('de');
    expect(
      await page.getByRole('heading', { level: 1 }).evaluate((el) => el.closest('[lang]')?.getAttribute('lang')),
    ).toBe('de');
    await page.context().close();
  });

  it('marks an English questionnaire lang="en", even in a German browser', async () => {
    const page = await openSurvey('en', 'de-DE');
    expect(await page.locator('.sd-root-modern').getAttribute('lang')).toBe('en');
    expect(
      await page.getByRole('heading', { level: 1 }).evaluate((el) => el.closest('[lang]')?.getAttribute('lang')),
    ).toBe('en');
    await page.context().close();
  });
});

describe('focus indicator', () => {
  it('has at least 3:1 contrast against its background on options, ratings, inputs and buttons', async () => {
    const page = await openSurvey('de', 'de-DE');
    const reached = new Set<string>();
    let turned = false; // "Weiter" once, to reach the rating on the second page
    // Tab through the first page and the second: radio, text input, "Weiter", rating items.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const found = await page.evaluate(focusIndicator);
      if (!found) continue;
      reached.add(found.kind);
      // survey-core fades its rings in (a short transition): read until the ring is there.
      await expect
        .poll(async () => contrastOf(await page.evaluate(focusIndicator)), { message: found.kind })
        .toBeGreaterThanOrEqual(3);
      if (found.kind === 'button' && !turned) {
        turned = true;
        await page.keyboard.press('Enter');
        await page.locator('.sd-rating__item').first().waitFor();
      }
    }
    expect([...reached].sort()).toEqual(['button', 'input', 'radio', 'rating']);
    await page.context().close();
  });
});

describe('progress', () => {
  it('says "Seite x von y" over the visible pages and starts empty', async () => {
    const page = await openSurvey('de', 'de-DE');
    // Page 3 is hidden until "ja" is chosen.
    expect(await progressText(page)).toBe('Seite 1 von 3');
    expect(await progressValue(page)).toEqual([0, 3]);
    await page.locator('.sd-question').first().getByText('Ja', { exact: true }).click();
    await expect.poll(() => progressText(page)).toBe('Seite 1 von 4');
    expect(await progressValue(page)).toEqual([0, 4]);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect.poll(() => progressText(page)).toBe('Seite 2 von 4');
    expect(await progressValue(page)).toEqual([1, 4]);
    await page.getByRole('button', { name: 'Zurück' }).click();
    await page.locator('.sd-question').first().getByText('Nein', { exact: true }).click();
    await expect.poll(() => progressText(page)).toBe('Seite 1 von 3');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect.poll(() => progressText(page)).toBe('Seite 3 von 3');
    expect(await progressValue(page)).toEqual([2, 3]);
    await page.context().close();
  });

  it('says "Page x of y" in English', async () => {
    const page = await openSurvey('en', 'en-US');
    expect(await progressText(page)).toBe('Page 1 of 3');
    await page.context().close();
  });
});

it('logged no console errors and no CSP violations', () => {
  expect(log.problems).toEqual([]);
});

/**
 * What the focused element shows as its focus indicator: its outline or box
 * shadow, or that of the decorator survey-core draws in place of a hidden
 * radio or checkbox; and the background around it (the first opaque one).
 * Runs in the page; null when the focus is on something else.
 */
function focusIndicator(): { kind: string; indicator: string; background: string } | null {
  const active = document.activeElement as HTMLElement | null;
  if (!active || !active.closest('.sd-root-modern')) return null;
  const visible = (value: string) => value && value !== 'none';
  const ring = (el: Element, pseudo?: string) => {
    const style = getComputedStyle(el, pseudo);
    const parts: string[] = [];
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) parts.push(style.outlineColor);
    if (visible(style.boxShadow)) parts.push(style.boxShadow);
    return parts.join(' ');
  };
  const backgroundOf = (el: Element | null): string => {
    for (let at = el; at; at = at.parentElement) {
      const colour = getComputedStyle(at).backgroundColor;
      if (colour !== 'transparent' && !/rgba\(.*, 0\)$/.test(colour)) return colour;
    }
    return 'rgb(255, 255, 255)';
  };
  let kind: string;
  let target: Element = active;
  let indicator: string;
  if (active.matches('.sd-item__control')) {
    kind = active.matches('.sd-radio__control') ? 'radio' : 'checkbox';
    target = active.nextElementSibling ?? active;
    indicator = ring(target, '::before') || ring(target);
  } else if (active.closest('.sd-rating__item')) {
    kind = 'rating';
    target = active.closest('.sd-rating__item')!;
    indicator = ring(target);
  } else if (active.matches('input, textarea, select')) {
    kind = 'input';
    // survey-core draws a text field's focus line on the box around it.
    target = active.closest('.sd-formbox') ?? active;
    indicator = `${ring(active)} ${ring(target)}`;
  } else if (active.matches('button, input[type=button], .sd-btn, .sd-navigation__next-btn')) {
    kind = 'button';
    indicator = ring(active);
  } else {
    return null;
  }
  // An input's focus line is drawn inside it (an inset shadow): its own background surrounds it.
  return { kind, indicator, background: backgroundOf(kind === 'input' ? target : target.parentElement) };
}
