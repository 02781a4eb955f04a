import { useEffect, useId, useState, type FormEvent, type ReactNode, type SelectHTMLAttributes } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import {
  indicatorLevels,
  useCreateIndicator,
  useIndicator,
  useUpdateIndicator,
  type ActivitiesSource,
  type ActivityType,
  type Direction,
  type Indicator,
  type IndicatorFields,
  type IndicatorLevel,
  type IndicatorSource,
  type SurveyValue,
} from '../../api/indicators';
import { activityTypes } from '../../api/types';
import { MISSING, PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { ErrorAlert, Loading } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { TextAreaField, TextField } from '../../components/TextField';
import { useFieldErrors, type FieldErrors } from '../../components/useFieldErrors';
import { useCurrentWorkspace } from '../WorkspaceLayout';
import { RadioGroup } from '../waves/RadioGroup';
import { parseNumber, sameValue, stepsOf, type SurveyMeasure } from './model';
import { useStepLabel, useSurveyQuestions } from './parts';

const KEY_PATTERN = /^[a-z][a-z0-9-]{1,47}$/;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** `/w/:ws/indicators/new` is this form, so no indicator can live at that address. */
const RESERVED_KEYS = new Set(['new']);

type SourceKind = IndicatorSource['kind'];

interface FormState {
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

type Field = Exclude<keyof FormState, 'sourceKind'>;

const numberText = (v: number | undefined) => (v === undefined ? '' : String(v));

function initialState(indicator?: Indicator): FormState {
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
function serverFieldErrors(error: unknown, kind: SourceKind, t: TFunction): FieldErrors<Field> {
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

/** `/w/:ws/indicators/new`: a new indicator (organisers). */
export function NewIndicatorPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const navigate = useNavigate();
  const create = useCreateIndicator(workspace.slug);
  const ws = workspace.slug;
  return (
    <>
      <p className="back-link">
        <Link to={`/w/${ws}/indicators`}>{t('indicators.detail.back')}</Link>
      </p>
      <PageHeading title={t('indicators.form.createTitle')} />
      {workspace.role !== 'organiser' ? (
        <p className="muted">{t('indicators.readOnly')}</p>
      ) : (
        <IndicatorForm
          initial={initialState()}
          creating
          pending={create.isPending}
          error={create.error}
          submitLabel={t('indicators.form.submitCreate')}
          onSubmit={(key, fields) =>
            create.mutate({ key, ...fields }, { onSuccess: (ind) => void navigate(`/w/${ws}/indicators/${ind.key}`) })
          }
        />
      )}
    </>
  );
}

/** `/w/:ws/indicators/:key/edit`: changes everything but the key (organisers). */
export function EditIndicatorPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const ws = workspace.slug;
  const key = useParams().key ?? '';
  const query = useIndicator(ws, key);
  const back = (
    <p className="back-link">
      <Link to={`/w/${ws}/indicators/${key}`}>{t('indicators.form.back')}</Link>
    </p>
  );
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        {back}
        <PageError error={query.error} notFoundStatuses={MISSING} />
      </>
    );
  }
  return (
    <>
      {back}
      <PageHeading title={t('indicators.form.editTitle', { name: query.data.name })} />
      {workspace.role !== 'organiser' ? (
        <p className="muted">{t('indicators.readOnly')}</p>
      ) : (
        <EditForm indicator={query.data} />
      )}
    </>
  );
}

function EditForm({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const ws = useCurrentWorkspace().slug;
  const navigate = useNavigate();
  const update = useUpdateIndicator(ws, indicator.key);
  return (
    <IndicatorForm
      initial={initialState(indicator)}
      creating={false}
      pending={update.isPending}
      error={update.error}
      submitLabel={t('indicators.form.submitSave')}
      onSubmit={(_key, fields) =>
        update.mutate(fields, { onSuccess: () => void navigate(`/w/${ws}/indicators/${indicator.key}`) })
      }
    />
  );
}

interface IndicatorFormProps {
  initial: FormState;
  creating: boolean;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (key: string, fields: IndicatorFields) => void;
}

function IndicatorForm({ initial, creating, pending, error, submitLabel, onSubmit }: IndicatorFormProps) {
  const { t } = useTranslation();
  const ws = useCurrentWorkspace().slug;
  const stepLabel = useStepLabel();
  const [state, setState] = useState<FormState>(initial);
  const { formRef, errors: clientErrors, check } = useFieldErrors<Field>();
  const [serverErrors, setServerErrors] = useState<FieldErrors<Field>>({});
  const set = <K extends keyof FormState>(name: K, value: FormState[K]) => setState((s) => ({ ...s, [name]: value }));

  // A refused request: its details go to the fields they name, and the focus to the first of them.
  useEffect(() => {
    if (error) setServerErrors(serverFieldErrors(error, state.sourceKind, t));
  }, [error]);
  useEffect(() => {
    if (Object.values(serverErrors).some(Boolean))
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [serverErrors]);

  const errors: FieldErrors<Field> = { ...serverErrors, ...clientErrors };
  const hasFieldErrors = Object.values(errors).some(Boolean);

  const survey = useSurveyQuestions(ws, state.sourceKind === 'survey' ? state.questionnaire : '');
  const published = (survey.questionnaires.data?.questionnaires ?? []).filter((q) => q.latestVersion !== null);
  const question = survey.questions?.find((q) => q.name === state.question);

  function setLevel(level: IndicatorLevel) {
    setState((s) => ({ ...s, level, step: stepsOf(level).some((step) => String(step) === s.step) ? s.step : '' }));
  }

  function validate(): FieldErrors<Field> {
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
      else if (state.measure === 'share' && question?.type !== 'boolean' && state.values.length === 0)
        found.values = t('indicators.validation.values');
    }
    return found;
  }

  function buildSource(): IndicatorSource {
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

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerErrors({});
    if (!check(validate())) return;
    const dated = (ref: 'baseline' | 'target') => {
      const date = state[`${ref}Date`].trim();
      const value = parseNumber(state[`${ref}Value`]);
      return date && value !== undefined ? { date, value } : null;
    };
    const fields: IndicatorFields = {
      name: state.name.trim(),
      description: state.description.trim() || null,
      unit: state.unit.trim() || null,
      level: state.level,
      step: state.level === 'input' || !state.step ? null : Number(state.step),
      direction: state.direction,
      baseline: dated('baseline'),
      target: dated('target'),
      source: buildSource(),
      srsChapter: state.srsChapter.trim() || null,
    };
    onSubmit(state.key.trim(), fields);
  }

  const steps = stepsOf(state.level);
  return (
    <form ref={formRef} noValidate onSubmit={submit} className="indicator-form">
      <fieldset>
        <legend>{t('indicators.form.basics')}</legend>
        {creating ? (
          <TextField
            label={t('indicators.form.key')}
            hint={t('indicators.form.keyHint')}
            error={errors.key}
            name="key"
            value={state.key}
            onChange={(e) => set('key', e.target.value)}
            required
            maxLength={48}
            autoComplete="off"
            spellCheck={false}
            className="input-code"
          />
        ) : (
          <TextField label={t('indicators.form.key')} name="key" value={state.key} readOnly className="input-code" />
        )}
        <TextField
          label={t('indicators.form.name')}
          error={errors.name}
          name="name"
          value={state.name}
          onChange={(e) => set('name', e.target.value)}
          required
          maxLength={200}
        />
        <TextAreaField
          label={t('indicators.form.description')}
          hint={t('indicators.form.descriptionHint')}
          error={errors.description}
          name="description"
          value={state.description}
          onChange={(e) => set('description', e.target.value)}
          maxLength={2000}
          rows={3}
        />
        <div className="form-row">
          <TextField
            label={t('indicators.form.unit')}
            hint={t('indicators.form.unitHint')}
            error={errors.unit}
            name="unit"
            value={state.unit}
            onChange={(e) => set('unit', e.target.value)}
            maxLength={40}
          />
          <TextField
            label={t('indicators.form.srsChapter')}
            hint={t('indicators.form.srsChapterHint')}
            error={errors.srsChapter}
            name="srsChapter"
            value={state.srsChapter}
            onChange={(e) => set('srsChapter', e.target.value)}
            maxLength={80}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('indicators.form.model')}</legend>
        <div className="form-row">
          <Select
            label={t('indicators.form.level')}
            error={errors.level}
            name="level"
            value={state.level}
            onChange={(e) => setLevel(e.target.value as IndicatorLevel)}
          >
            {indicatorLevels.map((level) => (
              <option key={level} value={level}>
                {t(`indicators.levels.${level}`)}
              </option>
            ))}
          </Select>
          {steps.length === 0 ? (
            <div className="field">
              <p className="field-hint indicator-step-hint">{t('indicators.form.stepInputHint')}</p>
              {errors.step && <p className="field-error">{errors.step}</p>}
            </div>
          ) : (
            <Select
              label={t('indicators.form.step')}
              hint={t('indicators.form.stepHint')}
              error={errors.step}
              name="step"
              value={state.step}
              onChange={(e) => set('step', e.target.value)}
            >
              <option value="">{t('indicators.form.stepNone')}</option>
              {steps.map((step) => (
                <option key={step} value={String(step)}>
                  {t('indicators.detail.stepValue', { step, label: stepLabel(step) })}
                </option>
              ))}
            </Select>
          )}
        </div>
        <RadioGroup
          legend={t('indicators.form.direction')}
          name="direction"
          value={state.direction}
          onChange={(direction) => set('direction', direction)}
          options={[
            { value: 'up', label: t('indicators.direction.up') },
            { value: 'down', label: t('indicators.direction.down') },
          ]}
        />
      </fieldset>

      <fieldset>
        <legend>{t('indicators.form.reference')}</legend>
        <p className="field-hint">{t('indicators.form.referenceHint')}</p>
        {(['baseline', 'target'] as const).map((ref) => (
          <div key={ref} className="form-row">
            <TextField
              label={t(`indicators.form.${ref}Date`)}
              error={errors[`${ref}Date`]}
              name={`${ref}Date`}
              type="date"
              value={state[`${ref}Date`]}
              onChange={(e) => set(`${ref}Date`, e.target.value)}
            />
            <TextField
              label={t(`indicators.form.${ref}Value`)}
              error={errors[`${ref}Value`]}
              name={`${ref}Value`}
              inputMode="decimal"
              autoComplete="off"
              value={state[`${ref}Value`]}
              onChange={(e) => set(`${ref}Value`, e.target.value)}
            />
          </div>
        ))}
      </fieldset>

      <div className="indicator-source">
        <RadioGroup
          legend={t('indicators.form.source')}
          name="sourceKind"
          value={state.sourceKind}
          onChange={(kind) => set('sourceKind', kind)}
          options={(['manual', 'survey', 'activities'] as const).map((kind) => ({
            value: kind,
            label: t(`indicators.form.sourceKinds.${kind}`),
            hint: t(`indicators.form.sourceHints.${kind}`),
          }))}
        />

        {state.sourceKind === 'survey' && (
          <div className="source-picker">
            {survey.questionnaires.isPending && <Loading />}
            <ErrorAlert error={survey.questionnaires.error} />
            {survey.questionnaires.data && published.length === 0 ? (
              <p className="empty">{t('indicators.form.noQuestionnaires')}</p>
            ) : (
              <Select
                label={t('indicators.form.questionnaire')}
                error={errors.questionnaire}
                name="questionnaire"
                value={state.questionnaire}
                onChange={(e) =>
                  setState((s) => ({ ...s, questionnaire: e.target.value, question: '', measure: '', values: [] }))
                }
              >
                <option value="">{t('indicators.form.pickQuestionnaire')}</option>
                {published.map((q) => (
                  <option key={q.slug} value={q.slug}>
                    {q.title} ({q.slug})
                  </option>
                ))}
                {state.questionnaire && !published.some((q) => q.slug === state.questionnaire) && (
                  <option value={state.questionnaire}>{state.questionnaire}</option>
                )}
              </Select>
            )}
            {state.questionnaire && survey.version.isPending && (
              <p className="muted">{t('indicators.form.loadingQuestions')}</p>
            )}
            <ErrorAlert error={survey.version.error} />
            {state.questionnaire && survey.questions && (
              <Select
                label={t('indicators.form.question')}
                error={errors.question}
                name="question"
                value={state.question}
                onChange={(e) => {
                  const next = survey.questions?.find((q) => q.name === e.target.value);
                  setState((s) => ({ ...s, question: e.target.value, measure: next?.measures[0] ?? '', values: [] }));
                }}
              >
                <option value="">{t('indicators.form.pickQuestion')}</option>
                {survey.questions.map((q) => (
                  <option key={q.name} value={q.name}>
                    {q.title} ({q.name})
                  </option>
                ))}
                {state.question && !question && <option value={state.question}>{state.question}</option>}
              </Select>
            )}
            {question && (
              <Select
                label={t('indicators.form.measure')}
                error={errors.measure}
                name="measure"
                value={state.measure}
                onChange={(e) => set('measure', e.target.value as SurveyMeasure)}
              >
                {question.measures.map((m) => (
                  <option key={m} value={m}>
                    {t(`indicators.form.measures.${m}`)}
                  </option>
                ))}
              </Select>
            )}
            {question && state.measure === 'share' && (
              <ValueChecks
                legend={t('indicators.form.values')}
                hint={
                  question.type === 'boolean' ? t('indicators.form.valuesBooleanHint') : t('indicators.form.valuesHint')
                }
                error={errors.values}
                choices={question.choices}
                values={state.values}
                onChange={(values) => set('values', values)}
              />
            )}
          </div>
        )}

        {state.sourceKind === 'activities' && (
          <div className="source-picker form-row">
            <Select
              label={t('indicators.form.activityType')}
              error={errors.activityType}
              name="activityType"
              value={state.activityType}
              onChange={(e) => set('activityType', e.target.value as ActivityType)}
            >
              {activityTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`activities.types.${type}`)}
                </option>
              ))}
            </Select>
            <Select
              label={t('indicators.form.activityMeasure')}
              error={errors.activityMeasure}
              name="activityMeasure"
              value={state.activityMeasure}
              onChange={(e) => set('activityMeasure', e.target.value as ActivitiesSource['measure'])}
            >
              {(['count', 'distinct'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`indicators.form.activityMeasures.${m}`)}
                </option>
              ))}
            </Select>
            {state.activityMeasure === 'distinct' && (
              <Select
                label={t('indicators.form.field')}
                error={errors.field}
                name="field"
                value={state.field}
                onChange={(e) => set('field', e.target.value as FormState['field'])}
              >
                {(['district', 'topic'] as const).map((f) => (
                  <option key={f} value={f}>
                    {t(`indicators.form.fields.${f}`)}
                  </option>
                ))}
              </Select>
            )}
          </div>
        )}
      </div>

      {hasFieldErrors ? (
        <p className="alert alert-error" role="alert">
          {t('indicators.validation.fixFields')}
        </p>
      ) : (
        <ErrorAlert error={pending ? null : error} />
      )}
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </form>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
};

/** A select with label, hint and error tied to it, like TextField. */
function Select({ label, hint, error, children, ...select }: SelectProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <select {...select} id={id} aria-describedby={describedBy || undefined} aria-invalid={error ? true : undefined}>
        {children}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The choices of a question as checkboxes: which answers count toward the share. */
function ValueChecks(props: {
  legend: string;
  hint: string;
  error?: string;
  choices: Array<{ value: SurveyValue; label: string }>;
  values: SurveyValue[];
  onChange: (values: SurveyValue[]) => void;
}) {
  const { legend, hint, error, choices, values, onChange } = props;
  const id = useId();
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className="value-checks">
      <legend>{legend}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      {choices.map((choice, i) => {
        const checked = values.some((v) => sameValue(v, choice.value));
        return (
          <div key={JSON.stringify(choice.value)} className="field checkbox-field">
            <input
              type="checkbox"
              id={`${id}-${i}`}
              checked={checked}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              onChange={(e) =>
                onChange(
                  e.target.checked ? [...values, choice.value] : values.filter((v) => !sameValue(v, choice.value)),
                )
              }
            />
            <label htmlFor={`${id}-${i}`}>
              {choice.label}
              {choice.label !== String(choice.value) && (
                <>
                  {' '}
                  <code>{String(choice.value)}</code>
                </>
              )}
            </label>
          </div>
        );
      })}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
