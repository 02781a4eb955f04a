import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { indicatorLevels, useIndicators, type Indicator } from '../../api/indicators';
import { PageHeading } from '../../components/PageHeading';
import { ErrorAlert, Loading } from '../../components/Status';
import { Tabs, tabPanelProps } from '../../components/Tabs';
import { useCurrentWorkspace } from '../WorkspaceLayout';
import { levelOfStep, STEPS } from './model';
import { LatestValue, TrendMark, useStepLabel } from './parts';

type View = 'staircase' | 'iooi';
const ID_PREFIX = 'indicators';

/**
 * `/w/:ws/indicators`: the workspace's indicators on the PHINEO
 * Wirkungstreppe (seven ascending steps, inputs apart) or in the four IOOI
 * columns. The view is kept in the address (`?view=iooi`).
 */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const ws = workspace.slug;
  const isOrganiser = workspace.role === 'organiser';
  const indicators = useIndicators(ws);
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'iooi' ? 'iooi' : 'staircase';
  const list = indicators.data?.indicators;

  const setView = (next: View) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        if (next === 'staircase') out.delete('view');
        else out.set('view', next);
        return out;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeading title={t('indicators.title')} />
      <p className="muted">{t('indicators.intro')}</p>
      {!isOrganiser && <p className="muted">{t('indicators.readOnly')}</p>}
      {indicators.isPending && <Loading />}
      <ErrorAlert error={indicators.error} />
      {list && list.length === 0 && <EmptyState isOrganiser={isOrganiser} />}
      {list && list.length > 0 && (
        <>
          {isOrganiser && (
            <p className="page-actions">
              <Link to={`/w/${ws}/indicators/new`} className="button-link button-primary">
                {t('indicators.create')}
              </Link>
            </p>
          )}
          <Tabs
            label={t('indicators.views.label')}
            tabs={[
              { id: 'staircase', label: t('indicators.views.staircase') },
              { id: 'iooi', label: t('indicators.views.iooi') },
            ]}
            selected={view}
            onSelect={setView}
            idPrefix={ID_PREFIX}
          />
          <div {...tabPanelProps(ID_PREFIX, view)} className="tab-panel">
            {view === 'staircase' ? <Staircase ws={ws} indicators={list} /> : <IooiColumns ws={ws} indicators={list} />}
          </div>
        </>
      )}
    </>
  );
}

function EmptyState({ isOrganiser }: { isOrganiser: boolean }) {
  const { t } = useTranslation();
  const ws = useCurrentWorkspace().slug;
  return (
    <section className="empty indicators-empty" aria-labelledby="indicators-empty-title">
      <h2 id="indicators-empty-title">{t('indicators.empty.title')}</h2>
      <p>{t('indicators.empty.text')}</p>
      {isOrganiser ? (
        <>
          <p>{t('indicators.empty.organiser')}</p>
          <p>
            <Link to={`/w/${ws}/indicators/new`} className="button-link button-primary">
              {t('indicators.create')}
            </Link>
          </p>
        </>
      ) : (
        <p>{t('indicators.empty.analyst')}</p>
      )}
    </section>
  );
}

/** One indicator as a small card: name (a link), latest value with unit, trend. */
function IndicatorItem({ ws, indicator }: { ws: string; indicator: Indicator }) {
  return (
    <li className="indicator-item">
      <Link to={`/w/${ws}/indicators/${indicator.key}`} className="indicator-name">
        {indicator.name}
      </Link>
      <span className="indicator-figure">
        <LatestValue indicator={indicator} /> <TrendMark series={indicator.series} direction={indicator.direction} />
      </span>
    </li>
  );
}

function IndicatorList({ ws, indicators, empty }: { ws: string; indicators: Indicator[]; empty: string }) {
  if (indicators.length === 0) return <p className="muted indicator-none">{empty}</p>;
  return (
    <ul className="indicator-list">
      {indicators.map((indicator) => (
        <IndicatorItem key={indicator.key} ws={ws} indicator={indicator} />
      ))}
    </ul>
  );
}

/**
 * The seven steps as an ordered list, drawn as a staircase that rises from
 * left to right when it is wide enough for whole words, else (and in print)
 * from top to bottom, each step indented further.
 */
function Staircase({ ws, indicators }: { ws: string; indicators: Indicator[] }) {
  const { t } = useTranslation();
  const stepLabel = useStepLabel();
  const inputs = indicators.filter((i) => i.level === 'input');
  const withoutStep = indicators.filter((i) => i.level !== 'input' && i.step === null);
  return (
    <>
      <h2 className="visually-hidden">{t('indicators.staircase.title')}</h2>
      <p className="muted">{t('indicators.staircase.intro')}</p>
      <div className="staircase-frame">
        <ol className="staircase">
          {STEPS.map((step) => {
            const level = levelOfStep(step);
            return (
              <li key={step} className={`staircase-step staircase-step-${step} staircase-${level}`}>
                <div className="staircase-block">
                  <h3 id={`step-${step}-title`} className="staircase-title">
                    <span className="staircase-number">{t('indicators.staircase.step', { step })}</span>{' '}
                    <span className="staircase-label">{stepLabel(step)}</span>
                  </h3>
                  <p className="staircase-level">{t(`indicators.levels.${level}`)}</p>
                </div>
                <div className="staircase-tread">
                  <IndicatorList
                    ws={ws}
                    indicators={indicators.filter((i) => i.step === step)}
                    empty={t('indicators.staircase.empty')}
                  />
                </div>
              </li>
            );
          })}
        </ol>
      </div>
      {withoutStep.length > 0 && (
        <section className="panel" aria-labelledby="indicators-nostep-title">
          <h2 id="indicators-nostep-title">{t('indicators.staircase.noStep')}</h2>
          <p className="muted">{t('indicators.staircase.noStepIntro')}</p>
          <IndicatorList ws={ws} indicators={withoutStep} empty="" />
        </section>
      )}
      <section className="panel staircase-inputs" aria-labelledby="indicators-inputs-title">
        <h2 id="indicators-inputs-title">{t('indicators.staircase.inputs')}</h2>
        <p className="muted">{t('indicators.staircase.inputsIntro')}</p>
        <IndicatorList ws={ws} indicators={inputs} empty={t('indicators.staircase.noInputs')} />
      </section>
    </>
  );
}

/** Input, output, outcome and impact side by side. */
function IooiColumns({ ws, indicators }: { ws: string; indicators: Indicator[] }) {
  const { t } = useTranslation();
  const stepLabel = useStepLabel();
  return (
    <>
      <h2 className="visually-hidden">{t('indicators.iooi.title')}</h2>
      <div className="iooi-columns">
        {indicatorLevels.map((level) => {
          const here = indicators.filter((i) => i.level === level).sort((a, b) => (a.step ?? 0) - (b.step ?? 0));
          return (
            <section key={level} className={`iooi-column staircase-${level}`} aria-labelledby={`iooi-${level}-title`}>
              <h3 id={`iooi-${level}-title`}>{t(`indicators.levels.${level}`)}</h3>
              <p className="muted iooi-hint">{t(`indicators.levelHints.${level}`)}</p>
              {here.length === 0 ? (
                <p className="muted indicator-none">{t('indicators.iooi.empty')}</p>
              ) : (
                <ul className="indicator-list">
                  {here.map((indicator) => (
                    <li key={indicator.key} className="indicator-item">
                      <Link to={`/w/${ws}/indicators/${indicator.key}`} className="indicator-name">
                        {indicator.name}
                      </Link>
                      {indicator.step !== null && (
                        <span className="indicator-step">
                          {t('indicators.detail.stepValue', { step: indicator.step, label: stepLabel(indicator.step) })}
                        </span>
                      )}
                      <span className="indicator-figure">
                        <LatestValue indicator={indicator} />{' '}
                        <TrendMark series={indicator.series} direction={indicator.direction} />
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
