import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionResult } from '../../api/results';
import { Chart } from '../../components/charts/Chart';
import { matrixBars, percentOf } from '../../components/charts/datasets';
import { chartSize, useCountText, useNumbers } from './format';
import type { FigureProps } from './figure-props';
import { TableWrap } from './TableWrap';

/** A matrix as stacked bars with its tables. */
export function MatrixFigures({ q, min, measure, compare, printRatio }: FigureProps) {
  const { t } = useTranslation();
  const series = useMemo(() => matrixBars(q, measure), [q, measure]);
  return (
    <>
      <Chart
        kind="bar"
        data={series}
        horizontal
        stacked
        percent={measure === 'percent'}
        size={chartSize(series.labels.length)}
        label={t('results.chartLabel', { title: q.title })}
        printRatio={printRatio}
      />
      {series.suppressed.length > 0 && (
        <p className="note">{t('results.suppressedCells', { min, cells: series.suppressed.join(', ') })}</p>
      )}
      <MatrixTable q={q} min={min} caption={q.title} />
      {compare?.q?.rows && <MatrixTable q={compare.q} min={min} caption={`${q.title} · ${compare.title}`} />}
    </>
  );
}

function MatrixTable({ q, min, caption }: { q: QuestionResult; min: number; caption: string }) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const countText = useCountText(min);
  const rows = q.rows ?? [];
  const columns = rows[0]?.choices ?? [];
  const hasMean = rows.some((r) => r.mean !== undefined);
  return (
    <details className="table-alternative">
      <summary>{t('results.table.showFor', { title: caption })}</summary>
      <TableWrap title={caption}>
        <table className="table-compact">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.table.label')}</th>
              <th scope="col" className="numeric">
                {t('results.table.n')}
              </th>
              {columns.map((c) => (
                <th key={String(c.value)} scope="col" className="numeric">
                  {c.label} <code>{String(c.value)}</code>
                </th>
              ))}
              {hasMean && (
                <th scope="col" className="numeric">
                  {t('results.mean')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={String(r.value)}>
                <th scope="row">{r.label}</th>
                <td className="numeric">{countText(r.n)}</td>
                {r.choices.map((c) => {
                  const p = percentOf(c.count, r.n);
                  return (
                    <td key={String(c.value)} className="numeric">
                      {countText(c.count)}
                      {p !== null && ` (${numbers.percent(p)})`}
                    </td>
                  );
                })}
                {hasMean && <td className="numeric">{r.mean == null ? '–' : numbers.decimal(r.mean)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </details>
  );
}
