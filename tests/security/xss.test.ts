import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, launchChromium, problemLog, startBuiltServer, type BuiltServer } from '../e2e/harness.js';
import { PAYLOAD_KIND, PAYLOADS } from './xss-payloads.js';

// Stored XSS: every payload of the corpus goes into every text an organiser
// writes and every kind of answer a respondent gives, and the built app
// renders them in Chromium under the production CSP on every page that shows
// them. Nothing may run (an executed payload calls `__xss(id)`, opens a dialog
// or sets the document title), no CSP violation may be reported (an inline
// handler that merely got blocked is a defect too), no dangerous markup may
// reach the DOM, and text fields must show the payload as text: proof that it
// was rendered, not dropped.
//
// Payloads are packed into fields: a field with a length limit holds as many
// whole payloads as fit, and as many objects are created as it takes to place
// every payload that fits the limit at all (longer ones are refused by
// validation with 400, so they are left out of that field; see LIMITS: the
// 40-character unit of an indicator takes only the 34 shortest payloads, a
// code label 75 of them, titles all but the three long ones).

const admin = { email: 'orga@example.org', password: 'ein-langes-passwort' };
const ws = 'xss';
const SLUG = 'corpus';
const SEP = ' ¦ ';
const P = PAYLOADS.length;
const texts = PAYLOADS.map((p) => p.text);

/** The API's length limits of the fields that have one (the modules' zod schemas). */
const LIMITS = {
  workspaceName: 120,
  waveTitle: 200,
  privacyNotice: 10_000,
  indicatorName: 200,
  indicatorDescription: 2000,
  indicatorUnit: 40,
  measurementNote: 500,
  activityTitle: 200,
  activityDistrict: 120,
  activityTopic: 200,
  activityNote: 2000,
  codeLabel: 80,
  reportTitle: 200,
  textAnswer: 1000,
  commentAnswer: 10_000,
};

/** Whole payloads joined into texts of at most `max` characters; payloads longer than `max` are left out. */
function pack(items: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const item of items) {
    if (item.length > max) continue;
    const next = current ? current + SEP + item : item;
    if (next.length <= max) current = next;
    else {
      chunks.push(current);
      current = item;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** The payloads dealt round-robin into `n` texts (for fields without a limit, e.g. in a definition). */
function deal(items: string[], n: number, shift = 0): string[] {
  const out = Array.from({ length: n }, () => [] as string[]);
  items.forEach((item, i) => out[(i + shift) % n]!.push(item));
  return out.map((parts) => parts.join(SEP));
}

/** The payloads that a packed field holds. */
const payloadsIn = (chunks: string[]) => texts.filter((t) => chunks.some((c) => c.split(SEP).includes(t)));

// ---------------------------------------------------------------- the definition

const QUESTION_GROUPS = 6;
const PAGE_COUNT = 3;
/** Choice values c0 … c{P-1}, each labelled with one payload. */
const choices = texts.map((text, i) => ({ value: `c${i}`, text }));
/** The respondent's answers are put back into HTML by SurveyJS's `{name}` placeholders. */
const PLACEHOLDERS = '<p>{q_text}</p><p>{q_comment}</p><p>{q_radio}</p><p>{q_check}</p><p>{q_radio-Comment}</p>';

function definition(): Record<string, unknown> {
  const pageTitles = deal(texts, PAGE_COUNT);
  const pageDescriptions = deal(texts, PAGE_COUNT, 1);
  const questionTitles = deal(texts, QUESTION_GROUPS);
  const questionDescriptions = deal(texts, QUESTION_GROUPS, 3);
  const pages = pageTitles.map((title, i) => ({
    name: `p${i}`,
    title,
    description: pageDescriptions[i],
    elements: [] as unknown[],
  }));
  pages[0]!.elements.push(
    {
      type: 'text',
      name: 'q_text',
      title: `Text: ${questionTitles[0]}`,
      description: questionDescriptions[0],
      maxLength: LIMITS.textAnswer,
    },
    {
      type: 'comment',
      name: 'q_comment',
      title: `Kommentar: ${questionTitles[1]}`,
      description: questionDescriptions[1],
    },
    {
      type: 'radiogroup',
      name: 'q_radio',
      title: `Auswahl: ${questionTitles[2]}`,
      description: questionDescriptions[2],
      choices,
      showOtherItem: true,
      otherText: texts.join(SEP),
    },
  );
  pages[1]!.elements.push({
    type: 'checkbox',
    name: 'q_check',
    title: `Mehrfach: ${questionTitles[3]}`,
    description: questionDescriptions[3],
    choices,
  });
  // Booleans carry the remaining question titles, and labels of their own.
  for (let g = 4; g < QUESTION_GROUPS; g++) {
    pages[1]!.elements.push({
      type: 'boolean',
      name: `q_b${g - 4}`,
      title: `Ja/Nein: ${questionTitles[g]}`,
      description: questionDescriptions[g],
      labelTrue: texts[g]!,
      labelFalse: texts[g + 1]!,
    });
  }
  // One html element per payload, so that no payload's markup swallows another's.
  PAYLOADS.forEach((p, i) =>
    pages[2 - (i % 2)]!.elements.push({ type: 'html', name: `h_${p.id}`, html: `<p>${p.id}:</p>${p.text}` }),
  );
  return {
    // German texts: the definition says so (without it, SurveyJS's default language is English).
    locale: 'de',
    title: texts.join(SEP),
    description: texts.join(SEP),
    pages,
    completedHtml: `<h3>Danke</h3>${PLACEHOLDERS}${PAYLOADS.map((p) => `<div>${p.text}</div>`).join('')}`,
  };
}

// ---------------------------------------------------------------- observation

let server: BuiltServer | undefined;
let browser: Browser | undefined;
let baseUrl: string;
let client: ApiClient;
/** Payload ids (or alert texts) that ran, with the page they ran on. */
const executed: string[] = [];
const dialogs: string[] = [];
const violations: string[] = [];
const foreignRequests: string[] = [];
const domProblems: string[] = [];
const missingTexts: string[] = [];
const pagesRendered = new Set<string>();
/** The pages under test; the more specific of two with a common prefix first. */
const ROUTES = [
  '/s/:key',
  'designer preview',
  '/w/:ws/waves/:id/answers/:question',
  '/w/:ws/waves/:id',
  '/w/:ws/waves',
  '/w/:ws/indicators/:key',
  '/w/:ws/indicators',
  '/w/:ws/activities',
  '/w/:ws/report',
  '/share/:token',
];
/** Inspections: a page in one state (e.g. each page of the survey, each indicator). */
let screens = 0;
const fieldKinds = new Set<string>();
let currentPage = 'setup';
// Chromium logs failing resource loads as console errors; a sanitised payload
// leaves none, and none of the pages under test answers 4xx.
const log = problemLog(() => false);
/**
 * The designer's preview of an unsaved draft typed into the JSON tab is the
 * one place where raw organiser HTML reaches the browser: the browser's own
 * DOMPurify is all that stands in its way. Chromium reports a CSP violation
 * for every inline handler and style it *parses*, even in DOMPurify's inert
 * document where nothing can run, so the reports of that walk are kept apart
 * and checked to be only of that kind; everything else applies unchanged.
 */
const draftLog = problemLog(() => false);
const draftReports: string[] = [];
const UNSAVED = 'designer preview of an unsaved draft';

/** Watches one page: scripts that run, dialogs, CSP violations, requests leaving the origin. */
function watch(page: Page, problems = log): Page {
  problems.watch(page);
  page.on('dialog', (dialog) => {
    // The unsaved-changes guard of the designer is the app's own; anything else came from a payload.
    if (dialog.type() !== 'beforeunload') dialogs.push(`${currentPage}: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreignRequests.push(`${currentPage}: ${url}`);
  });
  return page;
}

async function newContext(withSession: boolean): Promise<BrowserContext> {
  const context = await browser!.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  await context.exposeFunction('__xss', (id: unknown) =>
    executed.push(`${currentPage}: ${String(id)} (${PAYLOAD_KIND.get(String(id)) ?? '?'})`),
  );
  await context.exposeFunction('__cspViolation', (text: string) =>
    (currentPage.startsWith(UNSAVED) ? draftReports : violations).push(`${currentPage}: ${text}`),
  );
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const target = event.target instanceof Element ? event.target.outerHTML.slice(0, 160) : 'document';
      (window as unknown as { __cspViolation(t: string): void }).__cspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI} on ${target}`,
      );
    });
  });
  if (withSession) await context.addCookies([{ ...client.browserCookie(), httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * SurveyJS replaces `{name}` placeholders in every text it shows (with the
 * answer, a survey variable, or nothing), so a payload written in that syntax
 * is not expected verbatim where SurveyJS renders the text; it must still not run.
 */
const surveyRewrites = (text: string) => /\{[^}]*\}/.test(text);

/**
 * After a page has rendered: lets handlers fire, then looks through the DOM
 * (and any frame) for markup that must never come from stored text, and
 * checks that the expected payloads are visible as text.
 */
async function inspect(
  page: Page,
  label: string,
  expected: Array<{ field: string; items: string[]; surveyjs?: boolean }>,
): Promise<void> {
  currentPage = label;
  // onerror, ontoggle, onfocus and the like fire within a few frames.
  await page.waitForTimeout(400);
  const findings = await page.evaluate(() => {
    const bad: string[] = [];
    const dangerousUrl = /^(?:javascript|vbscript|data:text\/html)/i;
    const docs: Document[] = [document];
    for (const frame of Array.from(document.querySelectorAll('iframe'))) {
      bad.push(`<iframe> ${frame.outerHTML.slice(0, 120)}`);
      if (frame.contentDocument) docs.push(frame.contentDocument);
    }
    for (const doc of docs) {
      for (const el of Array.from(doc.querySelectorAll('*'))) {
        const tag = el.tagName.toLowerCase();
        if (
          ['object', 'embed', 'frame', 'base', 'isindex'].includes(tag) ||
          (tag === 'meta' && el.hasAttribute('http-equiv') && el.closest('body'))
        ) {
          bad.push(`<${tag}> ${el.outerHTML.slice(0, 120)}`);
        }
        if (
          tag === 'script' &&
          (!el.getAttribute('src') || new URL(el.getAttribute('src')!, location.href).origin !== location.origin)
        )
          bad.push(`<script> ${el.outerHTML.slice(0, 120)}`);
        if (tag === 'style' && el.closest('body')) bad.push(`<style> ${el.outerHTML.slice(0, 120)}`);
        for (const attr of Array.from(el.attributes)) {
          const name = attr.name.toLowerCase();
          // Browsers ignore control characters and spaces inside a URL's scheme.
          // eslint-disable-next-line no-control-regex
          const value = attr.value.replace(/[\u0000-\u0020]/g, '');
          if (name.startsWith('on')) bad.push(`${name} on <${tag}>: ${attr.value.slice(0, 80)}`);
          if (
            ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping'].includes(
              name,
            ) &&
            dangerousUrl.test(value)
          )
            bad.push(`${name}=${attr.value.slice(0, 80)} on <${tag}>`);
          if (name === 'srcdoc') bad.push(`srcdoc on <${tag}>`);
        }
      }
    }
    if (document.title.startsWith('XSS-RAN')) bad.push(`document.title: ${document.title}`);
    return { bad, text: document.body.innerText };
  });
  domProblems.push(...findings.bad.map((b) => `${label}: ${b}`));
  const visible = normalise(findings.text);
  for (const { field, items, surveyjs } of expected) {
    fieldKinds.add(field);
    for (const item of items) {
      if (surveyjs && surveyRewrites(item)) continue;
      if (!visible.includes(normalise(item))) {
        const payload = PAYLOADS.find((p) => p.text === item);
        missingTexts.push(
          `${label}, ${field}: ${payload ? `${payload.id} (${PAYLOAD_KIND.get(payload.id)})` : item.slice(0, 60)}`,
        );
      }
    }
  }
  screens++;
  pagesRendered.add(ROUTES.find((route) => label.startsWith(route)) ?? label);
}

// ---------------------------------------------------------------- the data

let wave: { id: string; key: string };
const waveTitles = pack(texts, LIMITS.waveTitle);
const privacyNotice = pack(texts, LIMITS.privacyNotice);
const workspaceName = pack(texts, LIMITS.workspaceName)[0]!;
const indicatorFields = {
  name: pack(texts, LIMITS.indicatorName),
  description: pack(texts, LIMITS.indicatorDescription),
  unit: pack(texts, LIMITS.indicatorUnit),
  note: pack(texts, LIMITS.measurementNote),
};
const activityFields = {
  title: pack(texts, LIMITS.activityTitle),
  district: pack(texts, LIMITS.activityDistrict),
  topic: pack(texts, LIMITS.activityTopic),
  note: pack(texts, LIMITS.activityNote),
};
const codeLabels = pack(texts, LIMITS.codeLabel);
const reportTitles = pack(texts, LIMITS.reportTitle);
const decisions = texts.join('\n\n');
/** What the browser's respondent types: several payloads per field, for the placeholders of the completion page. */
const typed = {
  text: pack(texts, LIMITS.textAnswer)[1]!,
  comment: pack(texts, LIMITS.commentAnswer / 2)[0]!,
  other: pack(texts, LIMITS.textAnswer)[2]!,
};
const responseIds: string[] = [];
/** Payloads a text answer can hold (the long ones go into comments, which take 10,000 characters). */
const shortTexts = texts.filter((t) => t.length <= LIMITS.textAnswer);
/** The answers of response i: text, comment and "other" text, one payload each, rotated. */
const answerOf = (i: number) => ({
  text: shortTexts[i % shortTexts.length]!,
  comment: texts[(i + 1) % P]!,
  other: shortTexts[(i + 2) % shortTexts.length]!,
});
const indicatorKeys: string[] = [];
let mainReport = '';
let shareToken = '';

beforeAll(async () => {
  const started = performance.now();
  server = await startBuiltServer({ admin });
  baseUrl = server.baseUrl;
  client = new ApiClient(baseUrl);
  await client.expect(200, 'POST', '/auth/login', admin);
  await client.expect(201, 'POST', '/workspaces', { slug: ws, name: workspaceName });

  // The questionnaire: HTML-bearing properties are sanitised on save, the rest is stored as written.
  await client.expect(201, 'POST', `/workspaces/${ws}/questionnaires`, { slug: SLUG, definition: definition() });
  await client.expect(201, 'POST', `/workspaces/${ws}/questionnaires/${SLUG}/publish`, {});
  const notice = { de: privacyNotice[0]!, en: privacyNotice[1] ?? privacyNotice[0]! };
  wave = await client.expect(201, 'POST', `/workspaces/${ws}/waves`, {
    questionnaire: SLUG,
    version: 1,
    title: waveTitles[0],
    access: 'link',
    privacyNotice: notice,
  });
  await Promise.all(
    waveTitles.slice(1).map((title) =>
      client.expect(201, 'POST', `/workspaces/${ws}/waves`, {
        questionnaire: SLUG,
        version: 1,
        title,
        access: 'link',
      }),
    ),
  );

  // One complete response per payload: text, comment and "other" text, a few ticks.
  responseIds.push(...PAYLOADS.map(() => crypto.randomUUID()));
  await Promise.all(
    responseIds.map((id, i) => {
      const a = answerOf(i);
      const data = {
        q_text: a.text,
        q_comment: a.comment,
        q_radio: 'other',
        'q_radio-Comment': a.other,
        q_check: [`c${i}`, `c${(i + 7) % P}`],
        q_b0: i % 2 === 0,
      };
      return client.expect(201, 'POST', `/public/waves/${wave.key}/responses`, { id, status: 'complete', data });
    }),
  );

  // Codebook: code labels (≤ 80 characters), each code on a share of the text answers.
  const codes = await Promise.all(
    codeLabels.map(
      async (label) =>
        (await client.expect<{ id: string }>(201, 'POST', `/workspaces/${ws}/questionnaires/${SLUG}/codes`, { label }))
          .id,
    ),
  );
  await Promise.all(
    responseIds.map((id, i) => {
      const picked = [...new Set([codes[i % codes.length]!, codes[(i + 1) % codes.length]!, codes[0]!])];
      return client.expect(200, 'PUT', `/workspaces/${ws}/waves/${wave.id}/answers/q_text/${id}/codes`, {
        codes: picked,
      });
    }),
  );

  // Indicators: inputs and outcomes (the report shows both), each with a measurement and its note.
  const indicatorCount = Math.max(...Object.values(indicatorFields).map((f) => f.length));
  indicatorKeys.push(...Array.from({ length: indicatorCount }, (_, k) => `ind-${k}`));
  await Promise.all(
    indicatorKeys.map(async (key, k) => {
      await client.expect(201, 'POST', `/workspaces/${ws}/indicators`, {
        key,
        name: indicatorFields.name[k % indicatorFields.name.length],
        description: indicatorFields.description[k % indicatorFields.description.length],
        unit: indicatorFields.unit[k % indicatorFields.unit.length],
        level: k % 2 === 0 ? 'input' : 'outcome',
        step: k % 2 === 0 ? null : 4,
        direction: 'up',
        target: { date: '2026-12-31', value: 100 },
        source: { kind: 'manual' },
      });
      await client.expect(201, 'POST', `/workspaces/${ws}/indicators/${key}/measurements`, {
        date: '2025-06-01',
        value: k + 1,
        note: indicatorFields.note[(2 * k) % indicatorFields.note.length],
      });
      await client.expect(201, 'POST', `/workspaces/${ws}/indicators/${key}/measurements`, {
        date: '2026-06-01',
        value: k + 10,
        note: indicatorFields.note[(2 * k + 1) % indicatorFields.note.length],
      });
    }),
  );

  const activityCount = Math.max(...Object.values(activityFields).map((f) => f.length));
  await Promise.all(
    Array.from({ length: activityCount }, (_, k) =>
      client.expect(201, 'POST', `/workspaces/${ws}/activities`, {
        type: k % 3 === 0 ? 'district_visit' : k % 3 === 1 ? 'thematic_exchange' : 'article',
        title: activityFields.title[k % activityFields.title.length],
        date: `2026-0${1 + (k % 9)}-${String(1 + (k % 28)).padStart(2, '0')}`,
        district: activityFields.district[k % activityFields.district.length],
        topic: activityFields.topic[k % activityFields.topic.length],
        note: activityFields.note[k % activityFields.note.length],
      }),
    ),
  );

  // The report: every section, the payloads as decisions, quotes of text and comment answers.
  const quotes = [
    ...responseIds.slice(0, 30).map((response) => ({ response, question: 'q_text' })),
    ...responseIds.slice(30, 60).map((response) => ({ response, question: 'q_comment' })),
  ];
  const reportBody = {
    title: reportTitles[0],
    wave: wave.id,
    sections: [
      { kind: 'decisions' },
      { kind: 'input' },
      { kind: 'output' },
      { kind: 'outcome_impact', provenance: true },
      { kind: 'survey', measure: 'count' },
      { kind: 'open_answers', topCodes: 20 },
      { kind: 'comparison' },
    ],
    keyQuestions: ['q_radio', 'q_check', 'q_b0'],
    openQuestions: { strengths: 'q_text', weaknesses: 'q_comment' },
    quotes,
    decisions,
  };
  mainReport = (await client.expect<{ id: string }>(201, 'POST', `/workspaces/${ws}/reports`, reportBody)).id;
  await Promise.all(
    reportTitles.slice(1).map((title) => client.expect(201, 'POST', `/workspaces/${ws}/reports`, { title })),
  );
  shareToken = (await client.expect<{ token: string }>(201, 'POST', `/workspaces/${ws}/shares`, { report: mainReport }))
    .token;

  browser = await launchChromium();
  console.log(`xss: setup took ${((performance.now() - started) / 1000).toFixed(1)} s`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// ---------------------------------------------------------------- the pages

/** Fills the respondent's fields of the corpus questionnaire's first page (answering page and preview alike). */
async function answerFirstPage(page: Page): Promise<void> {
  await page.locator('[data-name="q_text"] input').fill(typed.text);
  await page.locator('[data-name="q_comment"] textarea').fill(typed.comment);
  await page.locator('[data-name="q_radio"] input[value="other"]').check({ force: true });
  await page.locator('[data-name="q_radio"] textarea').fill(typed.other);
}

/** Walks the corpus survey's three pages and completes it, inspecting each page and the completion page. */
async function walkSurvey(page: Page, label: string, scope: ReturnType<Page['locator']>): Promise<void> {
  const pageTitles = deal(texts, PAGE_COUNT);
  const pageDescriptions = deal(texts, PAGE_COUNT, 1);
  const questionTitles = deal(texts, QUESTION_GROUPS);
  const questionDescriptions = deal(texts, QUESTION_GROUPS, 3);
  currentPage = `${label}: page 1`;
  await scope.locator('[data-name="q_text"]').waitFor();
  await inspect(page, `${label}: page 1`, [
    { field: 'page title', items: [pageTitles[0]!], surveyjs: true },
    { field: 'page description', items: [pageDescriptions[0]!], surveyjs: true },
    {
      field: 'question title',
      items: questionTitles[0]!.split(SEP).concat(questionTitles[1]!.split(SEP), questionTitles[2]!.split(SEP)),
      surveyjs: true,
    },
    {
      field: 'question description',
      items: questionDescriptions.slice(0, 3).flatMap((d) => d.split(SEP)),
      surveyjs: true,
    },
    { field: 'choice label', items: texts, surveyjs: true },
    { field: 'other item label', items: texts, surveyjs: true },
  ]);
  await answerFirstPage(page);
  currentPage = `${label}: page 2`;
  await scope.getByRole('button', { name: 'Weiter' }).click();
  await scope.locator('[data-name="q_check"]').waitFor();
  // Every box ticked: the completion page's {q_check} then lists every label.
  // One click per box, all in one round trip (the inputs are visually hidden behind SurveyJS's own boxes).
  await scope
    .locator('[data-name="q_check"] input[type="checkbox"]')
    .evaluateAll((boxes) => boxes.forEach((box) => (box as HTMLInputElement).click()));
  await expect.poll(() => scope.locator('[data-name="q_check"] input[type="checkbox"]:checked').count()).toBe(P);
  await inspect(page, `${label}: page 2`, [
    { field: 'page title', items: [pageTitles[1]!], surveyjs: true },
    { field: 'question title', items: questionTitles.slice(3).flatMap((t) => t.split(SEP)), surveyjs: true },
    {
      field: 'question description',
      items: questionDescriptions.slice(3).flatMap((d) => d.split(SEP)),
      surveyjs: true,
    },
    { field: 'choice label', items: texts, surveyjs: true },
    { field: 'html question', items: PAYLOADS.filter((_, i) => i % 2 === 1).map((p) => `${p.id}:`) },
  ]);
  currentPage = `${label}: page 3`;
  await scope.getByRole('button', { name: 'Weiter' }).click();
  await scope.locator('[data-name="h_x01"]').waitFor();
  await inspect(page, `${label}: page 3`, [
    { field: 'page title', items: [pageTitles[2]!], surveyjs: true },
    { field: 'html question', items: PAYLOADS.filter((_, i) => i % 2 === 0).map((p) => `${p.id}:`) },
  ]);
  currentPage = `${label}: completion page`;
  await scope.getByRole('button', { name: 'Abschließen' }).click();
  await scope.locator('.sd-completedpage').getByText('Danke').waitFor();
  // The answers come back through the placeholders as text: escaped, not parsed, not dropped.
  await inspect(page, `${label}: completion page`, [
    { field: 'completion text', items: ['Danke'] },
    {
      field: 'answer in the completion text',
      items: [typed.text, typed.comment, typed.other].flatMap((t) => t.split(SEP)),
      surveyjs: true,
    },
    { field: 'choice label in the completion text', items: texts, surveyjs: true },
  ]);
}

describe('stored XSS corpus', () => {
  it('the answering page shows the payloads as text and runs none, up to the completion page', async () => {
    const context = await newContext(false);
    const page = watch(await context.newPage());
    page.setDefaultTimeout(20_000);
    currentPage = '/s/:key';
    await page.goto(`${baseUrl}/s/${wave.key}`);
    await page.getByRole('heading', { level: 2, name: 'Datenschutz' }).waitFor();
    await inspect(page, '/s/:key intro', [
      { field: 'questionnaire title', items: texts, surveyjs: true },
      { field: 'questionnaire description', items: texts, surveyjs: true },
      { field: 'privacy notice', items: payloadsIn([privacyNotice[0]!]) },
    ]);
    // The English notice holds the payloads the German one had no room for.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Privacy' }).waitFor();
    await inspect(page, '/s/:key intro (English)', [
      { field: 'privacy notice', items: payloadsIn([privacyNotice[1] ?? privacyNotice[0]!]) },
    ]);
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.getByRole('button', { name: 'Los geht’s' }).click();
    await walkSurvey(page, '/s/:key', page.locator('main'));
    await context.close();
  });

  it('the designer preview renders the stored version and an unsaved, unsanitised draft without running anything', async () => {
    const context = await newContext(true);
    const page = watch(await context.newPage());
    page.setDefaultTimeout(20_000);
    currentPage = 'designer';
    await page.goto(`${baseUrl}/w/${ws}/questionnaires/${SLUG}?view=preview`);
    const frame = page.locator('.preview-frame');
    await walkSurvey(page, 'designer preview', frame);

    // The JSON tab puts text straight into the draft: the browser's own sanitiser is all that stands between it and the page.
    currentPage = UNSAVED;
    const draftPage = watch(await context.newPage(), draftLog);
    draftPage.setDefaultTimeout(20_000);
    await draftPage.goto(`${baseUrl}/w/${ws}/questionnaires/${SLUG}?view=json`);
    await draftPage.locator('textarea.json-editor').fill(JSON.stringify(definition()));
    await draftPage.getByRole('tab', { name: 'Vorschau' }).click();
    await walkSurvey(draftPage, UNSAVED, draftPage.locator('.preview-frame'));
    await context.close();
    // Only reports of parsed inline handlers and styles, none from an element on the page.
    expect(
      draftReports.filter(
        (r) => !/: (script-src-attr|style-src-attr|style-src-elem) blocked inline on document$/.test(r),
      ),
    ).toEqual([]);
    expect(
      draftLog.problems.filter(
        (p) => !/^console error: (Executing inline event handler|Applying inline style) violates/.test(p),
      ),
    ).toEqual([]);
  });

  it('the dashboard, the waves and the open-answers board', async () => {
    const context = await newContext(true);
    const page = watch(await context.newPage());
    page.setDefaultTimeout(20_000);

    currentPage = 'waves';
    await page.goto(`${baseUrl}/w/${ws}/waves`);
    await page.getByText(waveTitles.at(-1)!, { exact: false }).first().waitFor();
    await inspect(page, '/w/:ws/waves', [{ field: 'wave title', items: payloadsIn(waveTitles) }]);

    currentPage = 'dashboard';
    await page.goto(`${baseUrl}/w/${ws}/waves/${wave.id}`);
    await page.locator('canvas').first().waitFor();
    await inspect(page, '/w/:ws/waves/:id', [
      { field: 'wave title', items: payloadsIn([waveTitles[0]!]) },
      { field: 'question title', items: texts },
      { field: 'choice label', items: texts },
    ]);

    for (const [question, answers] of [
      ['q_text', Array.from({ length: P }, (_, i) => answerOf(i).text)],
      ['q_comment', Array.from({ length: P }, (_, i) => answerOf(i).comment)],
    ] as const) {
      currentPage = `answers ${question}`;
      await page.goto(`${baseUrl}/w/${ws}/waves/${wave.id}/answers/${question}`);
      // The corpus's responses, and the one the browser gave on the answering page if that ran first.
      await expect.poll(() => page.getByTestId('answer').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(P);
      await inspect(page, `/w/:ws/waves/:id/answers/:question ${question}`, [
        { field: question === 'q_text' ? 'text answer' : 'comment answer', items: answers },
        { field: 'code label', items: payloadsIn(codeLabels) },
        {
          field: 'question title',
          items:
            question === 'q_text'
              ? deal(texts, QUESTION_GROUPS)[0]!.split(SEP)
              : deal(texts, QUESTION_GROUPS)[1]!.split(SEP),
        },
      ]);
    }
    await context.close();
  });

  it('the indicator and activity pages', async () => {
    const context = await newContext(true);
    const page = watch(await context.newPage());
    page.setDefaultTimeout(20_000);

    currentPage = 'indicators';
    await page.goto(`${baseUrl}/w/${ws}/indicators`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect
      .poll(() => page.locator('main').innerText(), { timeout: 20_000 })
      .toContain(normalise(indicatorFields.name.at(-1)!.split(SEP)[0]!));
    await inspect(page, '/w/:ws/indicators', [
      { field: 'indicator name', items: payloadsIn(indicatorFields.name) },
      { field: 'indicator unit', items: payloadsIn(indicatorFields.unit) },
    ]);
    // The list shows every name and unit; descriptions and notes need the indicators' own pages.
    const detailPages = Math.max(indicatorFields.description.length, Math.ceil(indicatorFields.note.length / 2));
    for (const [k, key] of indicatorKeys.slice(0, detailPages).entries()) {
      currentPage = `indicator ${key}`;
      await page.goto(`${baseUrl}/w/${ws}/indicators/${key}`);
      await page.locator('canvas').first().waitFor();
      await inspect(page, `/w/:ws/indicators/:key ${k}`, [
        { field: 'indicator name', items: [indicatorFields.name[k % indicatorFields.name.length]!] },
        {
          field: 'indicator description',
          items: [indicatorFields.description[k % indicatorFields.description.length]!],
        },
        {
          field: 'measurement note',
          items: [
            indicatorFields.note[(2 * k) % indicatorFields.note.length]!,
            indicatorFields.note[(2 * k + 1) % indicatorFields.note.length]!,
          ],
        },
      ]);
    }

    currentPage = 'activities';
    await page.goto(`${baseUrl}/w/${ws}/activities`);
    await expect
      .poll(() => page.locator('main').innerText(), { timeout: 20_000 })
      .toContain(normalise(activityFields.title.at(-1)!.split(SEP)[0]!));
    await inspect(page, '/w/:ws/activities', [
      { field: 'activity title', items: payloadsIn(activityFields.title) },
      { field: 'activity district', items: payloadsIn(activityFields.district) },
      { field: 'activity topic', items: payloadsIn(activityFields.topic) },
      { field: 'activity note', items: payloadsIn(activityFields.note) },
    ]);
    await context.close();
  });

  it('the report and its share link', async () => {
    const context = await newContext(true);
    const page = watch(await context.newPage());
    page.setDefaultTimeout(20_000);
    const quoted = [
      ...responseIds.slice(0, 30).map((_, i) => answerOf(i).text),
      ...responseIds.slice(30, 60).map((_, i) => answerOf(i + 30).comment),
    ];
    const documentTexts = [
      { field: 'report title', items: [reportTitles[0]!] },
      { field: 'decisions', items: texts },
      { field: 'indicator name', items: payloadsIn(indicatorFields.name) },
      { field: 'activity title', items: payloadsIn(activityFields.title) },
      {
        field: 'question title',
        items: deal(texts, QUESTION_GROUPS)
          .slice(2, 5)
          .flatMap((t) => t.split(SEP)),
      },
      { field: 'choice label', items: texts },
      { field: 'quote (answer)', items: quoted },
    ];

    currentPage = 'report';
    await page.goto(`${baseUrl}/w/${ws}/report?report=${mainReport}`);
    await page.locator('article.report-document canvas').first().waitFor();
    await inspect(page, '/w/:ws/report', documentTexts);
    const options = await page.locator('.report-picker option').allTextContents();
    for (const title of reportTitles)
      if (!options.includes(title))
        missingTexts.push(`/w/:ws/report, report title in the picker: ${title.slice(0, 60)}`);

    const visitorContext = await newContext(false);
    const visitor = watch(await visitorContext.newPage());
    visitor.setDefaultTimeout(20_000);
    currentPage = 'share';
    await visitor.goto(`${baseUrl}/share/${shareToken}`);
    await visitor.locator('article.report-document canvas').first().waitFor();
    // A share link shows no free-text answers, picked quotes included (DESIGN §3; tests/api/shares.test.ts).
    await inspect(visitor, '/share/:token', [
      ...documentTexts.filter((f) => f.field !== 'quote (answer)'),
      { field: 'workspace name', items: [workspaceName] },
    ]);
    await visitorContext.close();
    await context.close();
  });

  it('ran no payload, opened no dialog, reported no CSP violation', () => {
    currentPage = 'summary';
    expect(executed, 'payloads that ran').toEqual([]);
    expect(dialogs, 'dialogs').toEqual([]);
    expect(violations, 'securitypolicyviolation events').toEqual([]);
    expect(log.problems, 'console errors and CSP messages').toEqual([]);
    expect(foreignRequests, 'requests to other origins').toEqual([]);
    expect(domProblems, 'dangerous markup in the DOM').toEqual([]);
    expect(missingTexts, 'payloads not shown as text').toEqual([]);
    expect([...pagesRendered].sort()).toEqual([...ROUTES].sort());
    expect(P).toBeGreaterThanOrEqual(50);
    console.log(
      `xss: the browser's sanitiser parsed the unsaved draft's raw HTML with ${draftReports.length} CSP reports of inline handlers and styles in its inert document (nothing ran)`,
    );
    console.log(
      `xss: ${P} payloads × ${fieldKinds.size} fields, rendered on ${pagesRendered.size} pages: no script ran, no dialog, no CSP violation`,
    );
    console.log(`xss: ${screens} page states inspected (survey pages, completion pages, each indicator …)`);
  });
});
