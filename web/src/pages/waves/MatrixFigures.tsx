import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionResult } from '../../api/results';
import { Chart } from '../../components/charts/Chart';
import { barValueText, matrixBars, percentOf } from '../../components/charts/datasets';
import { chartSize, useCountText, useNumbers } from './format';
import type { FigureProps } from './figure-props';
import { TableAlternative } from './TableAlternative';
import { TableWrap } from './TableWrap';

/** A matrix as stacked bars with its tables. */
export function MatrixFigures({ q, min, measure, compare, printRatio, tablesOpen }: FigureProps) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const series = useMemo(() => matrixBars(q, measure), [q, measure]);
  const values = useMemo(
    () =>
      barValueText(series, measure === 'percent' ? numbers.percent : numbers.count, t('results.hiddenMark', { min })),
    [series, measure, numbers, t, min],
  );
  return (
    <>
      <Chart
        kind="bar"
        data={series}
        horizontal
        stacked
        diverging
        values={values}
        tickText={numbers.count}
        percent={measure === 'percent'}
        size={chartSize(series.labels.length)}
        label={t('results.chartLabel', { title: q.title })}
        printRatio={printRatio}
      />
      {series.suppressed.length > 0 && (
        <p className="note">{t('results.suppressedCells', { min, cells: series.suppressed.join(', ') })}</p>
      )}
      <MatrixTable q={q} min={min} caption={q.title} open={tablesOpen} />
      {compare?.q?.rows && (
        <MatrixTable q={compare.q} min={min} caption={`${q.title} · ${compare.title}`} open={tablesOpen} />
      )}
    </>
  );
}

function MatrixTable({ q, min, caption, open }: { q: QuestionResult; min: number; caption: string; open?: boolean }) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const countText = useCountText(min);
  const rows = q.rows ?? [];
  const columns = rows[0]?.choices ?? [];
  const hasMean = rows.some((r) => r.mean !== undefined);
  return (
    <TableAlternative summary={t('results.table.showFor', { title: caption })} open={open}>
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
    </TableAlternative>
  );
}
