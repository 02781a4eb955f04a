import type http from 'node:http';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app.js';
import { workspaceWithWave } from '../helpers/waves.js';

// A questionnaire written in English (no `locale`: SurveyJS's default) with
// German translations is reported in German with ?locale=de, in English with
// ?locale=en, and in its default language, English, for a language it does
// not carry. The API's own messages keep following Accept-Language.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const englishFirst = {
  title: { default: 'Member survey', de: 'Mitgliederumfrage' },
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'sector',
          title: { default: 'Which sector do you work in?', de: 'In welchem Bereich arbeitest du?' },
          isRequired: true,
          choices: [
            { value: 'civic', text: { default: 'Civic', de: 'Bürgerschaftlich' } },
            { value: 'nonprofit', text: { default: 'Nonprofit', de: 'Gemeinnützig' } },
          ],
        },
        {
          type: 'matrix',
          name: 'formats',
          title: { default: 'How useful are these formats?', de: 'Wie nützlich sind diese Formate?' },
          rows: [{ value: 'visits', text: { default: 'District visits', de: 'Stadtteilbesuche' } }],
          columns: [
            { value: 1, text: { default: 'Not useful', de: 'Nicht nützlich' } },
            { value: 2, text: { default: 'Useful', de: 'Nützlich' } },
          ],
        },
        { type: 'boolean', name: 'joint', title: { default: 'A joint project?', de: 'Ein gemeinsames Projekt?' } },
        { type: 'comment', name: 'strengths', title: { default: 'What do we do well?', de: 'Was machen wir gut?' } },
      ],
    },
  ],
};

const GERMAN = {
  questionnaire: 'Mitgliederumfrage',
  sector: 'In welchem Bereich arbeitest du?',
  civic: 'Bürgerschaftlich',
  nonprofit: 'Gemeinnützig',
  formats: 'Wie nützlich sind diese Formate?',
  visits: 'Stadtteilbesuche',
  useful: 'Nützlich',
  strengths: 'Was machen wir gut?',
};
const ENGLISH = {
  questionnaire: 'Member survey',
  sector: 'Which sector do you work in?',
  civic: 'Civic',
  nonprofit: 'Nonprofit',
  formats: 'How useful are these formats?',
  visits: 'District visits',
  useful: 'Useful',
  strengths: 'What do we do well?',
};

/** Collects a response body as bytes (supertest would decode text). */
const binary = (res: request.Response, callback: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as http.IncomingMessage;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
};

type Question = {
  name: string;
  title: string;
  choices?: Array<{ value: unknown; label: string }>;
  rows?: Array<{ value: unknown; label: string; choices: Array<{ value: unknown; label: string }> }>;
};

/** The titles and labels of a results body, for comparison with the expected language. */
function labelsOf(questions: Question[]) {
  const q = (name: string) => questions.find((x) => x.name === name)!;
  return {
    sector: q('sector').title,
    civic: q('sector').choices![0]!.label,
    nonprofit: q('sector').choices![1]!.label,
    formats: q('formats').title,
    visits: q('formats').rows![0]!.label,
    useful: q('formats').rows![0]!.choices[1]!.label,
    strengths: q('strengths').title,
  };
}
const { questionnaire: _q, ...GERMAN_LABELS } = GERMAN;
const { questionnaire: _e, ...ENGLISH_LABELS } = ENGLISH;

let setup: Awaited<ReturnType<typeof workspaceWithWave>>;
let reportId: string;
let shareToken: string;

beforeAll(async () => {
  setup = await workspaceWithWave(ctx, { slug: 'sprachen', definition: englishFirst });
  const { agent, base, wave } = setup;
  const sectors = [
    'civic',
    'civic',
    'civic',
    'civic',
    'civic',
    'nonprofit',
    'nonprofit',
    'nonprofit',
    'nonprofit',
    'nonprofit',
  ];
  for (const [i, sector] of sectors.entries()) {
    const res = await request(ctx.app)
      .post(`/api/v1/public/waves/${wave.key}/responses`)
      .send({
        id: crypto.randomUUID(),
        status: 'complete',
        locale: i % 2 ? 'de' : 'en',
        data: { sector, formats: { visits: 2 }, joint: true, strengths: `Text ${i}` },
      });
    expect(res.status).toBe(201);
  }
  const indicator = await agent.post(`${base}/indicators`).send({
    key: 'civic',
    name: 'Civic share',
    level: 'outcome',
    direction: 'up',
    source: { kind: 'survey', questionnaire: 'kurz', question: 'sector', measure: 'share', values: ['civic'] },
  });
  expect(indicator.status).toBe(201);
  const report = await agent.post(`${base}/reports`).send({
    title: 'Bilanz',
    wave: wave.id,
    sections: [{ kind: 'outcome_impact' }, { kind: 'survey' }, { kind: 'comparison' }],
    keyQuestions: ['sector', 'formats'],
  });
  expect(report.status).toBe(201);
  reportId = report.body.id as string;
  const share = await agent.post(`${base}/shares`).send({ report: reportId });
  expect(share.status).toBe(201);
  shareToken = share.body.token as string;
});

describe('an English questionnaire with German translations', () => {
  it('gives results in German with ?locale=de, in English with ?locale=en, and in English for a language it does not carry', async () => {
    const { agent, base, wave } = setup;
    for (const [query, expected, locale] of [
      ['locale=de', GERMAN_LABELS, 'de'],
      ['locale=de-AT', GERMAN_LABELS, 'de'],
      ['locale=en', ENGLISH_LABELS, 'en'],
      ['locale=fr', ENGLISH_LABELS, 'en'],
    ] as const) {
      const res = await agent.get(`${base}/waves/${wave.id}/results?${query}`);
      expect(res.status, query).toBe(200);
      expect(labelsOf(res.body.questions), query).toEqual(expected);
      expect(res.body).toMatchObject({ locale, locales: ['en', 'de'] });
      // The figures do not depend on the language.
      expect(res.body.questions[0].choices.map((c: { count: number }) => c.count)).toEqual([5, 5]);
    }
    // Without ?locale, Accept-Language asks for a language the same way.
    const byHeader = await agent.get(`${base}/waves/${wave.id}/results`).set('Accept-Language', 'de-DE,de;q=0.9');
    expect(labelsOf(byHeader.body.questions)).toEqual(GERMAN_LABELS);
    expect(labelsOf((await agent.get(`${base}/waves/${wave.id}/results`)).body.questions)).toEqual(ENGLISH_LABELS);
  });

  it('keeps the API’s own messages in the language of Accept-Language, whatever ?locale asks for the labels', async () => {
    const { agent, base, wave } = setup;
    const english = await agent
      .get(`${base}/waves/${wave.id}/results?locale=de&where=ghost:1`)
      .set('Accept-Language', 'en');
    expect(english.status).toBe(400);
    expect(english.body.error.message).toMatch(/^The filter "ghost:1"/);
    const german = await agent
      .get(`${base}/waves/${wave.id}/results?locale=en&where=ghost:1`)
      .set('Accept-Language', 'de');
    expect(german.body.error.message).toMatch(/^Der Filter „ghost:1“/);
  });

  it('gives the trend in the same languages', async () => {
    const { agent, base } = setup;
    for (const [locale, expected] of [
      ['de', GERMAN],
      ['en', ENGLISH],
      ['fr', ENGLISH],
    ] as const) {
      const res = await agent.get(`${base}/questionnaires/kurz/trend?question=sector&locale=${locale}`);
      expect(res.status).toBe(200);
      const q = res.body.waves[0].question as Question;
      expect([q.title, q.choices!.map((c) => c.label)], locale).toEqual([
        expected.sector,
        [expected.civic, expected.nonprofit],
      ]);
    }
  });

  it('gives the codebook’s text and label columns in the language asked for', async () => {
    const { agent, base, wave } = setup;
    const codebook = async (query: string) => {
      const res = await agent.get(`${base}/waves/${wave.id}/export/codebook.csv${query}`).buffer(true).parse(binary);
      expect(res.status, query).toBe(200);
      return parseCsv(res.body as Buffer, { bom: true });
    };
    // Without ?locale: German and English columns, as always.
    const [plainHeader, ...plain] = await codebook('');
    expect(plainHeader).toEqual(['column', 'question', 'type', 'text_de', 'text_en', 'value', 'label_de', 'label_en']);
    expect(plain).toContainEqual([
      'sector',
      'sector',
      'radiogroup',
      GERMAN.sector,
      ENGLISH.sector,
      'civic',
      GERMAN.civic,
      ENGLISH.civic,
    ]);
    for (const [locale, expected] of [
      ['de', GERMAN],
      ['en', ENGLISH],
      ['fr', ENGLISH],
    ] as const) {
      const [header, ...rows] = await codebook(`?locale=${locale}`);
      expect(header).toEqual([
        'column',
        'question',
        'type',
        'text_de',
        'text_en',
        'value',
        'label_de',
        'label_en',
        'text',
        'label',
      ]);
      expect(rows.length).toBe(plain.length);
      expect(rows, locale).toContainEqual([
        'sector',
        'sector',
        'radiogroup',
        GERMAN.sector,
        ENGLISH.sector,
        'nonprofit',
        GERMAN.nonprofit,
        ENGLISH.nonprofit,
        expected.sector,
        expected.nonprofit,
      ]);
      expect(rows, locale).toContainEqual([
        'formats.visits',
        'formats',
        'matrix',
        `${GERMAN.formats} – ${GERMAN.visits}`,
        `${ENGLISH.formats} – ${ENGLISH.visits}`,
        '2',
        GERMAN.useful,
        ENGLISH.useful,
        `${expected.formats} – ${expected.visits}`,
        expected.useful,
      ]);
    }
    // Bilanz's own words beside the labels: German for German.
    const [, ...german] = await codebook('?locale=de');
    expect(german.find((r) => r[0] === 'response_id')!.slice(8)).toEqual([
      'Antwort-ID (zufällig, sagt nichts über die Person)',
      '',
    ]);

    // The XLSX data export carries the same codebook as its second sheet.
    const xlsx = await agent.get(`${base}/waves/${wave.id}/export?format=xlsx&locale=de`).buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    const sheet = book.getWorksheet('codebook')!;
    const values = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(values[0]).toEqual([
      'column',
      'question',
      'type',
      'text_de',
      'text_en',
      'value',
      'label_de',
      'label_en',
      'text',
      'label',
    ]);
    expect(values).toContainEqual([
      'sector',
      'sector',
      'radiogroup',
      GERMAN.sector,
      ENGLISH.sector,
      'civic',
      GERMAN.civic,
      ENGLISH.civic,
      GERMAN.sector,
      GERMAN.civic,
    ]);
    // The responses keep the language each respondent answered in.
    const csv = await agent.get(`${base}/waves/${wave.id}/export?format=csv&locale=de`).buffer(true).parse(binary);
    const [header, ...rows] = parseCsv(csv.body as Buffer, { bom: true });
    expect(rows.map((r) => r[header!.indexOf('locale')]).sort()).toEqual([
      'de',
      'de',
      'de',
      'de',
      'de',
      'en',
      'en',
      'en',
      'en',
      'en',
    ]);
  });

  it('gives the results table in the language asked for', async () => {
    const { agent, base, wave } = setup;
    for (const [locale, expected, shown] of [
      ['de', GERMAN, 'de'],
      ['fr', ENGLISH, 'en'],
    ] as const) {
      const res = await agent
        .get(`${base}/waves/${wave.id}/results/export?format=xlsx&locale=${locale}`)
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body);
      const rows = (book.getWorksheet('results')!.getSheetValues() as unknown[][])
        .filter(Boolean)
        .map((r) => r.slice(1));
      expect(rows.find((r) => r[0] === 'sector' && r[5] === 'civic')!.slice(0, 7), locale).toEqual([
        'sector',
        expected.sector,
        'radiogroup',
        undefined,
        undefined,
        'civic',
        expected.civic,
      ]);
      const info = (book.getWorksheet('info')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
      expect(info).toContainEqual(['locale', shown]);
    }
  });

  it('gives the report, its share view and the indicator sources in the language asked for', async () => {
    const { agent, base } = setup;
    for (const [locale, expected, own] of [
      ['de', GERMAN, 'de'],
      ['en', ENGLISH, 'en'],
      ['fr', ENGLISH, 'en'],
    ] as const) {
      const workspace = await agent.get(`${base}/reports/${reportId}/content?locale=${locale}`);
      const shared = await request(ctx.app).get(`/api/v1/public/shares/${shareToken}?locale=${locale}`);
      for (const res of [workspace, shared]) {
        expect(res.status).toBe(200);
        expect(res.body.wave.questionnaire, locale).toBe(expected.questionnaire);
        expect(res.body).toMatchObject({ locale: own, labelLocale: own });
        const section = (kind: string) => res.body.sections.find((s: { kind: string }) => s.kind === kind);
        const survey = section('survey').questions as Question[];
        expect([survey[0]!.title, survey[0]!.choices!.map((c) => c.label), survey[1]!.rows![0]!.label], locale).toEqual(
          [expected.sector, [expected.civic, expected.nonprofit], expected.visits],
        );
        expect(section('outcome_impact').indicators[0].source, locale).toEqual({
          kind: 'survey',
          measure: 'share',
          questionnaire: expected.questionnaire,
          question: expected.sector,
          values: [expected.civic],
        });
      }
    }
  });

  it('gives an open question’s title in the language asked for', async () => {
    const { agent, base, wave } = setup;
    expect((await agent.get(`${base}/waves/${wave.id}/answers/strengths?locale=de`)).body.question).toEqual({
      name: 'strengths',
      title: GERMAN.strengths,
    });
    expect((await agent.get(`${base}/waves/${wave.id}/answers/strengths?locale=fr`)).body.question).toEqual({
      name: 'strengths',
      title: ENGLISH.strengths,
    });
  });

  it('refuses a malformed ?locale with 400 everywhere', async () => {
    const { agent, base, wave } = setup;
    const paths = [
      `${base}/waves/${wave.id}/results`,
      `${base}/questionnaires/kurz/trend?question=sector&`,
      `${base}/waves/${wave.id}/export/codebook.csv`,
      `${base}/waves/${wave.id}/export?format=xlsx&`,
      `${base}/waves/${wave.id}/results/export?format=csv&`,
      `${base}/reports/${reportId}/content`,
      `${base}/waves/${wave.id}/answers/strengths`,
    ];
    for (const bad of ['deutsch', 'DE', 'de_DE', 'de-', '1', 'de;q=1', '']) {
      for (const path of paths) {
        const url = `${path}${path.endsWith('&') ? '' : '?'}locale=${encodeURIComponent(bad)}`;
        const res = await agent.get(url);
        expect(res.status, url).toBe(400);
        expect(res.body.error.code, url).toBe('invalid_request');
      }
      expect(
        (await request(ctx.app).get(`/api/v1/public/shares/${shareToken}?locale=${encodeURIComponent(bad)}`)).status,
      ).toBe(400);
    }
  });
});

describe('a German questionnaire with English (Bilanz’s templates)', () => {
  it('gives German by default and English with ?locale=en', async () => {
    const { agent } = await workspaceWithWave(ctx, { slug: 'vorlage' });
    const base = '/api/v1/workspaces/vorlage';
    const created = await agent
      .post(`${base}/questionnaires`)
      .send({ slug: 'mitglieder', template: 'mitgliederumfrage' });
    expect(created.status).toBe(201);
    expect(created.body.draft.definition.locale).toBe('de');
    expect((await agent.post(`${base}/questionnaires/mitglieder/publish`).send({})).status).toBe(201);
    const wave = await agent
      .post(`${base}/waves`)
      .send({ questionnaire: 'mitglieder', version: 1, title: 'Welle', access: 'link' });
    const titles = async (query: string) => {
      const res = await agent.get(`${base}/waves/${wave.body.id}/results${query}`);
      expect(res.body.locales).toEqual(['de', 'en']);
      return (res.body.questions as Question[]).find((q) => q.name === 'sector')!.title;
    };
    expect(await titles('?locale=de')).toBe('Aus welchem Bereich kommst du?');
    expect(await titles('?locale=fr')).toBe('Aus welchem Bereich kommst du?');
    expect(await titles('?locale=en')).toBe('Which sector do you work in?');
  });
});

describe('answering in any language', () => {
  it('stores the language a response was given in, and answers problems in German or English', async () => {
    const { wave } = await workspaceWithWave(ctx, { slug: 'antwort', definition: englishFirst });
    const id = crypto.randomUUID();
    const saved = await request(ctx.app)
      .post(`/api/v1/public/waves/${wave.key}/responses`)
      .send({ id, status: 'partial', locale: 'fr', data: { sector: 'civic' } });
    expect(saved.status).toBe(201);
    expect((await request(ctx.app).get(`/api/v1/public/waves/${wave.key}/responses/${id}`)).body).toMatchObject({
      locale: 'fr',
    });

    const incomplete = (locale: string, acceptLanguage: string) =>
      request(ctx.app)
        .post(`/api/v1/public/waves/${wave.key}/responses`)
        .set('Accept-Language', acceptLanguage)
        .send({ id: crypto.randomUUID(), status: 'complete', locale, data: {} });
    // French answers get messages in the caller's German or English…
    expect((await incomplete('fr', 'de')).body.error.details).toEqual([
      { question: 'sector', message: 'Bitte beantworte diese Frage.' },
    ]);
    expect((await incomplete('fr', 'fr,en')).body.error.details).toEqual([
      { question: 'sector', message: 'Please answer this question.' },
    ]);
    // …German and English answers in their own language.
    expect((await incomplete('de-AT', 'en')).body.error.details).toEqual([
      { question: 'sector', message: 'Bitte beantworte diese Frage.' },
    ]);
  });
});
