import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, segment } from './client';
import type { AnswerCodes, AnswersList, Code } from './types';

// Open answers of a wave and the questionnaire's codebook (DESIGN.md §4):
// organisers and analysts read and code them; share links never see them.

export type { AnswersList, Code, CodeCount, OpenAnswer } from './types';

const answersKey = (ws: string, waveId: string) => ['workspace', ws, 'waves', waveId, 'answers'] as const;
const codebookKey = (ws: string, slug: string) => ['workspace', ws, 'codebook', slug] as const;

const wavePath = (ws: string, waveId: string) => `/workspaces/${segment(ws)}/waves/${segment(waveId)}`;
const codesPath = (ws: string, slug: string) => `/workspaces/${segment(ws)}/questionnaires/${segment(slug)}/codes`;

export function useAnswers(ws: string, waveId: string, question: string, search: string, locale: string) {
  return useQuery({
    queryKey: [...answersKey(ws, waveId), question, search, locale],
    queryFn: () => {
      const params = new URLSearchParams({ locale: locale === 'de' ? 'de' : 'en' });
      if (search) params.set('search', search);
      return request<AnswersList>('GET', `${wavePath(ws, waveId)}/answers/${segment(question)}?${params.toString()}`);
    },
    // Typing in the search box keeps the last list on screen until the next one arrives.
    placeholderData: keepPreviousData,
    enabled: question !== '',
  });
}

/** After any coding change: the answers (with their counts) and the codebook load again. */
function useRefresh(ws: string, waveId: string, slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: answersKey(ws, waveId) }),
      queryClient.invalidateQueries({ queryKey: codebookKey(ws, slug) }),
    ]);
}

export function useSetAnswerCodes(ws: string, waveId: string, slug: string, question: string) {
  const refresh = useRefresh(ws, waveId, slug);
  return useMutation({
    mutationFn: ({ responseId, codes }: { responseId: string; codes: string[] }) =>
      request<AnswerCodes>('PUT', `${wavePath(ws, waveId)}/answers/${segment(question)}/${segment(responseId)}/codes`, {
        codes,
      }),
    onSettled: refresh,
  });
}

export function useCreateCode(ws: string, waveId: string, slug: string) {
  const refresh = useRefresh(ws, waveId, slug);
  return useMutation({
    mutationFn: (label: string) => request<Code>('POST', codesPath(ws, slug), { label }),
    onSuccess: refresh,
  });
}

export function useRenameCode(ws: string, waveId: string, slug: string) {
  const refresh = useRefresh(ws, waveId, slug);
  return useMutation({
    mutationFn: ({ id, label }: { id: string; label: string }) =>
      request<Code>('PATCH', `${codesPath(ws, slug)}/${segment(id)}`, { label }),
    onSuccess: refresh,
  });
}

export function useDeleteCode(ws: string, waveId: string, slug: string) {
  const refresh = useRefresh(ws, waveId, slug);
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `${codesPath(ws, slug)}/${segment(id)}`),
    onSuccess: refresh,
  });
}
