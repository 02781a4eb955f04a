import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTrend, type QuestionResult } from '../../api/results';
import type { Wave } from '../../api/waves';
import { Chart } from '../../components/charts/Chart';
import { trendSeries } from '../../components/charts/datasets';
import { ErrorAlert, Loading } from '../../components/Status';
import { useCountText, useNumbers } from './format';

/** One question across the waves of the same questionnaire, as a chart and its table. */
export function TrendPanel(props: {
  ws: string;
  wave: Wave;
  questions: QuestionResult[];
  question: string;
  locale: string;
  onPick: (name: string) => void;
}) {
  const { t } = useTranslation();
  const { ws, wave, questions, question, locale, onPick } = props;
  const trend = useTrend(ws, wave.questionnaire, question, locale);
  const numbers = useNumbers();
  const breakMark = t('results.trend.breakMark');
  const nLabel = t('results.table.n');
  const meanLabel = t('results.mean');
  const series = useMemo(
    () => (trend.data ? trendSeries(trend.data.waves, { breakMark, nLabel, meanLabel }) : null),
    [trend.data, breakMark, nLabel, meanLabel],
  );
  const min = trend.data?.minGroupSize ?? 0;
  const countText = useCountText(min);
  const value = (v: number | null | undefined) =>
    v == null
      ? '–'
      : series?.measure.kind === 'share'
        ? numbers.percent(v)
        : series?.measure.kind === 'mean'
          ? numbers.decimal(v)
          : String(v);
  return (
    <section className="panel" aria-labelledby="trend-title">
      <h2 id="trend-title">{t('results.trend.title')}</h2>
      <div className="field results-controls">
        <label htmlFor="trend-question">{t('results.trend.question')}</label>
        <select id="trend-question" value={question} onChange={(e) => onPick(e.target.value)}>
          <option value="">{t('results.trend.pick')}</option>
          {questions.map((q) => (
            <option key={q.name} value={q.name}>
              {q.title}
            </option>
          ))}
        </select>
      </div>
      {question && trend.isPending && <Loading />}
      <ErrorAlert error={trend.error} />
      {series && trend.data && (
        <>
          <p className="muted">{t(`results.trend.measure.${series.measure.kind}`)}</p>
          <Chart
            key={series.measure.kind}
            kind={series.measure.kind === 'share' ? 'bar' : 'line'}
            data={series}
            percent={series.measure.kind === 'share'}
            size="m"
            label={t('results.chartLabel', { title: t('results.trend.title') })}
          />
          {trend.data.waves.some((w) => w.breakBefore) && (
            <p className="note">{t('results.trend.breakNote', { mark: breakMark })}</p>
          )}
          <details className="table-alternative">
            <summary>{t('results.table.show')}</summary>
            <div className="table-wrap">
              <table className="table-compact">
                <caption className="visually-hidden">{t('results.trend.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('results.trend.wave')}</th>
                    <th scope="col">{t('results.trend.version')}</th>
                    <th scope="col" className="numeric">
                      {t('results.table.n')}
                    </th>
                    {series.datasets.map((d) => (
                      <th key={d.label} scope="col" className="numeric">
                        {d.label}
                      </th>
                    ))}
                    <th scope="col">{t('results.trend.break')}</th>
                  </tr>
                </thead>
                <tbody>
                  {trend.data.waves.map((w, i) => (
                    <tr key={w.wave.id}>
                      <th scope="row">{w.wave.title}</th>
                      <td>{w.version}</td>
                      <td className="numeric">{w.missing ? t('results.trend.missing') : countText(w.n)}</td>
                      {series.datasets.map((d) => (
                        <td key={d.label} className="numeric">
                          {value(d.data[i])}
                        </td>
                      ))}
                      <td>
                        {w.breakBefore && <span className="badge badge-warning">{t('results.trend.breakYes')}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
