import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellResult } from '../../api/results';
import { Chart } from '../../components/charts/Chart';
import { cellCharts, cellGrid, cellSummary } from '../../components/charts/datasets';
import { chartSize, headingTag, useNumbers } from './format';
import type { FigureProps } from './figure-props';
import { TableWrap } from './TableWrap';

/**
 * A dropdown matrix (rows × columns) or a dynamic matrix (per column): a
 * table with each cell's respondents and its mean or most chosen answers,
 * and charts of the choice columns and of the means where there are any.
 */
export function CellFigures({ q, min, measure, printRatio, level }: FigureProps) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const Heading = headingTag(level + 1);
  const grid = useMemo(() => cellGrid(q), [q]);
  const dynamic = (q.cells ?? []).every((c) => c.row === null);
  const meanLabel = t('results.mean');
  const otherLabel = t('results.other');
  const charts = useMemo(() => cellCharts(q, { measure, meanLabel, otherLabel }), [q, measure, meanLabel, otherLabel]);
  const panels = q.panels;
  return (
    <>
      {dynamic && panels && (
        <p>
          {panels.n === null || panels.total === null
            ? t('results.cells.rowsHidden', { min })
            : t('results.cells.rowsLine', {
                count: panels.n,
                rows: t('results.cells.rows', { count: panels.total }),
                mean: panels.mean === null ? '–' : numbers.decimal(panels.mean),
              })}
        </p>
      )}
      <TableWrap title={q.title}>
        <table className="table-compact results-cells">
          <caption className="visually-hidden">{q.title}</caption>
          {dynamic ? (
            <>
              <thead>
                <tr>
                  <th scope="col">{t('results.cells.column')}</th>
                  <th scope="col">{t('results.cells.figures')}</th>
                </tr>
              </thead>
              <tbody>
                {(q.cells ?? []).map((cell) => (
                  <tr key={cell.column}>
                    <th scope="row">{cell.columnLabel}</th>
                    <td>
                      <CellText cell={cell} min={min} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </>
          ) : (
            <>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t('results.cells.row')}</span>
                  </th>
                  {grid.columns.map((c) => (
                    <th key={c.key} scope="col">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.rows.map((row, ri) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    {grid.cells[ri]!.map((cell, ci) => (
                      <td key={grid.columns[ci]!.key}>{cell && <CellText cell={cell} min={min} />}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </>
          )}
        </table>
      </TableWrap>
      {charts.map((chart) => {
        const title =
          chart.kind === 'choices'
            ? t('results.cells.answersIn', { column: chart.title })
            : chart.title
              ? t('results.cells.meanOf', { column: chart.title })
              : t('results.cells.means');
        return (
          <div key={chart.key} className="results-cell-chart">
            <Heading>{title}</Heading>
            <Chart
              kind="bar"
              data={chart.series}
              horizontal
              stacked={chart.stacked}
              percent={chart.percent}
              size={chartSize(
                chart.stacked ? chart.series.labels.length : chart.series.labels.length * chart.series.datasets.length,
              )}
              label={t('results.cells.chartLabel', { title })}
              printRatio={printRatio}
            />
            {chart.suppressed.length > 0 && (
              <p className="note">{t('results.suppressedCells', { min, cells: chart.suppressed.join(', ') })}</p>
            )}
          </div>
        );
      })}
    </>
  );
}

/** What one cell shows: hidden, its mean, or its most chosen answers with shares. */
function CellText({ cell, min }: { cell: CellResult; min: number }) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const summary = cellSummary(cell, { otherLabel: t('results.other') });
  if (summary.suppressed) return <span className="cell-n">{t('results.cells.hidden', { min })}</span>;
  return (
    <ul className="cell-figures">
      <li className="cell-n">
        {summary.n === null ? t('results.fewerThan', { min }) : t('results.cells.respondents', { count: summary.n })}
      </li>
      {summary.mean !== undefined && (
        <li>
          {t('results.mean')}: {summary.mean === null ? t('results.meanHidden') : numbers.decimal(summary.mean)}
        </li>
      )}
      {/* A number or rating cell says its mean; a choice cell its most chosen answers. */}
      {summary.mean === undefined &&
        summary.top.map((c) => (
          <li key={c.label}>
            {c.label}: {c.count}
            {c.percent !== null && ` (${numbers.percent(c.percent)})`}
          </li>
        ))}
      {summary.mean === undefined && summary.more > 0 && <li>{t('results.cells.more', { count: summary.more })}</li>}
      {summary.mean === undefined && summary.hidden.length > 0 && (
        <li>{t('results.cells.hiddenAnswers', { min, labels: summary.hidden.join(', ') })}</li>
      )}
    </ul>
  );
}
