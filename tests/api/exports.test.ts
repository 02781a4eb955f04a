import fs from 'node:fs';
import type http from 'node:http';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../api/src/modules/questionnaires/definition-walk.js';
import { generateAnswers, seededRandom } from '../fixtures/answer-generator.js';
import { createTestContext, createUser, loginAgent, type TestContext } from '../helpers/test-app.js';
import { workspaceWithWave } from '../helpers/waves.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const memberSurvey = JSON.parse(fs.readFileSync('surveys/mitgliederumfrage.json', 'utf8')) as JsonObject;

type Element = {
  type: string;
  name: string;
  choices?: Array<string | { value: string }>;
  rows?: Array<string | { value: string }>;
  showOtherItem?: boolean;
  hasOther?: boolean;
  elements?: Element[];
};
const elementsOf = (definition: JsonObject): Element[] => {
  const out: Element[] = [];
  const visit = (els: Element[] | undefined) => {
    for (const el of els ?? []) {
      out.push(el);
      visit(el.elements);
    }
  };
  for (const page of (definition.pages ?? []) as Array<{ elements: Element[] }>) visit(page.elements);
  return out.filter((e) => e.type !== 'panel' && e.type !== 'html');
};
const valueOf = (item: string | { value: string }) => (typeof item === 'object' ? item.value : item);

const submit = (key: string, data: object, status = 'complete', locale?: 'de' | 'en') =>
  request(ctx.app)
    .post(`/api/v1/public/waves/${key}/responses`)
    .send({ id: crypto.randomUUID(), status, data, ...(locale && { locale }) });

/** Collects a response body as bytes (supertest would decode text). */
const binary = (res: request.Response, callback: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as http.IncomingMessage;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
};

// As csv-stringify's escape_formulas: the ASCII characters and their full-width forms.
const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** What a CSV export must show for a text: neutralised when it could start a formula. */
const guarded = (v: unknown) => (typeof v === 'string' && FORMULA.test(v) ? `'${v}` : v);
/** What an XLSX export must show: the value itself, in a text cell when it is text. */
const exact = (v: unknown) => v;

/**
 * The value a column must hold for one stored response, worked out from the
 * definition independently of the export code: null for an empty cell.
 */
function expectedCell(
  column: string,
  row: { id: string; data: Record<string, unknown>; locale: string | null; completed_on: string },
  definition: JsonObject,
  guard: (v: unknown) => unknown,
): unknown {
  if (column === 'response_id') return row.id;
  if (column === 'completed_on') return row.completed_on;
  if (column === 'locale') return row.locale;
  const byName = new Map(elementsOf(definition).map((e) => [e.name, e]));
  const parts = expectedColumns(definition).get(column);
  if (!parts) throw new Error(`unexpected column ${column}`);
  const { name, sub } = parts;
  const q = byName.get(name);
  if (!q) throw new Error(`unexpected column ${column}`);
  const v = row.data[name];
  if (sub === undefined) {
    if (v === undefined || v === '') return null;
    return typeof v === 'boolean' ? (v ? 1 : 0) : guard(v);
  }
  if (sub === 'other' && (q.showOtherItem || q.hasOther)) return guard(row.data[`${name}-Comment`] ?? null);
  if (q.type === 'checkbox' || q.type === 'tagbox')
    return Array.isArray(v) && v.length > 0 ? (v.includes(sub) ? 1 : 0) : null;
  if (q.type === 'matrix') return guard((v as Record<string, unknown> | undefined)?.[sub] ?? null);
  throw new Error(`unexpected column ${column}`);
}

/** A column name part as the export makes it safe (docs/exports.md): letters, digits and _ only. */
const safe = (part: string) =>
  part
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** Every column the member survey's export must have, in order, from the definition, with the question and part it holds. */
function expectedColumns(definition: JsonObject): Map<string, { name: string; sub?: string }> {
  const out = new Map<string, { name: string; sub?: string }>();
  for (const q of elementsOf(definition)) {
    if (q.type === 'checkbox' || q.type === 'tagbox')
      for (const c of q.choices ?? [])
        out.set(`${safe(q.name)}.${safe(String(valueOf(c)))}`, { name: q.name, sub: String(valueOf(c)) });
    else if (q.type === 'matrix')
      for (const r of q.rows ?? [])
        out.set(`${safe(q.name)}.${safe(String(valueOf(r)))}`, { name: q.name, sub: String(valueOf(r)) });
    else out.set(safe(q.name), { name: q.name });
    if (q.showOtherItem || q.hasOther) out.set(`${safe(q.name)}.other`, { name: q.name, sub: 'other' });
  }
  return out;
}

function expectedHeader(definition: JsonObject): string[] {
  return ['response_id', 'completed_on', 'locale', ...expectedColumns(definition).keys()];
}

async function memberSurveyWave(slug: string, count: number, seed: number) {
  const setup = await workspaceWithWave(ctx, { slug, definition: memberSurvey });
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const res = await submit(
      setup.wave.key,
      generateAnswers(memberSurvey, random),
      'complete',
      i % 3 === 0 ? 'en' : 'de',
    );
    expect(res.status).toBe(201);
  }
  return setup;
}

async function storedResponses(waveId: string) {
  const rows = await ctx.knex('responses').where({ wave_id: waveId, status: 'complete' }).select<
    Array<{
      id: string;
      data: Record<string, unknown>;
      locale: string | null;
      completed_on: string;
    }>
  >('id', 'data', 'locale', 'completed_on');
  return new Map(rows.map((r) => [r.id, r]));
}

async function readXlsx(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = (name: string) => {
    const ws = workbook.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as unknown[];
      rows.push(Array.from({ length: ws.columnCount }, (_, i) => values[i + 1] ?? null));
    });
    return rows;
  };
  /** Every cell that holds something, with its type, from the second row on. */
  const cells = (name: string) => {
    const out: Array<{ address: string; type: ExcelJS.ValueType; value: unknown }> = [];
    workbook.getWorksheet(name)!.eachRow((row, n) => {
      if (n > 1) row.eachCell((cell) => out.push({ address: cell.address, type: cell.type, value: cell.value }));
    });
    return out;
  };
  /** Whether any cell of any sheet is a formula (exceljs reads a formula cell as such, with or without a result). */
  const hasFormula = () =>
    workbook.worksheets.some((ws) => {
      let found = false;
      ws.eachRow((row) =>
        row.eachCell((cell) => (found ||= cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined)),
      );
      return found;
    });
  return { names: workbook.worksheets.map((w) => w.name), sheet, cells, hasFormula };
}

describe('response export', () => {
  it('round-trips through CSV: BOM, one row per complete response, every cell equal to the stored answer', async () => {
    const { agent, base, wave } = await memberSurveyWave('ex1', 40, 7);
    await submit(wave.key, { sector: 'civic' }, 'partial');
    const res = await agent.get(`${base}/waves/${wave.id}/export?format=csv`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=welle-2015-\d{4}-\d{2}-\d{2}\.csv$/);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(body, { bom: true, relax_column_count: false });
    const [header, ...rows] = records;
    expect(header).toEqual(expectedHeader(memberSurvey));
    expect(header).toEqual(
      expect.arrayContaining([
        'districts.mitte',
        'formatValue.districtVisits',
        'sector.other',
        'developmentOptions.other',
      ]),
    );
    const stored = await storedResponses(wave.id);
    expect(stored.size).toBe(40);
    // Partial responses are left out; every complete one is there exactly once.
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(stored.keys()));
    for (const row of rows) {
      const s = stored.get(row[0]!)!;
      header!.forEach((column, i) => {
        const expected = expectedCell(column, s, memberSurvey, guarded);
        expect(row[i], `${column} of ${s.id}`).toBe(expected === null ? '' : String(expected));
      });
    }
  });

  it('round-trips through XLSX with the codebook as a second sheet, numbers as numbers', async () => {
    const { agent, base, wave } = await memberSurveyWave('ex2', 25, 8);
    await submit(wave.key, { sector: 'civic' }, 'partial');
    const res = await agent.get(`${base}/waves/${wave.id}/export?format=xlsx`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename=welle-2015-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = await readXlsx(res.body as Buffer);
    expect(book.names).toEqual(['responses', 'codebook']);
    const [header, ...rows] = book.sheet('responses');
    expect(header).toEqual(expectedHeader(memberSurvey));
    const stored = await storedResponses(wave.id);
    expect(rows).toHaveLength(25);
    let numbers = 0;
    for (const row of rows) {
      const s = stored.get(row[0] as string)!;
      expect(s).toBeDefined();
      header!.forEach((column, i) => {
        const expected = expectedCell(String(column), s, memberSurvey, exact);
        expect(row[i], `${String(column)} of ${s.id}`).toStrictEqual(expected);
        if (typeof expected === 'number') numbers++;
      });
    }
    expect(numbers).toBeGreaterThan(25);
    const codebook = book.sheet('codebook');
    expect(codebook[0]).toEqual(['column', 'question', 'type', 'text_de', 'text_en', 'value', 'label_de', 'label_en']);
    expect(codebook).toContainEqual([
      'sector',
      'sector',
      'radiogroup',
      expect.any(String),
      expect.any(String),
      'civic',
      expect.any(String),
      expect.any(String),
    ]);
  });

  it('has a codebook with question texts and choice labels in German and English', async () => {
    const { agent, base, wave } = await memberSurveyWave('ex3', 0, 1);
    const res = await agent.get(`${base}/waves/${wave.id}/export/codebook.csv`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename=welle-2015-codebook-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...(res.body as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(res.body as Buffer, { bom: true });
    expect(header).toEqual(['column', 'question', 'type', 'text_de', 'text_en', 'value', 'label_de', 'label_en']);
    const elements = new Map(elementsOf(memberSurvey).map((e) => [e.name, e as unknown as JsonObject]));
    const sector = elements.get('sector')!;
    const title = sector.title as { default: string; en: string };
    for (const choice of sector.choices as Array<{ value: string; text: { default: string; en: string } }>) {
      expect(rows).toContainEqual([
        'sector',
        'sector',
        'radiogroup',
        title.default,
        title.en,
        choice.value,
        choice.text.default,
        choice.text.en,
      ]);
    }
    // One column per choice of a checkbox, 1 = chosen with the choice's label.
    const districts = elements.get('districts')!;
    const first = (districts.choices as Array<{ value: string; text: { default: string; en: string } }>)[0]!;
    const dTitle = districts.title as { default: string; en: string };
    expect(rows).toContainEqual([
      `districts.${first.value}`,
      'districts',
      'checkbox',
      `${dTitle.default} – ${first.text.default}`,
      `${dTitle.en} – ${first.text.en}`,
      '1',
      first.text.default,
      first.text.en,
    ]);
    // Matrix rows are columns; the matrix columns are their codes.
    const matrix = elements.get('formatValue')!;
    const row = (matrix.rows as Array<{ value: string }>)[0]!;
    const codes = rows.filter((r) => r[0] === `formatValue.${row.value}`).map((r) => r[5]);
    expect(codes).toEqual(
      (matrix.columns as unknown[]).map((c) =>
        String(typeof c === 'object' && c !== null ? (c as { value: unknown }).value : c),
      ),
    );
    expect(rows.find((r) => r[0] === 'sector.other')?.slice(3, 5)).toEqual([
      `${title.default} – Sonstiges (Text)`,
      `${title.en} – Other (text)`,
    ]);
    expect(rows.find((r) => r[0] === 'response_id')?.[4]).toMatch(/random/);
  });

  it('guards CSV cells that could start a formula and quotes separators; XLSX holds the same texts exactly, as text cells; numbers stay numbers', async () => {
    const definition = {
      title: 'Formeln',
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'comment', name: 'note' },
            { type: 'text', name: 'amount', inputType: 'number' },
            { type: 'radiogroup', name: 'kind', choices: ['-a', 'b'], showOtherItem: true },
          ],
        },
      ],
    };
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'ex4', definition });
    const evil = [
      '=HYPERLINK("http://evil.example","click")',
      '+1',
      '-cmd',
      '@SUM(A1:A9)',
      '\tx',
      '\rx',
      '\uFF1D1+1',
      'a;=1+1',
      'a\t=1+1',
      'harmless',
    ];
    for (const [i, note] of evil.entries()) {
      const data =
        i === 0
          ? { note, amount: -5, kind: 'other', 'kind-Comment': '=1+2' }
          : { note, amount: i, kind: i % 2 ? '-a' : 'b' };
      const res = await submit(wave.key, data);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const csv = await agent.get(`${base}/waves/${wave.id}/export?format=csv`).buffer(true).parse(binary);
    const csvText = (csv.body as Buffer).toString('utf8');
    const [header, ...rows] = parseCsv(csv.body as Buffer, { bom: true });
    expect(header).toEqual(['response_id', 'completed_on', 'locale', 'note', 'amount', 'kind', 'kind.other']);
    const notes = rows.map((r) => r[3]).sort();
    expect(notes).toEqual(
      [
        '\'=HYPERLINK("http://evil.example","click")',
        "'+1",
        "'-cmd",
        "'@SUM(A1:A9)",
        "'\tx",
        "'\rx",
        "'\uFF1D1+1",
        'a;=1+1',
        'a\t=1+1',
        'harmless',
      ].sort(),
    );
    const first = rows.find((r) => r[3]!.startsWith("'=HYPERLINK"))!;
    // A negative number is a number, not text: written as it is.
    expect(first.slice(4)).toEqual(['-5', 'other', "'=1+2"]);
    expect(rows.filter((r) => r[5] === "'-a")).toHaveLength(5);
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+@\t\r]/);
    // German Excel splits a line on semicolons, other programs on tabs: cells holding one are quoted.
    expect(csvText).toContain(',"a;=1+1",');
    expect(csvText).toContain(',"a\t=1+1",');
    expect(csvText).not.toMatch(/(^|[,\n])a[;\t]=1\+1/);

    const xlsx = await agent.get(`${base}/waves/${wave.id}/export?format=xlsx`).buffer(true).parse(binary);
    const book = await readXlsx(xlsx.body as Buffer);
    const sheetRows = book.sheet('responses').slice(1);
    // Text cells hold the answers exactly, without a quote. (XML has no raw carriage return:
    // exceljs writes it raw and it is read back, by Excel too, as a line feed.)
    expect(sheetRows.map((r) => r[3]).sort()).toEqual(evil.map((n) => n.replace('\r', '\n')).sort());
    const x = sheetRows.find((r) => String(r[3]).startsWith('=HYPERLINK'))!;
    expect(x.slice(4)).toStrictEqual([-5, 'other', '=1+2']);
    for (const r of sheetRows) expect(typeof r[4]).toBe('number');
    const cells = book.cells('responses');
    const notesAndCodes = cells.filter((c) => /^[DFG]\d+$/.test(c.address));
    expect(notesAndCodes.length).toBeGreaterThan(evil.length);
    for (const c of notesAndCodes) expect(c.type, `${c.address} ${String(c.value)}`).toBe(ExcelJS.ValueType.String);
    for (const c of cells.filter((c) => c.address.startsWith('E'))) expect(c.type).toBe(ExcelJS.ValueType.Number);
    expect(cells.find((c) => c.value === '=HYPERLINK("http://evil.example","click")')?.type).toBe(
      ExcelJS.ValueType.String,
    );
    // Nothing anywhere in the workbook is a formula.
    expect(book.hasFormula()).toBe(false);
  });

  it('is for organisers: analysts 403, outsiders and unknown waves 404, anonymous 401; bad format 400', async () => {
    const { agent, base, wave } = await memberSurveyWave('ex5', 0, 1);
    const analyst = await createUser(ctx.knex);
    await agent.post('/api/v1/workspaces/ex5/members').send({ email: analyst.email, role: 'analyst' });
    const analystAgent = await loginAgent(ctx.app, analyst.email);
    for (const path of [
      `${base}/waves/${wave.id}/export?format=csv`,
      `${base}/waves/${wave.id}/export?format=xlsx`,
      `${base}/waves/${wave.id}/export/codebook.csv`,
    ]) {
      const res = await analystAgent.get(path);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('organiser_required');
    }
    const outsider = await loginAgent(ctx.app, (await createUser(ctx.knex)).email);
    expect((await outsider.get(`${base}/waves/${wave.id}/export?format=csv`)).status).toBe(404);
    expect((await agent.get(`${base}/waves/${crypto.randomUUID()}/export?format=csv`)).status).toBe(404);
    expect((await agent.get(`${base}/waves/${crypto.randomUUID()}/export/codebook.csv`)).status).toBe(404);
    expect((await request(ctx.app).get(`${base}/waves/${wave.id}/export?format=csv`)).status).toBe(401);

    const bad = await agent.get(`${base}/waves/${wave.id}/export?format=pdf`).set('Accept-Language', 'de');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: 'invalid_format',
      message: 'Das Exportformat muss „csv“ oder „xlsx“ sein.',
    });
    const badEn = await agent.get(`${base}/waves/${wave.id}/results/export?format=ods`);
    expect(badEn.body.error).toMatchObject({
      code: 'invalid_format',
      message: 'The export format must be "csv" or "xlsx".',
    });
    expect(bad.headers['content-type']).toMatch(/application\/json/);
    // An empty wave exports its header only.
    const empty = await agent.get(`${base}/waves/${wave.id}/export`).buffer(true).parse(binary);
    expect(empty.status).toBe(200);
    expect(parseCsv(empty.body as Buffer, { bom: true })).toHaveLength(1);
  });
});

describe('long sheets of dynamic panels and matrices', () => {
  const definition = {
    pages: [
      {
        name: 'p',
        elements: [
          { type: 'text', name: 'org' },
          {
            type: 'paneldynamic',
            name: 'kids',
            title: { default: 'Kinder', en: 'Children' },
            templateElements: [
              { type: 'text', name: 'age', title: { default: 'Alter', en: 'Age' }, inputType: 'number' },
              { type: 'checkbox', name: 'hobbies', choices: ['music', 'sport'], showOtherItem: true },
            ],
          },
          {
            type: 'matrixdynamic',
            name: 'Projekte 2015',
            columns: [
              { name: 'field', cellType: 'dropdown', choices: ['kultur', 'sport'] },
              { name: 'paid', cellType: 'boolean' },
            ],
          },
        ],
      },
    ],
  };
  const answers = [
    {
      org: 'A',
      kids: [
        { age: 7, hobbies: ['music'] },
        { age: 9, hobbies: ['other'], 'hobbies-Comment': '=Schach' },
      ],
      'Projekte 2015': [{ field: 'sport', paid: true }],
    },
    { org: 'B', kids: [] },
    { org: 'C', 'Projekte 2015': [{ field: 'kultur' }, { paid: false }] },
  ];

  it('give one row per panel (or matrix row) in XLSX after the codebook and as CSV, laid out like the response export, with the codebook naming every column', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'ex-panels', definition });
    const ids: string[] = [];
    for (const data of answers) {
      const id = crypto.randomUUID();
      ids.push(id);
      const res = await request(ctx.app)
        .post(`/api/v1/public/waves/${wave.key}/responses`)
        .send({ id, status: 'complete', data });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const xlsx = await agent.get(`${base}/waves/${wave.id}/export?format=xlsx`).buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    const book = await readXlsx(xlsx.body as Buffer);
    expect(book.names).toEqual(['responses', 'codebook', 'kids', 'Projekte_2015']);
    // The response sheet keeps the answers as JSON, as before.
    expect(book.sheet('responses')[0]).toEqual([
      'response_id',
      'completed_on',
      'locale',
      'org',
      'kids',
      'Projekte_2015',
    ]);
    const kids = book.sheet('kids');
    // As in the response sheet, a checkbox's "other" is its text column.
    expect(kids[0]).toEqual([
      'response_id',
      'kids.panel',
      'kids.age',
      'kids.hobbies.music',
      'kids.hobbies.sport',
      'kids.hobbies.other',
    ]);
    expect(kids.slice(1)).toEqual([
      [ids[0], 1, 7, 1, 0, null],
      // The other text starts with "=": a text cell, shown as written.
      [ids[0], 2, 9, 0, 0, '=Schach'],
    ]);
    const projects = book.sheet('Projekte_2015');
    expect(projects[0]).toEqual(['response_id', 'Projekte_2015.panel', 'Projekte_2015.field', 'Projekte_2015.paid']);
    expect(
      projects
        .slice(1)
        .sort((a, b) => ids.indexOf(String(a[0])) - ids.indexOf(String(b[0])) || Number(a[1]) - Number(b[1])),
    ).toEqual([
      [ids[0], 1, 'sport', 1],
      [ids[2], 1, 'kultur', null],
      [ids[2], 2, null, 0],
    ]);
    const codebook = book.sheet('codebook');
    const described = (column: string) => codebook.filter((r) => r[0] === column);
    expect(described('kids.panel')[0]!.slice(0, 5)).toEqual([
      'kids.panel',
      'kids',
      'paneldynamic',
      'Kinder – Nummer des Eintrags (1, 2, …)',
      'Children – number of the entry (1, 2, …)',
    ]);
    expect(described('kids.age')[0]!.slice(0, 5)).toEqual([
      'kids.age',
      'kids',
      'text',
      'Kinder – Alter',
      'Children – Age',
    ]);
    expect(described('kids.hobbies.music')).toHaveLength(2);
    expect(described('Projekte_2015.paid')[0]!.slice(0, 3)).toEqual(['Projekte_2015.paid', 'Projekte 2015', 'boolean']);

    const csv = await agent
      .get(`${base}/waves/${wave.id}/export/panels/${encodeURIComponent('Projekte 2015')}.csv`)
      .buffer(true)
      .parse(binary);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="?welle-2015-projekte-2015-\d{4}-\d{2}-\d{2}\.csv"?$/,
    );
    const [header, ...rows] = parseCsv(csv.body as Buffer, { bom: true });
    expect(header).toEqual(projects[0]);
    expect(rows).toHaveLength(3);

    // The results table names the parts: dynamic matrix columns in `row`, the panel's questions as `panel:question`; all hidden below 5.
    const results = await agent
      .get(`${base}/waves/${wave.id}/results/export?format=csv&locale=en`)
      .buffer(true)
      .parse(binary);
    const table = parseCsv(results.body as Buffer, { bom: true }).slice(1);
    const parts = [...new Set(table.map((r) => `${r[0]}|${r[3]}`))];
    expect(parts).toEqual(['org|', 'kids:age|', 'kids:hobbies|', 'Projekte 2015|field', 'Projekte 2015|paid']);
    expect(table.every((r) => r[11] === '1' && r[7] === '')).toBe(true);

    const missing = await agent.get(`${base}/waves/${wave.id}/export/panels/org.csv`).set('Accept-Language', 'de');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      'Der Fragebogen dieser Welle hat keinen dynamischen Abschnitt und keine dynamische Matrix „org“.',
    );
  });
});

describe('results export', () => {
  type Cell = { value: unknown; label: string; count: number | null };
  type Question = {
    name: string;
    type: string;
    n: number | null;
    suppressed: boolean;
    choices?: Cell[];
    other?: number | null;
    rows?: Array<{ value: string; n: number | null; choices: Cell[] }>;
  };

  /** The results API's cells as `question|row|value → count`. */
  function apiCells(questions: Question[]): Map<string, number | null> {
    const cells = new Map<string, number | null>();
    for (const q of questions) {
      for (const c of q.choices ?? []) cells.set(`${q.name}||${String(c.value)}`, c.count);
      if (q.other !== undefined) cells.set(`${q.name}||other`, q.other);
      for (const r of q.rows ?? [])
        for (const c of r.choices) cells.set(`${q.name}|${r.value}|${String(c.value)}`, c.count);
    }
    return cells;
  }

  it('equals the results API, filters and suppression included, for analysts too', async () => {
    const { agent, base, wave } = await memberSurveyWave('ex6', 30, 21);
    const analyst = await createUser(ctx.knex);
    await agent.post('/api/v1/workspaces/ex6/members').send({ email: analyst.email, role: 'analyst' });
    const analystAgent = await loginAgent(ctx.app, analyst.email);

    for (const query of ['', 'where=sector:nonprofit']) {
      const api = await analystAgent.get(`${base}/waves/${wave.id}/results?locale=en${query ? `&${query}` : ''}`);
      expect(api.status).toBe(200);
      const res = await analystAgent
        .get(`${base}/waves/${wave.id}/results/export?format=csv&locale=en${query ? `&${query}` : ''}`)
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(query ? /results-filtered/ : /welle-2015-results-/);
      const [header, ...rows] = parseCsv(res.body as Buffer, { bom: true });
      expect(header).toEqual([
        'question',
        'title',
        'type',
        'row',
        'row_label',
        'value',
        'label',
        'count',
        'percent',
        'n',
        'mean',
        'suppressed',
      ]);
      const expected = apiCells(api.body.questions);
      const exported = new Map(rows.filter((r) => r[5] !== '').map((r) => [`${r[0]}|${r[3]}|${r[5]}`, r]));
      expect(new Set(exported.keys())).toEqual(new Set(expected.keys()));
      let hidden = 0;
      for (const [key, count] of expected) {
        const row = exported.get(key)!;
        if (count === null) {
          hidden++;
          expect(row[7], key).toBe('');
          expect(row[8], key).toBe('');
          expect(row[11], key).toBe('1');
        } else {
          expect(row[7], key).toBe(String(count));
          expect(row[11], key).toBe('0');
        }
      }
      if (query) expect(hidden).toBeGreaterThan(0);
      const sector = (api.body.questions as Question[]).find((q) => q.name === 'sector')!;
      const civic = rows.find((r) => r[0] === 'sector' && r[5] === 'civic')!;
      expect(civic[9]).toBe(sector.n === null ? '' : String(sector.n));
      if (sector.n !== null && sector.choices![0]!.count !== null)
        expect(Number(civic[8])).toBeCloseTo((sector.choices![0]!.count / sector.n) * 100, 1);
      // Open questions give their n only, never a text.
      const strengths = rows.filter((r) => r[0] === 'strengths');
      expect(strengths).toHaveLength(1);
      expect(strengths[0]!.slice(3, 9)).toEqual(['', '', '', '', '', '']);
    }

    const xlsx = await analystAgent
      .get(`${base}/waves/${wave.id}/results/export?format=xlsx&where=sector:nonprofit`)
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    const book = await readXlsx(xlsx.body as Buffer);
    expect(book.names).toEqual(['results', 'info']);
    expect(book.sheet('info')).toContainEqual(['filters', 'sector:nonprofit']);
    const api = await analystAgent.get(`${base}/waves/${wave.id}/results?where=sector:nonprofit`);
    const expected = apiCells(api.body.questions);
    for (const row of book.sheet('results').slice(1)) {
      if (row[5] === null) continue;
      expect(row[7], String(row[0])).toBe(expected.get(`${String(row[0])}|${String(row[3] ?? '')}|${String(row[5])}`));
    }
    // Whole result below the minimum group size: every count empty and marked.
    await agent.patch('/api/v1/workspaces/ex6').send({ minGroupSize: 50 });
    const all = await analystAgent.get(`${base}/waves/${wave.id}/results/export`).buffer(true).parse(binary);
    const allRows = parseCsv(all.body as Buffer, { bom: true }).slice(1);
    expect(allRows.every((r) => r[7] === '' && r[9] === '' && r[11] === '1')).toBe(true);
    expect((await analystAgent.get(`${base}/waves/${wave.id}/results/export?where=ghost:1`)).status).toBe(400);
    const outsider = await loginAgent(ctx.app, (await createUser(ctx.knex)).email);
    expect((await outsider.get(`${base}/waves/${wave.id}/results/export`)).status).toBe(404);
  });
});

describe('questionnaire version export', () => {
  it('downloads a published version as pretty-printed JSON with what identifies it', async () => {
    const { agent, base } = await workspaceWithWave(ctx, { slug: 'ex7' });
    const res = await agent.get(`${base}/questionnaires/kurz/versions/1/export`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBe('attachment; filename=kurz-v1.json');
    const text = (res.body as Buffer).toString('utf8');
    expect(text).toContain('\n  "slug": "kurz",');
    const body = JSON.parse(text);
    const version = await agent.get(`${base}/questionnaires/kurz/versions/1`);
    expect(body).toEqual({
      slug: 'kurz',
      version: 1,
      publishedAt: version.body.publishedAt,
      changeNote: null,
      definition: version.body.definition,
    });
    expect((await agent.get(`${base}/questionnaires/kurz/versions/9/export`)).status).toBe(404);
    expect((await agent.get(`${base}/questionnaires/nope/versions/1/export`)).status).toBe(404);
    expect((await request(ctx.app).get(`${base}/questionnaires/kurz/versions/1/export`)).status).toBe(401);
  });
});
