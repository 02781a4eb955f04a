import { z } from 'zod';
import { Uuid } from '../../http/validate.js';
import { LabelLocale } from '../questionnaires/locales.js';
import { Slug } from '../workspaces/workspaces.schemas.js';

export const CodeLabel = z.string().trim().min(1).max(80);
export const CreateCodeSchema = z.strictObject({ label: CodeLabel });
export const UpdateCodeSchema = z.strictObject({ label: CodeLabel });
export const CodeParams = z.object({ slug: Slug, id: Uuid });
export const CodebookParams = z.object({ slug: Slug });
export const AnswersParams = z.object({ id: Uuid, question: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/) });
export const AnswersQuery = z.object({ search: z.string().max(200).optional(), locale: LabelLocale.optional() });
export const AnswerParams = AnswersParams.extend({ responseId: Uuid });
export const SetCodesSchema = z.strictObject({ codes: z.array(Uuid).max(50) });

// ── Responses ───────────────────────────────────────────────────────────────────────────
export const CodeResponse = z.object({ id: z.string(), label: z.string() });
export type Code = z.infer<typeof CodeResponse>;
export const CodebookResponse = z.object({ codes: z.array(CodeResponse) });

export const OpenAnswerResponse = z.object({
  id: z.string().describe('The response’s id.'),
  text: z.string(),
  codes: z.array(z.string()).describe('Ids of the codes given to the answer.'),
});
export type OpenAnswer = z.infer<typeof OpenAnswerResponse>;

/** All texts of one open question (complete responses, newest first), with the codebook and how often each code was given. */
export const OpenAnswersResponse = z.object({
  question: z.object({ name: z.string(), title: z.string() }),
  total: z.number().int().describe('Answers before the search.'),
  answers: z.array(OpenAnswerResponse),
  codes: z.array(CodeResponse.extend({ count: z.number().int() })),
});
export type OpenAnswers = z.infer<typeof OpenAnswersResponse>;

export const AnswerCodesResponse = z.object({ id: z.string(), codes: z.array(z.string()) });
export type AnswerCodes = z.infer<typeof AnswerCodesResponse>;
export type CodeCount = OpenAnswers['codes'][number];
