import { segment } from './client';

// Downloads (DESIGN.md §4 "Exports and sharing"). They are plain links, not
// fetches: the browser streams the file to disk instead of holding it here.

const API_BASE = '/api/v1';
export type ExportFormat = 'csv' | 'xlsx';

const wavePath = (ws: string, id: string) => `${API_BASE}/workspaces/${segment(ws)}/waves/${segment(id)}`;

/** A wave's complete responses, one row each, codes as values (organisers only). */
export const responsesExportUrl = (ws: string, id: string, format: ExportFormat) =>
  `${wavePath(ws, id)}/export?format=${format}`;

/** The codebook of the responses export as CSV (the XLSX carries it as its second sheet). */
export const codebookExportUrl = (ws: string, id: string) => `${wavePath(ws, id)}/export/codebook.csv`;

/** One dynamic panel or matrix as a long table, one row per entry (organisers only; the XLSX has it as a sheet). */
export const panelExportUrl = (ws: string, id: string, question: string) =>
  `${wavePath(ws, id)}/export/panels/${segment(question)}.csv`;

/** The wave's results table under the given filters, labels in `locale`. */
export function resultsExportUrl(
  ws: string,
  id: string,
  format: ExportFormat,
  where: string[],
  locale: string,
): string {
  const query = new URLSearchParams([
    ['format', format],
    ...where.map((w): [string, string] => ['where', w]),
    ['locale', locale],
  ]);
  return `${wavePath(ws, id)}/results/export?${query.toString()}`;
}

/** A published questionnaire version as a JSON file. */
export const versionExportUrl = (ws: string, slug: string, version: number) =>
  `${API_BASE}/workspaces/${segment(ws)}/questionnaires/${segment(slug)}/versions/${version}/export`;
