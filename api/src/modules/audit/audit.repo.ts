import type { Knex } from 'knex';
import { tables, type AuditLogRow } from '../../db/tables.js';

export type AuditEntry = {
  workspaceId: string | null;
  actorId: string | null;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
};

/** Records who did what; call inside the transaction of the change it describes. */
export async function recordAudit(db: Knex, entry: AuditEntry): Promise<void> {
  await db(tables.auditLog).insert({
    workspace_id: entry.workspaceId,
    actor_id: entry.actorId,
    action: entry.action,
    target: entry.target ?? null,
    details: entry.details === undefined ? null : JSON.stringify(entry.details),
  });
}

export type AuditView = {
  id: number;
  at: Date;
  actor: { id: string; email: string; name: string } | null;
  action: string;
  target: string | null;
  details: unknown;
};

/** The newest entries of a workspace first. */
export async function listAudit(db: Knex, workspaceId: string, limit: number): Promise<AuditView[]> {
  const rows = await db(`${tables.auditLog} as a`)
    .leftJoin(`${tables.users} as u`, 'u.id', 'a.actor_id')
    .where('a.workspace_id', workspaceId)
    .orderBy('a.id', 'desc')
    .limit(limit)
    .select<Array<AuditLogRow & { actor_email: string | null; actor_name: string | null }>>(
      'a.*',
      'u.email as actor_email',
      'u.name as actor_name',
    );
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.created_at,
    actor:
      r.actor_id && r.actor_email !== null ? { id: r.actor_id, email: r.actor_email, name: r.actor_name ?? '' } : null,
    action: r.action,
    target: r.target,
    details: r.details,
  }));
}
