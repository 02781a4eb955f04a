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
