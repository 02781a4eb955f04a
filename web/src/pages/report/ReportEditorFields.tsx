import { useTranslation } from 'react-i18next';
import type { ReportConfig, SectionKind } from '../../api/reports';
import { useResults } from '../../api/results';
import { type useWaves } from '../../api/waves';
import { CheckboxField, SelectField, TextField } from '../../components/TextField';
import { ErrorAlert, Loading } from '../../components/Status';
import { SectionOptions } from './ReportSectionOptions';
import type { useSectionRows } from './useSectionRows';

// The report editor's fieldsets. Each shows a part of the draft and changes it through `set`.

export interface DraftProps {
  draft: ReportConfig;
  set: (patch: Partial<ReportConfig>) => void;
}

/** The period the report covers; both ends may stay open. */
export function PeriodFields({ draft, set }: DraftProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="report-fieldset">
      <legend>{t('report.editor.period')}</legend>
      <p className="field-hint">{t('report.editor.periodHint')}</p>
      <div className="report-inline-fields">
        <TextField
          label={t('report.editor.from')}
          type="date"
          value={draft.period.from ?? ''}
          onChange={(e) => set({ period: { ...draft.period, from: e.target.value || null } })}
        />
        <TextField
          label={t('report.editor.to')}
          type="date"
          value={draft.period.to ?? ''}
          onChange={(e) => set({ period: { ...draft.period, to: e.target.value || null } })}
        />
      </div>
    </fieldset>
  );
}

/** The wave the report is about, and one of the same questionnaire to compare with. */
export function WaveFields({ draft, set, waves }: DraftProps & { waves: ReturnType<typeof useWaves> }) {
  const { t } = useTranslation();
  const mainWave = waves.data?.waves.find((w) => w.id === draft.wave);
  const compareOptions = (waves.data?.waves ?? []).filter(
    (w) => w.id !== draft.wave && w.questionnaire === mainWave?.questionnaire,
  );
  return (
    <fieldset className="report-fieldset">
      <legend>{t('report.editor.waves')}</legend>
      {waves.isPending ? (
        <Loading />
      ) : (
        <div className="report-inline-fields">
          <SelectField
            label={t('report.editor.wave')}
            value={draft.wave ?? ''}
            options={[
              { value: '', label: t('report.editor.none') },
              ...(waves.data?.waves ?? []).map((w) => ({ value: w.id, label: `${w.title} (${w.questionnaire})` })),
            ]}
            onChange={(e) =>
              set({
                wave: e.target.value || null,
                compareWave: null,
                keyQuestions: [],
                openQuestions: {},
                quotes: [],
              })
            }
          />
          <SelectField
            label={t('report.editor.compareWave')}
            value={draft.compareWave ?? ''}
            disabled={!draft.wave}
            options={[
              { value: '', label: t('report.editor.none') },
              ...compareOptions.map((w) => ({ value: w.id, label: w.title })),
            ]}
            onChange={(e) => set({ compareWave: e.target.value || null })}
          />
        </div>
      )}
      <ErrorAlert error={waves.error} />
    </fieldset>
  );
}

/** Which sections, in which order: a checkbox and move buttons per row, and the options of some sections. */
export function SectionRows({ ws, rows, setRow, move, moved }: ReturnType<typeof useSectionRows> & { ws: string }) {
  const { t } = useTranslation();
  const sectionName = (kind: SectionKind) => t(`report.sections.${kind}`);
  return (
    <fieldset className="report-fieldset">
      <legend>{t('report.editor.sections')}</legend>
      <p className="field-hint">{t('report.editor.sectionsHint')}</p>
      <ol className="report-section-list">
        {rows.map((row, i) => (
          <li key={row.kind} className={row.on ? 'report-section-row is-on' : 'report-section-row'}>
            <CheckboxField
              label={sectionName(row.kind)}
              checked={row.on}
              onChange={(e) => setRow(i, { on: e.target.checked })}
            />
            <div className="report-section-move">
              <button
                type="button"
                className="button-small"
                disabled={i === 0}
                data-move={`${row.kind}:up`}
                aria-label={t('report.editor.moveUp', { name: sectionName(row.kind) })}
                onClick={() => move(i, -1)}
              >
                {t('report.editor.up')}
              </button>
              <button
                type="button"
                className="button-small"
                disabled={i === rows.length - 1}
                data-move={`${row.kind}:down`}
                aria-label={t('report.editor.moveDown', { name: sectionName(row.kind) })}
                onClick={() => move(i, 1)}
              >
                {t('report.editor.down')}
              </button>
            </div>
            {row.on && row.kind === 'survey' && (
              <SelectField
                label={t('report.editor.measure')}
                value={row.measure ?? 'percent'}
                options={[
                  { value: 'percent', label: t('report.editor.measurePercent') },
                  { value: 'count', label: t('report.editor.measureCount') },
                ]}
                onChange={(e) => setRow(i, { measure: e.target.value === 'count' ? 'count' : undefined })}
              />
            )}
            {row.on && row.kind === 'open_answers' && (
              <TextField
                label={t('report.editor.topCodes')}
                type="number"
                min={1}
                max={20}
                value={row.topCodes ?? 5}
                onChange={(e) => {
                  const n = Math.round(Number(e.target.value));
                  setRow(i, { topCodes: n >= 1 && n <= 20 && n !== 5 ? n : undefined });
                }}
              />
            )}
            {row.on && (row.kind === 'key_figures' || row.kind === 'output') && (
              <SectionOptions ws={ws} row={row} set={(patch) => setRow(i, patch)} />
            )}
            {row.on && row.kind === 'outcome_impact' && (
              <CheckboxField
                label={t('report.editor.provenance')}
                checked={row.provenance ?? true}
                onChange={(e) => setRow(i, { provenance: e.target.checked ? undefined : false })}
              />
            )}
          </li>
        ))}
      </ol>
      <p role="status" className="visually-hidden">
        {moved ? t('report.editor.movedTo', { name: sectionName(moved.kind), position: moved.position }) : ''}
      </p>
    </fieldset>
  );
}

/** The key questions, from the chosen wave's results. */
export function KeyQuestionFields({ ws, lang, draft, set }: DraftProps & { ws: string; lang: string }) {
  const { t } = useTranslation();
  const results = useResults(ws, draft.wave ?? '', [], lang, Boolean(draft.wave));
  const questions = results.data?.questions ?? [];
  return (
    <fieldset className="report-fieldset">
      <legend>{t('report.editor.keyQuestions')}</legend>
      {!draft.wave ? (
        <p className="muted">{t('report.editor.needsWave')}</p>
      ) : results.isPending ? (
        <Loading />
      ) : (
        <div className="report-question-list">
          {questions.map((q) => (
            <CheckboxField
              key={q.name}
              label={q.title}
              checked={draft.keyQuestions.includes(q.name)}
              onChange={(e) => {
                const chosen = new Set(draft.keyQuestions);
                if (e.target.checked) chosen.add(q.name);
                else chosen.delete(q.name);
                // Kept in the questionnaire's order.
                set({ keyQuestions: questions.map((x) => x.name).filter((n) => chosen.has(n)) });
              }}
            />
          ))}
        </div>
      )}
      <ErrorAlert error={results.error} />
    </fieldset>
  );
}
