import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IndicatorSource as ApiIndicatorSource } from '../../../api/src/db/tables.js';
import { request, segment } from './client';
import type { ActivityType } from './types';

// Indicators on the impact model (IOOI and the PHINEO Wirkungstreppe):
// organisers define them and record manual measurements, analysts read them.

export type IndicatorLevel = 'input' | 'output' | 'outcome' | 'impact';
export const indicatorLevels: readonly IndicatorLevel[] = ['input', 'output', 'outcome', 'impact'];
export type Direction = 'up' | 'down';

export type { ActivityType };

export type SurveyValue = string | number | boolean;

/** Where an indicator's figures come from (house rule 5: the API's own type). */
export type IndicatorSource = ApiIndicatorSource;
export type SurveySource = Extract<IndicatorSource, { kind: 'survey' }>;
export type ActivitiesSource = Extract<IndicatorSource, { kind: 'activities' }>;

/** Where one point of a series comes from. */
export type Provenance =
  | { kind: 'manual'; measurementId: string; enteredBy: string | null; note: string | null }
  /** `reason` (in English) when the value is withheld: fewer respondents than the minimum group size. */
  | { kind: 'survey'; wave: { id: string; title: string }; respondents: number | null; reason?: string }
  | { kind: 'activities'; activities: Array<{ id: string; title: string }> };

/** A day (YYYY-MM-DD) and its value; null when withheld or not computable. */
export interface Point {
  date: string;
  value: number | null;
  source: Provenance;
}

export interface DatedValue {
  date: string;
  value: number;
}

export interface Indicator {
  key: string;
  name: string;
  description: string | null;
  unit: string | null;
  level: IndicatorLevel;
  /** 1–7 on the Wirkungstreppe; inputs stand on no step. */
  step: number | null;
  direction: Direction;
  baseline: DatedValue | null;
  target: DatedValue | null;
  source: IndicatorSource;
  srsChapter: string | null;
  /** Oldest first. */
  series: Point[];
  latest: DatedValue | null;
  /** 0–1 of the way toward the target; null without a target or a value. */
  progress: number | null;
}

export interface IndicatorFields {
  name: string;
  description: string | null;
  unit: string | null;
  level: IndicatorLevel;
  step: number | null;
  direction: Direction;
  baseline: DatedValue | null;
  target: DatedValue | null;
  source: IndicatorSource;
  srsChapter: string | null;
}

export type CreateIndicatorBody = IndicatorFields & { key: string };

export interface MeasurementBody {
  date: string;
  value: number;
  note?: string | null;
}

const indicatorsKey = (ws: string) => ['workspace', ws, 'indicators'] as const;
const indicatorKey = (ws: string, key: string) => [...indicatorsKey(ws), key] as const;

const indicatorsPath = (ws: string) => `/workspaces/${segment(ws)}/indicators`;
const indicatorPath = (ws: string, key: string) => `${indicatorsPath(ws)}/${segment(key)}`;

export function useIndicators(ws: string) {
  return useQuery({
    queryKey: indicatorsKey(ws),
    queryFn: () => request<{ indicators: Indicator[] }>('GET', indicatorsPath(ws)),
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
    mutationFn: (body: MeasurementBody) =>
      request<{ id: string }>('POST', `${indicatorPath(ws, key)}/measurements`, body),
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
