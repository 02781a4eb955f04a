import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OverviewIndicator } from '../../api/overview';
import { useIndicatorFormat, useStepLabel } from '../indicators/parts';

const STEPS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The latest indicator values on a small impact staircase (PHINEO steps 1–7, lowest first). */
export function IndicatorSteps({ ws, indicators }: { ws: string; indicators: OverviewIndicator[] }) {
  const { t } = useTranslation();
  const stepLabel = useStepLabel();
  const format = useIndicatorFormat();
  const placed = indicators.filter((i) => i.step !== null);
  return (
    <section className="home-section" aria-labelledby="home-steps-title">
      <h2 id="home-steps-title">{t('home.steps.title')}</h2>
      {placed.length === 0 ? (
        <p className="empty">
          {t('home.steps.none')} <Link to={`/w/${ws}/indicators`}>{t('home.steps.all')}</Link>
        </p>
      ) : (
        <>
          <ol className="home-stairs">
            {STEPS.map((step) => {
              const here = placed.filter((i) => i.step === step);
              return (
                <li key={step} className={`home-stair home-stair-${step}`}>
                  <span className="home-stair-label">
                    {t('indicators.staircase.step', { step })} {stepLabel(step)}
                  </span>
                  {here.length === 0 ? (
                    <span className="muted">{t('home.steps.empty')}</span>
                  ) : (
                    <ul>
                      {here.map((i) => (
                        <li key={i.key}>
                          <Link to={`/w/${ws}/indicators/${i.key}`}>{i.name}</Link>:{' '}
                          <strong>{i.latest ? format.value(i.latest.value, i.unit) : '–'}</strong>
                          {i.latest && <span className="muted"> ({format.day(i.latest.date)})</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
          <p>
            <Link to={`/w/${ws}/indicators`}>{t('home.steps.all')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
