import { useTranslation } from 'react-i18next';
import type { Session } from '../../api/types';

/**
 * The totals as plain HTML bars, largest first: each row says its value in
 * words as well, so the bars need no chart and read out well.
 */
export function ProjectorBars({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const rating = session.method === 'rating';
  const value = (o: Session['options'][number]) => (rating ? (o.mean ?? 0) : (o.total ?? 0));
  const options = [...session.options].sort((a, b) => value(b) - value(a));
  const max = rating ? 5 : Math.max(1, ...options.map(value));
  const number = new Intl.NumberFormat(i18n.resolvedLanguage, { maximumFractionDigits: 1 });
  return (
    <ol className="projector-bars" aria-label={t('projector.barsLabel')}>
      {options.map((o) => (
        <li key={o.id} data-option={o.label}>
          <span className="projector-bar-label">{o.label}</span>
          <span className="projector-bar-track" aria-hidden="true">
            <span className="projector-bar" style={{ width: `${(value(o) / max) * 100}%` }} />
          </span>
          <span className="projector-bar-value" data-testid="total">
            {rating
              ? t('projector.mean', { value: number.format(value(o)), count: o.voters ?? 0 })
              : t('projector.points', { count: o.total ?? 0 })}
          </span>
        </li>
      ))}
    </ol>
  );
}
