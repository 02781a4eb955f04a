import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { PageHeading } from './PageHeading';
import { ErrorAlert } from './Status';

/**
 * A whole page that could not load. An answer with one of `notFoundStatuses`
 * means there is no such thing here (404; for ids the API cannot even parse,
 * 400): the page says so, with `notFound` or the generic "not found" text,
 * instead of showing an error. Without statuses every failure is an error.
 */
export function PageError({
  error,
  notFoundStatuses = [],
  notFound,
}: {
  error: unknown;
  notFoundStatuses?: readonly number[];
  notFound?: ReactNode;
}) {
  const { t } = useTranslation();
  if (error instanceof ApiError && notFoundStatuses.includes(error.status)) {
    return (
      notFound ?? (
        <>
          <PageHeading title={t('notFound.title')} />
          <p>{t('notFound.text')}</p>
        </>
      )
    );
  }
  return (
    <>
      <PageHeading title={t('errors.title')} />
      <ErrorAlert error={error} />
    </>
  );
}

/** No such thing, or an id that cannot exist: both look the same to the user. */
export const MISSING = [404, 400] as const;
