import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { tables, type MemberInvitationRow, type Role, type WorkspaceRow } from '../../db/tables.js';

/** The workspace with this slug and the user's role in it, if the user belongs to it. */
export async function findMembership(
  db: Knex,
  slug: string,
  userId: string,
): Promise<{ workspace: WorkspaceRow; role: Role } | undefined> {
  const row = await db(`${tables.workspaces} as w`)
    .join(`${tables.memberships} as m`, 'm.workspace_id', 'w.id')
    .where({ 'w.slug': slug, 'm.user_id': userId })
    .first<(WorkspaceRow & { role: Role }) | undefined>('w.*', 'm.role');
  if (!row) return undefined;
  const { role, ...workspace } = row;
  return { workspace, role };
}

export const listWorkspacesOfUser = (db: Knex, userId: string) =>
  db(`${tables.workspaces} as w`)
    .join(`${tables.memberships} as m`, 'm.workspace_id', 'w.id')
    .where('m.user_id', userId)
    .orderBy('w.name')
    .select('w.slug', 'w.name', 'm.role', 'w.is_example as example') as Promise<
    Array<{ slug: string; name: string; role: Role; example: boolean }>
  >;

export async function insertWorkspace(db: Knex, slug: string, name: string): Promise<WorkspaceRow> {
  const [row] = await db(tables.workspaces).insert({ id: randomUUID(), slug, name }).returning('*');
  return row!;
}

/** Deletes a workspace; everything in it goes with it (foreign keys cascade). */
export async function deleteWorkspace(db: Knex, id: string): Promise<void> {
  await db(tables.workspaces).where({ id }).del();
}

export async function updateWorkspace(
  db: Knex,
  id: string,
  patch: Partial<Pick<WorkspaceRow, 'name' | 'min_group_size'>>,
): Promise<WorkspaceRow> {
  const [row] = await db(tables.workspaces).where({ id }).update(patch).returning('*');
  return row!;
}

export type MemberView = { userId: string; email: string; name: string; role: Role; joinedAt: Date };

const memberColumns = ['u.id as userId', 'u.email', 'u.name', 'm.role', 'm.created_at as joinedAt'];

export const listMembers = (db: Knex, workspaceId: string) =>
  db(`${tables.memberships} as m`)
    .join(`${tables.users} as u`, 'u.id', 'm.user_id')
    .where('m.workspace_id', workspaceId)
    .orderBy(['u.name', 'u.email'])
    .select(memberColumns) as Promise<MemberView[]>;

export const findMember = (db: Knex, workspaceId: string, userId: string) =>
  db(`${tables.memberships} as m`)
    .join(`${tables.users} as u`, 'u.id', 'm.user_id')
    .where({ 'm.workspace_id': workspaceId, 'm.user_id': userId })
    .first(memberColumns) as Promise<MemberView | undefined>;

export async function insertMembership(db: Knex, workspaceId: string, userId: string, role: Role): Promise<void> {
  await db(tables.memberships).insert({ workspace_id: workspaceId, user_id: userId, role });
}

export async function updateMembershipRole(db: Knex, workspaceId: string, userId: string, role: Role): Promise<void> {
  await db(tables.memberships).where({ workspace_id: workspaceId, user_id: userId }).update({ role });
}

export async function deleteMembership(db: Knex, workspaceId: string, userId: string): Promise<void> {
  await db(tables.memberships).where({ workspace_id: workspaceId, user_id: userId }).del();
}

/** Organisers of the workspace, row-locked so that two concurrent demotions cannot both pass the last-organiser check. */
export async function lockOrganisers(db: Knex, workspaceId: string): Promise<string[]> {
  const rows = await db(tables.memberships)
    .where({ workspace_id: workspaceId, role: 'organiser' })
    .forUpdate()
    .select<Array<{ user_id: string }>>('user_id');
  return rows.map((r) => r.user_id);
}

export async function insertInvitation(
  db: Knex,
  inv: { workspaceId: string; email: string; role: Role; tokenHash: string; invitedBy: string; expiresAt: Date },
): Promise<MemberInvitationRow> {
  const [row] = await db(tables.memberInvitations)
    .insert({
      id: randomUUID(),
      workspace_id: inv.workspaceId,
      email: inv.email,
      role: inv.role,
      token_hash: inv.tokenHash,
      invited_by: inv.invitedBy,
      expires_at: inv.expiresAt,
    })
    .returning('*');
  return row!;
}

export const listOpenInvitations = (db: Knex, workspaceId: string) =>
  db(tables.memberInvitations)
    .where({ workspace_id: workspaceId })
    .whereNull('accepted_at')
    .where('expires_at', '>', db.fn.now())
    .orderBy('created_at', 'desc');

/** An invitation that can still be accepted. */
export const findUsableInvitation = (db: Knex, tokenHash: string) =>
  db(tables.memberInvitations)
    .where({ token_hash: tokenHash })
    .whereNull('accepted_at')
    .where('expires_at', '>', db.fn.now())
    .first();

export async function markInvitationAccepted(db: Knex, id: string): Promise<boolean> {
  const n = await db(tables.memberInvitations)
    .where({ id })
    .whereNull('accepted_at')
    .update({ accepted_at: db.fn.now() });
  return n > 0;
}

export async function deleteInvitation(db: Knex, workspaceId: string, id: string): Promise<boolean> {
  return (
    (await db(tables.memberInvitations).where({ workspace_id: workspaceId, id }).whereNull('accepted_at').del()) > 0
  );
}

export const findWorkspaceById = (db: Knex, id: string) => db(tables.workspaces).where({ id }).first();
