import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswers } from '../../api/answers';
import {
  openRoles,
  sectionKinds,
  useSaveReport,
  type OpenRole,
  type Report,
  type ReportConfig,
  type Section,
  type SectionKind,
} from '../../api/reports';
import { useVersionQuestions } from '../../api/questionnaires';
import { useResults } from '../../api/results';
import { useWaves } from '../../api/waves';
import { UnsavedChangesGuard } from '../../components/UnsavedChanges';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/TextField';
import { ErrorAlert, Loading, SuccessStatus } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';

/** Every section kind in the editor's order: the chosen ones first, as saved, then the rest. */
type Row = Section & { on: boolean };

function rowsOf(sections: Section[]): Row[] {
  const chosen = sections.map((s) => ({ ...s, on: true }));
  const rest = sectionKinds.filter((k) => !sections.some((s) => s.kind === k)).map((kind) => ({ kind, on: false }));
  return [...chosen, ...rest];
}

const configOf = (report: Report): ReportConfig => ({
  title: report.title,
  period: report.period,
  wave: report.wave,
  compareWave: report.compareWave,
  sections: report.sections,
  keyQuestions: report.keyQuestions,
  openQuestions: report.openQuestions,
  quotes: report.quotes,
  decisions: report.decisions,
});

/** Drops empty choices, so that the saved state compares equal to a fresh draft of it. */
function normalise(c: ReportConfig): ReportConfig {
  const openQuestions = Object.fromEntries(
    openRoles.flatMap((r) => (c.openQuestions[r] ? [[r, c.openQuestions[r]]] : [])),
  );
  return { ...c, openQuestions, period: { from: c.period.from || null, to: c.period.to || null } };
}

/**
 * The organiser's form for one report: period, waves, sections (chosen and
 * ordered with checkboxes and move buttons), questions, quotes and the
 * decisions text. Saving replaces the report as a whole.
 */
export function ReportEditor({
  ws,
  report,
  onDirty,
}: {
  ws: string;
  report: Report;
  onDirty?: (dirty: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'de' ? 'de' : 'en';
  const save = useSaveReport(ws, report.id);
  const saved = useMemo(() => normalise(configOf(report)), [report]);
  const [draft, setDraft] = useState<ReportConfig>(saved);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(report.sections));
  const [justSaved, setJustSaved] = useState(false);
  const waves = useWaves(ws);
  const results = useResults(ws, draft.wave ?? '', [], lang, Boolean(draft.wave));

  const current = normalise({ ...draft, sections: rows.filter((r) => r.on).map(({ on: _on, ...s }) => s) });
  const dirty = JSON.stringify(current) !== JSON.stringify(saved);
  useEffect(() => onDirty?.(dirty), [dirty]);

  const set = (patch: Partial<ReportConfig>) => {
    setJustSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const setRow = (i: number, patch: Partial<Row>) => {
    setJustSaved(false);
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const [moved, setMoved] = useState<{ kind: SectionKind; position: number; by: -1 | 1 } | null>(null);
  const move = (i: number, by: -1 | 1) => {
    setJustSaved(false);
    setMoved({ kind: rows[i]!.kind, position: i + by + 1, by });
    setRows((rs) => {
      const out = [...rs];
      const [row] = out.splice(i, 1);
      out.splice(i + by, 0, row!);
      return out;
    });
  };
  // A row moved to the top or the bottom disables the button just used: keep the focus on the row's other button.
  useEffect(() => {
    if (!moved || !(document.activeElement instanceof HTMLButtonElement) || !document.activeElement.disabled) return;
    document
      .querySelector<HTMLButtonElement>(`[data-move="${moved.kind}:${moved.by === -1 ? 'down' : 'up'}"]`)
      ?.focus();
  }, [moved, rows]);

  const mainWave = waves.data?.waves.find((w) => w.id === draft.wave);
  const compareOptions = (waves.data?.waves ?? []).filter(
    (w) => w.id !== draft.wave && w.questionnaire === mainWave?.questionnaire,
  );
  const questions = results.data?.questions ?? [];
  // Free text to quote, as the server's registry says (a number field is none).
  const catalogue = useVersionQuestions(ws, mainWave?.questionnaire ?? '', mainWave ? mainWave.version : null, lang);
  const openQuestions = (catalogue.data?.questions ?? []).filter((q) => q.openText);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(current, {
      onSuccess: (r) => {
        setJustSaved(true);
        setDraft(normalise(configOf(r)));
      },
    });
  }

  const sectionName = (kind: SectionKind) => t(`report.sections.${kind}`);

  return (
    <form className="panel report-editor no-print" onSubmit={submit} noValidate aria-labelledby="report-editor-title">
      <UnsavedChangesGuard dirty={dirty} />
      <h2 id="report-editor-title">{t('report.editor.title')}</h2>
      <TextField
        label={t('report.editor.reportTitle')}
        value={draft.title}
        maxLength={200}
        required
        onChange={(e) => set({ title: e.target.value })}
      />

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

      <fieldset className="report-fieldset">
        <legend>{t('report.editor.openQuestions')}</legend>
        {!draft.wave ? (
          <p className="muted">{t('report.editor.needsWave')}</p>
        ) : (
          <>
            <p className="field-hint">{t('report.editor.openHint')}</p>
            {openRoles.map((role) => (
              <OpenRoleField
                key={role}
                ws={ws}
                role={role}
                waveId={draft.wave!}
                lang={lang}
                options={openQuestions.map((q) => ({ value: q.name, label: q.title }))}
                value={draft.openQuestions[role] ?? ''}
                onChange={(name) => {
                  const openQuestionsNext = { ...draft.openQuestions, [role]: name || null };
                  const still = new Set(openRoles.map((r) => openQuestionsNext[r]).filter(Boolean));
                  set({ openQuestions: openQuestionsNext, quotes: draft.quotes.filter((q) => still.has(q.question)) });
                }}
                quotes={draft.quotes}
                onQuotes={(quotes) => set({ quotes })}
              />
            ))}
          </>
        )}
      </fieldset>

      <TextAreaField
        label={t('report.editor.decisions')}
        hint={t('report.editor.decisionsHint')}
        rows={8}
        maxLength={20000}
        value={draft.decisions}
        onChange={(e) => set({ decisions: e.target.value })}
      />

      <ErrorAlert error={save.error} />
      <div className="actions report-save">
        <SubmitButton pending={save.isPending}>{t('report.editor.save')}</SubmitButton>
        <span className={dirty ? 'report-state is-dirty' : 'report-state'}>
          {dirty ? t('report.editor.unsaved') : t('report.editor.upToDate')}
        </span>
      </div>
      <SuccessStatus>{justSaved && !dirty ? t('report.editor.saved') : ''}</SuccessStatus>
    </form>
  );
}

function OpenRoleField(props: {
  ws: string;
  role: OpenRole;
  waveId: string;
  lang: string;
  options: Array<{ value: string; label: string }>;
  value: string;
  onChange: (name: string) => void;
  quotes: ReportConfig['quotes'];
  onQuotes: (quotes: ReportConfig['quotes']) => void;
}) {
  const { t } = useTranslation();
  const { ws, role, waveId, lang, value, quotes } = props;
  const answers = useAnswers(ws, waveId, value, '', lang);
  const codeLabel = new Map((answers.data?.codes ?? []).map((c) => [c.id, c.label]));
  const picked = new Set(quotes.filter((q) => q.question === value).map((q) => q.response));
  return (
    <div className="report-open-role">
      <SelectField
        label={t(`report.open.roles.${role}`)}
        value={value}
        options={[{ value: '', label: t('report.editor.none') }, ...props.options]}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {value && (
        <details className="report-quote-picker">
          <summary>{t('report.editor.quotes', { count: picked.size })}</summary>
          <p className="field-hint">{t('report.editor.quotesHint')}</p>
          {answers.isPending ? (
            <Loading />
          ) : (answers.data?.answers ?? []).length === 0 ? (
            <p className="muted">{t('report.editor.noAnswers')}</p>
          ) : (
            <ul className="plain-list">
              {answers.data!.answers.map((a) => (
                <li key={a.id}>
                  <CheckboxField
                    label={a.text}
                    hint={
                      a.codes.length > 0
                        ? t('report.editor.quoteCodes', {
                            codes: a.codes.map((c) => codeLabel.get(c) ?? '').join(', '),
                          })
                        : undefined
                    }
                    checked={picked.has(a.id)}
                    onChange={(e) =>
                      props.onQuotes(
                        e.target.checked
                          ? [...quotes, { response: a.id, question: value }]
                          : quotes.filter((q) => !(q.response === a.id && q.question === value)),
                      )
                    }
                  />
                </li>
              ))}
            </ul>
          )}
          <ErrorAlert error={answers.error} />
        </details>
      )}
    </div>
  );
}
