import { describe, expect, it } from 'vitest';
import type { CatalogueQuestion } from '../../web/src/api/types.js';
import { levelOfStep, parseNumber, stepsOf, surveyQuestions, trendOf } from '../../web/src/pages/indicators/model.js';

const points = (...values: Array<number | null>) => values.map((value) => ({ value }));

describe('the Wirkungstreppe', () => {
  it('puts steps 1–3 on output, 4–6 on outcome, 7 on impact, inputs on none', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(levelOfStep)).toEqual([
      'output',
      'output',
      'output',
      'outcome',
      'outcome',
      'outcome',
      'impact',
    ]);
    expect(stepsOf('input')).toEqual([]);
    expect(stepsOf('output')).toEqual([1, 2, 3]);
    expect(stepsOf('outcome')).toEqual([4, 5, 6]);
    expect(stepsOf('impact')).toEqual([7]);
  });
});

describe('trendOf', () => {
  it('compares the last two values that are numbers, skipping withheld ones', () => {
    expect(trendOf(points(1, 3, null), 'up')).toEqual({ kind: 'up', good: true });
    expect(trendOf(points(5, 3), 'up')).toEqual({ kind: 'down', good: false });
    expect(trendOf(points(5, 3), 'down')).toEqual({ kind: 'down', good: true });
    expect(trendOf(points(3, 5), 'down')).toEqual({ kind: 'up', good: false });
    expect(trendOf(points(9, 4, 4), 'up')).toEqual({ kind: 'flat', good: null });
  });

  it('has no trend with fewer than two values', () => {
    expect(trendOf([], 'up')).toEqual({ kind: 'none' });
    expect(trendOf(points(null, 4, null), 'up')).toEqual({ kind: 'none' });
  });
});

describe('parseNumber', () => {
  it('reads decimal points and German decimal commas', () => {
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber(' 1,5 ')).toBe(1.5);
    expect(parseNumber('-0.25')).toBe(-0.25);
  });

  it('refuses what is not a number', () => {
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('abc')).toBeUndefined();
    expect(parseNumber('1.2.3')).toBeUndefined();
    expect(parseNumber('Infinity')).toBeUndefined();
  });
});

describe('surveyQuestions', () => {
  const catalogue: CatalogueQuestion[] = [
    {
      name: 'sector',
      key: 'sector',
      type: 'radiogroup',
      title: 'Sector',
      openText: false,
      measures: ['share', 'count'],
      filter: 'value',
      choices: [
        { value: 'civic', label: 'Civil society' },
        { value: 'other', label: 'Other' },
      ],
    },
    {
      name: 'grid',
      key: 'grid',
      type: 'matrix',
      title: 'Grid',
      openText: false,
      measures: ['count'],
      filter: 'cells',
      choices: [],
    },
    {
      name: 'odd',
      key: 'odd',
      type: 'dropdown',
      title: 'Odd',
      openText: false,
      measures: ['share', 'count'],
      filter: 'value',
      choices: [
        { value: { a: 1 }, label: 'an object' },
        { value: 2, label: 'two' },
      ],
    },
    {
      name: 'intro',
      key: 'intro',
      type: 'expression',
      title: 'Intro',
      openText: false,
      measures: [],
      filter: 'none',
      choices: [],
    },
  ];

  it("takes the server's measures and choices, leaving out questions without a measure and values a source cannot hold", () => {
    expect(surveyQuestions(catalogue)).toEqual([
      {
        name: 'sector',
        type: 'radiogroup',
        title: 'Sector',
        measures: ['share', 'count'],
        choices: [
          { value: 'civic', label: 'Civil society' },
          { value: 'other', label: 'Other' },
        ],
      },
      { name: 'grid', type: 'matrix', title: 'Grid', measures: ['count'], choices: [] },
      {
        name: 'odd',
        type: 'dropdown',
        title: 'Odd',
        measures: ['share', 'count'],
        choices: [{ value: 2, label: 'two' }],
      },
    ]);
  });
});
