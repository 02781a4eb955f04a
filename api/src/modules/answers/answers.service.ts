import type { Db } from '../../db/db-handle.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { WorkspaceRow } from '../../db/tables.js';
import { BadRequestError, ConflictError, NotFoundError, text } from '../../http/errors.js';
import { labelIn, questionsOf, type JsonObject } from '../questionnaires/definition-walk.js';
import { isOpenTextQuestion } from '../questionnaires/question-types.js';
import { labelLanguage } from '../questionnaires/locales.js';
import * as questionnaires from '../questionnaires/questionnaires.service.js';
import { getWave } from '../waves/waves.service.js';
import { codeView } from './answers.presenters.js';
import * as repo from './answers.repo.js';
import type { AnswerCodes, Code, OpenAnswers } from './answers.schemas.js';

const codeTaken = (label: string) =>
  new ConflictError('conflict', text(`The code "${label}" exists already.`, `Den Code „${label}“ gibt es schon.`));

export async function listCodebook(db: Db, ws: WorkspaceRow, slug: string): Promise<Code[]> {
  const q = await questionnaires.getQuestionnaire(db, ws, slug);
  return (await repo.listCodes(db, q.id)).map(codeView);
}

export async function createCode(db: Db, ws: WorkspaceRow, slug: string, codeLabel: string): Promise<Code> {
  const q = await questionnaires.getQuestionnaire(db, ws, slug);
  try {
    const c = await repo.insertCode(db, q.id, codeLabel);
    return codeView(c);
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken(codeLabel);
    throw err;
  }
}

export async function renameCode(db: Db, ws: WorkspaceRow, slug: string, id: string, codeLabel: string): Promise<Code> {
  const q = await questionnaires.getQuestionnaire(db, ws, slug);
  try {
    const c = await repo.updateCode(db, q.id, id, codeLabel);
    if (!c) throw new NotFoundError(text('Code not found.', 'Code nicht gefunden.'));
    return codeView(c);
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken(codeLabel);
    throw err;
  }
}

export async function removeCode(db: Db, ws: WorkspaceRow, slug: string, id: string): Promise<void> {
  const q = await questionnaires.getQuestionnaire(db, ws, slug);
  if (!(await repo.deleteCode(db, q.id, id))) throw new NotFoundError(text('Code not found.', 'Code nicht gefunden.'));
}

/** The codebook of a questionnaire, by label (for the results of coded open answers). */
export const listCodes = (db: Db, questionnaireId: string) => repo.listCodes(db, questionnaireId);

/** The wave, its questionnaire and the open question named, or 404. */
async function openQuestion(db: Db, ws: WorkspaceRow, waveId: string, question: string) {
  const wave = await getWave(db, ws, waveId);
  const version = await questionnaires.findVersion(db, wave.questionnaire_id, wave.version);
  const definition = (version?.definition ?? {}) as JsonObject;
  const element = questionsOf(definition).find((r) => r.element.name === question)?.element;
  if (!element)
    throw new NotFoundError(
      text(`This wave has no question "${question}".`, `Diese Welle hat keine Frage „${question}“.`),
    );
  if (!isOpenTextQuestion(element)) {
    throw new BadRequestError(
      'not_open_question',
      text(`"${question}" is not an open question.`, `„${question}“ ist keine offene Frage.`),
    );
  }
  return { wave, element, definition };
}

/**
 * All texts of one open question in a wave (complete responses), searchable,
 * with their codes and the count per code. Only organisers and analysts see
 * them; share links never do.
 */
export async function listAnswers(
  db: Db,
  ws: WorkspaceRow,
  waveId: string,
  question: string,
  search: string | undefined,
  language: string,
): Promise<OpenAnswers> {
  const { wave, element, definition } = await openQuestion(db, ws, waveId, question);
  const rows = await repo.openAnswerTexts(db, wave.id, question);
  const codes = await repo.listCodes(db, wave.questionnaire_id);
  const assigned = (await repo.waveAssignments(db, wave.id)).filter((a) => a.question === question);
  const codesOf = new Map<string, string[]>();
  for (const a of assigned) codesOf.set(a.response_id, [...(codesOf.get(a.response_id) ?? []), a.code_id]);
  const needle = search?.trim().toLocaleLowerCase();
  const answers = rows
    .filter((r) => !needle || r.text.toLocaleLowerCase().includes(needle))
    .map((r) => ({ id: r.id, text: r.text, codes: codesOf.get(r.id) ?? [] }));
  return {
    question: { name: question, title: labelIn(element.title, labelLanguage(definition, language), question) },
    total: rows.length,
    answers,
    codes: codes.map((c) => ({ id: c.id, label: c.label, count: assigned.filter((a) => a.code_id === c.id).length })),
  };
}

/** Replaces the codes of one answer; codes must belong to the wave's questionnaire. */
export async function setCodes(
  db: Db,
  ws: WorkspaceRow,
  waveId: string,
  question: string,
  responseId: string,
  codeIds: string[],
): Promise<AnswerCodes> {
  const { wave } = await openQuestion(db, ws, waveId, question);
  const response = await repo.findCompleteResponse(db, wave.id, responseId);
  if (!response) throw new NotFoundError(text('Answer not found.', 'Antwort nicht gefunden.'));
  const known = new Set((await repo.listCodes(db, wave.questionnaire_id)).map((c) => c.id));
  const unknown = codeIds.filter((c) => !known.has(c));
  if (unknown.length > 0)
    throw new BadRequestError(
      'unknown_code',
      text("A code is not in this questionnaire's codebook.", 'Ein Code steht nicht im Codebuch dieses Fragebogens.'),
      { codes: unknown },
    );
  const unique = [...new Set(codeIds)];
  await db.transaction((trx) => repo.replaceCodes(trx, responseId, question, unique));
  return { id: responseId, codes: unique };
}
