import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  sectionKinds,
  useCreateReport,
  useDeleteReport,
  useReport,
  useReportContent,
  useReports,
} from '../../api/reports';
import { useResults } from '../../api/results';
import { ConfirmButton } from '../../components/ConfirmButton';
import { PageHeading } from '../../components/PageHeading';
import { ErrorAlert, Loading } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { SelectField, TextField } from '../../components/TextField';
import { useCurrentWorkspace } from '../WorkspaceLayout';
import { ReportDocument } from './ReportDocument';
import { ReportEditor } from './ReportEditor';
import { SharePanel } from './SharePanel';

/**
 * `/w/:ws/report`: the strategy session's document. Organisers pick or create
 * a report, compose it and share it; analysts read it. The document below is
 * what prints (see the print rules in styles.css).
 */
export function ReportPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const ws = workspace.slug;
  const isOrganiser = workspace.role === 'organiser';
  const [params, setParams] = useSearchParams();
  const reports = useReports(ws);
  const chosen = params.get('report') ?? '';
  const list = reports.data?.reports ?? [];
  const id = list.some((r) => r.id === chosen) ? chosen : (list[0]?.id ?? '');
  const pick = (next: string) => setParams(next ? { report: next } : {}, { replace: true });

  return (
    <div className="report-page">
      <div className="no-print">
        <PageHeading title={t('report.title')} />
        <p>{t('report.intro')}</p>
        {reports.isPending ? (
          <Loading />
        ) : reports.isError ? (
          <ErrorAlert error={reports.error} />
        ) : (
          <div className="report-picker">
            {list.length > 0 ? (
              <SelectField
                label={t('report.picker.label')}
                value={id}
                options={list.map((r) => ({ value: r.id, label: r.title }))}
                onChange={(e) => pick(e.target.value)}
              />
            ) : (
              <p className="empty">{isOrganiser ? t('report.picker.none') : t('report.picker.analystEmpty')}</p>
            )}
            {isOrganiser && <NewReportForm ws={ws} onCreated={pick} />}
          </div>
        )}
      </div>
      {id && <ReportView key={id} ws={ws} id={id} isOrganiser={isOrganiser} onDeleted={() => pick('')} />}
    </div>
  );
}

function NewReportForm({ ws, onCreated }: { ws: string; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateReport(ws);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('report.picker.titleRequired'));
      return;
    }
    setError(undefined);
    // A new report starts with every section, in the standard's order.
    create.mutate(
      {
        title: title.trim(),
        sections: sectionKinds.map((kind) => ({ kind })),
      },
      {
        onSuccess: (r) => {
          setTitle('');
          onCreated(r.id);
        },
      },
    );
  }
  return (
    <form className="report-new" onSubmit={submit} noValidate>
      <TextField
        label={t('report.picker.newTitle')}
        value={title}
        maxLength={200}
        error={error}
        onChange={(e) => setTitle(e.target.value)}
      />
      <SubmitButton pending={create.isPending}>{t('report.picker.create')}</SubmitButton>
      <ErrorAlert error={create.error} />
    </form>
  );
}

function ReportView({
  ws,
  id,
  isOrganiser,
  onDeleted,
}: {
  ws: string;
  id: string;
  isOrganiser: boolean;
  onDeleted: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'de' ? 'de' : 'en';
  const report = useReport(ws, id);
  const content = useReportContent(ws, id, lang);
  // The report's content carries figures only; the wave's results say what each question type is (the editor asks the same).
  const wave = report.data?.wave ?? '';
  const registry = useResults(ws, wave, [], lang, wave !== '');
  const remove = useDeleteReport(ws);
  const [dirty, setDirty] = useState(false);
  useEffect(() => setDirty(false), [id]);

  if (report.isPending) return <Loading />;
  if (report.isError)
    return report.error instanceof ApiError && report.error.status === 404 ? (
      <p>{t('notFound.text')}</p>
    ) : (
      <ErrorAlert error={report.error} />
    );

  return (
    <>
      {isOrganiser && (
        <>
          <ReportEditor ws={ws} report={report.data} onDirty={setDirty} />
          <div className="actions no-print">
            <ConfirmButton
              label={t('report.picker.delete')}
              question={t('report.picker.deleteQuestion', { title: report.data.title })}
              confirmLabel={t('report.picker.deleteConfirm')}
              pending={remove.isPending}
              onConfirm={() => remove.mutate(id, { onSuccess: onDeleted })}
            />
          </div>
          <ErrorAlert error={remove.error} />
          <SharePanel ws={ws} reportId={id} dirty={dirty} />
        </>
      )}
      <section className="report-preview" aria-labelledby="report-preview-title">
        <div className="report-preview-bar no-print">
          <h2 id="report-preview-title">{t('report.preview')}</h2>
          {dirty && <p className="alert alert-warning">{t('report.previewNote')}</p>}
          <button type="button" onClick={() => window.print()}>
            {t('report.print')}
          </button>
        </div>
        {content.isPending ? (
          <Loading />
        ) : content.isError ? (
          <ErrorAlert error={content.error} />
        ) : (
          <ReportDocument content={content.data} level={2} questionTypes={registry.data?.questionTypes} />
        )}
      </section>
    </>
  );
}
