import { useQuery } from '@tanstack/react-query';
import { request, segment } from './client';
import type { Overview } from './types';

export type { Overview, OverviewIndicator, OverviewWave } from './types';

/** The workspace home's figures in one call: open waves, indicators, activities, report, next steps. */
export function useOverview(ws: string) {
  return useQuery({
    queryKey: ['workspace', ws, 'overview'],
    queryFn: () => request<Overview>('GET', `/workspaces/${segment(ws)}/overview`),
  });
}
