import type {
  CellResult,
  ChoiceCell,
  Count,
  FigureKind,
  QuestionResult,
  QuestionTypes,
  TrendEntry,
} from '../../api/types.js';

// Pure shaping of API results into what the Chart component draws and the
// tables list. No chart.js here: the shapes are plain data, tested in
// tests/unit/datasets.test.ts.

export interface ChartDataset {
  label: string;
  data: number[];
  backgroundColor: string | string[];
  borderColor?: string;
  stack?: string;
  /** Left out of the legend (the left half of a diverging bar's neutral segment). */
  legendHidden?: boolean;
  /** Place in the legend when it differs from the drawing order (diverging bars). */
  legendRank?: number;
}

/**
 * What each bar stands for, beside what is drawn: `shown[dataset][index]` is
 * the figure to write on the bar (null: write nothing) and `hidden` marks a
 * cell suppressed for the minimum group size (drawn 0 long, labelled "< n").
 */
export interface BarMarks {
  shown: Array<Array<number | null>>;
  hidden: boolean[][];
}

/** The text on each bar: its figure formatted, "< n" on a hidden cell, nothing on an empty one. */
export function barValueText(
  marks: BarMarks,
  format: (value: number) => string,
  hiddenText: string,
): (value: number, datasetIndex: number, index: number) => string | null {
  return (_value, di, i) => {
    if (marks.hidden[di]?.[i]) return hiddenText;
    const shown = marks.shown[di]?.[i];
    return shown === null || shown === undefined || shown === 0 ? null : format(shown);
  };
}

export interface ChartSeries {
  labels: string[];
  datasets: ChartDataset[];
}

/** Colours with enough contrast on white, in a fixed order. */
export const PALETTE = [
  '#1d5a82',
  '#c0602b',
  '#3d7d4f',
  '#7a4f9a',
  '#a3262c',
  '#5b6b7a',
  '#b08a1e',
  '#2b8c8c',
  '#8a4b2e',
  '#4c5fb0',
  '#6b7d25',
];
const colour = (i: number) => PALETTE[i % PALETTE.length]!;

export type Measure = 'count' | 'percent';

/** Rounded to one decimal: no figure is drawn or written more precisely. */
const round1 = (v: number) => Math.round(v * 10) / 10;

/** Share of `count` in `n`, 0–100; null when either is hidden or n is 0. */
export function percentOf(count: Count, n: Count): number | null {
  if (count === null || n === null || n === 0) return null;
  return (count / n) * 100;
}

/** One line of a question's table: a choice, or "other". */
export interface ChoiceRow {
  key: string;
  label: string;
  count: Count;
  percent: number | null;
}

/** The rows of a choice question's table, "other" last when the question has it. */
export function choiceRows(q: QuestionResult, otherLabel: string): ChoiceRow[] {
  const rows: ChoiceRow[] = (q.choices ?? []).map((c) => ({
    key: String(c.value),
    label: c.label,
    count: c.count,
    percent: percentOf(c.count, q.n),
  }));
  if (q.other !== undefined)
    rows.push({ key: '__other__', label: otherLabel, count: q.other, percent: percentOf(q.other, q.n) });
  return rows;
}

const figure = (row: { count: Count; percent: number | null }, measure: Measure) =>
  measure === 'count' ? row.count : row.percent;

/**
 * Bars for a choice or rating question: one dataset per wave (the second one
 * to compare). A hidden cell is drawn 0 high and named in `suppressed`,
 * never given a number.
 */
export function choiceBars(
  series: Array<{ label: string; question: QuestionResult | undefined }>,
  options: { measure: Measure; otherLabel: string },
): ChartSeries & BarMarks & { suppressed: string[] } {
  const first = series.find((s) => s.question)?.question;
  const base = first ? choiceRows(first, options.otherLabel) : [];
  const suppressed = new Set<string>();
  const hidden: boolean[][] = [];
  const datasets = series.map((s, i) => {
    const rows = new Map(s.question ? choiceRows(s.question, options.otherLabel).map((r) => [r.key, r]) : []);
    hidden.push(base.map((b) => rows.get(b.key)?.count === null));
    return {
      label: s.label,
      backgroundColor: colour(i),
      data: base.map((b) => {
        const row = rows.get(b.key);
        if (!row) return 0;
        const value = figure(row, options.measure);
        if (row.count === null) suppressed.add(b.label);
        return value === null ? 0 : round1(value);
      }),
    };
  });
  return {
    labels: base.map((b) => b.label),
    datasets,
    shown: datasets.map((d) => [...d.data]),
    hidden,
    suppressed: [...suppressed],
  };
}

/** A row of a diverging bar: counts per scale point, in scale order (null: hidden). */
export interface DivergingRow {
  label: string;
  n: Count;
  counts: Count[];
}

/** Scale colours: disagreeing reds, a grey middle, agreeing blues (all readable with white text). */
const DIVERGING_LOW = ['#a3262c', '#c0602b', '#b08a1e'];
const DIVERGING_HIGH = ['#1d5a82', '#2b8c8c', '#3d7d4f'];
const NEUTRAL = '#5b6b7a';

/** Colours of k scale points, from the lowest to the highest. */
function divergingColours(k: number): string[] {
  const half = Math.floor(k / 2);
  const pick = (list: string[], i: number) => list[Math.min(i, list.length - 1)]!;
  // The ends are the strongest colours; a long scale repeats the lightest towards the middle.
  const low = Array.from({ length: half }, (_, i) => pick(DIVERGING_LOW, i));
  const high = Array.from({ length: half }, (_, i) => pick(DIVERGING_HIGH, i)).reverse();
  return [...low, ...(k % 2 ? [NEUTRAL] : []), ...high];
}

/**
 * Rows of a scale (a rating, a matrix) as diverging stacked bars: the points
 * below the neutral one extend to the left of 0, those above to the right,
 * and the neutral point (the middle of an odd scale) straddles 0, half on
 * each side. Each bar sums to 100 % (or the row's n). A hidden cell is drawn
 * 0 long and marked; `suppressed` names the hidden cells (row × column), or
 * the whole row when all of it is hidden.
 */
export function divergingBars(
  columns: string[],
  rows: DivergingRow[],
  options: { measure: Measure },
): ChartSeries & BarMarks & { suppressed: string[]; neutral: number | null } {
  const k = columns.length;
  const neutral = k % 2 === 1 ? (k - 1) / 2 : null;
  const half = Math.floor(k / 2);
  const colours = divergingColours(k);
  const value = (row: DivergingRow, j: number): number | null => {
    const count = row.counts[j] ?? 0;
    const v = options.measure === 'count' ? count : percentOf(count, row.n);
    return v === null ? null : round1(v);
  };
  const datasets: ChartDataset[] = [];
  const shown: Array<Array<number | null>> = [];
  const hidden: boolean[][] = [];
  const add = (j: number, sign: 1 | -1, part: number, how: { legendHidden?: boolean; show: boolean }) => {
    datasets.push({
      label: columns[j]!,
      backgroundColor: colours[j]!,
      stack: 'row',
      legendRank: j,
      ...(how.legendHidden && { legendHidden: true }),
      data: rows.map((r) => {
        const v = round1((value(r, j) ?? 0) * part);
        return v === 0 ? 0 : sign * v;
      }),
    });
    shown.push(rows.map((r) => (how.show ? value(r, j) : null)));
    hidden.push(rows.map((r) => how.show && r.counts[j] === null));
  };
  // chart.js stacks each sign outward from 0 in dataset order: nearest the middle first.
  if (neutral !== null) add(neutral, -1, 0.5, { legendHidden: true, show: false });
  for (let j = half - 1; j >= 0; j--) add(j, -1, 1, { show: true });
  if (neutral !== null) add(neutral, 1, 0.5, { show: true });
  for (let j = k - half; j < k; j++) add(j, 1, 1, { show: true });
  const suppressed = rows.flatMap((r) => {
    const cells = r.counts.map((c, j) => ({ c, j })).filter(({ c }) => c === null);
    if (r.n === null || (cells.length === k && k > 0)) return [r.label];
    return cells.map(({ j }) => `${r.label} × ${columns[j]}`);
  });
  return { labels: rows.map((r) => r.label), datasets, shown, hidden, suppressed, neutral };
}

/** Whether a scale is short enough to draw diverging (a 0–10 scale reads better as upright bars). */
export const divergesWell = (points: number) => points >= 2 && points <= 7;

/** A rating's scale as one diverging bar per wave (the second to compare). */
export function scaleDiverging(
  series: Array<{ label: string; question: QuestionResult | undefined }>,
  options: { measure: Measure },
): ReturnType<typeof divergingBars> {
  const first = series.find((s) => s.question)?.question;
  const points = first?.choices ?? [];
  return divergingBars(
    points.map((c) => c.label),
    series.map((s) => ({
      label: s.label,
      n: s.question?.n ?? null,
      counts: points.map((p) => s.question?.choices?.find((c) => c.value === p.value)?.count ?? 0),
    })),
    options,
  );
}

/**
 * A matrix as one diverging stacked bar per row around the columns' neutral
 * point (see divergingBars): the share of the row's respondents (or counts).
 * Hidden cells are named cell by cell (row × column), a row only when all of it is hidden.
 */
export function matrixBars(q: QuestionResult, measure: Measure): ReturnType<typeof divergingBars> {
  const rows = q.rows ?? [];
  const columns: ChoiceCell[] = rows[0]?.choices ?? [];
  return divergingBars(
    columns.map((c) => c.label),
    rows.map((r) => ({
      label: r.label,
      n: r.suppressed ? null : r.n,
      counts: columns.map((column) => {
        if (r.suppressed) return null;
        const cell = r.choices.find((c) => c.value === column.value);
        return cell ? cell.count : 0;
      }),
    })),
    { measure },
  );
}

/** A rating question whose scale runs 0 to 10: a "would you recommend" question. */
export function isRecommendation(q: QuestionResult): boolean {
  if (q.type !== 'rating' || !q.choices || q.choices.length !== 11) return false;
  return q.choices.every((c, i) => c.value === i);
}

export type RecommendationGroups =
  { shown: false } | { shown: true; n: number; detractors: number; passives: number; promoters: number; score: number };

/**
 * Detractors (0–6), passives (7–8) and promoters (9–10) of a 0–10 question,
 * and the score (promoters minus detractors, in percentage points). Not shown
 * when any cell is hidden: the groups would give hidden cells away or mislead.
 */
export function recommendationGroups(q: QuestionResult): RecommendationGroups {
  if (!isRecommendation(q) || q.suppressed || q.n === null || q.n === 0) return { shown: false };
  const choices = q.choices!;
  if (choices.some((c) => c.count === null)) return { shown: false };
  const sum = (from: number, to: number) =>
    choices.filter((c) => Number(c.value) >= from && Number(c.value) <= to).reduce((s, c) => s + c.count!, 0);
  const detractors = sum(0, 6);
  const passives = sum(7, 8);
  const promoters = sum(9, 10);
  const n = detractors + passives + promoters;
  return { shown: true, n, detractors, passives, promoters, score: Math.round(((promoters - detractors) / n) * 100) };
}

/** The recommendation groups as three bars (percent of respondents). */
export function recommendationBars(
  groups: Extract<RecommendationGroups, { shown: true }>,
  labels: { detractors: string; passives: string; promoters: string },
): ChartSeries {
  return {
    labels: [labels.detractors, labels.passives, labels.promoters],
    datasets: [
      {
        label: '%',
        backgroundColor: ['#a3262c', '#b08a1e', '#3d7d4f'],
        data: [groups.detractors, groups.passives, groups.promoters].map((c) => (c / groups.n) * 100),
      },
    ],
  };
}

/** What the trend shows per wave: the mean (ratings, numeric matrices aside), else the share of each choice. */
export type TrendMeasure = { kind: 'mean' } | { kind: 'share' } | { kind: 'n' };

/** The measure that fits a question's figures: its mean (ratings, sliders), else choice shares, else n. */
export function trendMeasure(q: QuestionResult | undefined): TrendMeasure {
  if (!q) return { kind: 'n' };
  if (q.mean !== undefined && !q.items) return { kind: 'mean' };
  if (q.choices) return { kind: 'share' };
  return { kind: 'n' };
}

/**
 * One point per wave (oldest first). A wave after a recorded breaking change
 * gets `breakMark` in its label, so that the flag shows on the axis too; a
 * hidden or missing figure is a gap (null), never 0.
 */
export function trendSeries(
  entries: TrendEntry[],
  options: { breakMark: string; nLabel: string; meanLabel: string },
): {
  labels: string[];
  datasets: Array<Omit<ChartDataset, 'data'> & { data: Array<number | null> }>;
  measure: TrendMeasure;
} {
  const measure = trendMeasure(entries.find((e) => e.question)?.question);
  const labels = entries.map((e) => (e.breakBefore ? `${options.breakMark} ${e.wave.title}` : e.wave.title));
  if (measure.kind === 'mean') {
    return {
      labels,
      measure,
      datasets: [
        {
          label: options.meanLabel,
          backgroundColor: colour(0),
          borderColor: colour(0),
          data: entries.map((e) => e.question?.mean ?? null),
        },
      ],
    };
  }
  if (measure.kind === 'n') {
    return {
      labels,
      measure,
      datasets: [
        {
          label: options.nLabel,
          backgroundColor: colour(0),
          borderColor: colour(0),
          data: entries.map((e) => e.question?.n ?? null),
        },
      ],
    };
  }
  // Choices are matched by value, so that a relabelled choice stays one line.
  const choices = new Map<string, string>();
  for (const e of entries)
    for (const c of e.question?.choices ?? []) if (!choices.has(String(c.value))) choices.set(String(c.value), c.label);
  return {
    labels,
    measure,
    datasets: [...choices].map(([value, label], i) => ({
      label,
      backgroundColor: colour(i),
      borderColor: colour(i),
      data: entries.map((e) => {
        const cell = e.question?.choices?.find((c) => String(c.value) === value);
        return cell ? percentOf(cell.count, e.question!.n) : null;
      }),
    })),
  };
}

/** Complete responses on one calendar day (YYYY-MM-DD), as the API gives them. */
export interface DayCount {
  date: string;
  count: number;
}

const DAY_MS = 86_400_000;

/**
 * Every day from the first to the last day with responses, oldest first; a day
 * without responses in between counts 0, so that the bars keep the time scale.
 * Empty when there are no days.
 */
export function perDayRows(perDay: DayCount[]): DayCount[] {
  if (perDay.length === 0) return [];
  const counts = new Map(perDay.map((d) => [d.date, d.count]));
  const times = perDay.map((d) => Date.parse(`${d.date}T00:00:00Z`));
  if (times.some((t) => Number.isNaN(t))) return [...perDay].sort((a, b) => a.date.localeCompare(b.date));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const rows: DayCount[] = [];
  for (let t = first; t <= last; t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    rows.push({ date, count: counts.get(date) ?? 0 });
  }
  return rows;
}

/** Responses per day as one series of upright bars, each day labelled by `day` (the UI's date format). */
export function perDayBars(rows: DayCount[], options: { label: string; day: (date: string) => string }): ChartSeries {
  return {
    labels: rows.map((r) => options.day(r.date)),
    datasets: [{ label: options.label, backgroundColor: colour(0), data: rows.map((r) => r.count) }],
  };
}

/** A point of a line on a time axis: x is the day's timestamp (ms, UTC), y the value (null: a gap). */
export interface TimePoint {
  x: number;
  y: number | null;
}

/** A calendar day (YYYY-MM-DD) as a timestamp at UTC midnight. */
export const dayTime = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);

/** A line of an indicator chart: the series itself or a dashed horizontal reference line. */
export interface LineDataset {
  label: string;
  data: TimePoint[];
  backgroundColor: string;
  borderColor: string;
  borderWidth: number;
  /** Dashes of a reference line; a solid line has none. */
  borderDash?: number[];
  /** 0 for reference lines: they mark a level, not measurements. */
  pointRadius: number;
  fill: false;
}

export interface IndicatorLines {
  datasets: LineDataset[];
  /** The first and last day on the axis (timestamps). */
  from: number;
  to: number;
  /** The smallest and largest value drawn (series and reference lines): the value axis covers both. */
  low: number | null;
  high: number | null;
}

const REFERENCE_COLOURS = { baseline: '#5b6b7a', target: '#3d7d4f' } as const;

/**
 * An indicator's series as one line on a time axis (days spaced by time,
 * oldest first; a withheld value is a gap, never 0) with its baseline and
 * target as horizontal dashed lines across the chart. The axis runs from the
 * earliest to the latest of the series' days, the baseline's and the
 * target's, so that the way from the start to the goal shows.
 */
export function indicatorLines(
  indicator: {
    series: Array<{ date: string; value: number | null }>;
    baseline: { date: string; value: number } | null;
    target: { date: string; value: number } | null;
  },
  options: { label: string; baselineLabel: string; targetLabel: string },
): IndicatorLines {
  const points = [...indicator.series].sort((a, b) => a.date.localeCompare(b.date));
  const times = [
    ...points.map((p) => dayTime(p.date)),
    ...[indicator.baseline, indicator.target].filter((r) => r !== null).map((r) => dayTime(r.date)),
  ];
  const from = times.length > 0 ? Math.min(...times) : 0;
  const to = times.length > 0 ? Math.max(...times) : 0;
  const reference = (label: string, value: number, colour: string): LineDataset => ({
    label,
    data: [
      { x: from, y: value },
      { x: to, y: value },
    ],
    backgroundColor: colour,
    borderColor: colour,
    borderWidth: 2,
    borderDash: [6, 4],
    pointRadius: 0,
    fill: false,
  });
  const datasets: LineDataset[] = [
    {
      label: options.label,
      data: points.map((p) => ({ x: dayTime(p.date), y: p.value })),
      backgroundColor: colour(0),
      borderColor: colour(0),
      borderWidth: 3,
      pointRadius: 4,
      fill: false,
    },
  ];
  if (indicator.baseline)
    datasets.push(reference(options.baselineLabel, indicator.baseline.value, REFERENCE_COLOURS.baseline));
  if (indicator.target) datasets.push(reference(options.targetLabel, indicator.target.value, REFERENCE_COLOURS.target));
  const values = datasets.flatMap((d) => d.data.map((p) => p.y)).filter((v): v is number => v !== null);
  return {
    datasets,
    from,
    to,
    low: values.length > 0 ? Math.min(...values) : null,
    high: values.length > 0 ? Math.max(...values) : null,
  };
}

/**
 * A label broken into lines of at most `width` characters at spaces (a word
 * longer than that keeps its own line); a short label stays one string.
 */
export function wrapLabel(label: string, width: number): string | string[] {
  if (label.length <= width) return label;
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

// Views of the figures the registry gives beyond choices and matrix rows:
// items (multiple text, ranking, range slider), cells (dropdown and dynamic
// matrices) and dynamic panels.

/**
 * Which view draws a question: the server's registry when the response
 * carries it (`questionTypes`), else read off the figures the question has
 * (the share link sends figures only). A question whose type shows only n
 * but whose figures carry a mean (a number field) is `numbers`. Without the
 * registry a ranking cannot be told from a multiple text: both are `items`.
 */
export function figureKindOf(q: QuestionResult, types?: QuestionTypes): FigureKind {
  const known = types?.[q.type]?.figures;
  // A number field is a text question whose figures carry a mean: averaged like a slider.
  if (known === 'count' && q.mean !== undefined) return 'numbers';
  if (known) return known;
  if (q.inner) return 'panels';
  if (q.cells) return 'cells';
  if (q.rows) return 'matrix';
  if (q.items) return q.mean !== undefined ? 'numbers' : 'items';
  if (q.choices) return q.mean !== undefined ? 'scale' : 'choices';
  if (q.mean !== undefined) return 'numbers';
  return 'count';
}

/** Whether a question's answers are free text to read: the registry's word, else whether it carries codebook counts. */
export function isOpenText(q: QuestionResult, types?: QuestionTypes): boolean {
  const known = types?.[q.type];
  return known ? known.openText : q.codes !== undefined;
}

/**
 * Whether the visible counts of a choice question add up to more than its n:
 * several answers per respondent (checkboxes), so shares exceed 100 %.
 */
export function choicesExceedN(q: Pick<QuestionResult, 'choices' | 'other' | 'n'>): boolean {
  if (q.n === null || !q.choices) return false;
  const sum = q.choices.reduce((s, c) => s + (c.count ?? 0), 0) + (q.other ?? 0);
  return sum > q.n;
}

/** One line of an items table: a multiple text's field, a ranked option or a range slider's end. */
export interface ItemRow {
  key: string;
  label: string;
  n: Count;
  /** Share of the question's respondents who answered this item, 0–100. */
  percent: number | null;
  /** Mean of the numbers (or the mean rank); undefined where the item has none (text fields). */
  mean: number | null | undefined;
}

/**
 * The items of a question in order, relabelled by value where `labels` names
 * one (a range slider's `from` and `to` come untranslated). With `byRank`,
 * sorted by mean rank, best (lowest) first and hidden ones last.
 */
export function itemRows(
  q: QuestionResult,
  options: { byRank?: boolean; labels?: Record<string, string> } = {},
): ItemRow[] {
  const rows: ItemRow[] = (q.items ?? []).map((item) => ({
    key: String(item.value),
    label: options.labels?.[String(item.value)] ?? item.label,
    n: item.n,
    percent: percentOf(item.n, q.n),
    mean: item.mean,
  }));
  if (!options.byRank) return rows;
  const rank = (r: ItemRow) => (r.mean == null ? Number.POSITIVE_INFINITY : r.mean);
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map(({ r }) => r);
}

/**
 * Items as one series of horizontal bars: how many answered each (count or
 * percent) or the mean (rank). A hidden figure is drawn 0 long and named in
 * `suppressed`; values are rounded to one decimal.
 */
export function itemBars(
  rows: ItemRow[],
  options: { measure: Measure | 'mean'; label: string },
): ChartSeries & { suppressed: string[] } {
  const suppressed: string[] = [];
  const data = rows.map((r) => {
    const value = options.measure === 'mean' ? r.mean : options.measure === 'count' ? r.n : r.percent;
    if (value === null) suppressed.push(r.label);
    return value == null ? 0 : round1(value);
  });
  return {
    labels: rows.map((r) => r.label),
    datasets: [{ label: options.label, backgroundColor: colour(0), data }],
    suppressed,
  };
}

/** The most chosen answers of one matrix cell, for its table entry. */
export interface CellSummary {
  n: Count;
  suppressed: boolean;
  /** The cell's mean (numbers, ratings); undefined where its type has none. */
  mean: number | null | undefined;
  /** Visible answers chosen at least once, most chosen first, at most `limit`. */
  top: Array<{ label: string; count: number; percent: number | null }>;
  /** Answers whose count is hidden (small groups): never ranked, only named. */
  hidden: string[];
  /** Visible answers chosen at least once beyond `limit`. */
  more: number;
  /** Whether the cell has answer options at all (a text cell has only n). */
  hasChoices: boolean;
}

/** One cell's n, mean or top answers ("other" included); counts that are hidden stay out of the ranking. */
export function cellSummary(cell: CellResult, options: { limit?: number; otherLabel: string }): CellSummary {
  const limit = options.limit ?? 3;
  const choices = [
    ...(cell.choices ?? []).map((c) => ({ label: c.label, count: c.count })),
    ...(cell.other !== undefined ? [{ label: options.otherLabel, count: cell.other }] : []),
  ];
  const chosen = choices
    .map((c, i) => ({ ...c, i }))
    .filter((c): c is { label: string; count: number; i: number } => c.count !== null && c.count > 0)
    .sort((a, b) => b.count - a.count || a.i - b.i);
  return {
    n: cell.n,
    suppressed: cell.suppressed,
    mean: cell.mean,
    top: chosen.slice(0, limit).map((c) => ({ label: c.label, count: c.count, percent: percentOf(c.count, cell.n) })),
    hidden: cell.suppressed ? [] : choices.filter((c) => c.count === null).map((c) => c.label),
    more: Math.max(0, chosen.length - limit),
    hasChoices: cell.choices !== undefined,
  };
}

/** A dropdown matrix as a grid: its rows, its columns and the cell at each crossing (in the API's order). */
export interface CellGrid {
  rows: Array<{ key: string; label: string }>;
  columns: Array<{ key: string; label: string }>;
  /** `cells[row][column]`; undefined where the API sent no cell. */
  cells: Array<Array<CellResult | undefined>>;
}

/** The cells of a dropdown matrix laid out as rows × columns; a dynamic matrix (row null) gives one row. */
export function cellGrid(q: QuestionResult): CellGrid {
  const rows = new Map<string, string>();
  const columns = new Map<string, string>();
  for (const c of q.cells ?? []) {
    const row = c.row === null ? '' : String(c.row);
    if (!rows.has(row)) rows.set(row, c.rowLabel);
    if (!columns.has(c.column)) columns.set(c.column, c.columnLabel);
  }
  const at = new Map((q.cells ?? []).map((c) => [`${c.row === null ? '' : String(c.row)}\u0000${c.column}`, c]));
  return {
    rows: [...rows].map(([key, label]) => ({ key, label })),
    columns: [...columns].map(([key, label]) => ({ key, label })),
    cells: [...rows.keys()].map((row) => [...columns.keys()].map((column) => at.get(`${row}\u0000${column}`))),
  };
}

/** A chart of a matrix's cells: the answers of one choice column, or the means of its number columns. */
export interface CellChart {
  key: string;
  kind: 'choices' | 'means';
  /** The column's label; for the chart of means the one number column's, else empty (the view names it). */
  title: string;
  /** Single answers per cell stack to 100 %; several per cell (checkboxes) stand side by side. */
  stacked: boolean;
  percent: boolean;
  series: ChartSeries;
  suppressed: string[];
}

/**
 * Charts that make sense for a matrix's cells. Per column with answer
 * options and no mean: in a dropdown matrix one stacked bar per row (shares of the cell's
 * respondents, or counts), in a dynamic matrix one bar per answer. One chart
 * for the means of all number columns (per row in a dropdown matrix) when it
 * has more than one bar. Text columns get none, nor does a column whose
 * figures are all hidden or zero.
 */
export function cellCharts(
  q: QuestionResult,
  options: { measure: Measure; meanLabel: string; otherLabel: string },
): CellChart[] {
  const grid = cellGrid(q);
  const dynamic = (q.cells ?? []).every((c) => c.row === null);
  const charts: CellChart[] = [];
  const percent = options.measure === 'percent';
  const value = (count: Count, n: Count) => {
    const v = percent ? percentOf(count, n) : count;
    return v === null ? 0 : round1(v);
  };
  grid.columns.forEach((column, ci) => {
    const cells = grid.cells.map((row) => row[ci]).filter((c): c is CellResult => c !== undefined);
    const first = cells.find((c) => c.choices);
    // A column with a mean (ratings, numbers) is drawn in the chart of means, not step by step.
    if (!first?.choices || cells.some((c) => c.mean !== undefined)) return;
    const answers = [
      ...first.choices.map((c) => ({ key: String(c.value), label: c.label })),
      ...(first.other !== undefined ? [{ key: '__other__', label: options.otherLabel }] : []),
    ];
    // A hidden count stays null (drawn 0 long and named), never a number.
    const countOf = (cell: CellResult, key: string): Count => {
      if (key === '__other__') return cell.other === undefined ? 0 : cell.other;
      const choice = cell.choices?.find((c) => String(c.value) === key);
      return choice ? choice.count : 0;
    };
    if (!cells.some((cell) => answers.some((a) => (countOf(cell, a.key) ?? 0) > 0))) return;
    if (dynamic) {
      const cell = cells[0]!;
      const suppressed = answers.filter((a) => countOf(cell, a.key) === null).map((a) => a.label);
      charts.push({
        key: column.key,
        kind: 'choices',
        title: column.label,
        stacked: false,
        percent,
        series: {
          labels: answers.map((a) => a.label),
          datasets: [
            {
              label: column.label,
              backgroundColor: colour(0),
              data: answers.map((a) => value(countOf(cell, a.key), cell.n)),
            },
          ],
        },
        suppressed,
      });
      return;
    }
    // A wholly hidden cell is named by its row; a partly hidden one by each hidden answer (row × answer).
    const suppressed = grid.rows.flatMap((row, ri) => {
      const cell = grid.cells[ri]![ci];
      if (!cell) return [];
      const hiddenAnswers = answers.filter((a) => countOf(cell, a.key) === null);
      if (cell.suppressed || (hiddenAnswers.length === answers.length && answers.length > 0)) return [row.label];
      return answers.filter((a) => countOf(cell, a.key) === null).map((a) => `${row.label} × ${a.label}`);
    });
    charts.push({
      key: column.key,
      kind: 'choices',
      title: column.label,
      stacked: !cells.some((cell) => choicesExceedN(cell)),
      percent,
      series: {
        labels: grid.rows.map((r) => r.label),
        datasets: answers.map((a, i) => ({
          label: a.label,
          backgroundColor: colour(i),
          stack: 'row',
          data: grid.rows.map((_, ri) => {
            const cell = grid.cells[ri]![ci];
            return cell ? value(countOf(cell, a.key), cell.n) : 0;
          }),
        })),
      },
      suppressed,
    });
  });
  const meanColumns = grid.columns
    .map((column, ci) => ({ column, ci }))
    .filter(({ ci }) => grid.cells.some((row) => row[ci]?.mean !== undefined));
  const visibleMean = meanColumns.some(({ ci }) => grid.cells.some((row) => row[ci]?.mean != null));
  // One bar alone says no more than the table.
  const bars = meanColumns.length * (dynamic ? 1 : grid.rows.length);
  if (bars > 1 && visibleMean) {
    const suppressed: string[] = [];
    const meanOf = (cell: CellResult | undefined, name: string) => {
      if (cell?.mean === null) suppressed.push(name);
      return cell?.mean == null ? 0 : round1(cell.mean);
    };
    const series: ChartSeries = dynamic
      ? {
          labels: meanColumns.map(({ column }) => column.label),
          datasets: [
            {
              label: options.meanLabel,
              backgroundColor: colour(0),
              data: meanColumns.map(({ column, ci }) => meanOf(grid.cells[0]![ci], column.label)),
            },
          ],
        }
      : {
          labels: grid.rows.map((r) => r.label),
          datasets: meanColumns.map(({ column, ci }, i) => ({
            label: column.label,
            backgroundColor: colour(i),
            data: grid.rows.map((row, ri) => meanOf(grid.cells[ri]![ci], `${row.label} · ${column.label}`)),
          })),
        };
    // A dropdown matrix with one number column has no legend to name it: the title does.
    const title = !dynamic && meanColumns.length === 1 ? meanColumns[0]!.column.label : '';
    charts.push({ key: '__means__', kind: 'means', title, stacked: false, percent: false, series, suppressed });
  }
  return charts;
}
