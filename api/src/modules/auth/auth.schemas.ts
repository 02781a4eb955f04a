import { z } from 'zod';
import { Uuid } from '../../http/validate.js';
import { NullableTimestamp, Timestamp } from '../../lib/response-fields.js';

export const Email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());
/** Long enough to resist guessing; the upper bound keeps hashing cheap to refuse. */
export const NewPassword = z.string().min(10).max(200);
export const UserName = z.string().trim().max(120);

export const LoginSchema = z.strictObject({ email: z.string().max(254), password: z.string().max(200) });
export type LoginReq = z.infer<typeof LoginSchema>;

export const SetupSchema = z.strictObject({
  token: z.string().min(1).max(200),
  email: Email,
  password: NewPassword,
  name: UserName.optional(),
});
export type SetupReq = z.infer<typeof SetupSchema>;

export const ChangePasswordSchema = z.strictObject({
  currentPassword: z.string().max(200),
  newPassword: NewPassword,
});
export type ChangePasswordReq = z.infer<typeof ChangePasswordSchema>;

export const CreateTokenSchema = z.strictObject({ name: z.string().trim().min(1).max(100) });
export type CreateTokenReq = z.infer<typeof CreateTokenSchema>;

export const TokenIdParams = z.object({ id: Uuid });

// ── Responses ───────────────────────────────────────────────────────────────────────────
export const UserResponse = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().describe('Empty when the account was created from configuration.'),
  isAdmin: z.boolean(),
});

/** What the API says about a user: never the hash. */
export type UserView = z.infer<typeof UserResponse>;

export const SessionUserResponse = z.object({ user: UserResponse });

export const MembershipResponse = z.object({
  workspace: z.object({ slug: z.string(), name: z.string() }),
  role: z.enum(['organiser', 'analyst']),
});
export const MeResponse = z.object({ user: UserResponse, memberships: z.array(MembershipResponse) });
export type Me = z.infer<typeof MeResponse>;

export const SetupStatusResponse = z.object({ needed: z.boolean() });

export const ApiTokenResponse = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: Timestamp,
  lastUsedAt: NullableTimestamp,
});
export type ApiToken = z.infer<typeof ApiTokenResponse>;
export const ApiTokenListResponse = z.object({ tokens: z.array(ApiTokenResponse) });

/** The secret is in this answer only. */
export const CreatedApiTokenResponse = z.object({ id: z.string(), name: z.string(), token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiTokenResponse>;
export type ApiTokenList = z.infer<typeof ApiTokenListResponse>;
export type SetupStatus = z.infer<typeof SetupStatusResponse>;
export type SessionUser = z.infer<typeof SessionUserResponse>;
