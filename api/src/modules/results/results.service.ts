import type { Knex } from 'knex';
import { tables, type QuestionnaireVersionRow, type ResponseRow, type WaveRow, type WorkspaceRow } from '../../db/tables.js';
import { BadRequestError, NotFoundError, text, type Locale } from '../../http/errors.js';
import { itemsOf, questionsOf, type Json, type JsonObject } from '../questionnaires/definition-walk.js';
import * as questionnaires from '../questionnaires/questionnaires.repo.js';
import { getQuestionnaire } from '../questionnaires/questionnaires.service.js';
import { countResponses } from '../waves/waves.repo.js';
import { getWave } from '../waves/waves.service.js';
import { aggregate, passes, type Filter, type QuestionFigures } from './aggregate.js';
import { listCodes, waveAssignments } from '../answers/answers.repo.js';
import { suppress } from './suppression.js';

/**
 * Parses `question:value` filters against the wave's definition, so that the
 * value gets the type the question stores (numbers, true/false or text).
 */
export function parseFilters(raw: string[], definition: JsonObject): Filter[] {
  const questions = new Map(questionsOf(definition).map((r) => [String(r.element.name), r.element]));
  return raw.map((w) => {
    const at = w.indexOf(':');
    const name = at > 0 ? w.slice(0, at) : '';
    const valueText = at > 0 ? w.slice(at + 1) : '';
    const q = questions.get(name);
    if (!q || valueText === '') {
      throw new BadRequestError('invalid_filter', text(`The filter "${w}" must be question:value with a question of this wave.`, `Der Filter „${w}“ muss Frage:Wert mit einer Frage dieser Welle sein.`));
    }
    const known: Json[] =
      q.type === 'boolean' ? [q.valueTrue ?? true, q.valueFalse ?? false] as Json[] : q.type === 'matrix' ? [] : itemsOf(q.choices).map((c) => c.value);
    const match = known.find((v) => String(v) === valueText);
    const value: Json = match !== undefined ? match : q.type === 'rating' || q.inputType === 'number' ? Number(valueText) : valueText;
    return { question: name, value };
  });
}

async function versionDefinition(db: Knex, wave: Pick<WaveRow, 'questionnaire_id' | 'version'>): Promise<JsonObject> {
  const v = (await questionnaires.findVersion(db, wave.questionnaire_id, wave.version)) as QuestionnaireVersionRow;
  return v.definition as JsonObject;
}

const completeRows = (db: Knex, waveId: string) =>
  db<ResponseRow>(tables.responses).where({ wave_id: waveId, status: 'complete' }).select('id', 'data') as Promise<Array<{ id: string; data: Record<string, unknown> }>>;
const completeAnswers = async (db: Knex, waveId: string) => (await completeRows(db, waveId)).map((r) => r.data);

/** Adds to each open question the number of selected answers carrying each code. */
function withCodes(
  questions: QuestionFigures[],
  selectedIds: Set<string>,
  codes: Array<{ id: string; label: string }>,
  assignments: Array<{ response_id: string; question: string; code_id: string }>,
): QuestionFigures[] {
  if (codes.length === 0) return questions;
  return questions.map((q) => {
    if (q.type !== 'text' && q.type !== 'comment') return q;
    const here = assignments.filter((a) => a.question === q.name && selectedIds.has(a.response_id));
    return { ...q, codes: codes.map((c) => ({ value: c.id, label: c.label, count: here.filter((a) => a.code_id === c.id).length })) };
  });
}

/** The results of a wave: per-question figures after filters, with small groups suppressed. */
export async function waveResults(db: Knex, ws: WorkspaceRow, waveId: string, whereRaw: string[], locale: Locale) {
  const wave = await getWave(db, ws, waveId);
  const definition = await versionDefinition(db, wave);
  const filters = parseFilters(whereRaw, definition);
  const [counts, rows, codes, assignments] = await Promise.all([
    countResponses(db, [wave.id]),
    completeRows(db, wave.id),
    listCodes(db, wave.questionnaire_id),
    waveAssignments(db, wave.id),
  ]);
  const selectedRows = rows.filter((r) => passes(r.data, filters));
  const selected = selectedRows.map((r) => r.data);
  const n = selected.length;
  const min = ws.min_group_size;
  const suppressed = n < min;
  return {
    wave: { id: wave.id, title: wave.title },
    responses: { complete: counts.get(wave.id)?.complete ?? 0, partial: counts.get(wave.id)?.partial ?? 0 },
    n: suppressed ? null : n,
    minGroupSize: min,
    suppressed,
    filters,
    questions: suppress(
      withCodes(aggregate(definition, selected, locale === 'de' ? 'default' : locale), new Set(selectedRows.map((r) => r.id)), codes, assignments),
      n,
      min,
    ),
  };
}

/**
 * One question across every wave of a questionnaire, oldest first. Waves join
 * on the question's name; a wave on the far side of a recorded breaking change
 * for this question is flagged (`breakBefore`).
 */
export async function questionTrend(db: Knex, ws: WorkspaceRow, slug: string, question: string, locale: Locale) {
  const q = await getQuestionnaire(db, ws, slug);
  const waves = (await db<WaveRow>(tables.waves).where({ workspace_id: ws.id, questionnaire_id: q.id }).orderBy('created_at', 'asc')) as WaveRow[];
  const versions = (await db<QuestionnaireVersionRow>(tables.questionnaireVersions).where({ questionnaire_id: q.id }).orderBy('version')) as QuestionnaireVersionRow[];
  const breaksQuestion = (v: QuestionnaireVersionRow) =>
    Array.isArray((v.breaks as { questions?: unknown[] } | null)?.questions) &&
    ((v.breaks as { questions: Array<{ question: string }> }).questions.some((b) => b.question === question));
  const min = ws.min_group_size;
  let previousVersion: number | undefined;
  const entries = [];
  for (const wave of waves) {
    const definition = (versions.find((v) => v.version === wave.version)?.definition ?? {}) as JsonObject;
    const exists = questionsOf(definition).some((r) => r.element.name === question);
    const breakBefore =
      previousVersion !== undefined && versions.some((v) => v.version > previousVersion! && v.version <= wave.version && breaksQuestion(v));
    previousVersion = wave.version;
    const answers = exists ? await completeAnswers(db, wave.id) : [];
    const figures = exists ? suppress(aggregate({ pages: [{ name: 'p', elements: questionsOf(definition).filter((r) => r.element.name === question).map((r) => r.element) }] }, answers, locale === 'de' ? 'default' : locale), answers.length, min)[0] : undefined;
    entries.push({
      wave: { id: wave.id, title: wave.title, createdAt: wave.created_at },
      version: wave.version,
      n: answers.length < min ? null : answers.length,
      breakBefore,
      ...(exists ? { question: figures } : { missing: true }),
    });
  }
  if (entries.length > 0 && entries.every((e) => 'missing' in e)) {
    throw new NotFoundError(text(`No wave of "${slug}" has a question "${question}".`, `Keine Welle von „${slug}“ hat eine Frage „${question}“.`));
  }
  return { questionnaire: slug, question, minGroupSize: min, waves: entries };
}
