import { useTranslation } from 'react-i18next';
import { PageHeading } from './PageHeading';
import { ErrorAlert } from './Status';

/** A whole page that could not load. */
export function PageError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('errors.title')} />
      <ErrorAlert error={error} />
    </>
  );
}
