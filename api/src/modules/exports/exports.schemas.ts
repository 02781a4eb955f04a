import { z } from 'zod';
import { JsonObject, Timestamp } from '../../lib/response-fields.js';
import { BadRequestError, text } from '../../http/errors.js';
import { Uuid } from '../../http/validate.js';
import { LabelLocale } from '../questionnaires/locales.js';
import { Slug } from '../workspaces/workspaces.schemas.js';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const Where = z.union([z.string(), z.array(z.string())]).transform((w) => (Array.isArray(w) ? w : [w]));
const Format = z.enum(EXPORT_FORMATS).default('csv');

export const WaveExportParams = z.object({ id: Uuid });
/** A dynamic panel or matrix by its name as written (names may hold any character; 1,000 is far beyond any real one). */
export const PanelExportParams = z.object({ id: Uuid, question: z.string().min(1).max(1000) });
export const ResponsesExportQuery = z.object({ format: Format, locale: LabelLocale.optional() });
export const CodebookExportQuery = z.object({ locale: LabelLocale.optional() });
export const ResultsExportQuery = z.object({ format: Format, where: Where.optional(), locale: LabelLocale.optional() });
export const VersionExportParams = z.object({ slug: Slug, version: z.coerce.number().int().min(1).max(1_000_000) });

export type ResultsExportQueryValue = z.infer<typeof ResultsExportQuery>;

/**
 * Parses an export query; a wrong `format` gets its own error code and a
 * message that names the formats (the generic one would only say "format").
 */
export function parseExportQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  const format = (query as Record<string, unknown>)?.format;
  if (format !== undefined && !EXPORT_FORMATS.includes(format as ExportFormat)) {
    throw new BadRequestError(
      'invalid_format',
      text('The export format must be "csv" or "xlsx".', 'Das Exportformat muss „csv“ oder „xlsx“ sein.'),
      { format: typeof format === 'string' ? format : String(format), allowed: EXPORT_FORMATS },
    );
  }
  const result = schema.safeParse(query);
  if (!result.success) {
    const where = result.error.issues.map((i) => i.path.join('.') || '(query)').join(', ');
    throw new BadRequestError(
      'invalid_request',
      text(`The request is not valid: ${where}.`, `Die Anfrage ist ungültig: ${where}.`),
    );
  }
  return result.data;
}

// ── Responses ───────────────────────────────────────────────────────────────────────────
/** The JSON file of a published questionnaire version (an attachment; CSV and XLSX exports are files without a schema). */
export const VersionExportResponse = z.object({
  slug: z.string(),
  version: z.number().int(),
  publishedAt: Timestamp,
  changeNote: z.string().nullable(),
  definition: JsonObject,
});
export type VersionExport = z.infer<typeof VersionExportResponse>;
