import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { tables, type AnswerCodeRow } from '../../db/tables.js';

export const listCodes = (db: Knex, questionnaireId: string): Promise<AnswerCodeRow[]> =>
  db(tables.answerCodes).where({ questionnaire_id: questionnaireId }).orderBy('label');

export async function insertCode(db: Knex, questionnaireId: string, label: string): Promise<AnswerCodeRow> {
  const [row] = await db(tables.answerCodes)
    .insert({ id: randomUUID(), questionnaire_id: questionnaireId, label })
    .returning('*');
  return row!;
}

export async function updateCode(
  db: Knex,
  questionnaireId: string,
  id: string,
  label: string,
): Promise<AnswerCodeRow | undefined> {
  const [row] = await db(tables.answerCodes)
    .where({ questionnaire_id: questionnaireId, id })
    .update({ label })
    .returning('*');
  return row;
}

export async function deleteCode(db: Knex, questionnaireId: string, id: string): Promise<boolean> {
  return (await db(tables.answerCodes).where({ questionnaire_id: questionnaireId, id }).del()) > 0;
}

/** Every code assignment of one wave: which response carries which code for which question. */
export const waveAssignments = (db: Knex, waveId: string) =>
  db(`${tables.answerCodeAssignments} as a`)
    .join(`${tables.responses} as r`, 'r.id', 'a.response_id')
    .where('r.wave_id', waveId)
    .select('a.response_id', 'a.question', 'a.code_id') as Promise<
    Array<{ response_id: string; question: string; code_id: string }>
  >;

export async function replaceCodes(db: Knex, responseId: string, question: string, codeIds: string[]): Promise<void> {
  await db(tables.answerCodeAssignments).where({ response_id: responseId, question }).del();
  if (codeIds.length > 0)
    await db(tables.answerCodeAssignments).insert(
      codeIds.map((code_id) => ({ response_id: responseId, question, code_id })),
    );
}

/** The non-empty texts of one open question in the complete responses of a wave, newest first. */
export const openAnswerTexts = (
  db: Knex,
  waveId: string,
  question: string,
): Promise<Array<{ id: string; text: string }>> =>
  db(tables.responses)
    .where({ wave_id: waveId, status: 'complete' })
    .whereRaw(`coalesce(data->>?, '') <> ''`, [question])
    .orderBy('completed_on', 'desc')
    .orderBy('id')
    .select('id', db.raw('data->>? as text', [question]));

/** The id of a complete response of this wave, if there is one. */
export const findCompleteResponse = (
  db: Knex,
  waveId: string,
  responseId: string,
): Promise<{ id: string } | undefined> =>
  db(tables.responses).where({ id: responseId, wave_id: waveId, status: 'complete' }).first('id');
