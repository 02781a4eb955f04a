import { randomUUID } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Db } from '../../db/db-handle.js';
import type { ActivityRow, ActivityType, UserRow, WorkspaceRow } from '../../db/tables.js';
import { NotFoundError, text, ValidationError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { activityView } from './activities.presenters.js';
import * as repo from './activities.repo.js';
import {
  CreateActivitySchema,
  type Activity,
  type ActivityList,
  type CreateActivityReq,
  type UpdateActivityReq,
} from './activities.schemas.js';

const notFound = () =>
  new NotFoundError(
    text('There is no such activity in this workspace.', 'Diese Aktivität gibt es in diesem Arbeitsbereich nicht.'),
  );

export async function listActivities(
  db: Db,
  ws: WorkspaceRow,
  filter: { type?: string; district?: string; year?: number; limit?: number; offset?: number },
): Promise<ActivityList> {
  const rows = await repo.listActivities(db, ws.id, filter);
  const total =
    filter.limit === undefined && !filter.offset ? rows.length : await repo.countActivities(db, ws.id, filter);
  // The choices a filter bar needs, over the whole log (not only the filtered part).
  const facets = await repo.activityFacets(db, ws.id);
  return {
    activities: rows.map(activityView),
    total,
    districts: (facets.districts ?? []).sort((a, b) => a.localeCompare(b, 'de')),
    years: (facets.years ?? []).filter((y) => y !== null).sort((a, b) => b - a),
  };
}

export async function getActivity(db: Db, ws: WorkspaceRow, id: string): Promise<ActivityRow> {
  const row = await repo.findActivity(db, ws.id, id);
  if (!row) throw notFound();
  return row;
}

/** A workspace's activities of one type by date (for indicators counting them). */
export const listActivitiesOfType = (db: Db, ws: WorkspaceRow, type: ActivityType): Promise<ActivityRow[]> =>
  repo.listActivitiesOfType(db, ws.id, type);

const toRow = (ws: WorkspaceRow, user: UserRow | null, a: CreateActivityReq): repo.NewActivity => ({
  id: randomUUID(),
  workspace_id: ws.id,
  type: a.type,
  title: a.title,
  date: a.date,
  district: a.district ?? null,
  topic: a.topic ?? null,
  note: a.note ?? null,
  created_by: user?.id ?? null,
});

export async function createActivity(
  db: Db,
  ws: WorkspaceRow,
  user: UserRow,
  body: CreateActivityReq,
): Promise<Activity> {
  const row = await repo.insertActivity(db, toRow(ws, user, body));
  return activityView(row);
}

export async function updateActivity(db: Db, ws: WorkspaceRow, id: string, body: UpdateActivityReq): Promise<Activity> {
  await getActivity(db, ws, id);
  const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  const row = await repo.updateActivity(db, ws.id, id, changes);
  return activityView(row);
}

export async function deleteActivity(db: Db, ws: WorkspaceRow, user: UserRow, id: string): Promise<void> {
  const row = await getActivity(db, ws, id);
  await db.transaction(async (trx) => {
    await repo.deleteActivity(trx, id);
    await recordAudit(trx, { workspaceId: ws.id, actorId: user.id, action: 'activity.delete', target: row.title });
  });
}

/**
 * Imports an existing list of events. Every row is checked first; one bad row
 * refuses the whole file (422, with the line numbers), so nothing half-imported stays.
 */
export async function importActivities(db: Db, ws: WorkspaceRow, user: UserRow, csv: string) {
  let records: Array<Record<string, string>>;
  try {
    records = parseCsv<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      delimiter: csv.includes(';') && !csv.split('\n')[0]!.includes(',') ? ';' : ',',
    });
  } catch (err) {
    throw new ValidationError(
      'invalid_csv',
      text(
        `The CSV file cannot be read: ${(err as Error).message}`,
        `Die CSV-Datei lässt sich nicht lesen: ${(err as Error).message}`,
      ),
      [],
    );
  }
  const problems: Array<{ line: number; message: string }> = [];
  const rows: CreateActivityReq[] = [];
  records.forEach((record, i) => {
    const parsed = CreateActivitySchema.safeParse({
      type: record.type,
      title: record.title,
      date: record.date,
      district: record.district || null,
      topic: record.topic || null,
      note: record.note || null,
    });
    if (parsed.success) rows.push(parsed.data);
    else
      problems.push({
        line: i + 2,
        message: parsed.error.issues.map((is) => `${is.path.join('.') || 'row'}: ${is.message}`).join('; '),
      });
  });
  if (records.length === 0)
    problems.push({
      line: 1,
      message: 'The file has no rows under its header (type, title, date, district, topic, note).',
    });
  if (problems.length > 0) {
    throw new ValidationError(
      'invalid_csv',
      text(
        `${problems.length} row(s) of the file cannot be imported; nothing was imported.`,
        `${problems.length} Zeile(n) der Datei lassen sich nicht übernehmen; nichts wurde importiert.`,
      ),
      problems,
    );
  }
  await db.transaction(async (trx) => {
    await repo.insertActivities(
      trx,
      rows.map((r) => toRow(ws, user, r)),
    );
    await recordAudit(trx, {
      workspaceId: ws.id,
      actorId: user.id,
      action: 'activity.import',
      details: { rows: rows.length },
    });
  });
  return { imported: rows.length };
}
