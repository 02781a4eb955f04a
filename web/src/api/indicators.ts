import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, segment } from './client';
import type {
  CreateIndicatorBody,
  Indicator,
  IndicatorList,
  IndicatorFields,
  IndicatorLevel,
  IndicatorSource,
  Measurement,
  MeasurementBody,
} from './types';

// Indicators on the impact model (IOOI and the PHINEO Wirkungstreppe):
// organisers define them and record manual measurements, analysts read them.

export type {
  ActivityType,
  CreateIndicatorBody,
  DatedValue,
  Direction,
  Indicator,
  IndicatorList,
  IndicatorFields,
  IndicatorLevel,
  IndicatorSource,
  MeasurementBody,
  Point,
  Provenance,
} from './types';
export const indicatorLevels: readonly IndicatorLevel[] = ['input', 'output', 'outcome', 'impact'];

export type SurveyValue = string | number | boolean;
export type SurveySource = Extract<IndicatorSource, { kind: 'survey' }>;
export type ActivitiesSource = Extract<IndicatorSource, { kind: 'activities' }>;

const indicatorsKey = (ws: string) => ['workspace', ws, 'indicators'] as const;
const indicatorKey = (ws: string, key: string) => [...indicatorsKey(ws), key] as const;

const indicatorsPath = (ws: string) => `/workspaces/${segment(ws)}/indicators`;
const indicatorPath = (ws: string, key: string) => `${indicatorsPath(ws)}/${segment(key)}`;

export function useIndicators(ws: string) {
  return useQuery({
    queryKey: indicatorsKey(ws),
    queryFn: () => request<IndicatorList>('GET', indicatorsPath(ws)),
  });
}

export function useIndicator(ws: string, key: string) {
  return useQuery({
    queryKey: indicatorKey(ws, key),
    queryFn: () => request<Indicator>('GET', indicatorPath(ws, key)),
  });
}

export function useCreateIndicator(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIndicatorBody) => request<Indicator>('POST', indicatorsPath(ws), body),
    onSuccess: (indicator) => {
      queryClient.setQueryData(indicatorKey(ws, indicator.key), indicator);
      return queryClient.invalidateQueries({ queryKey: indicatorsKey(ws), exact: true });
    },
  });
}

export function useUpdateIndicator(ws: string, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<IndicatorFields>) => request<Indicator>('PATCH', indicatorPath(ws, key), body),
    onSuccess: (indicator) => {
      queryClient.setQueryData(indicatorKey(ws, key), indicator);
      return queryClient.invalidateQueries({ queryKey: indicatorsKey(ws), exact: true });
    },
  });
}

export function useDeleteIndicator(ws: string, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request<void>('DELETE', indicatorPath(ws, key)),
    // The page leaves for the list; its own query goes stale there (removing it now would refetch a 404).
    onSuccess: () => queryClient.invalidateQueries({ queryKey: indicatorsKey(ws), exact: true }),
  });
}

/** Both the indicator (its series) and the list (latest values, trends) change with a measurement. */
const refreshIndicator = (queryClient: ReturnType<typeof useQueryClient>, ws: string) =>
  queryClient.invalidateQueries({ queryKey: indicatorsKey(ws) });

export function useAddMeasurement(ws: string, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MeasurementBody) => request<Measurement>('POST', `${indicatorPath(ws, key)}/measurements`, body),
    onSuccess: () => refreshIndicator(queryClient, ws),
  });
}

export function useDeleteMeasurement(ws: string, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `${indicatorPath(ws, key)}/measurements/${segment(id)}`),
    onSuccess: () => refreshIndicator(queryClient, ws),
  });
}
