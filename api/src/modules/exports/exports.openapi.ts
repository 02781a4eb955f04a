import type { ApiModule } from '../../openapi/operation.js';
import {
  CodebookExportQuery,
  PanelExportParams,
  ResponsesExportQuery,
  ResultsExportQuery,
  VersionExportParams,
  VersionExportResponse,
  WaveExportParams,
} from './exports.schemas.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** OpenAPI description of exports.routes.ts. */
export const exportsApi: ApiModule = {
  tags: [
    {
      name: 'Exports',
      description:
        'Files to take away, sent as attachments and streamed. CSV: UTF-8 with BOM, comma separated, RFC 4180, cells holding a semicolon or tab quoted too; text cells starting with =, +, -, @, tab or carriage return get a leading single quote (formula-injection guard). XLSX: texts are text cells holding exactly what was answered, never formulas. Numbers stay numbers.',
    },
  ],
  operations: [
    {
      method: 'get',
      path: '/workspaces/{ws}/waves/{id}/export',
      operationId: 'exportWaveResponses',
      summary: 'A wave’s complete responses as CSV or XLSX, one row each, codes as values',
      description:
        'Columns: response_id, completed_on, locale, then one per question of the wave’s version (one per choice for checkbox/tagbox as <name>.<value> with 1/0, one per row for matrix as <name>.<row>, <name>.other for the “other” text). Dynamic panels and matrices are one JSON column here; XLSX adds a long sheet for each after the codebook (as in …/export/panels/{question}.csv). XLSX carries the codebook as its second sheet (with ?locale, as in the codebook.csv). Raw responses are for organisers only.',
      tag: 'Exports',
      access: 'organiser',
      params: WaveExportParams,
      query: ResponsesExportQuery,
      responses: [
        { status: 200, description: 'The file (Content-Disposition: attachment).', contentTypes: ['text/csv', XLSX] },
      ],
      errors: ['400 invalid_format', '404 not_found'],
    },
    {
      method: 'get',
      path: '/workspaces/{ws}/waves/{id}/export/codebook.csv',
      operationId: 'exportWaveCodebook',
      summary: 'The codebook of a wave’s response export as CSV',
      description:
        'One row per column and code: column, question, type, text_de, text_en, value, label_de, label_en. With ?locale, two more columns at the end, text and label, in that language (the questionnaire’s default language when it does not carry it).',
      tag: 'Exports',
      access: 'organiser',
      params: WaveExportParams,
      query: CodebookExportQuery,
      responses: [
        { status: 200, description: 'The codebook (Content-Disposition: attachment).', contentTypes: ['text/csv'] },
      ],
      errors: ['404 not_found'],
    },
    {
      method: 'get',
      path: '/workspaces/{ws}/waves/{id}/export/panels/{question}.csv',
      operationId: 'exportWavePanels',
      summary:
        'One dynamic panel or dynamic matrix of a wave’s responses as a long CSV, one row per panel or matrix row',
      description:
        'Columns: response_id, <question>.panel (1, 2, … in the order entered), then one per inner question (or matrix column) laid out as in the response export and named <question>.<inner>. The codebook describes them. Raw responses are for organisers only.',
      tag: 'Exports',
      access: 'organiser',
      params: PanelExportParams,
      responses: [
        { status: 200, description: 'The file (Content-Disposition: attachment).', contentTypes: ['text/csv'] },
      ],
      errors: ['404 not_found'],
    },
    {
      method: 'get',
      path: '/workspaces/{ws}/waves/{id}/results/export',
      operationId: 'exportWaveResults',
      summary: 'A wave’s results table (aggregates) as CSV or XLSX, optionally filtered',
      description:
        'The figures of GET …/results under the same filters and suppression, one row per cell: question, title, type, row, row_label, value, label, count, percent, n, mean, suppressed (1 where hidden: count and percent empty). XLSX adds an info sheet with the filters, n and the language of the labels (locale). Titles and labels come in ?locale as in the results API.',
      tag: 'Exports',
      access: 'analyst',
      params: WaveExportParams,
      query: ResultsExportQuery,
      responses: [
        { status: 200, description: 'The file (Content-Disposition: attachment).', contentTypes: ['text/csv', XLSX] },
      ],
      errors: ['400 invalid_format', '400 invalid_filter', '404 not_found'],
    },
    {
      method: 'get',
      path: '/workspaces/{ws}/questionnaires/{slug}/versions/{version}/export',
      operationId: 'exportQuestionnaireVersion',
      summary: 'A published questionnaire version as a JSON file',
      description: '{slug, version, publishedAt, changeNote, definition}, pretty-printed, as an attachment.',
      tag: 'Exports',
      access: 'analyst',
      params: VersionExportParams,
      responses: [
        { status: 200, description: 'The JSON file (Content-Disposition: attachment).', schema: VersionExportResponse },
      ],
      errors: ['404 not_found'],
    },
  ],
};
