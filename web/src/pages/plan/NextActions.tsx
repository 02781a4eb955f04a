import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePlan } from '../../api/plans';
import { ErrorAlert, Loading } from '../../components/Status';
import { useDateFormat } from '../../format';

/**
 * The next due actions of the action plan, for the workspace home: undated
 * ones after the dated, at most `limit`. Takes the workspace slug.
 */
export function NextActions({ ws, limit = 3 }: { ws: string; limit?: number }) {
  const { t } = useTranslation();
  const plan = usePlan(ws);
  const format = useDateFormat();
  return (
    <section aria-labelledby="next-actions-title" className="next-actions">
      <h2 id="next-actions-title">{t('plan.next.title')}</h2>
      {plan.isPending ? (
        <Loading />
      ) : plan.isError ? (
        <ErrorAlert error={plan.error} />
      ) : plan.data.actions.length === 0 ? (
        <p>{t('plan.next.empty')}</p>
      ) : (
        <ul>
          {plan.data.actions.slice(0, limit).map((a) => (
            <li key={a.id}>
              <strong>{a.title}</strong>
              {' · '}
              {a.dueOn ? t('plan.next.due', { day: format.day(a.dueOn) }) : t('plan.next.undated')}
              {a.owner && ` · ${a.owner}`}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/w/${ws}/plan`}>{t('plan.next.all')}</Link>
      </p>
    </section>
  );
}
