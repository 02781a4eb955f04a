import { z } from 'zod';
import { Uuid } from '../../http/validate.js';
import { CalendarDay, Timestamp } from '../../lib/response-fields.js';

/** Who carries an action: members' volunteer work, or paid work that needs funding. */
export const CARRIERS = ['volunteers', 'funding'] as const;
export const Carrier = z.enum(CARRIERS);

/** A calendar day, YYYY-MM-DD, that exists. */
const Day = z.iso.date();

const Optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

export const Target = z.strictObject({
  indicator: z.string().min(1).max(100),
  target: z.number().finite(),
});

const fields = {
  title: z.string().trim().min(1).max(200),
  decision: Optional(4000),
  carrier: Carrier,
  /** Estimated cost in euros (funding only). */
  cost: z.number().min(0).max(1_000_000_000).nullable().optional(),
  fundingSource: Optional(300),
  owner: Optional(200),
  dueOn: Day.nullable().optional(),
  targets: z.array(Target).max(20),
};

const volunteersCarryNoCost = (b: { carrier?: string; cost?: number | null; fundingSource?: string | null }) =>
  b.carrier !== 'volunteers' || ((b.cost ?? null) === null && (b.fundingSource ?? null) === null);
const costMessage = { message: 'cost and fundingSource belong to actions that need funding', path: ['carrier'] };

export const CreateActionSchema = z
  .strictObject({
    ...fields,
    title: fields.title.optional(),
    carrier: Carrier.default('volunteers'),
    targets: fields.targets.default([]),
    /** Adopt an option of a closed prioritisation session: its label is the default title, its votes are kept. */
    session: Uuid.optional(),
    option: Uuid.optional(),
  })
  .refine((b) => (b.session === undefined) === (b.option === undefined), {
    message: 'session and option go together',
    path: ['option'],
  })
  .refine((b) => b.title !== undefined || b.option !== undefined, { message: 'Required', path: ['title'] })
  .refine(volunteersCarryNoCost, costMessage);
export type CreateActionReq = z.infer<typeof CreateActionSchema>;

export const UpdateActionSchema = z
  .strictObject({ ...fields })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change')
  .refine(volunteersCarryNoCost, costMessage);
export type UpdateActionReq = z.infer<typeof UpdateActionSchema>;

export const ActionParams = z.object({ id: Uuid });

// ── Responses ───────────────────────────────────────────────────────────────────────────

export const ActionResponse = z.object({
  id: z.string(),
  title: z.string(),
  decision: z.string().nullable(),
  carrier: Carrier,
  cost: z.number().nullable(),
  fundingSource: z.string().nullable(),
  owner: z.string().nullable(),
  dueOn: CalendarDay.nullable(),
  /** The indicators it should move; name and unit are null when the indicator was deleted. */
  targets: z.array(
    z.object({ indicator: z.string(), name: z.string().nullable(), unit: z.string().nullable(), target: z.number() }),
  ),
  /** The session option it was adopted from, with the votes it had then. */
  source: z
    .object({ session: z.string().nullable(), option: z.string(), votes: z.number().int().nullable() })
    .nullable(),
  updatedAt: Timestamp,
});
export type Action = z.infer<typeof ActionResponse>;

/** Due first (by day, undated last), then by title. */
export const PlanResponse = z.object({
  actions: z.array(ActionResponse),
  totals: z.object({
    volunteers: z.number().int(),
    funding: z.number().int(),
    /** Sum of the estimated costs of actions that need funding, in euros. */
    cost: z.number(),
  }),
});
export type Plan = z.infer<typeof PlanResponse>;

export type ActionBody = z.input<typeof CreateActionSchema>;
export type ActionChanges = z.input<typeof UpdateActionSchema>;
