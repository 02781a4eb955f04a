import { z } from 'zod';
import { Uuid } from '../../http/validate.js';
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
