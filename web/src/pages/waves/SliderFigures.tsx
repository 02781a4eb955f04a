import { useTranslation } from 'react-i18next';
import { itemRows } from '../../components/charts/datasets';
import { ChoiceFigures } from './ChoiceFigures';
import { useCountText, useNumbers } from './format';
import type { FigureProps } from './figure-props';
import { TableWrap } from './TableWrap';

/**
 * A slider: with few steps, its mean and bars over the steps (as a rating);
 * in range mode, the mean start and end; else its mean alone.
 */
export function SliderFigures(props: FigureProps) {
  const { q, min, compare } = props;
  const { t } = useTranslation();
  const numbers = useNumbers();
  const countText = useCountText(min);
  if (q.choices) return <ChoiceFigures {...props} scale />;
  const meanText = (m: number | null | undefined) => (m == null ? t('results.meanHidden') : numbers.decimal(m));
  if (q.items) {
    const rows = itemRows(q, { labels: { from: t('results.slider.from'), to: t('results.slider.to') } });
    const [from, to] = [rows.find((r) => r.key === 'from'), rows.find((r) => r.key === 'to')];
    return (
      <>
        {from?.mean != null && to?.mean != null && (
          <p>{t('results.slider.range', { from: numbers.decimal(from.mean), to: numbers.decimal(to.mean) })}</p>
        )}
        <TableWrap title={q.title}>
          <table className="table-compact">
            <caption className="visually-hidden">{q.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.slider.end')}</th>
                <th scope="col" className="numeric">
                  {t('results.table.n')}
                </th>
                <th scope="col" className="numeric">
                  {t('results.mean')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td className="numeric">{countText(r.n)}</td>
                  <td className="numeric">{meanText(r.mean)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </>
    );
  }
  return (
    <p>
      {t('results.mean')}: <strong>{meanText(q.mean)}</strong>
      {compare?.q?.mean != null && ` · ${compare.title}: ${numbers.decimal(compare.q.mean)}`}
    </p>
  );
}
