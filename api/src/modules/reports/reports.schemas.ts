import { z } from 'zod';
import { Uuid } from '../../http/validate.js';
import { Day } from '../activities/activities.schemas.js';
import { LabelLocale } from '../questionnaires/locales.js';

/** The sections of a report, after the impact part of the Social Reporting Standard. */
export const SECTION_KINDS = [
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

/** One chosen section with its settings; the order of the list is the order of the report. */
export const SectionSchema = z.strictObject({
  kind: z.enum(SECTION_KINDS),
  /** survey: figures as shares of respondents (default) or counts. */
  measure: z.enum(['percent', 'count']).optional(),
  /** open_answers: how many of the most frequent codes to show per question (default 5). */
  topCodes: z.number().int().min(1).max(20).optional(),
  /** outcome_impact: list every value with where it comes from (default true). */
  provenance: z.boolean().optional(),
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
