import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, segment } from './client';
import type { Action, ActionBody, ActionChanges, Plan } from './types';

// The action plan (Maßnahmenplan): organisers keep it, analysts read it.

const planKey = (ws: string) => ['workspace', ws, 'plan'] as const;
const planPath = (ws: string) => `/workspaces/${segment(ws)}/plan`;
const actionPath = (ws: string, id: string) => `${planPath(ws)}/actions/${segment(id)}`;

export function usePlan(ws: string) {
  return useQuery({ queryKey: planKey(ws), queryFn: () => request<Plan>('GET', planPath(ws)) });
}

function useInvalidatePlan(ws: string) {
  const queryClient = useQueryClient();
  // The report's plans chapter is built from the plan.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: planKey(ws) }),
      queryClient.invalidateQueries({ queryKey: ['workspace', ws, 'reports'] }),
    ]);
}

export function useCreateAction(ws: string) {
  const invalidate = useInvalidatePlan(ws);
  return useMutation({
    mutationFn: (body: ActionBody) => request<Action>('POST', `${planPath(ws)}/actions`, body),
    onSuccess: invalidate,
  });
}

export function useUpdateAction(ws: string) {
  const invalidate = useInvalidatePlan(ws);
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: ActionChanges }) =>
      request<Action>('PATCH', actionPath(ws, id), changes),
    onSuccess: invalidate,
  });
}

export function useDeleteAction(ws: string) {
  const invalidate = useInvalidatePlan(ws);
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', actionPath(ws, id)),
    onSuccess: invalidate,
  });
}
