import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * While there are unsaved changes: the browser asks before closing or
 * reloading the tab, and leaving the page inside the app asks here first.
 * Changes of the query string (e.g. switching views) pass.
 */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  const stayRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need a returnValue to show their prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    if (blocker.state === 'blocked') stayRef.current?.focus();
  }, [blocker.state]);

  if (blocker.state !== 'blocked') return null;
  return (
    <div className="alert alert-warning leave-prompt" role="alertdialog" aria-labelledby="leave-question">
      <p id="leave-question">{t('designer.leaveQuestion')}</p>
      <div className="actions">
        <button ref={stayRef} type="button" onClick={() => blocker.reset()}>
          {t('designer.stay')}
        </button>
        <button type="button" className="button-danger" onClick={() => blocker.proceed()}>
          {t('designer.leave')}
        </button>
      </div>
    </div>
  );
}
