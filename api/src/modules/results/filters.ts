/**
 * Results filters (`?where=…`): what a filter may name in a question, how
 * the text form is read against the wave's definition, and whether one
 * response passes. A filter names a choice: of a choice question itself
 * (`org:nonprofit`), or of one of its choice cells, as the question type
 * registry allows (`filter: 'cells'`):
 *
 * - matrix: `grid:row:column` — the column chosen in that row;
 * - matrixdropdown: `grid:row:column:value` — that cell's value (ticked, for checkbox cells);
 * - matrixdynamic: `grid:column:value` — that value in the column of any row;
 * - paneldynamic: `panels:question:value` — that answer (by the inner question's name) in any panel.
 *
 * Any row or any panel, because figures inside dynamic panels and matrices
 * count respondents who chose a value anywhere in them (figures.ts).
 */
import { BadRequestError, text } from '../../http/errors.js';
import { isObject, itemsOf, valueKey, type Json, type JsonObject } from '../questionnaires/definition-walk.js';
import { answerShapeOf, filterKindOf, NUMERIC_INPUT_TYPES } from '../questionnaires/question-types.js';
import {
  answerKey,
  answerQuestions,
  cellElement,
  matrixColumns,
  optionsOf,
  panelQuestions,
} from '../questionnaires/question-options.js';

/** A parsed filter: the answer key of a top-level question, the cell it names if any, and the value. */
export type Filter = { question: string; row?: Json; column?: string; value: Json };

/** One thing a filter may name inside a question: the question itself or one choice cell. */
export type FilterTarget = {
  row?: Json;
  column?: string;
  /** The cell as a choice question (its options give the values a filter may take). */
  element: JsonObject;
  /** The values this target holds in one answer to the question (several for dynamic rows and panels). */
  pick(answer: unknown): unknown[];
  /** The jsonb pattern, under the question's key, of an answer holding `leaf` here (arrays: any row or panel). */
  contain(leaf: Json): Json;
};

const field = (v: unknown, key: string): unknown => (isObject(v) ? (v as Record<string, unknown>)[key] : undefined);
const canFilterValue = (el: JsonObject) => filterKindOf(el) === 'value';

/** What a filter may name in a question, in the order of its rows and columns. */
export function filterTargets(q: JsonObject): FilterTarget[] {
  const kind = filterKindOf(q);
  if (kind === 'value') return [{ element: q, pick: (a) => [a], contain: (leaf) => leaf }];
  if (kind === 'none') return [];
  switch (String(q.type)) {
    case 'matrix':
      return itemsOf(q.rows).map((row) => {
        const r = String(row.value);
        return {
          row: row.value,
          element: { type: 'radiogroup', name: String(q.name), choices: q.columns ?? [] },
          pick: (a) => [field(a, r)],
          contain: (leaf) => ({ [r]: leaf }),
        };
      });
    case 'matrixdropdown': {
      const columns = matrixColumns(q).filter((c) => canFilterValue(cellElement(q, c)));
      return itemsOf(q.rows).flatMap((row) =>
        columns.map((c): FilterTarget => {
          const [r, col] = [String(row.value), String(c.name)];
          return {
            row: row.value,
            column: col,
            element: cellElement(q, c),
            pick: (a) => [field(field(a, r), col)],
            contain: (leaf) => ({ [r]: { [col]: leaf } }),
          };
        }),
      );
    }
    case 'matrixdynamic':
      return matrixColumns(q)
        .filter((c) => canFilterValue(cellElement(q, c)))
        .map((c) => {
          const col = String(c.name);
          return {
            column: col,
            element: cellElement(q, c),
            pick: (a) => (Array.isArray(a) ? a.map((r) => field(r, col)) : []),
            contain: (leaf) => [{ [col]: leaf }],
          };
        });
    case 'paneldynamic':
      return panelQuestions(q)
        .filter(canFilterValue)
        .map((inner) => {
          const k = answerKey(inner);
          return {
            column: String(inner.name),
            element: inner,
            pick: (a) => (Array.isArray(a) ? a.map((p) => field(p, k)) : []),
            contain: (leaf) => [{ [k]: leaf }],
          };
        });
    default:
      return [];
  }
}

/** The text form of a target's prefix: `question`, `question:row`, `question:row:column` or `question:column`. */
const prefixOf = (question: string, t: Pick<FilterTarget, 'row' | 'column'>) =>
  [question, ...(t.row !== undefined ? [String(t.row)] : []), ...(t.column !== undefined ? [t.column] : [])].join(':');

/** A parsed filter in its text form again (`question:row:column:value`). */
export const filterText = (f: Filter): string => `${prefixOf(f.question, f)}:${String(f.value)}`;

/** Whether one value held by a target matches the filter's value (for multi-value answers: ticked). */
export const matches = (held: unknown, value: Json): boolean => {
  const key = valueKey(value);
  if (Array.isArray(held)) return held.some((x) => valueKey(x as Json) === key);
  return held !== undefined && held !== null && valueKey(held as Json) === key;
};

/**
 * Reads `where` filters against the wave's definition, so that a value gets
 * the type the question stores (numbers, true/false or text). Names, rows and
 * columns may themselves hold colons: the longest known prefix wins.
 */
export function parseFilters(raw: string[], definition: JsonObject): Filter[] {
  const prefixes: Array<{ prefix: string; question: string; target: FilterTarget }> = [];
  const questions = answerQuestions(definition);
  for (const q of questions) {
    for (const target of filterTargets(q))
      prefixes.push({ prefix: `${prefixOf(answerKey(q), target)}:`, question: answerKey(q), target });
  }
  prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
  const questionNames = questions.map(answerKey);
  return raw.map((w) => {
    const hit = prefixes.find((p) => w.startsWith(p.prefix) && w.length > p.prefix.length);
    if (!hit) {
      // Segments are defined by choices; a filter on free text could single out one respondent.
      const named = questionNames.filter((n) => w.startsWith(`${n}:`)).sort((a, b) => b.length - a.length)[0];
      throw new BadRequestError(
        'invalid_filter',
        named === undefined
          ? text(
              `The filter "${w}" must be question:value with a choice question of this wave.`,
              `Der Filter „${w}“ muss Frage:Wert mit einer Auswahlfrage dieser Welle sein.`,
            )
          : text(
              `The filter "${w}" must name a choice of "${named}": question:value, or for matrices and dynamic panels question:row:value, question:row:column:value or question:column:value with a choice column.`,
              `Der Filter „${w}“ muss eine Auswahl von „${named}“ nennen: Frage:Wert, bei Matrizen und dynamischen Abschnitten Frage:Zeile:Wert, Frage:Zeile:Spalte:Wert oder Frage:Spalte:Wert mit einer Auswahlspalte.`,
            ),
      );
    }
    const valueText = w.slice(hit.prefix.length);
    const el = hit.target.element;
    const match = optionsOf(el).find((o) => String(o.value) === valueText)?.value;
    const numeric = el.type === 'rating' || NUMERIC_INPUT_TYPES.has(String(el.inputType ?? ''));
    const value: Json =
      match !== undefined ? match : numeric && Number.isFinite(Number(valueText)) ? Number(valueText) : valueText;
    return {
      question: hit.question,
      ...(hit.target.row !== undefined && { row: hit.target.row }),
      ...(hit.target.column !== undefined && { column: hit.target.column }),
      value,
    };
  });
}

/** The target a parsed filter names in its question. */
export function targetOf(q: JsonObject, filter: Filter): FilterTarget | undefined {
  return filterTargets(q).find(
    (t) => valueKey(t.row ?? null) === valueKey(filter.row ?? null) && (t.column ?? null) === (filter.column ?? null),
  );
}

/** A test of one response's answers against a set of filters (AND), compiled once per call. */
export function compileFilters(
  definition: JsonObject,
  filters: Filter[],
): (answers: Record<string, unknown>) => boolean {
  const byKey = new Map(answerQuestions(definition).map((q) => [answerKey(q), q]));
  const tests = filters.map((f) => {
    const q = byKey.get(f.question);
    const target = q ? targetOf(q, f) : undefined;
    return (answers: Record<string, unknown>) =>
      target !== undefined && target.pick(answers[f.question]).some((held) => matches(held, f.value));
  });
  return (answers) => tests.every((t) => t(answers));
}

/**
 * The same filter as a jsonb containment pattern (`data @> pattern`), for
 * queries in the database: arrays match when any element contains the
 * pattern's element, which is "any row" or "any panel".
 */
export function containmentOf(definition: JsonObject, filter: Filter): Json {
  const q = answerQuestions(definition).find((x) => answerKey(x) === filter.question);
  const target = q ? targetOf(q, filter) : undefined;
  if (!q || !target) return { [filter.question]: filter.value };
  // A multi-value answer contains the value as a one-element list.
  return {
    [filter.question]: target.contain(answerShapeOf(target.element) === 'multi' ? [filter.value] : filter.value),
  };
}
