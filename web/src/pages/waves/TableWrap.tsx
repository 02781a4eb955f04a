import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A table that may be wider than a phone: it scrolls sideways and can be
 * focused, so that keyboard users can scroll it too.
 */
export function TableWrap({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('results.table.region', { title })}>
      {children}
    </div>
  );
}
