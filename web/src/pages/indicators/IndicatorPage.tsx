import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  useAddMeasurement,
  useDeleteIndicator,
  useDeleteMeasurement,
  useIndicator,
  type Indicator,
} from '../../api/indicators';
import { Chart } from '../../components/charts/Chart';
import { indicatorLines } from '../../components/charts/datasets';
import { ConfirmButton } from '../../components/ConfirmButton';
import { MISSING, PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { ErrorAlert, Loading, SuccessStatus } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { TextField } from '../../components/TextField';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useCurrentWorkspace } from '../WorkspaceLayout';
import { parseNumber } from './model';
import { Provenance, SourceText, useIndicatorFormat, useStepLabel } from './parts';

/** Today as YYYY-MM-DD in the user's own time zone. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * `/w/:ws/indicators/:key`: one indicator with its place in the impact
 * model, its source in words, progress toward the target, the course as a
 * chart with baseline and target, and every value with where it comes from.
 * Organisers enter and delete measurements of manual indicators here.
 */
export function IndicatorPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const ws = workspace.slug;
  const key = useParams().key ?? '';
  const query = useIndicator(ws, key);

  const back = (
    <p className="back-link">
      <Link to={`/w/${ws}/indicators`}>{t('indicators.detail.back')}</Link>
    </p>
  );

  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        {back}
        <PageError error={query.error} notFoundStatuses={MISSING} />
      </>
    );
  }
  return (
    <>
      {back}
      <IndicatorView indicator={query.data} />
    </>
  );
}

function IndicatorView({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const ws = workspace.slug;
  const isOrganiser = workspace.role === 'organiser';
  const format = useIndicatorFormat();
  const stepLabel = useStepLabel();
  const navigate = useNavigate();
  const remove = useDeleteIndicator(ws, indicator.key);
  const dated = (v: { date: string; value: number } | null) =>
    v
      ? t('indicators.detail.datedValue', { value: format.value(v.value, indicator), date: format.day(v.date) })
      : t('indicators.detail.none');

  return (
    <>
      <PageHeading title={indicator.name} />
      {indicator.description && <p className="indicator-description">{indicator.description}</p>}
      {isOrganiser && (
        <div className="actions indicator-actions">
          <Link to={`/w/${ws}/indicators/${indicator.key}/edit`} className="button-link">
            {t('indicators.detail.edit')}
          </Link>
          <ConfirmButton
            label={t('indicators.detail.delete')}
            question={t('indicators.detail.deleteQuestion', { name: indicator.name })}
            confirmLabel={t('indicators.detail.deleteConfirm')}
            pending={remove.isPending}
            onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate(`/w/${ws}/indicators`) })}
          />
        </div>
      )}
      <ErrorAlert error={remove.error} />

      <section aria-labelledby="indicator-facts-title">
        <h2 id="indicator-facts-title" className="visually-hidden">
          {t('indicators.detail.facts')}
        </h2>
        <dl className="facts">
          <dt>{t('indicators.detail.level')}</dt>
          <dd>{t(`indicators.levels.${indicator.level}`)}</dd>
          <dt>{t('indicators.detail.step')}</dt>
          <dd>
            {indicator.step === null
              ? t('indicators.detail.noStep')
              : t('indicators.detail.stepValue', { step: indicator.step, label: stepLabel(indicator.step) })}
          </dd>
          <dt>{t('indicators.detail.source')}</dt>
          <dd>
            <SourceText ws={ws} source={indicator.source} />
          </dd>
          {indicator.unit && (
            <>
              <dt>{t('indicators.detail.unit')}</dt>
              <dd>{indicator.unit}</dd>
            </>
          )}
          <dt>{t('indicators.detail.direction')}</dt>
          <dd>{t(`indicators.direction.${indicator.direction}`)}</dd>
          <dt>{t('indicators.detail.baseline')}</dt>
          <dd>{dated(indicator.baseline)}</dd>
          <dt>{t('indicators.detail.target')}</dt>
          <dd>{dated(indicator.target)}</dd>
          <dt>{t('indicators.detail.latest')}</dt>
          <dd>{indicator.latest ? dated(indicator.latest) : t('indicators.noValue')}</dd>
          {indicator.srsChapter && (
            <>
              <dt>{t('indicators.detail.srsChapter')}</dt>
              <dd>{indicator.srsChapter}</dd>
            </>
          )}
        </dl>
      </section>

      <ProgressSection indicator={indicator} />
      <CourseSection indicator={indicator} />
      {isOrganiser && indicator.source.kind === 'manual' && <MeasurementForm ws={ws} indicatorKey={indicator.key} />}
    </>
  );
}

function ProgressSection({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const format = useIndicatorFormat();
  const progress = indicator.progress;
  return (
    <section className="panel indicator-progress" aria-labelledby="indicator-progress-title">
      <h2 id="indicator-progress-title">{t('indicators.detail.progress')}</h2>
      {progress === null ? (
        <p className="muted">
          {indicator.target ? t('indicators.detail.progressNoValue') : t('indicators.detail.progressNoTarget')}
        </p>
      ) : (
        <>
          <progress
            max={100}
            value={Math.round(progress * 100)}
            aria-labelledby="indicator-progress-title"
            aria-describedby="indicator-progress-text"
          />
          <p id="indicator-progress-text">
            {t('indicators.detail.progressValue', { percent: format.percent(progress) })}
          </p>
        </>
      )}
    </section>
  );
}

/** The chart of the series with baseline and target, and the table of every value with its provenance. */
function CourseSection({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const ws = workspace.slug;
  const isOrganiser = workspace.role === 'organiser';
  const format = useIndicatorFormat();
  const removeMeasurement = useDeleteMeasurement(ws, indicator.key);
  const [deleted, setDeleted] = useState(false);
  const canDelete = isOrganiser && indicator.source.kind === 'manual';
  const seriesLabel = indicator.unit
    ? `${t('indicators.detail.seriesLabel')} (${indicator.unit})`
    : t('indicators.detail.seriesLabel');
  const baselineLabel = t('indicators.detail.baseline');
  const targetLabel = t('indicators.detail.target');
  // `format.day` follows the language only.
  const lines = useMemo(
    () => indicatorLines(indicator, { label: seriesLabel, baselineLabel, targetLabel }),
    [indicator, seriesLabel, baselineLabel, targetLabel],
  );
  const valueText = (point: Indicator['series'][number]) =>
    point.value !== null
      ? format.value(point.value, indicator)
      : point.source.kind === 'survey' && point.source.reason
        ? t('indicators.detail.withheld')
        : t('indicators.detail.none');

  return (
    <section className="panel" aria-labelledby="indicator-course-title">
      <h2 id="indicator-course-title">{t('indicators.detail.chartTitle')}</h2>
      {indicator.series.length === 0 ? (
        <p className="empty">{t('indicators.detail.chartEmpty')}</p>
      ) : (
        <>
          <Chart
            kind="line"
            data={lines}
            timeText={format.time}
            tickText={format.number}
            size="m"
            valueTitle={indicator.unit ?? undefined}
            label={t('indicators.detail.chartLabel', { name: indicator.name })}
          />
          <h3 id="indicator-table-title">{t('indicators.detail.table')}</h3>
          <div className="table-wrap" role="region" aria-labelledby="indicator-table-title" tabIndex={0}>
            <table className="table-compact indicator-table">
              <caption className="visually-hidden">{t('indicators.detail.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicators.detail.date')}</th>
                  <th scope="col" className="numeric">
                    {t('indicators.detail.value')}
                  </th>
                  <th scope="col">{t('indicators.detail.provenance')}</th>
                  {canDelete && <th scope="col">{t('common.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {indicator.series.map((point, i) => (
                  <tr key={point.source.kind === 'manual' ? point.source.measurementId : `${point.date}-${i}`}>
                    <th scope="row" className="nowrap">
                      <time dateTime={point.date}>{format.day(point.date)}</time>
                    </th>
                    <td className="numeric nowrap">{valueText(point)}</td>
                    <td>
                      <Provenance ws={ws} point={point} minGroupSize={workspace.minGroupSize} />
                    </td>
                    {canDelete && (
                      <td>
                        {point.source.kind === 'manual' && (
                          <ConfirmButton
                            label={t('indicators.measurement.delete')}
                            accessibleLabel={t('indicators.measurement.deleteLabel', { date: format.day(point.date) })}
                            question={t('indicators.measurement.deleteQuestion', { date: format.day(point.date) })}
                            confirmLabel={t('indicators.measurement.deleteConfirm')}
                            pending={removeMeasurement.isPending}
                            onConfirm={() => {
                              setDeleted(false);
                              const id = point.source.kind === 'manual' ? point.source.measurementId : '';
                              removeMeasurement.mutate(id, { onSuccess: () => setDeleted(true) });
                            }}
                          />
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <ErrorAlert error={removeMeasurement.error} />
      {canDelete && <SuccessStatus>{deleted ? t('indicators.measurement.deleted') : ''}</SuccessStatus>}
    </section>
  );
}

type MeasurementField = 'date' | 'value' | 'note';

function MeasurementForm({ ws, indicatorKey }: { ws: string; indicatorKey: string }) {
  const { t } = useTranslation();
  const add = useAddMeasurement(ws, indicatorKey);
  const { formRef, errors, check } = useFieldErrors<MeasurementField>();
  const [added, setAdded] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(false);
    const form = new FormData(event.currentTarget);
    const text = (name: MeasurementField) => String(form.get(name) ?? '').trim();
    const date = text('date');
    const value = parseNumber(text('value'));
    const note = text('note');
    const valid = check({
      ...(/^\d{4}-\d{2}-\d{2}$/.test(date) ? {} : { date: t('indicators.validation.date') }),
      ...(value === undefined ? { value: t('indicators.validation.number') } : {}),
    });
    if (!valid || value === undefined) return;
    add.mutate(
      { date, value, ...(note && { note }) },
      {
        onSuccess: () => {
          setAdded(true);
          formRef.current?.reset();
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="measurement-title">
      <h2 id="measurement-title">{t('indicators.measurement.title')}</h2>
      <form ref={formRef} noValidate onSubmit={submit}>
        <div className="form-row">
          <TextField
            label={t('indicators.measurement.date')}
            error={errors.date}
            name="date"
            type="date"
            required
            defaultValue={today()}
          />
          <TextField
            label={t('indicators.measurement.value')}
            error={errors.value}
            name="value"
            inputMode="decimal"
            required
            autoComplete="off"
          />
        </div>
        <TextField
          label={t('indicators.measurement.note')}
          hint={t('indicators.measurement.noteHint')}
          error={errors.note}
          name="note"
          maxLength={500}
          autoComplete="off"
        />
        <ErrorAlert error={add.error} />
        <SubmitButton pending={add.isPending}>{t('indicators.measurement.submit')}</SubmitButton>
        <SuccessStatus>{added ? t('indicators.measurement.added') : ''}</SuccessStatus>
      </form>
    </section>
  );
}
