import { z } from 'zod';
import { Uuid } from '../../http/validate.js';
import { NullableTimestamp, Timestamp } from '../../lib/response-fields.js';

/** Dot voting: each participant spreads `points` dots; rating: each option gets 1–5 for importance. */
export const SESSION_METHODS = ['dots', 'rating'] as const;
export const SessionMethod = z.enum(SESSION_METHODS);
/** The most dots one participant may spread: enough for any sensible session, and a bound on a ballot's size. */
export const MAX_POINTS = 20;
/** Importance on the rating scale, 1 (low) to 5 (high). */
export const RATING_MAX = 5;
/** The most options a session holds (a phone page stays readable). */
export const MAX_OPTIONS = 40;

const Label = z.string().trim().min(1).max(200);

export const CreateSessionSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    method: SessionMethod.default('dots'),
    /** Dots per participant (dot voting only). */
    points: z.number().int().min(1).max(MAX_POINTS).default(3),
    /** The wave and open question whose coded answers become options. */
    wave: Uuid.optional(),
    question: z.string().min(1).max(200).optional(),
    /** Options added by hand, after the coded ones. */
    options: z.array(Label).max(MAX_OPTIONS).default([]),
  })
  .refine((b) => (b.wave === undefined) === (b.question === undefined), {
    message: 'wave and question go together',
    path: ['question'],
  });
export type CreateSessionReq = z.infer<typeof CreateSessionSchema>;

export const UpdateSessionSchema = z
  .strictObject({ title: z.string().trim().min(1).max(200).optional(), status: z.enum(['open', 'closed']).optional() })
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change');
export type UpdateSessionReq = z.infer<typeof UpdateSessionSchema>;

export const AddOptionSchema = z.strictObject({ label: Label });

export const SessionParams = z.object({ id: Uuid });
export const SessionKeyParams = z.object({ key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
export const BallotParams = SessionKeyParams.extend({ ballot: Uuid });

/** A phone's votes: option id → dots (dot voting) or importance 1–5 (rating); options left out get nothing. */
export const BallotSchema = z.strictObject({
  votes: z.record(Uuid, z.number().int().min(0).max(MAX_POINTS)),
});
export type BallotReq = z.infer<typeof BallotSchema>;

// ── Responses ───────────────────────────────────────────────────────────────────────────

export const SessionOptionResponse = z.object({
  id: z.string(),
  label: z.string(),
  /** The answer code the option came from, if any. */
  codeId: z.string().nullable(),
  /** Dots given (dot voting) or the sum of ratings; null while suppressed. */
  total: z.number().int().nullable(),
  /** Participants who gave it anything; null while suppressed. */
  voters: z.number().int().nullable(),
  /** Mean importance over those who rated it (rating only); null otherwise or while suppressed. */
  mean: z.number().nullable(),
});

export const SessionResponse = z.object({
  id: z.string(),
  key: z.string(),
  url: z.string(),
  title: z.string(),
  method: SessionMethod,
  points: z.number().int(),
  status: z.enum(['open', 'closed']),
  closedAt: NullableTimestamp,
  wave: z.object({ id: z.string(), title: z.string() }).nullable(),
  question: z.string().nullable(),
  /** Phones that cast at least one vote. */
  participants: z.number().int(),
  minGroupSize: z.number().int(),
  /** True while fewer than minGroupSize took part: no totals are shown. */
  suppressed: z.boolean(),
  /** How many more participants are needed before totals are shown. */
  needed: z.number().int(),
  options: z.array(SessionOptionResponse),
  createdAt: Timestamp,
});
export type Session = z.infer<typeof SessionResponse>;
export type SessionOption = z.infer<typeof SessionOptionResponse>;

export const SessionSummaryResponse = SessionResponse.pick({
  id: true,
  title: true,
  method: true,
  status: true,
  participants: true,
  createdAt: true,
}).extend({ options: z.number().int() });
export const SessionListResponse = z.object({ sessions: z.array(SessionSummaryResponse) });
export type SessionList = z.infer<typeof SessionListResponse>;

/** What a phone sees: the options without totals (nobody votes along with the room's count). */
export const PublicSessionResponse = z.object({
  title: z.string(),
  method: SessionMethod,
  points: z.number().int(),
  status: z.enum(['open', 'closed']),
  options: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type PublicSession = z.infer<typeof PublicSessionResponse>;

export const BallotResponse = z.object({ votes: z.record(z.string(), z.number().int()) });
export type Ballot = z.infer<typeof BallotResponse>;

/** Request bodies as a client writes them. */
export type CreateSessionBody = z.input<typeof CreateSessionSchema>;
