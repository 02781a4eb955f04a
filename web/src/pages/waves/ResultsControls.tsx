import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaveResults } from '../../api/results';
import type { Wave } from '../../api/waves';
import type { Measure } from '../../components/charts/datasets';
import { ErrorAlert } from '../../components/Status';
import { describeFilter, filterSubjects, subjectGroups } from './filterSubjects';

/** Filters, a wave to compare with, and whether to show shares or counts. */
export function ResultsControls(props: {
  data: WaveResults;
  where: string[];
  onWhere: (where: string[]) => void;
  /** Whether this wave is known yet (from the list of waves), so that "no other wave" is true. */
  waveKnown: boolean;
  siblings: Wave[];
  compareId: string;
  onCompare: (waveId: string) => void;
  comparePending: boolean;
  compareError: unknown;
  /** The compared wave's results once loaded, summarised right below its selector. */
  compareData: WaveResults | undefined;
  measure: Measure;
  onMeasure: (measure: Measure) => void;
}) {
  const { data, where, onWhere, waveKnown, siblings, compareId, onCompare, comparePending, compareError } = props;
  const { compareData } = props;
  const { measure, onMeasure: setMeasure } = props;
  const { t } = useTranslation();
  return (
    <section className="panel results-controls" aria-labelledby="results-controls-title">
      <h2 id="results-controls-title">{t('results.controls')}</h2>
      <FilterBar data={data} where={where} onChange={onWhere} />
      <div className="results-options">
        <div className="field">
          <label htmlFor="results-compare">{t('results.compare.label')}</label>
          <select id="results-compare" value={compareId} onChange={(e) => onCompare(e.target.value)}>
            <option value="">{t('results.compare.none')}</option>
            {siblings.map((w) => (
              <option key={w.id} value={w.id}>
                {w.title}
              </option>
            ))}
          </select>
          {waveKnown && siblings.length === 0 && <p className="field-hint">{t('results.compare.noOther')}</p>}
          {/* The comparison's outcome next to its selector, not after the last question. */}
          <div role="status" className="compare-result">
            {compareId && comparePending && t('common.loading')}
            {compareData && <CompareSummary compare={compareData} />}
          </div>
          <ErrorAlert error={compareId ? compareError : null} />
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
      <p role="status" className="visually-hidden" data-testid="filter-announcement">
        {where.length === 0
          ? ''
          : data.n === null
            ? t('results.filters.updatedFew', { min: data.minGroupSize })
            : t('results.filters.updated', { count: data.n })}
      </p>
    </section>
  );
}

/** What the compared wave adds: its count, or why there is nothing to compare. */
function CompareSummary({ compare }: { compare: WaveResults }) {
  const { t } = useTranslation();
  if (compare.suppressed)
    return (
      <p className="alert alert-warning">
        {t('results.compare.suppressed', { title: compare.wave.title, min: compare.minGroupSize })}
      </p>
    );
  return (
    <p className="field-hint">{t('results.compare.summary', { title: compare.wave.title, count: compare.n ?? 0 })}</p>
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
        {/* Never disabled: a button that disables itself on use drops the keyboard focus to the page. */}
        <button type="submit">{t('results.filters.add')}</button>
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
