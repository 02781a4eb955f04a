import { useTranslation } from 'react-i18next';
import type { ContentSection } from '../../api/reports';
import { useNumberFormat } from '../../format';
import { useIndicatorFormat } from '../indicators/parts';
import { ReportTableWrap } from './ReportTableWrap';

type Activities = Extract<ContentSection, { kind: 'output' }>['activities'];

/** "2015-Q2" as people read it. */
function useQuarterText() {
  const { t } = useTranslation();
  return (quarter: string) =>
    t('report.activities.quarterLabel', { year: quarter.slice(0, 4), quarter: quarter.slice(6) });
}

/**
 * The activities of the period in one small table: a row per type, a
 * column per quarter, totals on the right. The full list follows only when the report
 * asks for it (an appendix).
 */
export function ReportActivities({ activities }: { activities: Activities }) {
  const { t } = useTranslation();
  const numbers = useNumberFormat();
  const quarterText = useQuarterText();
  if (activities.total === 0) return null;
  const types = activities.byType;
  return (
    <>
      <ReportTableWrap label={t('report.activities.byQuarter')} keep>
        <table className="table-compact report-table report-quarters">
          <caption>{t('report.activities.byQuarter')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.activities.type')}</th>
              {activities.byQuarter.map((q) => (
                <th key={q.quarter} scope="col" className="numeric">
                  {quarterText(q.quarter)}
                </th>
              ))}
              <th scope="col" className="numeric">
                {t('report.activities.sum')}
              </th>
            </tr>
          </thead>
          <tbody>
            {types.map((type, ti) => (
              <tr key={type.type}>
                <th scope="row">{t(`activities.types.${type.type}`)}</th>
                {activities.byQuarter.map((q) => {
                  const count = q.counts[ti]?.count ?? 0;
                  return (
                    <td key={q.quarter} className="numeric">
                      {count === 0 ? '–' : numbers.count(count)}
                    </td>
                  );
                })}
                <td className="numeric">
                  <strong>{numbers.count(type.count)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ReportTableWrap>
      {activities.listed && <ActivityList list={activities.list} />}
    </>
  );
}

function ActivityList({ list }: { list: Activities['list'] }) {
  const { t } = useTranslation();
  const format = useIndicatorFormat();
  return (
    <ReportTableWrap label={t('report.activities.list')}>
      <table className="table-compact report-table report-appendix">
        <caption>{t('report.activities.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.activities.date')}</th>
            <th scope="col">{t('report.activities.type')}</th>
            <th scope="col">{t('report.activities.activity')}</th>
            <th scope="col">{t('report.activities.district')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((a, i) => (
            <tr key={`${a.date}-${i}`}>
              <td className="nowrap">
                <time dateTime={a.date}>{format.day(a.date)}</time>
              </td>
              <td>{t(`activities.types.${a.type}`)}</td>
              <th scope="row">{a.title}</th>
              <td>{a.district ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ReportTableWrap>
  );
}
