import { useTranslation } from 'react-i18next';

/** An option's dots: minus, the count, plus; the buttons name the option, so each is clear on its own. */
export function DotStepper({
  label,
  value,
  canAdd,
  onChange,
}: {
  label: string;
  value: number;
  canAdd: boolean;
  onChange: (value: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="vote-option" role="group" aria-label={label}>
      <span className="vote-label">{label}</span>
      <span className="vote-stepper">
        <button
          type="button"
          aria-label={t('vote.remove', { option: label })}
          disabled={value === 0}
          onClick={() => onChange(value - 1)}
        >
          −
        </button>
        <output aria-live="polite" aria-label={t('vote.dots', { count: value })}>
          {value}
        </output>
        <button
          type="button"
          aria-label={t('vote.add', { option: label })}
          disabled={!canAdd}
          onClick={() => onChange(value + 1)}
        >
          +
        </button>
      </span>
    </div>
  );
}

/** An option's importance, 1–5, as radio buttons (arrow keys move between them). */
export function RatingChoice({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  onChange: (value: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="vote-option">
      <legend className="vote-label">{label}</legend>
      <span className="vote-rating">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n}>
            <input type="radio" name={`rate-${id}`} value={n} checked={value === n} onChange={() => onChange(n)} />
            <span>{n}</span>
          </label>
        ))}
      </span>
      <span className="muted vote-scale">{t('vote.scale')}</span>
    </fieldset>
  );
}
