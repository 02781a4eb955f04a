import { useTranslation } from 'react-i18next';

/**
 * Previous and next page, with "page x of y" announced. The buttons are never
 * disabled (a disabled button drops the focus): at either end they say so
 * with aria-disabled and do nothing.
 */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const first = page <= 1;
  const last = page >= pages;
  return (
    <nav className="pager" aria-label={t('activities.pages.label')}>
      <button type="button" aria-disabled={first || undefined} onClick={() => !first && onPage(page - 1)}>
        {t('activities.pages.previous')}
      </button>
      <span role="status" className="pager-position">
        {t('activities.pages.position', { page, pages })}
      </span>
      <button type="button" aria-disabled={last || undefined} onClick={() => !last && onPage(page + 1)}>
        {t('activities.pages.next')}
      </button>
    </nav>
  );
}
