/**
 * Assembles a report's content from the live data, through the services that
 * own it: indicators (series, provenance, progress), the activity log, the
 * results engine (suppression applied there) and the codebook coding. The
 * same assembly serves the workspace and a share link; a share gets
 * aggregates only (see `Audience`).
 */
import type { Db } from '../../db/db-handle.js';
import { ACTIVITY_TYPES, type ActivityType, type ReportRow, type WorkspaceRow } from '../../db/tables.js';
import { itemsOf, questionsOf, type Json, type JsonObject } from '../questionnaires/definition-walk.js';
import { appLanguage, defaultLanguage, labelLanguage, textFor } from '../questionnaires/locales.js';
import * as questionnaires from '../questionnaires/questionnaires.service.js';
import type { QuestionFigures } from '../results/aggregate.js';
import type { ResultsEngine } from '../results/engine/engine.js';
import { waveResults } from '../results/results.service.js';
import { listIndicators, type Point } from '../indicators/indicators.service.js';
import { listInvitations } from '../waves/waves.service.js';
import { getPlan } from '../plans/plans.service.js';
import * as repo from './reports.repo.js';
import { OPEN_ROLES, type OpenRole, type ReportConfig, type SectionKind } from './reports.schemas.js';
import { configOf, waveWithDefinition } from './reports.service.js';

/**
 * Who reads: members of the workspace see everything the report holds; a
 * share link is public, so it sees no free text at all (DESIGN §3): no
 * answers, not even the quotes the organiser picked, no names, no notes.
 */
export type Audience = { kind: 'workspace' } | { kind: 'share' };

type Indicators = Awaited<ReturnType<typeof listIndicators>>['indicators'];
type IndicatorView = Indicators[number];

export type ReportProvenance =
  | { kind: 'manual'; enteredBy?: string | null; note?: string | null }
  | { kind: 'survey'; wave: string; respondents: number | null; withheld: boolean }
  | { kind: 'activities'; count: number; titles?: string[] };

/** The latest value on or before a day (any day when none is given). */
export function valueAt(
  series: Array<{ date: string; value: number | null }>,
  day: string | null,
): { date: string; value: number } | null {
  const p = series.filter((s) => s.value !== null && (!day || s.date <= day)).at(-1);
  return p ? { date: p.date, value: p.value! } : null;
}

/** The latest value strictly before a day. */
export function valueBefore(
  series: Array<{ date: string; value: number | null }>,
  day: string,
): { date: string; value: number } | null {
  const p = series.filter((s) => s.value !== null && s.date < day).at(-1);
  return p ? { date: p.date, value: p.value! } : null;
}

function provenanceOf(point: Point, audience: Audience): ReportProvenance {
  const s = point.source;
  const full = audience.kind === 'workspace';
  if (s.kind === 'manual') return full ? { kind: 'manual', enteredBy: s.enteredBy, note: s.note } : { kind: 'manual' };
  if (s.kind === 'survey')
    return {
      kind: 'survey',
      wave: s.wave.title,
      respondents: s.respondents,
      withheld: point.value === null && Boolean(s.reason),
    };
  return full
    ? { kind: 'activities', count: s.activities.length, titles: s.activities.map((a) => a.title) }
    : { kind: 'activities', count: s.activities.length };
}

type SourceText =
  | { kind: 'manual' }
  | { kind: 'activities'; activityType: ActivityType; measure: 'count' | 'distinct'; field?: string }
  | { kind: 'survey'; measure: string; questionnaire: string; question: string; values: string[] };

/** A text of a definition in a language it carries (see labelLanguage), else the fallback. */
const textIn = (definition: JsonObject, value: Json | undefined, language: string, fallback: string) =>
  textFor(value, language, defaultLanguage(definition)) ?? fallback;

/**
 * An indicator's source with the questionnaire's and question's titles
 * resolved (a share page cannot look them up), in `language` when the
 * questionnaire carries it, else in its default language.
 */
async function sourceText(db: Db, ws: WorkspaceRow, ind: IndicatorView, language: string): Promise<SourceText> {
  const s = ind.source;
  if (s.kind !== 'survey') return s;
  const q = await questionnaires.findQuestionnaire(db, ws.id, s.questionnaire);
  const latest = q ? await questionnaires.findLatestVersion(db, q.id) : undefined;
  const definition = (latest?.definition ?? {}) as JsonObject;
  const lang = labelLanguage(definition, language);
  const element = questionsOf(definition).find((r) => r.element.name === s.question)?.element;
  const choices = element ? itemsOf(element.choices) : [];
  const yes = appLanguage(lang) === 'de' ? 'Ja' : 'Yes';
  const values = (s.values ?? (element?.type === 'boolean' ? [(element.valueTrue ?? true) as Json] : [])).map((v) =>
    textIn(
      definition,
      choices.find((c) => JSON.stringify(c.value) === JSON.stringify(v))?.text,
      lang,
      element?.type === 'boolean' ? yes : String(v),
    ),
  );
  return {
    kind: 'survey',
    measure: s.measure,
    questionnaire: latest ? textIn(definition, definition.title, lang, '') : s.questionnaire,
    question: textIn(definition, element?.title, lang, s.question),
    values,
  };
}

async function indicatorPart(
  db: Db,
  ws: WorkspaceRow,
  ind: IndicatorView,
  config: ReportConfig,
  audience: Audience,
  language: string,
  withSeries: boolean,
) {
  const to = config.period.to;
  const series = ind.series.filter((p) => !to || p.date <= to);
  return {
    key: ind.key,
    name: ind.name,
    description: ind.description,
    unit: ind.unit,
    level: ind.level,
    step: ind.step,
    direction: ind.direction,
    baseline: ind.baseline,
    target: ind.target,
    source: await sourceText(db, ws, ind, language),
    value: valueAt(series, null),
    progress: ind.progress,
    ...(withSeries && {
      series: series.map((p) => ({ date: p.date, value: p.value, provenance: provenanceOf(p, audience) })),
    }),
  };
}

const isOutput = (i: IndicatorView) => i.level === 'output' && (i.step === null || i.step <= 3);
const isOutcomeOrImpact = (i: IndicatorView) => i.level === 'outcome' || i.level === 'impact';

/** Per-choice shares (percent of the question's respondents), means of ratings and matrix rows: what a comparison looks at. */
function headlineFigures(
  q: QuestionFigures | undefined,
): Map<string, { label: string; value: number | null; unit: 'percent' | 'mean' }> {
  const out = new Map<string, { label: string; value: number | null; unit: 'percent' | 'mean' }>();
  if (!q) return out;
  if (q.mean !== undefined) out.set('mean', { label: '', value: q.mean ?? null, unit: 'mean' });
  else if (q.choices)
    for (const c of q.choices)
      out.set(JSON.stringify(c.value), {
        label: c.label,
        value: c.count === null || !q.n ? null : (100 * c.count) / q.n,
        unit: 'percent',
      });
  if (q.rows)
    for (const r of q.rows)
      if (r.mean !== undefined)
        out.set(`row:${JSON.stringify(r.value)}`, { label: r.label, value: r.mean ?? null, unit: 'mean' });
  return out;
}

/** Activities counted per quarter (YYYY-Qn, oldest first) and type, in the types' order. */
export function byQuarter(
  activities: Array<{ type: ActivityType; date: string }>,
  types: Array<{ type: ActivityType }>,
): Array<{ quarter: string; counts: Array<{ type: ActivityType; count: number }> }> {
  const quarters = new Map<string, Map<ActivityType, number>>();
  for (const a of activities) {
    const quarter = `${a.date.slice(0, 4)}-Q${Math.floor((Number(a.date.slice(5, 7)) - 1) / 3) + 1}`;
    const counts = quarters.get(quarter) ?? new Map<ActivityType, number>();
    counts.set(a.type, (counts.get(a.type) ?? 0) + 1);
    quarters.set(quarter, counts);
  }
  return [...quarters]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([quarter, counts]) => ({
      quarter,
      counts: types.map((t) => ({ type: t.type, count: counts.get(t.type) ?? 0 })),
    }));
}

const keyIndicator = (ind: IndicatorView, to: string | null) => ({
  key: ind.key,
  name: ind.name,
  unit: ind.unit,
  value: valueAt(
    ind.series.filter((p) => !to || p.date <= to),
    null,
  ),
});

/**
 * The key figures first in the report: members, reach, the survey's
 * respondents and response rate (per invitation, else per member), and the
 * impact staircase (steps 1–7) with each indicator's latest value.
 */
async function keyFigures(
  db: Db,
  ws: WorkspaceRow,
  indicators: Indicators,
  results: Awaited<ReturnType<typeof waveResults>> | undefined,
  access: string | null,
  config: ReportConfig,
  section: ReportConfig['sections'][number],
) {
  const to = config.period.to;
  const find = (key: string | undefined) => {
    const ind = key ? indicators.find((i) => i.key === key) : undefined;
    return ind ? keyIndicator(ind, to) : null;
  };
  const members = find(section.members);
  let survey = null;
  if (results) {
    const invited = access === 'invitation' ? (await listInvitations(db, ws, results.wave.id)).length : 0;
    const base = invited > 0 ? ('invitations' as const) : members?.value ? ('members' as const) : null;
    const denominator = base === 'invitations' ? invited : base === 'members' ? members!.value!.value : 0;
    const respondents = results.n;
    survey = {
      wave: { id: results.wave.id, title: results.wave.title },
      respondents,
      // A rate above 100 % (more respondents than members counted) says the base is stale: it is shown as it is.
      responseRate:
        respondents === null || denominator <= 0 ? null : Math.round((1000 * respondents) / denominator) / 10,
      base: respondents === null ? null : base,
    };
  }
  const staircase = [1, 2, 3, 4, 5, 6, 7].map((step) => ({
    step,
    indicators: indicators.filter((i) => i.step === step).map((i) => keyIndicator(i, to)),
  }));
  return { kind: 'key_figures' as const, members, reach: find(section.reach), survey, staircase };
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
const trendOf = (delta: number | null) => (delta === null ? null : delta > 0 ? 'up' : delta < 0 ? 'down' : 'same');

/**
 * Everything the report page (and a share link) renders, computed here with
 * suppression applied. The questionnaires' texts come in `language` where
 * they carry it, else in their default language.
 */
export async function reportContent(
  db: Db,
  engine: ResultsEngine,
  ws: WorkspaceRow,
  row: ReportRow,
  language: string,
  audience: Audience,
) {
  const config = configOf(row);
  const kinds = new Set<SectionKind>(config.sections.map((s) => s.kind));
  const needs = (...k: SectionKind[]) => k.some((x) => kinds.has(x));

  const main = config.wave ? await waveWithDefinition(db, ws, config.wave) : undefined;
  const other = main && config.compareWave ? await waveWithDefinition(db, ws, config.compareWave) : undefined;
  const results =
    main && needs('key_figures', 'survey', 'open_answers', 'comparison')
      ? await waveResults(db, engine, ws, main.wave.id, [], language)
      : undefined;
  const compareResults =
    other && needs('survey', 'comparison') ? await waveResults(db, engine, ws, other.wave.id, [], language) : undefined;
  const indicators = needs('key_figures', 'input', 'output', 'outcome_impact', 'comparison')
    ? (await listIndicators(db, engine, ws)).indicators
    : [];
  const pick = (r: typeof results) =>
    config.keyQuestions
      .map((name) => r?.questions.find((q) => q.name === name))
      .filter((q): q is QuestionFigures => q !== undefined);

  const sections = [];
  for (const section of config.sections) {
    switch (section.kind) {
      case 'key_figures':
        sections.push(await keyFigures(db, ws, indicators, results, main?.wave.access ?? null, config, section));
        break;
      case 'input': {
        const items = [];
        for (const ind of indicators.filter((i) => i.level === 'input'))
          items.push(await indicatorPart(db, ws, ind, config, audience, language, false));
        sections.push({ kind: 'input' as const, indicators: items });
        break;
      }
      case 'output': {
        const activities = await repo.activitiesBetween(db, ws.id, config.period.from, config.period.to);
        const byType = ACTIVITY_TYPES.map((type) => ({
          type,
          count: activities.filter((a) => a.type === type).length,
        })).filter((t) => t.count > 0);
        const items = [];
        for (const ind of indicators.filter(isOutput))
          items.push(await indicatorPart(db, ws, ind, config, audience, language, false));
        const listed = section.activityList ?? false;
        sections.push({
          kind: 'output' as const,
          activities: {
            total: activities.length,
            byType,
            byQuarter: byQuarter(activities, byType),
            listed,
            list: listed
              ? activities.map((a) => ({ type: a.type, title: a.title, date: a.date, district: a.district }))
              : [],
          },
          indicators: items,
        });
        break;
      }
      case 'outcome_impact': {
        const items = [];
        for (const ind of indicators.filter(isOutcomeOrImpact))
          items.push(await indicatorPart(db, ws, ind, config, audience, language, true));
        sections.push({ kind: 'outcome_impact' as const, provenance: section.provenance ?? true, indicators: items });
        break;
      }
      case 'survey':
        sections.push({
          kind: 'survey' as const,
          measure: section.measure ?? 'percent',
          wave: results
            ? { id: results.wave.id, title: results.wave.title, n: results.n, responses: results.responses.complete }
            : null,
          compare: compareResults
            ? {
                id: compareResults.wave.id,
                title: compareResults.wave.title,
                n: compareResults.n,
                questions: pick(compareResults),
              }
            : null,
          questions: pick(results),
          // The registry's word on each type, so that a share link draws each question as the dashboard does.
          questionTypes: results?.questionTypes ?? {},
        });
        break;
      case 'open_answers': {
        // Quotes are read for members only: a share never loads an answer's text.
        const showQuotes = audience.kind === 'workspace';
        const texts =
          main && showQuotes ? await repo.quoteTexts(db, main.wave.id, config.quotes) : new Map<string, string>();
        const parts = OPEN_ROLES.filter((role) => config.openQuestions[role]).map((role: OpenRole) => {
          const name = config.openQuestions[role]!;
          const q = results?.questions.find((x) => x.name === name);
          const codes = (q?.codes ?? [])
            .filter((c) => c.count !== 0)
            // Hidden (small) counts go last: they are fewer than the minimum.
            .sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.label.localeCompare(b.label, 'de'))
            .slice(0, section.topCodes ?? 5)
            .map((c) => ({ label: c.label, count: c.count }));
          const quotes = config.quotes
            .filter((x) => x.question === name)
            .flatMap((x) => {
              const t = texts.get(`${x.response}/${x.question}`);
              return t === undefined ? [] : [{ response: x.response, text: t }];
            });
          return {
            role,
            question: { name, title: q?.title ?? name },
            n: q?.n ?? null,
            suppressed: q?.suppressed ?? false,
            codes,
            quotes: showQuotes ? quotes : null,
          };
        });
        sections.push({
          kind: 'open_answers' as const,
          wave: results ? { id: results.wave.id, title: results.wave.title } : null,
          topCodes: section.topCodes ?? 5,
          questions: parts,
        });
        break;
      }
      case 'comparison': {
        const questions =
          results && compareResults
            ? pick(results).flatMap((q) => {
                const before = headlineFigures(compareResults.questions.find((x) => x.name === q.name));
                const now = headlineFigures(q);
                const items = [...now]
                  .filter(([key]) => before.has(key))
                  .map(([key, f]) => {
                    const previous = before.get(key)!.value;
                    const delta = f.value === null || previous === null ? null : f.value - previous;
                    return {
                      label: f.label,
                      unit: f.unit,
                      current: round(f.value),
                      previous: round(previous),
                      delta: round(delta),
                      trend: trendOf(delta),
                    };
                  });
                return items.length > 0 ? [{ name: q.name, title: q.title, items }] : [];
              })
            : [];
        const from = config.period.from;
        const indicatorRows = indicators
          .map((ind) => {
            const series = ind.series.filter((p) => !config.period.to || p.date <= config.period.to);
            const current = valueAt(series, null);
            const values = series.filter((p) => p.value !== null);
            const previous = from
              ? valueBefore(series, from)
              : values.length > 1
                ? { date: values.at(-2)!.date, value: values.at(-2)!.value! }
                : null;
            const delta = current && previous ? current.value - previous.value : null;
            const good = delta === null || delta === 0 ? null : delta > 0 === (ind.direction === 'up');
            const reached =
              ind.target && current
                ? ind.direction === 'up'
                  ? current.value >= ind.target.value
                  : current.value <= ind.target.value
                : null;
            return {
              key: ind.key,
              name: ind.name,
              unit: ind.unit,
              direction: ind.direction,
              current,
              previous,
              delta: round(delta),
              trend: trendOf(delta),
              good,
              target: ind.target,
              reached,
              progress: ind.progress,
            };
          })
          .filter((r) => r.current !== null);
        sections.push({
          kind: 'comparison' as const,
          waves:
            results && compareResults
              ? {
                  current: { id: results.wave.id, title: results.wave.title },
                  previous: { id: compareResults.wave.id, title: compareResults.wave.title },
                }
              : null,
          questions,
          indicators: indicatorRows,
        });
        break;
      }
      case 'decisions':
        sections.push({ kind: 'decisions' as const, text: config.decisions });
        break;
    }
  }

  const lang = main ? labelLanguage(main.definition, language) : language;
  return {
    report: { id: row.id, title: row.title, updatedAt: row.updated_at },
    workspace: { name: ws.name },
    audience: audience.kind,
    includesQuotes: audience.kind === 'workspace',
    // The language of Bilanz's own words around the figures (German or English)…
    locale: appLanguage(language),
    // …and of the main wave's questionnaire texts.
    labelLocale: lang,
    generatedOn: new Date().toISOString().slice(0, 10),
    period: config.period,
    minGroupSize: ws.min_group_size,
    wave: main
      ? {
          id: main.wave.id,
          title: main.wave.title,
          questionnaire: textIn(main.definition, main.definition.title, lang, ''),
        }
      : null,
    compareWave: other ? { id: other.wave.id, title: other.wave.title } : null,
    sections,
    plan: await getPlan(db, ws, { withOwner: audience.kind === 'workspace' }),
  };
}

export type ReportContent = Awaited<ReturnType<typeof reportContent>>;
