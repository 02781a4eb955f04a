// When to send again a request the server refused for now (429 Too Many
// Requests, 503 Service Unavailable). Pure, without the DOM, so that the
// reliability tests' simulated members wait exactly as the answering page does.

/** Statuses that mean "not now", after which the same request may be sent again. */
export const isRetryLaterStatus = (status: number): boolean => status === 429 || status === 503;

/** Tries of one autosave refused for now, before the page gives up on it (a newer one, or the submission, carries its answers). */
export const MAX_PARTIAL_TRIES = 6;
/** Tries of the final submission refused for now; with the waits below about ten minutes, so that nobody has to press it again. */
export const MAX_COMPLETE_TRIES = 15;

/** The back-off without a Retry-After: 2, 4, 8 … seconds, at most a minute. */
const backoffSeconds = (attempt: number): number => Math.min(60, 2 ** (attempt + 1));

/**
 * A Retry-After header in seconds: a number of seconds or an HTTP date
 * (RFC 9110 §10.2.3); undefined when missing or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  // An HTTP date names its day and month in letters; anything else ("-3") is unreadable.
  if (!/^[A-Za-z]{3}, /.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * How long to wait before try `attempt + 1` (`attempt` counts from 0): never
 * less than the server's Retry-After, nor than the exponential back-off, plus
 * up to half as much again at random, so that a room refused at the same
 * moment does not come back at the same moment.
 */
export function retryDelayMs(options: {
  retryAfterSeconds: number | undefined;
  attempt: number;
  random?: () => number;
}): number {
  const floor = Math.max(options.retryAfterSeconds ?? 0, backoffSeconds(options.attempt)) * 1000;
  const random = options.random ?? Math.random;
  return Math.round(floor * (1 + 0.5 * random()));
}
