import type { Knex } from 'knex';
import { tables, type PlanActionRow } from '../../db/tables.js';

export type NewAction = Omit<PlanActionRow, 'created_at' | 'updated_at' | 'targets'> & { targets: string };

export const listActions = (db: Knex, workspaceId: string): Promise<PlanActionRow[]> =>
  db(tables.planActions).where({ workspace_id: workspaceId }).orderByRaw('due_on asc nulls last, title asc');

export const findAction = (db: Knex, workspaceId: string, id: string): Promise<PlanActionRow | undefined> =>
  db(tables.planActions).where({ workspace_id: workspaceId, id }).first();

export async function insertAction(db: Knex, row: NewAction): Promise<PlanActionRow> {
  const [created] = await db(tables.planActions).insert(row).returning('*');
  return created!;
}

export async function updateAction(
  db: Knex,
  workspaceId: string,
  id: string,
  changes: Partial<Omit<NewAction, 'id' | 'workspace_id'>>,
): Promise<PlanActionRow> {
  const [row] = await db(tables.planActions)
    .where({ workspace_id: workspaceId, id })
    .update({ ...changes, updated_at: db.fn.now() })
    .returning('*');
  return row!;
}

export async function deleteAction(db: Knex, workspaceId: string, id: string): Promise<void> {
  await db(tables.planActions).where({ workspace_id: workspaceId, id }).del();
}
