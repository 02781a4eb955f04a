import type { Knex } from 'knex';
import { tables, type IndicatorRow, type MeasurementRow } from '../../db/tables.js';

export const findIndicator = (db: Knex, workspaceId: string, key: string): Promise<IndicatorRow | undefined> =>
  db(tables.indicators).where({ workspace_id: workspaceId, key }).first();

/** A workspace's indicators in the order of the impact staircase (inputs first), then by level and name. */
export const listIndicators = (db: Knex, workspaceId: string): Promise<IndicatorRow[]> =>
  db(tables.indicators).where({ workspace_id: workspaceId }).orderByRaw('coalesce(step, 0), level, name');

/** Columns as written: jsonb values (baseline, target, source) already as JSON text. */
type IndicatorColumns = Record<string, unknown>;

export async function insertIndicator(db: Knex, row: IndicatorColumns): Promise<IndicatorRow> {
  const [created] = await db(tables.indicators).insert(row).returning('*');
  return created!;
}

export async function updateIndicator(db: Knex, id: string, changes: IndicatorColumns): Promise<IndicatorRow> {
  const [updated] = await db(tables.indicators)
    .where({ id })
    .update({ ...changes, updated_at: db.fn.now() })
    .returning('*');
  return updated!;
}

export async function deleteIndicator(db: Knex, id: string): Promise<void> {
  await db(tables.indicators).where({ id }).del();
}

/** The measurements of a manual indicator by date, each with the name of whoever entered it. */
export const listMeasurements = (db: Knex, indicatorId: string) =>
  db(`${tables.indicatorMeasurements} as m`)
    .leftJoin(`${tables.users} as u`, 'u.id', 'm.entered_by')
    .where('m.indicator_id', indicatorId)
    .orderBy([{ column: 'm.date' }, { column: 'm.created_at' }])
    .select('m.id', 'm.date', 'm.value', 'm.note', 'u.name as entered_by') as Promise<
    Array<{ id: string; date: string; value: number; note: string | null; entered_by: string | null }>
  >;

export async function insertMeasurement(db: Knex, row: Omit<MeasurementRow, 'created_at'>): Promise<MeasurementRow> {
  const [created] = await db(tables.indicatorMeasurements).insert(row).returning('*');
  return created!;
}

/** Deletes one measurement of an indicator; false when there was none. */
export async function deleteMeasurement(db: Knex, indicatorId: string, id: string): Promise<boolean> {
  return (await db(tables.indicatorMeasurements).where({ indicator_id: indicatorId, id }).del()) > 0;
}
