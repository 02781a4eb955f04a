import { z } from 'zod';
import { Uuid } from '../../http/validate.js';
import { LANGUAGE_TAG } from '../questionnaires/locales.js';

export const SubmitResponseSchema = z.strictObject({
  id: Uuid,
  // A plain object, checked without copying: the compiled validator looks at every answer anyway.
  data: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
    error: 'Expected an object of answers',
  }),
  status: z.enum(['complete', 'partial']),
  // The language the respondent answered in: any the questionnaire carries.
  locale: z.string().regex(LANGUAGE_TAG).optional(),
  token: z.string().min(1).max(200).optional(),
});
export type SubmitResponseReq = z.infer<typeof SubmitResponseSchema>;

export const KeyParams = z.object({ key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
export const ResponseParams = z.object({ key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/), id: Uuid });
export const InvitationExchangeSchema = z.strictObject({ token: z.string().min(1).max(200) });
