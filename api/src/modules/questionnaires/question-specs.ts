/**
 * A published definition read once through survey-core into plain question
 * specs: what each question stores, under which key, with which options,
 * limits and conditions. survey-core fills in its own defaults (generated
 * rating scales, special item values, matrix cell types, names of unnamed
 * elements), so nothing here guesses them. Building the Model costs
 * milliseconds, so this runs once per version; answers are then judged
 * against the specs with survey-core's expression runners only.
 */
import {
  ConditionRunner,
  Model,
  settings,
  type ItemValue,
  type MatrixDropdownColumn,
  type PanelModelBase,
  type Question,
  type QuestionMatrixDropdownModelBase,
  type SurveyModel,
} from 'survey-core';
import type { Json, JsonObject } from './definition-walk.js';
import {
  answerShapeOf,
  NUMERIC_INPUT_TYPES,
  questionType,
  SPECIAL_ITEM_DEFAULTS,
  type AnswerShape,
} from './question-types.js';

export type ItemSpec = { value: Json; visibleIf?: string; enableIf?: string };

/** Where a question's options come from when they are another question's (choicesFromQuestion). */
export type ChoicesFrom = { question: string; mode: 'all' | 'selected' | 'unselected'; valuesFrom?: string };

export type ConditionOwner = { visibleIf?: string; hidden: boolean };

export type QuestionSpec = {
  name: string;
  /** The key of its answer in the response data (`valueName`, else the name). */
  key: string;
  type: string;
  shape: AnswerShape;
  /** The question's own visibility (visibleIf wins over visible, as in survey-core). */
  visibleIf?: string;
  hidden: boolean;
  /** Panels and the page around it, innermost first. */
  containers: ConditionOwner[];
  /** The number of its page (0 for the first; inside matrices and dynamic panels, the page of the question around it is what counts). */
  page: number;
  enableIf?: string;
  requiredIf?: string;
  isRequired: boolean;
  readOnly: boolean;
  /** Options: choices, rating values, ranking items, matrix columns. */
  items: ItemSpec[];
  choicesVisibleIf?: string;
  choicesEnableIf?: string;
  choicesFrom?: ChoicesFrom;
  special: { other?: Json; none?: Json; refused?: Json; dontknow?: Json };
  /** Whether the "other" text goes to `<key>-Comment` (else it replaces the value). */
  storeOthersAsComment: boolean;
  /** The key of the comment or "other" text, when the question has one. */
  commentKey?: string;
  minSelected?: number;
  maxSelected?: number;
  /** Checkbox answers stored as objects: `[{<valuePropertyName>: value}]`. */
  valuePropertyName?: string;
  selectToRank: boolean;
  valueTrue: Json;
  valueFalse: Json;
  inputType: string;
  /** A text question that may hold a number: numeric or currency masks store numbers, expressions may set one. */
  numbersAllowed: boolean;
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  minValueExpression?: string;
  maxValueExpression?: string;
  /** Matrix rows (matrix, matrixdropdown). */
  rows: ItemSpec[];
  rowsVisibleIf?: string;
  columnsVisibleIf?: string;
  eachRowRequired: boolean;
  /** Cells of dropdown matrices, inner questions of dynamic panels, items of multiple text: each a spec keyed by its name. */
  inner: QuestionSpec[];
  minCount?: number;
  maxCount?: number;
  /** Rows of a dynamic matrix, panels of a dynamic panel, shown before anything is answered. */
  defaultCount: number;
  /** Slider: whether the answer is a [from, to] pair. */
  range: boolean;
  step?: number;
  allowMultiple: boolean;
  expression?: string;
  /**
   * For a read-only question: the expression its value always follows in the
   * browser (setValueExpression without setValueIf, or defaultValueExpression),
   * since nobody can change it by hand.
   */
  valueExpression?: string;
  /** The key survey-core stores a matrix's totals row under (`<key>-total`), when a column has a total. */
  totalsKey?: string;
  validators: JsonObject[];
};

export type SurveySpec = {
  questions: QuestionSpec[];
  /** Calculated values in order; those with includeIntoResult are stored with the answers. */
  calculatedValues: Array<{ name: string; expression: string; includeIntoResult: boolean }>;
  /** Keys triggers may write into the answers (setvalue, copyvalue, runexpression targets that are no variables). */
  triggerTargets: string[];
  clearInvisibleValues: string;
  /** survey-core's comment key suffix (`-Comment`). */
  commentSuffix: string;
  /** Complete and skip triggers: where they end the survey or jump, so that the pages not shown need no answers. */
  flow: FlowRule[];
};

/**
 * A complete or skip trigger as the respondent meets it: survey-core checks it
 * when leaving the first page that holds a question it names (`from`), and
 * then completes the survey, or jumps to the page of `gotoName` (`to`).
 */
export type FlowRule = { kind: 'complete' | 'skip'; condition: string; from: number; to?: number };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const itemSpec = (i: ItemValue): ItemSpec => ({
  value: i.value as Json,
  ...(str(i.visibleIf) && { visibleIf: i.visibleIf }),
  ...(str(i.enableIf) && { enableIf: i.enableIf }),
});

/** The JSON a survey-core object was read from, for properties it does not surface. */
const json = (q: { toJSON(): unknown }): JsonObject => q.toJSON() as JsonObject;

function ownVisibility(raw: JsonObject): ConditionOwner {
  const visibleIf = str(raw.visibleIf);
  // With a visibleIf, survey-core sets `visible` from the condition alone.
  return visibleIf ? { visibleIf, hidden: false } : { hidden: raw.visible === false };
}

function containersOf(q: Question): ConditionOwner[] {
  const out: ConditionOwner[] = [];
  for (let p = q.parent as PanelModelBase | null | undefined; p; p = p.parent as PanelModelBase | null | undefined) {
    out.push(ownVisibility(json(p)));
  }
  return out;
}

function specOf(
  q: Question,
  survey: SurveyModel,
  nested: boolean,
  triggerTargets: ReadonlySet<string> = new Set(),
): QuestionSpec {
  const raw = json(q);
  const type = q.getType();
  const shape = answerShapeOf({ ...raw, type });
  const anyQ = q as unknown as Record<string, unknown> & Question;
  const own = ownVisibility(raw);
  const hasOther = anyQ.showOtherItem === true;
  const special: QuestionSpec['special'] = {};
  const item = (key: string) => (anyQ[key] as ItemValue | undefined)?.value as Json | undefined;
  if (hasOther) special.other = item('otherItem') ?? SPECIAL_ITEM_DEFAULTS.other;
  if (anyQ.showNoneItem === true) special.none = item('noneItem') ?? SPECIAL_ITEM_DEFAULTS.none;
  if (anyQ.showRefuseItem === true) special.refused = item('refuseItem') ?? SPECIAL_ITEM_DEFAULTS.refused;
  if (anyQ.showDontKnowItem === true) special.dontknow = item('dontKnowItem') ?? SPECIAL_ITEM_DEFAULTS.dontknow;
  const storeOthers: unknown = anyQ.storeOthersAsComment;
  const storeOthersAsComment =
    storeOthers === 'default' || storeOthers === undefined
      ? survey.storeOthersAsComment !== false
      : storeOthers === true;
  const hasComment = anyQ.showCommentArea === true || anyQ.hasComment === true;
  const key = q.getValueName();

  let items: ItemSpec[] = [];
  let rows: ItemSpec[] = [];
  let inner: QuestionSpec[] = [];
  if (type === 'rating') {
    items = ((anyQ.visibleRateValues as ItemValue[] | undefined) ?? []).map(itemSpec);
  } else if (type === 'matrix') {
    items = ((anyQ.columns as ItemValue[] | undefined) ?? []).map(itemSpec);
    rows = ((anyQ.rows as ItemValue[] | undefined) ?? []).map(itemSpec);
  } else if (type === 'matrixdropdown' || type === 'matrixdynamic') {
    const matrix = q as unknown as QuestionMatrixDropdownModelBase;
    rows = type === 'matrixdropdown' ? ((anyQ.rows as ItemValue[] | undefined) ?? []).map(itemSpec) : [];
    inner = (matrix.columns as MatrixDropdownColumn[]).map((c) => columnSpec(c, survey));
  } else if (type === 'paneldynamic') {
    const template = (anyQ.template as PanelModelBase).questions;
    inner = template.map((t) => specOf(t, survey, true));
  } else if (type === 'multipletext') {
    inner = ((anyQ.items as Array<{ name: string; editor: Question }>) ?? []).map((i) => {
      const s = specOf(i.editor, survey, true);
      return { ...s, name: i.name, key: i.name };
    });
  } else if (Array.isArray(anyQ.choices)) {
    items = (anyQ.choices as ItemValue[]).map(itemSpec);
    // A dropdown may generate numeric choices from choicesMin…choicesMax.
    if (
      type === 'dropdown' &&
      items.length === 0 &&
      num(anyQ.choicesMax) !== undefined &&
      (anyQ.choicesMax as number) > (num(anyQ.choicesMin) ?? 0)
    ) {
      items = ((anyQ.visibleChoices as ItemValue[]) ?? []).map(itemSpec);
    }
  }
  const choicesFromQuestion = str(anyQ.choicesFromQuestion);
  const inputType = String(anyQ.inputType ?? 'text');
  const maxLength =
    typeof (anyQ as { getMaxLength?: () => number }).getMaxLength === 'function'
      ? (anyQ as unknown as { getMaxLength(): number }).getMaxLength()
      : -1;
  const minCount = num(type === 'paneldynamic' ? anyQ.minPanelCount : anyQ.minRowCount);
  const maxCount = num(type === 'paneldynamic' ? anyQ.maxPanelCount : anyQ.maxRowCount);
  const validators = Array.isArray(raw.validators)
    ? (raw.validators.filter((v) => typeof v === 'object' && v !== null && !Array.isArray(v)) as JsonObject[])
    : [];

  return {
    page: nested ? -1 : survey.pages.indexOf(q.page as unknown as (typeof survey.pages)[number]),
    name: q.name,
    key,
    type,
    shape,
    ...(own.visibleIf && { visibleIf: own.visibleIf }),
    hidden: own.hidden,
    containers: nested ? [] : containersOf(q),
    ...(str(raw.enableIf) && { enableIf: raw.enableIf as string }),
    ...(str(raw.requiredIf) && { requiredIf: raw.requiredIf as string }),
    isRequired: raw.isRequired === true,
    readOnly: raw.readOnly === true,
    items,
    ...(str(anyQ.choicesVisibleIf) && { choicesVisibleIf: anyQ.choicesVisibleIf as string }),
    ...(str(anyQ.choicesEnableIf) && { choicesEnableIf: anyQ.choicesEnableIf as string }),
    ...(choicesFromQuestion && {
      choicesFrom: {
        question: choicesFromQuestion,
        mode: (['selected', 'unselected'].includes(String(anyQ.choicesFromQuestionMode))
          ? anyQ.choicesFromQuestionMode
          : 'all') as ChoicesFrom['mode'],
        ...(str(anyQ.choiceValuesFromQuestion) && { valuesFrom: anyQ.choiceValuesFromQuestion as string }),
      },
    }),
    special,
    storeOthersAsComment,
    ...((hasOther || hasComment) && { commentKey: `${key}${settings.commentSuffix}` }),
    ...(num(anyQ.minSelectedChoices) && { minSelected: anyQ.minSelectedChoices as number }),
    ...(num(anyQ.maxSelectedChoices) && { maxSelected: anyQ.maxSelectedChoices as number }),
    ...(str(anyQ.valuePropertyName) && { valuePropertyName: anyQ.valuePropertyName as string }),
    selectToRank: anyQ.selectToRankEnabled === true,
    valueTrue: type === 'boolean' ? ((q as unknown as { getValueTrue(): Json }).getValueTrue() ?? true) : true,
    valueFalse: type === 'boolean' ? ((q as unknown as { getValueFalse(): Json }).getValueFalse() ?? false) : false,
    inputType,
    numbersAllowed:
      ['numeric', 'currency'].includes(String(raw.maskType)) ||
      str(raw.defaultValueExpression) !== undefined ||
      str(raw.setValueExpression) !== undefined ||
      triggerTargets.has(key),
    ...(maxLength > 0 && { maxLength }),
    ...((num(raw.min) !== undefined || str(raw.min)) && { min: raw.min as number | string }),
    ...((num(raw.max) !== undefined || str(raw.max)) && { max: raw.max as number | string }),
    ...(str(raw.minValueExpression) && { minValueExpression: raw.minValueExpression as string }),
    ...(str(raw.maxValueExpression) && { maxValueExpression: raw.maxValueExpression as string }),
    rows,
    ...(str(anyQ.rowsVisibleIf) && { rowsVisibleIf: anyQ.rowsVisibleIf as string }),
    ...(str(anyQ.columnsVisibleIf) && { columnsVisibleIf: anyQ.columnsVisibleIf as string }),
    eachRowRequired: raw.isAllRowRequired === true || raw.eachRowRequired === true || raw.isAllRowsRequired === true,
    inner,
    ...(minCount !== undefined && minCount > 0 && { minCount }),
    ...(maxCount !== undefined && { maxCount }),
    defaultCount: num(type === 'paneldynamic' ? anyQ.panelCount : type === 'matrixdynamic' ? anyQ.rowCount : 0) ?? 0,
    range: type === 'slider' && anyQ.sliderType === 'range',
    ...(type === 'slider' && { min: num(anyQ.min) ?? 0, max: num(anyQ.max) ?? 100, step: num(anyQ.step) ?? 1 }),
    ...(type === 'text' &&
      NUMERIC_INPUT_TYPES.has(inputType) &&
      num(anyQ.step) !== undefined && { step: anyQ.step as number }),
    allowMultiple: anyQ.allowMultiple === true,
    ...(type === 'expression' && str(anyQ.expression) && { expression: anyQ.expression as string }),
    ...(!nested && raw.readOnly === true && valueExpressionOf(raw) && { valueExpression: valueExpressionOf(raw) }),
    ...(hasTotals(raw) && { totalsKey: `${key}${settings.matrix.totalsSuffix}` }),
    validators,
  };
}

/** Whether a matrix has a column with a total (survey-core then stores the totals row). */
const hasTotals = (raw: JsonObject): boolean =>
  Array.isArray(raw.columns) &&
  raw.columns.some(
    (c) =>
      typeof c === 'object' &&
      c !== null &&
      !Array.isArray(c) &&
      typeof c.totalType === 'string' &&
      c.totalType !== 'none',
  );

/** A matrix column as a question spec: its cell type's shape, its own choices or the matrix's. */
function columnSpec(c: MatrixDropdownColumn, survey: SurveyModel): QuestionSpec {
  const template = c.templateQuestion;
  const s = specOf(template, survey, true);
  const raw = json(c);
  const matrix = c.colOwner as unknown as { choices?: ItemValue[] } | null;
  const items =
    s.items.length === 0 && Array.isArray(matrix?.choices) && s.type !== 'rating'
      ? matrix.choices.map(itemSpec)
      : s.items;
  const own = ownVisibility(raw);
  return {
    ...s,
    name: c.name,
    key: c.name,
    items,
    ...(own.visibleIf && { visibleIf: own.visibleIf }),
    hidden: own.hidden,
    isRequired: raw.isRequired === true,
    ...(str(raw.requiredIf) && { requiredIf: raw.requiredIf as string }),
    ...(str(raw.enableIf) && { enableIf: raw.enableIf as string }),
    validators: Array.isArray(raw.validators) ? (raw.validators as JsonObject[]) : s.validators,
  };
}

/** The expression a question's value follows when nobody can change it by hand, if any. */
const valueExpressionOf = (raw: JsonObject): string | undefined =>
  str(raw.setValueExpression) !== undefined
    ? str(raw.setValueIf) === undefined
      ? str(raw.setValueExpression)
      : undefined
    : str(raw.defaultValueExpression);

/** The complete and skip triggers of a survey, with the pages they act on. */
function flowRules(model: SurveyModel, questions: QuestionSpec[]): FlowRule[] {
  const pageOfKey = new Map<string, number>();
  for (const q of questions) for (const k of [q.key, q.name]) if (!pageOfKey.has(k)) pageOfKey.set(k, q.page);
  return model.triggers.flatMap((t): FlowRule[] => {
    const kind = t.getType() === 'completetrigger' ? 'complete' : t.getType() === 'skiptrigger' ? 'skip' : undefined;
    // `expression`, or the legacy name / operator / value, which survey-core turns into one.
    const condition = str(t.expression);
    if (!kind || !condition) return [];
    // A variable may name a part (`matrix.row`, `panel[0].q`): its question's key comes first.
    const pages = new ConditionRunner(condition).getVariables().flatMap((v) => {
      const page = pageOfKey.get(v) ?? pageOfKey.get(v.split(/[.[]/)[0]!);
      return page === undefined || page < 0 ? [] : [page];
    });
    // A trigger naming no question is checked on every page: the first is where it can act first.
    const from = pages.length > 0 ? Math.min(...pages) : 0;
    if (kind === 'complete') return [{ kind, condition, from }];
    const target = str((t as unknown as { gotoName?: string }).gotoName);
    const to = target === undefined ? undefined : pageOfKey.get(target);
    return to === undefined ? [] : [{ kind, condition, from, to }];
  });
}

/** Reads a definition through survey-core into specs (once per version). */
export function surveySpec(definition: JsonObject): SurveySpec {
  const model = new Model(definition);
  try {
    // Keys triggers write: any may hold a number; those that are no variables are stored with the answers.
    const writes = model.triggers.flatMap((t) => {
      const target = str((t as unknown as { setToName?: string }).setToName);
      return target ? [{ target, variable: (t as unknown as { isVariable?: boolean }).isVariable === true }] : [];
    });
    const targets = new Set(writes.map((w) => w.target));
    const questions = model
      .getAllQuestions(false, false, false)
      .filter((q) => questionType(q.getType())?.answer !== 'none' && questionType(q.getType()) !== undefined)
      .map((q) => specOf(q, model, false, targets));
    const calculatedValues = model.calculatedValues
      .filter((c) => str(c.name) && str(c.expression))
      .map((c) => ({ name: c.name, expression: c.expression, includeIntoResult: c.includeIntoResult === true }));
    const triggerTargets = writes.filter((w) => !w.variable).map((w) => w.target);
    return {
      questions,
      calculatedValues,
      triggerTargets,
      clearInvisibleValues: String(model.clearInvisibleValues ?? 'onComplete'),
      commentSuffix: settings.commentSuffix,
      flow: flowRules(model, questions),
    };
  } finally {
    model.dispose();
  }
}
