import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField';
import { toLocalInput } from './format';

type TimingErrors = Partial<Record<'opensAt' | 'closesAt' | 'retentionDays', string>>;

/** When a wave opens and closes, and how long its answers are kept: the same fields when creating and editing. */
export function WaveTimingFields({
  errors,
  wave,
}: {
  errors: TimingErrors;
  wave?: { opensAt: string | null; closesAt: string | null; retentionDays: number | null };
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-row">
        <TextField
          label={t('waves.fields.opensAt')}
          hint={t('waves.fields.opensAtHint')}
          error={errors.opensAt}
          name="opensAt"
          type="datetime-local"
          defaultValue={toLocalInput(wave?.opensAt ?? null)}
        />
        <TextField
          label={t('waves.fields.closesAt')}
          hint={t('waves.fields.closesAtHint')}
          error={errors.closesAt}
          name="closesAt"
          type="datetime-local"
          defaultValue={toLocalInput(wave?.closesAt ?? null)}
        />
      </div>
      <TextField
        label={t('waves.fields.retentionDays')}
        hint={t('waves.fields.retentionDaysHint')}
        error={errors.retentionDays}
        name="retentionDays"
        type="number"
        inputMode="numeric"
        min={1}
        max={3650}
        step={1}
        className="input-short"
        defaultValue={wave?.retentionDays ?? ''}
      />
    </>
  );
}
