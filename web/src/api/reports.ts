import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, segment } from './client';
import type { ActivityType, IndicatorLevel } from './indicators';
import type { QuestionResult, QuestionTypes } from './types';

// Saved strategy-session reports and their share links (issue 7). Organisers
// compose and share, analysts read; a share link shows aggregates only.

export const sectionKinds = [
  'input',
  'output',
  'outcome_impact',
  'survey',
  'open_answers',
  'comparison',
  'decisions',
] as const;
export type SectionKind = (typeof sectionKinds)[number];
export const openRoles = ['strengths', 'weaknesses', 'development'] as const;
export type OpenRole = (typeof openRoles)[number];

export interface Section {
  kind: SectionKind;
  measure?: 'percent' | 'count';
  topCodes?: number;
  provenance?: boolean;
}

export interface ReportConfig {
  title: string;
  period: { from: string | null; to: string | null };
  wave: string | null;
  compareWave: string | null;
  sections: Section[];
  keyQuestions: string[];
  openQuestions: Partial<Record<OpenRole, string | null>>;
  quotes: Array<{ response: string; question: string }>;
  decisions: string;
}

export interface Report extends ReportConfig {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReportSummary {
  id: string;
  title: string;
  updatedAt: string;
}

type Dated = { date: string; value: number };

export type ReportProvenance =
  | { kind: 'manual'; enteredBy?: string | null; note?: string | null }
  | { kind: 'survey'; wave: string; respondents: number | null; withheld: boolean }
  | { kind: 'activities'; count: number; titles?: string[] };

export type ReportSource =
  | { kind: 'manual' }
  | { kind: 'activities'; activityType: ActivityType; measure: 'count' | 'distinct'; field?: 'district' | 'topic' }
  | { kind: 'survey'; measure: 'share' | 'mean' | 'count'; questionnaire: string; question: string; values: string[] };

export interface ReportIndicator {
  key: string;
  name: string;
  description: string | null;
  unit: string | null;
  level: IndicatorLevel;
  step: number | null;
  direction: 'up' | 'down';
  baseline: Dated | null;
  target: Dated | null;
  source: ReportSource;
  value: Dated | null;
  progress: number | null;
  series?: Array<{ date: string; value: number | null; provenance: ReportProvenance }>;
}

export type Trend = 'up' | 'down' | 'same' | null;

export type ContentSection =
  | { kind: 'input'; indicators: ReportIndicator[] }
  | {
      kind: 'output';
      activities: {
        total: number;
        byType: Array<{ type: ActivityType; count: number }>;
        list: Array<{ type: ActivityType; title: string; date: string; district: string | null }>;
      };
      indicators: ReportIndicator[];
    }
  | { kind: 'outcome_impact'; provenance: boolean; indicators: ReportIndicator[] }
  | {
      kind: 'survey';
      measure: 'percent' | 'count';
      wave: { id: string; title: string; n: number | null; responses: number } | null;
      compare: { id: string; title: string; n: number | null; questions: QuestionResult[] } | null;
      questions: QuestionResult[];
      /** The server's question type registry for the wave's types (as in the results). */
      questionTypes: QuestionTypes;
    }
  | {
      kind: 'open_answers';
      wave: { id: string; title: string } | null;
      topCodes: number;
      questions: Array<{
        role: OpenRole;
        question: { name: string; title: string };
        n: number | null;
        suppressed: boolean;
        codes: Array<{ label: string; count: number | null }>;
        quotes: Array<{ response?: string; text: string }> | null;
      }>;
    }
  | {
      kind: 'comparison';
      waves: { current: { id: string; title: string }; previous: { id: string; title: string } } | null;
      questions: Array<{
        name: string;
        title: string;
        items: Array<{
          label: string;
          unit: 'percent' | 'mean';
          current: number | null;
          previous: number | null;
          delta: number | null;
          trend: Trend;
        }>;
      }>;
      indicators: Array<{
        key: string;
        name: string;
        unit: string | null;
        direction: 'up' | 'down';
        current: Dated | null;
        previous: Dated | null;
        delta: number | null;
        trend: Trend;
        good: boolean | null;
        target: Dated | null;
        reached: boolean | null;
        progress: number | null;
      }>;
    }
  | { kind: 'decisions'; text: string };

export interface ReportContent {
  report: { id: string; title: string; updatedAt: string };
  workspace: { name: string };
  audience: 'workspace' | 'share';
  includesQuotes: boolean;
  locale: 'de' | 'en';
  generatedOn: string;
  period: { from: string | null; to: string | null };
  minGroupSize: number;
  wave: { id: string; title: string; questionnaire: string } | null;
  compareWave: { id: string; title: string } | null;
  sections: ContentSection[];
}

export interface Share {
  id: string;
  report: { id: string; title: string };
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastAccessOn: string | null;
  state: 'active' | 'expired' | 'revoked';
}

export interface CreatedShare {
  id: string;
  token: string;
  url: string;
  expiresAt: string;
  report: { id: string; title: string };
}

const reportsKey = (ws: string) => ['workspace', ws, 'reports'] as const;
const reportsPath = (ws: string) => `/workspaces/${segment(ws)}/reports`;
const sharesKey = (ws: string) => ['workspace', ws, 'shares'] as const;
const sharesPath = (ws: string) => `/workspaces/${segment(ws)}/shares`;

export function useReports(ws: string) {
  return useQuery({
    queryKey: reportsKey(ws),
    queryFn: () => request<{ reports: ReportSummary[] }>('GET', reportsPath(ws)),
  });
}

export function useReport(ws: string, id: string) {
  return useQuery({
    queryKey: [...reportsKey(ws), id],
    queryFn: () => request<Report>('GET', `${reportsPath(ws)}/${segment(id)}`),
    enabled: id !== '',
  });
}

/** The assembled report, as the server computes it (suppression applied). */
export function useReportContent(ws: string, id: string, locale: string) {
  return useQuery({
    queryKey: [...reportsKey(ws), id, 'content', locale],
    queryFn: () => request<ReportContent>('GET', `${reportsPath(ws)}/${segment(id)}/content?locale=${segment(locale)}`),
    enabled: id !== '',
  });
}

export function useCreateReport(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<ReportConfig> & { title: string }) => request<Report>('POST', reportsPath(ws), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportsKey(ws), exact: true }),
  });
}

export function useSaveReport(ws: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportConfig) => request<Report>('PUT', `${reportsPath(ws)}/${segment(id)}`, body),
    onSuccess: (report) => {
      queryClient.setQueryData([...reportsKey(ws), id], report);
      return queryClient.invalidateQueries({ queryKey: reportsKey(ws) });
    },
  });
}

export function useDeleteReport(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `${reportsPath(ws)}/${segment(id)}`),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: reportsKey(ws), exact: true }),
        queryClient.invalidateQueries({ queryKey: sharesKey(ws) }),
      ]),
  });
}

export function useShares(ws: string, enabled: boolean) {
  return useQuery({
    queryKey: sharesKey(ws),
    queryFn: () => request<{ shares: Share[] }>('GET', sharesPath(ws)),
    enabled,
  });
}

export function useCreateShare(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { report: string; expiresInDays: number }) =>
      request<CreatedShare>('POST', sharesPath(ws), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharesKey(ws) }),
  });
}

export function useRevokeShare(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `${sharesPath(ws)}/${segment(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharesKey(ws) }),
  });
}

/** A shared report, read with the link's token only (no account). */
export function usePublicShare(token: string, locale: string) {
  return useQuery({
    queryKey: ['public', 'share', token, locale],
    queryFn: () => request<ReportContent>('GET', `/public/shares/${segment(token)}?locale=${segment(locale)}`),
    retry: false,
  });
}
