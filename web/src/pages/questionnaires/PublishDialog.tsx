import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useDiff, usePublish } from '../../api/questionnaires';
import type { BreakingQuestion } from '../../api/types';
import { CheckboxField, TextAreaField } from '../../components/TextField';
import { ErrorAlert, Loading } from '../../components/Status';
import { DiffView } from './DiffView';
import { ProblemList } from './ProblemList';

interface PublishDialogProps {
  ws: string;
  slug: string;
  /** The newest published version, or null before the first. */
  latestVersion: number | null;
  titleOf: (name: string) => string | undefined;
  /** The language of the definition's `default` texts, to name the languages of changed texts. */
  baseLanguage: string;
  onClose: () => void;
  onPublished: (version: number) => void;
  onShowQuestion: (name: string) => void;
}

/**
 * A modal <dialog> that shows what publishing the saved draft changes and asks
 * for a change note. Breaking changes need an explicit confirmation. Escape
 * closes it; the focus returns to where it was.
 */
export function PublishDialog(props: PublishDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const publish = usePublish(props.ws, props.slug);
  const diff = useDiff(props.ws, props.slug, props.latestVersion, props.latestVersion === null ? null : 'draft');
  const [changeNote, setChangeNote] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const next = (props.latestVersion ?? 0) + 1;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    headingRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  const refusedAsBreaking = publish.error instanceof ApiError && publish.error.code === 'breaking_change';
  const breaking = diff.data?.breaking === true || refusedAsBreaking;
  const ready = props.latestVersion === null || diff.isSuccess;
  const canPublish = ready && (!breaking || confirmed) && !publish.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!canPublish) return;
    const note = changeNote.trim();
    publish.mutate(
      { ...(note ? { changeNote: note } : {}), ...(breaking ? { allowBreaking: true } : {}) },
      { onSuccess: ({ version }) => props.onPublished(version) },
    );
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        // Escape: let the parent unmount the dialog, which restores the focus.
        event.preventDefault();
        props.onClose();
      }}
    >
      <form onSubmit={submit} className="dialog-body">
        <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
          {t('designer.publishDialog.title', { version: next })}
        </h2>
        <p>{t('designer.publishDialog.intro', { version: next })}</p>
        {props.latestVersion === null ? (
          <p>{t('designer.publishDialog.first')}</p>
        ) : (
          <section aria-labelledby={`${id}-changes`}>
            <h3 id={`${id}-changes`}>{t('designer.publishDialog.changesSince', { version: props.latestVersion })}</h3>
            {diff.isPending && <Loading />}
            <ErrorAlert error={diff.error} />
            {diff.data && <DiffView diff={diff.data} baseLanguage={props.baseLanguage} titleOf={props.titleOf} />}
          </section>
        )}
        <TextAreaField
          label={t('designer.publishDialog.changeNote')}
          hint={t('designer.publishDialog.changeNoteHint')}
          rows={3}
          maxLength={2000}
          value={changeNote}
          onChange={(event) => setChangeNote(event.target.value)}
        />
        {breaking && (
          <div className="alert alert-warning">
            <p>{t('designer.publishDialog.breakingWarning')}</p>
            <CheckboxField
              label={t('designer.publishDialog.confirmBreaking')}
              checked={confirmed}
              onChange={(event) => setConfirmed(event.target.checked)}
            />
          </div>
        )}
        {publish.error instanceof ApiError && publish.error.code === 'invalid_definition' ? (
          <ProblemList error={publish.error} onShow={props.onShowQuestion} />
        ) : (
          <ErrorAlert error={publish.error} />
        )}
        {refusedAsBreaking && <BreakingDetails details={(publish.error as ApiError).details} />}
        <div className="dialog-actions">
          <button type="submit" className="button-primary" disabled={!canPublish}>
            {publish.isPending ? t('common.pleaseWait') : t('designer.publishDialog.submit', { version: next })}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('designer.publishDialog.close')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** The questions the server refused to break, with its reasons (which it gives in English). */
function BreakingDetails({ details }: { details: unknown }) {
  const questions = Array.isArray(details) ? (details as BreakingQuestion[]) : [];
  if (questions.length === 0) return null;
  return (
    <ul>
      {questions.map((q) => (
        <li key={q.question}>
          <code>{q.question}</code>: <span lang="en">{q.reasons.join('; ')}</span>
        </li>
      ))}
    </ul>
  );
}
