import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionResult } from '../../api/results';
import { Chart } from '../../components/charts/Chart';
import {
  barValueText,
  choiceBars,
  divergesWell,
  scaleDiverging,
  choiceRows,
  choicesExceedN,
  isRecommendation,
  recommendationBars,
  recommendationGroups,
} from '../../components/charts/datasets';
import { chartSize, headingTag, useCountText, useNumbers } from './format';
import type { FigureProps } from './figure-props';
import { TableAlternative } from './TableAlternative';
import { TableWrap } from './TableWrap';

/**
 * A choice, rating or stepped slider question: bars, notes on hidden cells
 * and the table alternative. `scale`: the answers are a scale (upright bars
 * in scale order, with the mean).
 */
export function ChoiceFigures({
  q,
  min,
  measure,
  title,
  compare,
  printRatio,
  level,
  scale,
  tablesOpen: open,
}: FigureProps & { scale: boolean }) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const countText = useCountText(min);
  const otherLabel = t('results.other');
  // A short rating scale diverges around its middle; other choices (and a 0–10 scale) stand as single bars.
  const diverging = scale && divergesWell(q.choices?.length ?? 0);
  const series = useMemo(() => {
    const waves = [{ label: title, question: q }, ...(compare ? [{ label: compare.title, question: compare.q }] : [])];
    return diverging ? scaleDiverging(waves, { measure }) : choiceBars(waves, { measure, otherLabel });
  }, [q, compare, measure, otherLabel, title, diverging]);
  const values = useMemo(
    () =>
      barValueText(series, measure === 'percent' ? numbers.percent : numbers.count, t('results.hiddenMark', { min })),
    [series, measure, numbers, t, min],
  );
  const rows = choiceRows(q, otherLabel);
  const compareRows = new Map(compare?.q ? choiceRows(compare.q, otherLabel).map((r) => [r.key, r]) : []);
  const percentText = (p: number | null) => (p === null ? '–' : numbers.percent(p));
  return (
    <>
      {scale && q.mean !== undefined && (
        <p>
          {t('results.mean')}: <strong>{q.mean === null ? t('results.meanHidden') : numbers.decimal(q.mean)}</strong>
          {compare?.q?.mean != null && ` · ${compare.title}: ${numbers.decimal(compare.q.mean)}`}
        </p>
      )}
      <Chart
        kind="bar"
        data={series}
        horizontal={!scale || diverging}
        stacked={diverging}
        diverging={diverging}
        values={values}
        tickText={numbers.count}
        percent={measure === 'percent'}
        size={diverging ? 's' : scale ? 'm' : chartSize(series.labels.length * series.datasets.length)}
        label={t('results.chartLabel', { title: q.title })}
        printRatio={printRatio}
      />
      {series.suppressed.length > 0 && (
        <p className="note">{t('results.suppressedCells', { min, cells: series.suppressed.join(', ') })}</p>
      )}
      {choicesExceedN(q) && <p className="note">{t('results.multipleNote')}</p>}
      {isRecommendation(q) && <Recommendation q={q} level={level + 1} />}
      <TableAlternative summary={t('results.table.show')} open={open}>
        <TableWrap title={q.title}>
          <table className="table-compact">
            <caption className="visually-hidden">{q.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.table.value')}</th>
                <th scope="col">{t('results.table.label')}</th>
                <th scope="col" className="numeric">
                  {t('results.table.count')}
                </th>
                <th scope="col" className="numeric">
                  {t('results.table.percent')}
                </th>
                {compare && (
                  <>
                    <th scope="col" className="numeric">
                      {t('results.table.compareCount', { title: compare.title })}
                    </th>
                    <th scope="col" className="numeric">
                      {t('results.table.comparePercent', { title: compare.title })}
                    </th>
                  </>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const other = compareRows.get(r.key);
                return (
                  <tr key={r.key}>
                    <td>
                      <code>{r.key === '__other__' ? '' : r.key}</code>
                    </td>
                    <th scope="row">{r.label}</th>
                    <td className="numeric">{countText(r.count)}</td>
                    <td className="numeric">{percentText(r.percent)}</td>
                    {compare && (
                      <>
                        <td className="numeric">{other ? countText(other.count) : '–'}</td>
                        <td className="numeric">{other ? percentText(other.percent) : '–'}</td>
                      </>
                    )}
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

function Recommendation({ q, level }: { q: QuestionResult; level: number }) {
  const { t } = useTranslation();
  const Heading = headingTag(level);
  const numbers = useNumbers();
  const groups = useMemo(() => recommendationGroups(q), [q]);
  const labels = useMemo(
    () => ({
      detractors: t('results.nps.detractors'),
      passives: t('results.nps.passives'),
      promoters: t('results.nps.promoters'),
    }),
    [t],
  );
  const series = useMemo(() => (groups.shown ? recommendationBars(groups, labels) : null), [groups, labels]);
  if (!groups.shown || !series) return <p className="note">{t('results.nps.hidden')}</p>;
  return (
    <div className="recommendation">
      <Heading>{t('results.nps.title')}</Heading>
      <p>
        {t('results.nps.score')}: <strong>{groups.score}</strong>
      </p>
      <Chart
        kind="bar"
        data={series}
        horizontal
        percent
        size="s"
        label={t('results.chartLabel', { title: t('results.nps.title') })}
      />
      <ul className="plain-list">
        {(['detractors', 'passives', 'promoters'] as const).map((g) => (
          <li key={g}>
            {labels[g]}: {groups[g]} ({numbers.percent((groups[g] / groups.n) * 100)})
          </li>
        ))}
      </ul>
    </div>
  );
}
