import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import type {
  ActivitiesSource,
  ActivityType,
  Direction,
  Indicator,
  IndicatorFields,
  IndicatorLevel,
  IndicatorSource,
  SurveyValue,
} from '../../api/indicators';
import type { FieldErrors } from '../../components/useFieldErrors';
import { parseNumber, type SurveyMeasure } from './model';

// The indicator form's state, its checks and what it sends: plain functions, no React.

const KEY_PATTERN = /^[a-z][a-z0-9-]{1,47}$/;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** `/w/:ws/indicators/new` is this form, so no indicator can live at that address. */
const RESERVED_KEYS = new Set(['new']);

export type SourceKind = IndicatorSource['kind'];
export interface FormState {
  key: string;
  name: string;
  description: string;
  unit: string;
  level: IndicatorLevel;
  /** '' for no step. */
  step: string;
  direction: Direction;
  baselineDate: string;
  baselineValue: string;
  targetDate: string;
  targetValue: string;
  sourceKind: SourceKind;
  questionnaire: string;
  question: string;
  measure: SurveyMeasure | '';
  values: SurveyValue[];
  activityType: ActivityType;
  activityMeasure: ActivitiesSource['measure'];
  field: NonNullable<ActivitiesSource['field']>;
  srsChapter: string;
}

export type Field = Exclude<keyof FormState, 'sourceKind'>;

const numberText = (v: number | undefined) => (v === undefined ? '' : String(v));
export function initialState(indicator?: Indicator): FormState {
  const source = indicator?.source ?? { kind: 'manual' };
  return {
    key: indicator?.key ?? '',
    name: indicator?.name ?? '',
    description: indicator?.description ?? '',
    unit: indicator?.unit ?? '',
    level: indicator?.level ?? 'output',
    step: indicator?.step ? String(indicator.step) : '',
    direction: indicator?.direction ?? 'up',
    baselineDate: indicator?.baseline?.date ?? '',
    baselineValue: numberText(indicator?.baseline?.value),
    targetDate: indicator?.target?.date ?? '',
    targetValue: numberText(indicator?.target?.value),
    sourceKind: source.kind,
    questionnaire: source.kind === 'survey' ? source.questionnaire : '',
    question: source.kind === 'survey' ? source.question : '',
    measure: source.kind === 'survey' ? source.measure : '',
    values: source.kind === 'survey' ? (source.values ?? []) : [],
    activityType: source.kind === 'activities' ? source.activityType : 'district_visit',
    activityMeasure: source.kind === 'activities' ? source.measure : 'count',
    field: source.kind === 'activities' && source.field ? source.field : 'district',
    srsChapter: indicator?.srsChapter ?? '',
  };
}

/** Where a server detail (`path` of a 400, `field` of a 422) belongs in this form. */
function fieldOfPath(path: string, kind: SourceKind): Field | undefined {
  const clean = path.replace(/\.\d+$/, '');
  const direct: Record<string, Field> = {
    key: 'key',
    name: 'name',
    description: 'description',
    unit: 'unit',
    level: 'level',
    step: 'step',
    direction: 'direction',
    baseline: 'baselineValue',
    'baseline.date': 'baselineDate',
    'baseline.value': 'baselineValue',
    target: 'targetValue',
    'target.date': 'targetDate',
    'target.value': 'targetValue',
    srsChapter: 'srsChapter',
    'source.questionnaire': 'questionnaire',
    'source.question': 'question',
    'source.values': 'values',
    'source.activityType': 'activityType',
    'source.field': 'field',
  };
  if (clean === 'source.measure') return kind === 'activities' ? 'activityMeasure' : 'measure';
  return direct[clean];
}

/** Field errors from a refused request: 400 (invalid fields), 409 (key taken), 422 (step or survey source that does not fit). */
export function serverFieldErrors(error: unknown, kind: SourceKind, t: TFunction): FieldErrors<Field> {
  if (!(error instanceof ApiError)) return {};
  if (error.status === 409) return { key: error.message };
  const details = Array.isArray(error.details) ? (error.details as Array<{ path?: unknown; field?: unknown }>) : [];
  const out: FieldErrors<Field> = {};
  for (const detail of details) {
    const path = typeof detail.field === 'string' ? detail.field : typeof detail.path === 'string' ? detail.path : '';
    const field = fieldOfPath(path, kind);
    if (!field || out[field]) continue;
    if (error.code === 'invalid_indicator') {
      // The message in the details is English; the error's own is in the UI language.
      out[field] = error.message;
    } else if (field === 'key') {
      out[field] = t('indicators.validation.key');
    } else if (field === 'baselineDate' || field === 'targetDate') {
      out[field] = t('indicators.validation.date');
    } else if (field === 'baselineValue' || field === 'targetValue') {
      out[field] = t('indicators.validation.number');
    } else if (field === 'name') {
      out[field] = t('validation.required');
    } else {
      out[field] = t('indicators.validation.invalid');
    }
  }
  return out;
}

/** The checks the browser can make before sending; `questionType` is the type of the survey question picked. */
export function validateForm(
  state: FormState,
  creating: boolean,
  questionType: string | undefined,
  t: TFunction,
): FieldErrors<Field> {
  const found: FieldErrors<Field> = {};
  const key = state.key.trim();
  if (creating) {
    if (!KEY_PATTERN.test(key)) found.key = t('indicators.validation.key');
    else if (RESERVED_KEYS.has(key)) found.key = t('indicators.validation.keyReserved');
  }
  if (!state.name.trim()) found.name = t('validation.required');
  for (const ref of ['baseline', 'target'] as const) {
    const date = state[`${ref}Date`].trim();
    const value = state[`${ref}Value`].trim();
    if (!date && !value) continue;
    if (!DAY_PATTERN.test(date))
      found[`${ref}Date`] = date ? t('indicators.validation.date') : t('indicators.validation.both');
    if (parseNumber(value) === undefined)
      found[`${ref}Value`] = value ? t('indicators.validation.number') : t('indicators.validation.both');
  }
  if (state.sourceKind === 'survey') {
    if (!state.questionnaire) found.questionnaire = t('indicators.validation.pick');
    else if (!state.question) found.question = t('indicators.validation.pick');
    else if (!state.measure) found.measure = t('indicators.validation.pick');
    else if (state.measure === 'share' && questionType !== 'boolean' && state.values.length === 0)
      found.values = t('indicators.validation.values');
  }
  return found;
}

function sourceOf(state: FormState): IndicatorSource {
  if (state.sourceKind === 'manual') return { kind: 'manual' };
  if (state.sourceKind === 'activities') {
    return {
      kind: 'activities',
      activityType: state.activityType,
      measure: state.activityMeasure,
      ...(state.activityMeasure === 'distinct' && { field: state.field }),
    };
  }
  const measure = state.measure || 'count';
  return {
    kind: 'survey',
    questionnaire: state.questionnaire,
    question: state.question,
    measure,
    ...(measure === 'share' && state.values.length > 0 && { values: state.values }),
  };
}

/** What the form sends: trimmed texts, empty ones as null, the source for its kind. */
export function fieldsOf(state: FormState): IndicatorFields {
  const dated = (ref: 'baseline' | 'target') => {
    const date = state[`${ref}Date`].trim();
    const value = parseNumber(state[`${ref}Value`]);
    return date && value !== undefined ? { date, value } : null;
  };
  return {
    name: state.name.trim(),
    description: state.description.trim() || null,
    unit: state.unit.trim() || null,
    level: state.level,
    step: state.level === 'input' || !state.step ? null : Number(state.step),
    direction: state.direction,
    baseline: dated('baseline'),
    target: dated('target'),
    source: sourceOf(state),
    srsChapter: state.srsChapter.trim() || null,
  };
}
