/**
 * Figures of one wave's complete responses, per question, as DESIGN §4
 * "Results" describes them. Pure: definition and answers in, figures out;
 * suppression is applied afterwards (suppression.ts).
 */
import { itemsOf, labelIn, questionsOf, valueKey, type Json, type JsonObject } from '../questionnaires/definition-walk.js';
import { ratingScale } from '../questionnaires/diff.js';

export type Cell = { value: Json; label: string; count: number | null };
export type QuestionFigures = {
  name: string;
  type: string;
  title: string;
  n: number | null;
  suppressed: boolean;
  choices?: Cell[];
  /** Open questions: how many answers carry each code of the codebook. */
  codes?: Cell[];
  other?: number | null;
  mean?: number | null;
  rows?: Array<{ value: Json; label: string; choices: Cell[]; mean?: number | null; n: number | null; suppressed: boolean }>;
};

const CHOICE_TYPES = new Set(['radiogroup', 'dropdown', 'checkbox', 'tagbox', 'boolean']);
/** Types whose answers are one value each: their cells add up to n. */
export const SINGLE_CHOICE_TYPES = new Set(['radiogroup', 'dropdown', 'boolean', 'rating']);


const isAnswered = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** Counts per question over the given answers (complete responses, already filtered). */
export function aggregate(definition: JsonObject, answers: Array<Record<string, unknown>>, locale: string): QuestionFigures[] {
  const out: QuestionFigures[] = [];
  for (const { element: q } of questionsOf(definition)) {
    const name = String(q.name);
    const type = String(q.type);
    const title = labelIn(q.title, locale, name);
    const values = answers.map((a) => a[name]).filter(isAnswered);
    const base: QuestionFigures = { name, type, title, n: values.length, suppressed: false };

    if (CHOICE_TYPES.has(type) || type === 'rating') {
      const items =
        type === 'boolean'
          ? [
              { value: (q.valueTrue ?? true) as Json, text: q.labelTrue ?? { default: 'Ja', en: 'Yes' } },
              { value: (q.valueFalse ?? false) as Json, text: q.labelFalse ?? { default: 'Nein', en: 'No' } },
            ]
          : type === 'rating'
            ? ratingScale(q).map((v) => ({ value: v, text: undefined as Json | undefined }))
            : itemsOf(q.choices);
      const counts = new Map(items.map((i) => [valueKey(i.value), 0]));
      let other = 0;
      for (const v of values) {
        for (const one of Array.isArray(v) ? v : [v]) {
          const key = valueKey(one as Json);
          if (counts.has(key)) counts.set(key, counts.get(key)! + 1);
          else if (one === String(q.otherItemValue ?? 'other')) other++;
        }
      }
      base.choices = items.map((i) => ({ value: i.value, label: labelIn(i.text, locale, String(i.value)), count: counts.get(valueKey(i.value)) ?? 0 }));
      if (q.showOtherItem === true || q.hasOther === true) base.other = other;
      if (type === 'rating') {
        const numeric = values.filter((v): v is number => typeof v === 'number');
        base.mean = numeric.length > 0 ? numeric.reduce((s, v) => s + v, 0) / numeric.length : null;
      }
    } else if (type === 'matrix') {
      const columns = itemsOf(q.columns);
      const numericColumns = columns.every((c) => typeof c.value === 'number');
      base.rows = itemsOf(q.rows).map((row) => {
        const cells = values.map((v) => (v as Record<string, unknown>)[String(row.value)]).filter(isAnswered);
        const counts = new Map(columns.map((c) => [valueKey(c.value), 0]));
        for (const cell of cells) {
          const key = valueKey(cell as Json);
          if (counts.has(key)) counts.set(key, counts.get(key)! + 1);
        }
        return {
          value: row.value,
          label: labelIn(row.text, locale, String(row.value)),
          n: cells.length,
          suppressed: false,
          choices: columns.map((c) => ({ value: c.value, label: labelIn(c.text, locale, String(c.value)), count: counts.get(valueKey(c.value)) ?? 0 })),
          ...(numericColumns && { mean: cells.length > 0 ? (cells as number[]).reduce((s, v) => s + v, 0) / cells.length : null }),
        };
      });
    }
    out.push(base);
  }
  return out;
}

/** A `where` filter: answers to `question` equal `value` (for checkboxes and tagboxes: `value` ticked). */
export type Filter = { question: string; value: Json };

/** Whether one response passes every filter (AND). */
export function passes(answers: Record<string, unknown>, filters: Filter[]): boolean {
  return filters.every((f) => {
    const v = answers[f.question];
    if (Array.isArray(v)) return v.some((x) => valueKey(x as Json) === valueKey(f.value));
    return v !== undefined && valueKey(v as Json) === valueKey(f.value);
  });
}
