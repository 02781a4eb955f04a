import { z } from 'zod';
import { Uuid } from '../../http/validate.js';

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

/** What the API says about a user: never the hash. */
export type UserView = { id: string; email: string; name: string; isAdmin: boolean };
