import { z } from 'zod';
import { Uuid } from '../../http/validate.js';
import { CalendarDay } from '../../lib/response-fields.js';
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

// ── Responses ───────────────────────────────────────────────────────────────────────────
export const IndicatorLevelSchema = z.enum(['input', 'output', 'outcome', 'impact']);
export type IndicatorLevel = z.infer<typeof IndicatorLevelSchema>;
export type IndicatorSource = z.infer<typeof IndicatorSourceSchema>;

export const DatedValueResponse = z.object({ date: CalendarDay, value: z.number() });

/** Where a point of a series comes from. */
export const ProvenanceResponse = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('manual'),
    measurementId: z.string(),
    enteredBy: z.string().nullable(),
    note: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('survey'),
    wave: z.object({ id: z.string(), title: z.string() }),
    respondents: z.number().int().nullable(),
    reason: z.string().optional().describe('Why no figure is shown (minimum group size).'),
  }),
  z.object({ kind: z.literal('activities'), activities: z.array(z.object({ id: z.string(), title: z.string() })) }),
]);
export type Provenance = z.infer<typeof ProvenanceResponse>;

export const PointResponse = z.object({ date: CalendarDay, value: z.number().nullable(), source: ProvenanceResponse });
export type Point = z.infer<typeof PointResponse>;

export const IndicatorResponse = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  unit: z.string().nullable(),
  level: IndicatorLevelSchema,
  step: z.number().int().nullable(),
  direction: z.enum(['up', 'down']),
  baseline: DatedValueResponse.nullable(),
  target: DatedValueResponse.nullable(),
  source: IndicatorSourceSchema,
  srsChapter: z.string().nullable(),
  series: z.array(PointResponse).describe('Oldest first.'),
  latest: DatedValueResponse.nullable(),
  progress: z.number().min(0).max(1).nullable().describe('How far the latest value has come toward the target.'),
});
export type Indicator = z.infer<typeof IndicatorResponse>;
export const IndicatorListResponse = z.object({ indicators: z.array(IndicatorResponse) });

export const MeasurementResponse = z.object({
  id: z.string(),
  date: CalendarDay,
  value: z.number(),
  note: z.string().nullable(),
  enteredBy: z.string().describe('The name of who entered it.'),
});
export type Measurement = z.infer<typeof MeasurementResponse>;
export type DatedValue = z.infer<typeof DatedValueResponse>;
export type Direction = Indicator['direction'];

/** Request bodies as a client writes them. */
export type CreateIndicatorBody = z.input<typeof CreateIndicatorSchema>;
export type IndicatorFields = Omit<CreateIndicatorBody, 'key'>;
export type MeasurementBody = z.input<typeof MeasurementSchema>;
export type IndicatorList = z.infer<typeof IndicatorListResponse>;
