/**
 * The writes of the example workspace. It is seed data spanning every module
 * (workspace, questionnaire, wave, responses, activities, indicators), written
 * in one transaction at first start: that is why this one repo touches the
 * tables of several modules, and why it inserts rows as they are rather than
 * through the modules' services (which check a person's request).
 */
import type { Knex } from 'knex';
import { tables } from '../../db/tables.js';

/** A row as inserted: jsonb columns already as JSON text. */
type Row = Record<string, unknown>;

export const hasInstanceState = async (db: Knex, key: string): Promise<boolean> =>
  (await db(tables.instanceState).where({ key }).first()) !== undefined;

export async function insertInstanceState(db: Knex, key: string, value: string): Promise<void> {
  await db(tables.instanceState).insert({ key, value });
}

export const anyWorkspaceExists = async (db: Knex): Promise<boolean> =>
  (await db(tables.workspaces).first('id')) !== undefined;

export async function insertWorkspace(db: Knex, row: Row): Promise<void> {
  await db(tables.workspaces).insert(row);
}

export async function insertQuestionnaire(db: Knex, row: Row): Promise<void> {
  await db(tables.questionnaires).insert(row);
}

export async function insertQuestionnaireVersion(db: Knex, row: Row): Promise<void> {
  await db(tables.questionnaireVersions).insert(row);
}

export async function insertWave(db: Knex, row: Row): Promise<void> {
  await db(tables.waves).insert(row);
}

export async function insertResponses(db: Knex, rows: Row[]): Promise<void> {
  await db(tables.responses).insert(rows);
}

export async function insertActivities(db: Knex, rows: Row[]): Promise<void> {
  await db(tables.activities).insert(rows);
}

export async function insertIndicators(db: Knex, rows: Row[]): Promise<void> {
  await db(tables.indicators).insert(rows);
}

export async function insertMeasurements(db: Knex, rows: Row[]): Promise<void> {
  await db(tables.indicatorMeasurements).insert(rows);
}

export async function insertReport(db: Knex, row: Row): Promise<void> {
  await db(tables.reports).insert(row);
}

export async function insertReportShare(db: Knex, row: Row): Promise<void> {
  await db(tables.reportShares).insert(row);
}

// ── The strategy session of May 2015 and its action plan (sessions and plans modules) ──────

export async function insertSession(db: Knex, row: Row): Promise<void> {
  await db(tables.prioritisationSessions).insert(row);
}

export async function insertSessionOptions(db: Knex, rows: Row[]): Promise<void> {
  await db(tables.sessionOptions).insert(rows);
}

export async function insertBallots(db: Knex, rows: Row[]): Promise<void> {
  await db(tables.sessionBallots).insert(rows);
}

export async function insertPlanActions(db: Knex, rows: Row[]): Promise<void> {
  await db(tables.planActions).insert(rows);
}
