import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A form's submit button that says so while the request is running. */
export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <button type="submit" className="button-primary" disabled={pending}>
      {pending ? t('common.pleaseWait') : children}
    </button>
  );
}
