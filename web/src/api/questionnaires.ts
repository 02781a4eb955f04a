import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { request, segment } from './client';
import type {
  DefinitionDiff,
  Published,
  SavedDraft,
  Questionnaire,
  QuestionnaireList,
  TemplateList,
  VersionDetail,
  VersionQuestions,
  VersionRef,
} from './types';

type Definition = Record<string, unknown>;

const questionnairesKey = (ws: string) => ['workspace', ws, 'questionnaires'] as const;
const questionnaireKey = (ws: string, slug: string) => [...questionnairesKey(ws), slug] as const;
const templatesKey = ['templates'] as const;

const questionnairesPath = (ws: string) => `/workspaces/${segment(ws)}/questionnaires`;
const questionnairePath = (ws: string, slug: string) => `${questionnairesPath(ws)}/${segment(slug)}`;

const isDraftDiff = (key: readonly unknown[]) => key[4] === 'diff' && (key[5] === 'draft' || key[6] === 'draft');

/**
 * Drafts, versions and diffs all show in the list, the designer's header and
 * the version history. When the draft is gone (published or discarded), diffs
 * against it are dropped rather than asked for again.
 */
async function refresh(queryClient: QueryClient, ws: string, draftGone = false): Promise<void> {
  if (draftGone)
    queryClient.removeQueries({
      queryKey: questionnairesKey(ws),
      type: 'inactive',
      predicate: (q) => isDraftDiff(q.queryKey),
    });
  await queryClient.invalidateQueries({
    queryKey: questionnairesKey(ws),
    predicate: (q) => !(draftGone && isDraftDiff(q.queryKey)),
  });
}

export function useQuestionnaires(ws: string) {
  return useQuery({
    queryKey: questionnairesKey(ws),
    queryFn: () => request<QuestionnaireList>('GET', questionnairesPath(ws)),
  });
}

export function useTemplates(enabled = true) {
  return useQuery({
    queryKey: templatesKey,
    queryFn: () => request<TemplateList>('GET', '/templates'),
    enabled,
    staleTime: Infinity,
  });
}

export function useCreateQuestionnaire(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { slug: string } & ({ definition: Definition } | { template: string })) =>
      request<Questionnaire>('POST', questionnairesPath(ws), body),
    onSuccess: () => refresh(queryClient, ws),
  });
}

export function useQuestionnaire(ws: string, slug: string) {
  return useQuery({
    queryKey: questionnaireKey(ws, slug),
    queryFn: () => request<Questionnaire>('GET', questionnairePath(ws, slug)),
  });
}

/** One published version; it never changes. */
export function useVersion(ws: string, slug: string, version: number | null) {
  return useQuery({
    queryKey: [...questionnaireKey(ws, slug), 'version', version],
    queryFn: () => request<VersionDetail>('GET', `${questionnairePath(ws, slug)}/versions/${version ?? 0}`),
    enabled: version !== null,
    staleTime: Infinity,
  });
}

/**
 * A published version's questions as the server's registry reads them (open
 * text, indicator measures, filters, choices), titled in `locale`: the web
 * keeps no list of question types.
 */
export function useVersionQuestions(ws: string, slug: string, version: number | null, locale: string) {
  return useQuery({
    queryKey: [...questionnaireKey(ws, slug), 'version', version, 'questions', locale],
    queryFn: () =>
      request<VersionQuestions>(
        'GET',
        `${questionnairePath(ws, slug)}/versions/${version ?? 0}/questions?locale=${encodeURIComponent(locale)}`,
      ),
    enabled: version !== null && slug !== '',
    staleTime: Infinity,
  });
}

export function useDiff(ws: string, slug: string, from: VersionRef | null, to: VersionRef | null) {
  return useQuery({
    queryKey: [...questionnaireKey(ws, slug), 'diff', from, to],
    queryFn: () =>
      request<DefinitionDiff>(
        'GET',
        `${questionnairePath(ws, slug)}/diff?${new URLSearchParams({ from: String(from), to: String(to) }).toString()}`,
      ),
    enabled: from !== null && to !== null && from !== to,
    // A draft side changes with every save.
    staleTime: 0,
  });
}

/** A saved draft, with survey-core's warnings (kept, not refused) and the paths of removed properties. */
export type { SavedDraft } from './types';

export function useSaveDraft(ws: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // dropRemoteProperties: the organiser confirmed that logo, imageLink, choicesByUrl, … are removed.
    mutationFn: ({ definition, dropRemoteProperties }: { definition: Definition; dropRemoteProperties?: boolean }) =>
      request<SavedDraft>('PUT', `${questionnairePath(ws, slug)}/draft`, {
        definition,
        ...(dropRemoteProperties && { dropRemoteProperties }),
      }),
    onSuccess: () => refresh(queryClient, ws),
  });
}

export function useDiscardDraft(ws: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request<void>('DELETE', `${questionnairePath(ws, slug)}/draft`),
    onSuccess: () => refresh(queryClient, ws, true),
  });
}

export function usePublish(ws: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { changeNote?: string; allowBreaking?: boolean }) =>
      request<Published>('POST', `${questionnairePath(ws, slug)}/publish`, body),
    onSuccess: () => refresh(queryClient, ws, true),
  });
}

/** Fetches one version on demand, e.g. to take it over into the draft. */
export function useFetchVersion(ws: string, slug: string) {
  const queryClient = useQueryClient();
  return (version: number) =>
    queryClient.fetchQuery({
      queryKey: [...questionnaireKey(ws, slug), 'version', version],
      queryFn: () => request<VersionDetail>('GET', `${questionnairePath(ws, slug)}/versions/${version}`),
      staleTime: Infinity,
    });
}
