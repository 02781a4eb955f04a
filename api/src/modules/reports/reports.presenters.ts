import type { ReportRow, ReportShareRow } from '../../db/tables.js';
import { iso, isoOrNull } from '../../lib/response-fields.js';
import type { CreatedShare, Report, ReportConfig, ReportSummary, Share } from './reports.schemas.js';

/** A saved report: its row and its configuration as ReportSchema reads it (see configOf). */
export const reportView = (row: ReportRow, config: ReportConfig): Report => ({
  id: row.id,
  title: row.title,
  ...config,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export const reportSummaryView = (r: Pick<ReportRow, 'id' | 'title' | 'created_at' | 'updated_at'>): ReportSummary => ({
  id: r.id,
  title: r.title,
  updatedAt: iso(r.updated_at),
  createdAt: iso(r.created_at),
});

/** A share link without its token; `state` as of now. */
export const shareView = (s: ReportShareRow & { report_title: string }, state: Share['state']): Share => ({
  id: s.id,
  report: { id: s.report_id, title: s.report_title },
  createdAt: iso(s.created_at),
  expiresAt: iso(s.expires_at),
  revokedAt: isoOrNull(s.revoked_at),
  lastAccessOn: s.last_access_on,
  state,
});

/** A new share link with its token, shown this once. */
export const createdShareView = (
  share: Pick<ReportShareRow, 'id' | 'expires_at'>,
  token: string,
  url: string,
  report: Pick<ReportRow, 'id' | 'title'>,
): CreatedShare => ({
  id: share.id,
  token,
  url,
  expiresAt: iso(share.expires_at),
  report: { id: report.id, title: report.title },
});
