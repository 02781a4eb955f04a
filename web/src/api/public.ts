import { useQuery } from '@tanstack/react-query';
import { ApiError, request, segment } from './client.js';
import { isRetryLaterStatus, MAX_PARTIAL_TRIES, retryDelayMs } from './retry.js';
import type { AnswerProblem, PartialResponse, PublicWave, SubmitResponseBody, Submitted } from './types.js';

// The answering page's side of the API (DESIGN.md §4, "Answering"): no account, only the wave's key.

/** The language a respondent answers in: any language tag the questionnaire carries (`de`, `en`, `fr`, `de-AT`, …). */
export type AnswerLocale = string;
/** The languages of Bilanz's own texts, such as the privacy notice. */
export type AppLocale = 'de' | 'en';
export type AnswerData = Record<string, unknown>;

export type { AnswerProblem, PartialResponse, PublicWave, SubmitResponseBody } from './types.js';

const wavePath = (key: string) => `/public/waves/${segment(key)}`;

/**
 * API answers are final for the answering page, except "not now" (429, 503:
 * a full room, a restarting server), which is asked again after the server's
 * Retry-After; and a lost connection is worth two more tries.
 */
const retryRead = (failureCount: number, error: Error) =>
  error instanceof ApiError ? isRetryLaterStatus(error.status) && failureCount < MAX_PARTIAL_TRIES : failureCount < 2;
const retryReadDelay = (failureCount: number, error: Error) =>
  error instanceof ApiError
    ? retryDelayMs({ retryAfterSeconds: error.retryAfterSeconds, attempt: failureCount })
    : Math.min(1000 * 2 ** failureCount, 30_000);

export function usePublicWave(key: string) {
  return useQuery({
    queryKey: ['public-wave', key],
    queryFn: () => request<PublicWave>('GET', wavePath(key)),
    retry: retryRead,
    retryDelay: retryReadDelay,
    // A published version never changes; refetching mid-survey would only risk a reset.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** A partial response saved earlier, for `#resume=<id>` links. */
export function usePartialResponse(key: string, id: string | null) {
  return useQuery({
    queryKey: ['public-wave', key, 'response', id],
    queryFn: () => request<PartialResponse>('GET', `${wavePath(key)}/responses/${segment(id ?? '')}`),
    enabled: id !== null,
    retry: retryRead,
    retryDelay: retryReadDelay,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

/** Exchanges an invitation link's token for an HttpOnly cookie scoped to this wave. */
export const acceptInvitation = (key: string, token: string) =>
  request<void>('POST', `${wavePath(key)}/invitation`, { token });

/** Stores a response; the same body again is answered 200 without storing anything twice. */
export const submitResponse = (key: string, body: SubmitResponseBody) =>
  request<Submitted>('POST', `${wavePath(key)}/responses`, body);

/** The server's per-question messages of a 422, or null for any other error. */
export function answerProblems(error: unknown): AnswerProblem[] | null {
  if (!(error instanceof ApiError) || error.status !== 422 || !Array.isArray(error.details)) return null;
  return error.details.filter(
    (d): d is AnswerProblem =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as AnswerProblem).question === 'string' &&
      typeof (d as AnswerProblem).message === 'string',
  );
}
