import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/charts/Chart';
import { itemBars, itemRows } from '../../components/charts/datasets';
import { chartSize, useCountText, useNumbers } from './format';
import type { FigureProps } from './figure-props';
import { TableAlternative } from './TableAlternative';
import { TableWrap } from './TableWrap';

/**
 * Items of a multiple text (how many answered each field, and the mean of
 * number fields) or of a ranking (`ranks`: the mean rank of each option,
 * best first; a lower rank is better): horizontal bars and a table.
 */
export function ItemFigures({
  q,
  min,
  measure,
  compare,
  printRatio,
  ranks,
  tablesOpen: open,
}: FigureProps & { ranks: boolean }) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const countText = useCountText(min);
  const rows = useMemo(() => itemRows(q, { byRank: ranks }), [q, ranks]);
  const compareRows = new Map(compare?.q?.items ? itemRows(compare.q).map((r) => [r.key, r]) : []);
  const meanLabel = ranks ? t('results.items.meanRank') : t('results.mean');
  const barLabel = ranks
    ? meanLabel
    : measure === 'percent'
      ? t('results.items.answeredShare')
      : t('results.items.answered');
  const series = useMemo(
    () => itemBars(rows, { measure: ranks ? 'mean' : measure, label: barLabel }),
    [rows, ranks, measure, barLabel],
  );
  const hasMean = rows.some((r) => r.mean !== undefined);
  const drawn = series.datasets.some((d) => d.data.some((v) => v > 0));
  const meanText = (m: number | null | undefined) =>
    m === undefined ? '' : m === null ? t('results.meanHidden') : numbers.decimal(m);
  return (
    <>
      {ranks && <p className="note">{t('results.items.rankNote')}</p>}
      {drawn && (
        <Chart
          kind="bar"
          data={series}
          horizontal
          values={(v) =>
            v === 0 ? null : ranks ? numbers.decimal(v) : measure === 'percent' ? numbers.percent(v) : numbers.count(v)
          }
          tickText={numbers.count}
          percent={!ranks && measure === 'percent'}
          size={chartSize(series.labels.length)}
          label={t('results.chartLabel', { title: q.title })}
          printRatio={printRatio}
        />
      )}
      {series.suppressed.length > 0 && (
        <p className="note">{t('results.suppressedCells', { min, cells: series.suppressed.join(', ') })}</p>
      )}
      {/* The means of a multiple text's number fields, which the bars of answers do not show. */}
      {!ranks &&
        rows
          .filter((r) => r.mean !== undefined)
          .map((r) => <p key={r.key}>{t('results.items.meanOf', { label: r.label, mean: meanText(r.mean) })}</p>)}
      <TableAlternative summary={t('results.table.show')} open={open}>
        <TableWrap title={q.title}>
          <table className="table-compact">
            <caption className="visually-hidden">{q.title}</caption>
            <thead>
              <tr>
                <th scope="col">{ranks ? t('results.table.label') : t('results.items.item')}</th>
                <th scope="col" className="numeric">
                  {t('results.table.n')}
                </th>
                {hasMean && (
                  <th scope="col" className="numeric">
                    {meanLabel}
                  </th>
                )}
                {compare && (
                  <th scope="col" className="numeric">
                    {t('results.table.compareColumn', { column: t('results.table.n'), title: compare.title })}
                  </th>
                )}
                {compare && hasMean && (
                  <th scope="col" className="numeric">
                    {t('results.table.compareColumn', { column: meanLabel, title: compare.title })}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const other = compareRows.get(r.key);
                return (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    <td className="numeric">{countText(r.n)}</td>
                    {hasMean && <td className="numeric">{meanText(r.mean)}</td>}
                    {compare && <td className="numeric">{other ? countText(other.n) : '–'}</td>}
                    {compare && hasMean && <td className="numeric">{other ? meanText(other.mean) : '–'}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      </TableAlternative>
    </>
  );
}
