import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import type { SurveyValue } from '../../api/indicators';
import { sameValue } from './model';

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
};

/** A select with label, hint and error tied to it, like TextField. */
export function Select({ label, hint, error, children, ...select }: SelectProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <select {...select} id={id} aria-describedby={describedBy || undefined} aria-invalid={error ? true : undefined}>
        {children}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The choices of a question as checkboxes: which answers count toward the share. */
export function ValueChecks(props: {
  legend: string;
  hint: string;
  error?: string;
  choices: Array<{ value: SurveyValue; label: string }>;
  values: SurveyValue[];
  onChange: (values: SurveyValue[]) => void;
}) {
  const { legend, hint, error, choices, values, onChange } = props;
  const id = useId();
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className="value-checks">
      <legend>{legend}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      {choices.map((choice, i) => {
        const checked = values.some((v) => sameValue(v, choice.value));
        return (
          <div key={JSON.stringify(choice.value)} className="field checkbox-field">
            <input
              type="checkbox"
              id={`${id}-${i}`}
              checked={checked}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              onChange={(e) =>
                onChange(
                  e.target.checked ? [...values, choice.value] : values.filter((v) => !sameValue(v, choice.value)),
                )
              }
            />
            <label htmlFor={`${id}-${i}`}>
              {choice.label}
              {choice.label !== String(choice.value) && (
                <>
                  {' '}
                  <code>{String(choice.value)}</code>
                </>
              )}
            </label>
          </div>
        );
      })}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
