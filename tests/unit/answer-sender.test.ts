// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../web/src/api/client.js';
import { MAX_COMPLETE_TRIES, MAX_PARTIAL_TRIES, parseRetryAfter, retryDelayMs } from '../../web/src/api/retry.js';
import type { SubmitResponseBody } from '../../web/src/api/public.js';
import { ResponseSender, type SendStatus } from '../../web/src/pages/answer/sender.js';

// The answering page's sender against a fake fetch and fake timers: a
// refused request (429, 503) is sent again by itself, not before the
// server's Retry-After, with jitter, a bounded number of times.

const KEY = 'k'.repeat(22);
const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const body = (
  status: 'partial' | 'complete',
  data: Record<string, unknown> = { sector: 'civic' },
): SubmitResponseBody => ({ id: ID, data, status });

type Reply = { status: number; retryAfter?: string; body?: unknown };
const refused = (status: 429 | 503, retryAfter?: string): Reply => ({
  status,
  ...(retryAfter !== undefined && { retryAfter }),
  body: { error: { code: status === 429 ? 'rate_limited' : 'unavailable', message: 'Too many attempts.' } },
});
const stored: Reply = { status: 201, body: { id: ID, status: 'complete' } };

/** A fetch that answers from a script, one reply per call (the last one repeats), and records what was sent and when. */
function fakeFetch(replies: Reply[]) {
  const calls: Array<{ at: number; body: SubmitResponseBody }> = [];
  const fetch = vi.fn((_url: string, init: RequestInit) => {
    calls.push({ at: Date.now(), body: JSON.parse(String(init.body)) as SubmitResponseBody });
    const reply = replies[Math.min(calls.length - 1, replies.length - 1)]!;
    const headers = new Headers({ 'Content-Type': 'application/json' });
    if (reply.retryAfter !== undefined) headers.set('Retry-After', reply.retryAfter);
    return Promise.resolve(new Response(JSON.stringify(reply.body ?? {}), { status: reply.status, headers }));
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

let statuses: SendStatus[];
let sender: ResponseSender;
const start = (random = () => 0) => {
  statuses = [];
  sender = new ResponseSender(KEY, (s) => statuses.push(s), { random });
  return sender;
};
const t0 = new Date('2026-05-19T10:00:00Z').getTime();

beforeEach(() => {
  vi.useFakeTimers({ now: t0 });
});
afterEach(() => {
  sender?.dispose();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('retry timing (api/retry.ts)', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(' 0 ')).toBe(0);
    expect(parseRetryAfter(new Date(t0 + 30_000).toUTCString(), t0)).toBe(30);
    expect(parseRetryAfter(new Date(t0 - 5_000).toUTCString(), t0)).toBe(0);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('-3')).toBeUndefined();
  });

  it('never waits less than Retry-After or the back-off, and at most half as much again', () => {
    expect(retryDelayMs({ retryAfterSeconds: 10, attempt: 0, random: () => 0 })).toBe(10_000);
    expect(retryDelayMs({ retryAfterSeconds: 10, attempt: 0, random: () => 1 })).toBe(15_000);
    // Without Retry-After (a proxy's 503): 2, 4, 8 … seconds, a minute at most.
    expect(
      [0, 1, 2, 3, 4, 5, 9].map((attempt) => retryDelayMs({ retryAfterSeconds: undefined, attempt, random: () => 0 })),
    ).toEqual([2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
    // A short Retry-After does not cut the back-off of a fourth refusal short.
    expect(retryDelayMs({ retryAfterSeconds: 1, attempt: 3, random: () => 0 })).toBe(16_000);
  });
});

describe('the final submission', () => {
  it('is sent again by itself after a 429, not before Retry-After, and the respondent is told it waits', async () => {
    const calls = fakeFetch([refused(429, '5'), stored]);
    let done = false;
    const completing = start()
      .complete(body('complete'))
      .then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    expect(statuses).toContainEqual({ kind: 'busy', completing: true, retryInSeconds: 5 });

    await vi.advanceTimersByTimeAsync(4_999);
    expect(calls, 'not before Retry-After').toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await completing;
    expect(done).toBe(true);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBe(5_000);
    // Unchanged, with the same id: the server's idempotency makes a repeat harmless.
    expect(calls[1]!.body).toEqual(calls[0]!.body);
    expect(statuses.at(-1)).toEqual({ kind: 'idle' });
  });

  it('spreads a room refused at one moment: the wait grows by up to half at random', async () => {
    const calls = fakeFetch([refused(429, '10'), stored]);
    const completing = start(() => 0.8).complete(body('complete'));
    await vi.advanceTimersByTimeAsync(13_999);
    expect(calls).toHaveLength(1);
    expect(statuses).toContainEqual({ kind: 'busy', completing: true, retryInSeconds: 14 });
    await vi.advanceTimersByTimeAsync(1);
    await completing;
    expect(calls).toHaveLength(2);
  });

  it('backs off exponentially on a 503 without Retry-After', async () => {
    const calls = fakeFetch([refused(503), refused(503), refused(503), stored]);
    const completing = start().complete(body('complete'));
    await vi.advanceTimersByTimeAsync(2_000 + 4_000 + 8_000);
    await completing;
    expect(calls.map((c) => c.at - t0)).toEqual([0, 2_000, 6_000, 14_000]);
  });

  it(`gives up after ${MAX_COMPLETE_TRIES} refusals with the server's error, so the page can say so`, async () => {
    const calls = fakeFetch([refused(429, '1')]);
    const completing = start().complete(body('complete'));
    const outcome = completing.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    const error = await outcome;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    expect((error as ApiError).retryAfterSeconds).toBe(1);
    expect(calls).toHaveLength(MAX_COMPLETE_TRIES);
    expect(statuses.at(-1)).toEqual({ kind: 'idle' });
  });

  it('is not retried when the server refuses the answers themselves (422)', async () => {
    const calls = fakeFetch([
      { status: 422, body: { error: { code: 'validation_failed', message: 'No.', details: [] } } },
    ]);
    await expect(start().complete(body('complete'))).rejects.toMatchObject({ status: 422, code: 'validation_failed' });
    expect(calls).toHaveLength(1);
  });

  it('waits out a Retry-After an autosave got before it', async () => {
    const calls = fakeFetch([refused(429, '20'), stored]);
    const s = start();
    s.savePartial(body('partial'), 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5_000);
    const completing = s.complete(body('complete'));
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)).toEqual({ kind: 'busy', completing: true, retryInSeconds: 15 });
    // The "try again now" path (e.g. the browser going online) does not cut the server's wait short.
    s.retryNow();
    await vi.advanceTimersByTimeAsync(14_999);
    expect(calls, 'nothing before the autosave’s Retry-After is over').toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await completing;
    expect(calls).toHaveLength(2);
    expect(calls[1]!.body.status).toBe('complete');
    expect(calls[1]!.at - t0).toBe(20_000);
  });
});

describe('autosaves', () => {
  it('are sent again by themselves after Retry-After; a newer one waiting meanwhile is the one sent', async () => {
    const calls = fakeFetch([refused(429, '8'), { status: 201, body: { id: ID, status: 'partial' } }]);
    const s = start();
    s.savePartial(body('partial', { sector: 'civic' }), 1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
    expect(statuses.at(-1)).toEqual({ kind: 'busy', completing: false, retryInSeconds: 8 });

    // The respondent answers on: debounced by a second as always, yet held back until the wait is over.
    await vi.advanceTimersByTimeAsync(2_000);
    s.savePartial(body('partial', { sector: 'civic', memberSince: '2014' }), 1000);
    // Hiding the page flushes waiting autosaves, but not into a refusal.
    s.flush();
    await vi.advanceTimersByTimeAsync(5_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBe(8_000);
    expect(calls[1]!.body.data).toEqual({ sector: 'civic', memberSince: '2014' });
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
  });

  it('retry the same answers when nothing newer came', async () => {
    const calls = fakeFetch([refused(503, '3'), { status: 201, body: { id: ID, status: 'partial' } }]);
    start().savePartial(body('partial'), 0);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.body).toEqual(calls[0]!.body);
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
  });

  it(`give up after ${MAX_PARTIAL_TRIES} refusals in a row and say so`, async () => {
    const calls = fakeFetch([refused(429, '2')]);
    start().savePartial(body('partial'), 0);
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(calls).toHaveLength(MAX_PARTIAL_TRIES);
    const last = statuses.at(-1);
    expect(last?.kind).toBe('failed');
    expect(last?.kind === 'failed' && last.error instanceof ApiError && last.error.status).toBe(429);
    // Waits between the tries grew: 2, 4, 8, 16, 32 s (no jitter here).
    const gaps = calls.slice(1).map((c, i) => c.at - calls[i]!.at);
    expect(gaps).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
  });
});
