import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicators } from '../../api/indicators';
import { ErrorAlert } from '../../components/Status';
import { SelectField, TextAreaField, TextField } from '../../components/TextField';
import { bodyOf, type ActionFormState } from './action-form-state';
import { TargetsField } from './TargetsField';

interface Props {
  ws: string;
  initial: ActionFormState;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (body: ReturnType<typeof bodyOf>) => void;
  onCancel?: () => void;
}

/** One action's fields: decision, who carries it (and what it costs), owner, due day, indicator targets. */
export function ActionForm({ ws, initial, submitLabel, busy, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [s, setS] = useState(initial);
  const indicators = useIndicators(ws);
  const set = <K extends keyof ActionFormState>(key: K, value: ActionFormState[K]) =>
    setS((p) => ({ ...p, [key]: value }));
  return (
    <form
      className="action-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(bodyOf(s));
      }}
    >
      <TextField
        label={t('plan.form.title')}
        required
        maxLength={200}
        value={s.title}
        onChange={(e) => set('title', e.target.value)}
      />
      <TextAreaField
        label={t('plan.form.decision')}
        rows={3}
        value={s.decision}
        onChange={(e) => set('decision', e.target.value)}
      />
      <SelectField
        label={t('plan.form.carrier')}
        value={s.carrier}
        onChange={(e) => set('carrier', e.target.value === 'funding' ? 'funding' : 'volunteers')}
        options={[
          { value: 'volunteers', label: t('plan.carrier.volunteers') },
          { value: 'funding', label: t('plan.carrier.funding') },
        ]}
      />
      {s.carrier === 'funding' && (
        <div className="form-row">
          <TextField
            label={t('plan.form.cost')}
            inputMode="decimal"
            pattern="[0-9]+([.,][0-9]{1,2})?"
            value={s.cost}
            onChange={(e) => set('cost', e.target.value)}
          />
          <TextField
            label={t('plan.form.source')}
            maxLength={300}
            value={s.fundingSource}
            onChange={(e) => set('fundingSource', e.target.value)}
          />
        </div>
      )}
      <div className="form-row">
        <TextField
          label={t('plan.form.owner')}
          maxLength={200}
          value={s.owner}
          onChange={(e) => set('owner', e.target.value)}
        />
        <TextField
          label={t('plan.form.due')}
          type="date"
          value={s.dueOn}
          onChange={(e) => set('dueOn', e.target.value)}
        />
      </div>
      <TargetsField
        indicators={indicators.data?.indicators ?? []}
        targets={s.targets}
        onChange={(targets) => set('targets', targets)}
      />
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
