import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, type QuestionFigures } from '../../api/src/modules/results/aggregate.js';
import { compileFilters, type Filter } from '../../api/src/modules/results/filters.js';
import { suppress } from '../../api/src/modules/results/suppression.js';
import type { JsonObject } from '../../api/src/modules/questionnaires/definition-walk.js';

const definition: JsonObject = {
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'radiogroup', name: 'sector', choices: ['civic', 'nonprofit', 'municipal'], showOtherItem: true },
        { type: 'checkbox', name: 'districts', choices: ['mitte', 'sued', 'west'] },
        { type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 },
        { type: 'boolean', name: 'joint' },
        { type: 'matrix', name: 'formats', rows: ['visits', 'blog'], columns: [1, 2, 3] },
        { type: 'comment', name: 'strengths' },
      ],
    },
  ],
};

describe('aggregate', () => {
  it('counts each type as the results contract describes', () => {
    const answers = [
      {
        sector: 'civic',
        districts: ['mitte', 'west'],
        nps: 9,
        joint: true,
        formats: { visits: 3, blog: 1 },
        strengths: 'x',
      },
      { sector: 'nonprofit', districts: ['mitte'], nps: 7, joint: false, formats: { visits: 3 } },
      { sector: 'other', 'sector-Comment': 'Kirche', nps: 10 },
    ];
    const [sector, districts, nps, joint, formats, strengths] = aggregate(definition, answers, 'default');
    expect(sector).toMatchObject({
      n: 3,
      choices: [
        { value: 'civic', count: 1 },
        { value: 'nonprofit', count: 1 },
        { value: 'municipal', count: 0 },
      ],
      other: 1,
    });
    expect(districts).toMatchObject({
      n: 2,
      choices: [
        { value: 'mitte', count: 2 },
        { value: 'sued', count: 0 },
        { value: 'west', count: 1 },
      ],
    });
    expect(nps!.n).toBe(3);
    expect(nps!.mean).toBeCloseTo(26 / 3);
    expect(nps!.choices).toHaveLength(11);
    // No labels of its own and no `locale`: survey-core's built-in texts of its default language, English.
    expect(joint).toMatchObject({
      n: 2,
      choices: [
        { value: true, label: 'Yes', count: 1 },
        { value: false, label: 'No', count: 1 },
      ],
    });
    expect(aggregate({ ...definition, locale: 'de' }, answers, 'default')[3]).toMatchObject({
      choices: [{ label: 'Ja' }, { label: 'Nein' }],
    });
    expect(formats!.rows).toMatchObject([
      { value: 'visits', n: 2, mean: 3, choices: [{ count: 0 }, { count: 0 }, { count: 2 }] },
      { value: 'blog', n: 1, mean: 1, choices: [{ count: 1 }, { count: 0 }, { count: 0 }] },
    ]);
    expect(strengths).toEqual({ name: 'strengths', type: 'comment', title: 'strengths', n: 1, suppressed: false });
  });

  it('filters with AND, a checkbox filter meaning "ticked"', () => {
    const passes = (answers: Record<string, unknown>, filters: Filter[]) =>
      compileFilters(definition, filters)(answers);
    expect(
      passes({ sector: 'civic', districts: ['mitte'] }, [
        { question: 'sector', value: 'civic' },
        { question: 'districts', value: 'mitte' },
      ]),
    ).toBe(true);
    expect(
      passes({ sector: 'civic', districts: ['west'] }, [
        { question: 'sector', value: 'civic' },
        { question: 'districts', value: 'mitte' },
      ]),
    ).toBe(false);
    expect(passes({ nps: 9 }, [{ question: 'nps', value: 9 }])).toBe(true);
    expect(passes({ nps: 9 }, [{ question: 'nps', value: '9' }])).toBe(false);
  });
});

const answersArb = fc.array(
  fc.record(
    {
      sector: fc.constantFrom('civic', 'nonprofit', 'municipal', 'other'),
      districts: fc.subarray(['mitte', 'sued', 'west'], { minLength: 1 }),
      nps: fc.integer({ min: 0, max: 10 }),
      joint: fc.boolean(),
      formats: fc.record({ visits: fc.constantFrom(1, 2, 3), blog: fc.constantFrom(1, 2, 3) }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  ),
  { maxLength: 40 },
);

const visibleCounts = (q: QuestionFigures) => [
  ...(q.choices ?? []).map((c) => c.count),
  ...(q.other !== undefined ? [q.other] : []),
  ...(q.rows ?? []).flatMap((r) => r.choices.map((c) => c.count)),
];

describe('suppression properties', () => {
  it('shows no count between 1 and the minimum minus one, and nothing at all below the minimum', () => {
    fc.assert(
      fc.property(answersArb, fc.integer({ min: 3, max: 8 }), (answers, min) => {
        const figures = suppress(aggregate(definition, answers, 'default'), answers.length, min);
        for (const q of figures) {
          for (const c of visibleCounts(q)) if (c !== null) expect(c === 0 || c >= min).toBe(true);
          if (answers.length < min) expect(q.suppressed).toBe(true);
          if (q.n !== null) expect(q.n).toBeGreaterThanOrEqual(min);
        }
      }),
    );
  });

  it('never leaves a single hidden cell next to a visible total (it could be worked out)', () => {
    fc.assert(
      fc.property(answersArb, fc.integer({ min: 3, max: 8 }), (answers, min) => {
        const figures = suppress(aggregate(definition, answers, 'default'), answers.length, min);
        for (const q of figures.filter((f) => ['radiogroup', 'rating', 'boolean'].includes(f.type))) {
          const hidden = visibleCounts(q).filter((c) => c === null).length;
          if (hidden === 1) expect(q.n).toBeNull();
          if (hidden > 0 && q.mean !== undefined) expect(q.mean).toBeNull();
        }
        for (const row of figures.find((f) => f.name === 'formats')!.rows!) {
          const hidden = row.choices.filter((c) => c.count === null).length;
          if (hidden === 1) expect(row.n).toBeNull();
        }
      }),
    );
  });
});
