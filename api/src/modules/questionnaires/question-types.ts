/**
 * The one home of what a SurveyJS question type means to Bilanz: one entry
 * per survey-core built-in type, giving the shape of its answer, whether it
 * has answer options, which figures the results show, how an export lays it
 * out, whether a results filter may name it, and which indicator measures
 * apply. The answer validator, the results engine, exports, indicators, the
 * report and (through the results API's `type`) the web's result views read
 * from here; no other file keeps a list of types.
 *
 * survey-core decides what a type is (`Serializer`): a type it does not
 * register (a third-party widget) is unknown here too.
 */
import { Serializer } from 'survey-core';
import type { Json, JsonObject } from './definition-walk.js';

/** How an answer is stored in a response's data. */
export type AnswerShape =
  /** Nothing (html, image, panels). */
  | 'none'
  /** A string (text, comment); `text` with a numeric input type stores a number. */
  | 'text'
  /** One of the options (radiogroup, dropdown, single imagepicker, button group). */
  | 'single'
  /** A list of distinct options (checkbox, tagbox, multi-select imagepicker). */
  | 'multi'
  /** The question's valueTrue / valueFalse. */
  | 'boolean'
  /** A value of the rating scale. */
  | 'rating'
  /** The options in the respondent's order. */
  | 'ranking'
  /** `{row: column}`. */
  | 'matrix'
  /** `{row: {column: cell}}`. */
  | 'matrixdropdown'
  /** `[{column: cell}]`. */
  | 'matrixdynamic'
  /** `[{question: answer}]`. */
  | 'paneldynamic'
  /** `{item: text or number}`. */
  | 'multipletext'
  /** A number, or `[from, to]` in range mode. */
  | 'slider'
  /** A list of `{name, type, content}` files. */
  | 'file'
  /** An image as a data URL. */
  | 'signature'
  /** Computed from other answers by the server (expression questions). */
  | 'computed';

/** Which figures the results show for a type (DESIGN §4, extended). */
export type FigureKind =
  /** n only (texts, files, computed values). */
  | 'count'
  /** `choices` with counts (and `other`). */
  | 'choices'
  /** `choices` over the scale plus `mean`. */
  | 'scale'
  /** `rows` with choices per row. */
  | 'matrix'
  /** `cells`: figures per row and column, by the cell's own type. */
  | 'cells'
  /** `panels` (how many were filled) and `inner` figures per inner question. */
  | 'panels'
  /** `items`: n per item, mean for numbers. */
  | 'items'
  /** `ranks`: mean rank per item. */
  | 'ranks'
  /** `distribution` and `mean` of numbers. */
  | 'numbers';

/** How a response export lays a question out. */
export type ExportKind = 'value' | 'ticks' | 'rows' | 'cells' | 'items' | 'panels' | 'joined' | 'json' | 'none';

export type IndicatorMeasure = 'share' | 'mean' | 'count';

export type QuestionType = {
  answer: AnswerShape;
  /** Whether its answers are options from a list (choices, scale values, rows × columns). */
  hasOptions: boolean;
  figures: FigureKind;
  export: ExportKind;
  /**
   * What a results filter may name: `value`, the answer itself
   * (`?where=name:value`); `cells`, one of its choice cells (a matrix row,
   * a dropdown matrix cell, a dynamic matrix column or a choice question of
   * a dynamic panel: `?where=name:row:value`, …); `none`, nothing.
   */
  filter: FilterKind;
  /** Whether a results filter may name it at all (`filter` is not `none`). */
  filterable: boolean;
  measures: IndicatorMeasure[];
};

export type FilterKind = 'value' | 'cells' | 'none';

const entry = (
  answer: AnswerShape,
  figures: FigureKind,
  exportKind: ExportKind,
  filter: FilterKind,
  measures: IndicatorMeasure[],
  hasOptions = filter !== 'none',
): QuestionType => ({
  answer,
  hasOptions,
  figures,
  export: exportKind,
  filter,
  filterable: filter !== 'none',
  measures,
});

/**
 * Every built-in question type of survey-core, and what it means. The count
 * measure (complete responses per wave) applies to every type.
 */
const TYPES: Record<string, QuestionType> = {
  text: entry('text', 'count', 'value', 'none', ['count']),
  comment: entry('text', 'count', 'value', 'none', ['count']),
  radiogroup: entry('single', 'choices', 'value', 'value', ['share', 'count']),
  dropdown: entry('single', 'choices', 'value', 'value', ['share', 'count']),
  buttongroup: entry('single', 'choices', 'value', 'value', ['share', 'count']),
  imagepicker: entry('single', 'choices', 'value', 'value', ['share', 'count']),
  checkbox: entry('multi', 'choices', 'ticks', 'value', ['share', 'count']),
  tagbox: entry('multi', 'choices', 'ticks', 'value', ['share', 'count']),
  boolean: entry('boolean', 'choices', 'value', 'value', ['share', 'count']),
  rating: entry('rating', 'scale', 'value', 'value', ['share', 'mean', 'count']),
  ranking: entry('ranking', 'ranks', 'joined', 'none', ['count'], true),
  matrix: entry('matrix', 'matrix', 'rows', 'cells', ['count'], true),
  matrixdropdown: entry('matrixdropdown', 'cells', 'cells', 'cells', ['count'], true),
  matrixdynamic: entry('matrixdynamic', 'cells', 'panels', 'cells', ['count'], true),
  paneldynamic: entry('paneldynamic', 'panels', 'panels', 'cells', ['count'], false),
  multipletext: entry('multipletext', 'items', 'items', 'none', ['count']),
  slider: entry('slider', 'numbers', 'value', 'none', ['mean', 'count']),
  expression: entry('computed', 'count', 'value', 'none', ['count']),
  file: entry('file', 'count', 'json', 'none', ['count']),
  signaturepad: entry('signature', 'count', 'none', 'none', ['count']),
  html: entry('none', 'count', 'none', 'none', []),
  image: entry('none', 'count', 'none', 'none', []),
  imagemap: entry('multi', 'choices', 'ticks', 'value', ['share', 'count']),
  empty: entry('none', 'count', 'none', 'none', []),
  panel: entry('none', 'count', 'none', 'none', []),
};

/** Types that hold elements instead of an answer. */
export const CONTAINER_TYPES: ReadonlySet<string> = new Set(['panel', 'flowpanel', 'page']);

/** Whether survey-core registers this type as a question or panel (a built-in, or a component registered by the app). */
export function isKnownType(type: string): boolean {
  return Serializer.isDescendantOf(type, 'question') || Serializer.isDescendantOf(type, 'panelbase');
}

/** The registry entry of a type, or undefined for a type Bilanz does not know. */
export function questionType(type: string): QuestionType | undefined {
  return Object.prototype.hasOwnProperty.call(TYPES, type) ? TYPES[type] : undefined;
}

/** The entry of a type, for a type that passed the definition rules. */
export function questionTypeOf(type: string): QuestionType {
  const t = questionType(type);
  if (!t) throw new Error(`unknown question type ${type}`);
  return t;
}

/** What clients are told of a question type (the results' `questionTypes`), so that they keep no list of their own. */
export type TypeDescription = Pick<QuestionType, 'filterable' | 'filter' | 'figures' | 'export'> & {
  openText: boolean;
};

/** The description of a type that holds answers, or undefined. */
export function describeType(type: string): TypeDescription | undefined {
  const entry = questionType(type);
  if (!entry || entry.answer === 'none') return undefined;
  return {
    filterable: entry.filterable,
    filter: entry.filter,
    openText: isOpenText(type),
    figures: entry.figures,
    export: entry.export,
  };
}

/** Types whose answers are free text that people read and code (open answers board, quotes in the report). */
export const isOpenText = (type: string): boolean => type === 'text' || type === 'comment';

/** Text input types whose answers are numbers, dates or times: nothing to read and code. */
const NOT_FREE_TEXT_INPUTS: ReadonlySet<string> = new Set([
  'number',
  'range',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
  'color',
]);

/** Whether one question's answers are free text to read and code: a comment box, or a text field that holds no number, date or time. */
export const isOpenTextQuestion = (el: JsonObject): boolean =>
  isOpenText(String(el.type)) && !NOT_FREE_TEXT_INPUTS.has(String(el.inputType ?? ''));

/** Whether an element of this type stores an answer. */
export const storesAnswer = (type: string): boolean => (questionType(type)?.answer ?? 'none') !== 'none';

/**
 * How one question's answer is shaped, taking its own settings into
 * account: a multi-select image picker stores a list, a range slider a pair,
 * a text field with a numeric input type a number.
 */
export function answerShapeOf(el: JsonObject): AnswerShape {
  const type = String(el.type);
  const shape = questionType(type)?.answer ?? 'none';
  if (type === 'imagepicker' && el.multiSelect === true) return 'multi';
  return shape;
}

/** Text input types whose answers are numbers. */
export const NUMERIC_INPUT_TYPES: ReadonlySet<string> = new Set(['number', 'range']);

/** Whether an answer is stored as a single value from a list (single-choice, boolean, rating). */
export const isSingleOption = (shape: AnswerShape) => shape === 'single' || shape === 'boolean' || shape === 'rating';

/** Which figures one question shows: its type's, except that a number field is averaged like a slider. */
export function figureKindOf(el: JsonObject): FigureKind {
  const type = String(el.type);
  if (type === 'text' && NUMERIC_INPUT_TYPES.has(String(el.inputType ?? ''))) return 'numbers';
  return questionType(type)?.figures ?? 'count';
}

/** What a results filter may name in a question with this definition element (its answer, its cells, or nothing). */
export const filterKindOf = (el: JsonObject): FilterKind => questionType(String(el.type))?.filter ?? 'none';

/** The indicator measures that apply to a question. */
export function measuresOf(el: JsonObject): IndicatorMeasure[] {
  const measures = questionType(String(el.type))?.measures ?? [];
  // A number field has a mean like a slider.
  return figureKindOf(el) === 'numbers' && !measures.includes('mean') ? ['mean', ...measures] : measures;
}

/** An empty answer in survey-core's sense: nothing, '', [] or {}. */
export const isEmptyAnswer = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

/** Values of the special items of choice questions, with survey-core's defaults. */
export const SPECIAL_ITEM_DEFAULTS: Record<'other' | 'none' | 'refused' | 'dontknow', Json> = {
  other: 'other',
  none: 'none',
  refused: 'refused',
  dontknow: 'dontknow',
};
