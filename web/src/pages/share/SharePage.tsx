import { useEffect } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { usePublicShare } from '../../api/reports';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { ErrorAlert, Loading } from '../../components/Status';
import { ReportDocument } from '../report/ReportDocument';

/**
 * `/share/:token`: a report shared by link, for people without an account.
 * No login and no app navigation; the server sends aggregates only.
 */
export function SharePage() {
  const { t, i18n } = useTranslation();
  const token = useParams().token ?? '';
  const lang = i18n.resolvedLanguage === 'de' ? 'de' : 'en';
  const share = usePublicShare(token, lang);
  const title = share.data?.report.title;

  useEffect(() => {
    document.title = t('shell.documentTitle', { page: title ?? t('report.public.label') });
  }, [t, title]);

  return (
    <div className="share-layout">
      <header className="answer-header no-print">
        <span className="answer-brand">{t('shell.productName')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="share-page">
        {share.isPending ? (
          <Loading />
        ) : share.isError ? (
          <ShareProblem error={share.error} />
        ) : (
          <>
            <p className="share-note no-print">
              {t('report.public.readOnly', { name: share.data.workspace.name })}{' '}
              <button type="button" className="button-small" onClick={() => window.print()}>
                {t('report.print')}
              </button>
            </p>
            <ReportDocument content={share.data} level={1} />
          </>
        )}
      </main>
    </div>
  );
}

function ShareProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 410) {
    return (
      <div className="answer-message">
        <h1>{t('report.public.expiredTitle')}</h1>
        <p>{error.message || t('report.public.expiredText')}</p>
      </div>
    );
  }
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return (
      <div className="answer-message">
        <h1>{t('report.public.unknownTitle')}</h1>
        <p>{t('report.public.unknownText')}</p>
      </div>
    );
  }
  return (
    <div className="answer-message">
      <h1>{t('errors.title')}</h1>
      <ErrorAlert error={error} />
    </div>
  );
}
