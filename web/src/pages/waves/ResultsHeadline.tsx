import { useTranslation } from 'react-i18next';
import type { WaveResults } from '../../api/results';
import { useNumbers } from './format';
import { PerDay } from './PerDay';

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
