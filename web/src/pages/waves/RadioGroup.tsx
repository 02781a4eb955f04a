import { useId } from 'react';

export interface RadioOption<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/** A set of radio buttons in a fieldset; each option may explain itself. */
export function RadioGroup<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  options: RadioOption<T>[];
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <fieldset className="radio-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <div key={option.value} className="radio-option">
          <input
            type="radio"
            id={`${id}-${option.value}`}
            name={name}
            value={option.value}
            checked={value === option.value}
            aria-describedby={option.hint ? `${id}-${option.value}-hint` : undefined}
            onChange={() => onChange(option.value)}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          {option.hint && (
            <p id={`${id}-${option.value}-hint`} className="field-hint">
              {option.hint}
            </p>
          )}
        </div>
      ))}
    </fieldset>
  );
}
