// Types straight from the API (house rule 5), and `.js` paths: the unit tests type-check this file as Node ESM.
import type { CatalogueQuestion, Direction, IndicatorLevel, IndicatorSource } from '../../api/types.js';
import type { Json } from '../../designer/json.js';

type SurveySource = Extract<IndicatorSource, { kind: 'survey' }>;
type SurveyValue = NonNullable<SurveySource['values']>[number];

// The impact model as plain data: the seven steps of the PHINEO
// Wirkungstreppe, their IOOI levels, trends and the questions a survey
// indicator may count. Pure functions, tested in tests/unit/indicator-model.test.ts.

export const STEPS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Step = (typeof STEPS)[number];

/** Steps 1–3 are output, 4–6 outcome, 7 impact; inputs stand on no step. */
export function levelOfStep(step: number): Exclude<IndicatorLevel, 'input'> {
  return step <= 3 ? 'output' : step <= 6 ? 'outcome' : 'impact';
}

/** The steps an indicator of this level may stand on. */
export const stepsOf = (level: IndicatorLevel): Step[] =>
  level === 'input' ? [] : STEPS.filter((s) => levelOfStep(s) === level);

export type Trend =
  | { kind: 'none' }
  | {
      kind: 'up' | 'down' | 'flat';
      /** Whether the change goes the wanted way; null when nothing changed. */
      good: boolean | null;
    };

/** The last two values that are numbers, compared; `direction` says which way is good. */
export function trendOf(series: ReadonlyArray<{ value: number | null }>, direction: Direction): Trend {
  const values = series.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length < 2) return { kind: 'none' };
  const [previous, last] = values.slice(-2) as [number, number];
  if (last === previous) return { kind: 'flat', good: null };
  const kind = last > previous ? 'up' : 'down';
  return { kind, good: kind === direction };
}

/** A number typed into a form: a German decimal comma is fine; undefined when it is no number. */
export function parseNumber(text: string): number | undefined {
  const clean = text.trim().replace(/\s/g, '').replace(',', '.');
  if (clean === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(clean)) return undefined;
  const value = Number(clean);
  return Number.isFinite(value) ? value : undefined;
}

export type SurveyMeasure = SurveySource['measure'];

/** One value a question offers, as the source picker lists it. */
export interface SurveyChoice {
  value: SurveyValue;
  label: string;
}

export interface SurveyQuestion {
  name: string;
  type: string;
  title: string;
  /** The values a share may count; empty for questions without choices. */
  choices: SurveyChoice[];
  /** The measures the API accepts for this question (the server's question type registry). */
  measures: SurveyMeasure[];
}

const isValue = (v: Json): v is SurveyValue => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * The questions an indicator may count, from the server's catalogue of a
 * version (…/versions/:version/questions): those with a measure, choices
 * whose values an indicator source can hold.
 */
export function surveyQuestions(catalogue: CatalogueQuestion[]): SurveyQuestion[] {
  return catalogue
    .filter((q) => q.measures.length > 0)
    .map((q) => ({
      name: q.name,
      type: q.type,
      title: q.title,
      choices: q.choices.flatMap((c) => (isValue(c.value) ? [{ value: c.value, label: c.label }] : [])),
      measures: q.measures,
    }));
}

/** Two survey values are the same when their JSON is (1 and '1' differ, as they do for the API). */
export const sameValue = (a: SurveyValue, b: SurveyValue) => JSON.stringify(a) === JSON.stringify(b);
