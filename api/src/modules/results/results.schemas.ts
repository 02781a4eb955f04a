import { z } from 'zod';
import { Uuid } from '../../http/validate.js';
import { CalendarDay, Timestamp } from '../../lib/response-fields.js';
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

// ── Responses ───────────────────────────────────────────────────────────────────────────
/** A figure hidden by small-group suppression is null, never 0. */
const Count = z.number().int().nullable();
/** A choice, row, column or item value as the definition writes it. */
const Value = z.json();

export const CellResponse = z.object({ value: Value, label: z.string(), count: Count });
export type Cell = z.infer<typeof CellResponse>;

/** Per item of a multiple text or a ranking: how many answered it, and its mean (number, or rank). */
export const ItemFiguresResponse = z.object({
  value: Value,
  label: z.string(),
  n: Count,
  mean: z.number().nullable().optional(),
});
export type ItemFigures = z.infer<typeof ItemFiguresResponse>;

/** One cell of a dropdown matrix (row × column) or one column of a dynamic matrix (row null). */
export const CellFiguresResponse = z.object({
  row: Value.nullable(),
  rowLabel: z.string(),
  column: z.string(),
  columnLabel: z.string(),
  type: z.string(),
  n: Count,
  suppressed: z.boolean(),
  choices: z.array(CellResponse).optional(),
  other: Count.optional(),
  mean: z.number().nullable().optional(),
});
export type CellFigures = z.infer<typeof CellFiguresResponse>;

export const MatrixRowResponse = z.object({
  value: Value,
  label: z.string(),
  choices: z.array(CellResponse),
  mean: z.number().nullable().optional(),
  n: Count,
  suppressed: z.boolean(),
});

/** The figures of one question; which parts it has follows from its type's `figures` kind. */
export type QuestionFigures = {
  name: string;
  type: string;
  title: string;
  n: number | null;
  suppressed: boolean;
  choices?: Cell[];
  /** Open questions: how many answers carry each code of the codebook. */
  codes?: Cell[];
  other?: number | null;
  mean?: number | null;
  rows?: Array<z.infer<typeof MatrixRowResponse>>;
  items?: ItemFigures[];
  cells?: CellFigures[];
  /** Dynamic panels: respondents with at least one panel, panels in all, panels per such respondent. */
  panels?: { n: number | null; total: number | null; mean: number | null };
  /** Dynamic panels: figures of each inner question over all panels. */
  inner?: QuestionFigures[];
};
export const QuestionFiguresResponse: z.ZodType<QuestionFigures> = z.object({
  name: z.string(),
  type: z.string(),
  title: z.string(),
  n: Count,
  suppressed: z.boolean(),
  choices: z.array(CellResponse).optional(),
  codes: z.array(CellResponse).optional().describe('Open questions: how many answers carry each code of the codebook.'),
  other: Count.optional(),
  mean: z.number().nullable().optional(),
  rows: z.array(MatrixRowResponse).optional(),
  items: z.array(ItemFiguresResponse).optional(),
  cells: z.array(CellFiguresResponse).optional(),
  panels: z
    .object({ n: Count, total: Count, mean: z.number().nullable() })
    .optional()
    .describe('Dynamic panels: respondents with at least one panel, panels in all, panels per such respondent.'),
  get inner() {
    return z.array(QuestionFiguresResponse).optional().describe('Dynamic panels: figures of each inner question.');
  },
});

export const FilterResponse = z.object({
  question: z.string(),
  row: Value.optional(),
  column: z.string().optional(),
  value: Value,
});
export type Filter = z.infer<typeof FilterResponse>;

/** Which view draws a question's figures (the server's question type registry). */
export const FigureKindSchema = z.enum([
  'count',
  'choices',
  'scale',
  'matrix',
  'cells',
  'panels',
  'items',
  'ranks',
  'numbers',
]);
export type FigureKind = z.infer<typeof FigureKindSchema>;

/** What the server's registry says of one question type: the web keeps no list of its own. */
export const QuestionTypeInfoResponse = z.object({
  filterable: z.boolean(),
  filter: z.enum(['value', 'cells', 'none']),
  openText: z.boolean(),
  figures: FigureKindSchema,
  export: z.enum(['value', 'ticks', 'rows', 'cells', 'items', 'panels', 'joined', 'json', 'none']),
});
export type QuestionTypeInfo = z.infer<typeof QuestionTypeInfoResponse>;
/** The registry's entries for the types of a wave's questionnaire, by type name. */
export const QuestionTypesResponse = z.record(z.string(), QuestionTypeInfoResponse);
export type QuestionTypes = z.infer<typeof QuestionTypesResponse>;

/** Complete responses of one day, or of the period from `date` to `until` (days merged to reach the minimum group size). */
export const DayPeriodResponse = z.object({
  date: CalendarDay,
  until: CalendarDay.optional().describe('The last day of a merged period; absent for a single day.'),
  count: z.number().int(),
});
export type DayPeriod = z.infer<typeof DayPeriodResponse>;

export const WaveResultsResponse = z.object({
  wave: z.object({ id: z.string(), title: z.string() }),
  responses: z.object({ complete: z.number().int(), partial: z.number().int() }),
  perDay: z
    .array(DayPeriodResponse)
    .describe(
      'Complete responses per day of completion, oldest first: the whole wave, never filtered. In an anonymous wave no entry counts fewer than minGroupSize: smaller days are merged into a period (date to until), and a wave with fewer responses than that has none.',
    ),
  n: Count,
  minGroupSize: z.number().int(),
  suppressed: z.boolean(),
  filters: z.array(FilterResponse),
  questions: z.array(QuestionFiguresResponse),
  questionTypes: QuestionTypesResponse,
  locale: z.string().describe('The language of the titles and labels.'),
  locales: z.array(z.string()).describe('Every language the questionnaire carries.'),
});
export type WaveResults = z.infer<typeof WaveResultsResponse>;

export const TrendEntryResponse = z.object({
  wave: z.object({ id: z.string(), title: z.string(), createdAt: Timestamp }),
  version: z.number().int(),
  n: Count,
  breakBefore: z.boolean().describe('A breaking change for this question lies between this wave and the one before.'),
  question: QuestionFiguresResponse.optional(),
  missing: z.literal(true).optional().describe('The wave’s version has no such question.'),
});
export type TrendEntry = z.infer<typeof TrendEntryResponse>;

export const TrendResponse = z.object({
  questionnaire: z.string(),
  question: z.string(),
  minGroupSize: z.number().int(),
  waves: z.array(TrendEntryResponse),
});
export type Trend = z.infer<typeof TrendResponse>;

/** A figure hidden by small-group suppression is null, never 0. */
export type Count = number | null;
export type MatrixRow = z.infer<typeof MatrixRowResponse>;
