import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, passes, type Filter } from '../../api/src/modules/results/aggregate.js';
import { WaveColumns } from '../../api/src/modules/results/engine/columns.js';
import { itemsOf, questionsOf, type Json, type JsonObject } from '../../api/src/modules/questionnaires/definition-walk.js';
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
const definitions: Array<[string, JsonObject]> = [
  ['member survey', memberSurvey],
  ['small survey', smallDefinition as unknown as JsonObject],
  ['mixed types', mixed],
];

/** Filters a reader could set: a value of a choice question, or one nobody chose. */
function possibleFilters(definition: JsonObject): Filter[] {
  return questionsOf(definition).flatMap(({ element: q }) => {
    const name = String(q.name);
    const values: Json[] =
      q.type === 'boolean' ? [q.valueTrue ?? true, q.valueFalse ?? false] as Json[] : q.type === 'rating' ? ratingScale(q) : ['radiogroup', 'dropdown', 'checkbox', 'tagbox'].includes(String(q.type)) ? [...itemsOf(q.choices).map((c) => c.value), 'other', 'nobody'] : [];
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
      const filters = possibleFilters(definition);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 120 }), fc.subarray(filters, { maxLength: 2 }), (seed, count, chosen) => {
          const random = seededRandom(seed);
          const answers = Array.from({ length: count }, () => generateAnswers(definition, random));
          const columns = columnsOf(definition, answers);
          expect(columns.rows).toBe(count);
          expect(columns.figures(undefined, 'en')).toEqual(aggregate(definition, answers, 'en'));
          const selected = answers.filter((a) => passes(a, chosen));
          const selection = columns.select(chosen);
          expect(selection.length).toBe(selected.length);
          expect(columns.figures(selection, 'default')).toEqual(aggregate(definition, selected, 'default'));

          const packed = columns.pack();
          const bytes = Buffer.concat(packed.buffers.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
          const restored = WaveColumns.unpack(definition, JSON.parse(JSON.stringify(packed.header)), bytes);
          expect(restored.figures(undefined, 'en')).toEqual(columns.figures(undefined, 'en'));
          expect(restored.figures(restored.select(chosen), 'en')).toEqual(columns.figures(selection, 'en'));
          expect(restored.responsesPerDay()).toEqual(columns.responsesPerDay());
        }),
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
    const answers = [{ org: 'none' }, { org: 'other', 'org-Comment': 'x' }, { org: 'a' }, { topics: [1, 3] }, { grid: {} }];
    const columns = columnsOf(mixed, answers);
    expect(columns.figures(undefined, 'en')).toEqual(aggregate(mixed, answers, 'en'));
    expect(columns.select([{ question: 'org', value: 'none' }]).length).toBe(1);
  });
});
