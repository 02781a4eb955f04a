import { ApiError, NetworkError } from '../../api/client.js';
import { submitResponse, type SubmitResponseBody } from '../../api/public.js';
import { isRetryLaterStatus, MAX_COMPLETE_TRIES, MAX_PARTIAL_TRIES, retryDelayMs } from '../../api/retry.js';

export type SendStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  /** The server holds the answers so far. */
  | { kind: 'saved' }
  /** No connection: the answers wait on this device; `completing` when it is the final submission. */
  | { kind: 'offline'; completing: boolean; retryInSeconds: number }
  /** The server asked to wait (429, 503): the answers wait on this device and are sent by themselves; `completing` when it is the final submission. */
  | { kind: 'busy'; completing: boolean; retryInSeconds: number }
  | { kind: 'sending' }
  | { kind: 'failed'; error: unknown };

/** Waits between tries of a submission that got no answer, in seconds. */
const RETRY_DELAYS = [3, 5, 10, 20, 30];
const PARTIAL_RETRY_SECONDS = 15;

const isRetryLater = (error: unknown): error is ApiError =>
  error instanceof ApiError && isRetryLaterStatus(error.status);

/**
 * Sends one respondent's response: autosaves (debounced, newest wins) and
 * the final submission, one request at a time and in order. A submission
 * that got no answer is sent again unchanged, with the same id, so that the
 * server's idempotency turns a lost answer into a plain 200. One the server
 * refused for now (429, 503: a full room, a restarting server) is sent again
 * by itself after the server's Retry-After and a jittered back-off
 * (`api/retry.ts`), a bounded number of times, and nothing is sent before
 * that wait is over: so a respondent never has to press "Complete" again.
 */
export class ResponseSender {
  private chain: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: SubmitResponseBody | undefined;
  private lastSaved: string | undefined;
  private completing = false;
  private finished = false;
  private disposed = false;
  private wake: (() => void) | undefined;
  /** Nothing is sent before this moment (ms since the epoch): the server asked to wait. */
  private notBefore = 0;
  /** Autosaves refused for now in a row. */
  private partialRefusals = 0;
  private readonly random: () => number;

  constructor(
    private readonly waveKey: string,
    private readonly onStatus: (status: SendStatus) => void,
    options: { random?: () => number } = {},
  ) {
    this.random = options.random ?? Math.random;
    window.addEventListener('online', this.retryNow);
  }

  /** Saves the answers so far after `delayMs` (later while the server asked to wait); a newer call replaces an older one that is still waiting. */
  savePartial(body: SubmitResponseBody, delayMs: number): void {
    if (this.completing || this.finished) return;
    this.pending = body;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flushPartial(), Math.max(delayMs, this.waitLeft()));
  }

  /** Sends a waiting autosave now (e.g. when the page is hidden), unless the server asked to wait. */
  flush(): void {
    if (this.pending && !this.completing && this.waitLeft() === 0) {
      clearTimeout(this.timer);
      void this.flushPartial();
    }
  }

  /**
   * The final submission. Retries on lost connections until the server
   * answers; rejects with the server's error (ApiError) otherwise.
   */
  async complete(body: SubmitResponseBody): Promise<void> {
    clearTimeout(this.timer);
    this.pending = undefined;
    this.completing = true;
    let networkFailures = 0;
    let refusals = 0;
    try {
      for (;;) {
        // Refused for now (this submission or an autosave before it): wait as the server asked.
        for (let wait = this.waitLeft(); wait > 0; wait = this.waitLeft()) {
          this.onStatus({ kind: 'busy', completing: true, retryInSeconds: Math.ceil(wait / 1000) });
          await this.sleep(wait);
          if (this.disposed) throw new Error('The page was left while the answers waited to be sent.');
        }
        this.onStatus({ kind: 'sending' });
        try {
          await this.enqueue(() => submitResponse(this.waveKey, body));
          this.finished = true;
          this.onStatus({ kind: 'idle' });
          return;
        } catch (error) {
          if (isRetryLater(error) && ++refusals < MAX_COMPLETE_TRIES) {
            this.holdOff(error, refusals - 1);
            continue;
          }
          if (!(error instanceof NetworkError)) {
            this.onStatus({ kind: 'idle' });
            throw error;
          }
          const seconds = RETRY_DELAYS[Math.min(networkFailures++, RETRY_DELAYS.length - 1)]!;
          this.onStatus({ kind: 'offline', completing: true, retryInSeconds: seconds });
          await this.sleep(seconds * 1000);
          if (this.disposed) throw error;
        }
      }
    } finally {
      this.completing = false;
    }
  }

  /** Cuts a waiting retry short (the connection is back, or the respondent asked). */
  readonly retryNow = (): void => {
    if (this.wake) this.wake();
    else this.flush();
  };

  dispose(): void {
    clearTimeout(this.timer);
    this.finished = true;
    this.disposed = true;
    this.wake?.();
    window.removeEventListener('online', this.retryNow);
  }

  private async flushPartial(): Promise<void> {
    const body = this.pending;
    this.pending = undefined;
    if (!body) return;
    const json = JSON.stringify(body);
    if (json === this.lastSaved) return;
    this.onStatus({ kind: 'saving' });
    try {
      await this.enqueue(() => submitResponse(this.waveKey, body));
      this.lastSaved = json;
      this.partialRefusals = 0;
      if (!this.pending && !this.completing && !this.finished) this.onStatus({ kind: 'saved' });
    } catch (error) {
      if (isRetryLater(error)) {
        // Even when the submission has begun meanwhile: it must wait as well.
        this.holdOff(error, this.partialRefusals);
        if (this.completing || this.finished) return;
        if (++this.partialRefusals < MAX_PARTIAL_TRIES) {
          const wait = this.waitLeft();
          this.onStatus({ kind: 'busy', completing: false, retryInSeconds: Math.ceil(wait / 1000) });
          // Try again then, or send the newer autosave that is already waiting then.
          this.pending ??= body;
          clearTimeout(this.timer);
          this.timer = setTimeout(() => void this.flushPartial(), wait);
          return;
        }
        // Given up on this one: the next change, or the submission, carries its answers.
        this.partialRefusals = 0;
        this.onStatus({ kind: 'failed', error });
        return;
      }
      if (this.completing || this.finished) return;
      if (error instanceof NetworkError) {
        this.onStatus({ kind: 'offline', completing: false, retryInSeconds: PARTIAL_RETRY_SECONDS });
        // Try again later unless a newer autosave is already waiting.
        if (!this.pending) {
          this.pending = body;
          this.timer = setTimeout(() => void this.flushPartial(), PARTIAL_RETRY_SECONDS * 1000);
        }
        return;
      }
      this.onStatus({ kind: 'failed', error });
    }
  }

  /** Milliseconds until the server's wait is over; 0 when it is. */
  private waitLeft(): number {
    return Math.max(0, this.notBefore - Date.now());
  }

  /** Holds every request back as the server asked (Retry-After, with back-off and jitter). */
  private holdOff(error: ApiError, attempt: number): void {
    const ms = retryDelayMs({ retryAfterSeconds: error.retryAfterSeconds, attempt, random: this.random });
    this.notBefore = Math.max(this.notBefore, Date.now() + ms);
  }

  private enqueue<T>(send: () => Promise<T>): Promise<T> {
    const run = this.chain.then(send, send);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
