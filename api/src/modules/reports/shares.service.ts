/**
 * Share links (DESIGN §4 "Exports and sharing"): a revocable, expiring,
 * read-only view of one saved report for people without an account, with
 * aggregates only: never a free-text answer, picked quotes included. The
 * token is shown once and stored only as its SHA-256, like wave invitations.
 */
import type { Db } from '../../db/db-handle.js';
import type { ReportShareRow, UserRow, WorkspaceRow } from '../../db/tables.js';
import { AppError, NotFoundError, text } from '../../http/errors.js';
import { hashToken, newSecretToken } from '../../lib/tokens.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ResultsEngine } from '../results/engine/engine.js';
import { reportContent } from './report-content.js';
import { createdShareView, shareView } from './reports.presenters.js';
import * as repo from './reports.repo.js';
import type { CreatedShare, CreateShareReq, Share } from './reports.schemas.js';
import { getReport } from './reports.service.js';

const DAY_MS = 86_400_000;

/** The page a partner opens; the token is the last path segment. */
export const shareUrl = (publicUrl: string, token: string) => `${publicUrl}/share/${token}`;

const stateOf = (s: ReportShareRow, now = new Date()) =>
  s.revoked_at ? 'revoked' : s.expires_at <= now ? 'expired' : 'active';

export async function createShare(
  db: Db,
  ws: WorkspaceRow,
  user: UserRow,
  req: CreateShareReq,
  publicUrl: string,
): Promise<CreatedShare> {
  const report = await getReport(db, ws, req.report);
  const token = newSecretToken();
  const share = await db.transaction(async (trx) => {
    const row = await repo.insertShare(trx, {
      workspace_id: ws.id,
      report_id: report.id,
      token_hash: hashToken(token),
      expires_at: new Date(Date.now() + req.expiresInDays * DAY_MS),
      created_by: user.id,
    });
    await recordAudit(trx, {
      workspaceId: ws.id,
      actorId: user.id,
      action: 'share.create',
      target: report.title,
      details: { id: row.id, expiresInDays: req.expiresInDays },
    });
    return row;
  });
  return createdShareView(share, token, shareUrl(publicUrl, token), report);
}

export async function listShares(db: Db, ws: WorkspaceRow): Promise<{ shares: Share[] }> {
  const now = new Date();
  return {
    shares: (await repo.listShares(db, ws.id)).map((s) => shareView(s, stateOf(s, now))),
  };
}

export async function revokeShare(db: Db, ws: WorkspaceRow, user: UserRow, id: string): Promise<void> {
  const share = await repo.findShare(db, ws.id, id);
  if (!share)
    throw new NotFoundError(
      text(
        'There is no such share link in this workspace.',
        'Diesen Freigabelink gibt es in diesem Arbeitsbereich nicht.',
      ),
    );
  await db.transaction(async (trx) => {
    await repo.revokeShare(trx, share.id);
    await recordAudit(trx, { workspaceId: ws.id, actorId: user.id, action: 'share.revoke', details: { id: share.id } });
  });
}

const unknownLink = () =>
  new NotFoundError(
    text('This link does not exist or has been withdrawn.', 'Diesen Link gibt es nicht, oder er wurde zurückgezogen.'),
  );

/**
 * The report behind a share token, for anyone holding it. Unknown and
 * revoked links look the same (404); an expired one says since when (410).
 * Questionnaire texts in `language`, as in reportContent.
 */
export async function publicShare(db: Db, engine: ResultsEngine, token: string, language: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw unknownLink();
  const found = await repo.findShareByHash(db, hashToken(token));
  if (!found || found.share.revoked_at) throw unknownLink();
  const { share, report, workspace } = found;
  if (share.expires_at <= now) {
    const day = share.expires_at.toISOString().slice(0, 10);
    throw new AppError(
      410,
      'share_expired',
      text(
        `This link expired on ${day}. Ask the network for a new one.`,
        `Dieser Link ist seit dem ${day} abgelaufen. Bitte das Netzwerk um einen neuen.`,
      ),
      { expiredAt: share.expires_at },
    );
  }
  const today = now.toISOString().slice(0, 10);
  // Written at most once a day per link (the row is read anyway), so opening the page costs no write.
  if (share.last_access_on !== today) await repo.touchShare(db, share.id, today);
  return reportContent(db, engine, workspace, report, language, { kind: 'share' });
}
