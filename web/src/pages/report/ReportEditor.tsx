import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { openRoles, useSaveReport, type Report, type ReportConfig } from '../../api/reports';
import { useWaves } from '../../api/waves';
import { UnsavedChangesGuard } from '../../components/UnsavedChanges';
import { TextAreaField, TextField } from '../../components/TextField';
import { ErrorAlert, SuccessStatus } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { KeyQuestionFields, PeriodFields, SectionRows, WaveFields } from './ReportEditorFields';
import { OpenQuestionFields } from './ReportOpenQuestions';
import { useSectionRows } from './useSectionRows';

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
  const [justSaved, setJustSaved] = useState(false);
  const waves = useWaves(ws);
  const sections = useSectionRows(report.sections, () => setJustSaved(false));

  const current = normalise({ ...draft, sections: sections.rows.filter((r) => r.on).map(({ on: _on, ...s }) => s) });
  const dirty = JSON.stringify(current) !== JSON.stringify(saved);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the parent hears of a change in dirtiness, not of a new callback.
  useEffect(() => onDirty?.(dirty), [dirty]);

  const set = (patch: Partial<ReportConfig>) => {
    setJustSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const mainWave = waves.data?.waves.find((w) => w.id === draft.wave);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(current, {
      onSuccess: (r) => {
        setJustSaved(true);
        setDraft(normalise(configOf(r)));
      },
    });
  }

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

      <PeriodFields draft={draft} set={set} />
      <WaveFields draft={draft} set={set} waves={waves} />
      <SectionRows ws={ws} {...sections} />
      <KeyQuestionFields ws={ws} lang={lang} draft={draft} set={set} />
      <OpenQuestionFields ws={ws} lang={lang} mainWave={mainWave} draft={draft} set={set} />

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
