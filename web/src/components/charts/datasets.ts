import type { ChoiceCell, Count, QuestionResult, TrendEntry } from '../../api/types.js';

// Pure shaping of API results into what the Chart component draws and the
// tables list. No chart.js here: the shapes are plain data, tested in
// tests/unit/datasets.test.ts.

export interface ChartDataset {
  label: string;
  data: number[];
  backgroundColor: string | string[];
  borderColor?: string;
  stack?: string;
}

export interface ChartSeries {
  labels: string[];
  datasets: ChartDataset[];
}

/** Colours with enough contrast on white, in a fixed order. */
export const PALETTE = ['#1d5a82', '#c0602b', '#3d7d4f', '#7a4f9a', '#a3262c', '#5b6b7a', '#b08a1e', '#2b8c8c', '#8a4b2e', '#4c5fb0', '#6b7d25'];
const colour = (i: number) => PALETTE[i % PALETTE.length]!;

export type Measure = 'count' | 'percent';

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
  const rows: ChoiceRow[] = (q.choices ?? []).map((c) => ({ key: String(c.value), label: c.label, count: c.count, percent: percentOf(c.count, q.n) }));
  if (q.other !== undefined) rows.push({ key: '__other__', label: otherLabel, count: q.other, percent: percentOf(q.other, q.n) });
  return rows;
}

const figure = (row: { count: Count; percent: number | null }, measure: Measure) => (measure === 'count' ? row.count : row.percent);

/**
 * Bars for a choice or rating question: one dataset per wave (the second one
 * to compare). A hidden cell is drawn 0 high and named in `suppressed`,
 * never given a number.
 */
export function choiceBars(
  series: Array<{ label: string; question: QuestionResult | undefined }>,
  options: { measure: Measure; otherLabel: string },
): ChartSeries & { suppressed: string[] } {
  const first = series.find((s) => s.question)?.question;
  const base = first ? choiceRows(first, options.otherLabel) : [];
  const suppressed = new Set<string>();
  const datasets = series.map((s, i) => {
    const rows = new Map(s.question ? choiceRows(s.question, options.otherLabel).map((r) => [r.key, r]) : []);
    return {
      label: s.label,
      backgroundColor: colour(i),
      data: base.map((b) => {
        const row = rows.get(b.key);
        if (!row) return 0;
        const value = figure(row, options.measure);
        if (row.count === null) suppressed.add(b.label);
        return value ?? 0;
      }),
    };
  });
  return { labels: base.map((b) => b.label), datasets, suppressed: [...suppressed] };
}

/**
 * A matrix as one stacked bar per row: one dataset per column, the share of
 * the row's respondents (or counts). Rows with hidden cells are named in `suppressed`.
 */
export function matrixBars(q: QuestionResult, measure: Measure): ChartSeries & { suppressed: string[] } {
  const rows = q.rows ?? [];
  const columns: ChoiceCell[] = rows[0]?.choices ?? [];
  const suppressed = rows.filter((r) => r.suppressed || r.choices.some((c) => c.count === null)).map((r) => r.label);
  return {
    labels: rows.map((r) => r.label),
    datasets: columns.map((column, i) => ({
      label: column.label,
      backgroundColor: colour(i),
      stack: 'row',
      data: rows.map((r) => {
        const cell = r.choices.find((c) => c.value === column.value);
        const count = cell?.count ?? null;
        return (measure === 'count' ? count : percentOf(count, r.n)) ?? 0;
      }),
    })),
    suppressed,
  };
}

/** A rating question whose scale runs 0 to 10: a "would you recommend" question. */
export function isRecommendation(q: QuestionResult): boolean {
  if (q.type !== 'rating' || !q.choices || q.choices.length !== 11) return false;
  return q.choices.every((c, i) => c.value === i);
}

export type RecommendationGroups =
  | { shown: false }
  | { shown: true; n: number; detractors: number; passives: number; promoters: number; score: number };

/**
 * Detractors (0–6), passives (7–8) and promoters (9–10) of a 0–10 question,
 * and the score (promoters minus detractors, in percentage points). Not shown
 * when any cell is hidden: the groups would give hidden cells away or mislead.
 */
export function recommendationGroups(q: QuestionResult): RecommendationGroups {
  if (!isRecommendation(q) || q.suppressed || q.n === null || q.n === 0) return { shown: false };
  const choices = q.choices!;
  if (choices.some((c) => c.count === null)) return { shown: false };
  const sum = (from: number, to: number) => choices.filter((c) => Number(c.value) >= from && Number(c.value) <= to).reduce((s, c) => s + c.count!, 0);
  const detractors = sum(0, 6);
  const passives = sum(7, 8);
  const promoters = sum(9, 10);
  const n = detractors + passives + promoters;
  return { shown: true, n, detractors, passives, promoters, score: Math.round(((promoters - detractors) / n) * 100) };
}

/** The recommendation groups as three bars (percent of respondents). */
export function recommendationBars(groups: Extract<RecommendationGroups, { shown: true }>, labels: { detractors: string; passives: string; promoters: string }): ChartSeries {
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

/** The measure that fits a question's type. */
export function trendMeasure(q: QuestionResult | undefined): TrendMeasure {
  if (!q) return { kind: 'n' };
  if (q.type === 'rating') return { kind: 'mean' };
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
): { labels: string[]; datasets: Array<Omit<ChartDataset, 'data'> & { data: Array<number | null> }>; measure: TrendMeasure } {
  const measure = trendMeasure(entries.find((e) => e.question)?.question);
  const labels = entries.map((e) => (e.breakBefore ? `${options.breakMark} ${e.wave.title}` : e.wave.title));
  if (measure.kind === 'mean') {
    return { labels, measure, datasets: [{ label: options.meanLabel, backgroundColor: colour(0), borderColor: colour(0), data: entries.map((e) => e.question?.mean ?? null) }] };
  }
  if (measure.kind === 'n') {
    return { labels, measure, datasets: [{ label: options.nLabel, backgroundColor: colour(0), borderColor: colour(0), data: entries.map((e) => e.question?.n ?? null) }] };
  }
  // Choices are matched by value, so that a relabelled choice stays one line.
  const choices = new Map<string, string>();
  for (const e of entries) for (const c of e.question?.choices ?? []) if (!choices.has(String(c.value))) choices.set(String(c.value), c.label);
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

/** A line of an indicator chart: the series itself or a dashed horizontal reference line. */
export interface LineDataset {
  label: string;
  data: Array<number | null>;
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
  /** One entry per label: the day (YYYY-MM-DD) it stands for. */
  dates: string[];
  labels: string[];
  datasets: LineDataset[];
}

const REFERENCE_COLOURS = { baseline: '#5b6b7a', target: '#3d7d4f' } as const;

/**
 * An indicator's series as one line (oldest first; a withheld value is a gap,
 * never 0) with its baseline and target as horizontal dashed lines across the
 * chart. The days of the baseline and the target widen the axis when they lie
 * before the first or after the last point, so that the way from the start
 * to the goal shows; a day within the series adds no label (it would break
 * the line).
 */
export function indicatorLines(
  indicator: { series: Array<{ date: string; value: number | null }>; baseline: { date: string; value: number } | null; target: { date: string; value: number } | null },
  options: { label: string; baselineLabel: string; targetLabel: string; day: (date: string) => string },
): IndicatorLines {
  const points = [...indicator.series].sort((a, b) => a.date.localeCompare(b.date));
  const before: string[] = [];
  const after: string[] = [];
  const first = points[0]?.date;
  const last = points.at(-1)?.date;
  for (const ref of [indicator.baseline, indicator.target]) {
    if (!ref) continue;
    if (first === undefined || last === undefined) {
      if (!before.includes(ref.date)) before.push(ref.date);
    } else if (ref.date < first) {
      if (!before.includes(ref.date)) before.push(ref.date);
    } else if (ref.date > last) {
      if (!after.includes(ref.date)) after.push(ref.date);
    }
  }
  before.sort();
  after.sort();
  const dates = [...before, ...points.map((p) => p.date), ...after];
  const values: Array<number | null> = [...before.map(() => null), ...points.map((p) => p.value), ...after.map(() => null)];
  const reference = (label: string, value: number, colour: string): LineDataset => ({
    label,
    data: dates.map(() => value),
    backgroundColor: colour,
    borderColor: colour,
    borderWidth: 2,
    borderDash: [6, 4],
    pointRadius: 0,
    fill: false,
  });
  const datasets: LineDataset[] = [
    { label: options.label, data: values, backgroundColor: colour(0), borderColor: colour(0), borderWidth: 3, pointRadius: 4, fill: false },
  ];
  if (indicator.baseline) datasets.push(reference(options.baselineLabel, indicator.baseline.value, REFERENCE_COLOURS.baseline));
  if (indicator.target) datasets.push(reference(options.targetLabel, indicator.target.value, REFERENCE_COLOURS.target));
  return { dates, labels: dates.map(options.day), datasets };
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
