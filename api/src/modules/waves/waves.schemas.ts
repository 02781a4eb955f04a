import { z } from 'zod';
import { Uuid } from '../../http/validate.js';
import { CalendarDay, NullableTimestamp, Timestamp } from '../../lib/response-fields.js';
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

// ── Responses ───────────────────────────────────────────────────────────────────────────
export const PrivacyNoticeResponse = z.object({ de: z.string(), en: z.string() });
export type PrivacyNotice = z.infer<typeof PrivacyNoticeResponse>;

export const WaveResponse = z.object({
  id: z.string(),
  title: z.string(),
  questionnaire: z.string().describe('The questionnaire’s slug.'),
  version: z.number().int(),
  access: z.enum(['link', 'invitation']),
  anonymous: z.boolean(),
  status: z.enum(['open', 'closed']),
  state: z.enum(['open', 'closed', 'not_open']).describe('The status with the opening and closing times applied.'),
  opensAt: NullableTimestamp,
  closesAt: NullableTimestamp,
  key: z.string(),
  url: z.string().describe('The public answering link.'),
  retentionDays: z.number().int().nullable(),
  responses: z
    .object({ complete: z.number().int(), partial: z.number().int(), held: z.number().int() })
    .describe('held: answers an anonymous invitation wave shows only with the next batch.'),
  completionRate: z.number().nullable(),
  lastResponseOn: CalendarDay.nullable(),
  privacyNotice: PrivacyNoticeResponse,
  privacyNoticeCustom: z.boolean(),
  defaultPrivacyNotice: PrivacyNoticeResponse,
  createdAt: Timestamp,
});
export type Wave = z.infer<typeof WaveResponse>;
export const WaveListResponse = z.object({ waves: z.array(WaveResponse) });

export const WaveDetailResponse = WaveResponse.extend({
  invitations: z.object({ total: z.number().int(), used: z.number().int() }),
});
export type WaveDetail = z.infer<typeof WaveDetailResponse>;
export const WaveDetailEnvelopeResponse = z.object({ wave: WaveDetailResponse });
export const WaveEnvelopeResponse = z.object({ wave: WaveResponse });

export const CreatedWaveResponse = z.object({ id: z.string(), key: z.string(), url: z.string() });
export type CreatedWave = z.infer<typeof CreatedWaveResponse>;

export const WaveInvitationResponse = z.object({
  id: z.string(),
  label: z.string().nullable(),
  usedOn: CalendarDay.nullable(),
  createdAt: Timestamp,
});
export type WaveInvitation = z.infer<typeof WaveInvitationResponse>;
export const WaveInvitationListResponse = z.object({ invitations: z.array(WaveInvitationResponse) });

/** The tokens are in this answer only; each url carries its token in the fragment. */
export const IssuedInvitationResponse = z.object({ label: z.string().nullable(), token: z.string(), url: z.string() });
export type IssuedInvitation = z.infer<typeof IssuedInvitationResponse>;
export const IssuedInvitationListResponse = z.object({ invitations: z.array(IssuedInvitationResponse) });

/** Request bodies as a client writes them. */
export type CreateWaveBody = z.input<typeof CreateWaveSchema>;
export type UpdateWaveBody = z.input<typeof UpdateWaveSchema>;
export type CreateInvitationsBody = z.input<typeof CreateInvitationsSchema>;
export type WaveAccess = Wave['access'];
export type WaveState = Wave['state'];
export type WaveList = z.infer<typeof WaveListResponse>;
export type WaveDetailEnvelope = z.infer<typeof WaveDetailEnvelopeResponse>;
export type WaveInvitationList = z.infer<typeof WaveInvitationListResponse>;
export type IssuedInvitationList = z.infer<typeof IssuedInvitationListResponse>;
