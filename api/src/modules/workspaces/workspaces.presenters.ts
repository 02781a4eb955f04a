import type { Role, WorkspaceRow } from '../../db/tables.js';
import { iso } from '../../lib/response-fields.js';
import type { AuditView } from '../audit/audit.service.js';
import type { MemberView } from './workspaces.repo.js';
import type { AuditEntry, InvitationPreview, Member, PendingInvitation, WorkspaceView } from './workspaces.schemas.js';

/** A workspace with the caller's role in it. */
export const workspaceView = (w: WorkspaceRow, role: Role): WorkspaceView => ({
  slug: w.slug,
  name: w.name,
  minGroupSize: w.min_group_size,
  role,
  example: w.is_example,
});

export const memberView = (m: MemberView): Member => ({
  userId: m.userId,
  email: m.email,
  name: m.name,
  role: m.role,
  joinedAt: iso(m.joinedAt),
});

/** A member invitation not yet accepted (never its token). */
export const invitationView = (i: {
  id: string;
  email: string;
  role: Role;
  expires_at: Date;
  created_at: Date;
}): PendingInvitation => ({
  id: i.id,
  email: i.email,
  role: i.role,
  expiresAt: iso(i.expires_at),
  createdAt: iso(i.created_at),
});

/** What an invitation link offers. */
export const invitationPreviewView = (
  inv: { email: string; role: Role; expires_at: Date },
  ws: Pick<WorkspaceRow, 'slug' | 'name'>,
): InvitationPreview => ({
  email: inv.email,
  role: inv.role,
  workspace: { slug: ws.slug, name: ws.name },
  expiresAt: iso(inv.expires_at),
});

export const auditEntryView = (a: AuditView): AuditEntry => ({ ...a, at: iso(a.at) });
