import { useTranslation } from 'react-i18next';
import type { Action } from '../../api/types';
import { useEuro } from './money';

/** What was decided, who carries it, by when, and the indicator targets (also used by the report's plans chapter). */
export function ActionFacts({ action, day }: { action: Action; day: (d: string) => string }) {
  const { t } = useTranslation();
  const euro = useEuro();
  return (
    <>
      {action.decision && <p>{action.decision}</p>}
      <dl className="action-facts">
        <dt>{t('plan.form.carrier')}</dt>
        <dd>
          {t(`plan.carrier.${action.carrier}`)}
          {action.carrier === 'funding' &&
            (action.cost !== null || action.fundingSource) &&
            ` (${[action.cost !== null ? euro(action.cost) : '', action.fundingSource ?? ''].filter(Boolean).join(', ')})`}
        </dd>
        {action.owner && (
          <>
            <dt>{t('plan.form.owner')}</dt>
            <dd>{action.owner}</dd>
          </>
        )}
        {action.dueOn && (
          <>
            <dt>{t('plan.form.due')}</dt>
            <dd>{day(action.dueOn)}</dd>
          </>
        )}
        {action.targets.length > 0 && (
          <>
            <dt>{t('plan.form.targets')}</dt>
            <dd>
              {action.targets
                .map((x) => `${x.name ?? x.indicator}: ${x.target}${x.unit ? ` ${x.unit}` : ''}`)
                .join('; ')}
            </dd>
          </>
        )}
        {action.source && action.source.votes !== null && (
          <>
            <dt>{t('plan.votes')}</dt>
            <dd>{t('plan.votesValue', { count: action.source.votes })}</dd>
          </>
        )}
      </dl>
    </>
  );
}
