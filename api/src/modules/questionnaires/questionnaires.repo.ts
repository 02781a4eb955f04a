import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { tables, type QuestionnaireRow, type QuestionnaireVersionRow } from '../../db/tables.js';

export const findQuestionnaire = (db: Knex, workspaceId: string, slug: string) =>
  db(tables.questionnaires).where({ workspace_id: workspaceId, slug }).first();

/** The questionnaire row, locked until the transaction ends (publishing is serialised per questionnaire). */
export const lockQuestionnaire = (db: Knex, workspaceId: string, slug: string) =>
  db(tables.questionnaires).where({ workspace_id: workspaceId, slug }).forUpdate().first();

export const listQuestionnaires = (db: Knex, workspaceId: string) =>
  db(tables.questionnaires).where({ workspace_id: workspaceId }).orderBy('slug');

export async function insertQuestionnaire(
  db: Knex,
  q: { workspaceId: string; slug: string; draft: object; userId: string },
): Promise<QuestionnaireRow> {
  const [row] = await db(tables.questionnaires)
    .insert({
      id: randomUUID(),
      workspace_id: q.workspaceId,
      slug: q.slug,
      draft: JSON.stringify(q.draft) as unknown as Record<string, unknown>,
      draft_updated_at: db.fn.now(),
      draft_updated_by: q.userId,
    })
    .returning('*');
  return row!;
}

export async function updateDraft(
  db: Knex,
  id: string,
  draft: object | null,
  userId: string,
): Promise<QuestionnaireRow> {
  const [row] = await db(tables.questionnaires)
    .where({ id })
    .update({
      draft: draft === null ? null : JSON.stringify(draft),
      draft_updated_at: draft === null ? null : db.fn.now(),
      draft_updated_by: draft === null ? null : userId,
    })
    .returning('*');
  return row!;
}

export type VersionSummary = Pick<QuestionnaireVersionRow, 'version' | 'published_at' | 'change_note' | 'breaks'>;

/** Versions of several questionnaires, oldest first, without their definitions. */
export const listVersionSummaries = (db: Knex, questionnaireIds: string[]) =>
  db(tables.questionnaireVersions)
    .whereIn('questionnaire_id', questionnaireIds)
    .orderBy(['questionnaire_id', 'version'])
    .select('questionnaire_id', 'version', 'published_at', 'change_note', 'breaks') as Promise<
    Array<VersionSummary & { questionnaire_id: string }>
  >;

/** The newest published definition of each questionnaire, in one query. */
export async function latestDefinitions(
  db: Knex,
  questionnaireIds: string[],
): Promise<Map<string, Record<string, unknown>>> {
  if (questionnaireIds.length === 0) return new Map();
  const rows = await db(tables.questionnaireVersions)
    .distinctOn('questionnaire_id')
    .whereIn('questionnaire_id', questionnaireIds)
    .orderBy([{ column: 'questionnaire_id' }, { column: 'version', order: 'desc' }])
    .select<
      Array<{
        questionnaire_id: string;
        definition: Record<string, unknown>;
      }>
    >('questionnaire_id', 'definition');
  return new Map(rows.map((r) => [r.questionnaire_id, r.definition]));
}

export const findVersion = (db: Knex, questionnaireId: string, version: number) =>
  db(tables.questionnaireVersions).where({ questionnaire_id: questionnaireId, version }).first();

export const findLatestVersion = (db: Knex, questionnaireId: string) =>
  db(tables.questionnaireVersions).where({ questionnaire_id: questionnaireId }).orderBy('version', 'desc').first();

/** Every published version of a questionnaire, oldest first. */
export const listVersions = (db: Knex, questionnaireId: string) =>
  db(tables.questionnaireVersions).where({ questionnaire_id: questionnaireId }).orderBy('version');

export async function insertVersion(
  db: Knex,
  v: {
    questionnaireId: string;
    version: number;
    definition: object;
    changeNote: string | null;
    diff: object | null;
    breaks: object | null;
    userId: string;
  },
): Promise<QuestionnaireVersionRow> {
  const [row] = await db(tables.questionnaireVersions)
    .insert({
      questionnaire_id: v.questionnaireId,
      version: v.version,
      definition: JSON.stringify(v.definition) as unknown as Record<string, unknown>,
      change_note: v.changeNote,
      diff: v.diff === null ? null : JSON.stringify(v.diff),
      breaks: v.breaks === null ? null : JSON.stringify(v.breaks),
      published_by: v.userId,
    })
    .returning('*');
  return row!;
}
