import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, requestFile, segment } from './client';
import type {
  CreatedWave,
  CreateInvitationsBody,
  CreateWaveBody,
  IssuedInvitationList,
  UpdateWaveBody,
  WaveDetailEnvelope,
  WaveInvitationList,
  WaveList,
} from './types';

// Collection waves (DESIGN.md §2, §4): organisers write, analysts read.

export type {
  CreatedInvitation,
  CreateInvitationsBody,
  CreateWaveBody,
  Invitation,
  PrivacyNotice,
  UpdateWaveBody,
  Wave,
  WaveAccess,
  WaveDetail,
  WaveState,
} from './types';

const wavesKey = (ws: string) => ['workspace', ws, 'waves'] as const;
const waveKey = (ws: string, id: string) => [...wavesKey(ws), id] as const;
const invitationsKey = (ws: string, id: string) => [...waveKey(ws, id), 'invitations'] as const;

const wavesPath = (ws: string) => `/workspaces/${segment(ws)}/waves`;
const wavePath = (ws: string, id: string) => `${wavesPath(ws)}/${segment(id)}`;

/** Responses keep arriving while a wave is open: the counts refresh on their own. */
const LIVE_INTERVAL_MS = 30_000;

export function useWaves(ws: string) {
  return useQuery({
    queryKey: wavesKey(ws),
    queryFn: () => request<WaveList>('GET', wavesPath(ws)),
    refetchInterval: LIVE_INTERVAL_MS,
  });
}

export function useWave(ws: string, id: string) {
  return useQuery({
    queryKey: waveKey(ws, id),
    queryFn: () => request<WaveDetailEnvelope>('GET', wavePath(ws, id)),
    refetchInterval: LIVE_INTERVAL_MS,
  });
}

export function useCreateWave(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWaveBody) => request<CreatedWave>('POST', wavesPath(ws), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wavesKey(ws) }),
  });
}

export function useUpdateWave(ws: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateWaveBody) => request<WaveDetailEnvelope>('PATCH', wavePath(ws, id), body),
    onSuccess: ({ wave }) => {
      queryClient.setQueryData(waveKey(ws, id), { wave });
      return queryClient.invalidateQueries({ queryKey: wavesKey(ws), exact: true });
    },
  });
}

/** Organisers only. */
export function useInvitations(ws: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: invitationsKey(ws, id),
    queryFn: () => request<WaveInvitationList>('GET', `${wavePath(ws, id)}/invitations`),
    enabled,
  });
}

/** Creates invitations, as JSON (links shown once) or as a CSV file of links for a mail merge. */
export function useCreateInvitations(ws: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, format }: { body: CreateInvitationsBody; format: 'json' | 'csv' }) =>
      format === 'csv'
        ? { format, file: await requestFile('POST', `${wavePath(ws, id)}/invitations?format=csv`, body) }
        : {
            format,
            ...(await request<IssuedInvitationList>('POST', `${wavePath(ws, id)}/invitations`, body)),
          },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: invitationsKey(ws, id) }),
        queryClient.invalidateQueries({ queryKey: waveKey(ws, id), exact: true }),
      ]),
  });
}
