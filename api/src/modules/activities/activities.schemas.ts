import { z } from 'zod';
import { Uuid } from '../../http/validate.js';
import { ACTIVITY_TYPES } from '../../db/tables.js';
import { CalendarDay, Timestamp } from '../../lib/response-fields.js';

/** A calendar day, YYYY-MM-DD, that exists. */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a day as YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'Not a day of the calendar',
  );

const Text = (max: number) => z.string().trim().min(1).max(max);
const Optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

export const ActivityType = z.enum(ACTIVITY_TYPES);

export const CreateActivitySchema = z.strictObject({
  type: ActivityType,
  title: Text(200),
  date: Day,
  district: Optional(120),
  topic: Optional(200),
  note: Optional(2000),
});
export type CreateActivityReq = z.infer<typeof CreateActivitySchema>;

export const UpdateActivitySchema = CreateActivitySchema.partial().refine(
  (b) => Object.keys(b).length > 0,
  'Nothing to change',
);
export type UpdateActivityReq = z.infer<typeof UpdateActivitySchema>;

export const ActivityParams = z.object({ id: Uuid });

export const ActivitiesQuery = z.object({
  type: ActivityType.optional(),
  district: z.string().max(120).optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  // Paging, optional: without `limit` the whole (filtered) log comes back, as before.
  limit: z.coerce.number().int().min(1).max(500).optional().describe('At most this many activities (a page).'),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Skip this many activities first (with limit: page × limit).'),
});

/** An existing list of events as CSV text (header row: type, title, date, district, topic, note). */
export const ImportActivitiesSchema = z.strictObject({ csv: z.string().min(1).max(1_000_000) });

// ── Responses ───────────────────────────────────────────────────────────────────────────
export type ActivityTypeValue = z.infer<typeof ActivityType>;

export const ActivityResponse = z.object({
  id: z.string(),
  type: ActivityType,
  title: z.string(),
  date: CalendarDay,
  district: z.string().nullable(),
  topic: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: Timestamp,
});
export type Activity = z.infer<typeof ActivityResponse>;

/** Newest first; `districts` and `years` (newest first) span the whole log, whatever the filter. */
export const ActivityListResponse = z.object({
  activities: z.array(ActivityResponse),
  total: z.number().int().describe('How many activities the filter matches, over all pages.'),
  districts: z.array(z.string()),
  years: z.array(z.number().int()),
});
export type ActivityList = z.infer<typeof ActivityListResponse>;

export const ActivityImportResponse = z.object({ imported: z.number().int() });

/** Request bodies and the list filter as a client writes them. */
export type ActivityBody = z.input<typeof CreateActivitySchema>;
export type ActivityFilter = z.infer<typeof ActivitiesQuery>;

/** One refused row of a CSV import: the details of 422 invalid_csv; line 1 is the header. */
export const CsvProblemDetail = z.object({ line: z.number().int(), message: z.string() });
export type CsvProblem = z.infer<typeof CsvProblemDetail>;
export type ActivityImport = z.infer<typeof ActivityImportResponse>;
