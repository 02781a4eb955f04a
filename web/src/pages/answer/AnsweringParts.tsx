import { useTranslation } from 'react-i18next';
import { NetworkError } from '../../api/client';
import type { AnswerLocale } from '../../api/public';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyField } from '../../components/CopyField';
import { ErrorAlert, Loading } from '../../components/Status';
import { paragraphs } from './texts';
import type { useInvitationExchange } from './useInvitationExchange';

/**
 * Before the first question: the questionnaire's description, the privacy
 * notice, the invitation being checked, and start (or continue, or start over
 * when answers were restored).
 */
export function AnswerIntro(props: {
  description: string;
  language: AnswerLocale;
  /** Whether the address asks to resume answers kept on the server. */
  resuming: boolean;
  remote: { isPending: boolean; error: unknown };
  restored: boolean;
  privacyNotice: string;
  invitation: ReturnType<typeof useInvitationExchange>;
  onStart: () => void;
  onStartOver: () => void;
}) {
  const { description, language, resuming, remote, restored, privacyNotice, invitation, onStart, onStartOver } = props;
  const { t } = useTranslation();
  return (
    <>
      {description &&
        paragraphs(description).map((p, i) => (
          <p key={i} className="answer-lead" lang={language}>
            {p}
          </p>
        ))}
      {resuming && remote.isPending ? (
        <Loading />
      ) : (
        <>
          <ErrorAlert error={remote.error} />
          {restored && <p className="note">{t('answer.restored')}</p>}
          <section className="answer-notice" aria-labelledby="answer-privacy-title">
            <h2 id="answer-privacy-title">{t('answer.privacyTitle')}</h2>
            {paragraphs(privacyNotice).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </section>
          {invitation.isFetching && <p className="muted">{t('answer.invitation.checking')}</p>}
          <ErrorAlert error={invitation.error} />
          {invitation.error instanceof NetworkError && !invitation.isFetching && (
            <button type="button" onClick={() => void invitation.refetch()}>
              {t('answer.retry')}
            </button>
          )}
          <div className="answer-start">
            <button
              type="button"
              className="button-primary"
              disabled={invitation.isFetching || invitation.isError}
              onClick={onStart}
            >
              {restored ? t('answer.continue') : t('answer.start')}
            </button>
            {restored && (
              <ConfirmButton
                label={t('answer.startOver')}
                question={t('answer.startOverQuestion')}
                confirmLabel={t('answer.startOverConfirm')}
                pending={false}
                onConfirm={onStartOver}
              />
            )}
          </div>
        </>
      )}
    </>
  );
}

/** The link to continue on another device, once the server holds the answers. */
export function ResumeLink({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <details className="answer-resume">
      <summary>{t('answer.resume.title')}</summary>
      <p>{t('answer.resume.intro')}</p>
      <p className="answer-resume-warning">{t('answer.resume.warning')}</p>
      <CopyField label={t('answer.resume.label')} value={url} />
    </details>
  );
}
