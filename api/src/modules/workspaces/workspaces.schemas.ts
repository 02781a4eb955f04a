import { z } from 'zod';
import { Uuid } from '../../http/validate.js';
import { Timestamp } from '../../lib/response-fields.js';
import { Email, NewPassword, UserName } from '../auth/auth.schemas.js';

export const Slug = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/,
    'lowercase letters, digits and hyphens, 1–48 characters, no hyphen at either end',
  );
export const RoleSchema = z.enum(['organiser', 'analyst']);

export const CreateWorkspaceSchema = z.strictObject({ slug: Slug, name: z.string().trim().min(1).max(120) });
export type CreateWorkspaceReq = z.infer<typeof CreateWorkspaceSchema>;

export const UpdateWorkspaceSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    minGroupSize: z.number().int().min(3).max(1000).optional(),
  })
  .refine((v) => v.name !== undefined || v.minGroupSize !== undefined, 'name or minGroupSize is required');
export type UpdateWorkspaceReq = z.infer<typeof UpdateWorkspaceSchema>;

export const AddMemberSchema = z.strictObject({ email: Email, role: RoleSchema });
export type AddMemberReq = z.infer<typeof AddMemberSchema>;

export const UpdateMemberSchema = z.strictObject({ role: RoleSchema });
export type UpdateMemberReq = z.infer<typeof UpdateMemberSchema>;

export const MemberParams = z.object({ userId: Uuid });
export const InvitationParams = z.object({ id: Uuid });

export const AcceptInvitationSchema = z.strictObject({
  token: z.string().min(1).max(200),
  password: NewPassword,
  name: UserName.optional(),
});
export type AcceptInvitationReq = z.infer<typeof AcceptInvitationSchema>;

export const AuditQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

// ── Responses ───────────────────────────────────────────────────────────────────────────
export const WorkspaceRefResponse = z.object({ slug: z.string(), name: z.string() });

/** One entry of GET /workspaces. */
export const WorkspaceSummaryResponse = z.object({
  slug: z.string(),
  name: z.string(),
  role: RoleSchema,
  example: z.boolean().describe('The example workspace with illustrative data; the only kind that can be deleted.'),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummaryResponse>;
export const WorkspaceListResponse = z.object({ workspaces: z.array(WorkspaceSummaryResponse) });

export const WorkspaceResponse = z.object({
  slug: z.string(),
  name: z.string(),
  minGroupSize: z.number().int(),
  role: RoleSchema,
  example: z.boolean(),
});
export type WorkspaceView = z.infer<typeof WorkspaceResponse>;
export const WorkspaceEnvelopeResponse = z.object({ workspace: WorkspaceResponse });

export const MemberResponse = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  joinedAt: Timestamp,
});
export type Member = z.infer<typeof MemberResponse>;

export const PendingInvitationResponse = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  expiresAt: Timestamp,
  createdAt: Timestamp,
});
export type PendingInvitation = z.infer<typeof PendingInvitationResponse>;

export const MemberListResponse = z.object({
  members: z.array(MemberResponse),
  invitations: z.array(PendingInvitationResponse),
});
export type MemberList = z.infer<typeof MemberListResponse>;

export const MemberEnvelopeResponse = z.object({ member: MemberResponse });

/** An account that already existed is added directly; otherwise a one-time link is issued (its token is shown once). */
export const InviteResultResponse = z.union([
  MemberEnvelopeResponse,
  z.object({ invitation: PendingInvitationResponse, inviteToken: z.string(), inviteUrl: z.string() }),
]);
export type InviteResult = z.infer<typeof InviteResultResponse>;

/** Newest first. */
export const AuditEntryResponse = z.object({
  id: z.number().int(),
  at: Timestamp,
  actor: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntryResponse>;
export const AuditListResponse = z.object({ entries: z.array(AuditEntryResponse) });

export const InvitationPreviewResponse = z.object({
  email: z.string(),
  role: RoleSchema,
  workspace: WorkspaceRefResponse,
  expiresAt: Timestamp,
});
export type InvitationPreview = z.infer<typeof InvitationPreviewResponse>;
export type Role = z.infer<typeof RoleSchema>;
export type WorkspaceRef = z.infer<typeof WorkspaceRefResponse>;
export type WorkspaceList = z.infer<typeof WorkspaceListResponse>;
export type WorkspaceEnvelope = z.infer<typeof WorkspaceEnvelopeResponse>;
export type MemberEnvelope = z.infer<typeof MemberEnvelopeResponse>;
export type AuditList = z.infer<typeof AuditListResponse>;
