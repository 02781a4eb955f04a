import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useBallot, usePublicSession } from '../../api/sessions';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageHeading } from '../../components/PageHeading';
import { ErrorAlert, Loading } from '../../components/Status';
import { supportedLanguages } from '../../i18n';
import { ballotId } from './ballot-id';
import { VoteForm } from './VoteForm';
import '../sessions/sessions.css';

/** `/v/:key`: a participant's phone in a prioritisation session; no account, anonymous. */
export function VotePage() {
  const { t, i18n } = useTranslation();
  const { key = '' } = useParams();
  const [params] = useSearchParams();
  const lang = params.get('lang');
  const [ballot] = useState(() => ballotId(key));
  const session = usePublicSession(key);
  const votes = useBallot(key, ballot);

  // A link can carry the room's language (`?lang=de`); otherwise the browser's.
  useEffect(() => {
    if (lang && (supportedLanguages as readonly string[]).includes(lang)) void i18n.changeLanguage(lang);
  }, [lang, i18n]);

  const unknown = session.error instanceof ApiError && [400, 404].includes(session.error.status);
  return (
    <div className="answer-layout vote-layout">
      <header className="answer-header">
        <span className="answer-brand">{t('shell.productName')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="answer-page vote-page">
        {session.isPending || (session.data && votes.isPending) ? (
          <Loading />
        ) : unknown ? (
          <>
            <PageHeading title={t('vote.unknownTitle')} />
            <p>{t('vote.unknownText')}</p>
          </>
        ) : session.isError || votes.isError ? (
          <>
            <PageHeading title={t('vote.title')} />
            <ErrorAlert error={session.error ?? votes.error} />
          </>
        ) : (
          <VoteForm
            sessionKey={key}
            ballot={ballot}
            session={session.data}
            stored={votes.data?.votes ?? {}}
            onClosed={() => void session.refetch()}
          />
        )}
      </main>
    </div>
  );
}
