// Types straight from the API (house rule 5), and `.js` paths: the unit tests type-check this file as Node ESM.
import type { IndicatorLevel, IndicatorRow, IndicatorSource } from '../../../../api/src/db/tables.js';
import { allElements, nameOf, typeOf } from '../../designer/elements.js';
import { itemLabel, itemsOf, itemValue } from '../../designer/items.js';
import { isObject, type Json, type JsonObject } from '../../designer/json.js';
import { defaultLanguage, textFor } from '../../components/survey/locales.js';
import type { Lang } from '../../designer/text.js';

type Direction = IndicatorRow['direction'];
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
export const stepsOf = (level: IndicatorLevel): Step[] => (level === 'input' ? [] : STEPS.filter((s) => levelOfStep(s) === level));

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
  /** The measures the API accepts for this question type. */
  measures: SurveyMeasure[];
}

/** Question types whose answers can be counted as a share of respondents (as the API checks them). */
const SHARE_TYPES = new Set(['radiogroup', 'dropdown', 'checkbox', 'tagbox', 'boolean', 'rating']);
const LAYOUT_TYPES = new Set(['panel', 'paneldynamic', 'html', 'image', 'expression']);

export function measuresOf(type: string): SurveyMeasure[] {
  return [...(SHARE_TYPES.has(type) ? (['share'] as const) : []), ...(type === 'rating' ? (['mean'] as const) : []), 'count'];
}

const isValue = (v: Json): v is SurveyValue => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function ratingValues(q: JsonObject): Json[] {
  if (Array.isArray(q.rateValues)) return itemsOf(q.rateValues).map(itemValue);
  const min = typeof q.rateMin === 'number' ? q.rateMin : 1;
  const max = typeof q.rateMax === 'number' ? q.rateMax : 5;
  const step = typeof q.rateStep === 'number' && q.rateStep > 0 ? q.rateStep : 1;
  const out: number[] = [];
  for (let v = min; v <= max + 1e-9 && out.length <= 100; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/** A localised label in the UI language, else the definition's default language (`base`), else `fallback`. */
const labelIn = (value: Json | undefined, lang: Lang, base: string, fallback: string) => textFor(value, lang, base) || fallback;

/** The choices of one question, with labels in `lang` (else in the definition's default language, `base`). */
export function choicesOf(q: JsonObject, lang: Lang, base: string, words: { yes: string; no: string; other: string }): SurveyChoice[] {
  const type = typeOf(q);
  if (type === 'boolean') {
    const yes = (q.valueTrue ?? true) as Json;
    const no = (q.valueFalse ?? false) as Json;
    return [
      ...(isValue(yes) ? [{ value: yes, label: labelIn(q.labelTrue, lang, base, words.yes) }] : []),
      ...(isValue(no) ? [{ value: no, label: labelIn(q.labelFalse, lang, base, words.no) }] : []),
    ];
  }
  if (type === 'rating') {
    const items = Array.isArray(q.rateValues) ? itemsOf(q.rateValues) : ratingValues(q);
    return items.flatMap((item) => {
      const value = itemValue(item);
      return isValue(value) ? [{ value, label: labelIn(itemLabel(item), lang, base, String(value)) }] : [];
    });
  }
  if (!SHARE_TYPES.has(type)) return [];
  const choices = itemsOf(q.choices).flatMap((item) => {
    const value = itemValue(item);
    return isValue(value) ? [{ value, label: labelIn(itemLabel(item), lang, base, String(value)) }] : [];
  });
  if (q.showOtherItem === true || q.hasOther === true) {
    choices.push({ value: typeof q.otherItemValue === 'string' ? q.otherItemValue : 'other', label: labelIn(q.otherText, lang, base, words.other) });
  }
  return choices;
}

/** Every question of a definition (nested panels included), in document order. */
export function surveyQuestions(definition: JsonObject, lang: Lang, words: { yes: string; no: string; other: string }): SurveyQuestion[] {
  const base = defaultLanguage(definition);
  return allElements(definition)
    .map(({ element }) => element)
    .filter((el) => isObject(el) && nameOf(el) !== '' && typeOf(el) !== '' && !LAYOUT_TYPES.has(typeOf(el)))
    .map((el) => ({
      name: nameOf(el),
      type: typeOf(el),
      title: labelIn(el.title, lang, base, nameOf(el)),
      choices: choicesOf(el, lang, base, words),
      measures: measuresOf(typeOf(el)),
    }));
}

/** Two survey values are the same when their JSON is (1 and '1' differ, as they do for the API). */
export const sameValue = (a: SurveyValue, b: SurveyValue) => JSON.stringify(a) === JSON.stringify(b);
