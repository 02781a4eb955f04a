import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { request, segment } from './client';
import type { Ballot, CreateSessionBody, PublicSession, Session, SessionList } from './types';

// Prioritisation sessions (docs/session.md): organisers open and close them, phones vote by key.

const sessionsKey = (ws: string) => ['workspace', ws, 'sessions'] as const;
const sessionsPath = (ws: string) => `/workspaces/${segment(ws)}/sessions`;
const sessionPath = (ws: string, id: string) => `${sessionsPath(ws)}/${segment(id)}`;

export function useSessions(ws: string) {
  return useQuery({
    queryKey: sessionsKey(ws),
    queryFn: () => request<SessionList>('GET', sessionsPath(ws)),
  });
}

export function useCreateSession(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSessionBody) => request<Session>('POST', sessionsPath(ws), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey(ws) }),
  });
}

export function useUpdateSession(ws: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: { title?: string; status?: 'open' | 'closed' }) =>
      request<Session>('PATCH', sessionPath(ws, id), changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey(ws) }),
  });
}

export function useAddSessionOption(ws: string, id: string) {
  return useMutation({
    mutationFn: (label: string) => request<Session>('POST', `${sessionPath(ws, id)}/options`, { label }),
  });
}

/**
 * A session kept live through its event stream: the server sends the whole
 * session at once and after every vote; EventSource reconnects by itself and
 * the server starts each connection with the current totals.
 */
export function useLiveSession(ws: string, id: string) {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [connected, setConnected] = useState(false);
  // The first load goes through request(), so that a missing session is a proper 404 for PageError.
  const first = useQuery({
    queryKey: [...sessionsKey(ws), id],
    queryFn: () => request<Session>('GET', sessionPath(ws, id)),
  });
  useEffect(() => {
    if (!first.data) return;
    const source = new EventSource(`/api/v1${sessionPath(ws, id)}/events`);
    source.addEventListener('session', (event) => {
      setSession(JSON.parse((event as MessageEvent<string>).data) as Session);
      setConnected(true);
      setError(null);
    });
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, [ws, id, first.data]);
  return {
    session: session ?? first.data ?? null,
    error: first.error ?? error,
    isPending: first.isPending,
    connected,
    /** Puts an answer of a change (close, new option) on screen before the stream brings it. */
    replace: setSession,
  };
}

// ── Phones ────────────────────────────────────────────────────────────────────────────────

const publicPath = (key: string) => `/public/sessions/${segment(key)}`;

export function usePublicSession(key: string) {
  return useQuery({
    queryKey: ['public-session', key],
    queryFn: () => request<PublicSession>('GET', publicPath(key)),
  });
}

export function useBallot(key: string, ballot: string) {
  return useQuery({
    queryKey: ['public-session', key, 'ballot', ballot],
    queryFn: () => request<Ballot>('GET', `${publicPath(key)}/ballots/${segment(ballot)}`),
  });
}

export function useCastBallot(key: string, ballot: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (votes: Record<string, number>) =>
      request<Ballot>('PUT', `${publicPath(key)}/ballots/${segment(ballot)}`, { votes }),
    onSuccess: (data) => queryClient.setQueryData(['public-session', key, 'ballot', ballot], data),
  });
}
