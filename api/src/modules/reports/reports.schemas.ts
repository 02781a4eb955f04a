import { z } from 'zod';
import { PlanResponse } from '../plans/plans.schemas.js';
import { Uuid } from '../../http/validate.js';
import { CalendarDay, NullableTimestamp, Timestamp } from '../../lib/response-fields.js';
import { ActivityType, Day } from '../activities/activities.schemas.js';
import { DatedValueResponse, IndicatorResponse } from '../indicators/indicators.schemas.js';
import { QuestionFiguresResponse, QuestionTypesResponse } from '../results/results.schemas.js';
import { LabelLocale } from '../questionnaires/locales.js';

/** The sections of a report, after the impact part of the Social Reporting Standard. */
export const SECTION_KINDS = [
  'key_figures',
  'input',
  'output',
  'outcome_impact',
  'survey',
  'open_answers',
  'comparison',
  'decisions',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** The three questions of a strategy session the open answers speak to. */
export const OPEN_ROLES = ['strengths', 'weaknesses', 'development'] as const;
export type OpenRole = (typeof OPEN_ROLES)[number];

const QuestionName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'A question name of the questionnaire')
  .max(200);

const IndicatorKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'An indicator key')
  .max(60);

/** One chosen section with its settings; the order of the list is the order of the report. */
export const SectionSchema = z.strictObject({
  kind: z.enum(SECTION_KINDS),
  /** survey: figures as shares of respondents (default) or counts. */
  measure: z.enum(['percent', 'count']).optional(),
  /** open_answers: how many of the most frequent codes to show per question (default 5). */
  topCodes: z.number().int().min(1).max(20).optional(),
  /** outcome_impact: list every value with where it comes from (default true). */
  provenance: z.boolean().optional(),
  /** output: list every activity as an appendix (default false: a summary by type and quarter only). */
  activityList: z.boolean().optional(),
  /** key_figures: the indicator (key) that counts the members, the base of the response rate. */
  members: IndicatorKey.optional(),
  /** key_figures: the indicator (key) that says how many the work reached. */
  reach: IndicatorKey.optional(),
});
export type Section = z.infer<typeof SectionSchema>;

/** A quote the organiser picked: a reference to one answer, resolved when the report is read. */
export const QuoteRefSchema = z.strictObject({ response: Uuid, question: QuestionName });

const config = {
  title: z.string().trim().min(1).max(200),
  period: z.strictObject({ from: Day.nullable(), to: Day.nullable() }).default({ from: null, to: null }),
  wave: Uuid.nullable().default(null),
  compareWave: Uuid.nullable().default(null),
  sections: z
    .array(SectionSchema)
    .max(SECTION_KINDS.length)
    .refine((s) => new Set(s.map((x) => x.kind)).size === s.length, 'Each section at most once')
    .default([]),
  keyQuestions: z
    .array(QuestionName)
    .max(40)
    .refine((q) => new Set(q).size === q.length, 'Each question at most once')
    .default([]),
  openQuestions: z
    .strictObject({
      strengths: QuestionName.nullable().optional(),
      weaknesses: QuestionName.nullable().optional(),
      development: QuestionName.nullable().optional(),
    })
    .default({}),
  quotes: z.array(QuoteRefSchema).max(60).default([]),
  /** The organiser's closing text: plain text, paragraphs separated by blank lines, never HTML. */
  decisions: z.string().max(20_000).default(''),
};

/** A whole report (POST creates one, PUT replaces one): only the title is required. */
export const ReportSchema = z.strictObject(config);
export type ReportReq = z.infer<typeof ReportSchema>;
/** The stored configuration: everything but the title, which has its own column. */
export type ReportConfig = Omit<ReportReq, 'title'>;

export const ReportParams = z.object({ id: Uuid });
export const ContentQuery = z.object({ locale: LabelLocale.optional() });

export const CreateShareSchema = z.strictObject({
  report: Uuid,
  expiresInDays: z.number().int().min(1).max(365).default(30),
});
export type CreateShareReq = z.infer<typeof CreateShareSchema>;
export const ShareParams = z.object({ id: Uuid });
export const PublicShareParams = z.object({ token: z.string() });

// ── Responses ───────────────────────────────────────────────────────────────────────────
const Ref = z.object({ id: z.string(), title: z.string() });
const Count = z.number().int().nullable();
const TrendDirection = z.enum(['up', 'down', 'same']).nullable();

export const ReportSummaryResponse = z.object({
  id: z.string(),
  title: z.string(),
  updatedAt: Timestamp,
  createdAt: Timestamp,
});
export type ReportSummary = z.infer<typeof ReportSummaryResponse>;
export const ReportListResponse = z.object({ reports: z.array(ReportSummaryResponse) });

/** A saved report: its configuration as ReportSchema reads it (defaults filled in). */
export const ReportResponse = z.object({
  id: z.string(),
  title: z.string(),
  period: z.object({ from: CalendarDay.nullable(), to: CalendarDay.nullable() }),
  wave: z.string().nullable(),
  compareWave: z.string().nullable(),
  sections: z.array(
    z.object({
      kind: z.enum(SECTION_KINDS),
      measure: z.enum(['percent', 'count']).optional(),
      topCodes: z.number().int().optional(),
      provenance: z.boolean().optional(),
      activityList: z.boolean().optional(),
      members: z.string().optional(),
      reach: z.string().optional(),
    }),
  ),
  keyQuestions: z.array(z.string()),
  openQuestions: z.object({
    strengths: z.string().nullable().optional(),
    weaknesses: z.string().nullable().optional(),
    development: z.string().nullable().optional(),
  }),
  quotes: z.array(z.object({ response: z.string(), question: z.string() })),
  decisions: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Report = z.infer<typeof ReportResponse>;

/** Where a value of an indicator's series comes from, as much as the audience may see. */
export const ReportProvenanceResponse = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('manual'),
    enteredBy: z.string().nullable().optional(),
    note: z.string().nullable().optional(),
  }),
  z.object({ kind: z.literal('survey'), wave: z.string(), respondents: Count, withheld: z.boolean() }),
  z.object({ kind: z.literal('activities'), count: z.number().int(), titles: z.array(z.string()).optional() }),
]);
export type ReportProvenance = z.infer<typeof ReportProvenanceResponse>;

/** An indicator's source in words: questionnaire and question titles resolved (a share page cannot look them up). */
export const SourceTextResponse = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({
    kind: z.literal('activities'),
    activityType: ActivityType,
    measure: z.enum(['count', 'distinct']),
    field: z.enum(['district', 'topic']).optional(),
  }),
  z.object({
    kind: z.literal('survey'),
    measure: z.enum(['share', 'mean', 'count']),
    questionnaire: z.string(),
    question: z.string(),
    values: z.array(z.string()),
  }),
]);

// An indicator as the report prints it: the indicator's own description, its source in words, and its latest value.
export const ReportIndicatorResponse = IndicatorResponse.pick({
  key: true,
  name: true,
  description: true,
  unit: true,
  level: true,
  step: true,
  direction: true,
  baseline: true,
  target: true,
}).extend({
  source: SourceTextResponse,
  value: DatedValueResponse.nullable(),
  progress: z.number().nullable(),
  series: z
    .array(z.object({ date: CalendarDay, value: z.number().nullable(), provenance: ReportProvenanceResponse }))
    .optional()
    .describe('outcome_impact only.'),
});
export type ReportIndicator = z.infer<typeof ReportIndicatorResponse>;

/** An indicator's latest value at the period's end, as the key figures show it. */
const KeyIndicatorResponse = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  value: DatedValueResponse.nullable(),
});

export const ReportSectionResponse = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('key_figures'),
    members: KeyIndicatorResponse.nullable(),
    reach: KeyIndicatorResponse.nullable(),
    survey: z
      .object({
        wave: Ref,
        respondents: Count,
        responseRate: z
          .number()
          .nullable()
          .describe('Respondents per invitation (invitation waves) or per member, 0–100; null when unknown or hidden.'),
        base: z.enum(['invitations', 'members']).nullable(),
      })
      .nullable(),
    staircase: z
      .array(z.object({ step: z.number().int().min(1).max(7), indicators: z.array(KeyIndicatorResponse) }))
      .describe('Steps 1–7 of the impact staircase, each with its indicators and their latest values.'),
  }),
  z.object({ kind: z.literal('input'), indicators: z.array(ReportIndicatorResponse) }),
  z.object({
    kind: z.literal('output'),
    activities: z.object({
      total: z.number().int(),
      byType: z.array(z.object({ type: ActivityType, count: z.number().int() })),
      byQuarter: z
        .array(
          z.object({
            quarter: z.string().describe('YYYY-Qn'),
            counts: z.array(z.object({ type: ActivityType, count: z.number().int() })),
          }),
        )
        .describe('Activities per quarter and type (the types of byType, in its order).'),
      listed: z.boolean().describe('Whether the full list is printed (the section’s activityList).'),
      list: z.array(
        z.object({ type: ActivityType, title: z.string(), date: CalendarDay, district: z.string().nullable() }),
      ),
    }),
    indicators: z.array(ReportIndicatorResponse),
  }),
  z.object({
    kind: z.literal('outcome_impact'),
    provenance: z.boolean(),
    indicators: z.array(ReportIndicatorResponse),
  }),
  z.object({
    kind: z.literal('survey'),
    measure: z.enum(['percent', 'count']),
    wave: Ref.extend({ n: Count, responses: z.number().int() }).nullable(),
    compare: Ref.extend({ n: Count, questions: z.array(QuestionFiguresResponse) }).nullable(),
    questions: z.array(QuestionFiguresResponse),
    questionTypes: QuestionTypesResponse,
  }),
  z.object({
    kind: z.literal('open_answers'),
    wave: Ref.nullable(),
    topCodes: z.number().int(),
    questions: z.array(
      z.object({
        role: z.enum(OPEN_ROLES),
        question: z.object({ name: z.string(), title: z.string() }),
        n: Count,
        suppressed: z.boolean(),
        codes: z.array(z.object({ label: z.string(), count: Count })),
        quotes: z
          .array(z.object({ response: z.string(), text: z.string() }))
          .nullable()
          .describe('null on a share link: it never carries answers’ texts.'),
      }),
    ),
  }),
  z.object({
    kind: z.literal('comparison'),
    waves: z.object({ current: Ref, previous: Ref }).nullable(),
    questions: z.array(
      z.object({
        name: z.string(),
        title: z.string(),
        items: z.array(
          z.object({
            label: z.string(),
            unit: z.enum(['percent', 'mean']),
            current: z.number().nullable(),
            previous: z.number().nullable(),
            delta: z.number().nullable(),
            trend: TrendDirection,
          }),
        ),
      }),
    ),
    indicators: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        unit: z.string().nullable(),
        direction: z.enum(['up', 'down']),
        current: DatedValueResponse.nullable(),
        previous: DatedValueResponse.nullable(),
        delta: z.number().nullable(),
        trend: TrendDirection,
        good: z.boolean().nullable(),
        target: DatedValueResponse.nullable(),
        reached: z.boolean().nullable(),
        progress: z.number().nullable(),
      }),
    ),
  }),
  z.object({ kind: z.literal('decisions'), text: z.string() }),
]);
export type ReportSection = z.infer<typeof ReportSectionResponse>;

/** Everything the report page (and a share link) renders, computed from the live data with suppression applied. */
export const ReportContentResponse = z.object({
  report: z.object({ id: z.string(), title: z.string(), updatedAt: Timestamp }),
  workspace: z.object({ name: z.string() }),
  audience: z.enum(['workspace', 'share']),
  includesQuotes: z.boolean(),
  locale: z.enum(['de', 'en']).describe('The language of Bilanz’s own words around the figures.'),
  labelLocale: z
    .string()
    .describe('The language the main wave’s questionnaire texts came in, after ?locale’s fallback.'),
  generatedOn: CalendarDay,
  period: z.object({ from: CalendarDay.nullable(), to: CalendarDay.nullable() }),
  minGroupSize: z.number().int(),
  wave: Ref.extend({ questionnaire: z.string() }).nullable(),
  compareWave: Ref.nullable(),
  sections: z.array(ReportSectionResponse),
  /** The action plan: the plans chapter (SRS 4.1–4.2); owners left out on share links. */
  plan: PlanResponse,
});
export type ReportContent = z.infer<typeof ReportContentResponse>;

export const ShareStateSchema = z.enum(['active', 'expired', 'revoked']);
export const ShareResponse = z.object({
  id: z.string(),
  report: Ref,
  createdAt: Timestamp,
  expiresAt: Timestamp,
  revokedAt: NullableTimestamp,
  lastAccessOn: CalendarDay.nullable(),
  state: ShareStateSchema,
});
export type Share = z.infer<typeof ShareResponse>;
export const ShareListResponse = z.object({ shares: z.array(ShareResponse) });

/** The token is in this answer only. */
export const CreatedShareResponse = z.object({
  id: z.string(),
  token: z.string(),
  url: z.string(),
  expiresAt: Timestamp,
  report: Ref,
});
export type CreatedShare = z.infer<typeof CreatedShareResponse>;
export type ShareState = z.infer<typeof ShareStateSchema>;
export type TrendDirection = z.infer<typeof TrendDirection>;
export type ReportSource = z.infer<typeof SourceTextResponse>;
export type ContentSection = ReportSection;
export type ReportList = z.infer<typeof ReportListResponse>;
export type ShareList = z.infer<typeof ShareListResponse>;
