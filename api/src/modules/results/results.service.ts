import type { Db } from '../../db/db-handle.js';
import type { QuestionnaireVersionRow, WaveRow, WorkspaceRow } from '../../db/tables.js';
import { NotFoundError, text } from '../../http/errors.js';
import { questionsOf, type JsonObject } from '../questionnaires/definition-walk.js';
import { labelLanguage, languagesOf, matchLanguage } from '../questionnaires/locales.js';
import * as questionnaires from '../questionnaires/questionnaires.service.js';
import { getWave, listWavesOfQuestionnaire } from '../waves/waves.service.js';
import type { QuestionFigures } from './aggregate.js';
import { containmentOf, parseFilters } from './filters.js';
import * as repo from './results.repo.js';
import { listCodes } from '../answers/answers.service.js';
import { describeType, isOpenText, type TypeDescription } from '../questionnaires/question-types.js';
import { cellElement, matrixColumns } from '../questionnaires/question-options.js';
import type { ResultsEngine } from './engine/engine.js';
import { trendWaveView } from './results.presenters.js';
import type { DayPeriod, Trend, TrendEntry, WaveResults } from './results.schemas.js';
import { perDayPeriods, suppress } from './suppression.js';

/**
 * A wave's responses per day. In an anonymous wave no day may show fewer
 * responses than the minimum group size (a day with one answer names its
 * author to anyone who knows who answered that day): such days are merged
 * into periods (perDayPeriods). A named wave shows every day.
 */
export function responsesPerDay(
  wave: Pick<WaveRow, 'anonymous'>,
  days: Array<{ date: string; count: number }>,
  min: number,
): DayPeriod[] {
  return wave.anonymous ? perDayPeriods(days, min) : days;
}

async function versionDefinition(db: Db, wave: Pick<WaveRow, 'questionnaire_id' | 'version'>): Promise<JsonObject> {
  // A wave always pins a published version (foreign key), so it is there.
  const v = await questionnaires.findVersion(db, wave.questionnaire_id, wave.version);
  return v!.definition as JsonObject;
}

/** Adds to each open question the number of selected answers carrying each code. */
function withCodes(
  questions: QuestionFigures[],
  codes: Array<{ id: string; label: string }>,
  counts: Array<{ question: string; code_id: string; count: number }>,
): QuestionFigures[] {
  if (codes.length === 0) return questions;
  return questions.map((q) => {
    if (!isOpenText(q.type)) return q;
    const here = new Map(counts.filter((c) => c.question === q.name).map((c) => [c.code_id, c.count]));
    return { ...q, codes: codes.map((c) => ({ value: c.id, label: c.label, count: here.get(c.id) ?? 0 })) };
  });
}

/**
 * The results of a wave: per-question figures after filters, with small groups
 * suppressed. Titles and labels come in `language` when the questionnaire
 * carries it, else in its default language (`locale` says which).
 */
export async function waveResults(
  db: Db,
  engine: ResultsEngine,
  ws: WorkspaceRow,
  waveId: string,
  whereRaw: string[],
  language: string,
): Promise<WaveResults> {
  const wave = await getWave(db, ws, waveId);
  const definition = await versionDefinition(db, wave);
  const filters = parseFilters(whereRaw, definition);
  const columns = await engine.columns(wave, definition);
  const partial = await repo.countPartial(db, wave.id);
  const codes = await listCodes(db, wave.questionnaire_id);
  const counts =
    codes.length > 0
      ? await repo.codeCounts(
          db,
          wave.id,
          filters.map((f) => containmentOf(definition, f)),
        )
      : [];
  const selection = filters.length > 0 ? columns.select(filters) : undefined;
  const n = selection ? selection.length : columns.rows;
  const min = ws.min_group_size;
  const suppressed = n < min;
  // The engine's definition object lives as long as the wave's columns: its languages are worked out once.
  const locales = languagesOf(columns.definition);
  const locale = matchLanguage(language, locales) ?? locales[0]!;
  return {
    wave: { id: wave.id, title: wave.title },
    responses: { complete: columns.rows, partial },
    // Complete responses per day, of the whole wave (never filtered: it says when, not who or what).
    perDay: responsesPerDay(wave, columns.responsesPerDay(), min),
    n: suppressed ? null : n,
    minGroupSize: min,
    suppressed,
    filters,
    questions: suppress(withCodes(columns.figures(selection, locale), codes, counts), n, min),
    // What the question type registry says of each type here, so that clients keep no list of their own.
    questionTypes: (columns.questionTypes ??= describeTypes(typesOf(columns.definition))),
    // The language of the titles and labels, and every language the questionnaire carries.
    locale,
    locales,
  };
}

/** A wave's complete responses per day, as its results show them (responsesPerDay). */
export async function wavePerDay(
  db: Db,
  engine: ResultsEngine,
  ws: WorkspaceRow,
  waveId: string,
): Promise<DayPeriod[]> {
  const wave = await getWave(db, ws, waveId);
  const columns = await engine.columns(wave, await versionDefinition(db, wave));
  return responsesPerDay(wave, columns.responsesPerDay(), ws.min_group_size);
}

/** The types of a definition's questions and of its matrices' cells (a cell is filtered and drawn by its cell type). */
const typesOf = (definition: JsonObject): string[] =>
  questionsOf(definition).flatMap(({ element: q }) => [
    String(q.type),
    ...(q.type === 'matrixdropdown' || q.type === 'matrixdynamic'
      ? matrixColumns(q).map((c) => String(cellElement(q, c).type))
      : []),
  ]);

/** The registry's word on each type of a wave, for clients (question-types.ts, describeType). */
function describeTypes(types: string[]): Record<string, TypeDescription> {
  const out: Record<string, TypeDescription> = {};
  for (const type of new Set(types)) {
    const description = describeType(type);
    if (description) out[type] = description;
  }
  return out;
}

/**
 * One question across every wave of a questionnaire, oldest first. Waves join
 * on the question's name; a wave on the far side of a recorded breaking change
 * for this question is flagged (`breakBefore`). Labels as in waveResults,
 * each wave's from its own version.
 */
export async function questionTrend(
  db: Db,
  engine: ResultsEngine,
  ws: WorkspaceRow,
  slug: string,
  question: string,
  language: string,
): Promise<Trend> {
  const q = await questionnaires.getQuestionnaire(db, ws, slug);
  const waves = await listWavesOfQuestionnaire(db, ws.id, q.id);
  const versions = await questionnaires.listVersions(db, q.id);
  const breaksQuestion = (v: QuestionnaireVersionRow) =>
    Array.isArray((v.breaks as { questions?: unknown[] } | null)?.questions) &&
    (v.breaks as { questions: Array<{ question: string }> }).questions.some((b) => b.question === question);
  const min = ws.min_group_size;
  let previousVersion: number | undefined;
  const entries: TrendEntry[] = [];
  for (const wave of waves) {
    const definition = (versions.find((v) => v.version === wave.version)?.definition ?? {}) as JsonObject;
    const exists = questionsOf(definition).some((r) => r.element.name === question);
    const breakBefore =
      previousVersion !== undefined &&
      versions.some((v) => v.version > previousVersion! && v.version <= wave.version && breaksQuestion(v));
    previousVersion = wave.version;
    const columns = exists ? await engine.columns(wave, definition) : undefined;
    const total = columns?.rows ?? 0;
    const figures = columns
      ? suppress(
          columns.figures(undefined, labelLanguage(columns.definition, language)).filter((f) => f.name === question),
          total,
          min,
        )[0]
      : undefined;
    entries.push({
      wave: trendWaveView(wave),
      version: wave.version,
      n: total < min ? null : total,
      breakBefore,
      ...(exists ? { question: figures } : { missing: true }),
    });
  }
  if (entries.length > 0 && entries.every((e) => 'missing' in e)) {
    throw new NotFoundError(
      text(
        `No wave of "${slug}" has a question "${question}".`,
        `Keine Welle von „${slug}“ hat eine Frage „${question}“.`,
      ),
    );
  }
  return { questionnaire: slug, question, minGroupSize: min, waves: entries };
}
