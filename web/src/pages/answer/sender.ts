import { NetworkError } from '../../api/client';
import { submitResponse, type SubmitResponseBody } from '../../api/public';

export type SendStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  /** The server holds the answers so far. */
  | { kind: 'saved' }
  /** No connection: the answers wait on this device; `completing` when it is the final submission. */
  | { kind: 'offline'; completing: boolean; retryInSeconds: number }
  | { kind: 'sending' }
  | { kind: 'failed'; error: unknown };

/** Waits between tries of a submission that got no answer, in seconds. */
const RETRY_DELAYS = [3, 5, 10, 20, 30];
const PARTIAL_RETRY_SECONDS = 15;

/**
 * Sends one respondent's response: autosaves (debounced, newest wins) and
 * the final submission, one request at a time and in order. A submission
 * that got no answer is sent again unchanged, with the same id, so that the
 * server's idempotency turns a lost answer into a plain 200.
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

  constructor(
    private readonly waveKey: string,
    private readonly onStatus: (status: SendStatus) => void,
  ) {
    window.addEventListener('online', this.retryNow);
  }

  /** Saves the answers so far after `delayMs`; a newer call replaces an older one that is still waiting. */
  savePartial(body: SubmitResponseBody, delayMs: number): void {
    if (this.completing || this.finished) return;
    this.pending = body;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flushPartial(), delayMs);
  }

  /** Sends a waiting autosave now (e.g. when the page is hidden). */
  flush(): void {
    if (this.pending && !this.completing) {
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
    try {
      for (let attempt = 0; ; attempt++) {
        this.onStatus({ kind: 'sending' });
        try {
          await this.enqueue(() => submitResponse(this.waveKey, body));
          this.finished = true;
          this.onStatus({ kind: 'idle' });
          return;
        } catch (error) {
          if (!(error instanceof NetworkError)) {
            this.onStatus({ kind: 'idle' });
            throw error;
          }
          const seconds = RETRY_DELAYS[Math.min(attempt, RETRY_DELAYS.length - 1)]!;
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
      if (!this.pending && !this.completing && !this.finished) this.onStatus({ kind: 'saved' });
    } catch (error) {
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
