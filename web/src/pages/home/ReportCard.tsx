import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../api/overview';
import { useDateFormat } from '../../format';

/** The report changed last, or the way to a first one. */
export function ReportCard({ ws, report }: { ws: string; report: Overview['report'] }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  return (
    <section className="home-section" aria-labelledby="home-report-title">
      <h2 id="home-report-title">{t('home.report.title')}</h2>
      {report ? (
        <p>
          <Link to={`/w/${ws}/report`}>{report.title}</Link>{' '}
          <span className="muted">{t('home.report.changed', { date: format.dateTime(report.updatedAt) })}</span>
        </p>
      ) : (
        <p className="empty">
          {t('home.report.none')} <Link to={`/w/${ws}/report`}>{t('home.report.create')}</Link>
        </p>
      )}
    </section>
  );
}
