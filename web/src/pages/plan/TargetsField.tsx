import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../api/types';
import { SelectField, TextField } from '../../components/TextField';

type Target = { indicator: string; target: string };

/** The indicators an action should move, each with its target value; rows are added and removed. */
export function TargetsField({
  indicators,
  targets,
  onChange,
}: {
  indicators: Indicator[];
  targets: Target[];
  onChange: (targets: Target[]) => void;
}) {
  const { t } = useTranslation();
  const change = (i: number, patch: Partial<Target>) =>
    onChange(targets.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <fieldset className="targets-field">
      <legend>{t('plan.form.targets')}</legend>
      {targets.length === 0 && <p className="muted">{t('plan.form.noTargets')}</p>}
      {targets.map((row, i) => (
        <div key={i} className="form-row">
          <SelectField
            label={t('plan.form.indicator', { n: i + 1 })}
            value={row.indicator}
            onChange={(e) => change(i, { indicator: e.target.value })}
            options={[
              { value: '', label: t('plan.form.chooseIndicator') },
              ...indicators.map((ind) => ({ value: ind.key, label: ind.name })),
            ]}
          />
          <TextField
            label={t('plan.form.target', { n: i + 1 })}
            inputMode="decimal"
            value={row.target}
            onChange={(e) => change(i, { target: e.target.value })}
          />
          <button type="button" className="button-small" onClick={() => onChange(targets.filter((_, j) => j !== i))}>
            {t('plan.form.removeTarget', { n: i + 1 })}
          </button>
        </div>
      ))}
      {indicators.length > 0 && (
        <button
          type="button"
          className="button-small"
          onClick={() => onChange([...targets, { indicator: '', target: '' }])}
        >
          {t('plan.form.addTarget')}
        </button>
      )}
    </fieldset>
  );
}
