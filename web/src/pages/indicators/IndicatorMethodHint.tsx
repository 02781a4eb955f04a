import { useTranslation } from 'react-i18next';
import type { IndicatorFields } from '../../api/indicators';
import { methodHints } from './method';

/**
 * Advice, not an error: an indicator that counts the network's own activities
 * placed on steps 4–7 would claim a change it does not measure. Announced
 * politely when it appears; saving stays possible.
 */
export function IndicatorMethodHint({ fields }: { fields: IndicatorFields }) {
  const { t } = useTranslation();
  const hints = methodHints({ step: fields.step ?? null, source: fields.source });
  const type = fields.source.kind === 'activities' ? fields.source.activityType : null;
  return (
    <div role="status" className="indicator-method-hint-region">
      {hints.includes('activity_count_on_outcome_step') && type && (
        <p className="alert alert-warning indicator-method-hint">
          <strong>{t('indicators.form.methodHint.title')}</strong>{' '}
          {t('indicators.form.methodHint.activityCount', { type: t(`activities.types.${type}`) })}
        </p>
      )}
    </div>
  );
}
