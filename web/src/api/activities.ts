import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, request, segment } from './client';
import type { Activity, ActivityBody, ActivityFilter, ActivityImport, ActivityList, CsvProblem } from './types';

// The activity log (DESIGN.md §4): organisers write, analysts read.

const activitiesKey = (ws: string) => ['workspace', ws, 'activities'] as const;
/** Indicators of the kind `activities` are computed from the log: they change with it. */
const indicatorsKey = (ws: string) => ['workspace', ws, 'indicators'] as const;

const activitiesPath = (ws: string) => `/workspaces/${segment(ws)}/activities`;
const activityPath = (ws: string, id: string) => `${activitiesPath(ws)}/${segment(id)}`;

/** Activities per page of the log. */
export const ACTIVITY_PAGE_SIZE = 20;

function filterQuery(filter: ActivityFilter): string {
  const params = new URLSearchParams();
  if (filter.limit !== undefined) params.set('limit', String(filter.limit));
  if (filter.offset) params.set('offset', String(filter.offset));
  if (filter.type) params.set('type', filter.type);
  if (filter.district) params.set('district', filter.district);
  if (filter.year !== undefined) params.set('year', String(filter.year));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The log, newest first, with the choices for its filters. Keeps the last list on screen while a new filter loads. */
export function useActivities(ws: string, filter: ActivityFilter, page = 1) {
  const paged = { ...filter, limit: ACTIVITY_PAGE_SIZE, offset: (page - 1) * ACTIVITY_PAGE_SIZE };
  return useQuery({
    queryKey: [...activitiesKey(ws), paged],
    queryFn: () => request<ActivityList>('GET', `${activitiesPath(ws)}${filterQuery(paged)}`),
    placeholderData: keepPreviousData,
  });
}

/** After any change: the lists under every filter and the indicators counting activities. */
function useInvalidateLog(ws: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: activitiesKey(ws) }),
      queryClient.invalidateQueries({ queryKey: indicatorsKey(ws) }),
    ]);
}

export function useCreateActivity(ws: string) {
  const invalidate = useInvalidateLog(ws);
  return useMutation({
    mutationFn: (body: ActivityBody) => request<Activity>('POST', activitiesPath(ws), body),
    onSuccess: invalidate,
  });
}

export function useUpdateActivity(ws: string) {
  const invalidate = useInvalidateLog(ws);
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: Partial<ActivityBody> }) =>
      request<Activity>('PATCH', activityPath(ws, id), changes),
    onSuccess: invalidate,
  });
}

export function useDeleteActivity(ws: string) {
  const invalidate = useInvalidateLog(ws);
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', activityPath(ws, id)),
    onSuccess: invalidate,
  });
}

/** Imports CSV text (header `type,title,date,district,topic,note`); one bad row and nothing is imported. */
export function useImportActivities(ws: string) {
  const invalidate = useInvalidateLog(ws);
  return useMutation({
    mutationFn: (csv: string) => request<ActivityImport>('POST', `${activitiesPath(ws)}/import`, { csv }),
    onSuccess: invalidate,
  });
}

/** The refused lines of a 422 `invalid_csv`, or null for any other error. */
export function csvProblems(error: unknown): CsvProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'invalid_csv' || !Array.isArray(error.details)) return null;
  return error.details.filter(
    (d): d is CsvProblem =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as CsvProblem).line === 'number' &&
      typeof (d as CsvProblem).message === 'string',
  );
}

/** The fields a 400 `invalid_request` names (`path` of each detail), with the server's message; null for any other error. */
export function requestProblems(error: unknown): { path: string; message: string }[] | null {
  if (!(error instanceof ApiError) || error.code !== 'invalid_request' || !Array.isArray(error.details)) return null;
  return error.details.filter(
    (d): d is { path: string; message: string } =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as { path: unknown }).path === 'string' &&
      typeof (d as { message: unknown }).message === 'string',
  );
}
