import { useTranslation } from 'react-i18next';
import type { ContentSection } from '../../api/reports';
import { useIndicatorFormat, useStepLabel } from '../indicators/parts';

type Section = Extract<ContentSection, { kind: 'key_figures' }>;
type KeyIndicator = NonNullable<Section['members']>;

/**
 * The report's first page: members, reach, respondents and response rate as
 * large figures, and the impact staircase (steps 7 down to 1) with each
 * indicator's latest value, in one view.
 */
export function ReportKeyFigures({ section, min }: { section: Section; min: number }) {
  const { t } = useTranslation();
  const format = useIndicatorFormat();
  const stepLabel = useStepLabel();
  const valueOf = (i: KeyIndicator) => (i.value ? format.value(i.value.value, i.unit) : t('report.indicators.noValue'));
  const survey = section.survey;
  return (
    <>
      <dl className="report-key-figures">
        {section.members && (
          <div>
            <dt>{t('report.keyFigures.members')}</dt>
            <dd>{valueOf(section.members)}</dd>
          </div>
        )}
        {section.reach && (
          <div>
            <dt>{t('report.keyFigures.reach', { name: section.reach.name })}</dt>
            <dd>{valueOf(section.reach)}</dd>
          </div>
        )}
        {survey && (
          <div>
            <dt>{t('report.keyFigures.respondents', { wave: survey.wave.title })}</dt>
            <dd>{survey.respondents === null ? t('results.fewerThan', { min }) : format.number(survey.respondents)}</dd>
          </div>
        )}
        {survey && survey.responseRate !== null && survey.base && (
          <div>
            <dt>{t(`report.keyFigures.responseRate_${survey.base}`)}</dt>
            <dd>{format.percent(survey.responseRate / 100)}</dd>
          </div>
        )}
      </dl>
      <h3 className="report-key-title">{t('report.keyFigures.staircase')}</h3>
      <ol className="report-staircase" reversed>
        {[...section.staircase].reverse().map((s) => (
          <li key={s.step} className={`report-stair report-stair-${s.step}`}>
            <span className="report-stair-label">
              {t('indicators.detail.stepValue', { step: s.step, label: stepLabel(s.step) })}
            </span>
            {s.indicators.length === 0 ? (
              <span className="muted"> · {t('report.keyFigures.noIndicators')}</span>
            ) : (
              <ul>
                {s.indicators.map((i) => (
                  <li key={i.key}>
                    {i.name}: <strong>{valueOf(i)}</strong>
                    {i.value && <span className="muted"> ({format.day(i.value.date)})</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <p className="note">{t('report.keyFigures.contribution')}</p>
    </>
  );
}
