import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorFields } from '../../api/indicators';
import { ErrorAlert } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { useFieldErrors, type FieldErrors } from '../../components/useFieldErrors';
import { useCurrentWorkspace } from '../WorkspaceLayout';
import { fieldsOf, serverFieldErrors, validateForm, type Field, type FormState } from './indicator-form-state';
import { BasicsFields, ModelFields, ReferenceFields, SourceFields, type SectionProps } from './IndicatorFormSections';
import { IndicatorMethodHint } from './IndicatorMethodHint';
import { useSurveyQuestions } from './parts';

export interface IndicatorFormProps {
  initial: FormState;
  creating: boolean;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (key: string, fields: IndicatorFields) => void;
}

/** The form for a new indicator and for changing one: checks in the browser first, then shows what the server refuses by field. */
export function IndicatorForm({ initial, creating, pending, error, submitLabel, onSubmit }: IndicatorFormProps) {
  const { t } = useTranslation();
  const ws = useCurrentWorkspace().slug;
  const [state, setState] = useState<FormState>(initial);
  const { formRef, errors: clientErrors, check } = useFieldErrors<Field>();
  const [serverErrors, setServerErrors] = useState<FieldErrors<Field>>({});
  const set = <K extends keyof FormState>(name: K, value: FormState[K]) => setState((s) => ({ ...s, [name]: value }));

  // A refused request: its details go to the fields they name, and the focus to the first of them.
  useEffect(() => {
    if (error) setServerErrors(serverFieldErrors(error, state.sourceKind, t));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new error from the server is read again.
  }, [error]);
  useEffect(() => {
    if (Object.values(serverErrors).some(Boolean))
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [serverErrors, formRef]);

  const errors: FieldErrors<Field> = { ...serverErrors, ...clientErrors };
  const hasFieldErrors = Object.values(errors).some(Boolean);

  const survey = useSurveyQuestions(ws, state.sourceKind === 'survey' ? state.questionnaire : '');
  const question = survey.questions?.find((q) => q.name === state.question);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerErrors({});
    if (!check(validateForm(state, creating, question?.type, t))) return;
    onSubmit(state.key.trim(), fieldsOf(state));
  }

  const section: SectionProps = { state, errors, set, update: setState };
  return (
    <form ref={formRef} noValidate onSubmit={submit} className="indicator-form">
      <BasicsFields {...section} creating={creating} />
      <ModelFields {...section} />
      <ReferenceFields {...section} />
      <SourceFields {...section} survey={survey} />
      <IndicatorMethodHint fields={fieldsOf(state)} />

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
