import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, segment } from './client';
import type {
  CreatedShare,
  OpenRole,
  Report,
  ReportConfig,
  ReportContent,
  ReportList,
  SectionKind,
  ShareList,
} from './types';

// Saved strategy-session reports and their share links (issue 7). Organisers
// compose and share, analysts read; a share link shows aggregates only.

export const sectionKinds = [
  'key_figures',
  'input',
  'output',
  'outcome_impact',
  'survey',
  'open_answers',
  'comparison',
  'decisions',
] as const satisfies readonly SectionKind[];
export const openRoles = ['strengths', 'weaknesses', 'development'] as const satisfies readonly OpenRole[];

export type {
  ContentSection,
  CreatedShare,
  OpenRole,
  Report,
  ReportConfig,
  ReportContent,
  ReportIndicator,
  ReportProvenance,
  ReportSource,
  ReportSummary,
  Section,
  SectionKind,
  Share,
  TrendDirection as Trend,
} from './types';

const reportsKey = (ws: string) => ['workspace', ws, 'reports'] as const;
const reportsPath = (ws: string) => `/workspaces/${segment(ws)}/reports`;
const sharesKey = (ws: string) => ['workspace', ws, 'shares'] as const;
const sharesPath = (ws: string) => `/workspaces/${segment(ws)}/shares`;

export function useReports(ws: string) {
  return useQuery({
    queryKey: reportsKey(ws),
    queryFn: () => request<ReportList>('GET', reportsPath(ws)),
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
    queryFn: () => request<ShareList>('GET', sharesPath(ws)),
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
