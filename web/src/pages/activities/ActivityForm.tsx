import { useEffect, useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { requestProblems } from '../../api/activities';
import { activityTypes, type Activity, type ActivityBody, type ActivityType } from '../../api/types';
import { ErrorAlert } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { SelectField, TextAreaField, TextField } from '../../components/TextField';
import { useFieldErrors, type FieldErrors } from '../../components/useFieldErrors';

/** The fields that show their own message; a refused `type` cannot come from the select and goes to the alert. */
type Field = 'title' | 'date' | 'district' | 'topic' | 'note';
const fields: readonly Field[] = ['title', 'date', 'district', 'topic', 'note'];
const isField = (name: string): name is Field => (fields as readonly string[]).includes(name);

interface ActivityFormProps {
  /** The activity to edit; without it the form starts empty, dated today. */
  activity?: Activity;
  /** Districts already in the log, offered as suggestions so that one district keeps one spelling. */
  districts: string[];
  submitLabel: string;
  pending: boolean;
  /** The last failed save: a 400's fields are marked, anything else is shown as an alert. */
  error: unknown;
  onSubmit: (body: ActivityBody, form: HTMLFormElement) => void;
  /** Shows a cancel button (also Escape). */
  onCancel?: () => void;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Today in the user's time zone, as a `date` input's value. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Type, title, date, district, topic and note of one activity, for adding and for editing. */
export function ActivityForm({
  activity,
  districts,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: ActivityFormProps) {
  const { t } = useTranslation();
  const districtListId = useId();
  const { formRef, errors, check } = useFieldErrors<Field>();
  const problems = requestProblems(error);
  const allMarked =
    problems !== null && problems.length > 0 && problems.every((p) => isField(p.path.split('.')[0] ?? ''));

  // The server's verdict on fields the browser could not check (lengths): marked like the browser's own.
  useEffect(() => {
    if (!problems || problems.length === 0) return;
    const found: FieldErrors<Field> = {};
    for (const problem of problems) {
      const field = problem.path.split('.')[0] ?? '';
      if (isField(field)) found[field] = t(`activities.validation.${field}`);
    }
    check(found);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new error marks the fields again.
  }, [error]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const type = text('type');
    const body: ActivityBody = {
      type: (activityTypes as readonly string[]).includes(type) ? (type as ActivityType) : 'other',
      title: text('title'),
      date: text('date'),
      district: text('district') || null,
      topic: text('topic') || null,
      note: text('note') || null,
    };
    const valid = check({
      ...(body.title ? {} : { title: t('activities.validation.title') }),
      ...(body.date ? {} : { date: t('activities.validation.date') }),
    });
    if (valid) onSubmit(body, form);
  }

  return (
    // Escape in any of the form's fields cancels the edit.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onCancel) {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <div className="form-row">
        <SelectField
          label={t('activities.fields.type')}
          name="type"
          defaultValue={activity?.type ?? activityTypes[0]}
          options={activityTypes.map((type) => ({ value: type, label: t(`activities.types.${type}`) }))}
        />
        <TextField
          label={t('activities.fields.date')}
          error={errors.date}
          name="date"
          type="date"
          defaultValue={activity?.date ?? today()}
          required
        />
      </div>
      <TextField
        label={t('activities.fields.title')}
        error={errors.title}
        name="title"
        defaultValue={activity?.title ?? ''}
        required
        autoComplete="off"
      />
      <div className="form-row">
        <TextField
          label={t('activities.fields.district')}
          hint={t('activities.fields.districtHint')}
          error={errors.district}
          name="district"
          defaultValue={activity?.district ?? ''}
          list={districtListId}
          autoComplete="off"
        />
        <TextField
          label={t('activities.fields.topic')}
          hint={t('activities.fields.topicHint')}
          error={errors.topic}
          name="topic"
          defaultValue={activity?.topic ?? ''}
          autoComplete="off"
        />
      </div>
      <datalist id={districtListId}>
        {districts.map((district) => (
          <option key={district} value={district} />
        ))}
      </datalist>
      <TextAreaField
        label={t('activities.fields.note')}
        hint={t('activities.fields.noteHint')}
        error={errors.note}
        name="note"
        defaultValue={activity?.note ?? ''}
        rows={3}
      />
      {allMarked ? (
        <p role="alert" className="alert alert-error">
          {t('activities.validation.fixFields')}
        </p>
      ) : (
        <ErrorAlert error={error} />
      )}
      <div className="actions">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
