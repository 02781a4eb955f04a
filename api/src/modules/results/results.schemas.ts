import { z } from 'zod';
import { Uuid } from '../../http/validate.js';
import { LabelLocale } from '../questionnaires/locales.js';
import { Slug } from '../workspaces/workspaces.schemas.js';

const Where = z.union([z.string(), z.array(z.string())]).transform((w) => (Array.isArray(w) ? w : [w]));

export const ResultsQuery = z.object({
  where: Where.optional(),
  locale: LabelLocale.optional(),
});
export const WaveParams = z.object({ id: Uuid });
export const TrendParams = z.object({ slug: Slug });
export const TrendQuery = z.object({ question: z.string().min(1).max(200), locale: LabelLocale.optional() });
