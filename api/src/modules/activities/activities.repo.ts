import type { Knex } from 'knex';
import { tables, type ActivityRow, type ActivityType } from '../../db/tables.js';

export type NewActivity = Omit<ActivityRow, 'created_at' | 'updated_at'>;

type ActivityFilter = { type?: string; district?: string; year?: number };

function filtered(db: Knex, workspaceId: string, filter: ActivityFilter) {
  const q = db(tables.activities).where({ workspace_id: workspaceId });
  if (filter.type) q.andWhere({ type: filter.type as ActivityType });
  if (filter.district) q.andWhere({ district: filter.district });
  if (filter.year) q.andWhereRaw('extract(year from date) = ?', [filter.year]);
  return q;
}

/** A workspace's activity log, newest first, narrowed by the filters given; one page of it with `limit`. */
export async function listActivities(
  db: Knex,
  workspaceId: string,
  filter: ActivityFilter & { limit?: number; offset?: number },
): Promise<ActivityRow[]> {
  // id last: a stable order, so that pages neither repeat nor skip activities of the same date and title.
  const q = filtered(db, workspaceId, filter).orderBy([
    { column: 'date', order: 'desc' },
    { column: 'title' },
    { column: 'id' },
  ]);
  if (filter.limit !== undefined) q.limit(filter.limit).offset(filter.offset ?? 0);
  return await q;
}

/** How many activities the filters match. */
export async function countActivities(db: Knex, workspaceId: string, filter: ActivityFilter): Promise<number> {
  const row = await filtered(db, workspaceId, filter).first<{ count: number }>(db.raw('count(*)::int as count'));
  return row?.count ?? 0;
}

/** The districts and years of a workspace's whole log (null when the log is empty). */
export const activityFacets = (db: Knex, workspaceId: string) =>
  db(tables.activities)
    .where({ workspace_id: workspaceId })
    .first<{ districts: string[] | null; years: number[] | null }>(
      db.raw('array_remove(array_agg(distinct district), null) as districts'),
      db.raw('array_agg(distinct extract(year from date)::int) as years'),
    );

export const findActivity = (db: Knex, workspaceId: string, id: string): Promise<ActivityRow | undefined> =>
  db(tables.activities).where({ workspace_id: workspaceId, id }).first();

/** A workspace's activities of one type, by date then title. */
export const listActivitiesOfType = (db: Knex, workspaceId: string, type: ActivityType): Promise<ActivityRow[]> =>
  db(tables.activities)
    .where({ workspace_id: workspaceId, type })
    .orderBy([{ column: 'date' }, { column: 'title' }]);

export async function insertActivity(db: Knex, row: NewActivity): Promise<ActivityRow> {
  const [created] = await db(tables.activities).insert(row).returning('*');
  return created!;
}

/** Inserts many activities, 500 to a statement (keeps each statement's parameters well under the limit). */
export async function insertActivities(db: Knex, rows: NewActivity[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db(tables.activities).insert(rows.slice(i, i + 500));
}

export async function updateActivity(
  db: Knex,
  workspaceId: string,
  id: string,
  changes: Record<string, unknown>,
): Promise<ActivityRow> {
  const [row] = await db(tables.activities)
    .where({ workspace_id: workspaceId, id })
    .update({ ...changes, updated_at: db.fn.now() })
    .returning('*');
  return row!;
}

export async function deleteActivity(db: Knex, id: string): Promise<void> {
  await db(tables.activities).where({ id }).del();
}
