/**
 * What a question's definition offers, as survey-core reads it: the options
 * of choice questions (special items included, labels in a language), the
 * columns of matrices as questions, the questions of a dynamic panel.
 * Pure helpers over definition elements, shared by the results, filters,
 * exports, indicators and the question catalogue.
 */
import 'survey-core/i18n';
import { surveyLocalization } from 'survey-core';
import { isObject, itemsOf, questionsOf, type Json, type JsonObject } from './definition-walk.js';
import { ratingScale } from './diff.js';
import { answerShapeOf, questionType, SPECIAL_ITEM_DEFAULTS } from './question-types.js';

/** An option of a choice question: its value and its localisable label. */
export type Option = { value: Json; text: Json | undefined };

const SPECIAL_OPTIONS: Array<
  [flag: string, legacy: string, valueProp: string, textProp: string, defaultValue: Json, textKey: string]
> = [
  ['showNoneItem', 'hasNone', 'noneItemValue', 'noneText', SPECIAL_ITEM_DEFAULTS.none, 'noneItemText'],
  ['showRefuseItem', '', 'refuseItemValue', 'refuseText', SPECIAL_ITEM_DEFAULTS.refused, 'refuseItemText'],
  ['showDontKnowItem', '', 'dontKnowItemValue', 'dontKnowText', SPECIAL_ITEM_DEFAULTS.dontknow, 'dontKnowItemText'],
];

/** A label in the locale: the definition's own text, else survey-core's built-in text in that language. */
const builtInText = (key: string, locale: string) =>
  surveyLocalization.getString(key, locale === 'default' ? surveyLocalization.defaultLocale : locale) as string;

/**
 * The options of a choice question in order (boolean and rating included),
 * with the none / refused / don't-know items it shows; "other" is counted
 * apart.
 */
export function optionsOf(q: JsonObject, locale = 'default'): Option[] {
  const type = String(q.type);
  if (type === 'boolean') {
    return [
      { value: q.valueTrue ?? true, text: q.labelTrue ?? builtInText('booleanCheckedLabel', locale) },
      { value: q.valueFalse ?? false, text: q.labelFalse ?? builtInText('booleanUncheckedLabel', locale) },
    ];
  }
  if (type === 'rating') return ratingScale(q).map((v) => ({ value: v, text: undefined }));
  const items: Option[] = itemsOf(q.choices);
  for (const [flag, legacy, valueProp, textProp, defaultValue, textKey] of SPECIAL_OPTIONS) {
    if (q[flag] === true || (legacy && q[legacy] === true)) {
      items.push({ value: q[valueProp] ?? defaultValue, text: q[textProp] ?? builtInText(textKey, locale) });
    }
  }
  return items;
}

/** The value stored for "other", when the question offers it. */
export const otherValueOf = (q: JsonObject): string | undefined =>
  q.showOtherItem === true || q.hasOther === true ? String(q.otherItemValue ?? SPECIAL_ITEM_DEFAULTS.other) : undefined;

/** The values a share of respondents may count: the options (special items included) and "other", with its label. */
export function shareOptions(q: JsonObject, locale = 'default'): Option[] {
  const other = otherValueOf(q);
  return [
    ...optionsOf(q, locale),
    ...(other !== undefined ? [{ value: other, text: q.otherText ?? builtInText('otherItemText', locale) }] : []),
  ];
}

/** The columns of a dropdown or dynamic matrix. */
export const matrixColumns = (q: JsonObject): JsonObject[] =>
  (Array.isArray(q.columns) ? q.columns : []).filter(isObject);

/** A matrix column as the question its cells are: its cell type (the matrix's when `default` or unset) and the matrix's choices unless it has its own. */
export function cellElement(q: JsonObject, column: JsonObject): JsonObject {
  const cellType = String(column.cellType ?? q.cellType ?? 'dropdown');
  const type = cellType === 'default' ? String(q.cellType ?? 'dropdown') : cellType;
  return {
    ...column,
    type,
    name: String(column.name),
    ...(column.choices === undefined && q.choices !== undefined && { choices: q.choices }),
  };
}

/** The questions inside a dynamic panel's template that hold answers, panels unwrapped. */
export const panelQuestions = (q: JsonObject): JsonObject[] =>
  innerQuestions((Array.isArray(q.templateElements) ? q.templateElements : []).filter(isObject));

function innerQuestions(elements: JsonObject[]): JsonObject[] {
  return elements.flatMap((e) =>
    e.type === 'panel'
      ? innerQuestions((Array.isArray(e.elements) ? e.elements : []).filter(isObject))
      : questionType(String(e.type))?.answer === 'none'
        ? []
        : [e],
  );
}

/** The questions of a definition that hold answers at the top level (not inside a dynamic panel). */
export const answerQuestions = (definition: JsonObject): JsonObject[] => {
  const refs = questionsOf(definition);
  const dynamic = new Set(refs.filter((r) => r.element.type === 'paneldynamic').map((r) => String(r.element.name)));
  const parentOf = new Map(refs.map((r) => [String(r.element.name), r.parent]));
  const nested = (parent: string | undefined): boolean =>
    parent !== undefined && (dynamic.has(parent) || nested(parentOf.get(parent)));
  return refs.filter((r) => !nested(r.parent) && answerShapeOf(r.element) !== 'none').map((r) => r.element);
};

/** The key a question's answer is stored under. */
export const answerKey = (q: JsonObject): string =>
  String(typeof q.valueName === 'string' && q.valueName !== '' ? q.valueName : q.name);
