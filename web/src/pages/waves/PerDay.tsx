import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaveResults } from '../../api/results';
import { Chart } from '../../components/charts/Chart';
import { perDayBars, perDayRows } from '../../components/charts/datasets';
import { useWaveFormat } from './format';

/** Complete responses per day of the whole wave (not filtered): a small bar chart and its table. */
export function PerDay({
  perDay,
  min,
  heading = 'h3',
}: {
  perDay: WaveResults['perDay'];
  min: number;
  /** The title's heading level where the chart sits. */
  heading?: 'h3' | 'h4';
}) {
  const Heading = heading;
  const { t } = useTranslation();
  const format = useWaveFormat();
  const title = t('results.perDay.title');
  const countLabel = t('results.perDay.count');
  // Merged periods (an anonymous wave's small days) keep their own span; single days get the empty days between.
  const merged = perDay.some((d) => d.until !== undefined);
  const rows = useMemo(() => (merged ? perDay : perDayRows(perDay)), [merged, perDay]);
  const label = useMemo(() => {
    const until = new Map(perDay.map((d) => [d.date, d.until]));
    return (date: string) => {
      const end = until.get(date);
      return end ? t('results.perDay.period', { from: format.day(date), until: format.day(end) }) : format.day(date);
    };
  }, [perDay, format, t]);
  const series = useMemo(() => perDayBars(rows, { label: countLabel, day: label }), [rows, countLabel, label]);
  return (
    <div className="results-per-day">
      <Heading>{title}</Heading>
      <Chart kind="bar" data={series} size="s" label={t('results.chartLabel', { title })} />
      {merged && <p className="muted">{t('results.perDay.merged', { min })}</p>}
      <details className="table-alternative">
        <summary>{t('results.table.show')}</summary>
        <div className="table-wrap">
          <table className="table-compact">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.perDay.day')}</th>
                <th scope="col" className="numeric">
                  {countLabel}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.date}>
                  <th scope="row">
                    <time dateTime={r.date}>{label(r.date)}</time>
                  </th>
                  <td className="numeric">{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
