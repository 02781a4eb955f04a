import { describe, expect, it } from 'vitest';
import type { CellResult, QuestionResult, QuestionTypes, TrendEntry } from '../../web/src/api/types.js';
import {
  cellCharts,
  cellGrid,
  cellSummary,
  choiceBars,
  choiceRows,
  choicesExceedN,
  figureKindOf,
  indicatorLines,
  isOpenText,
  itemBars,
  itemRows,
  isRecommendation,
  matrixBars,
  percentOf,
  perDayBars,
  perDayRows,
  recommendationBars,
  recommendationGroups,
  trendMeasure,
  trendSeries,
} from '../../web/src/components/charts/datasets.js';

const sector: QuestionResult = {
  name: 'sector',
  type: 'radiogroup',
  title: 'Sector',
  n: 20,
  suppressed: false,
  choices: [
    { value: 'civic', label: 'Civic', count: 10 },
    { value: 'nonprofit', label: 'Non-profit', count: null },
    { value: 'municipal', label: 'Municipal', count: null },
  ],
  other: 0,
};

const scale = (counts: Array<number | null>): QuestionResult => ({
  name: 'recommend',
  type: 'rating',
  title: 'Recommend',
  n: counts.every((c) => c !== null) ? counts.reduce<number>((s, c) => s + c, 0) : 40,
  suppressed: false,
  choices: counts.map((count, value) => ({ value, label: String(value), count })),
  mean: null,
});

describe('percentOf', () => {
  it('gives a share of 0–100 and no number for hidden figures or n = 0', () => {
    expect(percentOf(5, 20)).toBe(25);
    expect(percentOf(null, 20)).toBeNull();
    expect(percentOf(5, null)).toBeNull();
    expect(percentOf(0, 0)).toBeNull();
  });
});

describe('choiceRows and choiceBars', () => {
  it('lists choices with "other" last, hidden counts staying null', () => {
    expect(choiceRows(sector, 'Other')).toEqual([
      { key: 'civic', label: 'Civic', count: 10, percent: 50 },
      { key: 'nonprofit', label: 'Non-profit', count: null, percent: null },
      { key: 'municipal', label: 'Municipal', count: null, percent: null },
      { key: '__other__', label: 'Other', count: 0, percent: 0 },
    ]);
  });

  it('draws hidden cells 0 high and names them, in counts and percentages', () => {
    const counts = choiceBars([{ label: 'Wave 1', question: sector }], { measure: 'count', otherLabel: 'Other' });
    expect(counts.labels).toEqual(['Civic', 'Non-profit', 'Municipal', 'Other']);
    expect(counts.datasets[0]!.data).toEqual([10, 0, 0, 0]);
    expect(counts.suppressed).toEqual(['Non-profit', 'Municipal']);
    const shares = choiceBars([{ label: 'Wave 1', question: sector }], { measure: 'percent', otherLabel: 'Other' });
    expect(shares.datasets[0]!.data).toEqual([50, 0, 0, 0]);
  });

  it('adds a second dataset for the compared wave, matched by value', () => {
    const before: QuestionResult = {
      ...sector,
      n: 10,
      other: undefined,
      choices: [
        { value: 'municipal', label: 'Kommune', count: 6 },
        { value: 'civic', label: 'Civic', count: 4 },
      ],
    };
    const bars = choiceBars(
      [
        { label: 'Now', question: sector },
        { label: 'Before', question: before },
      ],
      { measure: 'percent', otherLabel: 'Other' },
    );
    expect(bars.datasets.map((d) => d.label)).toEqual(['Now', 'Before']);
    expect(bars.datasets[1]!.data).toEqual([40, 0, 60, 0]);
    expect(bars.datasets[0]!.backgroundColor).not.toEqual(bars.datasets[1]!.backgroundColor);
  });

  it('gives empty bars for a question the compared wave did not ask', () => {
    const bars = choiceBars(
      [
        { label: 'Now', question: sector },
        { label: 'Before', question: undefined },
      ],
      { measure: 'count', otherLabel: 'Other' },
    );
    expect(bars.datasets[1]!.data).toEqual([0, 0, 0, 0]);
  });
});

describe('matrixBars', () => {
  const matrix: QuestionResult = {
    name: 'formats',
    type: 'matrix',
    title: 'Formats',
    n: 10,
    suppressed: false,
    rows: [
      {
        value: 'visits',
        label: 'Visits',
        n: 10,
        suppressed: false,
        choices: [
          { value: 1, label: 'Low', count: 0 },
          { value: 2, label: 'High', count: 10 },
        ],
        mean: 2,
      },
      {
        value: 'blog',
        label: 'Blog',
        n: null,
        suppressed: true,
        choices: [
          { value: 1, label: 'Low', count: null },
          { value: 2, label: 'High', count: null },
        ],
        mean: null,
      },
    ],
  };

  it('stacks one diverging bar per row, one dataset per column, as shares of the row', () => {
    const bars = matrixBars(matrix, 'percent');
    expect(bars.labels).toEqual(['Visits', 'Blog']);
    // Two points and no middle: the lower one left of 0, the higher one right of it.
    expect(bars.datasets.map((d) => [d.label, d.stack, d.data])).toEqual([
      ['Low', 'row', [0, 0]],
      ['High', 'row', [100, 0]],
    ]);
    expect(bars.neutral).toBeNull();
    expect(bars.hidden).toEqual([
      [false, true],
      [false, true],
    ]);
    expect(bars.suppressed).toEqual(['Blog']);
    expect(matrixBars(matrix, 'count').datasets[1]!.data).toEqual([10, 0]);
  });
});

describe('recommendation groups', () => {
  it('recognises only a 0–10 rating', () => {
    expect(isRecommendation(scale(Array(11).fill(0)))).toBe(true);
    expect(isRecommendation({ ...scale(Array(5).fill(0)) })).toBe(false);
    expect(isRecommendation({ ...scale(Array(11).fill(0)), type: 'dropdown' })).toBe(false);
  });

  it('splits into detractors 0–6, passives 7–8 and promoters 9–10', () => {
    //            0  1  2  3  4  5  6  7  8  9  10
    const q = scale([5, 0, 0, 0, 0, 0, 5, 0, 10, 0, 20]);
    const groups = recommendationGroups(q);
    expect(groups).toEqual({ shown: true, n: 40, detractors: 10, passives: 10, promoters: 20, score: 25 });
    if (!groups.shown) throw new Error('unreachable');
    const bars = recommendationBars(groups, { detractors: 'D', passives: 'P', promoters: 'Pr' });
    expect(bars.labels).toEqual(['D', 'P', 'Pr']);
    expect(bars.datasets[0]!.data).toEqual([25, 25, 50]);
  });

  it('is not shown when any cell is hidden, or the question is suppressed', () => {
    expect(recommendationGroups(scale([null, 0, 0, 0, 0, 0, null, 0, 10, 0, 20]))).toEqual({ shown: false });
    expect(recommendationGroups({ ...scale(Array(11).fill(0)), suppressed: true, n: null })).toEqual({ shown: false });
  });
});

describe('trendSeries', () => {
  const entry = (title: string, question: QuestionResult | undefined, breakBefore = false): TrendEntry => ({
    wave: { id: title, title, createdAt: '2025-01-01T00:00:00Z' },
    version: 1,
    n: question?.n ?? null,
    breakBefore,
    ...(question ? { question } : { missing: true as const }),
  });
  const options = { breakMark: '⚠', nLabel: 'n', meanLabel: 'Mean' };

  it('plots the mean of a rating per wave, a hidden mean as a gap, and marks breaks', () => {
    const series = trendSeries(
      [
        entry('2024', { ...scale(Array(11).fill(1)), mean: 7.5 }),
        entry('2025', { ...scale(Array(11).fill(1)), mean: null }, true),
      ],
      options,
    );
    expect(series.measure).toEqual({ kind: 'mean' });
    expect(series.labels).toEqual(['2024', '⚠ 2025']);
    expect(series.datasets).toHaveLength(1);
    expect(series.datasets[0]!.data).toEqual([7.5, null]);
  });

  it('plots the share of each choice, matched by value, with gaps for hidden or missing figures', () => {
    const later: QuestionResult = {
      ...sector,
      n: 10,
      other: undefined,
      choices: [
        { value: 'civic', label: 'Zivil', count: 5 },
        { value: 'nonprofit', label: 'Non-profit', count: 5 },
      ],
    };
    const series = trendSeries([entry('2023', undefined), entry('2024', sector), entry('2025', later)], options);
    expect(series.measure).toEqual({ kind: 'share' });
    expect(series.datasets.map((d) => d.label)).toEqual(['Civic', 'Non-profit', 'Municipal']);
    expect(series.datasets[0]!.data).toEqual([null, 50, 50]);
    expect(series.datasets[1]!.data).toEqual([null, null, 50]);
    expect(series.datasets[2]!.data).toEqual([null, null, null]);
  });

  it('falls back to the number of answers for text questions', () => {
    const text: QuestionResult = { name: 'c', type: 'comment', title: 'C', n: 12, suppressed: false };
    const series = trendSeries([entry('2024', text), entry('2025', { ...text, n: null, suppressed: true })], options);
    expect(series.measure).toEqual({ kind: 'n' });
    expect(series.datasets[0]!.data).toEqual([12, null]);
  });
});

describe('perDayRows and perDayBars', () => {
  const dayIn = (locale: string) => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return (date: string) => format.format(new Date(`${date}T00:00:00Z`));
  };

  it('is empty without days', () => {
    expect(perDayRows([])).toEqual([]);
    expect(perDayBars([], { label: 'Responses', day: (d) => d })).toEqual({
      labels: [],
      datasets: [{ label: 'Responses', backgroundColor: expect.any(String), data: [] }],
    });
  });

  it('lists every day from first to last, oldest first, days without responses as 0', () => {
    expect(
      perDayRows([
        { date: '2015-05-19', count: 3 },
        { date: '2015-05-22', count: 1 },
      ]),
    ).toEqual([
      { date: '2015-05-19', count: 3 },
      { date: '2015-05-20', count: 0 },
      { date: '2015-05-21', count: 0 },
      { date: '2015-05-22', count: 1 },
    ]);
  });

  it('counts across month ends and daylight saving changes, one row per calendar day', () => {
    const rows = perDayRows([
      { date: '2025-03-29', count: 2 },
      { date: '2025-04-01', count: 5 },
    ]);
    expect(rows.map((r) => r.date)).toEqual(['2025-03-29', '2025-03-30', '2025-03-31', '2025-04-01']);
    expect(
      perDayRows([
        { date: '2024-02-28', count: 1 },
        { date: '2024-03-01', count: 1 },
      ]).map((r) => r.date),
    ).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });

  it('draws one series of bars, one per day, labelled in the UI language', () => {
    const rows = perDayRows([
      { date: '2015-05-19', count: 3 },
      { date: '2015-05-20', count: 7 },
    ]);
    const de = perDayBars(rows, { label: 'Antworten', day: dayIn('de') });
    expect(de.labels).toEqual(['19.05.2015', '20.05.2015']);
    expect(de.datasets).toHaveLength(1);
    expect(de.datasets[0]!.label).toBe('Antworten');
    expect(de.datasets[0]!.data).toEqual([3, 7]);
    const en = perDayBars(rows, { label: 'Responses', day: dayIn('en-GB') });
    expect(en.labels).toEqual(['19 May 2015', '20 May 2015']);
  });
});

describe('indicatorLines', () => {
  const options = { label: 'Value', baselineLabel: 'Baseline', targetLabel: 'Target' };
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const series = [
    { date: '2015-05-01', value: 40 },
    { date: '2016-05-01', value: null },
    { date: '2017-05-01', value: 55.5 },
  ];

  it('draws the series on a time axis, oldest first, a withheld value as a gap', () => {
    const lines = indicatorLines(
      { series: [series[2]!, series[0]!, series[1]!], baseline: null, target: null },
      options,
    );
    expect(lines.datasets).toHaveLength(1);
    expect(lines.datasets[0]!.label).toBe('Value');
    expect(lines.datasets[0]!.data).toEqual([
      { x: day('2015-05-01'), y: 40 },
      { x: day('2016-05-01'), y: null },
      { x: day('2017-05-01'), y: 55.5 },
    ]);
    expect(lines.datasets[0]!.borderDash).toBeUndefined();
    expect([lines.from, lines.to]).toEqual([day('2015-05-01'), day('2017-05-01')]);
  });

  it('spaces the days by the time between them, not evenly', () => {
    const lines = indicatorLines(
      {
        series: [
          { date: '2013-06-01', value: 8 },
          { date: '2013-12-01', value: 21 },
          { date: '2015-05-01', value: 79 },
        ],
        baseline: null,
        target: null,
      },
      options,
    );
    const [a, b, c] = lines.datasets[0]!.data.map((p) => p.x);
    // Six months, then seventeen: the second gap is almost three times the first.
    expect((c! - b!) / (b! - a!)).toBeCloseTo(516 / 183, 1);
  });

  it('adds baseline and target as dashed horizontal lines across the axis, and the value range covers them', () => {
    const lines = indicatorLines(
      { series, baseline: { date: '2014-12-31', value: 30 }, target: { date: '2020-12-31', value: 90 } },
      options,
    );
    expect(lines.datasets.map((d) => d.label)).toEqual(['Value', 'Baseline', 'Target']);
    // The axis runs from the baseline's day to the target's.
    expect([lines.from, lines.to]).toEqual([day('2014-12-31'), day('2020-12-31')]);
    expect(lines.datasets[1]!.data).toEqual([
      { x: day('2014-12-31'), y: 30 },
      { x: day('2020-12-31'), y: 30 },
    ]);
    expect(lines.datasets[2]!.data.map((p) => p.y)).toEqual([90, 90]);
    for (const reference of lines.datasets.slice(1)) {
      expect(reference.borderDash?.length).toBeGreaterThan(0);
      expect(reference.pointRadius).toBe(0);
    }
    expect(lines.datasets[1]!.borderColor).not.toEqual(lines.datasets[2]!.borderColor);
    expect([lines.low, lines.high]).toEqual([30, 90]);
  });

  it('keeps two points of the same day apart', () => {
    const lines = indicatorLines(
      {
        series: [
          { date: '2025-01-01', value: 1 },
          { date: '2025-01-01', value: 2 },
        ],
        baseline: null,
        target: null,
      },
      options,
    );
    expect(lines.datasets[0]!.data.map((p) => p.y)).toEqual([1, 2]);
  });

  it('shows only the reference lines when there are no values yet', () => {
    const lines = indicatorLines(
      { series: [], baseline: { date: '2025-01-01', value: 10 }, target: { date: '2026-01-01', value: 20 } },
      options,
    );
    expect(lines.datasets[0]!.data).toEqual([]);
    expect(lines.datasets[2]!.data).toEqual([
      { x: day('2025-01-01'), y: 20 },
      { x: day('2026-01-01'), y: 20 },
    ]);
    expect(indicatorLines({ series: [], baseline: null, target: null }, options)).toMatchObject({
      datasets: [expect.objectContaining({ label: 'Value', data: [] })],
      low: null,
      high: null,
    });
  });
});

// Figures of the types beyond choices and matrix rows, written out as the
// results API sends them (after suppression, minimum group size 5).

const ranking: QuestionResult = {
  name: 'priorities',
  type: 'ranking',
  title: 'Priorities',
  n: 8,
  suppressed: false,
  items: [
    { value: 'money', label: 'Money', n: 8, mean: 2.625 },
    { value: 'time', label: 'Time', n: 8, mean: 1.375 },
    { value: 'rooms', label: 'Rooms', n: null, mean: null },
    { value: 'people', label: 'People', n: 8, mean: 2 },
  ],
};

const contact: QuestionResult = {
  name: 'contact',
  type: 'multipletext',
  title: 'Contact',
  n: 10,
  suppressed: false,
  items: [
    { value: 'city', label: 'City', n: 10 },
    { value: 'age', label: 'Age', n: 6, mean: 41.16666 },
    { value: 'kids', label: 'Children', n: null, mean: null },
  ],
};

const cell = (row: string | null, column: string, extra: Partial<CellResult>): CellResult => ({
  row,
  rowLabel: row === null ? '' : row.toUpperCase(),
  column,
  columnLabel: column[0]!.toUpperCase() + column.slice(1),
  type: 'dropdown',
  n: 10,
  suppressed: false,
  ...extra,
});
const yesNo = (yes: number | null, no: number | null) => [
  { value: 'yes', label: 'Yes', count: yes },
  { value: 'no', label: 'No', count: no },
];

const dropdownMatrix: QuestionResult = {
  name: 'offers',
  type: 'matrixdropdown',
  title: 'Offers',
  n: 10,
  suppressed: false,
  cells: [
    cell('a', 'used', { type: 'radiogroup', choices: yesNo(6, 4) }),
    cell('a', 'grade', {
      type: 'rating',
      n: 10,
      mean: 3.456,
      choices: [
        { value: 3, label: '3', count: 5 },
        { value: 4, label: '4', count: 5 },
      ],
    }),
    cell('a', 'note', { type: 'text', n: 7 }),
    cell('b', 'used', { type: 'radiogroup', n: 10, choices: yesNo(null, null) }),
    cell('b', 'grade', { type: 'rating', n: null, suppressed: true, mean: null, choices: [] }),
    cell('b', 'note', { type: 'text', n: 0 }),
  ],
};

const dynamicMatrix: QuestionResult = {
  name: 'children',
  type: 'matrixdynamic',
  title: 'Children',
  n: 6,
  suppressed: false,
  cells: [
    cell(null, 'school', {
      type: 'checkbox',
      n: 6,
      choices: [
        { value: 'primary', label: 'Primary', count: 5 },
        { value: 'secondary', label: 'Secondary', count: 6 },
        { value: 'none', label: 'None', count: null },
      ],
    }),
    cell(null, 'age', { type: 'text', n: 6, mean: 9.333 }),
  ],
  panels: { n: 6, total: 14, mean: 2.3333 },
};

describe('figureKindOf and isOpenText', () => {
  const types: QuestionTypes = {
    ranking: { filterable: false, filter: 'none', openText: false, figures: 'ranks', export: 'joined' },
    comment: { filterable: false, filter: 'none', openText: true, figures: 'count', export: 'value' },
  };

  it("takes the view from the server's registry when the results carry it", () => {
    expect(figureKindOf(ranking, types)).toBe('ranks');
    expect(figureKindOf({ name: 'c', type: 'comment', title: 'C', n: 3, suppressed: false }, types)).toBe('count');
    expect(isOpenText({ name: 'c', type: 'comment', title: 'C', n: 3, suppressed: false }, types)).toBe(true);
    expect(isOpenText(ranking, types)).toBe(false);
  });

  it('averages a number field like a slider: its type shows n only, its figures carry a mean', () => {
    const types: QuestionTypes = {
      text: { filterable: false, filter: 'none', openText: true, figures: 'count', export: 'value' },
    };
    expect(figureKindOf({ name: 'age', type: 'text', title: 'Age', n: 6, suppressed: false, mean: 41.5 }, types)).toBe(
      'numbers',
    );
    expect(figureKindOf({ name: 'age', type: 'text', title: 'Age', n: 6, suppressed: false, mean: null }, types)).toBe(
      'numbers',
    );
    expect(figureKindOf({ name: 'name', type: 'text', title: 'Name', n: 6, suppressed: false }, types)).toBe('count');
  });

  it('reads the view off the figures without a registry (report and share link)', () => {
    expect(figureKindOf(sector)).toBe('choices');
    expect(figureKindOf(scale([1, 2]))).toBe('scale');
    expect(figureKindOf(ranking)).toBe('items');
    expect(figureKindOf(dropdownMatrix)).toBe('cells');
    expect(figureKindOf({ ...dynamicMatrix, type: 'unknown' })).toBe('cells');
    expect(
      figureKindOf({
        name: 'p',
        type: 'x',
        title: 'P',
        n: 6,
        suppressed: false,
        panels: { n: 6, total: 9, mean: 1.5 },
        inner: [],
      }),
    ).toBe('panels');
    expect(figureKindOf({ name: 's', type: 'x', title: 'S', n: 6, suppressed: false, mean: 40 })).toBe('numbers');
    expect(figureKindOf({ name: 's', type: 'x', title: 'S', n: 6, suppressed: false, mean: 40, items: [] })).toBe(
      'numbers',
    );
    expect(figureKindOf({ name: 't', type: 'x', title: 'T', n: 6, suppressed: false })).toBe('count');
    expect(isOpenText({ name: 't', type: 'x', title: 'T', n: 6, suppressed: false })).toBe(false);
    expect(isOpenText({ name: 't', type: 'x', title: 'T', n: 6, suppressed: false, codes: [] })).toBe(true);
  });
});

describe('choicesExceedN', () => {
  it('says when visible counts add up to more than n (several answers each)', () => {
    expect(choicesExceedN({ n: 10, choices: yesNo(6, 4) })).toBe(false);
    expect(choicesExceedN({ n: 10, choices: yesNo(6, 4), other: 1 })).toBe(true);
    expect(choicesExceedN({ n: null, choices: yesNo(6, 6) })).toBe(false);
    expect(choicesExceedN({ n: 10 })).toBe(false);
  });
});

describe('itemRows and itemBars', () => {
  it("lists a multiple text's fields in order with n, share and mean (none for text fields)", () => {
    expect(itemRows(contact)).toEqual([
      { key: 'city', label: 'City', n: 10, percent: 100, mean: undefined },
      { key: 'age', label: 'Age', n: 6, percent: 60, mean: 41.16666 },
      { key: 'kids', label: 'Children', n: null, percent: null, mean: null },
    ]);
  });

  it('sorts a ranking by mean rank, best first, hidden last', () => {
    expect(itemRows(ranking, { byRank: true }).map((r) => r.key)).toEqual(['time', 'people', 'money', 'rooms']);
    expect(itemRows(ranking).map((r) => r.key)).toEqual(['money', 'time', 'rooms', 'people']);
  });

  it("relabels items by value (a range slider's ends)", () => {
    const range: QuestionResult = {
      name: 'r',
      type: 'slider',
      title: 'R',
      n: 6,
      suppressed: false,
      mean: 50,
      items: [
        { value: 'from', label: 'from', n: 6, mean: 20 },
        { value: 'to', label: 'to', n: 6, mean: 80 },
      ],
    };
    expect(itemRows(range, { labels: { from: 'Von', to: 'Bis' } }).map((r) => r.label)).toEqual(['Von', 'Bis']);
  });

  it('draws counts, shares or means rounded to one decimal, hidden ones 0 long and named', () => {
    const rows = itemRows(contact);
    expect(itemBars(rows, { measure: 'count', label: 'n' })).toEqual({
      labels: ['City', 'Age', 'Children'],
      datasets: [{ label: 'n', backgroundColor: expect.any(String), data: [10, 6, 0] }],
      suppressed: ['Children'],
    });
    expect(itemBars(rows, { measure: 'percent', label: '%' }).datasets[0]!.data).toEqual([100, 60, 0]);
    const ranks = itemBars(itemRows(ranking, { byRank: true }), { measure: 'mean', label: 'Mean rank' });
    expect(ranks.datasets[0]!.data).toEqual([1.4, 2, 2.6, 0]);
    expect(ranks.suppressed).toEqual(['Rooms']);
  });

  it('never turns a hidden figure into a number', () => {
    for (const measure of ['count', 'percent', 'mean'] as const) {
      const bars = itemBars(itemRows(ranking), { measure, label: '' });
      expect(bars.suppressed).toContain('Rooms');
    }
  });
});

describe('cellSummary', () => {
  it('ranks visible answers by count with shares of the cell, limits them and names hidden ones', () => {
    const summary = cellSummary(dynamicMatrix.cells![0]!, { limit: 1, otherLabel: 'Other' });
    expect(summary).toEqual({
      n: 6,
      suppressed: false,
      mean: undefined,
      top: [{ label: 'Secondary', count: 6, percent: 100 }],
      hidden: ['None'],
      more: 1,
      hasChoices: true,
    });
  });

  it('counts "other" among the answers and leaves answers nobody chose out', () => {
    const c = cell('a', 'used', { choices: yesNo(0, 6), other: 4 });
    expect(cellSummary(c, { otherLabel: 'Other' }).top).toEqual([
      { label: 'No', count: 6, percent: 60 },
      { label: 'Other', count: 4, percent: 40 },
    ]);
  });

  it('shows a suppressed cell as hidden with nothing to rank, and a text cell as n only', () => {
    const hidden = cellSummary(dropdownMatrix.cells![4]!, { otherLabel: 'Other' });
    expect(hidden).toMatchObject({ n: null, suppressed: true, mean: null, top: [], hidden: [] });
    const text = cellSummary(dropdownMatrix.cells![2]!, { otherLabel: 'Other' });
    expect(text).toMatchObject({ n: 7, hasChoices: false, mean: undefined, top: [] });
  });
});

describe('cellGrid', () => {
  it("lays a dropdown matrix out as rows × columns in the API's order", () => {
    const grid = cellGrid({
      ...dropdownMatrix,
      cells: dropdownMatrix.cells!.filter((c) => !(c.row === 'b' && c.column === 'note')),
    });
    expect(grid.rows).toEqual([
      { key: 'a', label: 'A' },
      { key: 'b', label: 'B' },
    ]);
    expect(grid.columns.map((c) => c.label)).toEqual(['Used', 'Grade', 'Note']);
    expect(grid.cells[0]!.map((c) => c?.column)).toEqual(['used', 'grade', 'note']);
    expect(grid.cells[1]![2]).toBeUndefined();
  });

  it('gives a dynamic matrix one row of columns', () => {
    const grid = cellGrid(dynamicMatrix);
    expect(grid.rows).toEqual([{ key: '', label: '' }]);
    expect(grid.cells[0]!.map((c) => c?.column)).toEqual(['school', 'age']);
  });
});

describe('cellCharts', () => {
  const options = { measure: 'percent' as const, meanLabel: 'Mean', otherLabel: 'Other' };

  it('stacks a single-choice column per row as shares, and draws rating and number columns as means only', () => {
    const charts = cellCharts(dropdownMatrix, options);
    expect(charts.map((c) => [c.key, c.kind, c.stacked])).toEqual([
      ['used', 'choices', true],
      ['__means__', 'means', false],
    ]);
    const used = charts[0]!;
    expect(used.title).toBe('Used');
    expect(used.series.labels).toEqual(['A', 'B']);
    expect(used.series.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Yes', [60, 0]],
      ['No', [40, 0]],
    ]);
    expect(used.suppressed).toEqual(['B']);
    const means = charts[1]!;
    // One number column: no legend, so the chart's title names it.
    expect(means.title).toBe('Grade');
    expect(means.series.labels).toEqual(['A', 'B']);
    expect(means.series.datasets).toEqual([{ label: 'Grade', backgroundColor: expect.any(String), data: [3.5, 0] }]);
    expect(means.suppressed).toEqual(['B · Grade']);
  });

  it('draws counts when asked, and no chart for a column whose figures are all hidden or zero', () => {
    const charts = cellCharts(
      { ...dropdownMatrix, cells: dropdownMatrix.cells!.filter((c) => c.row === 'b') },
      { ...options, measure: 'count' },
    );
    expect(charts).toEqual([]);
    const counts = cellCharts(dropdownMatrix, { ...options, measure: 'count' });
    expect(counts[0]!.series.datasets[0]!.data).toEqual([6, 0]);
    expect(counts[0]!.percent).toBe(false);
  });

  it("does not stack answers that add up to more than the cell's respondents", () => {
    const ticks: QuestionResult = {
      ...dropdownMatrix,
      cells: [cell('a', 'used', { type: 'checkbox', choices: yesNo(8, 7) })],
    };
    expect(cellCharts(ticks, options)[0]!.stacked).toBe(false);
  });

  it("draws a dynamic matrix's choice column as one bar per answer, and no chart for a single mean", () => {
    const charts = cellCharts(dynamicMatrix, options);
    expect(charts.map((c) => c.kind)).toEqual(['choices']);
    expect(charts[0]!.series).toEqual({
      labels: ['Primary', 'Secondary', 'None'],
      datasets: [{ label: 'School', backgroundColor: expect.any(String), data: [83.3, 100, 0] }],
    });
    expect(charts[0]!.suppressed).toEqual(['None']);
    expect(charts[0]!.stacked).toBe(false);
  });

  it("draws the means of a dynamic matrix's number columns side by side", () => {
    const twoMeans: QuestionResult = {
      ...dynamicMatrix,
      cells: [...dynamicMatrix.cells!, cell(null, 'hours', { type: 'rating', n: 6, mean: 2.25, choices: [] })],
    };
    const means = cellCharts(twoMeans, options).find((c) => c.kind === 'means')!;
    expect(means.title).toBe('');
    expect(means.series).toEqual({
      labels: ['Age', 'Hours'],
      datasets: [{ label: 'Mean', backgroundColor: expect.any(String), data: [9.3, 2.3] }],
    });
  });
});

describe('trendMeasure', () => {
  it('takes the mean of sliders too, and n for items, cells and panels', () => {
    expect(
      trendMeasure({ name: 's', type: 'slider', title: 'S', n: 6, suppressed: false, mean: 4, choices: yesNo(3, 3) }),
    ).toEqual({ kind: 'mean' });
    expect(trendMeasure(ranking)).toEqual({ kind: 'n' });
    expect(trendMeasure(dropdownMatrix)).toEqual({ kind: 'n' });
    expect(
      trendMeasure({ name: 'r', type: 'slider', title: 'R', n: 6, suppressed: false, mean: 50, items: [] }),
    ).toEqual({ kind: 'n' });
  });
});
