import type { Page } from 'playwright-core';

// The pages the accessibility sweep (accessibility.test.ts) visits. To add a
// page, add an entry: its address (from the ids the sweep sets up), whether
// it needs a session, and optionally what to do before the check (open a
// dialog, start the survey) or what else to check there.

/** What the sweep sets up in the example workspace before it starts. */
export interface SweepIds {
  ws: string;
  /** The example's closed wave, with answers. */
  wave: string;
  /** An open link wave of the member survey, for the answering page. */
  openWaveKey: string;
  questionnaire: string;
  indicator: string;
  openQuestion: string;
  shareToken: string;
}

export interface SweepPage {
  name: string;
  path: (ids: SweepIds) => string;
  /** Logged out (login, answering, share link): false. Logged in unless said otherwise. */
  session?: boolean;
  /** Brings the page into the state to check, once its heading is there. */
  prepare?: (page: Page) => Promise<void>;
  /** Further checks on the page: problems as lines, empty when none. */
  check?: (page: Page) => Promise<string[]>;
}

const w = (ids: SweepIds) => `/w/${ids.ws}`;

export const SWEEP_PAGES: SweepPage[] = [
  { name: 'login', path: () => '/login', session: false },
  { name: 'setup', path: () => '/setup', session: false },
  { name: 'workspaces list', path: () => '/workspaces' },
  { name: 'account', path: () => '/account' },
  { name: 'members', path: (ids) => `${w(ids)}/members` },
  { name: 'workspace home', path: (ids) => w(ids) },
  { name: 'questionnaires list', path: (ids) => `${w(ids)}/questionnaires` },
  {
    name: 'designer',
    path: (ids) => `${w(ids)}/questionnaires/${ids.questionnaire}`,
    // Open the first question with options, so that its option list (with move buttons) is checked too.
    prepare: async (page) => {
      await page.locator('.element-card button[aria-expanded="false"]').first().click();
      await page.locator('.item-actions').first().waitFor();
    },
    check: labelInNameProblems,
  },
  { name: 'waves list', path: (ids) => `${w(ids)}/waves` },
  { name: 'wave results (dashboard)', path: (ids) => `${w(ids)}/waves/${ids.wave}` },
  { name: 'wave settings', path: (ids) => `${w(ids)}/waves/${ids.wave}/settings` },
  { name: 'open answers', path: (ids) => `${w(ids)}/waves/${ids.wave}/answers` },
  { name: 'coding', path: (ids) => `${w(ids)}/waves/${ids.wave}/answers/${ids.openQuestion}` },
  { name: 'activities', path: (ids) => `${w(ids)}/activities` },
  { name: 'indicators list', path: (ids) => `${w(ids)}/indicators` },
  { name: 'new indicator', path: (ids) => `${w(ids)}/indicators/new` },
  { name: 'indicator', path: (ids) => `${w(ids)}/indicators/${ids.indicator}` },
  { name: 'indicator edit', path: (ids) => `${w(ids)}/indicators/${ids.indicator}/edit` },
  { name: 'report', path: (ids) => `${w(ids)}/report` },
  { name: 'share link', path: (ids) => `/share/${ids.shareToken}`, session: false },
  { name: 'answering: privacy notice', path: (ids) => `/s/${ids.openWaveKey}`, session: false },
  {
    name: 'answering: questions',
    path: (ids) => `/s/${ids.openWaveKey}`,
    session: false,
    prepare: async (page) => {
      await page.locator('.answer-start button.button-primary').click();
      await page.locator('.sd-root-modern .sd-question').first().waitFor();
    },
  },
  { name: 'not found', path: () => '/gibt-es-nicht' },
];

/**
 * WCAG 2.5.3 (label in name): every button and link whose accessible name is
 * set apart from its text (aria-label, aria-labelledby) must contain the
 * words it shows, so that voice control finds it by what is on the screen.
 * Symbols (arrows) and case are ignored; "problems" are lines to assert empty.
 */
export async function labelInNameProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const words = (text: string) =>
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const shownText = (el: Element): string => {
      let text = '';
      const walk = (node: Node) => {
        if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
        if (node.nodeType !== Node.ELEMENT_NODE) return;
        const element = node as Element;
        if (element.getAttribute('aria-hidden') === 'true' || element.matches('.visually-hidden')) return;
        node.childNodes.forEach(walk);
      };
      walk(el);
      return text;
    };
    const problems: string[] = [];
    const controls = document.querySelectorAll('button, a[href], [role="button"], summary, input[type="button"]');
    for (const control of controls) {
      const labelledBy = control.getAttribute('aria-labelledby');
      const name = labelledBy
        ? labelledBy
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
        : control.getAttribute('aria-label');
      if (name === null) continue;
      const shown = words(control instanceof HTMLInputElement ? control.value : shownText(control));
      if (shown && !` ${words(name)} `.includes(` ${shown} `)) problems.push(`"${shown}" is not in its name "${name}"`);
    }
    return problems;
  });
}
