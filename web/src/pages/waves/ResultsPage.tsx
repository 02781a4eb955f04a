import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useResults, useTrend, type QuestionResult, type WaveResults } from '../../api/results';
import { useWaves, type Wave } from '../../api/waves';
import { Chart } from '../../components/charts/Chart';
import { perDayBars, perDayRows, trendSeries, type Measure } from '../../components/charts/datasets';
import { MISSING, PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { ErrorAlert, Loading } from '../../components/Status';
import { useCurrentWorkspace } from '../WorkspaceLayout';
import { useCountText, useNumbers, useWaveFormat } from './format';
import { ExportPanel } from './ExportPanel';
import { QuestionCard } from './QuestionCard';
import { describeFilter, filterSubjects, subjectGroups } from './filterSubjects';

/**
 * `/w/:ws/waves/:id`: a wave's results with filters (in the URL), a second
 * wave to compare with and one question's trend across waves.
 */
export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  const ws = workspace.slug;
  const id = useParams().id ?? '';
  const [params, setParams] = useSearchParams();
  const where = params.getAll('where');
  const compareId = params.get('compare') ?? '';
  const trendQuestion = params.get('trend') ?? '';
  const locale = i18n.resolvedLanguage === 'de' ? 'de' : 'en';
  const [measure, setMeasure] = useState<Measure>('percent');

  const results = useResults(ws, id, where, locale);
  const compare = useResults(ws, compareId, where, locale, compareId !== '');
  const waves = useWaves(ws);
  const thisWave = waves.data?.waves.find((w) => w.id === id);
  const siblings = waves.data?.waves.filter((w) => w.id !== id && w.questionnaire === thisWave?.questionnaire) ?? [];

  function change(edit: (next: URLSearchParams) => void) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        edit(next);
        return next;
      },
      { replace: true },
    );
  }
  const setWhere = (list: string[]) =>
    change((next) => {
      next.delete('where');
      for (const w of list) next.append('where', w);
    });

  const back = (
    <p className="back-link results-controls">
      <Link to={`/w/${ws}/waves`}>{t('waves.settings.back')}</Link>
    </p>
  );

  if (results.isPending) return <Loading />;
  if (results.isError) {
    const error = results.error;
    if (error instanceof ApiError && error.code === 'invalid_filter') {
      return (
        <>
          {back}
          <PageHeading title={thisWave?.title ?? t('results.title')} />
          <ErrorAlert error={error} />
          <button type="button" onClick={() => setWhere([])}>
            {t('results.filters.clear')}
          </button>
        </>
      );
    }
    return (
      <>
        {back}
        <PageError error={error} notFoundStatuses={MISSING} />
      </>
    );
  }

  const data = results.data;
  const compareData = compareId && compare.data ? compare.data : undefined;
  const compareWave = siblings.find((w) => w.id === compareId);
  return (
    <>
      {back}
      <PageHeading title={data.wave.title} />
      <p className="results-links results-controls">
        <Link to={`/w/${ws}/waves/${id}/settings`}>{t('results.settingsLink')}</Link>
      </p>
      <Headline data={data} />
      <section className="panel results-controls" aria-labelledby="results-controls-title">
        <h2 id="results-controls-title">{t('results.controls')}</h2>
        <FilterBar data={data} where={where} onChange={setWhere} />
        <div className="results-options">
          <div className="field">
            <label htmlFor="results-compare">{t('results.compare.label')}</label>
            <select
              id="results-compare"
              value={compareId}
              onChange={(e) =>
                change((next) => (e.target.value ? next.set('compare', e.target.value) : next.delete('compare')))
              }
            >
              <option value="">{t('results.compare.none')}</option>
              {siblings.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.title}
                </option>
              ))}
            </select>
            {thisWave && siblings.length === 0 && <p className="field-hint">{t('results.compare.noOther')}</p>}
          </div>
          <div className="toggle-group" role="group" aria-label={t('results.measure.label')}>
            <span className="toggle-label">{t('results.measure.label')}</span>
            {(['percent', 'count'] as const).map((m) => (
              <button
                key={m}
                type="button"
                className="button-small"
                aria-pressed={measure === m}
                onClick={() => setMeasure(m)}
              >
                {t(`results.measure.${m}`)}
              </button>
            ))}
          </div>
        </div>
        {compareId && compare.isPending && <Loading />}
        <ErrorAlert error={compareId ? compare.error : null} />
      </section>
      <ExportPanel
        ws={ws}
        waveId={id}
        where={where}
        locale={locale}
        organiser={workspace.role === 'organiser'}
        // The registry says which types have a long table of their own.
        panels={data.questions
          .filter((q) => data.questionTypes[q.type]?.export === 'panels')
          .map((q) => ({ name: q.name, title: q.title }))}
      />

      {data.suppressed ? (
        <p className="alert alert-warning" role="status">
          {t('results.suppressedAll', { min: data.minGroupSize })}
        </p>
      ) : data.questions.length === 0 ? (
        <p className="empty">{t('results.noQuestions')}</p>
      ) : (
        data.questions.map((q) => (
          <QuestionCard
            key={q.name}
            q={q}
            min={data.minGroupSize}
            measure={measure}
            title={data.wave.title}
            questionTypes={data.questionTypes}
            level={2}
            className="panel result-card"
            idPrefix="q-"
            openText="link"
            compare={
              compareData && !compareData.suppressed
                ? {
                    title: compareWave?.title ?? compareData.wave.title,
                    q: compareData.questions.find((c) => c.name === q.name),
                  }
                : undefined
            }
          />
        ))
      )}
      {compareData?.suppressed && (
        <p className="alert alert-warning">
          {t('results.compare.suppressed', { title: compareData.wave.title, min: compareData.minGroupSize })}
        </p>
      )}

      {thisWave && (
        <TrendPanel
          ws={ws}
          wave={thisWave}
          questions={data.questions}
          question={trendQuestion}
          locale={locale}
          onPick={(name) => change((next) => (name ? next.set('trend', name) : next.delete('trend')))}
        />
      )}
    </>
  );
}

function Headline({ data }: { data: WaveResults }) {
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
        <dd data-testid="n">{data.n === null ? t('results.fewerThan', { min: data.minGroupSize }) : data.n}</dd>
      </dl>
      {data.perDay.length > 0 && <PerDay perDay={data.perDay} />}
      <p className="muted">{t('results.minGroupNote', { min: data.minGroupSize })}</p>
      {data.responses.complete === 0 && <p className="empty">{t('results.noResponses')}</p>}
    </section>
  );
}

/** Complete responses per day of the whole wave (not filtered): a small bar chart and its table. */
function PerDay({ perDay }: { perDay: WaveResults['perDay'] }) {
  const { t, i18n } = useTranslation();
  const format = useWaveFormat();
  const title = t('results.perDay.title');
  const countLabel = t('results.perDay.count');
  const rows = useMemo(() => perDayRows(perDay), [perDay]);
  // `format.day` is new on each render; the labels change only with the language.
  const series = useMemo(
    () => perDayBars(rows, { label: countLabel, day: format.day }),
    [rows, countLabel, i18n.resolvedLanguage],
  );
  return (
    <div className="results-per-day">
      <h3>{title}</h3>
      <Chart kind="bar" data={series} size="s" label={t('results.chartLabel', { title })} />
      <details className="table-alternative">
        <summary>{t('results.table.show')}</summary>
        <div className="table-wrap">
          <table className="table-compact">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.perDay.day')}</th>
                <th scope="col" className="numeric">
                  {countLabel}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.date}>
                  <th scope="row">
                    <time dateTime={r.date}>{format.day(r.date)}</time>
                  </th>
                  <td className="numeric">{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

function FilterBar({
  data,
  where,
  onChange,
}: {
  data: WaveResults;
  where: string[];
  onChange: (where: string[]) => void;
}) {
  const { t } = useTranslation();
  // The server's registry says what a filter may name (choices and choice cells, never free text).
  const subjects = useMemo(() => filterSubjects(data), [data]);
  const [question, setQuestion] = useState('');
  const [value, setValue] = useState('');
  const picked = subjects.find((s) => s.key === question);

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!picked || value === '') return;
    const filter = `${picked.key}:${value}`;
    if (!where.includes(filter)) onChange([...where, filter]);
    setValue('');
  }

  const chipText = (w: string) => {
    const { subject, value: chosen } = describeFilter(subjects, w);
    return t('results.filters.chip', { question: subject, value: chosen });
  };

  return (
    <div className="filter-bar">
      <form className="form-inline filter-form" onSubmit={add} aria-label={t('results.filters.title')}>
        <div className="field">
          <label htmlFor="filter-question">{t('results.filters.question')}</label>
          <select
            id="filter-question"
            value={question}
            onChange={(e) => {
              setQuestion(e.target.value);
              setValue('');
            }}
          >
            <option value="">{t('results.filters.pickQuestion')}</option>
            {subjectGroups(subjects).map((g) =>
              g.group === undefined ? (
                <option key={g.subjects[0]!.key} value={g.subjects[0]!.key}>
                  {g.subjects[0]!.label}
                </option>
              ) : (
                <optgroup key={g.subjects[0]!.key} label={g.group}>
                  {g.subjects.map((s) => (
                    <option key={s.key} value={s.key}>
                      {s.cell}
                    </option>
                  ))}
                </optgroup>
              ),
            )}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-value">{t('results.filters.value')}</label>
          <select id="filter-value" value={value} disabled={!picked} onChange={(e) => setValue(e.target.value)}>
            <option value="">{t('results.filters.pickValue')}</option>
            {picked?.choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={!picked || value === ''}>
          {t('results.filters.add')}
        </button>
      </form>
      {where.length > 0 && (
        <div className="filter-chips">
          <span className="toggle-label">{t('results.filters.active')}</span>
          <ul>
            {where.map((w) => (
              <li key={w} className="chip">
                <span>{chipText(w)}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('results.filters.remove', { filter: chipText(w) })}
                  onClick={() => onChange(where.filter((x) => x !== w))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="button-small" onClick={() => onChange([])}>
            {t('results.filters.clear')}
          </button>
        </div>
      )}
    </div>
  );
}

function TrendPanel(props: {
  ws: string;
  wave: Wave;
  questions: QuestionResult[];
  question: string;
  locale: string;
  onPick: (name: string) => void;
}) {
  const { t } = useTranslation();
  const { ws, wave, questions, question, locale, onPick } = props;
  const trend = useTrend(ws, wave.questionnaire, question, locale);
  const numbers = useNumbers();
  const breakMark = t('results.trend.breakMark');
  const nLabel = t('results.table.n');
  const meanLabel = t('results.mean');
  const series = useMemo(
    () => (trend.data ? trendSeries(trend.data.waves, { breakMark, nLabel, meanLabel }) : null),
    [trend.data, breakMark, nLabel, meanLabel],
  );
  const min = trend.data?.minGroupSize ?? 0;
  const countText = useCountText(min);
  const value = (v: number | null | undefined) =>
    v == null
      ? '–'
      : series?.measure.kind === 'share'
        ? numbers.percent(v)
        : series?.measure.kind === 'mean'
          ? numbers.decimal(v)
          : String(v);
  return (
    <section className="panel" aria-labelledby="trend-title">
      <h2 id="trend-title">{t('results.trend.title')}</h2>
      <div className="field results-controls">
        <label htmlFor="trend-question">{t('results.trend.question')}</label>
        <select id="trend-question" value={question} onChange={(e) => onPick(e.target.value)}>
          <option value="">{t('results.trend.pick')}</option>
          {questions.map((q) => (
            <option key={q.name} value={q.name}>
              {q.title}
            </option>
          ))}
        </select>
      </div>
      {question && trend.isPending && <Loading />}
      <ErrorAlert error={trend.error} />
      {series && trend.data && (
        <>
          <p className="muted">{t(`results.trend.measure.${series.measure.kind}`)}</p>
          <Chart
            key={series.measure.kind}
            kind={series.measure.kind === 'share' ? 'bar' : 'line'}
            data={series}
            percent={series.measure.kind === 'share'}
            size="m"
            label={t('results.chartLabel', { title: t('results.trend.title') })}
          />
          {trend.data.waves.some((w) => w.breakBefore) && (
            <p className="note">{t('results.trend.breakNote', { mark: breakMark })}</p>
          )}
          <details className="table-alternative">
            <summary>{t('results.table.show')}</summary>
            <div className="table-wrap">
              <table className="table-compact">
                <caption className="visually-hidden">{t('results.trend.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('results.trend.wave')}</th>
                    <th scope="col">{t('results.trend.version')}</th>
                    <th scope="col" className="numeric">
                      {t('results.table.n')}
                    </th>
                    {series.datasets.map((d) => (
                      <th key={d.label} scope="col" className="numeric">
                        {d.label}
                      </th>
                    ))}
                    <th scope="col">{t('results.trend.break')}</th>
                  </tr>
                </thead>
                <tbody>
                  {trend.data.waves.map((w, i) => (
                    <tr key={w.wave.id}>
                      <th scope="row">{w.wave.title}</th>
                      <td>{w.version}</td>
                      <td className="numeric">{w.missing ? t('results.trend.missing') : countText(w.n)}</td>
                      {series.datasets.map((d) => (
                        <td key={d.label} className="numeric">
                          {value(d.data[i])}
                        </td>
                      ))}
                      <td>
                        {w.breakBefore && <span className="badge badge-warning">{t('results.trend.breakYes')}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
