import type { ApiModule } from '../../openapi/operation.js';
import {
  ContentQuery,
  CreateShareSchema,
  PublicShareParams,
  ReportParams,
  ReportSchema,
  ShareParams,
} from './reports.schemas.js';

const REPORT_VIEW =
  '{id, title, period: {from, to}, wave, compareWave, sections: [{kind, measure?, topCodes?, provenance?}], keyQuestions, openQuestions: {strengths?, weaknesses?, development?}, quotes: [{response, question}], decisions, createdAt, updatedAt}';
const CONTENT =
  '{report: {id, title, updatedAt}, workspace: {name}, audience: "workspace"|"share", includesQuotes, locale (de|en: the language of Bilanz’s own words), labelLocale (the language the main wave’s questionnaire texts came in, after ?locale’s fallback), generatedOn, period, minGroupSize, wave, compareWave, sections: [{kind, …}]} — every section computed from the live data with suppression applied (docs/report.md)';

/** OpenAPI description of reports.routes.ts (saved reports and share links). */
export const reportsApi: ApiModule = {
  tags: [
    {
      name: 'Reports',
      description:
        'Saved strategy-session reports after the Social Reporting Standard’s impact part: organisers compose them, analysts read them.',
    },
    {
      name: 'Shares',
      description:
        'Expiring, revocable read-only links to a report for people without an account: aggregates only, suppression applied, no free text (no answers, and none of the quotes picked for the report).',
    },
  ],
  operations: [
    {
      method: 'get',
      path: '/workspaces/{ws}/reports',
      operationId: 'listReports',
      summary: 'The workspace’s reports, last changed first',
      tag: 'Reports',
      access: 'analyst',
      responses: [{ status: 200, description: '{reports: [{id, title, createdAt, updatedAt}]}' }],
    },
    {
      method: 'post',
      path: '/workspaces/{ws}/reports',
      operationId: 'createReport',
      summary: 'Create a report (only the title is required)',
      tag: 'Reports',
      access: 'organiser',
      body: ReportSchema,
      responses: [{ status: 201, description: REPORT_VIEW }],
      errors: ['422 invalid_report'],
    },
    {
      method: 'get',
      path: '/workspaces/{ws}/reports/{id}',
      operationId: 'getReport',
      summary: 'One report’s saved configuration',
      tag: 'Reports',
      access: 'analyst',
      params: ReportParams,
      responses: [{ status: 200, description: REPORT_VIEW }],
      errors: ['404 not_found'],
    },
    {
      method: 'put',
      path: '/workspaces/{ws}/reports/{id}',
      operationId: 'replaceReport',
      summary: 'Replace a report’s title and configuration as a whole',
      tag: 'Reports',
      access: 'organiser',
      params: ReportParams,
      body: ReportSchema,
      responses: [{ status: 200, description: REPORT_VIEW }],
      errors: ['404 not_found', '422 invalid_report'],
    },
    {
      method: 'delete',
      path: '/workspaces/{ws}/reports/{id}',
      operationId: 'deleteReport',
      summary: 'Delete a report and its share links',
      tag: 'Reports',
      access: 'organiser',
      params: ReportParams,
      responses: [{ status: 204, description: 'Deleted.' }],
      errors: ['404 not_found'],
    },
    {
      method: 'get',
      path: '/workspaces/{ws}/reports/{id}/content',
      operationId: 'getReportContent',
      summary: 'The assembled report: everything the page renders, with suppression applied',
      tag: 'Reports',
      access: 'analyst',
      params: ReportParams,
      query: ContentQuery,
      responses: [{ status: 200, description: CONTENT }],
      errors: ['404 not_found'],
    },
    {
      method: 'get',
      path: '/workspaces/{ws}/shares',
      operationId: 'listShares',
      summary: 'The workspace’s share links with the day each was last opened',
      tag: 'Shares',
      access: 'organiser',
      responses: [
        {
          status: 200,
          description:
            '{shares: [{id, report: {id, title}, createdAt, expiresAt, revokedAt, lastAccessOn, state: "active"|"expired"|"revoked"}]}',
        },
      ],
    },
    {
      method: 'post',
      path: '/workspaces/{ws}/shares',
      operationId: 'createShare',
      summary: 'Create a share link to a report; the token is shown only in this answer',
      tag: 'Shares',
      access: 'organiser',
      body: CreateShareSchema,
      responses: [{ status: 201, description: '{id, token, url, expiresAt, report: {id, title}}' }],
      errors: ['404 not_found'],
    },
    {
      method: 'delete',
      path: '/workspaces/{ws}/shares/{id}',
      operationId: 'revokeShare',
      summary: 'Withdraw a share link',
      tag: 'Shares',
      access: 'organiser',
      params: ShareParams,
      responses: [{ status: 204, description: 'Withdrawn.' }],
      errors: ['404 not_found'],
    },
    {
      method: 'get',
      path: '/public/shares/{token}',
      operationId: 'getSharedReport',
      summary: 'A shared report, for anyone with the link (no account, no cookie)',
      description:
        "Aggregates only, suppression applied, no free text: no answers, and none of the quotes picked for the report (includesQuotes is false, each open question's quotes null). Unknown and withdrawn links answer 404 alike.",
      tag: 'Shares',
      access: 'public',
      params: PublicShareParams,
      query: ContentQuery,
      responses: [{ status: 200, description: CONTENT }],
      errors: ['404 not_found', '410 share_expired'],
    },
  ],
};
