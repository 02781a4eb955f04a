import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Direction, Indicator, IndicatorSource, Point, SurveySource } from '../../api/indicators';
import { useQuestionnaires, useVersionQuestions } from '../../api/questionnaires';
import type { Lang } from '../../designer/text';
import { numberFormats } from '../../format';
import { sameValue, surveyQuestions, trendOf, type Step, type SurveyQuestion } from './model';

/**
 * Numbers, values with their unit and days, in the UI language. A value
 * counted from the activity log is named by what it counts, in the singular
 * or plural its number needs ("1 Förderung", "2 Förderungen"); the free-text
 * unit of other indicators follows the number as entered.
 */
export function useIndicatorFormat() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const numbers = numberFormats(locale);
    // A day from the API (YYYY-MM-DD) is a calendar day, not an instant: format it in UTC so it never shifts.
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    // Given the indicator (not only its unit), counted values get their plural right.
    const value = (v: number, of: string | null | Pick<Indicator, 'unit' | 'source'>) => {
      const source = typeof of === 'object' && of !== null ? of.source : null;
      if (source?.kind === 'activities') {
        const counted = source.measure === 'distinct' && source.field ? source.field : source.activityType;
        return t(`indicators.counted.${counted}`, { count: v, value: numbers.number(v) });
      }
      const unit = typeof of === 'object' && of !== null ? of.unit : of;
      return unit ? `${numbers.number(v)} ${unit}` : numbers.number(v);
    };
    return {
      // Values and shares with at most one decimal, as everywhere (web/src/format.ts).
      number: numbers.number,
      value,
      percent: numbers.share,
      day: (date: string) => day.format(new Date(`${date.slice(0, 10)}T00:00:00Z`)),
      /** A day on a time axis (a timestamp at UTC midnight). */
      time: (time: number) => day.format(new Date(time)),
    };
  }, [locale, t]);
}

export const useLang = (): Lang => (useTranslation().i18n.resolvedLanguage === 'de' ? 'de' : 'en');

/** The name of a step: "Step 2: Target groups are reached". */
export function useStepLabel() {
  const { t } = useTranslation();
  return (step: number) => t(`indicators.steps.s${step as Step}`);
}

/** A small arrow for the change between the last two values, green when it goes the wanted way; with a text for screen readers. */
export function TrendMark({ series, direction }: { series: Point[]; direction: Direction }) {
  const { t } = useTranslation();
  const trend = trendOf(series, direction);
  if (trend.kind === 'none') return null;
  const text =
    trend.kind === 'flat'
      ? t('indicators.trend.flat')
      : t(`indicators.trend.${trend.kind}${trend.good ? 'Good' : 'Bad'}` as const);
  const symbol = trend.kind === 'up' ? '↗' : trend.kind === 'down' ? '↘' : '→';
  const tone = trend.good === null ? 'flat' : trend.good ? 'good' : 'bad';
  return (
    <span className={`trend trend-${tone}`} title={text}>
      <span aria-hidden="true">{symbol}</span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}

/** The latest value with its unit, or "no value yet". */
export function LatestValue({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const format = useIndicatorFormat();
  if (!indicator.latest) return <span className="muted">{t('indicators.noValue')}</span>;
  return (
    <span className="indicator-value">
      <span className="visually-hidden">{t('indicators.latest')}: </span>
      {format.value(indicator.latest.value, indicator)}
    </span>
  );
}

/** The questions of a questionnaire's latest published version, for the source text and the source picker. */
export function useSurveyQuestions(ws: string, slug: string) {
  const lang = useLang();
  const questionnaires = useQuestionnaires(ws);
  const summary = questionnaires.data?.questionnaires.find((q) => q.slug === slug);
  const version = useVersionQuestions(ws, slug, slug ? (summary?.latestVersion ?? null) : null, lang);
  const questions = useMemo(() => (version.data ? surveyQuestions(version.data.questions) : undefined), [version.data]);
  return { questionnaires, summary, version, questions };
}

/** Where an indicator's values come from, in words. */
export function SourceText({ ws, source }: { ws: string; source: IndicatorSource }) {
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
  return <SurveySourceText ws={ws} source={source} />;
}

function SurveySourceText({ ws, source }: { ws: string; source: SurveySource }) {
  const { t } = useTranslation();
  const { summary, questions } = useSurveyQuestions(ws, source.questionnaire);
  const question: SurveyQuestion | undefined = questions?.find((q) => q.name === source.question);
  const names = { questionnaire: summary?.title ?? source.questionnaire, question: question?.title ?? source.question };
  if (source.measure === 'mean') return <>{t('indicators.source.surveyMean', names)}</>;
  if (source.measure === 'count') return <>{t('indicators.source.surveyCount', names)}</>;
  const counted = source.values ?? (question?.type === 'boolean' ? [question.choices[0]?.value ?? true] : [true]);
  const values = counted
    .map((v) => question?.choices.find((c) => sameValue(c.value, v))?.label ?? String(v))
    .map((text) => t('indicators.source.quoted', { text }))
    .join(t('indicators.source.or'));
  return <>{t('indicators.source.surveyShare', { ...names, values })}</>;
}

/** Where one value comes from, in words: who entered it, which wave, which activities. */
export function Provenance({ ws, point, minGroupSize }: { ws: string; point: Point; minGroupSize: number }) {
  const { t } = useTranslation();
  const source = point.source;
  if (source.kind === 'manual') {
    const text = source.enteredBy
      ? t('indicators.provenance.manualBy', { name: source.enteredBy })
      : t('indicators.provenance.manual');
    return <>{source.note ? t('indicators.provenance.withNote', { text, note: source.note }) : text}</>;
  }
  if (source.kind === 'activities') {
    return (
      <>
        {t('indicators.provenance.activities', {
          count: source.activities.length,
          titles: source.activities.map((a) => a.title).join(', '),
        })}
      </>
    );
  }
  const title = source.wave.title;
  const text =
    point.value === null && source.reason
      ? t('indicators.provenance.surveyWithheld', { title, min: minGroupSize })
      : point.value === null || source.respondents === null
        ? t('indicators.provenance.surveyNoValue', { title })
        : t('indicators.provenance.survey', { title, count: source.respondents });
  return <Link to={`/w/${ws}/waves/${source.wave.id}`}>{text}</Link>;
}
