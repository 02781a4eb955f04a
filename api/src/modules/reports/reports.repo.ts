import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { tables, type ActivityRow, type ReportRow, type ReportShareRow, type WorkspaceRow } from '../../db/tables.js';

export const listReports = (db: Knex, workspaceId: string): Promise<ReportRow[]> =>
  db(tables.reports)
    .where({ workspace_id: workspaceId })
    .orderBy([{ column: 'updated_at', order: 'desc' }, { column: 'title' }]);

export const findReport = (db: Knex, workspaceId: string, id: string): Promise<ReportRow | undefined> =>
  db(tables.reports).where({ workspace_id: workspaceId, id }).first();

export async function insertReport(
  db: Knex,
  row: { workspaceId: string; title: string; config: object; createdBy: string },
): Promise<ReportRow> {
  const [created] = await db(tables.reports)
    .insert({
      id: randomUUID(),
      workspace_id: row.workspaceId,
      title: row.title,
      config: JSON.stringify(row.config),
      created_by: row.createdBy,
    })
    .returning('*');
  return created!;
}

export async function updateReport(db: Knex, id: string, title: string, config: object): Promise<ReportRow> {
  const [row] = await db(tables.reports)
    .where({ id })
    .update({ title, config: JSON.stringify(config), updated_at: db.fn.now() })
    .returning('*');
  return row!;
}

export const deleteReport = (db: Knex, id: string) => db(tables.reports).where({ id }).del();

/** Activities of a workspace between two days (both included; either may be open). */
export function activitiesBetween(
  db: Knex,
  workspaceId: string,
  from: string | null,
  to: string | null,
): Promise<ActivityRow[]> {
  const q = db(tables.activities).where({ workspace_id: workspaceId });
  if (from) q.andWhere('date', '>=', from);
  if (to) q.andWhere('date', '<=', to);
  return q.orderBy([{ column: 'date' }, { column: 'title' }]);
}

/** The texts of picked answers that still exist: complete responses of the wave, non-empty. */
export async function quoteTexts(
  db: Knex,
  waveId: string,
  refs: Array<{ response: string; question: string }>,
): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const rows = await db(tables.responses)
    .where({ wave_id: waveId, status: 'complete' })
    .whereIn('id', [...new Set(refs.map((r) => r.response))])
    .select<Array<{ id: string; data: Record<string, unknown> }>>('id', 'data');
  const out = new Map<string, string>();
  for (const ref of refs) {
    const text = rows.find((r) => r.id === ref.response)?.data[ref.question];
    if (typeof text === 'string' && text.trim() !== '') out.set(`${ref.response}/${ref.question}`, text);
  }
  return out;
}

// --- Shares ---

export async function insertShare(
  db: Knex,
  row: Omit<ReportShareRow, 'id' | 'created_at' | 'revoked_at' | 'last_access_on'>,
): Promise<ReportShareRow> {
  const [created] = await db(tables.reportShares)
    .insert({ id: randomUUID(), ...row })
    .returning('*');
  return created!;
}

export const listShares = (db: Knex, workspaceId: string) =>
  db(`${tables.reportShares} as s`)
    .join(`${tables.reports} as r`, 'r.id', 's.report_id')
    .where('s.workspace_id', workspaceId)
    .orderBy('s.created_at', 'desc')
    .select('s.*', 'r.title as report_title') as Promise<Array<ReportShareRow & { report_title: string }>>;

export const findShare = (db: Knex, workspaceId: string, id: string): Promise<ReportShareRow | undefined> =>
  db(tables.reportShares).where({ workspace_id: workspaceId, id }).first();

export const revokeShare = (db: Knex, id: string) =>
  db(tables.reportShares).where({ id }).whereNull('revoked_at').update({ revoked_at: db.fn.now() });

/** A share by its token's hash, with its report and workspace, in one read. */
export async function findShareByHash(
  db: Knex,
  tokenHash: string,
): Promise<{ share: ReportShareRow; report: ReportRow; workspace: WorkspaceRow } | undefined> {
  const share = await db(tables.reportShares).where({ token_hash: tokenHash }).first();
  if (!share) return undefined;
  const [report, workspace] = await Promise.all([
    db(tables.reports).where({ id: share.report_id }).first(),
    db(tables.workspaces).where({ id: share.workspace_id }).first(),
  ]);
  return report && workspace ? { share, report, workspace } : undefined;
}

/** Records the day of access; writes only when the day changed (one write per link and day at most). */
export const touchShare = (db: Knex, id: string, today: string) =>
  db(tables.reportShares)
    .where({ id })
    .andWhereRaw('(last_access_on is null or last_access_on < ?)', [today])
    .update({ last_access_on: today });
