import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaveResults } from '../../api/results';
import { Chart } from '../../components/charts/Chart';
import { perDayBars, perDayRows } from '../../components/charts/datasets';
import { useNumbers, useWaveFormat } from './format';

/** The wave's responses at a glance: counts, completion, the filtered n and responses per day. */
export function Headline({ data }: { data: WaveResults }) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const total = data.responses.complete + data.responses.partial;
  return (
    <section aria-labelledby="results-headline-title">
      <h2 id="results-headline-title" className="visually-hidden">
        {t('results.headline')}
      </h2>
      <dl className="facts results-headline">
        <dt>{t('results.complete')}</dt>
        <dd data-testid="complete">{data.responses.complete}</dd>
        <dt>{t('results.partial')}</dt>
        <dd>{data.responses.partial}</dd>
        <dt>{t('results.completionRate')}</dt>
        <dd>{total === 0 ? t('waves.list.none') : numbers.percent((data.responses.complete / total) * 100)}</dd>
        <dt>{data.filters.length > 0 ? t('results.nFiltered') : t('results.n')}</dt>
        <dd data-testid="n">
          {data.responses.complete === 0
            ? t('waves.list.none')
            : data.n === null
              ? t('results.fewerThan', { min: data.minGroupSize })
              : data.n}
        </dd>
      </dl>
      {data.perDay.length > 0 && <PerDay perDay={data.perDay} min={data.minGroupSize} />}
      <p className="muted">{t('results.minGroupNote', { min: data.minGroupSize })}</p>
    </section>
  );
}

/** Complete responses per day of the whole wave (not filtered): a small bar chart and its table. */
function PerDay({ perDay, min }: { perDay: WaveResults['perDay']; min: number }) {
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
      <h3>{title}</h3>
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
