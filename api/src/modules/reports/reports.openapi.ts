import type { ApiModule } from '../../openapi/operation.js';
import {
  ContentQuery,
  CreatedShareResponse,
  CreateShareSchema,
  ReportContentResponse,
  ReportListResponse,
  ReportResponse,
  ShareListResponse,
  PublicShareParams,
  ReportParams,
  ReportSchema,
  ShareParams,
} from './reports.schemas.js';

const CONTENT =
  'Every section computed from the live data with suppression applied (docs/report.md). locale (de|en) is the language of Bilanz’s own words; labelLocale the language the main wave’s questionnaire texts came in, after ?locale’s fallback.';

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
      responses: [{ status: 200, description: 'The saved reports.', schema: ReportListResponse }],
    },
    {
      method: 'post',
      path: '/workspaces/{ws}/reports',
      operationId: 'createReport',
      summary: 'Create a report (only the title is required)',
      tag: 'Reports',
      access: 'organiser',
      body: ReportSchema,
      responses: [{ status: 201, description: 'The new report.', schema: ReportResponse }],
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
      responses: [{ status: 200, description: 'The report’s configuration.', schema: ReportResponse }],
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
      responses: [{ status: 200, description: 'The report’s configuration.', schema: ReportResponse }],
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
      responses: [{ status: 200, description: CONTENT, schema: ReportContentResponse }],
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
          description: 'The workspace’s share links (never their tokens).',
          schema: ShareListResponse,
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
      responses: [
        { status: 201, description: 'The new link; its token is shown only here.', schema: CreatedShareResponse },
      ],
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
      responses: [{ status: 200, description: CONTENT, schema: ReportContentResponse }],
      errors: ['404 not_found', '410 share_expired'],
    },
  ],
};
