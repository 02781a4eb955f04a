import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { csvProblems, useImportActivities } from '../../api/activities';
import { ApiError } from '../../api/client';
import { activityTypes } from '../../api/types';
import { ErrorAlert, SuccessStatus } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { TextAreaField, TextField } from '../../components/TextField';
import { useFieldErrors } from '../../components/useFieldErrors';

/**
 * A file's text: UTF-8 where it is valid, otherwise Windows-1252, the
 * encoding spreadsheet programs still use for CSV on German Windows.
 */
function decodeCsv(buffer: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

/** Imports an existing list of activities as CSV, pasted or read from a file; all rows or none. */
export function ImportActivitiesForm({ ws }: { ws: string }) {
  const { t } = useTranslation();
  const importCsv = useImportActivities(ws);
  const { formRef, errors, check } = useFieldErrors<'csv'>();
  const fileRef = useRef<HTMLInputElement>(null);
  const [csv, setCsv] = useState('');
  const [fileError, setFileError] = useState('');
  const [result, setResult] = useState('');

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    setFileError('');
    if (!file) return;
    try {
      setCsv(decodeCsv(await file.arrayBuffer()));
    } catch {
      setFileError(t('activities.import.fileUnreadable'));
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult('');
    if (!check(csv.trim() ? {} : { csv: t('activities.import.required') })) return;
    importCsv.mutate(csv, {
      onSuccess: ({ imported }) => {
        setResult(t('activities.import.imported', { count: imported }));
        setCsv('');
        if (fileRef.current) fileRef.current.value = '';
      },
    });
  }

  const problems = csvProblems(importCsv.error);

  return (
    <section aria-labelledby="import-activities-title" className="panel">
      <h2 id="import-activities-title">{t('activities.import.title')}</h2>
      <p className="muted">{t('activities.import.intro')}</p>
      <form ref={formRef} noValidate onSubmit={submit}>
        <TextAreaField
          label={t('activities.import.csv')}
          hint={t('activities.import.csvHint')}
          error={errors.csv}
          name="csv"
          className="input-code"
          rows={6}
          spellCheck={false}
          value={csv}
          onChange={(event) => setCsv(event.target.value)}
        />
        <TextField
          ref={fileRef}
          label={t('activities.import.file')}
          hint={t('activities.import.fileHint')}
          error={fileError || undefined}
          name="file"
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(event) => void readFile(event)}
        />
        <details className="activity-type-codes">
          <summary>{t('activities.import.typesTitle')}</summary>
          <ul>
            {activityTypes.map((type) => (
              <li key={type}>
                <code>{type}</code>: {t(`activities.types.${type}`)}
              </li>
            ))}
          </ul>
        </details>
        {problems && importCsv.error instanceof ApiError ? (
          <div className="alert alert-error" role="alert">
            <p>{importCsv.error.message}</p>
            {problems.length > 0 && (
              <ul>
                {problems.map((problem) => (
                  <li key={problem.line}>
                    <strong>{t('activities.import.line', { line: problem.line })}</strong>: {problem.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : (
          <ErrorAlert error={importCsv.error} />
        )}
        <SubmitButton pending={importCsv.isPending}>{t('activities.import.submit')}</SubmitButton>
      </form>
      <SuccessStatus>{result}</SuccessStatus>
    </section>
  );
}
