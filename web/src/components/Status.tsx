import { Children, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../api/client';

/** The text to show for a failed request: the server's own (localised) message where there is one. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.message) return error.message;
  if (error instanceof NetworkError) return t('errors.network');
  return t('errors.unexpected');
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}

/** A failed request, announced at once. Renders nothing without an error. */
export function ErrorAlert({ error, id }: { error: unknown; id?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p role="alert" id={id} className="alert alert-error">
      {errorText(error, t)}
    </p>
  );
}

const hasContent = (children: ReactNode) => Children.toArray(children).some((child) => child !== '');

/** A short confirmation after a change. Always rendered so that screen readers pick up new text. */
export function SuccessStatus({ children }: { children?: ReactNode }) {
  return (
    <div role="status" className={hasContent(children) ? 'alert alert-success' : undefined}>
      {children}
    </div>
  );
}
