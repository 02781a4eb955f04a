import type { Db } from '../../db/db-handle.js';
import * as repo from './audit.repo.js';

export type { AuditEntry, AuditView } from './audit.repo.js';

/** Records who did what; call inside the transaction of the change it describes. */
export const recordAudit = (db: Db, entry: repo.AuditEntry): Promise<void> => repo.recordAudit(db, entry);

/** The newest entries of a workspace first. */
export const listAudit = (db: Db, workspaceId: string, limit: number): Promise<repo.AuditView[]> =>
  repo.listAudit(db, workspaceId, limit);
