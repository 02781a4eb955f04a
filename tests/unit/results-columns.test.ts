import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../api/src/modules/results/aggregate.js';
import { compileFilters, containmentOf, parseFilters, type Filter } from '../../api/src/modules/results/filters.js';
import { WaveColumns } from '../../api/src/modules/results/engine/columns.js';
import {
  itemsOf,
  questionsOf,
  type Json,
  type JsonObject,
} from '../../api/src/modules/questionnaires/definition-walk.js';
import { ratingScale } from '../../api/src/modules/questionnaires/diff.js';
import { generateAnswers, seededRandom } from '../fixtures/answer-generator.js';
import { smallDefinition } from '../helpers/waves.js';

const memberSurvey = JSON.parse(fs.readFileSync('surveys/mitgliederumfrage.json', 'utf8')) as JsonObject;
const mixed: JsonObject = {
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'dropdown', name: 'org', choices: ['a', 'b', 'c'], showOtherItem: true, showNoneItem: true },
        { type: 'tagbox', name: 'topics', choices: [1, 2, 3, 4] },
        { type: 'rating', name: 'score', rateValues: [1, 2, 3] },
        { type: 'boolean', name: 'yes', valueTrue: 'ja', valueFalse: 'nein' },
        { type: 'text', name: 'note' },
        { type: 'matrix', name: 'grid', rows: ['r1', 'r2', 'r3'], columns: ['x', 'y'] },
      ],
    },
  ],
};
/** Choice cells of every kind a filter may name: matrix rows, dropdown matrix cells, dynamic matrix columns, dynamic panel questions. */
const cells: JsonObject = {
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'radiogroup', name: 'org', choices: ['a', 'b'] },
        { type: 'matrix', name: 'grid', rows: ['r1', 'r2'], columns: [1, 2, 3] },
        {
          type: 'matrixdropdown',
          name: 'tools',
          rows: ['mail', 'chat'],
          columns: [
            { name: 'use', cellType: 'radiogroup', choices: ['daily', 'weekly'] },
            { name: 'kinds', cellType: 'checkbox', choices: ['x', 'y', 'z'] },
            { name: 'hours', cellType: 'text', inputType: 'number' },
          ],
        },
        {
          type: 'matrixdynamic',
          name: 'projects',
          columns: [
            { name: 'field', cellType: 'dropdown', choices: ['kultur', 'sport'] },
            { name: 'paid', cellType: 'boolean' },
          ],
        },
        {
          type: 'paneldynamic',
          name: 'kids',
          templateElements: [
            { type: 'rating', name: 'age', rateValues: [1, 2, 3] },
            { type: 'text', name: 'nick' },
          ],
        },
      ],
    },
  ],
};

/** Random answers to `cells`, including empty rows and panels. */
function cellAnswers(random: () => number): Record<string, unknown> {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const maybe = (v: unknown) => (random() < 0.25 ? undefined : v);
  const some = <T>(list: T[]) => list.filter(() => random() < 0.4);
  const answers: Record<string, unknown> = {
    org: maybe(pick(['a', 'b'])),
    grid: maybe(Object.fromEntries(some(['r1', 'r2']).map((r) => [r, pick([1, 2, 3])]))),
    tools: maybe(
      Object.fromEntries(
        some(['mail', 'chat']).map((r) => [
          r,
          { use: maybe(pick(['daily', 'weekly'])), kinds: some(['x', 'y', 'z']), hours: pick([1, 5]) },
        ]),
      ),
    ),
    projects: maybe(
      Array.from({ length: Math.floor(random() * 3) }, () => ({
        field: maybe(pick(['kultur', 'sport'])),
        paid: pick([true, false]),
      })),
    ),
    kids: maybe(Array.from({ length: Math.floor(random() * 3) }, () => ({ age: maybe(pick([1, 2, 3])), nick: 'n' }))),
  };
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined));
}

/** Every cell filter a reader could set on `cells`, written out by hand (plus values nobody can have). */
const cellFilters: Filter[] = [
  ...['a', 'b'].map((value) => ({ question: 'org', value })),
  ...['r1', 'r2'].flatMap((row) => [1, 2, 3, 4].map((value) => ({ question: 'grid', row, value }))),
  ...['mail', 'chat'].flatMap((row) => [
    ...['daily', 'weekly'].map((value) => ({ question: 'tools', row, column: 'use', value })),
    ...['x', 'y', 'z'].map((value) => ({ question: 'tools', row, column: 'kinds', value })),
  ]),
  ...['kultur', 'sport'].map((value) => ({ question: 'projects', column: 'field', value })),
  ...[true, false].map((value) => ({ question: 'projects', column: 'paid', value })),
  ...[1, 2, 3].map((value) => ({ question: 'kids', column: 'age', value })),
];

const definitions: Array<[string, JsonObject]> = [
  ['member survey', memberSurvey],
  ['small survey', smallDefinition as unknown as JsonObject],
  ['mixed types', mixed],
  ['choice cells', cells],
];

/** Filters a reader could set: a value of a choice question, or one nobody chose. */
function possibleFilters(definition: JsonObject): Filter[] {
  return questionsOf(definition).flatMap(({ element: q }) => {
    const name = String(q.name);
    const values: Json[] =
      q.type === 'boolean'
        ? ([q.valueTrue ?? true, q.valueFalse ?? false] as Json[])
        : q.type === 'rating'
          ? ratingScale(q)
          : ['radiogroup', 'dropdown', 'checkbox', 'tagbox'].includes(String(q.type))
            ? [...itemsOf(q.choices).map((c) => c.value), 'other', 'nobody']
            : [];
    return values.map((value) => ({ question: name, value }));
  });
}

function columnsOf(definition: JsonObject, answers: Array<Record<string, unknown>>): WaveColumns {
  const columns = new WaveColumns(definition);
  answers.forEach((a, i) => columns.append(a, `2015-05-${String(1 + (i % 28)).padStart(2, '0')}`));
  return columns;
}

describe('results columns', () => {
  for (const [label, definition] of definitions) {
    it(`give exactly the figures of a naive recomputation (${label}), with and without filters, also after packing`, () => {
      const filters = definition === cells ? cellFilters : possibleFilters(definition);
      const generate =
        definition === cells ? cellAnswers : (random: () => number) => generateAnswers(definition, random);
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          fc.integer({ min: 0, max: 120 }),
          fc.subarray(filters, { maxLength: 2 }),
          (seed, count, chosen) => {
            const random = seededRandom(seed);
            const answers = Array.from({ length: count }, () => generate(random));
            const passes = compileFilters(definition, chosen);
            const columns = columnsOf(definition, answers);
            expect(columns.rows).toBe(count);
            expect(columns.figures(undefined, 'en')).toEqual(aggregate(definition, answers, 'en'));
            const selected = answers.filter(passes);
            const selection = columns.select(chosen);
            expect(selection.length).toBe(selected.length);
            expect(columns.figures(selection, 'default')).toEqual(aggregate(definition, selected, 'default'));

            const packed = columns.pack();
            const bytes = Buffer.concat(packed.buffers.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
            const restored = WaveColumns.unpack(definition, JSON.parse(JSON.stringify(packed.header)), bytes);
            expect(restored.figures(undefined, 'en')).toEqual(columns.figures(undefined, 'en'));
            expect(restored.figures(restored.select(chosen), 'en')).toEqual(columns.figures(selection, 'en'));
            expect(restored.responsesPerDay()).toEqual(columns.responsesPerDay());
          },
        ),
        { numRuns: 40 },
      );
    });
  }

  it('keeps counting after being restored, and counts responses per day', () => {
    const random = seededRandom(3);
    const first = Array.from({ length: 30 }, () => generateAnswers(memberSurvey, random));
    const later = Array.from({ length: 25 }, () => generateAnswers(memberSurvey, random));
    const columns = columnsOf(memberSurvey, first);
    const packed = columns.pack();
    const restored = WaveColumns.unpack(memberSurvey, packed.header, Buffer.concat(packed.buffers));
    later.forEach((a) => restored.append(a, '2015-06-01'));
    expect(restored.figures(undefined, 'default')).toEqual(aggregate(memberSurvey, [...first, ...later], 'default'));
    expect(restored.responsesPerDay().at(-1)).toEqual({ date: '2015-06-01', count: 25 });
    expect(restored.responsesPerDay().reduce((s, d) => s + d.count, 0)).toBe(55);
  });

  it('counts answers outside the defined choices (none, other) like the naive count does', () => {
    const answers = [
      { org: 'none' },
      { org: 'other', 'org-Comment': 'x' },
      { org: 'a' },
      { topics: [1, 3] },
      { grid: {} },
    ];
    const columns = columnsOf(mixed, answers);
    expect(columns.figures(undefined, 'en')).toEqual(aggregate(mixed, answers, 'en'));
    expect(columns.select([{ question: 'org', value: 'none' }]).length).toBe(1);
  });
});

describe('filters on choice cells', () => {
  const answers: Array<Record<string, unknown>> = [
    {
      grid: { r1: 1 },
      tools: { mail: { use: 'daily', kinds: ['x', 'y'] } },
      projects: [{ field: 'sport' }, { field: 'kultur', paid: true }],
      kids: [{ age: 2 }],
    },
    {
      grid: { r1: 2, r2: 1 },
      tools: { chat: { use: 'daily', kinds: ['y'] } },
      projects: [{ field: 'sport', paid: false }],
      kids: [{ age: 1 }, { age: 2 }],
    },
    { grid: { r2: 1 }, tools: { mail: { use: 'weekly' } }, kids: [] },
    {},
  ];
  const count = (where: string[]) => columnsOf(cells, answers).select(parseFilters(where, cells)).length;

  it('read question:row:value, question:row:column:value and question:column:value, typed as the cell stores them', () => {
    expect(parseFilters(['grid:r1:2', 'tools:mail:kinds:y', 'projects:paid:true', 'kids:age:2'], cells)).toEqual([
      { question: 'grid', row: 'r1', value: 2 },
      { question: 'tools', row: 'mail', column: 'kinds', value: 'y' },
      { question: 'projects', column: 'paid', value: true },
      { question: 'kids', column: 'age', value: 2 },
    ]);
  });

  it('select the respondents who chose the value in that row, cell, any row or any panel', () => {
    expect(count(['grid:r1:1'])).toBe(1);
    expect(count(['grid:r2:1'])).toBe(2);
    expect(count(['tools:mail:use:daily'])).toBe(1);
    expect(count(['tools:chat:use:daily'])).toBe(1);
    expect(count(['tools:mail:kinds:y'])).toBe(1);
    expect(count(['projects:field:sport'])).toBe(2);
    expect(count(['projects:field:kultur'])).toBe(1);
    expect(count(['projects:paid:false'])).toBe(1);
    expect(count(['kids:age:2'])).toBe(2);
    expect(count(['kids:age:2', 'grid:r2:1'])).toBe(1);
    expect(count(['kids:age:3'])).toBe(0);
  });

  it('match the database containment test the open-answer codes use', () => {
    expect(containmentOf(cells, { question: 'tools', row: 'mail', column: 'kinds', value: 'y' })).toEqual({
      tools: { mail: { kinds: ['y'] } },
    });
    expect(containmentOf(cells, { question: 'kids', column: 'age', value: 2 })).toEqual({ kids: [{ age: 2 }] });
    expect(containmentOf(cells, { question: 'grid', row: 'r1', value: 1 })).toEqual({ grid: { r1: 1 } });
  });

  it('refuse cells without choices and free text inside panels, naming the question', () => {
    expect(() => parseFilters(['tools:mail:hours:5'], cells)).toThrow(/choice of "tools"/);
    expect(() => parseFilters(['kids:nick:n'], cells)).toThrow(/choice of "kids"/);
    expect(() => parseFilters(['grid:r3:1'], cells)).toThrow(/choice of "grid"/);
    expect(() => parseFilters(['ghost:1'], cells)).toThrow(/choice question of this wave/);
  });
});
