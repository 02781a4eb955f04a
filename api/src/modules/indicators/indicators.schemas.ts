import { z } from 'zod';
import { Uuid } from '../../http/validate.js';
import { ActivityType, Day } from '../activities/activities.schemas.js';
import { Slug } from '../workspaces/workspaces.schemas.js';

const Optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));
const DatedValue = z.strictObject({ date: Day, value: z.number().finite() });

export const IndicatorSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('manual') }),
  z.strictObject({
    kind: z.literal('survey'),
    questionnaire: Slug,
    question: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
    measure: z.enum(['share', 'mean', 'count']),
    values: z
      .array(z.union([z.string().max(200), z.number().finite(), z.boolean()]))
      .min(1)
      .max(50)
      .optional(),
  }),
  z.strictObject({
    kind: z.literal('activities'),
    activityType: ActivityType,
    measure: z.enum(['count', 'distinct']),
    field: z.enum(['district', 'topic']).optional(),
  }),
]);

const fields = {
  name: z.string().trim().min(1).max(200),
  description: Optional(2000),
  unit: Optional(40),
  level: z.enum(['input', 'output', 'outcome', 'impact']),
  step: z.number().int().min(1).max(7).nullable().optional(),
  direction: z.enum(['up', 'down']),
  baseline: DatedValue.nullable().optional(),
  target: DatedValue.nullable().optional(),
  source: IndicatorSourceSchema,
  srsChapter: Optional(80),
};

export const IndicatorKey = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,47}$/, 'Lower-case letters, digits and dashes, 2–48 characters, starting with a letter');
export const CreateIndicatorSchema = z.strictObject({ key: IndicatorKey, ...fields });
export type CreateIndicatorReq = z.infer<typeof CreateIndicatorSchema>;
export const UpdateIndicatorSchema = z
  .strictObject(fields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change');
export type UpdateIndicatorReq = z.infer<typeof UpdateIndicatorSchema>;

export const IndicatorParams = z.object({ key: IndicatorKey });
export const MeasurementParams = z.object({ key: IndicatorKey, id: Uuid });
export const MeasurementSchema = z.strictObject({ date: Day, value: z.number().finite(), note: Optional(500) });
export type MeasurementReq = z.infer<typeof MeasurementSchema>;
