import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, requestFile, segment } from './client';

// Collection waves (DESIGN.md §2, §4): organisers write, analysts read.

export type WaveAccess = 'link' | 'invitation';
export type WaveState = 'open' | 'closed' | 'not_open';
export type PrivacyNotice = { de: string; en: string };

export interface Wave {
  id: string;
  title: string;
  /** The questionnaire's slug. */
  questionnaire: string;
  version: number;
  access: WaveAccess;
  anonymous: boolean;
  /** What the organisers set; `state` also accounts for the dates. */
  status: 'open' | 'closed';
  state: WaveState;
  opensAt: string | null;
  closesAt: string | null;
  key: string;
  url: string;
  retentionDays: number | null;
  /** held: answers of an anonymous invitation wave waiting to be released together with others. */
  responses: { complete: number; partial: number; held: number };
  /** Complete among all responses, 0–1; null without any. */
  completionRate: number | null;
  /** A day (YYYY-MM-DD): anonymous waves keep no finer time. */
  lastResponseOn: string | null;
  /** The text respondents see: the custom one or the default. */
  privacyNotice: PrivacyNotice;
  privacyNoticeCustom: boolean;
  /** The text the wave would show without its own notice. */
  defaultPrivacyNotice: { de: string; en: string };
  createdAt: string;
}

export interface WaveDetail extends Wave {
  invitations: { total: number; used: number };
}

export interface CreateWaveBody {
  questionnaire: string;
  version: number;
  title: string;
  access: WaveAccess;
  anonymous?: boolean;
  opensAt?: string | null;
  closesAt?: string | null;
  privacyNotice?: PrivacyNotice | null;
  retentionDays?: number | null;
}

export interface UpdateWaveBody {
  title?: string;
  status?: 'open' | 'closed';
  opensAt?: string | null;
  closesAt?: string | null;
  /** null: back to the default text. */
  privacyNotice?: PrivacyNotice | null;
  retentionDays?: number | null;
}

export interface Invitation {
  id: string;
  label: string | null;
  usedOn: string | null;
  createdAt: string;
}

/** A new invitation: the token is shown this once. */
export interface CreatedInvitation {
  label: string | null;
  token: string;
  url: string;
}

export type CreateInvitationsBody = { count: number } | { recipients: { label: string }[] };

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
    queryFn: () => request<{ waves: Wave[] }>('GET', wavesPath(ws)),
    refetchInterval: LIVE_INTERVAL_MS,
  });
}

export function useWave(ws: string, id: string) {
  return useQuery({
    queryKey: waveKey(ws, id),
    queryFn: () => request<{ wave: WaveDetail }>('GET', wavePath(ws, id)),
    refetchInterval: LIVE_INTERVAL_MS,
  });
}

export function useCreateWave(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWaveBody) =>
      request<{ id: string; key: string; url: string }>('POST', wavesPath(ws), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wavesKey(ws) }),
  });
}

export function useUpdateWave(ws: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateWaveBody) => request<{ wave: WaveDetail }>('PATCH', wavePath(ws, id), body),
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
    queryFn: () => request<{ invitations: Invitation[] }>('GET', `${wavePath(ws, id)}/invitations`),
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
            ...(await request<{ invitations: CreatedInvitation[] }>('POST', `${wavePath(ws, id)}/invitations`, body)),
          },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: invitationsKey(ws, id) }),
        queryClient.invalidateQueries({ queryKey: waveKey(ws, id), exact: true }),
      ]),
  });
}
