import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * A secret the server shows only once (invitation link, API token): a
 * read-only field with a copy button. Takes the focus when it appears.
 */
export function OneTimeSecret({ title, label, value, children }: { title: string; label: string; value: string; children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');

  useEffect(() => {
    headingRef.current?.focus();
    setCopyState('idle');
  }, [value]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopyState('copied');
    } catch {
      // No clipboard access (e.g. not a secure context): leave it selected for Ctrl+C.
      inputRef.current?.select();
      setCopyState('failed');
    }
  }

  return (
    <section className="secret" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <label htmlFor={`${id}-value`}>{label}</label>
      <div className="secret-row">
        <input
          ref={inputRef}
          id={`${id}-value`}
          className="secret-value"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" onClick={() => void copy()}>
          {t('common.copy')}
        </button>
      </div>
      <p role="status" className="secret-copy-state">
        {copyState === 'copied' ? t('common.copied') : copyState === 'failed' ? t('common.copyFailed') : ''}
      </p>
      {children}
    </section>
  );
}
