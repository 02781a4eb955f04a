import type { Db } from '../../db/db-handle.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Role, UserRow, WorkspaceRow } from '../../db/tables.js';
import { ConflictError, NotFoundError, text } from '../../http/errors.js';
import { hashPassword } from '../../lib/passwords.js';
import { hashToken, newSecretToken } from '../../lib/tokens.js';
import { listAudit as listAuditEntries, recordAudit } from '../audit/audit.service.js';
import * as users from '../auth/auth.service.js';
import { invitationPreviewView, invitationView, memberView } from './workspaces.presenters.js';
import * as repo from './workspaces.repo.js';
import type {
  AcceptInvitationReq,
  AddMemberReq,
  CreateWorkspaceReq,
  InvitationPreview,
  InviteResult,
  Member,
  MemberList,
  UpdateWorkspaceReq,
} from './workspaces.schemas.js';

const INVITATION_DAYS = 7;

/**
 * Deletes the example workspace with everything in it, in one step. Real
 * workspaces cannot be deleted this way: they hold other people's answers.
 */
export async function deleteExampleWorkspace(db: Db, actor: UserRow, ws: WorkspaceRow): Promise<void> {
  if (!ws.is_example) {
    throw new ConflictError(
      'not_example',
      text('Only the example workspace can be deleted.', 'Nur der Beispiel-Arbeitsbereich lässt sich löschen.'),
    );
  }
  await db.transaction(async (trx) => {
    await repo.deleteWorkspace(trx, ws.id);
    await recordAudit(trx, {
      workspaceId: null,
      actorId: actor.id,
      action: 'workspace.delete_example',
      target: ws.slug,
    });
  });
}

/** The newest entries of a workspace's audit log first. */
export const listAudit = (db: Db, workspaceId: string, limit: number) => listAuditEntries(db, workspaceId, limit);

/** An account as the API shows it (a member who just joined sees themselves). */
export const toUserView = (user: UserRow) => users.toUserView(user);

/** The workspace with this slug and the user's role in it, if the user belongs to it (for the auth middleware). */
export const findMembership = (db: Db, slug: string, userId: string) => repo.findMembership(db, slug, userId);

export const listWorkspaces = (db: Db, userId: string) => repo.listWorkspacesOfUser(db, userId);

/** Creates a workspace; its creator becomes its first organiser. */
export async function createWorkspace(db: Db, actor: UserRow, req: CreateWorkspaceReq): Promise<WorkspaceRow> {
  try {
    return await db.transaction(async (trx) => {
      const ws = await repo.insertWorkspace(trx, req.slug, req.name);
      await repo.insertMembership(trx, ws.id, actor.id, 'organiser');
      await recordAudit(trx, { workspaceId: ws.id, actorId: actor.id, action: 'workspace.create', target: ws.slug });
      return ws;
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new ConflictError(
        'conflict',
        text(`The address "${req.slug}" is already taken.`, `Die Adresse „${req.slug}“ ist schon vergeben.`),
      );
    }
    throw err;
  }
}

export async function updateWorkspace(
  db: Db,
  actor: UserRow,
  ws: WorkspaceRow,
  req: UpdateWorkspaceReq,
): Promise<WorkspaceRow> {
  return db.transaction(async (trx) => {
    const updated = await repo.updateWorkspace(trx, ws.id, {
      ...(req.name !== undefined && { name: req.name }),
      ...(req.minGroupSize !== undefined && { min_group_size: req.minGroupSize }),
    });
    await recordAudit(trx, {
      workspaceId: ws.id,
      actorId: actor.id,
      action: 'workspace.update',
      target: ws.slug,
      details: req,
    });
    return updated;
  });
}

export async function listMembersAndInvitations(db: Db, ws: WorkspaceRow): Promise<MemberList> {
  const [members, invitations] = await Promise.all([repo.listMembers(db, ws.id), repo.listOpenInvitations(db, ws.id)]);
  return { members: members.map(memberView), invitations: invitations.map(invitationView) };
}

const alreadyMember = () =>
  new ConflictError(
    'conflict',
    text('This person is already a member of the workspace.', 'Diese Person ist schon Mitglied des Arbeitsbereichs.'),
  );

/**
 * Adds an existing account straight away; for an unknown e-mail creates a
 * one-time invitation valid for seven days (the token is returned once).
 */
export async function addMember(
  db: Db,
  actor: UserRow,
  ws: WorkspaceRow,
  req: AddMemberReq,
  publicUrl: string,
): Promise<InviteResult> {
  return db.transaction(async (trx): Promise<InviteResult> => {
    const existing = await users.findUserByEmail(trx, req.email);
    if (existing) {
      if (await repo.findMember(trx, ws.id, existing.id)) throw alreadyMember();
      await repo.insertMembership(trx, ws.id, existing.id, req.role);
      await recordAudit(trx, {
        workspaceId: ws.id,
        actorId: actor.id,
        action: 'member.add',
        target: existing.email,
        details: { role: req.role },
      });
      return { member: memberView((await repo.findMember(trx, ws.id, existing.id))!) };
    }
    const inviteToken = newSecretToken();
    const invitation = await repo.insertInvitation(trx, {
      workspaceId: ws.id,
      email: req.email,
      role: req.role,
      tokenHash: hashToken(inviteToken),
      invitedBy: actor.id,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
    await recordAudit(trx, {
      workspaceId: ws.id,
      actorId: actor.id,
      action: 'member.invite',
      target: req.email,
      details: { role: req.role },
    });
    // The token travels in the fragment, which browsers never send to a server or its logs.
    return {
      invitation: invitationView(invitation),
      inviteToken,
      inviteUrl: `${publicUrl}/invite#token=${inviteToken}`,
    };
  });
}

const lastOrganiser = () =>
  new ConflictError(
    'last_organiser',
    text(
      'A workspace needs at least one organiser.',
      'Ein Arbeitsbereich braucht mindestens eine Organisatorin oder einen Organisator.',
    ),
  );
const memberNotFound = () => new NotFoundError(text('Member not found.', 'Mitglied nicht gefunden.'));

export async function changeRole(
  db: Db,
  actor: UserRow,
  ws: WorkspaceRow,
  userId: string,
  role: Role,
): Promise<{ member: Member }> {
  return db.transaction(async (trx) => {
    const organisers = await repo.lockOrganisers(trx, ws.id);
    const member = await repo.findMember(trx, ws.id, userId);
    if (!member) throw memberNotFound();
    if (member.role === 'organiser' && role !== 'organiser' && organisers.length <= 1) throw lastOrganiser();
    await repo.updateMembershipRole(trx, ws.id, userId, role);
    await recordAudit(trx, {
      workspaceId: ws.id,
      actorId: actor.id,
      action: 'member.role',
      target: member.email,
      details: { from: member.role, to: role },
    });
    return { member: memberView({ ...member, role }) };
  });
}

export async function removeMember(db: Db, actor: UserRow, ws: WorkspaceRow, userId: string): Promise<void> {
  await db.transaction(async (trx) => {
    const organisers = await repo.lockOrganisers(trx, ws.id);
    const member = await repo.findMember(trx, ws.id, userId);
    if (!member) throw memberNotFound();
    if (member.role === 'organiser' && organisers.length <= 1) throw lastOrganiser();
    await repo.deleteMembership(trx, ws.id, userId);
    await recordAudit(trx, { workspaceId: ws.id, actorId: actor.id, action: 'member.remove', target: member.email });
  });
}

export async function revokeInvitation(db: Db, actor: UserRow, ws: WorkspaceRow, id: string): Promise<void> {
  await db.transaction(async (trx) => {
    if (!(await repo.deleteInvitation(trx, ws.id, id)))
      throw new NotFoundError(text('Invitation not found.', 'Einladung nicht gefunden.'));
    await recordAudit(trx, { workspaceId: ws.id, actorId: actor.id, action: 'member.invite_revoke', target: id });
  });
}

const invitationNotFound = () =>
  new NotFoundError(
    text(
      'This invitation is unknown, used or expired. Ask the organiser for a new one.',
      'Diese Einladung ist unbekannt, schon benutzt oder abgelaufen. Bitte um eine neue.',
    ),
  );

/** What an invitation link offers, so the accept page can say it. */
export async function describeInvitation(db: Db, token: string): Promise<InvitationPreview> {
  const inv = await repo.findUsableInvitation(db, hashToken(token));
  if (!inv) throw invitationNotFound();
  const ws = (await repo.findWorkspaceById(db, inv.workspace_id))!;
  return invitationPreviewView(inv, ws);
}

/** Turns an invitation into an account and a membership; the token works once. */
export async function acceptInvitation(
  db: Db,
  req: AcceptInvitationReq,
): Promise<{ user: UserRow; workspaceSlug: string }> {
  const passwordHash = await hashPassword(req.password);
  return db.transaction(async (trx) => {
    const inv = await repo.findUsableInvitation(trx, hashToken(req.token));
    if (!inv || !(await repo.markInvitationAccepted(trx, inv.id))) throw invitationNotFound();
    if (await users.findUserByEmail(trx, inv.email)) {
      throw new ConflictError(
        'conflict',
        text(
          'An account with this e-mail exists already. Please log in.',
          'Es gibt schon ein Konto mit dieser E-Mail-Adresse. Bitte melde dich an.',
        ),
      );
    }
    const user = await users.insertUser(trx, { email: inv.email, name: req.name ?? '', passwordHash, isAdmin: false });
    await repo.insertMembership(trx, inv.workspace_id, user.id, inv.role);
    await recordAudit(trx, {
      workspaceId: inv.workspace_id,
      actorId: user.id,
      action: 'member.join',
      target: user.email,
      details: { role: inv.role },
    });
    const ws = (await repo.findWorkspaceById(trx, inv.workspace_id))!;
    return { user, workspaceSlug: ws.slug };
  });
}

/** The workspace with this id, if any (for other modules; modules meet through services). */
export const findWorkspaceById = (db: Db, id: string) => repo.findWorkspaceById(db, id);
