import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ContentSection,
  ReportContent,
  ReportIndicator,
  ReportProvenance,
  ReportSource,
  Trend,
} from '../../api/reports';
import type { QuestionTypes } from '../../api/results';
import { Chart } from '../../components/charts/Chart';
import { indicatorLines } from '../../components/charts/datasets';
import { useIndicatorFormat, useStepLabel } from '../indicators/parts';
import { QuestionCard } from '../waves/QuestionCard';
import { ReportActivities } from './ReportActivities';
import { ReportKeyFigures } from './ReportKeyFigures';
import { ReportTableWrap } from './ReportTableWrap';
import { PlanSection } from './PlanSection';

/** Charts of the report are drawn at three device pixels per CSS pixel: crisp on paper. */
const PRINT_RATIO = 3;

type Level = 1 | 2;
/** `questionTypes`: the server's type registry where the page has it (members); a share link draws each view from the figures alone. */
type Props = { content: ReportContent; level: Level; questionTypes?: QuestionTypes };

/** Heading tags one below another, starting at the document's title. */
function useHeadings(level: Level) {
  return {
    Title: level === 1 ? 'h1' : 'h2',
    Section: level === 1 ? 'h2' : 'h3',
    Sub: level === 1 ? 'h3' : 'h4',
  } as const;
}

/** Plain text in paragraphs (blank lines between them); never interpreted as HTML. */
export function Paragraphs({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} className="report-paragraph">
          {p}
        </p>
      ))}
    </>
  );
}

/**
 * The report as it reads and prints: the same components on the report page
 * (members) and on a share link (aggregates only, as the server sends them).
 */
export function ReportDocument({ content, level, questionTypes }: Props) {
  const { t } = useTranslation();
  const format = useIndicatorFormat();
  const { Title } = useHeadings(level);
  const { from, to } = content.period;
  const period =
    from && to
      ? t('report.document.between', { from: format.day(from), to: format.day(to) })
      : from
        ? t('report.document.since', { from: format.day(from) })
        : to
          ? t('report.document.until', { to: format.day(to) })
          : t('report.document.allTime');
  return (
    <article className="report-document" aria-labelledby="report-document-title" lang={content.locale}>
      <header className="report-cover">
        <p className="report-kicker">{content.workspace.name}</p>
        <Title id="report-document-title" tabIndex={-1}>
          {content.report.title}
        </Title>
        <dl className="report-facts">
          <dt>{t('report.document.period')}</dt>
          <dd>{period}</dd>
          {content.wave && (
            <>
              <dt>{t('report.document.wave')}</dt>
              <dd>
                {content.wave.title} ({content.wave.questionnaire})
              </dd>
            </>
          )}
          {content.compareWave && (
            <>
              <dt>{t('report.document.compareWave')}</dt>
              <dd>{content.compareWave.title}</dd>
            </>
          )}
          <dt>{t('report.document.asOf')}</dt>
          <dd>{format.day(content.generatedOn)}</dd>
        </dl>
        <p className="note">{t('report.document.minGroup', { min: content.minGroupSize })}</p>
      </header>
      {content.sections.length === 0 && <p className="empty">{t('report.document.noSections')}</p>}
      {content.sections.map((section) => (
        <ReportSection
          key={section.kind}
          section={section}
          content={content}
          level={level}
          questionTypes={questionTypes}
        />
      ))}
      <PlanSection plan={content.plan} level={level} />
    </article>
  );
}

function ReportSection({
  section,
  content,
  level,
  questionTypes,
}: {
  section: ContentSection;
  content: ReportContent;
  level: Level;
  questionTypes?: QuestionTypes;
}) {
  const { t } = useTranslation();
  const { Section } = useHeadings(level);
  const id = `report-section-${section.kind}`;
  return (
    <section className={`report-section report-section-${section.kind}`} aria-labelledby={id}>
      <Section id={id}>{t(`report.sections.${section.kind}`)}</Section>
      {section.kind === 'key_figures' && <ReportKeyFigures section={section} min={content.minGroupSize} />}
      {section.kind === 'input' && (
        <IndicatorTable indicators={section.indicators} empty={t('report.indicators.noneInput')} />
      )}
      {section.kind === 'output' && <OutputSection section={section} level={level} />}
      {section.kind === 'outcome_impact' && <OutcomeSection section={section} content={content} level={level} />}
      {section.kind === 'survey' && (
        <SurveySection section={section} content={content} level={level} questionTypes={questionTypes} />
      )}
      {section.kind === 'open_answers' && <OpenAnswersSection section={section} content={content} level={level} />}
      {section.kind === 'comparison' && <ComparisonSection section={section} level={level} />}
      {section.kind === 'decisions' &&
        (section.text.trim() ? (
          <Paragraphs text={section.text} />
        ) : (
          <p className="empty">{t('report.decisions.empty')}</p>
        ))}
    </section>
  );
}

function IndicatorTable({ indicators, empty }: { indicators: ReportIndicator[]; empty: string }) {
  const { t } = useTranslation();
  const format = useIndicatorFormat();
  const stepLabel = useStepLabel();
  if (indicators.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ReportTableWrap label={t('report.indicators.name')} keep>
      <table className="table-compact report-table">
        <thead>
          <tr>
            <th scope="col">{t('report.indicators.name')}</th>
            <th scope="col" className="numeric">
              {t('report.indicators.value')}
            </th>
            <th scope="col" className="numeric">
              {t('report.indicators.target')}
            </th>
            <th scope="col" className="numeric">
              {t('report.indicators.progress')}
            </th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => (
            <tr key={i.key}>
              <th scope="row">
                {i.name}
                {i.step !== null && (
                  <span className="report-step">
                    {' '}
                    · {t('indicators.detail.stepValue', { step: i.step, label: stepLabel(i.step) })}
                  </span>
                )}
                <span className="report-source">
                  <SourceText source={i.source} />
                </span>
              </th>
              <td className="numeric">
                {i.value
                  ? `${format.value(i.value.value, i.unit)} (${format.day(i.value.date)})`
                  : t('report.indicators.noValue')}
              </td>
              <td className="numeric">
                {i.target ? `${format.value(i.target.value, i.unit)} (${format.day(i.target.date)})` : '–'}
              </td>
              <td className="numeric">{i.progress === null ? '–' : format.percent(i.progress)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ReportTableWrap>
  );
}

/** Where an indicator's values come from, in words (titles resolved by the server, so a share page can show them). */
function SourceText({ source }: { source: ReportSource }) {
  const { t } = useTranslation();
  if (source.kind === 'manual') return <>{t('indicators.source.manual')}</>;
  if (source.kind === 'activities') {
    const type = t(`activities.types.${source.activityType}`);
    return (
      <>
        {source.measure === 'distinct' && source.field
          ? t('indicators.source.activitiesDistinct', { type, field: t(`indicators.source.fields.${source.field}`) })
          : t('indicators.source.activitiesCount', { type })}
      </>
    );
  }
  const names = { questionnaire: source.questionnaire, question: source.question };
  if (source.measure === 'mean') return <>{t('indicators.source.surveyMean', names)}</>;
  if (source.measure === 'count') return <>{t('indicators.source.surveyCount', names)}</>;
  const values = source.values.map((text) => t('indicators.source.quoted', { text })).join(t('indicators.source.or'));
  return <>{t('indicators.source.surveyShare', { ...names, values })}</>;
}

function ProvenanceText({
  provenance,
  value,
  min,
}: {
  provenance: ReportProvenance;
  value: number | null;
  min: number;
}) {
  const { t } = useTranslation();
  if (provenance.kind === 'manual') {
    const text = provenance.enteredBy
      ? t('indicators.provenance.manualBy', { name: provenance.enteredBy })
      : t('indicators.provenance.manual');
    return <>{provenance.note ? t('indicators.provenance.withNote', { text, note: provenance.note }) : text}</>;
  }
  if (provenance.kind === 'activities') {
    return (
      <>
        {provenance.titles
          ? t('indicators.provenance.activities', { count: provenance.count, titles: provenance.titles.join(', ') })
          : t('report.indicators.activitiesCount', { count: provenance.count })}
      </>
    );
  }
  if (provenance.withheld) return <>{t('indicators.provenance.surveyWithheld', { title: provenance.wave, min })}</>;
  if (value === null || provenance.respondents === null)
    return <>{t('indicators.provenance.surveyNoValue', { title: provenance.wave })}</>;
  return <>{t('indicators.provenance.survey', { title: provenance.wave, count: provenance.respondents })}</>;
}

function OutputSection({ section, level }: { section: Extract<ContentSection, { kind: 'output' }>; level: Level }) {
  const { t } = useTranslation();
  const { Sub } = useHeadings(level);
  return (
    <>
      <Sub>{t('report.activities.title')}</Sub>
      <p>{t('report.activities.total', { count: section.activities.total })}</p>
      <ReportActivities activities={section.activities} />
      <Sub>{t('report.indicators.outputTitle')}</Sub>
      <IndicatorTable indicators={section.indicators} empty={t('report.indicators.noneOutput')} />
    </>
  );
}

function OutcomeSection({
  section,
  content,
  level,
}: {
  section: Extract<ContentSection, { kind: 'outcome_impact' }>;
  content: ReportContent;
  level: Level;
}) {
  const { t } = useTranslation();
  if (section.indicators.length === 0) return <p className="empty">{t('report.indicators.noneOutcome')}</p>;
  return (
    <>
      {section.indicators.map((i) => (
        <IndicatorFigure
          key={i.key}
          indicator={i}
          provenance={section.provenance}
          min={content.minGroupSize}
          level={level}
        />
      ))}
    </>
  );
}

function IndicatorFigure({
  indicator,
  provenance,
  min,
  level,
}: {
  indicator: ReportIndicator;
  provenance: boolean;
  min: number;
  level: Level;
}) {
  const { t } = useTranslation();
  const format = useIndicatorFormat();
  const stepLabel = useStepLabel();
  const { Sub } = useHeadings(level);
  const series = indicator.series ?? [];
  const seriesLabel = indicator.unit
    ? `${t('indicators.detail.seriesLabel')} (${indicator.unit})`
    : t('indicators.detail.seriesLabel');
  const lines = useMemo(
    () =>
      indicatorLines(
        { series: indicator.series ?? [], baseline: indicator.baseline, target: indicator.target },
        {
          label: seriesLabel,
          baselineLabel: t('indicators.detail.baseline'),
          targetLabel: t('indicators.detail.target'),
        },
      ),
    [indicator, seriesLabel, t],
  );
  const id = `report-indicator-${indicator.key}`;
  return (
    <section className="report-figure" aria-labelledby={id}>
      <Sub id={id}>{indicator.name}</Sub>
      <p className="muted">
        {indicator.step !== null &&
          `${t('indicators.detail.stepValue', { step: indicator.step, label: stepLabel(indicator.step) })} · `}
        <SourceText source={indicator.source} />
      </p>
      {indicator.description && <p>{indicator.description}</p>}
      <p>
        {t('report.indicators.latest')}:{' '}
        <strong>
          {indicator.value
            ? `${format.value(indicator.value.value, indicator.unit)} (${format.day(indicator.value.date)})`
            : t('report.indicators.noValue')}
        </strong>
        {indicator.target &&
          ` · ${t('report.indicators.target')}: ${format.value(indicator.target.value, indicator.unit)} (${format.day(indicator.target.date)})`}
        {indicator.progress !== null && ` · ${t('report.indicators.progress')}: ${format.percent(indicator.progress)}`}
      </p>
      {series.length === 0 ? (
        <p className="empty">{t('indicators.detail.chartEmpty')}</p>
      ) : (
        <>
          {/* One value draws no course: its table says all. */}
          {series.filter((p) => p.value !== null).length > 1 && (
            <Chart
              kind="line"
              data={lines}
              timeText={format.time}
              tickText={format.number}
              size="s"
              valueTitle={indicator.unit ?? undefined}
              label={t('indicators.detail.chartLabel', { name: indicator.name })}
              printRatio={PRINT_RATIO}
            />
          )}
          <ReportTableWrap label={t('report.indicators.values', { name: indicator.name })}>
            <table className="table-compact report-table">
              <caption>{t('report.indicators.values', { name: indicator.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicators.detail.date')}</th>
                  <th scope="col" className="numeric">
                    {t('indicators.detail.value')}
                  </th>
                  {provenance && <th scope="col">{t('indicators.detail.provenance')}</th>}
                </tr>
              </thead>
              <tbody>
                {series.map((p, i) => (
                  <tr key={`${p.date}-${i}`}>
                    <th scope="row" className="nowrap">
                      <time dateTime={p.date}>{format.day(p.date)}</time>
                    </th>
                    <td className="numeric nowrap">
                      {p.value === null ? t('indicators.detail.withheld') : format.value(p.value, indicator.unit)}
                    </td>
                    {provenance && (
                      <td>
                        <ProvenanceText provenance={p.provenance} value={p.value} min={min} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </ReportTableWrap>
        </>
      )}
    </section>
  );
}

function SurveySection({
  section,
  content,
  level,
  questionTypes,
}: {
  section: Extract<ContentSection, { kind: 'survey' }>;
  content: ReportContent;
  level: Level;
  questionTypes?: QuestionTypes;
}) {
  const { t } = useTranslation();
  const min = content.minGroupSize;
  if (!section.wave) return <p className="empty">{t('report.document.noWave')}</p>;
  const respondents = section.wave.n === null ? t('results.fewerThan', { min }) : String(section.wave.n);
  return (
    <>
      <p>
        {t('report.survey.respondents', { wave: section.wave.title, n: respondents })}
        {section.compare &&
          ` · ${t('report.survey.compare', { wave: section.compare.title, n: section.compare.n === null ? t('results.fewerThan', { min }) : String(section.compare.n) })}`}
      </p>
      {section.questions.length === 0 && <p className="empty">{t('report.survey.none')}</p>}
      {section.questions.map((q) => (
        <QuestionCard
          key={q.name}
          q={q}
          questionTypes={questionTypes ?? section.questionTypes}
          min={min}
          measure={section.measure}
          title={section.wave!.title}
          compare={
            section.compare
              ? { title: section.compare.title, q: section.compare.questions.find((c) => c.name === q.name) }
              : undefined
          }
          printRatio={PRINT_RATIO}
          tablesOpen
          level={level + 2}
          className="report-figure"
          idPrefix="report-q-"
          openText="report"
        />
      ))}
    </>
  );
}

function OpenAnswersSection({
  section,
  content,
  level,
}: {
  section: Extract<ContentSection, { kind: 'open_answers' }>;
  content: ReportContent;
  level: Level;
}) {
  const { t } = useTranslation();
  const { Sub } = useHeadings(level);
  const min = content.minGroupSize;
  if (!section.wave) return <p className="empty">{t('report.document.noWave')}</p>;
  if (section.questions.length === 0) return <p className="empty">{t('report.open.none')}</p>;
  return (
    <>
      {section.questions.map((q) => {
        const id = `report-open-${q.role}`;
        return (
          <section key={q.role} className="report-figure" aria-labelledby={id}>
            <Sub id={id}>{t(`report.open.roles.${q.role}`)}</Sub>
            <p className="muted">
              {t('report.open.question', { title: q.question.title })} ·{' '}
              {t('report.open.answered', { n: q.n === null ? t('results.fewerThan', { min }) : String(q.n) })}
            </p>
            {q.codes.length === 0 ? (
              <p className="empty">{t('report.open.noCodes')}</p>
            ) : (
              <ReportTableWrap label={t('report.open.codes', { count: section.topCodes })} keep>
                <table className="table-compact report-table">
                  <caption>{t('report.open.codes', { count: section.topCodes })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('report.open.code')}</th>
                      <th scope="col" className="numeric">
                        {t('report.open.count')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.codes.map((c) => (
                      <tr key={c.label}>
                        <th scope="row">{c.label}</th>
                        <td className="numeric">{c.count === null ? t('results.fewerThan', { min }) : c.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ReportTableWrap>
            )}
            {q.quotes && q.quotes.length > 0 && (
              <ul className="report-quotes" aria-label={t('report.open.quotes')}>
                {q.quotes.map((quote, i) => (
                  <li key={quote.response ?? i}>
                    <blockquote>{quote.text}</blockquote>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

function TrendText({ trend, good }: { trend: Trend; good?: boolean | null }) {
  const { t } = useTranslation();
  if (trend === null) return <>–</>;
  const symbol = trend === 'up' ? '↗' : trend === 'down' ? '↘' : '→';
  const word = t(`report.comparison.${trend}`);
  const tone = good === undefined || good === null ? 'flat' : good ? 'good' : 'bad';
  return (
    <span className={`trend trend-${tone}`}>
      <span aria-hidden="true">{symbol} </span>
      {word}
      {good !== undefined && good !== null && ` (${good ? t('report.comparison.good') : t('report.comparison.bad')})`}
    </span>
  );
}

function ComparisonSection({
  section,
  level,
}: {
  section: Extract<ContentSection, { kind: 'comparison' }>;
  level: Level;
}) {
  const { t, i18n } = useTranslation();
  const format = useIndicatorFormat();
  const { Sub } = useHeadings(level);
  const number = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en', { maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en', {
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const figure = (v: number | null, unit: 'percent' | 'mean') =>
    v === null ? t('report.comparison.hidden') : unit === 'percent' ? `${number.format(v)} %` : number.format(v);
  return (
    <>
      <Sub>
        {section.waves
          ? t('report.comparison.questions', {
              current: section.waves.current.title,
              previous: section.waves.previous.title,
            })
          : t('report.comparison.questionsTitle')}
      </Sub>
      {section.questions.length === 0 ? (
        <p className="empty report-editor-only">{t('report.comparison.noQuestions')}</p>
      ) : (
        section.questions.map((q) => (
          <ReportTableWrap key={q.name} label={q.title} keep>
            <table className="table-compact report-table">
              <caption>{q.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.comparison.item')}</th>
                  <th scope="col" className="numeric">
                    {section.waves?.previous.title}
                  </th>
                  <th scope="col" className="numeric">
                    {section.waves?.current.title}
                  </th>
                  <th scope="col" className="numeric">
                    {t('report.comparison.change')}
                  </th>
                  <th scope="col">{t('report.comparison.trend')}</th>
                </tr>
              </thead>
              <tbody>
                {q.items.map((item, i) => (
                  <tr key={`${item.label}-${i}`}>
                    <th scope="row">
                      {item.unit === 'mean' && !item.label
                        ? t('results.mean')
                        : item.unit === 'mean'
                          ? `${item.label} (${t('results.mean')})`
                          : item.label}
                    </th>
                    <td className="numeric">{figure(item.previous, item.unit)}</td>
                    <td className="numeric">{figure(item.current, item.unit)}</td>
                    <td className="numeric">
                      {item.delta === null
                        ? '–'
                        : item.unit === 'percent'
                          ? t('report.comparison.pp', { value: signed.format(item.delta) })
                          : signed.format(item.delta)}
                    </td>
                    <td>
                      <TrendText trend={item.trend} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ReportTableWrap>
        ))
      )}
      <Sub>{t('report.comparison.indicators')}</Sub>
      {section.indicators.length === 0 ? (
        <p className="empty">{t('report.comparison.noIndicators')}</p>
      ) : (
        <ReportTableWrap label={t('report.comparison.indicators')} keep>
          <table className="table-compact report-table">
            <caption className="visually-hidden">{t('report.comparison.indicators')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.indicators.name')}</th>
                <th scope="col" className="numeric">
                  {t('report.comparison.previous')}
                </th>
                <th scope="col" className="numeric">
                  {t('report.comparison.current')}
                </th>
                <th scope="col">{t('report.comparison.trend')}</th>
                <th scope="col">{t('report.comparison.target')}</th>
              </tr>
            </thead>
            <tbody>
              {section.indicators.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.name}</th>
                  <td className="numeric">
                    {r.previous ? `${format.value(r.previous.value, r.unit)} (${format.day(r.previous.date)})` : '–'}
                  </td>
                  <td className="numeric">
                    {r.current ? `${format.value(r.current.value, r.unit)} (${format.day(r.current.date)})` : '–'}
                  </td>
                  <td>
                    <TrendText trend={r.trend} good={r.good} />
                  </td>
                  <td>
                    {r.target
                      ? `${format.value(r.target.value, r.unit)}: ${r.reached ? t('report.comparison.reached') : t('report.comparison.notReached')}${r.progress !== null ? ` (${format.percent(r.progress)})` : ''}`
                      : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ReportTableWrap>
      )}
    </>
  );
}
