import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * The history entry the app was loaded on. Its page keeps the browser's own
 * focus order, so that the skip link stays the first stop for the keyboard.
 */
let entryOnLoad: string | undefined;

/**
 * The page's h1. Takes the focus after each navigation, so that screen
 * readers announce the new page, and names the browser tab after it.
 */
export function PageHeading({ title }: { title: string }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { pathname, key } = useLocation();

  useEffect(() => {
    entryOnLoad ??= key;
    if (key !== entryOnLoad) headingRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new page moves the focus; replacing the URL's fragment or query does not.
  }, [pathname]);

  useEffect(() => {
    document.title = t('shell.documentTitle', { page: title });
  }, [t, title]);

  return (
    <h1 ref={headingRef} tabIndex={-1}>
      {title}
    </h1>
  );
}
