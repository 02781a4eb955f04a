import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonError } from '../../designer/draft-state';

/** The whole definition as text; readable edits go straight into the shared draft. */
export function JsonTab({
  text,
  error,
  readOnly,
  onChange,
}: {
  text: string;
  error: JsonError | null;
  readOnly: boolean;
  onChange: (text: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('designer.json.label')}</label>
      {!readOnly && (
        <p id={`${id}-hint`} className="field-hint">
          {t('designer.json.hint')}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error json-error">
          {error.kind === 'syntax'
            ? t('designer.json.syntaxError', { message: error.message })
            : t('designer.json.notObject')}
        </p>
      )}
      <textarea
        id={id}
        className="json-editor"
        spellCheck={false}
        autoCapitalize="none"
        autoComplete="off"
        readOnly={readOnly}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          [readOnly ? '' : `${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
        }
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
