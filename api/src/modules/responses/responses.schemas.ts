import { z } from 'zod';
import { Uuid } from '../../http/validate.js';
import { JsonObject } from '../../lib/response-fields.js';
import { PrivacyNoticeResponse } from '../waves/waves.schemas.js';
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

// ── Responses ───────────────────────────────────────────────────────────────────────────
/** What the answering page needs. */
export const PublicWaveResponse = z.object({
  title: z.string(),
  definition: JsonObject,
  anonymous: z.boolean(),
  access: z.enum(['link', 'invitation']),
  privacyNotice: PrivacyNoticeResponse,
  status: z.enum(['open', 'closed', 'not_open']),
});
export type PublicWave = z.infer<typeof PublicWaveResponse>;

export const SubmittedResponse = z.object({ id: z.string(), status: z.enum(['partial', 'complete']) });
export type Submitted = z.infer<typeof SubmittedResponse>;

/** A partial response, for resuming it. */
export const PartialResponseResponse = z.object({
  id: z.string(),
  status: z.enum(['partial', 'complete']),
  data: JsonObject,
  locale: z.string().nullable(),
});
export type PartialResponse = z.infer<typeof PartialResponseResponse>;

/** The request body of a submission, as a client writes it. */
export type SubmitResponseBody = z.input<typeof SubmitResponseSchema>;

/** One answer the server refused: the details of 422 validation_failed, in the respondent's language. */
export const AnswerProblemDetail = z.object({ question: z.string(), message: z.string() });
export type AnswerProblem = z.infer<typeof AnswerProblemDetail>;
