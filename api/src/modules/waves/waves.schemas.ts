import { z } from 'zod';
import { Uuid } from '../../http/validate.js';
import { Slug } from '../workspaces/workspaces.schemas.js';

const Notice = z.strictObject({ de: z.string().trim().min(1).max(10_000), en: z.string().trim().min(1).max(10_000) });
const DateTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const Title = z.string().trim().min(1).max(200);

export const CreateWaveSchema = z
  .strictObject({
    questionnaire: Slug,
    version: z.number().int().min(1),
    title: Title,
    access: z.enum(['link', 'invitation']),
    anonymous: z.boolean().optional(),
    opensAt: DateTime.nullable().optional(),
    closesAt: DateTime.nullable().optional(),
    privacyNotice: Notice.nullable().optional(),
    retentionDays: z.number().int().min(1).max(3650).nullable().optional(),
  })
  .refine((w) => !w.opensAt || !w.closesAt || w.opensAt < w.closesAt, {
    message: 'closesAt must be after opensAt',
    path: ['closesAt'],
  });
export type CreateWaveReq = z.infer<typeof CreateWaveSchema>;

export const UpdateWaveSchema = z
  .strictObject({
    title: Title.optional(),
    status: z.enum(['open', 'closed']).optional(),
    opensAt: DateTime.nullable().optional(),
    closesAt: DateTime.nullable().optional(),
    privacyNotice: Notice.nullable().optional(),
    retentionDays: z.number().int().min(1).max(3650).nullable().optional(),
  })
  .refine((w) => Object.keys(w).length > 0, 'nothing to change');
export type UpdateWaveReq = z.infer<typeof UpdateWaveSchema>;

const Label = z.string().trim().min(1).max(200);
export const CreateInvitationsSchema = z.union([
  z.strictObject({ count: z.number().int().min(1).max(5000) }),
  z.strictObject({
    recipients: z
      .array(z.strictObject({ label: Label }))
      .min(1)
      .max(5000),
  }),
]);
export type CreateInvitationsReq = z.infer<typeof CreateInvitationsSchema>;
export const InvitationsFormat = z.object({ format: z.enum(['json', 'csv']).default('json') });

export const WaveParams = z.object({ id: Uuid });
