import { describe, expect, it } from 'vitest';
import type { QuestionResult } from '../../web/src/api/types.js';
import {
  barValueText,
  cellCharts,
  choiceBars,
  divergesWell,
  divergingBars,
  matrixBars,
  scaleDiverging,
} from '../../web/src/components/charts/datasets.js';
import { numberFormats } from '../../web/src/format.js';
import { quoteChoices } from '../../web/src/pages/report/quotes.js';
import { de } from '../../web/src/i18n/de.js';
import { en } from '../../web/src/i18n/en.js';

// What the charts promise on screen and on paper (issue 16): every label
// kept, values written on the bars, scales diverging around their middle,
// hidden cells marked and named cell by cell, at most one decimal.

const rating = (counts: Array<number | null>, n: number | null = 70): QuestionResult => ({
  name: 'value',
  type: 'rating',
  title: 'Value',
  n,
  suppressed: false,
  choices: counts.map((count, i) => ({ value: i + 1, label: `P${i + 1}`, count })),
  mean: 3,
});

describe('divergingBars', () => {
  it('puts the points below the middle left of 0, above it right, and splits the middle', () => {
    const bars = divergingBars(['--', '-', '0', '+', '++'], [{ label: 'Row', n: 100, counts: [10, 20, 30, 25, 15] }], {
      measure: 'percent',
    });
    expect(bars.neutral).toBe(2);
    // Drawing order: each side outward from 0.
    expect(bars.datasets.map((d) => [d.label, d.data[0]])).toEqual([
      ['0', -15],
      ['-', -20],
      ['--', -10],
      ['0', 15],
      ['+', 25],
      ['++', 15],
    ]);
    // The neutral point is in the legend once; the legend is in scale order.
    expect(bars.datasets.filter((d) => !d.legendHidden).map((d) => [d.label, d.legendRank])).toEqual([
      ['-', 1],
      ['--', 0],
      ['0', 2],
      ['+', 3],
      ['++', 4],
    ]);
    // Written on the bars: the true shares, the middle once.
    expect(bars.shown.map((s) => s[0])).toEqual([null, 20, 10, 30, 25, 15]);
    const total = bars.datasets.reduce((sum, d) => sum + Math.abs(d.data[0]!), 0);
    expect(total).toBeCloseTo(100, 5);
  });

  it('rounds every value to at most one decimal', () => {
    const bars = divergingBars(['a', 'b', 'c'], [{ label: 'R', n: 7, counts: [1, 2, 4] }], { measure: 'percent' });
    for (const d of bars.datasets) for (const v of d.data) expect(Math.round(v * 10) / 10, String(v)).toBe(v);
    expect(bars.shown.flat().filter((v) => v !== null)).toEqual([14.3, 28.6, 57.1]);
  });

  it('marks hidden cells and names them as row × column, a whole row only when all of it is hidden', () => {
    const bars = divergingBars(
      ['low', 'mid', 'high'],
      [
        { label: 'Visits', n: 40, counts: [null, 10, 26] },
        { label: 'Blog', n: null, counts: [null, null, null] },
      ],
      { measure: 'percent' },
    );
    expect(bars.suppressed).toEqual(['Visits × low', 'Blog']);
    const low = bars.datasets.findIndex((d) => d.label === 'low');
    expect(bars.hidden[low]).toEqual([true, true]);
    expect(bars.datasets[low]!.data).toEqual([0, 0]);
    const text = barValueText(bars, (v) => `${v} %`, '< 5');
    expect(text(0, low, 0)).toBe('< 5');
    const high = bars.datasets.findIndex((d) => d.label === 'high');
    expect(text(65, high, 0)).toBe('65 %');
  });

  it('draws a matrix per row with per-cell notes', () => {
    const q: QuestionResult = {
      name: 'formatValue',
      type: 'matrix',
      title: 'Formats',
      n: 60,
      suppressed: false,
      rows: [
        {
          value: 'visits',
          label: 'Visits',
          n: 60,
          suppressed: false,
          mean: 4,
          choices: [
            { value: 1, label: 'Low', count: null },
            { value: 2, label: 'Mid', count: 20 },
            { value: 3, label: 'High', count: 38 },
          ],
        },
      ],
    };
    const bars = matrixBars(q, 'percent');
    expect(bars.labels).toEqual(['Visits']);
    expect(bars.suppressed).toEqual(['Visits × Low']);
  });

  it('draws a short rating scale diverging, one bar per wave, but not a 0–10 scale', () => {
    const bars = scaleDiverging(
      [
        { label: '2015', question: rating([5, 10, 20, 20, 15]) },
        { label: '2014', question: rating([10, 10, 10, 10, 10], 50) },
      ],
      { measure: 'percent' },
    );
    expect(bars.labels).toEqual(['2015', '2014']);
    expect(bars.datasets).toHaveLength(6);
    expect(divergesWell(5)).toBe(true);
    expect(divergesWell(11)).toBe(false);
  });
});

describe('bar values', () => {
  it('keeps every category and gives each bar its value, "< n" where hidden', () => {
    const labels = Array.from({ length: 24 }, (_, i) => `District ${i + 1}`);
    const q: QuestionResult = {
      name: 'districts',
      type: 'checkbox',
      title: 'Districts',
      n: 70,
      suppressed: false,
      choices: labels.map((label, i) => ({ value: i, label, count: i === 3 ? null : i + 5 })),
    };
    const bars = choiceBars([{ label: '2015', question: q }], { measure: 'percent', otherLabel: 'Other' });
    expect(bars.labels).toEqual(labels);
    const text = barValueText(bars, numberFormats('de').percent, '< 5');
    expect(text(0, 0, 3)).toBe('< 5');
    expect(text(bars.datasets[0]!.data[0]!, 0, 0)).toBe('7,1\u00a0%');
    expect(bars.suppressed).toEqual(['District 4']);
  });

  it('names a partly hidden dropdown-matrix cell by row and answer', () => {
    const charts = cellCharts(
      {
        name: 'm',
        type: 'matrixdropdown',
        title: 'M',
        n: 30,
        suppressed: false,
        cells: [
          {
            row: 'a',
            rowLabel: 'A',
            column: 'used',
            columnLabel: 'Used',
            type: 'radiogroup',
            n: 30,
            suppressed: false,
            choices: [
              { value: 'yes', label: 'Yes', count: 27 },
              { value: 'no', label: 'No', count: null },
            ],
          },
        ],
      },
      { measure: 'percent', meanLabel: 'Mean', otherLabel: 'Other' },
    );
    expect(charts[0]!.suppressed).toEqual(['A × No']);
  });
});

describe('numberFormats', () => {
  it('gives percentages at most one decimal and counts thousands separators, per language', () => {
    const de1 = numberFormats('de');
    const en1 = numberFormats('en');
    expect(de1.percent(57.142857)).toBe('57,1\u00a0%');
    expect(en1.percent(57.142857)).toBe('57.1%');
    expect(de1.percent(60)).toBe('60\u00a0%');
    expect(de1.share(0.38571)).toBe('38,6\u00a0%');
    expect(de1.count(12345)).toBe('12.345');
    expect(en1.count(12345)).toBe('12,345');
    expect(en1.number(2.345)).toBe('2.3');
  });

  it('has plural forms for the counts it words', () => {
    const words = [de.report.activities, en.report.activities];
    for (const w of words) {
      expect(w.total_one).toContain('{{count}}');
      expect(w.total_other).toContain('{{count}}');
    }
    expect(de.report.editor.quoteSame_one).not.toEqual(de.report.editor.quoteSame_other);
  });
});

describe('quoteChoices', () => {
  it('merges answers with the same text into one entry with every id and code', () => {
    const choices = quoteChoices([
      { id: 'a', text: 'Der Austausch', codes: ['c1'] },
      { id: 'b', text: 'Die Leute', codes: [] },
      { id: 'c', text: '  der   Austausch ', codes: ['c2', 'c1'] },
    ]);
    expect(choices).toEqual([
      { text: 'Der Austausch', ids: ['a', 'c'], codes: ['c1', 'c2'] },
      { text: 'Die Leute', ids: ['b'], codes: [] },
    ]);
  });
});
