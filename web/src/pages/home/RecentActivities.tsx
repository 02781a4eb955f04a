import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../api/overview';
import { useDateFormat } from '../../format';

/** The five newest activities and a link to the whole log. */
export function RecentActivities({ ws, activities }: { ws: string; activities: Overview['activities'] }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  return (
    <section className="home-section" aria-labelledby="home-activities-title">
      <h2 id="home-activities-title">{t('home.activities.title')}</h2>
      {activities.recent.length === 0 ? (
        <p className="empty">
          {t('home.activities.none')} <Link to={`/w/${ws}/activities`}>{t('home.activities.log')}</Link>
        </p>
      ) : (
        <>
          <ul className="home-list">
            {activities.recent.map((a) => (
              <li key={a.id}>
                <time dateTime={a.date}>{format.day(a.date)}</time> · {t(`activities.types.${a.type}`)} ·{' '}
                <span>{a.title}</span>
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/w/${ws}/activities`}>{t('home.activities.all', { count: activities.total })}</Link>
          </p>
        </>
      )}
    </section>
  );
}
