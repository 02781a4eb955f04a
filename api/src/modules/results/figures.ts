/**
 * Figures of one question over the answers of a set of respondents, by what
 * the question type registry says the type shows. Pure: a definition element
 * and answers in, figures out (before suppression). The results engine uses
 * it for the types it does not keep in typed columns (dynamic panels and
 * matrices, dropdown matrices, multiple text, sliders, rankings), and
 * aggregate() for every type, as the reference the engine is tested against.
 *
 * Counting is per respondent throughout, so that suppression (which is about
 * people) applies to every figure: a choice inside a dynamic panel or matrix
 * counts the respondents who chose it in any of their panels or rows, as a
 * checkbox counts the respondents who ticked it.
 */
import { isObject, itemsOf, labelIn, valueKey, type Json, type JsonObject } from '../questionnaires/definition-walk.js';
import {
  cellElement,
  matrixColumns,
  optionsOf,
  otherValueOf,
  panelQuestions,
  type Option,
} from '../questionnaires/question-options.js';
import {
  answerShapeOf,
  figureKindOf,
  isEmptyAnswer,
  NUMERIC_INPUT_TYPES,
  questionType,
} from '../questionnaires/question-types.js';
import type { Cell, CellFigures, ItemFigures, QuestionFigures } from './results.schemas.js';

// The shapes are the API's (results.schemas.ts): one description for the engine, the reference and the response.
export type { Cell, CellFigures, ItemFigures, QuestionFigures };

const label = (text: Json | undefined, locale: string, fallback: string) => labelIn(text, locale, fallback);
const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((s, v) => s + v, 0) / xs.length : null);

/**
 * The answers of one question per respondent: `[]` for no answer, `[v]` for
 * one, several for answers repeated in dynamic panels or matrix rows.
 */
export type PerRespondent = unknown[][];

/** Figures of one question (by its definition element) over its answers per respondent, before suppression. */
export function figuresFor(q: JsonObject, answers: PerRespondent, locale: string): QuestionFigures {
  const name = String(q.name);
  const type = String(q.type);
  const title = label(q.title, locale, name);
  const given = answers.map((list) => list.filter((v) => !isEmptyAnswer(v)));
  const respondents = given.filter((list) => list.length > 0);
  const base: QuestionFigures = { name, type, title, n: respondents.length, suppressed: false };
  const shape = answerShapeOf(q);
  const entry = questionType(type);
  if (!entry) return base;
  const kind = figureKindOf(q);

  if (kind === 'choices' || kind === 'scale') {
    const options = optionsOf(q, locale);
    const counts = new Map(options.map((o) => [valueKey(o.value), 0]));
    const other = otherValueOf(q);
    const isOption = (k: string) => counts.has(k);
    let otherCount = 0;
    for (const list of respondents) {
      const chosen = new Set<string>();
      let choseOther = false;
      for (const answer of list) {
        for (const one of shape === 'multi' && Array.isArray(answer) ? answer : [answer]) {
          const k = valueKey(one as Json);
          if (isOption(k)) chosen.add(k);
          else if (other !== undefined) choseOther = true;
        }
      }
      for (const k of chosen) counts.set(k, counts.get(k)! + 1);
      if (choseOther) otherCount++;
    }
    base.choices = options.map((o) => ({
      value: o.value,
      label: label(o.text, locale, String(o.value)),
      count: counts.get(valueKey(o.value)) ?? 0,
    }));
    if (other !== undefined) base.other = otherCount;
    if (kind === 'scale') base.mean = mean(respondents.flat().filter((v): v is number => typeof v === 'number'));
    return base;
  }
  if (kind === 'matrix') {
    const columns = itemsOf(q.columns);
    const numericColumns = columns.length > 0 && columns.every((c) => typeof c.value === 'number');
    base.rows = itemsOf(q.rows).map((row) => {
      const cells = respondents.map((list) =>
        list.map((v) => (isObject(v as Json) ? (v as Record<string, unknown>)[String(row.value)] : undefined)),
      );
      const f = figuresFor({ type: 'radiogroup', name, choices: q.columns ?? [] }, cells, locale);
      const values = cells.flat().filter((v): v is number => typeof v === 'number');
      return {
        value: row.value,
        label: label(row.text, locale, String(row.value)),
        n: f.n,
        suppressed: false,
        choices: f.choices ?? [],
        ...(numericColumns && { mean: mean(values) }),
      };
    });
    return base;
  }
  if (kind === 'numbers') {
    // A slider: the mean, and how often each step was chosen when there are few steps.
    const numbers = respondents
      .flat()
      .flatMap((v): unknown[] => (Array.isArray(v) ? (v as unknown[]) : [v]))
      .filter((v): v is number => typeof v === 'number');
    base.mean = mean(numbers);
    const min = typeof q.min === 'number' ? q.min : 0;
    const max = typeof q.max === 'number' ? q.max : 100;
    const step = typeof q.step === 'number' && q.step > 0 ? q.step : 1;
    if (type === 'slider' && (max - min) / step <= 20 && !(q.sliderType === 'range')) {
      const options: Option[] = [];
      for (let v = min; v <= max + 1e-9; v += step) options.push({ value: Math.round(v * 1e6) / 1e6, text: undefined });
      base.choices = figuresFor(
        { type: 'radiogroup', name, choices: options.map((o) => o.value) },
        respondents,
        locale,
      ).choices!;
    }
    if (q.sliderType === 'range') {
      const pairs = respondents.flat().filter((v): v is [number, number] => Array.isArray(v) && v.length === 2);
      base.items = [
        { value: 'from', label: 'from', n: pairs.length, mean: mean(pairs.map((p) => p[0])) },
        { value: 'to', label: 'to', n: pairs.length, mean: mean(pairs.map((p) => p[1])) },
      ];
    }
    return base;
  }
  if (kind === 'ranks') {
    // Mean rank (1 = first) per item, over the respondents who ranked it.
    base.items = optionsOf({ ...q, type: 'checkbox' }, locale).map((o) => {
      const ranks: number[] = [];
      for (const list of respondents) {
        for (const answer of list) {
          if (!Array.isArray(answer)) continue;
          const at = answer.findIndex((v) => valueKey(v as Json) === valueKey(o.value));
          if (at >= 0) ranks.push(at + 1);
        }
      }
      return { value: o.value, label: label(o.text, locale, String(o.value)), n: ranks.length, mean: mean(ranks) };
    });
    return base;
  }
  if (kind === 'items') {
    base.items = (Array.isArray(q.items) ? q.items : []).filter(isObject).map((item) => {
      const itemName = String(item.name);
      const values = respondents.map((list) =>
        list
          .map((v) => (isObject(v as Json) ? (v as Record<string, unknown>)[itemName] : undefined))
          .filter((v) => !isEmptyAnswer(v)),
      );
      const numeric = NUMERIC_INPUT_TYPES.has(String(item.inputType ?? ''));
      return {
        value: itemName,
        label: label(item.title, locale, itemName),
        n: values.filter((l) => l.length > 0).length,
        ...(numeric && { mean: mean(values.flat().filter((v): v is number => typeof v === 'number')) }),
      };
    });
    return base;
  }
  if (kind === 'cells') {
    const columns = matrixColumns(q);
    const cellFigures = (row: { value: Json; text: Json | undefined } | null, column: JsonObject): CellFigures => {
      const el = cellElement(q, column);
      const perRespondent = respondents.map((list) =>
        list.flatMap((v) => {
          const rowValues = row
            ? [isObject(v) ? (v as Record<string, unknown>)[String(row.value)] : undefined]
            : Array.isArray(v)
              ? v
              : [];
          return rowValues.map((r) =>
            isObject(r as Json) ? (r as Record<string, unknown>)[String(column.name)] : undefined,
          );
        }),
      );
      const f = figuresFor(el, perRespondent, locale);
      return {
        row: row ? row.value : null,
        rowLabel: row ? label(row.text, locale, String(row.value)) : '',
        column: String(column.name),
        columnLabel: label(column.title, locale, String(column.name)),
        type: String(el.type),
        n: f.n,
        suppressed: false,
        ...(f.choices && { choices: f.choices }),
        ...(f.mean !== undefined && { mean: f.mean }),
        ...(f.other !== undefined && { other: f.other }),
      };
    };
    base.cells =
      type === 'matrixdropdown'
        ? itemsOf(q.rows).flatMap((row) => columns.map((c) => cellFigures(row, c)))
        : columns.map((c) => cellFigures(null, c));
    if (type === 'matrixdynamic') {
      const counts = respondents.map((list) => list.reduce<number>((s, v) => s + (Array.isArray(v) ? v.length : 0), 0));
      base.panels = { n: respondents.length, total: counts.reduce((s, v) => s + v, 0), mean: mean(counts) };
    }
    return base;
  }
  if (kind === 'panels') {
    const counts = respondents.map((list) => list.reduce<number>((s, v) => s + (Array.isArray(v) ? v.length : 0), 0));
    base.panels = { n: respondents.length, total: counts.reduce((s, v) => s + v, 0), mean: mean(counts) };
    base.inner = panelQuestions(q).map((inner) => {
      const innerName = String(inner.valueName ?? inner.name);
      const perRespondent = respondents.map((list) =>
        list.flatMap((v) =>
          Array.isArray(v)
            ? v.map((panel) => (isObject(panel as Json) ? (panel as Record<string, unknown>)[innerName] : undefined))
            : [],
        ),
      );
      return figuresFor(inner, perRespondent, locale);
    });
    return base;
  }
  return base;
}
