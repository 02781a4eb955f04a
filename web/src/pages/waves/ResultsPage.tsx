import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useResults } from '../../api/results';
import { useWaves } from '../../api/waves';
import type { Measure } from '../../components/charts/datasets';
import { MISSING, PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { ErrorAlert, Loading } from '../../components/Status';
import { useCurrentWorkspace } from '../WorkspaceLayout';
import { EmptyWave } from './EmptyWave';
import { ExportPanel } from './ExportPanel';
import { QuestionResults } from './QuestionResults';
import { ResultsControls } from './ResultsControls';
import { Headline } from './ResultsHeadline';
import { TrendPanel } from './TrendPanel';
import { useResultsParams } from './useResultsParams';

/**
 * `/w/:ws/waves/:id`: a wave's results with filters (in the URL), a second
 * wave to compare with and one question's trend across waves.
 */
export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  const ws = workspace.slug;
  const id = useParams().id ?? '';
  const { where, compareId, trendQuestion, setWhere, setCompare, setTrend } = useResultsParams();
  const locale = i18n.resolvedLanguage === 'de' ? 'de' : 'en';
  const [measure, setMeasure] = useState<Measure>('percent');

  const results = useResults(ws, id, where, locale);
  const compare = useResults(ws, compareId, where, locale, compareId !== '');
  const waves = useWaves(ws);
  const thisWave = waves.data?.waves.find((w) => w.id === id);
  const siblings = waves.data?.waves.filter((w) => w.id !== id && w.questionnaire === thisWave?.questionnaire) ?? [];

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
      {data.responses.complete === 0 && <EmptyWave ws={ws} wave={thisWave} partial={data.responses.partial} />}
      <ResultsControls
        data={data}
        where={where}
        onWhere={setWhere}
        waveKnown={thisWave !== undefined}
        siblings={siblings}
        compareId={compareId}
        onCompare={setCompare}
        comparePending={compare.isPending}
        compareError={compare.error}
        compareData={compareData}
        measure={measure}
        onMeasure={setMeasure}
      />
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
      <QuestionResults data={data} measure={measure} compareData={compareData} compareWave={compareWave} />

      {thisWave && (
        <TrendPanel
          ws={ws}
          wave={thisWave}
          questions={data.questions}
          question={trendQuestion}
          locale={locale}
          onPick={setTrend}
        />
      )}
    </>
  );
}
