import { useTranslation } from 'react-i18next';
import { indicatorLevels, type ActivitiesSource, type ActivityType, type IndicatorLevel } from '../../api/indicators';
import { activityTypes } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/Status';
import { TextAreaField, TextField } from '../../components/TextField';
import type { FieldErrors } from '../../components/useFieldErrors';
import { RadioGroup } from '../waves/RadioGroup';
import type { Field, FormState } from './indicator-form-state';
import { Select, ValueChecks } from './IndicatorFormControls';
import { stepsOf, type SurveyMeasure } from './model';
import { useStepLabel, type useSurveyQuestions } from './parts';

// The indicator form's fieldsets. Each shows a part of the form's state and
// changes it through `set` (one field) or `update` (several at once).

export interface SectionProps {
  state: FormState;
  errors: FieldErrors<Field>;
  set: <K extends keyof FormState>(name: K, value: FormState[K]) => void;
  update: (change: (state: FormState) => FormState) => void;
}

/** Key, name, description, unit and SRS chapter; the key only while creating. */
export function BasicsFields({ state, errors, set, creating }: SectionProps & { creating: boolean }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** Level, step on the Wirkungstreppe (none for inputs) and the good direction. */
export function ModelFields({ state, errors, set, update }: SectionProps) {
  const { t } = useTranslation();
  const stepLabel = useStepLabel();
  const steps = stepsOf(state.level);
  function setLevel(level: IndicatorLevel) {
    update((s) => ({ ...s, level, step: stepsOf(level).some((step) => String(step) === s.step) ? s.step : '' }));
  }
  return (
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
  );
}

/** Baseline and target, each a date with a value. */
export function ReferenceFields({ state, errors, set }: SectionProps) {
  const { t } = useTranslation();
  return (
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
  );
}

/** Where the values come from: entered by hand, a survey question, or the activity log. */
export function SourceFields(props: SectionProps & { survey: ReturnType<typeof useSurveyQuestions> }) {
  const { t } = useTranslation();
  const { state, set } = props;
  return (
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

      {state.sourceKind === 'survey' && <SurveySourcePicker {...props} />}
      {state.sourceKind === 'activities' && <ActivitiesSourcePicker {...props} />}
    </div>
  );
}

/** A published questionnaire, one of its questions, the measure and (for a share) the answers that count. */
function SurveySourcePicker({
  state,
  errors,
  set,
  update,
  survey,
}: SectionProps & { survey: ReturnType<typeof useSurveyQuestions> }) {
  const { t } = useTranslation();
  const published = (survey.questionnaires.data?.questionnaires ?? []).filter((q) => q.latestVersion !== null);
  const question = survey.questions?.find((q) => q.name === state.question);
  return (
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
            update((s) => ({ ...s, questionnaire: e.target.value, question: '', measure: '', values: [] }))
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
            update((s) => ({ ...s, question: e.target.value, measure: next?.measures[0] ?? '', values: [] }));
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
          hint={question.type === 'boolean' ? t('indicators.form.valuesBooleanHint') : t('indicators.form.valuesHint')}
          error={errors.values}
          choices={question.choices}
          values={state.values}
          onChange={(values) => set('values', values)}
        />
      )}
    </div>
  );
}

/** An activity type and what to count of it: activities, or distinct districts or topics. */
function ActivitiesSourcePicker({ state, errors, set }: SectionProps) {
  const { t } = useTranslation();
  return (
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
  );
}
