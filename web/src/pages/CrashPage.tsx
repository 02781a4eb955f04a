import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';

/** Shown instead of the app when rendering fails; a full reload is the way out. */
export function CrashPage() {
  const { t } = useTranslation();
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageHeading title={t('errors.title')} />
      <p>{t('errors.crash')}</p>
      <p>
        <a href="/">{t('errors.reload')}</a>
      </p>
    </main>
  );
}
