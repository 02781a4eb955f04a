// Shapes of the API's answers and requests, as in DESIGN.md §4.

export type Role = 'organiser' | 'analyst';
export const roles: readonly Role[] = ['organiser', 'analyst'];

export interface User {
  id: string;
  email: string;
  /** Empty when the account was created from configuration. */
  name: string;
  isAdmin: boolean;
}

export interface WorkspaceRef {
  slug: string;
  name: string;
}

export interface Me {
  user: User;
  memberships: { workspace: WorkspaceRef; role: Role }[];
}

export interface WorkspaceSummary extends WorkspaceRef {
  role: Role;
}

export interface Workspace extends WorkspaceRef {
  minGroupSize: number;
  role: Role;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  createdAt: string;
}

/** An account that already existed is added directly; otherwise a one-time link is issued. */
export type InviteResult =
  | { member: Member }
  | { invitation: PendingInvitation; inviteToken: string; inviteUrl: string };

export interface InvitationPreview {
  email: string;
  role: Role;
  workspace: WorkspaceRef;
  expiresAt: string;
}

/** Newest first, as the API sends them. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: { id: string; email: string; name: string } | null;
  action: string;
  target: string | null;
  details: unknown;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  token: string;
}
