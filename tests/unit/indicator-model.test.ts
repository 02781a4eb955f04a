import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../web/src/designer/json.js';
import { levelOfStep, measuresOf, parseNumber, stepsOf, surveyQuestions, trendOf } from '../../web/src/pages/indicators/model.js';

const words = { yes: 'Ja', no: 'Nein', other: 'Sonstiges' };
const points = (...values: Array<number | null>) => values.map((value) => ({ value }));

describe('the Wirkungstreppe', () => {
  it('puts steps 1–3 on output, 4–6 on outcome, 7 on impact, inputs on none', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(levelOfStep)).toEqual(['output', 'output', 'output', 'outcome', 'outcome', 'outcome', 'impact']);
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
  const definition: JsonObject = {
    pages: [
      {
        name: 'p1',
        elements: [
          { type: 'html', name: 'intro', html: 'Hallo' },
          { type: 'radiogroup', name: 'sector', title: { default: 'Bereich', en: 'Sector' }, choices: ['civic', { value: 'nonprofit', text: { default: 'Gemeinnützig', en: 'Non-profit' } }], showOtherItem: true },
          {
            type: 'panel',
            name: 'more',
            elements: [
              { type: 'rating', name: 'recommend', title: 'Empfehlen?', rateMin: 0, rateMax: 2 },
              { type: 'boolean', name: 'newContacts', title: 'Neue Kontakte?' },
              { type: 'comment', name: 'wishes' },
            ],
          },
        ],
      },
    ],
  };

  it('lists every question, nested panels included, with titles and choices in the UI language', () => {
    const questions = surveyQuestions(definition, 'en', { yes: 'Yes', no: 'No', other: 'Other' });
    expect(questions.map((q) => q.name)).toEqual(['sector', 'recommend', 'newContacts', 'wishes']);
    expect(questions[0]).toEqual({
      name: 'sector',
      type: 'radiogroup',
      title: 'Sector',
      choices: [
        { value: 'civic', label: 'civic' },
        { value: 'nonprofit', label: 'Non-profit' },
        { value: 'other', label: 'Other' },
      ],
      measures: ['share', 'count'],
    });
    // A German-only title falls back to German.
    expect(questions[1]!.title).toBe('Empfehlen?');
  });

  it('offers a rating scale, yes/no, and only a count for text questions', () => {
    const [, rating, yesNo, text] = surveyQuestions(definition, 'de', words);
    expect(rating!.choices.map((c) => c.value)).toEqual([0, 1, 2]);
    expect(rating!.measures).toEqual(['share', 'mean', 'count']);
    expect(yesNo!.choices).toEqual([
      { value: true, label: 'Ja' },
      { value: false, label: 'Nein' },
    ]);
    expect(text!.choices).toEqual([]);
    expect(text!.measures).toEqual(['count']);
    expect(measuresOf('matrix')).toEqual(['count']);
  });
});
